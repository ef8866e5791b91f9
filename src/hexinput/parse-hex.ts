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
import { chooseByteCount, expectedByteCount, rowWidth } from '../../grammar/dump-gutter.js';
import { assembleDump, placeHeader, placeRows, type HexNote, type PlacedRow } from './place-rows.js';

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
  const rows: RawRow[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([0-9a-fA-F]{4,8}):?\s+(.*)$/.exec(line);
    if (!m) continue;
    const rest = m[2]!.replace(/\|.*\|\s*$/, '');
    const tokens = byteTokens(rest.split(/\s+/).filter((t) => t !== ''));
    rows.push({ offset: parseInt(m[1]!, 16), tokens });
  }
  if (rows.length === 0) return { ok: false, error: 'no dump rows found' };
  const notes: HexNote[] = [];
  const placed = placeRows(splitRows(rows, undefined), undefined, 'dump', notes);
  return { ok: true, input: { bytes: placed.bytes, missing: placed.holes, shape: 'dump', notes } };
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
  const headerRows = splitRows(mhdr, 8);
  const head = placeHeader(headerRows, []);
  if (!head.ok) return head;
  const bodyLength = head.bodyLength;
  // Each MDATA row read knowing how many bytes it can hold (tells a hex-looking gutter apart).
  const rows = splitRows(mdata, bodyLength);
  const assembled = assembleDump(headerRows, rows, notes);
  if (!assembled.ok) return assembled;
  return { ok: true, input: { bytes: assembled.bytes, missing: assembled.missing, shape: 'mivr', notes } };
}

/**
 * Each row's bytes, split from its gutter as the MIVR log reader splits them (grammar/dump-rows.ts: the
 * same expected count, row width and `chooseByteCount`): a row holds up to the next higher
 * offset, within the row width, and a row starting inside the block (`total` bytes, when known)
 * no further than its end. A row lying past the block has no expected count: its gutter tells
 * its bytes (trailing bytes, not a gutter). Offsets are taken in order of value, not of the
 * text: a row written again or out of order is read whole, as placeRows places it.
 */
function splitRows(raw: readonly RawRow[], total: number | undefined): PlacedRow[] {
  const offsets = [...new Set(raw.map((r) => r.offset))].sort((a, b) => a - b);
  const nextOffset = new Map(offsets.map((o, i) => [o, offsets[i + 1]]));
  const width = rowWidth(offsets);
  return raw.map((r) => {
    const expected = expectedByteCount(r.offset, nextOffset.get(r.offset), total, width);
    const hex: number[] = [];
    while (hex.length < r.tokens.length && BYTE_TOKEN.test(r.tokens[hex.length]!)) hex.push(parseInt(r.tokens[hex.length]!, 16));
    const gutterAfter = (k: number): string | undefined => (k < r.tokens.length ? r.tokens.slice(k).join(' ') : undefined);
    return { offset: r.offset, bytes: hex.slice(0, chooseByteCount(hex, gutterAfter, expected, width)) };
  });
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
