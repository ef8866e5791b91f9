/** Test support: feeding scripted segments straight into a TcpReassembler. */
import { TcpReassembler, type TcpReassemblyOptions } from '../../src/capture/tcp-reassembler.js';
import type { CaptureEvent } from '../../src/capture/tcp-events.js';
import { createTcpSegmentView, type TcpSegmentView } from '../../src/capture/tcp-segment.js';
import { ipv4Address, ipv6Address, type TcpSpec } from './capture-writer.js';

export interface FedSegment {
  readonly src: string;
  readonly dst: string;
  readonly tcp: TcpSpec;
  /** Capture time (default: 1 ms per segment). */
  readonly sec?: number;
  readonly nsec?: number;
  /** Payload bytes announced but not captured. */
  readonly missingBytes?: number;
}

function words(addr: string): [number, number, number, number] {
  if (addr.includes(':')) {
    const b = ipv6Address(addr);
    const w = (i: number): number => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
    return [w(0), w(4), w(8), w(12)];
  }
  const b = ipv4Address(addr);
  return [((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0, 0, 0, 0];
}

export function toSegmentView(s: FedSegment, frame: number, view: TcpSegmentView = createTcpSegmentView()): TcpSegmentView {
  const [s0, s1, s2, s3] = words(s.src);
  const [d0, d1, d2, d3] = words(s.dst);
  const payload = s.tcp.payload ?? new Uint8Array(0);
  view.frame = frame;
  view.tsSec = s.sec ?? 1_700_000_000 + Math.floor(frame / 1000);
  view.tsNsec = s.nsec ?? (frame % 1000) * 1_000_000;
  view.fileOffset = frame * 100;
  view.ipVersion = s.src.includes(':') ? 6 : 4;
  view.src0 = s0;
  view.src1 = s1;
  view.src2 = s2;
  view.src3 = s3;
  view.dst0 = d0;
  view.dst1 = d1;
  view.dst2 = d2;
  view.dst3 = d3;
  view.srcPort = s.tcp.srcPort;
  view.dstPort = s.tcp.dstPort;
  view.seq = s.tcp.seq >>> 0;
  view.ack = (s.tcp.ack ?? 0) >>> 0;
  view.flags = s.tcp.flags;
  view.window = s.tcp.window ?? 65535;
  // Put the payload at a non-zero offset of a bigger buffer, as in a frame.
  const buf = new Uint8Array(payload.length + 7);
  buf.set(payload, 5);
  view.payload = buf;
  view.payloadOffset = 5;
  view.payloadLength = payload.length;
  view.missingBytes = s.missingBytes ?? 0;
  return view;
}

/** Feeds segments in order (frame numbers 1…) and finishes; returns the events. */
export function feedSegments(segments: readonly FedSegment[], options: Partial<TcpReassemblyOptions> = {}): CaptureEvent[] {
  const events: CaptureEvent[] = [];
  const r = new TcpReassembler((e) => events.push(e), options);
  const view = createTcpSegmentView();
  segments.forEach((s, i) => r.pushSegment(toSegmentView(s, i + 1, view)));
  r.finish();
  return events;
}

export interface Endpoint {
  readonly addr: string;
  readonly port: number;
}

/** A segment from `src` to `dst` (ack 0). */
export const segmentBetween = (src: Endpoint, dst: Endpoint, seq: number, flags: number, payload: Uint8Array = new Uint8Array(0)): FedSegment => ({
  src: src.addr,
  dst: dst.addr,
  tcp: { srcPort: src.port, dstPort: dst.port, seq, ack: 0, flags, payload },
});

