/**
 * The fast scanner of high-level traces and flow blocks: a hand-written single pass over the
 * common, clean shapes that returns exactly what the chevrotain parser + builder return, and
 * `undefined` ("unsure") for anything else — then the chevrotain grammar, which stays the
 * reference, parses the text. test/mivr/fast-scan.test.ts checks "fast = chevrotain" with
 * fast-check over generated and real-looking traces.
 *
 * Accepted (everything else is unsure):
 * - printable ASCII, tab, newline and characters from U+00A1 up; no `` ` ``, no `...`;
 * - braced: `preamble { name=value ... [,] key: value, key: value ... }` with one `{`, one
 *   `}` (the last character but blanks), a `type=` attribute, a preamble of plain words;
 * - flow: the text starts with `MsgType:`, blocks `MsgType: NAME key: value ...`, no braces;
 * - values: words, with commas only between two word characters (`John,Doe`); an ECC header
 *   `<TotalBytes: n>` only right after a key, with no value of its own;
 * - no case the builder would report (stray text, repeated ECC, a name with a colon…).
 *
 * Token boundaries follow the lexer (cti-trace-tokens.ts): a key is a whole word of key
 * characters (optionally `[n]`) ending in `:` and followed by a blank, `,` or `}`.
 */
import { ECC_BYTES_PER_VARIABLE, highLevel, isNumNamedVars, type GroupedPairs } from './trace-objects.js';
import type { CtiTraceParseResult, EccVariable, HighLevelTrace, TracePair } from './cti-trace-types.js';

const COMMA = 0x2c;
const COLON = 0x3a;
const LT = 0x3c;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LCURLY = 0x7b;
const RCURLY = 0x7d;

/** Blank as the lexer sees it (control characters, space, DEL, NBSP). */
function ws(c: number): boolean {
  return c <= 0x20 || c === 0x7f || c === 0xa0;
}

/** A key character (`KEY` of cti-trace-tokens.ts): not blank, `,` `:` `<` `=` `>` `[` `]` `{` `}`. */
function keyChar(c: number): boolean {
  if (ws(c)) return false;
  return !(c === COMMA || c === COLON || c === LT || c === 0x3d || c === 0x3e || c === LBRACKET || c === RBRACKET || c === LCURLY || c === RCURLY);
}

const PROCESSOR = /^[A-Za-z_$][\w.$]*$/;

/** Line numbers by offset, for offsets visited in increasing order. */
class Lines {
  /** The next newline at or after the last offset asked (-1: none). */
  private next: number;
  private line = 1;
  constructor(private readonly s: string) {
    this.next = s.indexOf('\n');
  }
  lineAt(offset: number): number {
    while (this.next >= 0 && this.next < offset) {
      this.line++;
      this.next = this.s.indexOf('\n', this.next + 1);
    }
    return this.line;
  }
}

/** A character (or `...`, a backquote) the fast path leaves to the reference parser. */
const UNSURE_CHARS = /[^\t\n\x20-\x5f\x61-\x7e\u00a1-\uffff]|\.\.\./;

function occurrences(s: string, c: string): number {
  let n = 0;
  for (let i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) n++;
  return n;
}

/** Counts of `{`, `}`, `<`, or undefined when a character makes the fast path unsure. */
function scanChars(s: string): { curlyOpen: number; curlyClose: number; lt: number } | undefined {
  if (UNSURE_CHARS.test(s)) return undefined;
  return { curlyOpen: occurrences(s, '{'), curlyClose: occurrences(s, '}'), lt: occurrences(s, '<') };
}

/**
 * The common pair of the braced form in one native match, from the key on (a comma and the
 * blanks after it are skipped first, as the lexer's `SepKey` takes them): `key: word` (or no
 * value) followed by `, key:` or `}`. Blanks are only space, tab, newline in texts scanChars
 * accepts. Only `test` is used (no match array): the key runs up to the first `:` (no key
 * character is one), the value is what lies between the colon and the match's end, without
 * blanks (a value word holds none).
 */
const SIMPLE_PAIR = /[^ \t\n,:<=>[\]{}]+(?:\[\d+\])?:(?:[ \t\n]+[^ \t\n,<{}]*[^ \t\n,<{}:])?[ \t\n]*(?=,[ \t\n]*[^ \t\n,:<=>[\]{}]+(?:\[\d+\])?:[ \t\n,}]|\})/y;

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a;
}

/**
 * Receives each scanned `key: value` (or `key: <TotalBytes: n>`, then `eccTotal` ≥ 0) in order;
 * returns false when the builder would report something (the fast path is then unsure).
 */
type PairSink = (comma: boolean, written: string, key: string, index: number, raw: string, keyOffset: number, eccTotal: number) => boolean;

/**
 * Scans pairs from `p` up to `end` (the closing brace, the next `MsgType:` or the end).
 * Returns the position it stopped at, or -1 when unsure.
 */
class PairScanner {
  constructor(
    private readonly s: string,
    private readonly end: number,
    /** Flow blocks end at a `MsgType:` that starts a word. */
    private readonly flow: boolean,
    private readonly sink: PairSink,
  ) {}

  /** Blank, or the end of the scanned text (the closing brace / the sentinel newline). */
  private after(i: number): boolean {
    if (i >= this.end) return true;
    const c = this.s.charCodeAt(i);
    return ws(c) || c === COMMA;
  }

  /** End of a key-shaped word at `i` (index just past its `:`), or -1. */
  keyEnd(i: number): number {
    const s = this.s;
    let j = i;
    while (j < this.end && keyChar(s.charCodeAt(j))) j++;
    if (j === i) return -1;
    if (s.charCodeAt(j) === LBRACKET) {
      let k = j + 1;
      while (k < this.end && s.charCodeAt(k) >= 0x30 && s.charCodeAt(k) <= 0x39) k++;
      if (k === j + 1 || s.charCodeAt(k) !== RBRACKET) return -1;
      j = k + 1;
    }
    if (j >= this.end || s.charCodeAt(j) !== COLON) return -1;
    return this.after(j + 1) ? j + 1 : -1;
  }

  private skipWs(i: number): number {
    while (i < this.end && ws(this.s.charCodeAt(i))) i++;
    return i;
  }

  /** `MsgType:` at a word start: the end of a flow block. */
  private blockEnds(i: number): boolean {
    return this.flow && this.s.startsWith('MsgType', i);
  }

  /** `<TotalBytes: n>` at `i`: [its end, n], or undefined. */
  private eccHeader(i: number): [number, number] | undefined {
    const m = /^<[ \t]*TotalBytes[ \t]*:[ \t]*(\d+)[ \t]*>/.exec(this.s.slice(i, Math.min(this.end, i + 64)));
    if (!m) return undefined;
    const close = i + m[0].length;
    if (close < this.end && !ws(this.s.charCodeAt(close))) return undefined;
    return [close, Number(m[1])];
  }

  run(p: number): number {
    const s = this.s;
    let q = this.skipWs(p);
    while (q < this.end) {
      if (!this.flow) {
        let k = q;
        if (s.charCodeAt(k) === COMMA) {
          k++;
          while (isBlank(s.charCodeAt(k))) k++;
        }
        SIMPLE_PAIR.lastIndex = k;
        if (SIMPLE_PAIR.test(s)) {
          const matchEnd = SIMPLE_PAIR.lastIndex;
          const colon = s.indexOf(':', k);
          const written = s.slice(k, colon);
          let v = colon + 1;
          while (v < matchEnd && isBlank(s.charCodeAt(v))) v++;
          let ve = matchEnd;
          while (ve > v && isBlank(s.charCodeAt(ve - 1))) ve--;
          const bracket = written.charCodeAt(written.length - 1) === RBRACKET ? written.lastIndexOf('[') : -1;
          const ok = this.sink(
            k !== q,
            written,
            bracket < 0 ? written : written.slice(0, bracket),
            bracket < 0 ? -1 : Number(written.slice(bracket + 1, -1)),
            s.slice(v, ve),
            k,
            -1,
          );
          if (!ok) return -1;
          q = matchEnd;
          continue;
        }
      }
      if (this.blockEnds(q)) return q;
      let comma = false;
      if (s.charCodeAt(q) === COMMA) {
        comma = true;
        q = this.skipWs(q + 1);
      }
      const keyStart = q;
      const keyEnd = this.keyEnd(q);
      if (keyEnd < 0 || this.blockEnds(q)) return -1;
      const colon = keyEnd - 1;
      const written = s.slice(keyStart, colon);
      let key = written;
      let index = -1;
      if (s.charCodeAt(colon - 1) === RBRACKET) {
        const open = written.lastIndexOf('[');
        key = written.slice(0, open);
        index = Number(written.slice(open + 1, -1));
      }
      q = this.skipWs(keyEnd);
      let eccTotal = -1;
      if (q < this.end && s.charCodeAt(q) === LT) {
        if (q === keyEnd) return -1; // `key:<`: not a key for the lexer
        const header = this.eccHeader(q);
        if (!header) return -1;
        eccTotal = header[1];
        q = this.skipWs(header[0]);
      }
      const valueStart = q;
      let valueEnd = q;
      while (q < this.end) {
        const c = s.charCodeAt(q);
        if (ws(c)) {
          q++;
          continue;
        }
        if (c === COMMA) {
          if (this.keyEnd(this.skipWs(q + 1)) >= 0) break;
          // A comma inside a value: only between two word characters (`John,Doe`).
          const before = s.charCodeAt(q - 1);
          const next = q + 1 < this.end ? s.charCodeAt(q + 1) : -1;
          if (q === valueStart || ws(before) || before === COMMA || next < 0 || ws(next) || next === COMMA || next === LT) return -1;
          q++;
          continue;
        }
        if (c === LT) return -1;
        const prev = s.charCodeAt(q - 1);
        if (prev !== COMMA || q === valueStart) {
          // A word start (after blanks): a key or `MsgType:` ends the value.
          if (this.keyEnd(q) >= 0 || this.blockEnds(q)) break;
        }
        while (q < this.end) {
          const d = s.charCodeAt(q);
          if (ws(d) || d === COMMA) break;
          if (d === LT) return -1;
          q++;
        }
        valueEnd = q;
      }
      const raw = s.slice(valueStart, valueEnd);
      if (eccTotal >= 0 && raw !== '') return -1; // text after the ECC header: the builder reports it
      if (!this.sink(comma, written, key, index, raw, keyStart, eccTotal)) return -1;
    }
    return q;
  }
}

/** groupPairs of the builder, pair by pair as they are scanned (no stray items, no truncation). */
class Grouper {
  readonly out: GroupedPairs = { pairs: [], truncated: false };
  private numNamedVars: number | undefined;
  private ecc: { count?: number; totalBytes: number; used: number; usedBytes: number } | undefined;
  readonly sink: PairSink;

  constructor(shape: 'braced' | 'flow', lines: Lines) {
    const out = this.out;
    this.sink = (comma, written, key, index, raw, keyOffset, eccTotal): boolean => {
      const line = lines.lineAt(keyOffset);
      let ecc = this.ecc;
      if (ecc) {
        const exhausted = ecc.count !== undefined ? ecc.used >= ecc.count : ecc.totalBytes - ecc.usedBytes <= ECC_BYTES_PER_VARIABLE;
        if ((shape === 'braced' && comma) || exhausted) ecc = this.ecc = undefined;
      }
      if (ecc && eccTotal < 0) {
        (out.ecc as EccVariable[]).push({ name: written, value: raw, line });
        ecc.used++;
        ecc.usedBytes += written.length + raw.length + ECC_BYTES_PER_VARIABLE;
        return true;
      }
      if (eccTotal >= 0) {
        if (out.eccKey !== undefined) return false; // a second ECC block: the builder reports it
        out.eccKey = key;
        out.eccTotalBytes = eccTotal;
        out.ecc ??= [];
        const n = this.numNamedVars;
        this.ecc = { count: n !== undefined && n > 0 ? n : undefined, totalBytes: eccTotal, used: 0, usedBytes: 0 };
        return true;
      }
      const value = raw === 'null' ? null : raw;
      if (value !== null && isNumNamedVars(key) && /^\d+$/.test(value)) this.numNamedVars = Number(value);
      const pair: TracePair = index < 0 ? { key, value, raw, line } : { key, index, value, raw, line };
      out.pairs.push(pair);
      return true;
    };
  }
}

interface Word {
  readonly start: number;
  readonly end: number;
}

/** Preamble words: letters, digits, `_ . $ / -`, a `:` only at a word's end. Undefined when unsure. */
function preambleWords(s: string, end: number): Word[] | undefined {
  const words: Word[] = [];
  let i = 0;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (ws(c)) {
      i++;
      continue;
    }
    const start = i;
    while (i < end && !ws(s.charCodeAt(i))) {
      const d = s.charCodeAt(i);
      const plain = (d >= 0x30 && d <= 0x39) || (d >= 0x41 && d <= 0x5a) || (d >= 0x61 && d <= 0x7a) || d === 0x5f || d === 0x2e || d === 0x24 || d === 0x2f || d === 0x2d;
      if (!plain && !(d === COLON && (i + 1 === end || ws(s.charCodeAt(i + 1))))) return undefined;
      i++;
    }
    words.push({ start, end: i });
  }
  return words;
}

/** What precedes the pairs of a braced trace: processor, verb, attributes. */
interface BracedHead {
  readonly processor: string | undefined;
  readonly verb: string;
  readonly attrs: ReadonlyArray<{ readonly key: string; readonly value: string }>;
  readonly type: string;
  readonly length: number | undefined;
  /** Offset of the first token (the trace's line), and where the pairs start. */
  readonly firstStart: number;
  readonly pairsStart: number;
}

/** Heads seen before, by their text up to the first comma (a log repeats a few of them). */
const HEADS = new Map<string, BracedHead | null>();
const MAX_HEADS = 512;

function bracedHead(s: string, open: number, close: number): BracedHead | undefined {
  const words = preambleWords(s, open);
  if (!words) return undefined;
  // The first token: a Key (`Proc:` then a blank), a SimplePair (`Proc: got` then `key:`), or a word.
  const isKey = (w: Word | undefined): boolean => w !== undefined && s.charCodeAt(w.end - 1) === COLON && w.end < open;
  const first = words[0];
  const firstIsKey = isKey(first) && !(words.length >= 3 && s.charCodeAt(words[1]!.end - 1) !== COLON && isKey(words[2]));
  let rest = words;
  let processor: string | undefined;
  if (firstIsKey && words.length > 1) {
    const name = s.slice(first!.start, first!.end - 1);
    if (PROCESSOR.test(name)) {
      processor = name;
      rest = words.slice(1);
    }
  }
  const verb = rest.length === 0 ? '' : s.slice(rest[0]!.start, rest[rest.length - 1]!.end).replace(/\s+/g, ' ').trim().replace(/\s*:$/, '');

  // Attributes: `name=value` words right after the brace.
  const attrs: Array<{ key: string; value: string }> = [];
  let p = open + 1;
  for (;;) {
    while (p < close && ws(s.charCodeAt(p))) p++;
    const m = /^([A-Za-z_][\w.]*)=([A-Za-z0-9_.+-]*)/.exec(s.slice(p, Math.min(close, p + 256)));
    if (!m) break;
    const after = p + m[0].length;
    const c = s.charCodeAt(after);
    if (after < close && !ws(c) && c !== COMMA) return undefined;
    attrs.push({ key: m[1]!, value: m[2]! });
    p = after;
  }
  const type = attrs.find((a) => a.key === 'type');
  if (!type) return undefined;
  const lengthAttr = attrs.find((a) => a.key === 'length');
  return {
    processor,
    verb,
    attrs,
    type: type.value,
    length: lengthAttr && /^-?\d+$/.test(lengthAttr.value) ? Number(lengthAttr.value) : undefined,
    firstStart: first ? first.start : open,
    pairsStart: p,
  };
}

/** The `{ ... }` form. */
function braced(s: string, lines: Lines): HighLevelTrace | undefined {
  const open = s.indexOf('{');
  const close = s.lastIndexOf('}');
  if (open < 0 || close < open) return undefined;
  for (let i = close + 1; i < s.length; i++) if (!ws(s.charCodeAt(i))) return undefined;
  // The head reads nothing past the first comma (no attribute or preamble word holds one).
  const comma = s.indexOf(',', open);
  const key = comma > 0 && comma < close ? s.slice(0, comma) : undefined;
  let head = key === undefined ? undefined : HEADS.get(key);
  if (head === undefined) {
    head = bracedHead(s, open, close) ?? null;
    if (key !== undefined && HEADS.size < MAX_HEADS) HEADS.set(key, head);
  }
  if (head === null) return undefined;
  const { processor, verb, attrs } = head;
  const p = head.pairsStart;
  const line = lines.lineAt(head.firstStart);
  const grouper = new Grouper('braced', lines);
  if (new PairScanner(s, close, false, grouper.sink).run(p) !== close) return undefined;
  return highLevel({ shape: 'braced', verb, processor, messageName: head.type, length: head.length, attrs: attrs.slice(), line }, grouper.out);
}

/** `MsgType: NAME key: value ...` blocks. */
function flowBlocks(s: string, lines: Lines): HighLevelTrace[] | undefined {
  let p = 0;
  while (p < s.length && ws(s.charCodeAt(p))) p++;
  const traces: HighLevelTrace[] = [];
  let blocks = 0;
  while (p < s.length) {
    if (!s.startsWith('MsgType:', p)) return undefined;
    blocks++;
    const blockStart = p;
    p += 8;
    while (p < s.length && ws(s.charCodeAt(p))) p++;
    const nameStart = p;
    while (p < s.length) {
      const c = s.charCodeAt(p);
      if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f)) break;
      p++;
    }
    if (p === nameStart || (p < s.length && !ws(s.charCodeAt(p)))) return undefined;
    const messageName = s.slice(nameStart, p);
    if (messageName.startsWith('MsgType')) return undefined;
    const line = lines.lineAt(blockStart);
    const grouper = new Grouper('flow', lines);
    const stop = new PairScanner(s, s.length, true, grouper.sink).run(p);
    if (stop < 0) return undefined;
    traces.push(highLevel({ shape: 'flow', verb: '', messageName, attrs: [], line }, grouper.out));
    p = stop;
  }
  let occurrences = 0;
  for (let i = s.indexOf('MsgType'); i >= 0; i = s.indexOf('MsgType', i + 1)) occurrences++;
  return occurrences === blocks && traces.length > 0 ? traces : undefined;
}

/** High-level trace / flow blocks of a text, or undefined when the fast path is unsure. */
export function fastTextTraces(text: string): CtiTraceParseResult | undefined {
  const chars = scanChars(text);
  if (!chars) return undefined;
  const lines = new Lines(text);
  if (chars.curlyOpen === 0 && chars.curlyClose === 0) {
    if (text.indexOf('MsgType') < 0) return undefined;
    const traces = flowBlocks(text, lines);
    return traces ? { traces, diagnostics: [] } : undefined;
  }
  if (chars.curlyOpen !== 1 || chars.curlyClose !== 1 || chars.lt > 1 || text.indexOf('MsgType') >= 0) return undefined;
  const trace = braced(text, lines);
  return trace ? { traces: [trace], diagnostics: [] } : undefined;
}
