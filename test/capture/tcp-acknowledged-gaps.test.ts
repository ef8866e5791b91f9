/**
 * A packet the capture dropped (tcpdump's "packets dropped by kernel", an oversubscribed
 * span port) is a hole the receiver has already acknowledged: no copy will ever come. The
 * reassembler declares it a gap once the peer's ACK beyond it is `acknowledgedHoleGraceSeconds`
 * old, instead of holding the direction's later bytes until a buffer limit or the end of the
 * capture. A hole the receiver has not acknowledged (a loss on the network) is still waited for.
 */
import { describe, expect, it } from 'vitest';
import { TcpReassembler } from '../../src/capture/tcp-reassembler.js';
import type { CaptureEvent } from '../../src/capture/tcp-events.js';
import { createTcpSegmentView } from '../../src/capture/tcp-segment.js';
import { summariseEvents } from '../support/capture-events.js';
import { ACK, FIN, PSH } from '../support/capture-writer.js';
import { feedSegments, toSegmentView, type FedSegment } from '../support/segment-feed.js';
import { handshake, ofKind, seg, str } from '../support/tcp-script.js';

const T0 = 1_700_000_000;
/** A segment at capture time T0 + `ms` milliseconds. */
const at = (ms: number, s: FedSegment): FedSegment => ({ ...s, sec: T0 + Math.floor(ms / 1000), nsec: (ms % 1000) * 1_000_000 });
/** A server ACK-only segment acknowledging client sequence number `ack`. */
const serverAck = (ack: number): FedSegment => {
  const s = seg('s', 201, ACK);
  return { ...s, tcp: { ...s.tcp, ack } };
};

const gapRows = (events: CaptureEvent[]): Array<[number, number, number, string, number]> => ofKind(events, 'gap').map((g) => [g.dir, g.streamOffset, g.length, g.cause, g.frame]);
const dataRows = (events: CaptureEvent[]): Array<[number, string, number]> => ofKind(events, 'data').map((d) => [d.streamOffset, str(d.bytes), d.frame]);

/** Client bytes [0,5) and [10,15) captured, [5,10) dropped by the capture; then `after`. */
function dropped(after: FedSegment[], grace?: number): CaptureEvent[] {
  const segments = [
    ...handshake(100, 200).map((s, i) => at(i, s)),
    at(10, seg('c', 101, PSH | ACK, 'abcde')), // frame 4
    at(11, seg('c', 111, PSH | ACK, 'klmno')), // frame 5: [5,10) missing
    ...after,
  ];
  return feedSegments(segments, grace === undefined ? {} : { acknowledgedHoleGraceSeconds: grace });
}

describe('a hole the receiver acknowledged', () => {
  it('becomes a gap (cause acknowledged) once the ACK is older than the grace time, and the bytes after it are delivered then', () => {
    const events = dropped([
      at(12, serverAck(116)), // frame 6: the server has all 15 bytes
      at(50, seg('s', 201, ACK)), // frame 7: 38 ms later, within the 100 ms grace
      at(200, seg('s', 201, ACK)), // frame 8: 188 ms later
    ]);
    expect(summariseEvents(events).violations).toEqual([]);
    expect(gapRows(events)).toEqual([[0, 5, 5, 'acknowledged', 8]]);
    expect(dataRows(events)).toEqual([
      [0, 'abcde', 4],
      [10, 'klmno', 5],
    ]);
    // Declared at frame 8, before the connection ends.
    const order = events.map((e) => e.kind);
    expect(order.indexOf('gap')).toBeLessThan(order.indexOf('close'));
  });

  it('is still filled by its bytes when they come within the grace time (the two directions a little out of step)', () => {
    const events = dropped([
      at(12, serverAck(116)), // frame 6
      at(40, seg('c', 106, PSH | ACK, 'fghij')), // frame 7: the missing bytes after all
      at(500, seg('s', 201, ACK)),
    ]);
    expect(gapRows(events)).toEqual([]);
    expect(dataRows(events).map(([o, t]) => [o, t])).toEqual([
      [0, 'abcde'],
      [5, 'fghij'],
      [10, 'klmno'],
    ]);
  });

  it('is only gapped up to the acknowledged byte: the rest of the hole is still waited for', () => {
    const events = dropped([
      at(12, serverAck(108)), // frame 6: the server has [0,7)
      at(300, seg('s', 201, ACK)), // frame 7
      at(310, seg('c', 108, PSH | ACK, 'hij')), // frame 8: [7,10), a retransmission
      at(320, seg('c', 116, FIN | ACK)),
      at(330, seg('s', 201, FIN | ACK)),
    ]);
    expect(summariseEvents(events).violations).toEqual([]);
    expect(gapRows(events)).toEqual([[0, 5, 2, 'acknowledged', 7]]);
    expect(dataRows(events)).toEqual([
      [0, 'abcde', 4],
      [7, 'hij', 8],
      [10, 'klmno', 5],
    ]);
    expect(ofKind(events, 'close')).toMatchObject([{ reason: 'fin' }]);
  });

  it('reported at the end of the capture, within the grace time, still says it was acknowledged', () => {
    const events = dropped([at(12, serverAck(108))]); // [5,7) acknowledged, [7,10) not
    expect(gapRows(events).map((g) => [g[1], g[2], g[3]])).toEqual([
      [5, 2, 'acknowledged'],
      [7, 3, 'end-of-capture'],
    ]);
  });

  it('follows the grace time it is given', () => {
    const after = [at(12, serverAck(116)), at(200, seg('s', 201, ACK)), at(900, seg('s', 201, ACK))];
    expect(gapRows(dropped(after, 0.5))).toEqual([[0, 5, 5, 'acknowledged', 8]]);
    expect(gapRows(dropped(after, 0))).toEqual([[0, 5, 5, 'acknowledged', 6]]);
  });
});

describe('a hole the receiver did not acknowledge', () => {
  it('an ACK at the hole (a loss on the network: a retransmission will come) declares no gap', () => {
    const events = dropped([at(12, serverAck(106)), at(400, seg('s', 201, ACK)), at(900, seg('s', 201, ACK))]);
    // Still waited for when the capture ends: the hole is reported then, not before.
    expect(gapRows(events).map((g) => [g[1], g[2], g[3]])).toEqual([[5, 5, 'end-of-capture']]);
  });

  it('an ACK number far beyond every byte seen (damage, or another numbering) is not evidence', () => {
    const events = dropped([at(12, serverAck(116 + (4 << 20))), at(400, seg('s', 201, ACK)), at(900, seg('s', 201, ACK))]);
    expect(gapRows(events).filter((g) => g[3] === 'acknowledged')).toEqual([]);
  });

  it('segments without the ACK flag acknowledge nothing', () => {
    const noAckFlag = { ...serverAck(116), tcp: { ...serverAck(116).tcp, flags: PSH } };
    const events = dropped([at(12, noAckFlag), at(400, { ...noAckFlag, tcp: { ...noAckFlag.tcp, ack: 116 } })]);
    expect(gapRows(events).filter((g) => g[3] === 'acknowledged')).toEqual([]);
  });
});

describe('a hole no ACK speaks for (only one direction captured)', () => {
  /** Client bytes [0,5) and then [10,15) at `ms` = 11, [5,10) missing; no server segment at all. */
  const oneWay = (after: FedSegment[], timeout?: number): CaptureEvent[] =>
    feedSegments(
      [at(0, seg('c', 100, 0x02)), at(10, seg('c', 101, PSH | ACK, 'abcde')), at(11, seg('c', 111, PSH | ACK, 'klmno')), ...after],
      timeout === undefined ? {} : { holeTimeoutSeconds: timeout },
    );

  it('becomes a gap (cause timeout) once the first byte held after it has waited the timeout, and what follows is delivered', () => {
    const events = oneWay([
      at(9_000, seg('c', 116, PSH | ACK, 'pq')), // frame 4: 8.99 s after the held bytes — still waiting
      at(10_020, seg('c', 118, PSH | ACK, 'rs')), // frame 5: 10.009 s: the hole times out
    ]);
    expect(summariseEvents(events).violations).toEqual([]);
    expect(gapRows(events)).toEqual([[0, 5, 5, 'timeout', 5]]);
    expect(dataRows(events)).toEqual([
      [0, 'abcde', 2],
      [10, 'klmno', 3],
      [15, 'pq', 4],
      [17, 'rs', 5],
    ]);
  });

  it('is filled by a retransmission that comes before the timeout', () => {
    const events = oneWay([at(3_000, seg('c', 106, PSH | ACK, 'fghij')), at(12_000, seg('c', 116, PSH | ACK, 'pq'))]);
    expect(gapRows(events)).toEqual([]);
    expect(dataRows(events).map(([o, t]) => [o, t])).toEqual([
      [0, 'abcde'],
      [5, 'fghij'],
      [10, 'klmno'],
      [15, 'pq'],
    ]);
  });

  it('follows the timeout it is given', () => {
    const after = [at(2_000, seg('c', 116, PSH | ACK, 'pq'))];
    expect(gapRows(oneWay(after, 1))).toEqual([[0, 5, 5, 'timeout', 4]]);
    expect(gapRows(oneWay(after, 5)).map((g) => g[3])).toEqual(['end-of-capture']);
  });
});

describe('a long stream with packets dropped by the capture', () => {
  it('holds only the bytes of the grace time, not everything after the first drop', () => {
    // 2,000 client segments of 100 bytes, one every 10 ms; every 50th is not captured; the
    // server acknowledges after each segment. Before the acknowledgement rule the first drop
    // held all later bytes (~196 KB here) until the end of the capture.
    const events: CaptureEvent[] = [];
    const r = new TcpReassembler((e) => events.push(e));
    const view = createTcpSegmentView();
    let frame = 0;
    const push = (s: FedSegment): void => r.pushSegment(toSegmentView(s, ++frame, view));
    handshake(100, 200).forEach((s, i) => push(at(i, s)));
    let maxHeld = 0;
    const payload = 'x'.repeat(100);
    for (let i = 0; i < 2000; i++) {
      const seq = 101 + i * 100;
      if (i % 50 !== 7) push(at(10 + i * 10, seg('c', seq, PSH | ACK, payload)));
      push(at(15 + i * 10, serverAck(seq + 100)));
      maxHeld = Math.max(maxHeld, r.bufferedBytes);
    }
    r.finish();
    const gaps = ofKind(events, 'gap');
    expect(gaps).toHaveLength(40);
    expect(new Set(gaps.map((g) => g.cause))).toEqual(new Set(['acknowledged']));
    // 100 ms of grace at one segment per 10 ms: at most ~11 segments held.
    expect(maxHeld).toBeLessThanOrEqual(1_200);
    expect(ofKind(events, 'data').reduce((n, d) => n + d.bytes.length, 0)).toBe(1960 * 100);
  });
});
