/**
 * Where the fields of a pcap or pcapng file are, found leniently (a damaged file gives what
 * could be walked): the structure-aware mutators overwrite them.
 */
import { readU16, readU32 } from '../../src/capture/byte-order.js';

export interface PacketLayout {
  /** File offset of the record (pcap) or block (pcapng). */
  readonly recordStart: number;
  /** File offset just after the record or block. */
  readonly recordEnd: number;
  /** pcap: the 16-byte record header; pcapng: the EPB/SPB/PB block header. */
  readonly caplenAt: number;
  readonly origlenAt: number | undefined;
  /** pcapng EPB/PB: the interface id field. */
  readonly interfaceIdAt: number | undefined;
  readonly dataStart: number;
  readonly dataEnd: number;
  readonly ip: IpLayout | undefined;
}

interface IpLayout {
  readonly version: 4 | 6;
  readonly at: number;
  /** IPv4: total length; IPv6: payload length. */
  readonly lengthAt: number;
  readonly tcp: TcpLayout | undefined;
}

interface TcpLayout {
  readonly at: number;
  readonly payloadEnd: number;
  /** File offsets of the CTI headers walked in the payload (each 8 bytes: BodyLength, MessageType). */
  readonly ctiHeaders: readonly number[];
}

interface BlockLayout {
  readonly start: number;
  readonly end: number;
  readonly type: number;
  /** pcapng option headers (code u16, length u16), file offsets. */
  readonly options: readonly number[];
}

export interface CaptureLayout {
  readonly format: 'pcap' | 'pcapng';
  readonly littleEndian: boolean;
  readonly packets: readonly PacketLayout[];
  /** pcapng: every block walked. */
  readonly blocks: readonly BlockLayout[];
}

/** The IP header and TCP payload of a packet's data, looked for at the usual link-layer offsets. */
function ipLayout(b: Uint8Array, start: number, end: number): IpLayout | undefined {
  for (const skip of [14, 4, 16, 0, 18, 2]) {
    const at = start + skip;
    if (at + 20 > end) continue;
    const v = b[at]! >> 4;
    if (v === 4) {
      const ihl = (b[at]! & 0xf) * 4;
      if (ihl < 20 || b[at + 9] !== 6) continue;
      return { version: 4, at, lengthAt: at + 2, tcp: tcpLayout(b, at + ihl, Math.min(end, at + Math.max(readU16(b, at + 2, false), ihl))) };
    }
    if (v === 6 && at + 40 <= end && b[at + 6] === 6) {
      return { version: 6, at, lengthAt: at + 4, tcp: tcpLayout(b, at + 40, Math.min(end, at + 40 + readU16(b, at + 4, false))) };
    }
  }
  return undefined;
}

function tcpLayout(b: Uint8Array, at: number, end: number): TcpLayout | undefined {
  if (at + 20 > end) return undefined;
  const payloadStart = at + Math.max(20, (b[at + 12]! >> 4) * 4);
  if (payloadStart > end) return undefined;
  const ctiHeaders: number[] = [];
  for (let p = payloadStart; p + 8 <= end && ctiHeaders.length < 64; ) {
    ctiHeaders.push(p);
    const len = readU32(b, p, false);
    if (len > 0x10000) break;
    p += 8 + len;
  }
  return { at, payloadEnd: end, ctiHeaders };
}

export function captureLayout(b: Uint8Array): CaptureLayout | undefined {
  if (b.length < 24) return undefined;
  const magicBE = readU32(b, 0, false);
  if (magicBE === 0x0a0d0d0a) return pcapngLayout(b);
  let le: boolean;
  if (magicBE === 0xa1b2c3d4 || magicBE === 0xa1b23c4d) le = false;
  else if (magicBE === 0xd4c3b2a1 || magicBE === 0x4d3cb2a1) le = true;
  else return undefined;
  const packets: PacketLayout[] = [];
  for (let p = 24; p + 16 <= b.length && packets.length < 100_000; ) {
    const caplen = readU32(b, p + 8, le);
    const dataStart = p + 16;
    const dataEnd = Math.min(b.length, dataStart + caplen);
    packets.push({ recordStart: p, recordEnd: dataEnd, caplenAt: p + 8, origlenAt: p + 12, interfaceIdAt: undefined, dataStart, dataEnd, ip: ipLayout(b, dataStart, dataEnd) });
    p = dataEnd;
  }
  return { format: 'pcap', littleEndian: le, packets, blocks: [] };
}

function pcapngLayout(b: Uint8Array): CaptureLayout | undefined {
  if (b.length < 12) return undefined;
  // The byte-order magic of the first section header decides the endianness.
  let le = readU32(b, 8, true) === 0x1a2b3c4d;
  const packets: PacketLayout[] = [];
  const blocks: BlockLayout[] = [];
  for (let p = 0; p + 12 <= b.length && blocks.length < 100_000; ) {
    const type = readU32(b, p, le);
    if (type === 0x0a0d0d0a) le = readU32(b, p + 8, true) === 0x1a2b3c4d;
    const total = readU32(b, p + 4, le);
    if (total < 12 || total % 4 !== 0) {
      blocks.push({ start: p, end: b.length, type, options: [] });
      break;
    }
    const end = Math.min(b.length, p + total);
    let optionsStart: number | undefined;
    if (type === 6 && p + 28 <= end) {
      const caplen = readU32(b, p + 20, le);
      const dataStart = p + 28;
      const dataEnd = Math.min(end - 4, dataStart + caplen);
      packets.push({ recordStart: p, recordEnd: end, caplenAt: p + 20, origlenAt: p + 24, interfaceIdAt: p + 8, dataStart, dataEnd, ip: ipLayout(b, dataStart, Math.max(dataStart, dataEnd)) });
      optionsStart = dataStart + ((caplen + 3) & ~3);
    } else if (type === 3 && p + 12 <= end) {
      const dataStart = p + 12;
      packets.push({ recordStart: p, recordEnd: end, caplenAt: p + 8, origlenAt: undefined, interfaceIdAt: undefined, dataStart, dataEnd: end - 4, ip: ipLayout(b, dataStart, end - 4) });
    } else if (type === 1) optionsStart = p + 16;
    else if (type === 0x0a0d0d0a) optionsStart = p + 24;
    const options: number[] = [];
    if (optionsStart !== undefined) {
      for (let o = optionsStart; o + 4 <= end - 4 && options.length < 64; ) {
        options.push(o);
        const code = readU16(b, o, le);
        if (code === 0) break;
        o += 4 + ((readU16(b, o + 2, le) + 3) & ~3);
      }
    }
    blocks.push({ start: p, end, type, options });
    p = end;
  }
  return { format: 'pcapng', littleEndian: le, packets, blocks };
}
