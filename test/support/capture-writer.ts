/**
 * Test support: writes capture files (classic pcap, pcapng) and builds packets
 * (Ethernet/VLAN/SLL/SLL2/NULL/LOOP/raw + IPv4 with options and fragments, IPv6 with
 * extension headers and fragments, TCP with a correct checksum).
 *
 * Written from the format specifications, independently of src/capture, so that tests
 * cross-check the readers against what was written.
 */

// ---------------------------------------------------------------------------------------------
// Byte building

export class ByteWriter {
  private parts: number[] = [];
  constructor(private readonly littleEndian: boolean = false) {}
  u8(v: number): this {
    this.parts.push(v & 0xff);
    return this;
  }
  u16(v: number): this {
    if (this.littleEndian) this.parts.push(v & 0xff, (v >>> 8) & 0xff);
    else this.parts.push((v >>> 8) & 0xff, v & 0xff);
    return this;
  }
  u32(v: number): this {
    const b = [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
    if (this.littleEndian) b.reverse();
    this.parts.push(...b);
    return this;
  }
  u64(v: bigint): this {
    const hi = Number((v >> 32n) & 0xffffffffn);
    const lo = Number(v & 0xffffffffn);
    return this.littleEndian ? this.u32(lo).u32(hi) : this.u32(hi).u32(lo);
  }
  bytes(b: ArrayLike<number>): this {
    for (let i = 0; i < b.length; i++) this.parts.push(b[i] & 0xff);
    return this;
  }
  pad4(): this {
    while (this.parts.length % 4 !== 0) this.parts.push(0);
    return this;
  }
  get length(): number {
    return this.parts.length;
  }
  toBytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

export function concatBytes(...arrays: Uint8Array[]): Uint8Array {
  const total = arrays.reduce((n, a) => n + a.length, 0);
  const out = new Uint8Array(total);
  let p = 0;
  for (const a of arrays) {
    out.set(a, p);
    p += a.length;
  }
  return out;
}

export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.replace(/[^0-9a-fA-F]/g, '');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

// ---------------------------------------------------------------------------------------------
// Classic pcap

export interface WrittenPacket {
  /** Seconds and nanoseconds since the epoch. */
  readonly sec: number;
  readonly nsec: number;
  readonly data: Uint8Array;
  /** Original length (default: data.length). */
  readonly origLen?: number;
}

export interface PcapWriteOptions {
  readonly littleEndian?: boolean;
  readonly nanosecond?: boolean;
  readonly linkType: number;
  readonly snapLength?: number;
  /** Raw value OR-ed into the 32-bit link-type field (FCS bits: 0x04000000 | len << 28). */
  readonly linkTypeFieldExtra?: number;
  readonly versionMajor?: number;
  readonly versionMinor?: number;
}

export function pcapFileHeader(o: PcapWriteOptions): Uint8Array {
  const w = new ByteWriter(o.littleEndian ?? true);
  w.u32(o.nanosecond === true ? 0xa1b23c4d : 0xa1b2c3d4)
    .u16(o.versionMajor ?? 2)
    .u16(o.versionMinor ?? 4)
    .u32(0)
    .u32(0)
    .u32(o.snapLength ?? 262144)
    .u32((o.linkType | (o.linkTypeFieldExtra ?? 0)) >>> 0);
  return w.toBytes();
}

export function pcapRecord(p: WrittenPacket, o: PcapWriteOptions): Uint8Array {
  const w = new ByteWriter(o.littleEndian ?? true);
  const frac = o.nanosecond === true ? p.nsec : Math.floor(p.nsec / 1000);
  w.u32(p.sec).u32(frac).u32(p.data.length).u32(p.origLen ?? p.data.length).bytes(p.data);
  return w.toBytes();
}

export function writePcap(packets: readonly WrittenPacket[], o: PcapWriteOptions): Uint8Array {
  return concatBytes(pcapFileHeader(o), ...packets.map((p) => pcapRecord(p, o)));
}

// ---------------------------------------------------------------------------------------------
// pcapng

export interface PcapngInterfaceSpec {
  readonly linkType: number;
  readonly snapLength?: number;
  /** Raw if_tsresol byte (default: option absent = 10^-6). */
  readonly tsresol?: number;
  /** if_tsoffset seconds. */
  readonly tsoffset?: number;
  /** Extra options as raw [code, value] pairs. */
  readonly extraOptions?: ReadonlyArray<readonly [number, Uint8Array]>;
}

export type PcapngBlockSpec =
  | { readonly kind: 'epb'; readonly interfaceId: number; readonly sec: number; readonly nsec: number; readonly data: Uint8Array; readonly origLen?: number; readonly comment?: string }
  /** EPB with its timestamp given directly in interface ticks. */
  | { readonly kind: 'epb-ticks'; readonly interfaceId: number; readonly ticks: bigint; readonly data: Uint8Array; readonly origLen?: number }
  | { readonly kind: 'opb'; readonly interfaceId: number; readonly sec: number; readonly nsec: number; readonly data: Uint8Array; readonly origLen?: number }
  | { readonly kind: 'spb'; readonly data: Uint8Array; readonly origLen?: number }
  | { readonly kind: 'idb'; readonly iface: PcapngInterfaceSpec }
  /** Any other block: NRB (4), ISB (5), DSB (0x0A), custom (0xBAD), unknown… */
  | { readonly kind: 'raw'; readonly blockType: number; readonly body: Uint8Array };

export interface PcapngSectionSpec {
  readonly littleEndian?: boolean;
  readonly interfaces: readonly PcapngInterfaceSpec[];
  readonly blocks: readonly PcapngBlockSpec[];
  /** Options of the SHB (raw), e.g. a comment. */
  readonly shbComment?: string;
}

function block(le: boolean, type: number, body: Uint8Array): Uint8Array {
  const padded = new ByteWriter(le).bytes(body).pad4().toBytes();
  const len = 12 + padded.length;
  return new ByteWriter(le).u32(type).u32(len).bytes(padded).u32(len).toBytes();
}

function optionsBytes(le: boolean, options: ReadonlyArray<readonly [number, Uint8Array]>): Uint8Array {
  if (options.length === 0) return new Uint8Array(0);
  const w = new ByteWriter(le);
  for (const [code, value] of options) {
    w.u16(code).u16(value.length).bytes(value).pad4();
  }
  w.u16(0).u16(0);
  return w.toBytes();
}

/** Units per second of an if_tsresol byte, as a BigInt. */
export function tsresolUnits(tsresol: number | undefined): bigint {
  if (tsresol === undefined) return 1_000_000n;
  return (tsresol & 0x80) === 0 ? 10n ** BigInt(tsresol) : 2n ** BigInt(tsresol & 0x7f);
}

/** Ticks for (sec, nsec) on an interface (floor), inverse of the reader's conversion. */
export function timestampToTicks(iface: PcapngInterfaceSpec, sec: number, nsec: number): bigint {
  const units = tsresolUnits(iface.tsresol);
  const s = BigInt(sec - (iface.tsoffset ?? 0));
  return s * units + (BigInt(nsec) * units) / 1_000_000_000n;
}

/** What the reader should report for ticks on an interface (floor to ns). */
export function ticksToTimestamp(iface: PcapngInterfaceSpec, ticks: bigint): { sec: number; nsec: number } {
  const units = tsresolUnits(iface.tsresol);
  return { sec: Number(ticks / units) + (iface.tsoffset ?? 0), nsec: Number(((ticks % units) * 1_000_000_000n) / units) };
}

function interfaceBlock(le: boolean, iface: PcapngInterfaceSpec): Uint8Array {
  const opts: Array<readonly [number, Uint8Array]> = [];
  if (iface.tsresol !== undefined) opts.push([9, Uint8Array.of(iface.tsresol)]);
  if (iface.tsoffset !== undefined) opts.push([14, new ByteWriter(le).u64(BigInt.asUintN(64, BigInt(iface.tsoffset))).toBytes()]);
  for (const o of iface.extraOptions ?? []) opts.push(o);
  const body = new ByteWriter(le)
    .u16(iface.linkType)
    .u16(0)
    .u32(iface.snapLength ?? 262144)
    .bytes(optionsBytes(le, opts))
    .toBytes();
  return block(le, 1, body);
}

export function writePcapngSection(section: PcapngSectionSpec): Uint8Array {
  const le = section.littleEndian ?? true;
  const parts: Uint8Array[] = [];
  const shbOpts: Array<readonly [number, Uint8Array]> = section.shbComment !== undefined ? [[1, new TextEncoder().encode(section.shbComment)]] : [];
  const shbBody = new ByteWriter(le).u32(0x1a2b3c4d).u16(1).u16(0).u64(0xffffffffffffffffn).bytes(optionsBytes(le, shbOpts)).toBytes();
  parts.push(block(le, 0x0a0d0d0a, shbBody));
  const ifaces: PcapngInterfaceSpec[] = [...section.interfaces];
  for (const iface of section.interfaces) parts.push(interfaceBlock(le, iface));
  for (const b of section.blocks) {
    switch (b.kind) {
      case 'idb':
        ifaces.push(b.iface);
        parts.push(interfaceBlock(le, b.iface));
        break;
      case 'epb':
      case 'epb-ticks': {
        const iface = ifaces[b.interfaceId] ?? { linkType: 1 };
        const ticks = b.kind === 'epb' ? timestampToTicks(iface, b.sec, b.nsec) : b.ticks;
        const opts: Array<readonly [number, Uint8Array]> = b.kind === 'epb' && b.comment !== undefined ? [[1, new TextEncoder().encode(b.comment)]] : [];
        const body = new ByteWriter(le)
          .u32(b.interfaceId)
          .u32(Number((ticks >> 32n) & 0xffffffffn))
          .u32(Number(ticks & 0xffffffffn))
          .u32(b.data.length)
          .u32(b.origLen ?? b.data.length)
          .bytes(b.data)
          .pad4()
          .bytes(optionsBytes(le, opts))
          .toBytes();
        parts.push(block(le, 6, body));
        break;
      }
      case 'opb': {
        const iface = ifaces[b.interfaceId] ?? { linkType: 1 };
        const ticks = timestampToTicks(iface, b.sec, b.nsec);
        const body = new ByteWriter(le)
          .u16(b.interfaceId)
          .u16(0)
          .u32(Number((ticks >> 32n) & 0xffffffffn))
          .u32(Number(ticks & 0xffffffffn))
          .u32(b.data.length)
          .u32(b.origLen ?? b.data.length)
          .bytes(b.data)
          .toBytes();
        parts.push(block(le, 2, body));
        break;
      }
      case 'spb': {
        const body = new ByteWriter(le).u32(b.origLen ?? b.data.length).bytes(b.data).toBytes();
        parts.push(block(le, 3, body));
        break;
      }
      case 'raw':
        parts.push(block(le, b.blockType, b.body));
        break;
    }
  }
  return concatBytes(...parts);
}

export function writePcapng(sections: readonly PcapngSectionSpec[]): Uint8Array {
  return concatBytes(...sections.map(writePcapngSection));
}

/** A simple one-interface pcapng file of packets. */
export function writeSimplePcapng(packets: readonly WrittenPacket[], linkType: number, littleEndian = true, tsresol?: number): Uint8Array {
  const iface: PcapngInterfaceSpec = tsresol === undefined ? { linkType } : { linkType, tsresol };
  return writePcapng([
    {
      littleEndian,
      interfaces: [iface],
      blocks: packets.map((p) => ({ kind: 'epb' as const, interfaceId: 0, sec: p.sec, nsec: p.nsec, data: p.data, origLen: p.origLen })),
    },
  ]);
}

// ---------------------------------------------------------------------------------------------
// Link layers

export const ETH_IPV4 = 0x0800;
export const ETH_IPV6 = 0x86dd;

export interface VlanTag {
  readonly tpid: number; // 0x8100, 0x88a8, 0x9100
  readonly vid: number;
}

export function ethernet(payload: Uint8Array, etherType: number, vlanTags: readonly VlanTag[] = []): Uint8Array {
  const w = new ByteWriter(false).bytes([0, 0x11, 0x22, 0x33, 0x44, 0x55]).bytes([0, 0x66, 0x77, 0x88, 0x99, 0xaa]);
  for (const t of vlanTags) w.u16(t.tpid).u16(t.vid & 0x0fff);
  w.u16(etherType).bytes(payload);
  return w.toBytes();
}

/** Linux cooked v1 (LINKTYPE_LINUX_SLL, 113). */
export function sll(payload: Uint8Array, protocol: number): Uint8Array {
  return new ByteWriter(false).u16(0).u16(1).u16(6).bytes([0, 1, 2, 3, 4, 5, 0, 0]).u16(protocol).bytes(payload).toBytes();
}

/** Linux cooked v2 (LINKTYPE_LINUX_SLL2, 276). */
export function sll2(payload: Uint8Array, protocol: number): Uint8Array {
  return new ByteWriter(false).u16(protocol).u16(0).u32(1).u16(1).u8(0).u8(6).bytes([0, 1, 2, 3, 4, 5, 0, 0]).bytes(payload).toBytes();
}

/** BSD NULL (0): AF in the writer's host byte order. */
export function nullLink(payload: Uint8Array, af: number, littleEndian: boolean): Uint8Array {
  return new ByteWriter(littleEndian).u32(af).bytes(payload).toBytes();
}

/** OpenBSD LOOP (108): AF in network byte order. */
export function loopLink(payload: Uint8Array, af: number): Uint8Array {
  return new ByteWriter(false).u32(af).bytes(payload).toBytes();
}

// ---------------------------------------------------------------------------------------------
// IP

export function ipv4Address(text: string): number[] {
  return text.split('.').map((x) => Number(x));
}

export function ipv6Address(text: string): number[] {
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const h = head === '' ? [] : head.split(':');
  const t = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  const out: number[] = [];
  for (const g of groups) {
    const v = parseInt(g, 16);
    out.push(v >> 8, v & 0xff);
  }
  return out;
}

function checksum(data: ArrayLike<number>, initial = 0): number {
  let sum = initial;
  for (let i = 0; i + 1 < data.length; i += 2) sum += (data[i] << 8) | data[i + 1];
  if (data.length % 2 === 1) sum += data[data.length - 1] << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

export interface Ipv4Spec {
  readonly src: string;
  readonly dst: string;
  readonly protocol: number;
  readonly payload: Uint8Array;
  readonly id?: number;
  readonly ttl?: number;
  /** IP options (padded to 4 bytes by the writer). */
  readonly options?: Uint8Array;
  readonly fragmentOffset?: number; // bytes, multiple of 8
  readonly moreFragments?: boolean;
  readonly dontFragment?: boolean;
  /** Override the total-length field (e.g. 0 for TSO). */
  readonly totalLengthField?: number;
}

export function ipv4(spec: Ipv4Spec): Uint8Array {
  const opts = new ByteWriter(false).bytes(spec.options ?? []).pad4().toBytes();
  const ihl = 20 + opts.length;
  const total = ihl + spec.payload.length;
  const flags = (spec.dontFragment === true ? 0x4000 : 0) | (spec.moreFragments === true ? 0x2000 : 0) | ((spec.fragmentOffset ?? 0) / 8);
  const hdr = new ByteWriter(false)
    .u8(0x40 | (ihl / 4))
    .u8(0)
    .u16(spec.totalLengthField ?? total)
    .u16(spec.id ?? 0x1234)
    .u16(flags)
    .u8(spec.ttl ?? 64)
    .u8(spec.protocol)
    .u16(0)
    .bytes(ipv4Address(spec.src))
    .bytes(ipv4Address(spec.dst))
    .bytes(opts)
    .toBytes();
  const c = checksum(hdr);
  hdr[10] = c >> 8;
  hdr[11] = c & 0xff;
  return concatBytes(hdr, spec.payload);
}

/** Splits a transport payload into IPv4 fragments of at most `fragmentSize` (multiple of 8) bytes. */
export function ipv4Fragments(spec: Omit<Ipv4Spec, 'fragmentOffset' | 'moreFragments'>, fragmentSize: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let off = 0; off < spec.payload.length; off += fragmentSize) {
    const end = Math.min(spec.payload.length, off + fragmentSize);
    out.push(ipv4({ ...spec, payload: spec.payload.subarray(off, end), fragmentOffset: off, moreFragments: end < spec.payload.length }));
  }
  return out;
}

export interface Ipv6ExtensionHeader {
  /** 0 hop-by-hop, 43 routing, 60 destination options, 51 AH, 44 fragment (use ipv6Fragments). */
  readonly type: number;
  /** Body after the next-header/length bytes (padded by the writer to the header's unit). */
  readonly body?: Uint8Array;
}

function extensionHeaderBytes(h: Ipv6ExtensionHeader, nextHeader: number): Uint8Array {
  const body = h.body ?? new Uint8Array(h.type === 51 ? 10 : 6);
  if (h.type === 51) {
    // AH: length in 4-byte units minus 2; total multiple of 8 for IPv6.
    const w = new ByteWriter(false).u8(nextHeader).u8(0).bytes(body);
    while ((w.length) % 8 !== 0) w.u8(0);
    const bytes = w.toBytes();
    bytes[1] = bytes.length / 4 - 2;
    return bytes;
  }
  const w = new ByteWriter(false).u8(nextHeader).u8(0).bytes(body);
  while (w.length % 8 !== 0) w.u8(0);
  const bytes = w.toBytes();
  bytes[1] = bytes.length / 8 - 1;
  return bytes;
}

export interface Ipv6Spec {
  readonly src: string;
  readonly dst: string;
  readonly nextHeader: number;
  readonly payload: Uint8Array;
  readonly extensionHeaders?: readonly Ipv6ExtensionHeader[];
  readonly hopLimit?: number;
}

export function ipv6(spec: Ipv6Spec): Uint8Array {
  const exts = spec.extensionHeaders ?? [];
  const parts: Uint8Array[] = [];
  for (let i = 0; i < exts.length; i++) {
    const next = i + 1 < exts.length ? exts[i + 1].type : spec.nextHeader;
    parts.push(extensionHeaderBytes(exts[i], next));
  }
  const extBytes = concatBytes(...parts);
  const first = exts.length > 0 ? exts[0].type : spec.nextHeader;
  const hdr = new ByteWriter(false)
    .u32(0x60000000)
    .u16(extBytes.length + spec.payload.length)
    .u8(first)
    .u8(spec.hopLimit ?? 64)
    .bytes(ipv6Address(spec.src))
    .bytes(ipv6Address(spec.dst))
    .toBytes();
  return concatBytes(hdr, extBytes, spec.payload);
}

/**
 * IPv6 fragments: the unfragmentable part is `spec.extensionHeaders` (before the fragment
 * header); the fragmentable part is `fragmentableHeaders` + payload.
 */
export function ipv6Fragments(
  spec: Ipv6Spec & { readonly fragmentableHeaders?: readonly Ipv6ExtensionHeader[]; readonly id?: number },
  fragmentSize: number,
): Uint8Array[] {
  const fh = spec.fragmentableHeaders ?? [];
  const fparts: Uint8Array[] = [];
  for (let i = 0; i < fh.length; i++) fparts.push(extensionHeaderBytes(fh[i], i + 1 < fh.length ? fh[i + 1].type : spec.nextHeader));
  const fragmentable = concatBytes(...fparts, spec.payload);
  const fragNext = fh.length > 0 ? fh[0].type : spec.nextHeader;
  const out: Uint8Array[] = [];
  for (let off = 0; off < fragmentable.length; off += fragmentSize) {
    const end = Math.min(fragmentable.length, off + fragmentSize);
    const more = end < fragmentable.length;
    const fragHeader = new ByteWriter(false).u8(fragNext).u8(0).u16(off | (more ? 1 : 0)).u32(spec.id ?? 0xabcdef).toBytes();
    const exts = spec.extensionHeaders ?? [];
    const parts: Uint8Array[] = [];
    for (let i = 0; i < exts.length; i++) parts.push(extensionHeaderBytes(exts[i], i + 1 < exts.length ? exts[i + 1].type : 44));
    const unfrag = concatBytes(...parts);
    const first = exts.length > 0 ? exts[0].type : 44;
    const payload = concatBytes(unfrag, fragHeader, fragmentable.subarray(off, end));
    const hdr = new ByteWriter(false)
      .u32(0x60000000)
      .u16(payload.length)
      .u8(first)
      .u8(64)
      .bytes(ipv6Address(spec.src))
      .bytes(ipv6Address(spec.dst))
      .toBytes();
    out.push(concatBytes(hdr, payload));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// TCP

export const FIN = 0x01;
export const SYN = 0x02;
export const RST = 0x04;
export const PSH = 0x08;
export const ACK = 0x10;

export interface TcpSpec {
  readonly srcPort: number;
  readonly dstPort: number;
  readonly seq: number;
  readonly ack?: number;
  readonly flags: number;
  readonly window?: number;
  readonly payload?: Uint8Array;
  /** TCP options (padded to 4 bytes). */
  readonly options?: Uint8Array;
}

/** A TCP segment with its checksum over the given addresses (IPv4 or IPv6 text). */
export function tcp(spec: TcpSpec, src: string, dst: string): Uint8Array {
  const opts = new ByteWriter(false).bytes(spec.options ?? []).pad4().toBytes();
  const payload = spec.payload ?? new Uint8Array(0);
  const seg = new ByteWriter(false)
    .u16(spec.srcPort)
    .u16(spec.dstPort)
    .u32(spec.seq >>> 0)
    .u32((spec.ack ?? 0) >>> 0)
    .u8(((20 + opts.length) / 4) << 4)
    .u8(spec.flags)
    .u16(spec.window ?? 65535)
    .u16(0)
    .u16(0)
    .bytes(opts)
    .bytes(payload)
    .toBytes();
  const v6 = src.includes(':');
  const srcB = v6 ? ipv6Address(src) : ipv4Address(src);
  const dstB = v6 ? ipv6Address(dst) : ipv4Address(dst);
  const pseudo = v6
    ? new ByteWriter(false).bytes(srcB).bytes(dstB).u32(seg.length).u32(6).toBytes()
    : new ByteWriter(false).bytes(srcB).bytes(dstB).u8(0).u8(6).u16(seg.length).toBytes();
  const c = checksum(concatBytes(pseudo, seg));
  seg[16] = c >> 8;
  seg[17] = c & 0xff;
  return seg;
}

/** An IPv4 or IPv6 packet (by the address form) carrying a TCP segment. */
export function tcpPacket(src: string, dst: string, spec: TcpSpec): Uint8Array {
  const seg = tcp(spec, src, dst);
  return src.includes(':') ? ipv6({ src, dst, nextHeader: 6, payload: seg }) : ipv4({ src, dst, protocol: 6, payload: seg });
}
