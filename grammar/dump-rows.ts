/**
 * Hex-dump rows: telling the bytes of a row from its ASCII gutter.
 *
 * A row is `[offset:] b1 b2 ... bn [gutter]`. The gutter renders the row's bytes (printable
 * 0x20–0x7e as the character, anything else as `.`), but it can itself look like hex (bytes
 * `61 62` give the gutter `ab`), and the guide's gutters are lossy (runs of dots collapsed,
 * a byte lost: MDATA row 0000 of Example 2 holds 15 bytes). So the split is a choice among
 * candidates k = 0..min(hex-looking tokens, row width), ranked by
 *   1. whether k is the expected count (next row's offset, or the message length, minus
 *      this row's offset; at most the row width),
 *   2. how well the rest of the row renders the first k bytes (exact > dots collapsed > no
 *      gutter at all > mismatch) — only a tie-breaker, since the guide's gutters are lossy,
 *   3. the larger k.
 */
import type { IToken } from 'chevrotain';
import type { DumpRow, TraceDiagnostic } from './cti-trace-types.js';
import { HexBytes, Offset } from './cti-trace-tokens.js';
import type { DumpRowSyntax } from './cti-trace-parser.js';
import { textEnd, type LineIndex } from './token-text.js';
import { chooseByteCount, expectedByteCount, gutterScore, rowWidth } from './dump-gutter.js';

export { chooseByteCount, gutterScore, mhdrLength, renderGutter } from './dump-gutter.js';

function nibble(c: number): number {
  return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57;
}

function hex2(n: number): string {
  return n.toString(16).padStart(4, '0');
}

interface PreparedRow {
  readonly statedOffset?: number;
  readonly body: IToken[];
  readonly line: number;
  readonly startOffset: number;
}

function prepare(row: DumpRowSyntax, lines: LineIndex): PreparedRow {
  const first = row.tokens[0];
  const stated = first.tokenType === Offset;
  return {
    statedOffset: stated ? parseInt(first.image, 16) : undefined,
    body: stated ? row.tokens.slice(1) : row.tokens,
    line: lines.lineAt(first.startOffset),
    startOffset: first.startOffset,
  };
}

/** The stated offsets, ascending, each once. */
function statedOffsets(rows: readonly PreparedRow[]): number[] {
  const offsets = rows.flatMap((r) => (r.statedOffset !== undefined ? [r.statedOffset] : []));
  return [...new Set(offsets)].sort((a, b) => a - b);
}

/** The smallest stated offset above `offset` (the row that continues this one, wherever it is written). */
function offsetAbove(offsets: readonly number[], offset: number): number | undefined {
  return offsets.find((o) => o > offset);
}

/**
 * Resolves the rows of one `MHDR:` / `MDATA:` section.
 * @param total the block's byte length when known (8 for MHDR, the MHDR length for MDATA)
 */
export function resolveDumpRows(
  text: string,
  lines: LineIndex,
  label: string,
  rows: readonly DumpRowSyntax[],
  total: number | undefined,
  diagnostics: TraceDiagnostic[],
): DumpRow[] {
  const prepared = rows.map((r) => prepare(r, lines));
  const offsets = statedOffsets(prepared);
  const width = rowWidth(offsets);
  const out: DumpRow[] = [];
  let prevEnd = 0;
  for (let i = 0; i < prepared.length; i++) {
    const row = prepared[i];
    const offset = row.statedOffset ?? prevEnd;
    // The row written next, and the row that continues this one: the same in a dump written in
    // order; a row written out of order is placed at its offset, and the row continuing this one
    // may come earlier or later in the text.
    const written = prepared[i + 1]?.statedOffset;
    const next = written !== undefined && written <= offset ? written : offsetAbove(offsets, offset);
    const expected = expectedByteCount(offset, next, total, width);

    // The leading run of hex groups: their values and where each starts in the text.
    const body = row.body;
    const hex: number[] = [];
    const starts: number[] = [];
    const run = body.length > 0 && body[0].tokenType === HexBytes ? body[0] : undefined;
    if (run) {
      const img = run.image;
      for (let c = 0; c + 1 < img.length; c++) {
        if (img.charCodeAt(c) > 0x20) {
          starts.push(run.startOffset + c);
          hex.push((nibble(img.charCodeAt(c)) << 4) | nibble(img.charCodeAt(c + 1)));
          c += 2;
        }
      }
    }
    const rest = run ? 1 : 0;
    const rowEnd = body.length > 0 ? textEnd(body[body.length - 1]) : 0;
    const gutterStart = (k: number): number | undefined => (k < hex.length ? starts[k] : rest < body.length ? body[rest].startOffset : undefined);
    const gutterAfter = (k: number): string | undefined => {
      const from = gutterStart(k);
      return from === undefined ? undefined : text.slice(from, rowEnd);
    };
    const k = chooseByteCount(hex, gutterAfter, expected, width);
    const bytes = hex.slice(0, k);
    const gutter = gutterAfter(k);
    const where = (): string => `${label} row ${hex2(offset)}`;
    if (gutter !== undefined && gutterScore(gutter, bytes) === 0) {
      diagnostics.push({
        severity: 'info',
        code: 'DUMP-GUTTER-MISMATCH',
        message: `${where()}: the text after the bytes ("${gutter}") does not render them`,
        unquoted: `${where()}: the text after the bytes does not render them`,
        offset: gutterStart(k) ?? row.startOffset,
        line: row.line,
      });
    }
    if (written !== undefined && written < offset) {
      diagnostics.push({
        severity: 'warning',
        code: 'DUMP-ROW-ORDER',
        message: `${where()} is followed by row ${hex2(written)}: the rows are out of order (each is placed at its offset)`,
        offset: row.startOffset,
        line: row.line,
      });
    } else if (next !== undefined && offset + k !== next) {
      const missing = next - offset - k;
      diagnostics.push({
        severity: 'warning',
        code: missing > 0 ? 'DUMP-SHORT-ROW' : 'DUMP-ROW-OVERLAP',
        message:
          missing > 0
            ? `${where()} holds ${k} byte(s) but the next row starts at ${hex2(next)} (${missing} byte(s) missing)`
            : `${where()} holds ${k} byte(s), running ${-missing} byte(s) past the next row's offset ${hex2(next)}`,
        offset: row.startOffset,
        line: row.line,
      });
    }
    const offsetStated = row.statedOffset !== undefined;
    out.push(gutter !== undefined ? { offset, bytes, gutter, line: row.line, offsetStated } : { offset, bytes, line: row.line, offsetStated });
    prevEnd = offset + k;
  }
  return out;
}
