/**
 * Test support: the packet record at a byte offset of a capture file, read from the format
 * specifications (pcap: the 16-byte record header; pcapng: an Enhanced or Simple Packet Block),
 * independently of src/capture — to check that a byte range the tool reports (SARIF's region)
 * is the record of the frame it names.
 */

export interface FileRecord {
  readonly format: 'pcap' | 'pcapng';
  /** The record's length in the file: pcap 16 + caplen; pcapng the Block Total Length. */
  readonly length: number;
  /** The captured packet bytes (the link-layer frame), a copy. */
  readonly packet: Uint8Array;
}

function u32(b: Uint8Array, o: number, le: boolean): number {
  return new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(o, le);
}

const PCAP_MAGICS: ReadonlyArray<readonly [number, boolean]> = [
  [0xa1b2c3d4, false],
  [0xa1b23c4d, false],
  [0xd4c3b2a1, true],
  [0x4d3cb2a1, true],
];

/** The record at `offset` of the capture file `file` (its whole bytes); throws when there is none. */
export function recordAt(file: Uint8Array, offset: number): FileRecord {
  const magic = u32(file, 0, false);
  const pcap = PCAP_MAGICS.find(([m]) => m === magic);
  if (pcap !== undefined) {
    const le = pcap[1];
    if (offset < 24 || offset + 16 > file.length) throw new Error(`no pcap record header at ${offset}`);
    const caplen = u32(file, offset + 8, le);
    if (offset + 16 + caplen > file.length) throw new Error(`the pcap record at ${offset} runs past the file`);
    return { format: 'pcap', length: 16 + caplen, packet: Uint8Array.from(file.subarray(offset + 16, offset + 16 + caplen)) };
  }
  if (magic !== 0x0a0d0d0a) throw new Error('neither pcap nor pcapng');
  // One section: its byte order from the SHB's byte-order magic.
  const le = u32(file, 8, true) === 0x1a2b3c4d;
  const type = u32(file, offset, le);
  const length = u32(file, offset + 4, le);
  if (u32(file, offset + length - 4, le) !== length) throw new Error(`no pcapng block at ${offset}: its trailing length differs`);
  if (type === 6) {
    const caplen = u32(file, offset + 20, le);
    return { format: 'pcapng', length, packet: Uint8Array.from(file.subarray(offset + 28, offset + 28 + caplen)) };
  }
  if (type === 3) {
    const caplen = Math.min(u32(file, offset + 8, le), length - 16);
    return { format: 'pcapng', length, packet: Uint8Array.from(file.subarray(offset + 12, offset + 12 + caplen)) };
  }
  throw new Error(`the pcapng block at ${offset} is of type ${type}, not a packet block`);
}

/** The offsets of the file's packet records in order: frame n is at the (n-1)th. */
export function packetRecordOffsets(file: Uint8Array): number[] {
  const magic = u32(file, 0, false);
  const pcap = PCAP_MAGICS.find(([m]) => m === magic);
  const out: number[] = [];
  if (pcap !== undefined) {
    for (let at = 24; at + 16 <= file.length; at += 16 + u32(file, at + 8, pcap[1])) out.push(at);
    return out;
  }
  if (magic !== 0x0a0d0d0a) throw new Error('neither pcap nor pcapng');
  const le = u32(file, 8, true) === 0x1a2b3c4d;
  for (let at = 0; at + 12 <= file.length; at += u32(file, at + 4, le)) {
    const type = u32(file, at, le);
    if (type === 6 || type === 3 || type === 2) out.push(at);
  }
  return out;
}
