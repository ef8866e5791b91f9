/**
 * The fast scanner of low-level traces (`writing...` / `MHDR:` / `MDATA:` hex dumps): one pass
 * over the common clean shape — one row per line, each row with its offset column — giving
 * exactly what the chevrotain parser + builder give, or `undefined` ("unsure") for anything
 * else, which the chevrotain grammar then parses. Rows are resolved with the same functions as
 * the builder's (`chooseByteCount`, `gutterScore`, `mhdrLength` of dump-gutter.ts); a dump the
 * builder would report anything about (short rows, length mismatch, gutter mismatch…) is
 * left to the reference path.
 */
import { directionOf } from './trace-objects.js';
import type { CtiTraceParseResult, DumpRow, LowLevelTrace } from './cti-trace-types.js';
import { chooseByteCount, DEFAULT_WIDTH, expectedByteCount, gutterScore, MAX_WIDTH, mhdrLength } from './dump-gutter.js';

/** Characters (and the markup the lexer skips) the fast path leaves to the reference parser. */
const UNSURE = /[^\t\n\x20-\x7e\u00a1-\uffff]|<\/?(?:pre|p|br|code)[ \t]*\/?>|```/i;


function ws(c: number): boolean {
  return c <= 0x20 || c === 0x7f || c === 0xa0;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x66 ? l - 0x57 : -1;
}

interface ScannedRow {
  readonly offset: number;
  readonly hex: number[];
  readonly starts: number[];
  /** Start of the text after the bytes (the gutter), or -1. */
  readonly gutterFrom: number;
  /** End of the row's text (trailing blanks excluded). */
  readonly rowEnd: number;
  readonly line: number;
}

interface Section {
  readonly mhdr: boolean;
  readonly line: number;
  readonly rows: ScannedRow[];
}

/** `xxxx:` (4 to 8 hex digits) at `i`: the index after the colon, or -1. */
function offsetEnd(s: string, i: number, end: number): number {
  let j = i;
  while (j < end && j - i < 9 && hexDigit(s.charCodeAt(j)) >= 0) j++;
  const n = j - i;
  return n >= 4 && n <= 8 && j < end && s.charCodeAt(j) === 0x3a ? j + 1 : -1;
}

/** One row line from `i` (at its offset column) to `end`; undefined when unsure. */
function scanRow(s: string, i: number, end: number, line: number): ScannedRow | undefined {
  const afterOffset = offsetEnd(s, i, end);
  if (afterOffset < 0) return undefined;
  let offset = 0;
  for (let j = i; j < afterOffset - 1; j++) offset = offset * 16 + hexDigit(s.charCodeAt(j));
  let p = afterOffset;
  if (p >= end || !ws(s.charCodeAt(p))) return undefined;
  while (p < end && ws(s.charCodeAt(p))) p++;
  if (p >= end) return undefined; // an offset alone on its line
  const hex: number[] = [];
  const starts: number[] = [];
  // The run of two-digit groups, each followed by a blank (the lexer's HexBytes).
  let runEnd = p;
  for (;;) {
    const a = hexDigit(s.charCodeAt(p));
    const b = p + 1 < end ? hexDigit(s.charCodeAt(p + 1)) : -1;
    if (a < 0 || b < 0 || !(p + 2 >= end || ws(s.charCodeAt(p + 2)))) break;
    starts.push(p);
    hex.push((a << 4) | b);
    runEnd = p + 2;
    let q = runEnd;
    while (q < end && (s.charCodeAt(q) === 0x20 || s.charCodeAt(q) === 0x09)) q++;
    if (q === runEnd || q >= end) {
      p = q;
      break;
    }
    p = q;
  }
  while (p < end && ws(s.charCodeAt(p))) p++;
  let rowEnd = end;
  while (rowEnd > p && ws(s.charCodeAt(rowEnd - 1))) rowEnd--;
  const gutterFrom = p < rowEnd ? p : -1;
  if (gutterFrom >= 0) {
    // A gutter word shaped like an offset column could start another row for the parser.
    for (let q = gutterFrom; q < rowEnd; ) {
      if (offsetEnd(s, q, rowEnd + 1) >= 0) return undefined;
      while (q < rowEnd && !ws(s.charCodeAt(q))) q++;
      while (q < rowEnd && ws(s.charCodeAt(q))) q++;
    }
  }
  return { offset, hex, starts, gutterFrom, rowEnd: gutterFrom >= 0 ? rowEnd : hex.length > 0 ? runEnd : rowEnd, line };
}

/** resolveDumpRows of dump-rows.ts for clean rows; undefined where it would report something. */
function resolve(s: string, rows: readonly ScannedRow[], total: number | undefined): DumpRow[] | undefined {
  let width = Infinity;
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!.offset;
    const b = rows[i]!.offset;
    if (b > a) width = Math.min(width, b - a);
  }
  if (!(Number.isFinite(width) && width <= MAX_WIDTH)) width = DEFAULT_WIDTH;
  const out: DumpRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const offset = row.offset;
    const next = rows[i + 1]?.offset;
    const expected = expectedByteCount(offset, next, total, width);
    const gutterAfter = (k: number): string | undefined => {
      const from = k < row.hex.length ? row.starts[k]! : row.gutterFrom >= 0 ? row.gutterFrom : undefined;
      return from === undefined ? undefined : s.slice(from, row.rowEnd);
    };
    const k = chooseByteCount(row.hex, gutterAfter, expected, width);
    const bytes = k === row.hex.length ? row.hex : row.hex.slice(0, k);
    const gutter = gutterAfter(k);
    if (gutter !== undefined && gutterScore(gutter, bytes) === 0) return undefined;
    if (next !== undefined && offset + k !== next) return undefined;
    out.push(gutter !== undefined ? { offset, bytes, gutter, line: row.line, offsetStated: true } : { offset, bytes, line: row.line, offsetStated: true });
  }
  return out;
}

function count(s: string, word: string): number {
  let n = 0;
  for (let i = s.indexOf(word); i >= 0; i = s.indexOf(word, i + word.length)) n++;
  return n;
}

/** Low-level traces of a text, or undefined when the fast path is unsure. */
export function fastDumpTraces(s: string): CtiTraceParseResult | undefined {
  if (UNSURE.test(s)) return undefined;
  const sections: Section[] = [];
  let preambleStart = -1;
  let preambleEnd = -1;
  let labels = 0;
  let line = 0;
  for (let start = 0; start <= s.length; ) {
    line++;
    let end = s.indexOf('\n', start);
    if (end < 0) end = s.length;
    let i = start;
    while (i < end && ws(s.charCodeAt(i))) i++;
    if (i < end) {
      const mhdr = s.startsWith('MHDR:', i);
      const mdata = !mhdr && s.startsWith('MDATA:', i);
      if (mhdr || mdata) {
        labels++;
        sections.push({ mhdr, line, rows: [] });
        i += mhdr ? 5 : 6;
        while (i < end && ws(s.charCodeAt(i))) i++;
      } else if (sections.length === 0) {
        if (preambleStart < 0) preambleStart = i;
        let e = end;
        while (e > i && ws(s.charCodeAt(e - 1))) e--;
        preambleEnd = e;
        i = end;
      }
      if (i < end) {
        const row = scanRow(s, i, end, line);
        if (!row) return undefined;
        sections[sections.length - 1]!.rows.push(row);
      }
    }
    start = end + 1;
  }
  if (labels === 0 || labels !== count(s, 'MHDR') + count(s, 'MDATA')) return undefined;
  const verb = preambleStart < 0 ? '' : s.slice(preambleStart, preambleEnd).replace(/\s+/g, ' ').trim();
  const direction = directionOf(verb);
  const traces: LowLevelTrace[] = [];
  let current: { mhdr: DumpRow[]; mdata: DumpRow[]; line: number; hasMdata: boolean } | undefined;
  const flush = (): void => {
    if (current) traces.push({ kind: 'low', direction, verb, mhdr: current.mhdr, mdata: current.mdata, line: current.line });
    current = undefined;
  };
  for (const section of sections) {
    if (section.mhdr) {
      flush();
      const mhdr = resolve(s, section.rows, 8);
      if (!mhdr) return undefined;
      current = { mhdr, mdata: [], line: section.line, hasMdata: false };
      continue;
    }
    if (!current || current.hasMdata) return undefined;
    const total = mhdrLength(current.mhdr);
    const mdata = resolve(s, section.rows, total);
    if (!mdata) return undefined;
    current.mdata = mdata;
    current.hasMdata = true;
    const last = mdata[mdata.length - 1];
    const span = last ? last.offset + last.bytes.length : 0;
    if (total !== undefined && span !== total) return undefined;
  }
  flush();
  return traces.length > 0 ? { traces, diagnostics: [] } : undefined;
}
