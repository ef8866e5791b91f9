/**
 * TCP reassembly inputs that manual mutation testing showed the other tests did not pin
 * (docs/test-gaps.md, "TCP"): exact gap ranges, limits, SYN handling, close reasons, frames.
 */
import { describe, expect, it } from 'vitest';
import { TcpReassembler } from '../../src/capture/tcp-reassembler.js';
import type { CaptureEvent } from '../../src/capture/tcp-events.js';
import { createTcpSegmentView } from '../../src/capture/tcp-segment.js';
import { summariseEvents } from '../support/capture-events.js';
import { ACK, FIN, PSH, SYN } from '../support/capture-writer.js';
import { feedSegments, toSegmentView, type FedSegment } from '../support/segment-feed.js';

import { C, S, handshake, ofKind, seg, str, text } from '../support/tcp-script.js';

/** Data events as [dir, streamOffset, text, frame]. */
const dataRows = (events: CaptureEvent[]): Array<[number, number, string, number]> => ofKind(events, 'data').map((d) => [d.dir, d.streamOffset, str(d.bytes), d.frame]);
/** Gap events as [dir, streamOffset, length, cause, frame]. */
const gapRows = (events: CaptureEvent[]): Array<[number, number, number, string, number]> => ofKind(events, 'gap').map((g) => [g.dir, g.streamOffset, g.length, g.cause, g.frame]);
/** Diagnostics as [code, dir, streamOffset, length, frame]. */
const diagRows = (events: CaptureEvent[]): Array<[string, number | undefined, number | undefined, number | undefined, number | undefined]> =>
  ofKind(events, 'diagnostic').map((e) => [e.diagnostic.code, e.diagnostic.dir, e.diagnostic.streamOffset, e.diagnostic.length, e.diagnostic.frame]);

describe('a cut retransmission whose captured bytes are all old but whose missing tail crosses next', () => {
  it('gives a gap of exactly the uncaptured bytes beyond next, at once', () => {
    // [0,10) delivered (frame 4). Frame 5 retransmits [5,15) with only [5,8) captured: [8,10)
    // is old, so the hole is [10,15) — 5 bytes, not the 7 uncaptured ones, and not fewer.
    const events = feedSegments([
      ...handshake(100, 200),
      seg('c', 101, PSH | ACK, 'abcdefghij'),
      seg('c', 106, PSH | ACK, 'fgh', { missingBytes: 7 }),
      seg('c', 111, PSH | ACK, 'klmno'), // [10,15) again, after the gap: old
      seg('c', 116, FIN | ACK),
      seg('s', 201, FIN | ACK),
    ]);
    expect(summariseEvents(events).violations).toEqual([]);
    expect(gapRows(events)).toEqual([[0, 10, 5, 'not-captured', 5]]);
    expect(dataRows(events)).toEqual([[0, 0, 'abcdefghij', 4]]);
    expect(diagRows(events)).toEqual([]);
    expect(ofKind(events, 'close')).toMatchObject([{ reason: 'fin', frame: 8 }]);
  });
});

describe('out-of-order data buffered at X, then a FIN at X', () => {
  it('drops the buffered bytes as after the FIN and never emits a 0-byte data event', () => {
    const events = feedSegments([
      ...handshake(100, 200),
      seg('c', 106, PSH | ACK, 'fghij'), // buffered at offset 5 (frame 4)
      seg('c', 106, FIN | ACK), // FIN at offset 5 (frame 5): [5,10) cannot be stream bytes
      seg('s', 201, FIN | ACK),
      seg('c', 101, PSH | ACK, 'abcde'), // [0,5): the stream is complete (frame 7)
    ]);
    const r = summariseEvents(events);
    expect(r.violations).toEqual([]);
    expect(ofKind(events, 'data').filter((d) => d.bytes.length === 0)).toEqual([]);
    expect(dataRows(events)).toEqual([[0, 0, 'abcde', 7]]);
    expect(gapRows(events)).toEqual([]);
    expect(diagRows(events)).toEqual([['TCP_DATA_AFTER_FIN', 0, 5, 5, 5]]);
    expect(ofKind(events, 'close')).toMatchObject([{ reason: 'fin', frame: 7 }]);
  });
});

describe('TCP_DATA_BEFORE_STREAM_START', () => {
  const first = 'ABCDEFGHIJKLMNOPQRST'; // 20 bytes at seq 1000 = offset 0 (mid-stream start)

  it('a retransmission covering [S-10, S+20) of a mid-stream capture: 10 bytes before the start', () => {
    const events = feedSegments([seg('c', 1000, PSH | ACK, first), seg('c', 990, PSH | ACK, `0123456789${first}`)]);
    expect(diagRows(events)).toEqual([['TCP_DATA_BEFORE_STREAM_START', 0, -10, 10, 2]]);
    const d = ofKind(events, 'diagnostic')[0]!.diagnostic;
    expect(d.severity).toBe('info');
    expect(d.message).toContain('10 bytes before the first byte seen');
    expect(dataRows(events)).toEqual([[0, 0, first, 1]]);
  });

  it('the same when the retransmission also brings new bytes: still 10, and the new bytes are delivered', () => {
    const events = feedSegments([seg('c', 1000, PSH | ACK, first), seg('c', 990, PSH | ACK, `0123456789${first}uvwxy`)]);
    expect(diagRows(events)).toEqual([['TCP_DATA_BEFORE_STREAM_START', 0, -10, 10, 2]]);
    expect(dataRows(events)).toEqual([
      [0, 0, first, 1],
      [0, 20, 'uvwxy', 2],
    ]);
  });
});

describe('exact limits', () => {
  it('a segment exactly maxSegmentAheadBytes ahead is kept; one byte further is dropped', () => {
    const events = feedSegments(
      [
        ...handshake(100, 200),
        seg('c', 111, PSH | ACK, 'K'), // offset 10, next 0: exactly 10 ahead (frame 4)
        seg('c', 112, PSH | ACK, 'L'), // offset 11: 11 ahead, dropped (frame 5)
        seg('c', 101, PSH | ACK, 'abcdefghij'), // fills [0,10) (frame 6)
        seg('c', 112, PSH | ACK, 'L'), // now in order (frame 7)
      ],
      { maxSegmentAheadBytes: 10 },
    );
    expect(summariseEvents(events).violations).toEqual([]);
    expect(diagRows(events)).toEqual([['TCP_SEGMENT_OUT_OF_WINDOW', 0, 11, 1, 5]]);
    expect(ofKind(events, 'diagnostic')[0]!.diagnostic.message).toContain('11 bytes ahead');
    expect(dataRows(events)).toEqual([
      [0, 0, 'abcdefghij', 6],
      [0, 10, 'K', 4],
      [0, 11, 'L', 7],
    ]);
    expect(gapRows(events)).toEqual([]);
  });

  it('buffered bytes exactly at the per-direction limit are held; one more byte declares the gap', () => {
    const at = feedSegments([...handshake(100, 200), seg('c', 103, PSH | ACK, 'cdefgh'), seg('c', 101, PSH | ACK, 'ab')], { maxBufferedBytesPerDirection: 6 });
    expect(gapRows(at)).toEqual([]);
    expect(dataRows(at)).toEqual([
      [0, 0, 'ab', 5],
      [0, 2, 'cdefgh', 4],
    ]);
    const over = feedSegments([...handshake(100, 200), seg('c', 103, PSH | ACK, 'cdefghi'), seg('c', 101, PSH | ACK, 'ab')], { maxBufferedBytesPerDirection: 6 });
    expect(summariseEvents(over).violations).toEqual([]);
    expect(gapRows(over)).toEqual([[0, 0, 2, 'buffer-limit', 4]]);
    expect(dataRows(over)).toEqual([[0, 2, 'cdefghi', 4]]);
  });

  it('buffered bytes exactly at the overall limit (both directions together) are held; one more declares the gap', () => {
    const run = (serverAhead: string): CaptureEvent[] =>
      feedSegments([...handshake(100, 200), seg('c', 103, PSH | ACK, 'cde'), seg('s', 203, PSH | ACK, serverAhead), seg('c', 101, PSH | ACK, 'ab'), seg('s', 201, PSH | ACK, 'AB')], {
        maxBufferedBytesTotal: 6,
      });
    const at = run('CDE'); // 3 + 3 = 6 held
    expect(gapRows(at)).toEqual([]);
    expect(dataRows(at)).toEqual([
      [0, 0, 'ab', 6],
      [0, 2, 'cde', 4],
      [1, 0, 'AB', 7],
      [1, 2, 'CDE', 5],
    ]);
    const over = run('CDEF'); // 3 + 4 = 7: the direction that went over gives up its hole
    expect(summariseEvents(over).violations).toEqual([]);
    expect(gapRows(over)).toEqual([[1, 0, 2, 'buffer-limit', 5]]);
    expect(dataRows(over)).toEqual([
      [1, 2, 'CDEF', 5],
      [0, 0, 'ab', 6],
      [0, 2, 'cde', 4],
    ]);
  });

  it('closed connections evicted under a small maxConnections give no TCP_CONNECTION_EVICTED', () => {
    const events: CaptureEvent[] = [];
    const r = new TcpReassembler((e) => events.push(e), { maxConnections: 1 });
    const view = createTcpSegmentView();
    const other: FedSegment = { src: '10.9.9.9', dst: S.addr, tcp: { srcPort: 1, dstPort: S.port, seq: 1, flags: PSH | ACK, payload: text('x') } };
    const segments = [...handshake(100, 200), seg('c', 101, PSH | ACK, 'ab'), seg('c', 103, FIN | ACK), seg('s', 201, FIN | ACK), seg('c', 104, ACK), other];
    segments.forEach((s, i) => r.pushSegment(toSegmentView(s, i + 1, view)));
    expect(r.trackedConnections).toBe(1);
    r.finish();
    const summary = summariseEvents(events);
    expect(summary.violations).toEqual([]);
    expect(summary.diagnostics).toEqual([]);
    expect(r.stats.evictions).toBe(0);
    expect(ofKind(events, 'close').map((c) => [c.conn.id, c.reason, c.frame])).toEqual([
      [0, 'fin', 6],
      [1, 'end-of-capture', 8],
    ]);
  });
});

describe('SYNs out of the usual order', () => {
  // Each expectation below is what tshark 4.0 shows for the same packets (one tcp.stream, and
  // its follow output).
  it('a SYN-ACK retransmitted with a new ISN before any data: same connection, offsets from the new ISN', () => {
    const events = feedSegments([
      seg('c', 100, SYN),
      seg('s', 200, SYN | ACK),
      seg('s', 300, SYN | ACK), // new ISN, nothing sent yet
      seg('c', 101, ACK),
      seg('s', 301, PSH | ACK, 'hello'),
      seg('c', 101, PSH | ACK, 'hi'),
    ]);
    const r = summariseEvents(events);
    expect(r.violations).toEqual([]);
    expect(ofKind(events, 'open')).toHaveLength(1);
    expect(dataRows(events)).toEqual([
      [1, 0, 'hello', 5],
      [0, 0, 'hi', 6],
    ]);
    expect(gapRows(events)).toEqual([]);
    expect(r.connections[0]!.closeReason).toBe('end-of-capture');
  });

  it('a late SYN-ACK after the server sent data: same connection, stream offsets kept', () => {
    const events = feedSegments([
      seg('c', 100, SYN),
      seg('s', 201, PSH | ACK, 'hello'),
      seg('s', 200, SYN | ACK), // captured late; ISN + 1 is where the data started
      seg('s', 206, PSH | ACK, 'world'),
      seg('c', 101, PSH | ACK, 'hi'),
    ]);
    const r = summariseEvents(events);
    expect(r.violations).toEqual([]);
    expect(ofKind(events, 'open')).toHaveLength(1);
    expect(dataRows(events)).toEqual([
      [1, 0, 'hello', 2],
      [1, 5, 'world', 4],
      [0, 0, 'hi', 5],
    ]);
    expect(gapRows(events)).toEqual([]);
  });

  it('a late SYN after the client sent data, the one the SYN-ACK answered: same connection, not a reuse', () => {
    const synAck: FedSegment = { src: S.addr, dst: C.addr, tcp: { srcPort: S.port, dstPort: C.port, seq: 200, ack: 101, flags: SYN | ACK } };
    const events = feedSegments([
      synAck, // the client's SYN was not captured (yet)
      seg('c', 101, ACK),
      seg('c', 101, PSH | ACK, 'abc'),
      seg('c', 100, SYN), // late copy of the SYN that the SYN-ACK acknowledged (ack 101)
      seg('c', 104, PSH | ACK, 'def'),
      seg('s', 201, PSH | ACK, 'xyz'),
    ]);
    const r = summariseEvents(events);
    expect(r.violations).toEqual([]);
    expect(r.connections.map((c) => [c.info.id, c.info.instance, c.closeReason])).toEqual([[0, 1, 'end-of-capture']]);
    // A is the server (first packet), so the client's bytes are direction 1.
    expect(dataRows(events)).toEqual([
      [1, 0, 'abc', 3],
      [1, 3, 'def', 5],
      [0, 0, 'xyz', 6],
    ]);
    expect(gapRows(events)).toEqual([]);
  });
});

describe('a late SYN before any SYN-ACK', () => {
  it('a SYN captured after the data it opened (ISN + 1 is where that data began): same connection', () => {
    const events = feedSegments([
      seg('c', 101, PSH | ACK, 'abc'), // the SYN was not captured (yet)
      seg('c', 100, SYN), // late copy: ISN 100, data from 101
      seg('s', 200, SYN | ACK),
      seg('c', 104, PSH | ACK, 'def'),
      seg('s', 201, PSH | ACK, 'xyz'),
    ]);
    const r = summariseEvents(events);
    expect(r.violations).toEqual([]);
    expect(r.connections.map((c) => [c.info.instance, c.closeReason])).toEqual([[1, 'end-of-capture']]);
    expect(dataRows(events)).toEqual([
      [0, 0, 'abc', 1],
      [0, 3, 'def', 4],
      [1, 0, 'xyz', 5],
    ]);
    expect(gapRows(events)).toEqual([]);
  });

  it('a SYN with another ISN after data still starts a new connection (port reuse)', () => {
    const events = feedSegments([seg('c', 101, PSH | ACK, 'abc'), seg('c', 5000, SYN), seg('s', 9000, SYN | ACK), seg('c', 5001, PSH | ACK, 'new')]);
    expect(ofKind(events, 'open')).toHaveLength(2);
  });
});

describe('the capture ends in the grace period after both FINs, with a hole', () => {
  const base = [...handshake(100, 200), seg('c', 101, PSH | ACK, 'ab'), seg('c', 105, PSH | ACK, 'ef'), seg('c', 107, FIN | ACK)];

  it('closes as fin (both FINs were seen), the hole a gap caused by the end of the capture', () => {
    const events = feedSegments([...base, seg('s', 201, FIN | ACK)]);
    expect(summariseEvents(events).violations).toEqual([]);
    expect(gapRows(events)).toEqual([[0, 2, 2, 'end-of-capture', 7]]);
    expect(ofKind(events, 'close').map((c) => [c.reason, c.frame])).toEqual([['fin', 7]]);
  });

  it('with only one FIN the connection was still open: end-of-capture', () => {
    const events = feedSegments([...base, seg('s', 201, PSH | ACK, 'z')]);
    expect(gapRows(events)).toEqual([[0, 2, 2, 'end-of-capture', 7]]);
    expect(ofKind(events, 'close').map((c) => [c.reason, c.frame])).toEqual([['end-of-capture', 7]]);
  });
});

describe('a buffered segment released by a later frame', () => {
  it('keeps its own frame and time', () => {
    const events = feedSegments([
      ...handshake(100, 200),
      seg('c', 104, PSH | ACK, 'def', { sec: 1_700_000_005, nsec: 123_456_789 }), // frame 4, buffered
      seg('c', 101, PSH | ACK, 'abc', { sec: 1_700_000_009, nsec: 1 }), // frame 5 releases it
    ]);
    expect(ofKind(events, 'data').map((d) => [d.streamOffset, str(d.bytes), d.frame, d.ts])).toEqual([
      [0, 'abc', 5, { sec: 1_700_000_009, nsec: 1 }],
      [3, 'def', 4, { sec: 1_700_000_005, nsec: 123_456_789 }],
    ]);
  });
});
