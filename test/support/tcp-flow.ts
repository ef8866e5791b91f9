/**
 * Test support: scripted TCP conversations as segments (absolute sequence numbers), to be
 * written into capture files or fed straight to the reassembler.
 */
import { ACK, FIN, PSH, RST, SYN, ethernet, ETH_IPV4, ETH_IPV6, tcpPacket, type TcpSpec, type WrittenPacket } from './capture-writer.js';

export interface FlowEndpoint {
  readonly addr: string;
  readonly port: number;
}

export interface FlowChunk {
  /** 0: client → server, 1: server → client. */
  readonly dir: 0 | 1;
  readonly bytes: Uint8Array;
}

export interface FlowSpec {
  readonly client: FlowEndpoint;
  readonly server: FlowEndpoint;
  readonly isnClient: number;
  readonly isnServer: number;
  readonly chunks: readonly FlowChunk[];
  /** Largest payload per segment (chunks are split). Default 1400. */
  readonly mss?: number;
  /** Include SYN, SYN-ACK, ACK (default true). */
  readonly handshake?: boolean;
  /** How the flow ends (default 'fin'). */
  readonly close?: 'fin' | 'rst' | 'none';
}

export interface FlowSegment {
  readonly dir: 0 | 1;
  readonly src: string;
  readonly dst: string;
  readonly tcp: TcpSpec;
}

export function buildTcpFlow(spec: FlowSpec): FlowSegment[] {
  const out: FlowSegment[] = [];
  const ends = [spec.client, spec.server] as const;
  const nextSeq = [spec.isnClient >>> 0, spec.isnServer >>> 0];
  const mss = spec.mss ?? 1400;
  const seg = (dir: 0 | 1, flags: number, payload?: Uint8Array, seqOverride?: number): void => {
    const from = ends[dir];
    const to = ends[dir === 0 ? 1 : 0];
    out.push({
      dir,
      src: from.addr,
      dst: to.addr,
      tcp: {
        srcPort: from.port,
        dstPort: to.port,
        seq: (seqOverride ?? nextSeq[dir]) >>> 0,
        ack: (flags & ACK) !== 0 ? nextSeq[dir === 0 ? 1 : 0] >>> 0 : 0,
        flags,
        payload,
      },
    });
  };
  if (spec.handshake !== false) {
    seg(0, SYN);
    nextSeq[0] = (nextSeq[0] + 1) >>> 0;
    seg(1, SYN | ACK);
    nextSeq[1] = (nextSeq[1] + 1) >>> 0;
    seg(0, ACK);
  }
  for (const chunk of spec.chunks) {
    for (let off = 0; off < chunk.bytes.length; off += mss) {
      const part = chunk.bytes.subarray(off, Math.min(chunk.bytes.length, off + mss));
      seg(chunk.dir, PSH | ACK, part);
      nextSeq[chunk.dir] = (nextSeq[chunk.dir] + part.length) >>> 0;
    }
  }
  if ((spec.close ?? 'fin') === 'fin') {
    seg(0, FIN | ACK);
    nextSeq[0] = (nextSeq[0] + 1) >>> 0;
    seg(1, FIN | ACK);
    nextSeq[1] = (nextSeq[1] + 1) >>> 0;
    seg(0, ACK);
  } else if (spec.close === 'rst') {
    seg(0, RST | ACK);
  }
  return out;
}

/** The packets of segments over Ethernet, 1 ms apart from `startSec`. */
export function flowToEthernetPackets(segments: readonly FlowSegment[], startSec = 1_700_000_000): WrittenPacket[] {
  return segments.map((s, i) => {
    const ip = tcpPacket(s.src, s.dst, s.tcp);
    return { sec: startSec + Math.floor(i / 1000), nsec: (i % 1000) * 1_000_000, data: ethernet(ip, s.src.includes(':') ? ETH_IPV6 : ETH_IPV4) };
  });
}

/** The concatenated payload of each direction. */
export function flowStreams(spec: FlowSpec): [Uint8Array, Uint8Array] {
  const parts: [number[], number[]] = [[], []];
  for (const c of spec.chunks) for (const b of c.bytes) parts[c.dir].push(b);
  return [Uint8Array.from(parts[0]), Uint8Array.from(parts[1])];
}
