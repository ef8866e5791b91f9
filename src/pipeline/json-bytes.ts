/**
 * JSON written straight into a byte buffer, as UTF-8: the bytes JSON.stringify's text encodes
 * to (with the terminal-unsafe characters it leaves raw escaped: render/escape.ts `jsonText`),
 * without building the text. This module holds the buffer interface and the primitive
 * writers; json-values.ts writes objects and arrays with them.
 *
 * Where the time goes is copying bytes one at a time, so:
 * - constant bytes (object keys with their quotes, colon and comma; strings that come back,
 *   such as enum names) are encoded once and copied four bytes at a time (`Fragment`);
 * - other strings of printable ASCII without `"` or `\` (nearly all of a CTI message: names,
 *   digits, hex) are copied a UTF-16 unit per byte, long ones natively; any other string goes
 *   through JSON.stringify (escapes, lone surrogates) and is then encoded as UTF-8;
 * - integers 0 … 2^32 - 1 are written digit by digit; other numbers as String() prints them.
 */
import { jsonText } from '../render/escape.js';

/**
 * Where the bytes go: `buf[pos…]`. `room(n)` makes at least `n` bytes free at `pos`; it may
 * hand what is written so far to its consumer and put another buffer in `buf` (`pos` then
 * restarts, usually at 0). Writers check `pos + n > buf.length` before calling it. Bytes past
 * `pos` are scratch: a writer may put bytes there that the next one overwrites.
 */
export interface ByteSink {
  buf: Buffer;
  pos: number;
  room(n: number): void;
}

// Bytes written 4 at a time ---------------------------------------------------------------------

/** Constant bytes packed in little-endian 32-bit words, written a word at a time. */
export interface Fragment {
  readonly words: Int32Array;
  readonly length: number;
}

export function fragment(text: string): Fragment {
  const bytes = Buffer.from(text, 'utf8');
  const words = new Int32Array((bytes.length + 3) >> 2);
  for (let i = 0; i < bytes.length; i++) words[i >> 2]! |= bytes[i]! << ((i & 3) * 8);
  return { words, length: bytes.length };
}

let viewBuf: Buffer | undefined;
let view: DataView = new DataView(new ArrayBuffer(0));

/** A DataView of `buf` (one kept for the last buffer asked about). */
function viewOf(buf: Buffer): DataView {
  if (buf !== viewBuf) {
    view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    viewBuf = buf;
  }
  return view;
}

export function writeFragment(out: ByteSink, f: Fragment): void {
  const n = f.length;
  // Up to 3 bytes past the fragment are written too (scratch, see ByteSink).
  if (out.pos + n + 3 > out.buf.length) out.room(n + 3);
  const dv = viewOf(out.buf);
  const w = f.words;
  let p = out.pos;
  for (let i = 0; i < w.length; i++, p += 4) dv.setInt32(p, w[i]!, true);
  out.pos += n;
}

// Text ------------------------------------------------------------------------------------------

/** Bytes of an ASCII string that needs no escaping (`null`, digits of String(n)…). */
export function writeAscii(out: ByteSink, s: string): void {
  const n = s.length;
  if (out.pos + n > out.buf.length) out.room(n);
  const buf = out.buf;
  let p = out.pos;
  for (let i = 0; i < n; i++) buf[p++] = s.charCodeAt(i);
  out.pos = p;
}

/** Text of any string, encoded as UTF-8 (no quotes or escapes added). */
export function writeText(out: ByteSink, s: string): void {
  // Worst case: 3 bytes per UTF-16 unit.
  if (out.pos + s.length * 3 > out.buf.length) out.room(s.length * 3);
  out.pos += out.buf.write(s, out.pos, 'utf8');
}

/** From this length on, strings are copied natively (a native call costs about 40 characters copied in JS). */
const LONG_STRING = 48;

/** A JSON string literal. */
export function writeJsonString(out: ByteSink, s: string): void {
  const n = s.length;
  if (n >= LONG_STRING) {
    writeLongString(out, s);
    return;
  }
  if (out.pos + n + 2 > out.buf.length) out.room(n + 2);
  const buf = out.buf;
  let p = out.pos;
  buf[p++] = 0x22;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    // Controls, DEL, `"`, `\` and non-ASCII need jsonText (escapes).
    if (c < 0x20 || c === 0x22 || c === 0x5c || c >= 0x7f) {
      writeText(out, jsonText(s));
      return;
    }
    buf[p++] = c;
  }
  buf[p++] = 0x22;
  out.pos = p;
}

/** A long string: encoded natively, then checked byte by byte (the bytes are kept when no escape is needed). */
function writeLongString(out: ByteSink, s: string): void {
  const n = s.length;
  if (out.pos + n + 2 > out.buf.length) out.room(n + 2);
  const buf = out.buf;
  const start = out.pos + 1;
  // All ASCII: exactly n bytes (non-ASCII or a lone surrogate takes more, or does not fit).
  if (buf.write(s, start, n, 'utf8') === n) {
    let i = start;
    const end = start + n;
    for (; i < end; i++) {
      const c = buf[i]!;
      if (c < 0x20 || c === 0x22 || c === 0x5c || c >= 0x7f) break;
    }
    if (i === end) {
      buf[start - 1] = 0x22;
      buf[end] = 0x22;
      out.pos = end + 1;
      return;
    }
  }
  writeText(out, jsonText(s));
}

/**
 * Strings that come back (message type names, enum labels, session ids, file names…), each
 * encoded once and then copied four bytes at a time. The cache keeps copies of its own (a
 * value may be a slice of a whole message's text), and starts over when full.
 */
const knownStrings = new Map<string, Fragment>();
const MAX_KNOWN_STRINGS = 4096;

/** A JSON string literal, from the cache of strings that come back (a miss adds it). */
export function writeKnownString(out: ByteSink, s: string): void {
  writeFragment(out, knownStrings.get(s) ?? know(s));
}

/** The bytes of `s` as a JSON string literal if they are in the cache of strings that come back. */
export function knownString(s: string): Fragment | undefined {
  return knownStrings.get(s);
}

/** How many strings the cache holds (to test its bound). */
export function knownStringCount(): number {
  return knownStrings.size;
}

/** Adds `s` to the cache of strings that come back; returns its bytes. */
export function know(s: string): Fragment {
  if (knownStrings.size >= MAX_KNOWN_STRINGS) knownStrings.clear();
  const json = jsonText(s);
  const f = fragment(json);
  knownStrings.set(JSON.parse(json) as string, f);
  return f;
}

// Numbers ---------------------------------------------------------------------------------------

/** A JSON number: as JSON.stringify prints it (NaN and ±Infinity as null). */
export function writeJsonNumber(out: ByteSink, n: number): void {
  if (n >= 0 && n <= 0xffffffff && n === Math.floor(n)) writeUint32(out, n);
  else writeAscii(out, Number.isFinite(n) ? String(n) : 'null');
}

/** The decimal digits of an integer 0 … 2^32 - 1. */
export function writeUint32(out: ByteSink, n: number): void {
  if (n < 100) {
    // Most numbers of a message: one or two digits.
    if (out.pos + 2 > out.buf.length) out.room(2);
    const buf = out.buf;
    if (n < 10) buf[out.pos++] = 0x30 + n;
    else {
      buf[out.pos] = DIGIT_PAIRS[2 * n]!;
      buf[out.pos + 1] = DIGIT_PAIRS[2 * n + 1]!;
      out.pos += 2;
    }
    return;
  }
  if (n > 0x7fffffff) {
    writeDigits(out, n, n < 1000000000 ? 9 : 10);
    return;
  }
  const digits = n < 1000 ? 3 : n < 10000 ? 4 : n < 100000 ? 5 : n < 1000000 ? 6 : n < 10000000 ? 7 : n < 100000000 ? 8 : n < 1000000000 ? 9 : 10;
  if (out.pos + digits > out.buf.length) out.room(digits);
  out.pos += digits;
  writeDigitsBack(out.buf, out.pos, n, digits);
}

/** "00" … "99" as byte pairs. */
const DIGIT_PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  DIGIT_PAIRS[2 * i] = 0x30 + Math.floor(i / 10);
  DIGIT_PAIRS[2 * i + 1] = 0x30 + (i % 10);
}

/** Exactly `width` decimal digits of `n` (an integer, 0 ≤ n < 10^width ≤ 10^10), zero-padded on the left. */
export function writeDigits(out: ByteSink, n: number, width: number): void {
  if (out.pos + width > out.buf.length) out.room(width);
  const buf = out.buf;
  let p = out.pos + width;
  out.pos = p;
  let left = width;
  if (n > 0x7fffffff) {
    // One floating-point division; the two halves then fit int32 arithmetic.
    const hi = Math.floor(n / 100000);
    writeDigitsBack(buf, p, n - hi * 100000, 5);
    p -= 5;
    left -= 5;
    n = hi;
  }
  writeDigitsBack(buf, p, n, left);
}

/** The `width` last digits of `n` (0 ≤ n ≤ 2^31 - 1) into buf[end - width, end). */
function writeDigitsBack(buf: Uint8Array, end: number, n: number, width: number): void {
  let p = end;
  const stop = end - width;
  while (p - stop >= 2) {
    const q = (n / 100) | 0;
    const r = (n - q * 100) << 1;
    buf[--p] = DIGIT_PAIRS[r + 1]!;
    buf[--p] = DIGIT_PAIRS[r]!;
    n = q;
  }
  if (p > stop) buf[--p] = 0x30 + (n % 10);
}

// In memory -------------------------------------------------------------------------------------

/**
 * A ByteSink that keeps everything in memory, growing as needed: for JSON text wanted as a
 * string or a Buffer (tests, small documents).
 */
export class GrowingByteSink implements ByteSink {
  buf: Buffer;
  pos = 0;

  constructor(initialBytes = 1024) {
    this.buf = Buffer.allocUnsafe(Math.max(16, initialBytes));
  }

  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** What was written, decoded as UTF-8. */
  text(): string {
    return this.buf.toString('utf8', 0, this.pos);
  }

  /** Forgets what was written (the buffer is kept). */
  reset(): void {
    this.pos = 0;
  }
}
