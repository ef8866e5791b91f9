/**
 * Lossy-safe decoding of log bytes. ASCII (nearly all of a MIVR log) is decoded directly;
 * valid UTF-8 as UTF-8; anything else as Latin-1, which maps every byte to one character, so
 * nothing is lost or reordered and the caller can report the line.
 */
import { isAscii, isUtf8 } from 'node:buffer';

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

/** Decodes `b[s, e)`. */
export function decodeLine(b: Buffer, s: number, e: number): Decoded {
  if (s >= e) return EMPTY;
  if (ascii(b, s, e)) return { text: b.toString('latin1', s, e), lossy: false };
  if (isUtf8(b.subarray(s, e))) return { text: b.toString('utf8', s, e), lossy: false };
  return { text: b.toString('latin1', s, e), lossy: true };
}

/** Decodes a short ASCII field (zone, facility, mnemonic) with no checks. */
export function asciiField(b: Buffer, s: number, e: number): string {
  return b.toString('latin1', s, e);
}
