/**
 * Lossy-safe decoding of log bytes. ASCII (nearly all of a MIVR log) is decoded directly;
 * valid UTF-8 as UTF-8; anything else as Latin-1, which maps every byte to one character, so
 * nothing is lost or reordered and the caller can report the line.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { latin1Slice as latin1 } from '../util/latin1.js';

function ascii(b: Buffer, s: number, e: number): boolean {
  if (e - s > 64) return isAscii(b.subarray(s, e));
  for (let i = s; i < e; i++) if (b[i] > 0x7f) return false;
  return true;
}

export interface Decoded {
  readonly text: string;
  /** True when the bytes were not valid UTF-8 and were decoded as Latin-1. */
  readonly lossy: boolean;
}

const EMPTY: Decoded = { text: '', lossy: false };

/** `b[s, e)` as Latin-1 (every byte one character), `s <= e` within `b`. */
export { latin1 };

/** Decodes `b[s, e)`. */
export function decodeLine(b: Buffer, s: number, e: number): Decoded {
  if (s >= e) return EMPTY;
  if (ascii(b, s, e)) return { text: latin1(b, s, e), lossy: false };
  if (isUtf8(b.subarray(s, e))) return { text: b.toString('utf8', s, e), lossy: false };
  return { text: latin1(b, s, e), lossy: true };
}

/** Decodes a short ASCII field (zone, facility, mnemonic) with no checks. */
export function asciiField(b: Buffer, s: number, e: number): string {
  return latin1(b, s, e);
}

/** Whether `b[s, e)` holds the (ASCII) characters of `name`. */
export function sameBytes(name: string, b: Uint8Array, s: number, e: number): boolean {
  if (name.length !== e - s) return false;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) !== b[s + i]) return false;
  return true;
}

/**
 * Short header fields (zone, product, mnemonic) as strings, each made once: a log repeats a
 * handful of them, so the last few are kept and compared byte by byte (no string per record).
 */
export class FieldStrings {
  private readonly kept: string[] = [];
  private next = 0;

  get(b: Buffer, s: number, e: number): string {
    const kept = this.kept;
    for (let i = 0; i < kept.length; i++) if (sameBytes(kept[i], b, s, e)) return kept[i];
    const text = latin1(b, s, e);
    if (kept.length < 16) kept.push(text);
    else {
      kept[this.next] = text;
      this.next = (this.next + 1) & 15;
    }
    return text;
  }
}
