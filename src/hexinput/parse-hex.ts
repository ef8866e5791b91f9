/**
 * Reads the bytes of one message given as text in any common shape:
 *  - plain hex (`0000003600000017…`), spaced pairs, `0x` prefixes, C arrays, `\x` escapes;
 *  - dumps with offset columns and an ASCII gutter (MIVR `0000: 00 01 … ....`, xxd, hexdump -C);
 *  - the MIVR low-level trace with `MHDR:` and `MDATA:` sections.
 *
 * Rows of a dump are placed at their stated offsets: a short row leaves a hole, reported as
 * missing bytes — never filled with invented values.
 */
import type { ByteRange } from '../protocol/codec/decode.js';
import { chooseByteCount, DEFAULT_WIDTH, MAX_WIDTH } from '../../grammar/dump-gutter.js';
import { assembleDump, placeHeader, placeRows, type HexNote } from './place-rows.js';

export type { HexNote };

export interface HexInput {
  /** The message bytes (header + body); bytes of `missing` ranges are zero and must not be read. */
  readonly bytes: Uint8Array;
  /** Message-relative ranges the input does not give. */
  readonly missing: readonly ByteRange[];
  readonly shape: 'plain' | 'dump' | 'mivr';
  readonly notes: readonly HexNote[];
}

export type HexParseResult = { readonly ok: true; readonly input: HexInput } | { readonly ok: false; readonly error: string };

interface DumpRow {
  readonly offset: number;
  readonly bytes: number[];
  readonly gutter: string;
}

const OFFSET_TOKEN = /^[0-9a-fA-F]{4,8}:$/;
const BYTE_TOKEN = /^[0-9a-fA-F]{2}$/;
const SECTION_TOKEN = /^(MHDR|MDATA):?$/i;

export function parseHexInput(text: string): HexParseResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'no hex given' };
  if (/\bMHDR\b/i.test(trimmed) || /\bMDATA\b/i.test(trimmed)) return parseMivr(trimmed);
  if (looksLikeDump(trimmed)) return parseDump(trimmed);
  return parsePlain(trimmed);
}

// ---------------------------------------------------------------------------------------
// Plain hex
// ---------------------------------------------------------------------------------------

function parsePlain(text: string): HexParseResult {
  const tokens = text
    .replace(/[{}[\];,]/g, ' ')
    .replace(/\\x/gi, ' ')
    .split(/\s+/)
    .filter((t) => t !== '');
  let digits = '';
  for (const token of tokens) {
    let t = token.replace(/^0x/i, '');
    if (token.length !== t.length && t.length === 1) t = `0${t}`;
    t = t.replace(/[:-]/g, '');
    if (!/^[0-9a-fA-F]*$/.test(t)) return { ok: false, error: `not hex: ${JSON.stringify(token.slice(0, 40))}` };
    digits += t;
  }
  if (digits.length % 2 !== 0) return { ok: false, error: `an odd number of hex digits (${digits.length})` };
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  return { ok: true, input: { bytes, missing: [], shape: 'plain', notes: [] } };
}

// ---------------------------------------------------------------------------------------
// Dumps with offset columns (xxd, hexdump -C, MIVR rows without section labels)
// ---------------------------------------------------------------------------------------

function looksLikeDump(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.some((l) => /^\s*[0-9a-fA-F]{4,8}:\s/.test(l) || /^[0-9a-fA-F]{8}\s{2}[0-9a-fA-F]{2}\s.*\|.*\|\s*$/.test(l));
}

/** Splits xxd-style 4-digit groups into byte tokens. */
function byteTokens(tokens: readonly string[]): string[] {
  return tokens.flatMap((t) => (/^[0-9a-fA-F]{4}$/.test(t) ? [t.slice(0, 2), t.slice(2)] : [t]));
}

function parseDump(text: string): HexParseResult {
  const rows: DumpRow[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([0-9a-fA-F]{4,8}):?\s+(.*)$/.exec(line);
    if (!m) continue;
    const rest = m[2]!.replace(/\|.*\|\s*$/, '');
    const tokens = byteTokens(rest.split(/\s+/).filter((t) => t !== ''));
    rows.push({ offset: parseInt(m[1]!, 16), ...takeRowBytes(tokens, undefined) });
  }
  if (rows.length === 0) return { ok: false, error: 'no dump rows found' };
  const notes: HexNote[] = [];
  const placed = placeRows(rows, undefined, 'dump', notes);
  return { ok: true, input: { bytes: placed.bytes, missing: placed.holes, shape: 'dump', notes } };
}

/**
 * The bytes of one row: leading two-digit tokens, at most `expected` (16 when unknown). The
 * rest is the ASCII gutter; a gutter made of hex-looking tokens (bytes 61 62 shown as "ab")
 * is recognised because it renders the row's own bytes.
 */
function takeRowBytes(tokens: readonly string[], expected: number | undefined): { bytes: number[]; gutter: string } {
  const limit = expected ?? 16;
  const bytes: number[] = [];
  let i = 0;
  while (i < tokens.length && bytes.length < limit && BYTE_TOKEN.test(tokens[i]!)) {
    bytes.push(parseInt(tokens[i]!, 16));
    i++;
  }
  // If the last byte tokens are exactly the rendering of the bytes before them, they are a gutter.
  for (let k = Math.min(bytes.length - 1, 16); k >= 1 && i === tokens.length; k--) {
    const candidate = tokens.slice(k, i).join('');
    if (candidate.length === k && candidate === render(bytes.slice(0, k)) && (expected === undefined || k === expected)) {
      return { bytes: bytes.slice(0, k), gutter: tokens.slice(k).join(' ') };
    }
  }
  return { bytes, gutter: tokens.slice(i).join(' ') };
}

function render(bytes: readonly number[]): string {
  return bytes.map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
}

// ---------------------------------------------------------------------------------------
// MIVR low-level trace: MHDR + MDATA
// ---------------------------------------------------------------------------------------

function parseMivr(text: string): HexParseResult {
  const tokens = byteTokens(
    text
      .split(/\s+/)
      .filter((t) => t !== '')
      .flatMap((t) => splitGlued(t)),
  );
  const sections = new Map<string, RawRow[]>();
  let section: string | undefined;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (SECTION_TOKEN.test(t)) {
      section = t.replace(':', '').toUpperCase();
      if (!sections.has(section)) sections.set(section, []);
      i++;
      continue;
    }
    if (section && OFFSET_TOKEN.test(t)) {
      const offset = parseInt(t, 16);
      let j = i + 1;
      while (j < tokens.length && !OFFSET_TOKEN.test(tokens[j]!) && !SECTION_TOKEN.test(tokens[j]!)) j++;
      sections.get(section)!.push({ offset, tokens: tokens.slice(i + 1, j) });
      i = j;
      continue;
    }
    i++;
  }
  const mhdr = sections.get('MHDR') ?? [];
  const mdata = sections.get('MDATA') ?? [];
  const notes: HexNote[] = [];
  const headerRows = mhdr.map((r) => ({ offset: r.offset, ...takeRowBytes(r.tokens, Math.max(0, 8 - r.offset)) }));
  const head = placeHeader(headerRows, []);
  if (!head.ok) return head;
  const bodyLength = head.bodyLength;
  // Re-read each MDATA row knowing how many bytes it can hold, as the MIVR log reader reads it
  // (grammar/dump-rows.ts: the same expected count and chooseByteCount): up to the next higher
  // offset and within the row width, and a row that starts inside the body no further than
  // BodyLength. A row lying past BodyLength has no expected count: its gutter tells its bytes
  // (they are trailing bytes, not a gutter). By offset, not by the order of the text: a row
  // written again or out of order is read whole, as placeRows places it, not cut to nothing by
  // a lower row after it.
  const offsets = [...new Set(mdata.map((r) => r.offset))].sort((a, b) => a - b);
  const nextOffset = new Map(offsets.map((o, i) => [o, offsets[i + 1]]));
  const width = rowWidth(offsets);
  const rows = mdata.map((r) => {
    const next = nextOffset.get(r.offset);
    let expected: number | undefined;
    if (next !== undefined) expected = Math.min(width, next - r.offset);
    if (bodyLength > r.offset) expected = Math.min(expected ?? width, bodyLength - r.offset);
    return { offset: r.offset, ...chooseRowBytes(r.tokens, expected, width) };
  });
  const assembled = assembleDump(headerRows, rows, notes);
  if (!assembled.ok) return assembled;
  return { ok: true, input: { bytes: assembled.bytes, missing: assembled.missing, shape: 'mivr', notes } };
}

/** The row width the offsets tell (their smallest step), as dump-rows.ts takes it. */
function rowWidth(sortedOffsets: readonly number[]): number {
  let width = Infinity;
  for (let i = 1; i < sortedOffsets.length; i++) width = Math.min(width, sortedOffsets[i]! - sortedOffsets[i - 1]!);
  return Number.isFinite(width) && width <= MAX_WIDTH ? width : DEFAULT_WIDTH;
}

/** A row's bytes and gutter: how many leading hex-looking tokens are bytes, by chooseByteCount. */
function chooseRowBytes(tokens: readonly string[], expected: number | undefined, width: number): { bytes: number[]; gutter: string } {
  const hex: number[] = [];
  while (hex.length < tokens.length && BYTE_TOKEN.test(tokens[hex.length]!)) hex.push(parseInt(tokens[hex.length]!, 16));
  const gutterAfter = (k: number): string | undefined => (k < tokens.length ? tokens.slice(k).join(' ') : undefined);
  const k = chooseByteCount(hex, gutterAfter, expected, width);
  return { bytes: hex.slice(0, k), gutter: tokens.slice(k).join(' ') };
}

/** `MHDR:0000:` or `...6....MDATA:` glued by a lossy copy: separate the labels. */
function splitGlued(token: string): string[] {
  return token
    .replace(/(MHDR|MDATA):/gi, ' $1: ')
    .split(/\s+/)
    .filter((t) => t !== '');
}

interface RawRow {
  readonly offset: number;
  readonly tokens: readonly string[];
}
