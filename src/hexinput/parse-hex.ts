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
  // Re-read each MDATA row knowing how many bytes it can hold (tells a hex-looking gutter
  // apart): up to the next higher offset, the last up to BodyLength. By offset, not by the
  // order of the text: a row written again or out of order is read whole, as placeRows places
  // it (and as the MIVR log reader reads it), not cut to nothing by a lower row after it.
  const offsets = [...new Set(mdata.map((r) => r.offset))].sort((a, b) => a - b);
  const nextOffset = new Map(offsets.map((o, i) => [o, offsets[i + 1]]));
  const rows = mdata.map((r) => {
    const next = nextOffset.get(r.offset);
    const expected = next !== undefined ? next - r.offset : Math.max(0, bodyLength - r.offset);
    return { offset: r.offset, ...takeRowBytes(r.tokens, Math.min(16, expected)) };
  });
  const assembled = assembleDump(headerRows, rows, notes);
  if (!assembled.ok) return assembled;
  return { ok: true, input: { bytes: assembled.bytes, missing: assembled.missing, shape: 'mivr', notes } };
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
