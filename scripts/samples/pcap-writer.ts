/**
 * A small classic-pcap writer of Ethernet/IPv4/TCP frames with correct IP and TCP checksums
 * (for the synthetic samples and the capture benchmark; tests have their own, independent
 * writer in test/support/capture-writer.ts). Writes to a callback in large blocks.
 */

export const FIN = 0x01;
export const SYN = 0x02;
export const RST = 0x04;
export const PSH = 0x08;
export const ACK = 0x10;

export interface PcapWriterOptions {
  /** Nanosecond timestamps (magic a1b23c4d) instead of microseconds. */
  readonly nanosecond?: boolean;
  readonly snapLength?: number;
  /** Block size handed to `sink` (default 4 MiB). */
  readonly blockBytes?: number;
  /** Compute the TCP checksum (default true; the benchmark turns it off for speed, as offloading NICs do). */
  readonly tcpChecksum?: boolean;
}

export function ipv4Word(text: string): number {
  const p = text.split('.').map(Number);
  return ((p[0]! << 24) | (p[1]! << 16) | (p[2]! << 8) | p[3]!) >>> 0;
}

function sum16(b: Uint8Array, start: number, end: number, initial: number): number {
  let s = initial;
  let i = start;
  for (; i + 1 < end; i += 2) s += (b[i]! << 8) | b[i + 1]!;
  if (i < end) s += b[i]! << 8;
  return s;
}

function fold(s: number): number {
  while (s > 0xffff) s = (s & 0xffff) + Math.floor(s / 0x10000);
  return ~s & 0xffff;
}

export class PcapWriter {
  private buf: Uint8Array;
  private view: DataView;
  private pos = 0;
  private readonly nanosecond: boolean;
  private readonly tcpChecksum: boolean;
  /** Bytes written so far (file size). */
  bytes = 0;
  packets = 0;

  constructor(
    private readonly sink: (block: Uint8Array) => void,
    options: PcapWriterOptions = {},
  ) {
    this.buf = new Uint8Array(options.blockBytes ?? 4 << 20);
    this.view = new DataView(this.buf.buffer);
    this.nanosecond = options.nanosecond === true;
    this.tcpChecksum = options.tcpChecksum !== false;
    this.reserve(24);
    const v = this.view;
    v.setUint32(0, this.nanosecond ? 0xa1b23c4d : 0xa1b2c3d4, true);
    v.setUint16(4, 2, true);
    v.setUint16(6, 4, true);
    v.setUint32(16, options.snapLength ?? 262144, true);
    v.setUint32(20, 1, true); // Ethernet
    this.pos = 24;
    this.bytes = 24;
  }

  private reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) {
      this.buf = new Uint8Array(n);
      this.view = new DataView(this.buf.buffer);
    }
  }

  /** Hands what is buffered to the sink. */
  flush(): void {
    if (this.pos > 0) this.sink(this.buf.slice(0, this.pos));
    this.pos = 0;
  }

  /**
   * One Ethernet/IPv4/TCP frame. `captured` < payload length cuts the frame (snap length):
   * only that many payload bytes are written, the original length stays.
   */
  tcp(
    sec: number,
    nsec: number,
    src: number,
    dst: number,
    srcPort: number,
    dstPort: number,
    seq: number,
    ack: number,
    flags: number,
    payload: Uint8Array,
    captured: number = payload.length,
  ): void {
    const frameLen = 14 + 20 + 20 + payload.length;
    const capLen = 14 + 20 + 20 + Math.min(captured, payload.length);
    const r = this.header(sec, nsec, capLen, frameLen);
    const b = this.buf;
    const v = this.view;
    let p = this.ethernetIpv4(r + 16, src, dst, 6, 20 + payload.length);
    const t = p;
    v.setUint16(p, srcPort);
    v.setUint16(p + 2, dstPort);
    v.setUint32(p + 4, seq >>> 0);
    v.setUint32(p + 8, ack >>> 0);
    b[p + 12] = 5 << 4;
    b[p + 13] = flags;
    v.setUint16(p + 14, 65535);
    v.setUint16(p + 16, 0);
    v.setUint16(p + 18, 0);
    b.set(payload.subarray(0, capLen - 54), p + 20);
    if (this.tcpChecksum && capLen === frameLen) {
      const tcpLen = 20 + payload.length;
      let s = (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + 6 + tcpLen;
      s = sum16(b, t, t + tcpLen, s);
      v.setUint16(t + 16, fold(s));
    }
    this.pos = r + 16 + capLen;
    this.bytes += 16 + capLen;
    this.packets++;
  }
  /**
   * The Ethernet header (fixed MACs, IPv4 ethertype) and an IPv4 header without options
   * (DF, TTL 64, checksum computed) at `p`, for `ipPayloadLength` bytes of `protocol`;
   * returns where the IP payload starts.
   */
  private ethernetIpv4(p: number, src: number, dst: number, protocol: number, ipPayloadLength: number): number {
    const b = this.buf;
    const v = this.view;
    b.fill(0, p, p + 12);
    b[p + 1] = 0x11;
    b[p + 7] = 0x22;
    v.setUint16(p + 12, 0x0800);
    p += 14;
    const ip = p;
    b[p] = 0x45;
    b[p + 1] = 0;
    v.setUint16(p + 2, 20 + ipPayloadLength);
    v.setUint16(p + 4, this.packets & 0xffff);
    v.setUint16(p + 6, 0x4000);
    b[p + 8] = 64;
    b[p + 9] = protocol;
    v.setUint16(p + 10, 0);
    v.setUint32(p + 12, src);
    v.setUint32(p + 16, dst);
    v.setUint16(p + 10, fold(sum16(b, ip, ip + 20, 0)));
    return p + 20;
  }

  /** One Ethernet/IPv4/UDP frame (UDP checksum 0: not computed, as IPv4 allows). */
  udp(sec: number, nsec: number, src: number, dst: number, srcPort: number, dstPort: number, payload: Uint8Array): void {
    const frameLen = 14 + 20 + 8 + payload.length;
    const r = this.header(sec, nsec, frameLen, frameLen);
    const b = this.buf;
    const v = this.view;
    const p = this.ethernetIpv4(r + 16, src, dst, 17, 8 + payload.length);
    v.setUint16(p, srcPort);
    v.setUint16(p + 2, dstPort);
    v.setUint16(p + 4, 8 + payload.length);
    v.setUint16(p + 6, 0);
    b.set(payload, p + 8);
    this.pos = r + 16 + frameLen;
    this.bytes += 16 + frameLen;
    this.packets++;
  }

  /** One frame given whole (link-layer bytes as captured; `originalLength` defaults to their length). */
  raw(sec: number, nsec: number, frame: Uint8Array, originalLength: number = frame.length): void {
    const r = this.header(sec, nsec, frame.length, originalLength);
    this.buf.set(frame, r + 16);
    this.pos = r + 16 + frame.length;
    this.bytes += 16 + frame.length;
    this.packets++;
  }

  /** Reserves room for a record and writes its 16-byte header; returns the record's position. */
  private header(sec: number, nsec: number, capLen: number, frameLen: number): number {
    if (nsec >= 1e9) {
      sec += Math.floor(nsec / 1e9);
      nsec %= 1e9;
    }
    this.reserve(16 + capLen);
    const v = this.view;
    const r = this.pos;
    v.setUint32(r, sec, true);
    v.setUint32(r + 4, this.nanosecond ? nsec : Math.floor(nsec / 1000), true);
    v.setUint32(r + 8, capLen, true);
    v.setUint32(r + 12, frameLen, true);
    return r;
  }
}

/** One side of a TCP connection being written: its sequence numbers. */
export interface TcpSide {
  readonly addr: number;
  readonly port: number;
  seq: number;
}

/** Writes a TCP conversation (handshake, data, FIN) one call at a time. */
export class TcpConversationWriter {
  constructor(
    private readonly w: PcapWriter,
    readonly client: TcpSide,
    readonly server: TcpSide,
  ) {}

  private side(from: 'client' | 'server'): [TcpSide, TcpSide] {
    return from === 'client' ? [this.client, this.server] : [this.server, this.client];
  }

  handshake(sec: number, nsec: number): void {
    const c = this.client;
    const s = this.server;
    this.w.tcp(sec, nsec, c.addr, s.addr, c.port, s.port, c.seq, 0, SYN, EMPTY);
    c.seq = (c.seq + 1) >>> 0;
    this.w.tcp(sec, nsec + 1000, s.addr, c.addr, s.port, c.port, s.seq, c.seq, SYN | ACK, EMPTY);
    s.seq = (s.seq + 1) >>> 0;
    this.w.tcp(sec, nsec + 2000, c.addr, s.addr, c.port, s.port, c.seq, s.seq, ACK, EMPTY);
  }

  /** A data segment; `skip` writes nothing but advances the sequence (a segment lost to the capture). */
  data(sec: number, nsec: number, from: 'client' | 'server', payload: Uint8Array, options: { skip?: boolean; captured?: number } = {}): void {
    const [a, b] = this.side(from);
    if (options.skip !== true) this.w.tcp(sec, nsec, a.addr, b.addr, a.port, b.port, a.seq, b.seq, PSH | ACK, payload, options.captured);
    a.seq = (a.seq + payload.length) >>> 0;
  }

  /** A pure ACK from `from`. */
  ack(sec: number, nsec: number, from: 'client' | 'server'): void {
    const [a, b] = this.side(from);
    this.w.tcp(sec, nsec, a.addr, b.addr, a.port, b.port, a.seq, b.seq, ACK, EMPTY);
  }

  /** A RST from `from`: the connection is reset (chapter 3: the client resets it on CLOSE_CONF). */
  reset(sec: number, nsec: number, from: 'client' | 'server' = 'client'): void {
    const [a, b] = this.side(from);
    this.w.tcp(sec, nsec, a.addr, b.addr, a.port, b.port, a.seq, b.seq, RST | ACK, EMPTY);
  }

  fin(sec: number, nsec: number, first: 'client' | 'server' = 'client'): void {
    const [a, b] = this.side(first);
    this.w.tcp(sec, nsec, a.addr, b.addr, a.port, b.port, a.seq, b.seq, FIN | ACK, EMPTY);
    a.seq = (a.seq + 1) >>> 0;
    this.w.tcp(sec, nsec + 1000, b.addr, a.addr, b.port, a.port, b.seq, a.seq, FIN | ACK, EMPTY);
    b.seq = (b.seq + 1) >>> 0;
    this.w.tcp(sec, nsec + 2000, a.addr, b.addr, a.port, b.port, a.seq, b.seq, ACK, EMPTY);
  }
}

const EMPTY = new Uint8Array(0);
