/**
 * Mutators: generic byte-level ones, structure-aware ones for captures (pcap/pcapng record
 * and block lengths, options, IP, TCP, CTI headers) and line-aware ones for MIVR logs.
 * Each takes the input and a seeded Rng and returns a new buffer (never larger than MAX_INPUT).
 */
import { gzipSync } from 'node:zlib';
import { captureLayout, type CaptureLayout, type PacketLayout } from './capture-layout.js';
import type { Rng } from './rng.js';

export const MAX_INPUT = 1 << 20;

const INTERESTING_8 = [0, 1, 0x7f, 0x80, 0xff];
const INTERESTING_16 = [0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff];
const INTERESTING_32 = [0, 1, 0x7f, 0x80, 0xff, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff];

export type Mutator = (input: Uint8Array, rng: Rng, seeds: readonly Uint8Array[]) => Uint8Array;

function cap(b: Uint8Array): Uint8Array {
  return b.length > MAX_INPUT ? b.subarray(0, MAX_INPUT) : b;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  return cap(Buffer.concat(parts));
}

function put16(b: Uint8Array, o: number, v: number, le: boolean): void {
  if (o < 0 || o + 2 > b.length) return;
  if (le) [b[o], b[o + 1]] = [v & 0xff, (v >>> 8) & 0xff];
  else [b[o], b[o + 1]] = [(v >>> 8) & 0xff, v & 0xff];
}

function put32(b: Uint8Array, o: number, v: number, le: boolean): void {
  if (o < 0 || o + 4 > b.length) return;
  const bytes = [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
  if (le) bytes.reverse();
  b.set(bytes, o);
}

function get32(b: Uint8Array, o: number, le: boolean): number {
  if (o < 0 || o + 4 > b.length) return 0;
  return le ? (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0 : ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}

/** A value for a length or counter field: an interesting one, or the old one nudged. */
function lengthValue(rng: Rng, old: number, bits: 8 | 16 | 32): number {
  const max = bits === 32 ? 0xffffffff : bits === 16 ? 0xffff : 0xff;
  switch (rng.int(4)) {
    case 0:
      return rng.pick(bits === 32 ? INTERESTING_32 : bits === 16 ? INTERESTING_16 : INTERESTING_8);
    case 1:
      return Math.max(0, Math.min(max, old + rng.range(-16, 16)));
    case 2:
      return rng.next() & max;
    default:
      return Math.max(0, Math.min(max, old + rng.pick([-8, -4, -1, 1, 4, 8, 64, 1460, 65536])));
  }
}

// -------------------------------------------------------------------------------------------
// Generic
// -------------------------------------------------------------------------------------------

const bitFlip: Mutator = (input, rng) => {
  const b = Uint8Array.from(input);
  const n = rng.small(16);
  for (let i = 0; i < n && b.length > 0; i++) b[rng.int(b.length)]! ^= 1 << rng.int(8);
  return b;
};

const interestingValue: Mutator = (input, rng) => {
  const b = Uint8Array.from(input);
  if (b.length === 0) return b;
  const width = rng.pick([1, 2, 4]);
  const o = rng.int(Math.max(1, b.length - width + 1));
  const le = rng.chance(0.5);
  if (width === 1) b[o] = rng.pick(INTERESTING_8);
  else if (width === 2) put16(b, o, rng.pick(INTERESTING_16), le);
  else put32(b, o, rng.pick(INTERESTING_32), le);
  return b;
};

const randomBytes: Mutator = (input, rng) => {
  const b = Uint8Array.from(input);
  const n = rng.small(32);
  const o = rng.int(b.length);
  for (let i = 0; i < n && o + i < b.length; i++) b[o + i] = rng.int(256);
  return b;
};

const insertRange: Mutator = (input, rng) => {
  const o = rng.int(input.length + 1);
  const n = rng.small(256);
  const ins = new Uint8Array(n);
  const fill = rng.int(3);
  for (let i = 0; i < n; i++) ins[i] = fill === 0 ? 0 : fill === 1 ? 0xff : rng.int(256);
  return concat([input.subarray(0, o), ins, input.subarray(o)]);
};

const deleteRange: Mutator = (input, rng) => {
  const o = rng.int(input.length);
  const n = rng.small(Math.max(1, Math.min(4096, input.length - o)));
  return concat([input.subarray(0, o), input.subarray(o + n)]);
};

const duplicateRange: Mutator = (input, rng) => {
  const o = rng.int(input.length);
  const n = rng.small(Math.max(1, Math.min(8192, input.length - o)));
  const at = rng.int(input.length + 1);
  const times = rng.chance(0.05) ? rng.range(2, 64) : 1;
  const copies = Array.from({ length: times }, () => input.subarray(o, o + n));
  return concat([input.subarray(0, at), ...copies, input.subarray(at)]);
};

const truncate: Mutator = (input, rng) => input.subarray(0, rng.int(input.length + 1));

export const splice: Mutator = (input, rng, seeds) => {
  const other = rng.pick(seeds);
  const a = rng.int(input.length + 1);
  const b = rng.int(other.length + 1);
  return rng.chance(0.5) ? concat([input.subarray(0, a), other.subarray(b)]) : concat([input.subarray(0, a), other.subarray(b, b + rng.small(4096)), input.subarray(a)]);
};

export const GENERIC: readonly Mutator[] = [bitFlip, interestingValue, randomBytes, insertRange, deleteRange, duplicateRange, truncate, splice];

// -------------------------------------------------------------------------------------------
// Captures
// -------------------------------------------------------------------------------------------

function withLayout(f: (b: Uint8Array, layout: CaptureLayout, rng: Rng) => Uint8Array | void): Mutator {
  return (input, rng) => {
    const layout = captureLayout(input);
    if (layout === undefined || layout.packets.length === 0) return bitFlip(input, rng, []);
    const b = Uint8Array.from(input);
    return f(b, layout, rng) ?? b;
  };
}

function tcpPacket(layout: CaptureLayout, rng: Rng): PacketLayout | undefined {
  const tcp = layout.packets.filter((p) => p.ip?.tcp !== undefined);
  return tcp.length === 0 ? undefined : rng.pick(tcp);
}

function ctiPacket(layout: CaptureLayout, rng: Rng): PacketLayout | undefined {
  const cti = layout.packets.filter((p) => (p.ip?.tcp?.ctiHeaders.length ?? 0) > 0);
  return cti.length === 0 ? undefined : rng.pick(cti);
}

const recordLengths = withLayout((b, layout, rng) => {
  const p = rng.pick(layout.packets);
  const at = p.origlenAt !== undefined && rng.chance(0.4) ? p.origlenAt : p.caplenAt;
  put32(b, at, lengthValue(rng, get32(b, at, layout.littleEndian), 32), layout.littleEndian);
});

const blockStructure = withLayout((b, layout, rng) => {
  const le = layout.littleEndian;
  if (layout.format === 'pcap') {
    // the file header: version, snaplen, link type
    const at = rng.pick([4, 6, 16, 20]);
    if (at < 16) put16(b, at, lengthValue(rng, 0, 16), le);
    else put32(b, at, rng.chance(0.5) ? rng.pick([0, 1, 101, 113, 276, 228, 12, 0xffff]) : lengthValue(rng, get32(b, at, le), 32), le);
    return;
  }
  const block = rng.pick(layout.blocks);
  switch (rng.int(6)) {
    case 0: // leading total length
      put32(b, block.start + 4, lengthValue(rng, get32(b, block.start + 4, le), 32), le);
      break;
    case 1: // trailing total length
      put32(b, block.end - 4, lengthValue(rng, get32(b, block.end - 4, le), 32), le);
      break;
    case 2: {
      // an option's length or code
      const withOptions = layout.blocks.filter((x) => x.options.length > 0);
      if (withOptions.length === 0) break;
      const o = rng.pick(rng.pick(withOptions).options);
      if (rng.chance(0.6)) put16(b, o + 2, lengthValue(rng, 0, 16), le);
      else put16(b, o, rng.pick([0, 1, 2, 9, 14, 0x8000, 0xffff]), le);
      break;
    }
    case 3: {
      // an interface id
      const epb = layout.packets.filter((p) => p.interfaceIdAt !== undefined);
      if (epb.length > 0) put32(b, rng.pick(epb).interfaceIdAt!, rng.pick([0, 1, 2, 7, 0xffffffff]), le);
      break;
    }
    case 4: {
      // if_tsresol: an IDB's option made into option 9 with a resolution byte
      const idbs = layout.blocks.filter((x) => x.type === 1 && x.options.length > 0);
      if (idbs.length === 0) break;
      const o = rng.pick(rng.pick(idbs).options);
      put16(b, o, 9, le);
      if (rng.chance(0.5)) put16(b, o + 2, 1, le);
      if (o + 4 < b.length) b[o + 4] = rng.pick([0, 3, 6, 9, 10, 19, 63, 64, 0x80, 0x81, 0x8a, 0xbf, 0xff]);
      break;
    }
    default: {
      // the block type
      put32(b, block.start, rng.pick([1, 2, 3, 4, 5, 6, 0xa, 0x0a0d0d0a, 0x80000001, rng.next()]), le);
      break;
    }
  }
});

const ipFields = withLayout((b, layout, rng) => {
  const p = layout.packets.filter((x) => x.ip !== undefined);
  if (p.length === 0) return;
  const ip = rng.pick(p).ip!;
  if (ip.version === 6) {
    if (rng.chance(0.7)) put16(b, ip.lengthAt, lengthValue(rng, (b[ip.lengthAt]! << 8) | b[ip.lengthAt + 1]!, 16), false);
    else b[ip.at + 6] = rng.pick([0, 6, 17, 43, 44, 59, 60]); // next header (44: fragment)
    return;
  }
  switch (rng.int(5)) {
    case 0:
      put16(b, ip.lengthAt, lengthValue(rng, (b[ip.lengthAt]! << 8) | b[ip.lengthAt + 1]!, 16), false);
      break;
    case 1:
      b[ip.at] = 0x40 | rng.int(16); // header length
      break;
    case 2: {
      // flags and fragment offset: MF, DF, an offset (in 8-byte units)
      const flags = rng.pick([0, 0x2000, 0x4000, 0x6000, 0x8000]);
      const offset = rng.chance(0.5) ? rng.int(8) : rng.int(0x2000);
      put16(b, ip.at + 6, flags | offset, false);
      break;
    }
    case 3:
      put16(b, ip.at + 4, rng.pick([0, 1, 0xffff, rng.int(0x10000)]), false); // identification
      break;
    default:
      b[ip.at + 9] = rng.pick([0, 1, 6, 17, 41, 255]); // protocol
  }
});

/** A fragment train: a packet's IPv4 payload split in two fragments (the second sometimes overlapping or early). */
const fragmentPacket = withLayout((b, layout, rng) => {
  const p = layout.packets.filter((x) => x.ip?.version === 4 && x.ip.tcp !== undefined && layout.format === 'pcap');
  if (p.length === 0) return;
  const pk = rng.pick(p);
  const ip = pk.ip!;
  const ihl = (b[ip.at]! & 0xf) * 4;
  const payload = pk.dataEnd - (ip.at + ihl);
  if (payload < 16) return;
  const cut = 8 * rng.range(1, Math.floor((payload - 1) / 8));
  const le = layout.littleEndian;
  const head = Uint8Array.from(b.subarray(pk.recordStart, ip.at + ihl + cut));
  const prefix = ip.at - pk.dataStart;
  const tailData = b.subarray(ip.at + ihl + cut, pk.dataEnd);
  const tail = new Uint8Array(16 + prefix + ihl + tailData.length);
  tail.set(b.subarray(pk.recordStart, pk.recordStart + 16 + prefix + ihl), 0);
  tail.set(tailData, 16 + prefix + ihl);
  // lengths: record caplen/origlen, IP total length, flags/offset
  const fix = (rec: Uint8Array, ipTotal: number, flagsOffset: number): void => {
    const dataLen = rec.length - 16;
    put32(rec, 8, dataLen, le);
    put32(rec, 12, dataLen, le);
    put16(rec, 16 + prefix + 2, ipTotal, false);
    put16(rec, 16 + prefix + 6, flagsOffset, false);
  };
  const overlap = rng.chance(0.2) ? rng.range(1, 3) : 0;
  fix(head, ihl + cut, 0x2000);
  fix(tail, ihl + tailData.length, Math.max(0, cut / 8 - overlap));
  const order = rng.chance(0.3) ? [tail, head] : [head, tail];
  return concat([b.subarray(0, pk.recordStart), ...order, ...(rng.chance(0.1) ? [tail] : []), b.subarray(pk.recordEnd)]);
});

const tcpFields = withLayout((b, layout, rng) => {
  const pk = tcpPacket(layout, rng);
  if (pk === undefined) return;
  const tcp = pk.ip!.tcp!;
  switch (rng.int(6)) {
    case 0:
      b[tcp.at + 12] = (rng.int(16) << 4) | (b[tcp.at + 12]! & 0xf); // data offset
      break;
    case 1: {
      const seq = get32(b, tcp.at + 4, false);
      put32(b, tcp.at + 4, rng.chance(0.5) ? (seq + rng.pick([-1460, -100, -8, -1, 1, 8, 100, 1460, 65536, 0x7fffffff])) >>> 0 : rng.next(), false);
      break;
    }
    case 2:
      put32(b, tcp.at + 8, rng.next(), false); // ack
      break;
    case 3:
      b[tcp.at + 13] = rng.pick([0x02, 0x12, 0x10, 0x18, 0x11, 0x04, 0x14, 0x01, 0x03, 0x06, 0xff, 0x00, rng.int(256)]); // flags
      break;
    case 4:
      put16(b, tcp.at + rng.pick([0, 2]), rng.pick([42027, 42028, 80, 0, 65535, rng.int(65536)]), false); // a port
      break;
    default: {
      // two packets' sequence numbers exchanged
      const other = tcpPacket(layout, rng)!;
      const s = get32(b, tcp.at + 4, false);
      put32(b, tcp.at + 4, get32(b, other.ip!.tcp!.at + 4, false), false);
      put32(b, other.ip!.tcp!.at + 4, s, false);
    }
  }
});

const ctiHeader = withLayout((b, layout, rng) => {
  const pk = ctiPacket(layout, rng);
  if (pk === undefined) return;
  const at = rng.pick(pk.ip!.tcp!.ctiHeaders);
  if (rng.chance(0.6)) put32(b, at, lengthValue(rng, get32(b, at, false), 32), false);
  else put32(b, at + 4, rng.chance(0.7) ? rng.int(300) : rng.pick([0, 0xffff, 0x7fffffff, 0xffffffff]), false);
});

/** Whole records or blocks dropped, duplicated (retransmissions), moved (reordering). */
const records = withLayout((b, layout, rng) => {
  const ps = layout.packets;
  const i = rng.int(ps.length);
  const p = ps[i]!;
  const rec = b.subarray(p.recordStart, p.recordEnd);
  const head = b.subarray(0, p.recordStart);
  const tail = b.subarray(p.recordEnd);
  switch (rng.int(4)) {
    case 0:
      return concat([head, tail]);
    case 1:
      return concat([head, rec, ...(rng.chance(0.2) ? [rec, rec] : []), rec, tail]);
    case 2: {
      const j = rng.int(ps.length);
      const q = ps[j]!;
      if (j === i) return b;
      const [x, y] = i < j ? [p, q] : [q, p];
      return concat([b.subarray(0, x.recordStart), b.subarray(y.recordStart, y.recordEnd), b.subarray(x.recordEnd, y.recordStart), b.subarray(x.recordStart, x.recordEnd), b.subarray(y.recordEnd)]);
    }
    default: {
      // the record's TCP payload cut short or grown, lengths kept consistent (pcap only)
      if (layout.format !== 'pcap' || p.ip?.tcp === undefined) return b;
      const keep = rng.int(p.dataEnd - p.dataStart + 1);
      const r = Uint8Array.from(b.subarray(p.recordStart, p.dataStart + keep));
      put32(r, 8, keep, layout.littleEndian);
      if (rng.chance(0.5)) put32(r, 12, keep, layout.littleEndian);
      return concat([head, r, tail]);
    }
  }
});

/** The mutators with their names (for the report): the factories above make anonymous functions. */
function named(ms: Record<string, Mutator>): Mutator[] {
  return Object.entries(ms).map(([name, m]) => Object.defineProperty(m, 'name', { value: name }));
}

export const CAPTURE: readonly Mutator[] = named({ recordLengths, blockStructure, ipFields, fragmentPacket, tcpFields, ctiHeader, records });

// -------------------------------------------------------------------------------------------
// MIVR logs (worked on as latin1 text so every byte survives)
// -------------------------------------------------------------------------------------------

function lines(input: Uint8Array): string[] {
  return Buffer.from(input.buffer, input.byteOffset, input.length).toString('latin1').split('\n');
}

function joined(ls: readonly string[]): Uint8Array {
  return cap(Buffer.from(ls.join('\n'), 'latin1'));
}

function withLines(f: (ls: string[], rng: Rng) => void): Mutator {
  return (input, rng) => {
    const ls = lines(input);
    f(ls, rng);
    return joined(ls);
  };
}

const RECORD = /^(\d+): ([A-Za-z]{3}) (\d+) (\d\d:\d\d:\d\d\.\d+) (\S+) %MIVR-([A-Za-z_0-9]+)-(\d)-([A-Za-z_0-9]+):/;
const DUMP_ROW = /^(MHDR:|MDATA:)?\s*[0-9A-Fa-f]{4}:/;

function indexes(ls: readonly string[], re: RegExp): number[] {
  const out: number[] = [];
  for (let i = 0; i < ls.length; i++) if (re.test(ls[i]!)) out.push(i);
  return out;
}

/** Latin1 strings of control characters, bidi controls (as UTF-8) and invalid UTF-8. */
function nasty(rng: Rng): string {
  const utf8 = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');
  return rng.pick([
    '\x00',
    '\x1b[31m',
    '\x07',
    '\r',
    '\t',
    '\x7f',
    '\x85',
    '\x9b',
    utf8('\u0085'),
    utf8('\u009b'),
    utf8('\u202e'),
    utf8('\u2066'),
    utf8('\u2028'),
    utf8('\ufeff'),
    '\xff',
    '\xc0\x80',
    '\x80',
    '\xe2\x82',
    '\xf0\x9f\x98',
    '\xed\xa0\x80',
    '\xfe\xff',
  ]);
}

const lineOps = withLines((ls, rng) => {
  if (ls.length === 0) return;
  const i = rng.int(ls.length);
  switch (rng.int(6)) {
    case 0:
      ls[i] = ls[i]!.slice(0, rng.int(ls[i]!.length + 1));
      break;
    case 1:
      ls.splice(i, 0, ...Array.from({ length: rng.chance(0.1) ? rng.range(2, 200) : 1 }, () => ls[i]!));
      break;
    case 2:
      ls.splice(i, rng.small(20));
      break;
    case 3: {
      // shuffle a window of lines
      const n = Math.min(ls.length - i, rng.range(2, 12));
      const w = ls.slice(i, i + n);
      for (let k = w.length - 1; k > 0; k--) {
        const j = rng.int(k + 1);
        [w[k], w[j]] = [w[j]!, w[k]!];
      }
      ls.splice(i, n, ...w);
      break;
    }
    case 4: {
      const j = rng.int(ls.length);
      [ls[i], ls[j]] = [ls[j]!, ls[i]!];
      break;
    }
    default: {
      const from = rng.int(ls.length);
      ls.splice(i, 0, ...ls.slice(from, from + rng.small(30)));
    }
  }
});

const recordHeader = withLines((ls, rng) => {
  const records = indexes(ls, RECORD);
  if (records.length === 0) return;
  const i = rng.pick(records);
  const m = RECORD.exec(ls[i]!)!;
  const parts = m.slice(1);
  const k = rng.int(8);
  const alt: string[][] = [
    ['0', '99999999999999999999', '-1', '', '7093100x', String(rng.next())],
    ['Xyz', 'Feb', 'Dec', 'Jan', 'nov', '', 'May'],
    ['0', '31', '29', '30', '99', '', '-1', '1'],
    ['25:61:61.999', '23:59:59.999', '00:00:00.000', '10:52:10', '10:52:10.1234567', '1:2:3.4', '99:99:99.999', ''],
    ['EDT', 'EST', 'UTC', 'GMT', '+0530', '-1200', '+9999', 'XYZ', 'IST', ''],
    ['ICD_CTI', 'SS_TEL', 'ICD_CTIx', '', 'A', 'ICD_CTI_ICD_CTI'],
    ['0', '1', '3', '7', '9'],
    ['UNK', '', 'X', 'UNK_UNK'],
  ];
  parts[k] = rng.chance(0.8) ? rng.pick(alt[k]!) : parts[k]! + nasty(rng);
  const head = `${parts[0]}: ${parts[1]} ${parts[2]} ${parts[3]} ${parts[4]} %MIVR-${parts[5]}-${parts[6]}-${parts[7]}:`;
  ls[i] = rng.chance(0.1) ? head.replace(rng.pick([' ', ':', '-', '%']), '') + ls[i]!.slice(m[0].length) : head + ls[i]!.slice(m[0].length);
});

const dumpRows = withLines((ls, rng) => {
  const rows = indexes(ls, DUMP_ROW);
  if (rows.length === 0) return;
  const i = rng.pick(rows);
  const line = ls[i]!;
  const colon = line.indexOf(':', line.startsWith('M') ? line.indexOf(':') + 1 : 0);
  switch (rng.int(8)) {
    case 0: // the offset
      ls[i] = line.replace(/[0-9A-Fa-f]{4}:/, rng.pick(['0000:', '0010:', 'FFFF:', '0008:', '1000:', '00G0:', 'ffff:', '0020:', '00000010:']));
      break;
    case 1: {
      // a digit
      const at = colon + 1 + rng.int(Math.max(1, line.length - colon - 1));
      ls[i] = line.slice(0, at) + rng.pick(['G', 'x', ' ', '', '0', 'F', 'f', '00', '0 ']) + line.slice(at + 1);
      break;
    }
    case 2: // the gutter
      ls[i] = line.replace(/ (\S*)$/, (_m, g: string) => ` ${g.slice(0, rng.int(g.length + 1))}${nasty(rng)}${rng.chance(0.5) ? ' 00 11' : ''}`);
      break;
    case 3: // a byte removed or added
      ls[i] = rng.chance(0.5) ? line.replace(/ [0-9A-Fa-f]{2}(?= )/, '') : line.replace(/: /, ': 7F ');
      break;
    case 4: // the section name
      ls[i] = line.replace(/^(MHDR|MDATA)/, rng.pick(['MDATA', 'MHDR', 'mhdr', 'MHDRX', '']));
      break;
    case 5: // the row removed or doubled
      if (rng.chance(0.5)) ls.splice(i, 1);
      else ls.splice(i, 0, line);
      break;
    case 6: // a long row
      ls[i] = line + ' 00'.repeat(rng.pick([1, 16, 200, 5000]));
      break;
    default: // the header row's BodyLength
      ls[i] = line.replace(/^(MHDR:\s*0000: )(\S\S \S\S \S\S \S\S)/, (_m, a: string) => a + rng.pick(['FF FF FF FF', '00 00 00 00', '7F FF FF FF', '00 01 00 00', '00 00 10 00']));
  }
});

const highLevel = withLines((ls, rng) => {
  const traces = indexes(ls, /[{}]|=|: /);
  if (traces.length === 0) return;
  const i = rng.pick(traces);
  const line = ls[i]!;
  switch (rng.int(8)) {
    case 0:
      ls[i] = line.replace('}', '');
      break;
    case 1:
      ls[i] = line.replace('{', '{ {');
      break;
    case 2:
      ls[i] = line.replace(/=/, '');
      break;
    case 3:
      ls[i] = line.replace(/([A-Za-z]+)[=:] ?([^,}]*)/, (_m, k: string, v: string) => `${k}=${v}, ${k}=${rng.pick(['', v, '-1', '99999999999999999999', 'null', '{', '}', ','])}`);
      break;
    case 4:
      ls[i] = line.replace(/([=:] ?)([^,} ]*)/, (_m, s: string) => s + rng.pick(['', '-', '0x', 'A'.repeat(rng.pick([10, 300, 70000])), '{x=1}', nasty(rng), '2147483648', '-2147483649', 'NaN']));
      break;
    case 5:
      ls[i] = line.replace(/type=\w+/, `type=${rng.pick(['UNKNOWN', 'OPEN_REQ', 'CALL_HELD_EVENT', 'AGENT_STATE_EVENT', 'FAILURE_CONF', 'SET_AGENT_STATE_REQ', ''])}`);
      break;
    case 6:
      ls[i] = line.replace(/length=-?\d+/, `length=${rng.pick(['0', '-2', '99999', '4294967296', 'x'])}`);
      break;
    default:
      ls[i] = `${line}${rng.pick(['{', '}', '{{{{', '}}}}', ', ', '=', ' key=value', ' a: b'])}`;
  }
});

const controls = withLines((ls, rng) => {
  if (ls.length === 0) return;
  const n = rng.small(8);
  for (let k = 0; k < n; k++) {
    const i = rng.int(ls.length);
    const at = rng.int(ls[i]!.length + 1);
    ls[i] = ls[i]!.slice(0, at) + nasty(rng) + ls[i]!.slice(at);
  }
});

export const LOG: readonly Mutator[] = named({ lineOps, recordHeader, dumpRows, highLevel, controls });

/** The input gzip-compressed (sometimes cut short, sometimes with trailing garbage). */
export function gzipped(input: Uint8Array, rng: Rng): Uint8Array {
  const z = gzipSync(input, { level: 1 });
  switch (rng.int(8)) {
    case 0:
      return z.subarray(0, rng.int(z.length));
    case 1:
      return concat([z, z]);
    case 2:
      return concat([z, Buffer.from('garbage\n')]);
    default:
      return z;
  }
}
