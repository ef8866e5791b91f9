/**
 * The bytes of a clean low-level dump, without placing rows: MHDR rows that hold exactly the 8
 * header bytes back to back from offset 0, and MDATA rows that hold exactly BodyLength bytes
 * back to back from offset 0 — the shape a MIVR server writes. For anything else (short rows,
 * overlaps, holes, a BodyLength the rows do not match) it gives undefined, and
 * hexinput/place-rows.ts `assembleDump` reads the dump (with its notes); for a clean dump both
 * give the same bytes and no note.
 */
import type { AssembledDump } from '../../hexinput/place-rows.js';

interface Row {
  readonly offset: number;
  readonly bytes: readonly number[];
}

/** Rows back to back from offset 0 holding exactly `length` bytes, copied into `into` at `at`. */
function copyContiguous(rows: readonly Row[], length: number, into: Uint8Array, at: number): boolean {
  let next = 0;
  for (const row of rows) {
    const bytes = row.bytes;
    if (row.offset !== next || bytes.length === 0 || next + bytes.length > length) return false;
    for (let k = 0; k < bytes.length; k++) into[at + next + k] = bytes[k]!;
    next += bytes.length;
  }
  return next === length;
}

const header = new Uint8Array(8);

/** The message of a clean dump (see the module comment), or undefined. */
export function cleanDumpBytes(mhdr: readonly Row[], mdata: readonly Row[]): (AssembledDump & { readonly ok: true }) | undefined {
  if (mhdr.length === 0 || !copyContiguous(mhdr, 8, header, 0)) return undefined;
  const bodyLength = ((header[0]! << 24) >>> 0) + ((header[1]! << 16) | (header[2]! << 8) | header[3]!);
  if (bodyLength > 1 << 20) return undefined;
  // Every byte is written below (or the buffer is dropped); small ones come from Node's pool.
  const bytes = Buffer.allocUnsafe(8 + bodyLength);
  bytes.set(header);
  if (!copyContiguous(mdata, bodyLength, bytes, 8)) return undefined;
  return { ok: true, bytes, missing: [], bodyLength, given: bodyLength };
}
