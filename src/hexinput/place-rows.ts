/**
 * Placing hex-dump rows at their stated offsets, and assembling a MIVR low-level dump
 * (`MHDR:` rows + `MDATA:` rows) into the bytes of one message. Shared by `ccxcti hex`
 * (parse-hex.ts) and the MIVR log reader (pipeline/log), so both read a dump the same way.
 *
 * A short row leaves a hole where its bytes end (reported as missing bytes, never filled with
 * invented values); rows that overlap let the next row's bytes win.
 */
import type { ByteRange } from '../protocol/codec/decode.js';
import { MAX_PLAUSIBLE_BODY } from '../protocol/codec/framing.js';

export interface HexNote {
  readonly message: string;
}

/** One row of a dump: its stated offset and the bytes it holds. */
export interface PlacedRow {
  readonly offset: number;
  readonly bytes: readonly number[];
}

export interface Placed {
  readonly bytes: Uint8Array;
  readonly holes: ByteRange[];
}

/** Largest block placed (a damaged offset column cannot make us allocate more). */
const MAX_BLOCK = 1 << 20;

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/**
 * Puts rows at their offsets in a buffer of `length` bytes (or up to the last row). A row
 * shorter than the gap to the next row's offset leaves a hole at its end.
 */
export function placeRows(rows: readonly PlacedRow[], length: number | undefined, what: string, notes: HexNote[]): Placed {
  const sorted = rows.length < 2 || rows.every((r, i) => i === 0 || rows[i - 1]!.offset <= r.offset) ? rows : [...rows].sort((a, b) => a.offset - b.offset);
  let end = length ?? 0;
  if (length === undefined) for (const r of sorted) end = Math.max(end, r.offset + r.bytes.length);
  const buf = new Uint8Array(Math.min(end, MAX_BLOCK));
  const known = new Uint8Array(buf.length);
  for (let idx = 0; idx < sorted.length; idx++) {
    const row = sorted[idx]!;
    const next = sorted[idx + 1];
    const room = (next ? next.offset : end) - row.offset;
    if (next && row.bytes.length < room) {
      notes.push({
        message:
          `${what} row ${hex4(row.offset)} holds ${row.bytes.length} bytes where the next row's offset ${hex4(next.offset)} implies ${room}; ` +
          `the missing byte${room - row.bytes.length === 1 ? ' is' : 's are'} taken to be the row's last`,
      });
    }
    if (row.bytes.length > room && next) notes.push({ message: `${what} row ${hex4(row.offset)} overlaps the next row; the next row's bytes win` });
    const bytes = row.bytes;
    for (let k = 0; k < bytes.length; k++) {
      const at = row.offset + k;
      if (at < buf.length && (!known[at] || !next || at < next.offset)) {
        buf[at] = bytes[k]!;
        known[at] = 1;
      }
    }
  }
  const holes: ByteRange[] = [];
  for (let i = 0; i < buf.length; i++) {
    if (known[i]) continue;
    let j = i;
    while (j < buf.length && !known[j]) j++;
    holes.push({ offset: i, length: j - i });
    i = j;
  }
  return { bytes: buf, holes };
}

/** The 8 header bytes given by MHDR rows, or why they are not there. */
export function placeHeader(mhdr: readonly PlacedRow[], notes: HexNote[]): { readonly ok: true; readonly header: Uint8Array; readonly bodyLength: number } | { readonly ok: false; readonly error: string } {
  if (mhdr.length === 0) return { ok: false, error: 'an MDATA dump without its MHDR: the header (BodyLength, MessageTypeID) is needed' };
  const header = placeRows(mhdr, 8, 'MHDR', notes);
  if (header.holes.length > 0) return { ok: false, error: 'the MHDR dump does not hold the 8 header bytes' };
  const h = header.bytes;
  const bodyLength = ((h[0]! << 24) >>> 0) + ((h[1]! << 16) | (h[2]! << 8) | h[3]!);
  return { ok: true, header: h, bodyLength };
}

export interface AssembledDump {
  /** The message bytes (header + body); bytes of `missing` ranges are zero and must not be read. */
  readonly bytes: Uint8Array;
  /** Message-relative ranges the dump does not give. */
  readonly missing: readonly ByteRange[];
  readonly bodyLength: number;
  /** Body bytes the MDATA rows hold. */
  readonly given: number;
}

export type DumpAssembly = ({ readonly ok: true } & AssembledDump) | { readonly ok: false; readonly error: string };

/**
 * MHDR rows + MDATA rows → the message. Holes between rows are `missing`, and so is the end of
 * a dump that stops before BodyLength (a log cut short, a record cut by `grep -A`): the bytes a
 * dump lacks are missing from the input, as a short row's are (docs/spec-notes.md 7.4, 7.12),
 * not a body the sender cut — unless BodyLength is beyond any plausible size (a damaged MHDR),
 * when the message is as long as the rows go and the decoder reports it. When the MDATA rows
 * hold another number of bytes than the header's BodyLength, a note names both numbers.
 */
export function assembleDump(mhdr: readonly PlacedRow[], mdata: readonly PlacedRow[], notes: HexNote[]): DumpAssembly {
  const head = placeHeader(mhdr, notes);
  if (!head.ok) return head;
  const bodyLength = head.bodyLength;
  let given = 0;
  let dataEnd = 0;
  for (const r of mdata) {
    given += r.bytes.length;
    dataEnd = Math.max(dataEnd, r.offset + r.bytes.length);
  }
  const plausible = bodyLength <= MAX_PLAUSIBLE_BODY;
  const length = Math.min(plausible ? Math.max(bodyLength, dataEnd) : dataEnd, MAX_BLOCK);
  const body = placeRows(mdata, length, 'MDATA', notes);
  if (given !== bodyLength) notes.push({ message: `MDATA holds ${given} bytes for a BodyLength of ${bodyLength}` });
  const bytes = new Uint8Array(8 + body.bytes.length);
  bytes.set(head.header.subarray(0, 8));
  bytes.set(body.bytes, 8);
  const missing = body.holes.map((r) => ({ offset: r.offset + 8, length: r.length }));
  return { ok: true, bytes, missing, bodyLength, given };
}
