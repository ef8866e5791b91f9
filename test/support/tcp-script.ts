/** Test support: scripted TCP segments between one client and one server, and the events they give. */
import type { CaptureEvent } from '../../src/capture/tcp-events.js';
import { ACK, SYN } from './capture-writer.js';
import type { FedSegment } from './segment-feed.js';

export const C = { addr: '10.1.1.1', port: 40001 };
export const S = { addr: '10.2.2.2', port: 42027 };
export const text = (s: string): Uint8Array => new TextEncoder().encode(s);
export const str = (b: ArrayLike<number>): string => new TextDecoder().decode(Uint8Array.from(b));

/** A segment from the client ('c') or the server ('s'), absolute sequence numbers. */
export function seg(from: 'c' | 's', seq: number, flags: number, payload = '', extra: Partial<FedSegment> = {}): FedSegment {
  const [a, b] = from === 'c' ? [C, S] : [S, C];
  return { src: a.addr, dst: b.addr, tcp: { srcPort: a.port, dstPort: b.port, seq: seq >>> 0, ack: 0, flags, payload: text(payload) }, ...extra };
}

export function handshake(isnC: number, isnS: number): FedSegment[] {
  return [seg('c', isnC, SYN), seg('s', isnS, SYN | ACK), seg('c', isnC + 1, ACK)];
}

export const ofKind = <K extends CaptureEvent['kind']>(events: CaptureEvent[], kind: K): Array<Extract<CaptureEvent, { kind: K }>> =>
  events.filter((e): e is Extract<CaptureEvent, { kind: K }> => e.kind === kind);
