/**
 * Byte-level reading and writing: big-endian integers, hex, NUL-terminated UTF-8.
 * Everything reads by offset from the caller's bytes without copying them.
 */

const HEX_PAIRS: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function readU16(b: Uint8Array, o: number): number {
  return (b[o]! << 8) | b[o + 1]!;
}

export function readI16(b: Uint8Array, o: number): number {
  const v = readU16(b, o);
  return v & 0x8000 ? v - 0x10000 : v;
}

export function readU32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) >>> 0) + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);
}

export function readI32(b: Uint8Array, o: number): number {
  return (b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!;
}

export function readI8(b: Uint8Array, o: number): number {
  const v = b[o]!;
  return v & 0x80 ? v - 0x100 : v;
}

/** Lowercase hex of `b[start, end)`, no separators. */
export function toHex(b: Uint8Array, start = 0, end = b.length): string {
  let s = '';
  for (let i = start; i < end; i++) s += HEX_PAIRS[b[i]!];
  return s;
}

/** Bytes of an even-length hex string; `undefined` when it is not one. */
export function fromHex(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lossy = new TextDecoder('utf-8', { fatal: false });

export interface DecodedText {
  readonly text: string;
  /** The bytes were not valid UTF-8 (the text holds U+FFFD where they were). */
  readonly invalid: boolean;
}

/** UTF-8 text of `b[start, end)`; ASCII takes a fast path without TextDecoder. */
export function readUtf8(b: Uint8Array, start: number, end: number): DecodedText {
  let ascii = true;
  for (let i = start; i < end; i++) {
    if (b[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    const n = end - start;
    if (n <= 32) {
      let s = '';
      for (let i = start; i < end; i++) s += String.fromCharCode(b[i]!);
      return { text: s, invalid: false };
    }
    return { text: String.fromCharCode.apply(null, Array.from(b.subarray(start, end))), invalid: false };
  }
  const view = b.subarray(start, end);
  try {
    return { text: utf8Strict.decode(view), invalid: false };
  } catch {
    return { text: utf8Lossy.decode(view), invalid: true };
  }
}

const utf8Encoder = new TextEncoder();

export function encodeUtf8(s: string): Uint8Array {
  return utf8Encoder.encode(s);
}

/** The first index of `value` in `b[start, end)`, or -1. */
export function indexOfByte(b: Uint8Array, value: number, start: number, end: number): number {
  for (let i = start; i < end; i++) if (b[i] === value) return i;
  return -1;
}

/** A growable byte sink for the encoder. */
export class ByteWriter {
  private buf = new Uint8Array(256);
  private len = 0;

  get length(): number {
    return this.len;
  }

  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  u8(v: number): void {
    this.ensure(1);
    this.buf[this.len++] = v & 0xff;
  }

  u16(v: number): void {
    this.ensure(2);
    this.buf[this.len++] = (v >>> 8) & 0xff;
    this.buf[this.len++] = v & 0xff;
  }

  u32(v: number): void {
    this.ensure(4);
    this.buf[this.len++] = (v >>> 24) & 0xff;
    this.buf[this.len++] = (v >>> 16) & 0xff;
    this.buf[this.len++] = (v >>> 8) & 0xff;
    this.buf[this.len++] = v & 0xff;
  }

  /** Starts over (the buffer is kept: one writer serves many messages). */
  reset(): void {
    this.len = 0;
  }

  /**
   * `s` as UTF-8 followed by a NUL, written in place (ASCII without TextEncoder); returns the
   * number of bytes written, the NUL included.
   */
  utf8z(s: string): number {
    const start = this.len;
    const n = s.length;
    this.ensure(n + 1);
    const buf = this.buf;
    let o = start;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) break;
      buf[o++] = c;
    }
    this.len = o;
    // The rest from the first non-ASCII character on: a surrogate pair is never split there.
    if (i < n) this.bytes(utf8Encoder.encode(i === 0 ? s : s.slice(i)));
    this.u8(0);
    return this.len - start;
  }

  /** Overwrites a byte at `offset` (already written). */
  patchU8(offset: number, v: number): void {
    this.buf[offset] = v & 0xff;
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  /** Overwrites a big-endian UINT at `offset` (already written). */
  patchU32(offset: number, v: number): void {
    this.buf[offset] = (v >>> 24) & 0xff;
    this.buf[offset + 1] = (v >>> 16) & 0xff;
    this.buf[offset + 2] = (v >>> 8) & 0xff;
    this.buf[offset + 3] = v & 0xff;
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.len);
  }

  /** The bytes written as a Buffer over the writer's own memory (no copy): valid until the writer is written again. */
  view(): Buffer {
    return Buffer.from(this.buf.buffer, this.buf.byteOffset, this.len);
  }
}
