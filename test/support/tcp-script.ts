/** Test support: scripted TCP segments between one client and one server, and the events they give. */
import type { CaptureEvent } from '../../src/capture/tcp-events.js';
import { ACK, FIN, PSH, SYN } from './capture-writer.js';
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

/** A short HTTPS connection from `client`:port to the server S's address: handshake, a request ("GET"), FINs (closed). */
export function shortConnection(port: number, client = '10.9.9.9'): FedSegment[] {
  const c = { src: client, dst: S.addr };
  const r = { src: S.addr, dst: client };
  return [
    { ...c, tcp: { srcPort: port, dstPort: 443, seq: 10, flags: SYN } },
    { ...r, tcp: { srcPort: 443, dstPort: port, seq: 20, ack: 11, flags: SYN | ACK } },
    { ...c, tcp: { srcPort: port, dstPort: 443, seq: 11, flags: PSH | ACK, payload: text('GET') } },
    { ...c, tcp: { srcPort: port, dstPort: 443, seq: 14, flags: FIN | ACK } },
    { ...r, tcp: { srcPort: 443, dstPort: port, seq: 21, flags: FIN | ACK } },
  ];
}

