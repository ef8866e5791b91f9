/**
 * Ninth round of mutation testing (docs/test-gaps.md): the list of closed connections
 * (maxClosedConnections, forgotten oldest first), the 4-tuples remembered for their instance
 * numbers (at most 16,384: MAX_FORGOTTEN_TUPLES), and `ignore` of a closed connection.
 */
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/capture/tcp-events.js';
import { connectionHash } from '../../src/capture/tcp-connection-table.js';
import { TcpReassembler } from '../../src/capture/tcp-reassembler.js';
import { createTcpSegmentView } from '../../src/capture/tcp-segment.js';
import { ACK, FIN, PSH, SYN } from '../support/capture-writer.js';
import { feedSegments, toSegmentView, type FedSegment } from '../support/segment-feed.js';
import { ofKind, S, shortConnection, text } from '../support/tcp-script.js';

const CLIENT = '10.9.9.9';
const short = (port: number): FedSegment[] => shortConnection(port);
/** New bytes from the server on the 4-tuple of short(port), after it closed. */
const late = (port: number): FedSegment => ({ src: S.addr, dst: CLIENT, tcp: { srcPort: 443, dstPort: port, seq: 21, flags: PSH | ACK, payload: text('late') } });

/** For each late segment's port: the instance it opened, or 'after close' when the connection was still kept. */
function lateFates(events: CaptureEvent[], ports: readonly number[]): Array<number | string> {
  const opens = ofKind(events, 'open');
  const afterClose = ofKind(events, 'diagnostic').filter((d) => d.diagnostic.code === 'TCP_SEGMENT_AFTER_CLOSE');
  return ports.map((p) => {
    const reopened = opens.filter((o) => o.conn.b.port === p || o.conn.a.port === p);
    if (reopened.length > 1) return reopened[reopened.length - 1]!.conn.instance;
    return afterClose.some((d) => d.diagnostic.message.includes(`:${p} `) || d.diagnostic.message.includes(`:${p})`)) ? 'after close' : 'none';
  });
}

describe('closed connections beyond maxClosedConnections are forgotten, oldest first', () => {
  it('with 1 kept: of four closed in turn, the last is kept and the three before forgotten', () => {
    const events = feedSegments([...[1, 2, 3, 4].flatMap(short), ...[1, 2, 3, 4].map(late)], { maxClosedConnections: 1 });
    expect(lateFates(events, [1, 2, 3, 4])).toEqual([2, 2, 2, 'after close']);
  });

  it('with none kept: every connection is forgotten as it closes', () => {
    const events = feedSegments([...[1, 2, 3].flatMap(short), ...[1, 2, 3].map(late)], { maxClosedConnections: 0 });
    expect(lateFates(events, [1, 2, 3])).toEqual([2, 2, 2]);
  });
});

describe('4-tuples remembered for their instance numbers: at most 16,384', () => {
  it('the oldest is dropped for the 16,385th; the others stay remembered', () => {
    const ports = Array.from({ length: 16_385 }, (_, i) => 1 + i);
    const segs = ports.flatMap(short);
    const fates = (n: number): Array<number | string> => {
      const events = feedSegments([...segs.slice(0, n * 5), late(1), late(2)], { maxClosedConnections: 0 });
      return lateFates(events, [1, 2]);
    };
    expect(fates(16_384)).toEqual([2, 2]);
    expect(fates(16_385)).toEqual([1, 2]); // tuple 1 no longer remembered: its late bytes open another instance 1
  });
});

describe('ignore() of a connection already closed', () => {
  it('leaves it as it is: new bytes after its close are still reported', () => {
    const events: CaptureEvent[] = [];
    const r = new TcpReassembler((e) => events.push(e));
    const view = createTcpSegmentView();
    const segs = [...short(1), late(1)];
    segs.slice(0, 5).forEach((s, i) => r.pushSegment(toSegmentView(s, i + 1, view)));
    const open = ofKind(events, 'open')[0]!;
    expect(ofKind(events, 'close')).toHaveLength(1);
    r.ignore(open.conn);
    r.pushSegment(toSegmentView(segs[5]!, 6, view));
    r.finish();
    expect(ofKind(events, 'diagnostic').map((d) => d.diagnostic.code)).toEqual(['TCP_SEGMENT_AFTER_CLOSE']);
  });
});

describe('connections whose 4-tuples hash alike (one chain of the table)', () => {
  // Found by search: the same 32-bit connectionHash.
  const X = { addr: '10.9.0.3', port: 8632 };
  const Y = { addr: '10.9.0.12', port: 2790 };
  const server = { addr: S.addr, port: 443 };
  const hashOf = (c: { addr: string; port: number }): number => connectionHash(toSegmentView({ src: c.addr, dst: server.addr, tcp: { srcPort: c.port, dstPort: server.port, seq: 1, flags: ACK } }, 1));
  const from = (c: { addr: string; port: number }, seq: number, flags: number, payload = ''): FedSegment => ({ src: c.addr, dst: server.addr, tcp: { srcPort: c.port, dstPort: server.port, seq, flags, payload: text(payload) } });
  const to = (c: { addr: string; port: number }, seq: number, flags: number, payload = ''): FedSegment => ({ src: server.addr, dst: c.addr, tcp: { srcPort: server.port, dstPort: c.port, seq, flags, payload: text(payload) } });

  it('one forgotten from behind the other is gone from the chain: its late bytes open the next instance', () => {
    expect(hashOf(X)).toBe(hashOf(Y));
    const events = feedSegments(
      [from(X, 10, SYN), to(X, 20, SYN | ACK), from(Y, 10, SYN), to(Y, 20, SYN | ACK), from(X, 11, FIN | ACK), to(X, 21, FIN | ACK), to(X, 22, PSH | ACK, 'late'), from(Y, 11, PSH | ACK, 'y')],
      { maxClosedConnections: 0 },
    );
    expect(ofKind(events, 'open').map((o) => [o.conn.a.addr, o.conn.instance])).toEqual([
      ['10.9.0.3', 1],
      ['10.9.0.12', 1],
      ['10.2.2.2', 2],
    ]);
    expect(ofKind(events, 'diagnostic')).toEqual([]);
    expect(ofKind(events, 'data').map((d) => [d.conn.instance, d.conn.a.addr, new TextDecoder().decode(d.bytes)])).toEqual([
      [2, '10.2.2.2', 'late'],
      [1, '10.9.0.12', 'y'],
    ]);
  });
});
