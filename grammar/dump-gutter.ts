/**
 * A hex-dump row's bytes vs its ASCII gutter: how many of the leading hex-looking tokens are
 * bytes (see dump-rows.ts for the rule), and the MHDR length. No chevrotain here: the fast
 * scanner (fast-dump.ts) and the reference builder (dump-rows.ts) share these.
 */
import type { DumpRow } from './cti-trace-types.js';

/** Row width when no two stated offsets tell it, and the widest row believed. */
export const DEFAULT_WIDTH = 16;
export const MAX_WIDTH = 64;

/** The gutter character of a byte: itself when printable ASCII, else `.`. */
function shown(b: number): number {
  return b >= 0x20 && b <= 0x7e ? b : 0x2e;
}

/** How the gutter of `bytes` is rendered: printable ASCII as itself, anything else as `.`. */
export function renderGutter(bytes: readonly number[]): string {
  return String.fromCharCode(...bytes.map(shown));
}

/**
 * Gutter vs the first `n` bytes: 3 exact rendering; 2 equal once whitespace is dropped and
 * runs of dots collapse (the guide's lossy gutters); 1 no gutter; 0 does not match.
 * Compares in place, without building strings.
 */
export function gutterScore(gutter: string | undefined, bytes: readonly number[], n = bytes.length): number {
  if (gutter === undefined) return 1;
  if (gutter.length === n) {
    let i = 0;
    while (i < n && gutter.charCodeAt(i) === shown(bytes[i])) i++;
    if (i === n) return 3;
  }
  let i = 0;
  let j = 0;
  for (;;) {
    let a = -1;
    while (i < gutter.length) {
      const c = gutter.charCodeAt(i++);
      if (c <= 0x20) continue;
      a = c;
      if (c === 0x2e) while (i < gutter.length && (gutter.charCodeAt(i) === 0x2e || gutter.charCodeAt(i) <= 0x20)) i++;
      break;
    }
    let b = -1;
    while (j < n) {
      const c = shown(bytes[j++]);
      if (c === 0x20) continue;
      b = c;
      if (c === 0x2e) while (j < n && (shown(bytes[j]) === 0x2e || shown(bytes[j]) === 0x20)) j++;
      break;
    }
    if (a !== b) return 0;
    if (a === -1) return 2;
  }
}

/** Row width: the smallest step between stated offsets (ascending, each once); DEFAULT_WIDTH when none, or wider than MAX_WIDTH. */
export function rowWidth(sortedOffsets: readonly number[]): number {
  let width = Infinity;
  for (let i = 1; i < sortedOffsets.length; i++) width = Math.min(width, sortedOffsets[i] - sortedOffsets[i - 1]);
  return Number.isFinite(width) && width <= MAX_WIDTH ? width : DEFAULT_WIDTH;
}

/**
 * How many bytes a row at `offset` is expected to hold, when that is known: up to the row that
 * continues it (`next`, when above it), within the row width, and no further than the end of a
 * block of `total` bytes it starts inside. A row past the block has no expected count (its
 * bytes are trailing bytes, told from its gutter).
 */
export function expectedByteCount(offset: number, next: number | undefined, total: number | undefined, width: number): number | undefined {
  let expected: number | undefined;
  if (next !== undefined && next > offset) expected = Math.min(width, next - offset);
  if (total !== undefined && total > offset) expected = Math.min(expected ?? width, total - offset);
  return expected;
}

/**
 * Picks how many of the leading hex-looking tokens are bytes: the expected count when it is
 * possible, otherwise the candidate whose gutter renders its bytes best (more bytes on a tie).
 * @param hex values of the leading hex-looking tokens
 * @param gutterAfter text of the row after the first k tokens (undefined when nothing follows)
 * @param expected the expected byte count, when known
 * @param width the row width (maximum byte count)
 */
export function chooseByteCount(
  hex: readonly number[],
  gutterAfter: (k: number) => string | undefined,
  expected: number | undefined,
  width: number,
): number {
  const max = Math.min(hex.length, width);
  if (expected !== undefined && expected >= 0 && expected <= max) return expected;
  let best = max;
  let bestScore = -1;
  for (let k = max; k >= 0; k--) {
    const score = gutterScore(gutterAfter(k), hex, k);
    if (score > bestScore) {
      best = k;
      bestScore = score;
      if (score === 3) break;
    }
  }
  return best;
}

/** The message length stated by MHDR rows (first 4 bytes, big-endian), when they hold it. */
export function mhdrLength(rows: readonly DumpRow[]): number | undefined {
  const first = rows[0];
  if (!first || first.offset !== 0 || first.bytes.length < 4) return undefined;
  const b = first.bytes;
  return ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
}
