import { describe, expect, it } from 'vitest';
import type { CaptureEvent, TcpDataEvent, TcpGapEvent } from '../../src/capture/tcp-events.js';
import { summariseEvents } from '../support/capture-events.js';
import { ACK, FIN, PSH, RST, SYN } from '../support/capture-writer.js';
import { TcpReassembler, type TcpReassemblyOptions } from '../../src/capture/tcp-reassembler.js';
import { createTcpSegmentView } from '../../src/capture/tcp-segment.js';
import { feedSegments, toSegmentView, type FedSegment } from '../support/segment-feed.js';

import { C, handshake, ofKind, S, seg, shortConnection, str, text } from '../support/tcp-script.js';

const short = (port: number): FedSegment[] => shortConnection(port);

describe('TCP connection lifecycle', () => {
  it('opens with the SYN sender as A/initiator, delivers both directions, closes on FIN', () => {
    const events = feedSegments([
      ...handshake(1000, 5000),
      seg('c', 1001, PSH | ACK, 'hello'),
      seg('s', 5001, PSH | ACK, 'world!'),
      seg('c', 1006, FIN | ACK),
      seg('s', 5007, FIN | ACK),
      seg('c', 1007, ACK),
    ]);
    const r = summariseEvents(events);
    expect(r.violations).toEqual([]);
    expect(events[0]).toMatchObject({ kind: 'open', frame: 1, conn: { id: 0, instance: 1, ipVersion: 4, a: C, b: S, synSeen: true, initiator: 'A', firstFrame: 1 } });
    const data = ofKind(events, 'data');
    expect(data.map((d) => [d.dir, d.streamOffset, str(d.bytes), d.frame])).toEqual([
      [0, 0, 'hello', 4],
      [1, 0, 'world!', 5],
    ]);
    expect(data[0].ts).toEqual({ sec: 1_700_000_000, nsec: 4_000_000 });
    const close = ofKind(events, 'close');
    expect(close).toMatchObject([{ reason: 'fin', frame: 7 }]);
    expect(events[events.length - 1].kind).toBe('close');
  });

  it('takes the receiver of a SYN-ACK as initiator when the SYN was not captured', () => {
    const events = feedSegments([seg('s', 5000, SYN | ACK), seg('c', 1001, ACK), seg('c', 1001, PSH | ACK, 'x')]);
    expect(ofKind(events, 'open')[0].conn).toMatchObject({ a: S, b: C, synSeen: true, initiator: 'B' });
    expect(ofKind(events, 'data').map((d) => [d.dir, d.streamOffset, str(d.bytes)])).toEqual([[1, 0, 'x']]);
  });

  it('starts mid-stream: first data segment is offset 0, no SYN, no initiator', () => {
    const events = feedSegments([seg('s', 777, ACK), seg('s', 900, PSH | ACK, 'abc'), seg('c', 42, PSH | ACK, 'de'), seg('s', 903, PSH | ACK, 'f')]);
    const r = summariseEvents(events);
    expect(r.violations).toEqual([]);
    expect(r.connections[0].info).toMatchObject({ a: S, b: C, synSeen: false, initiator: null });
    expect(str(r.connections[0].dirs[0].data)).toBe('abcf');
    expect(str(r.connections[0].dirs[1].data)).toBe('de');
    expect(r.connections[0].closeReason).toBe('end-of-capture');
  });

  it('starts a new connection instance on port reuse after FIN', () => {
    const events = feedSegments([
      ...handshake(100, 200),
      seg('c', 101, PSH | ACK, 'one'),
      seg('c', 104, FIN | ACK),
      seg('s', 201, FIN | ACK),
      seg('c', 105, ACK),
      ...handshake(9000, 8000),
      seg('c', 9001, PSH | ACK, 'two'),
    ]);
    const r = summariseEvents(events);
    expect(r.violations).toEqual([]);
    expect(r.connections.map((c) => [c.info.id, c.info.instance, c.closeReason, str(c.dirs[0].data)])).toEqual([
      [0, 1, 'fin', 'one'],
      [1, 2, 'end-of-capture', 'two'],
    ]);
  });

  it('closes the old connection as reused when a SYN with a new ISN arrives while it is open', () => {
    const events = feedSegments([...handshake(100, 200), seg('c', 101, PSH | ACK, 'old'), seg('c', 70000, SYN), seg('s', 3, SYN | ACK), seg('c', 70001, PSH | ACK, 'new')]);
    const r = summariseEvents(events);
    expect(r.violations).toEqual([]);
    expect(r.connections.map((c) => [c.info.instance, c.closeReason, str(c.dirs[0].data)])).toEqual([
      [1, 'reused', 'old'],
      [2, 'end-of-capture', 'new'],
    ]);
  });

  it('ignores a retransmitted SYN (same ISN)', () => {
    const events = feedSegments([seg('c', 100, SYN), seg('c', 100, SYN), seg('s', 200, SYN | ACK), seg('c', 100, SYN), seg('c', 101, PSH | ACK, 'a')]);
    expect(ofKind(events, 'open')).toHaveLength(1);
  });

  it('closes on RST, reporting missing bytes as a gap', () => {
    const events = feedSegments([...handshake(100, 200), seg('c', 101, PSH | ACK, 'ab'), seg('c', 106, PSH | ACK, 'fg'), seg('s', 201, RST | ACK)]);
    const r = summariseEvents(events);
    expect(r.violations).toEqual([]);
    expect(ofKind(events, 'gap')).toMatchObject([{ dir: 0, streamOffset: 2, length: 3, cause: 'closed', frame: 6 }]);
    expect(str(r.connections[0].dirs[0].data)).toBe('abfg');
    expect(r.connections[0].closeReason).toBe('rst');
  });

  it('drops late segments after close, reporting only new bytes', () => {
    const events = feedSegments([
      ...handshake(100, 200),
      seg('c', 101, PSH | ACK, 'ab'),
      seg('c', 103, FIN | ACK),
      seg('s', 201, FIN | ACK),
      seg('c', 104, ACK),
      seg('c', 101, PSH | ACK, 'ab'), // retransmission: silent
      seg('s', 201, PSH | ACK, 'zz'), // new bytes after close
    ]);
    expect(ofKind(events, 'open')).toHaveLength(1);
    expect(ofKind(events, 'diagnostic').map((d) => [d.diagnostic.code, d.diagnostic.dir, d.diagnostic.length])).toEqual([['TCP_SEGMENT_AFTER_CLOSE', 1, 2]]);
  });

  it('evicts the least recently active connection beyond the limit', () => {
    const other = (port: number, payload: string): FedSegment => ({ src: '10.9.9.9', dst: S.addr, tcp: { srcPort: port, dstPort: S.port, seq: 1, flags: PSH | ACK, payload: text(payload) } });
    const events = feedSegments([seg('c', 100, PSH | ACK, 'a'), other(1, 'b'), seg('c', 101, PSH | ACK, 'c'), other(2, 'd')], { maxConnections: 2 });
    const r = summariseEvents(events);
    expect(r.violations).toEqual([]);
    expect(r.connections.map((c) => [c.info.a.port, c.closeReason])).toEqual([
      [40001, 'end-of-capture'],
      [1, 'evicted'],
      [2, 'end-of-capture'],
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.conn])).toEqual([['TCP_CONNECTION_EVICTED', 1]]);
  });

  it('evicts closed connections before an idle open one (short connections churning past the limit)', () => {
    // A capture of all of a server's traffic: an idle CTI session, and meanwhile more short
    // connections opened and closed than the table holds. The closed ones make room; the CTI
    // session stays one connection, not evicted and reopened mid-stream.
    const events = feedSegments(
      [...handshake(100, 200), seg('c', 101, PSH | ACK, 'a'), ...[1, 2, 3, 4, 5, 6].flatMap(short), seg('c', 102, PSH | ACK, 'b'), seg('s', 201, PSH | ACK, 'c')],
      { maxConnections: 3 },
    );
    const r = summariseEvents(events);
    expect(r.violations).toEqual([]);
    expect(r.diagnostics).toEqual([]);
    const cti = r.connections.filter((c) => c.info.a.port === C.port);
    expect(cti.map((c) => [c.info.instance, c.info.synSeen, c.closeReason, str(c.dirs[0].data), str(c.dirs[1].data)])).toEqual([[1, true, 'end-of-capture', 'ab', 'c']]);
    expect(r.connections.filter((c) => c.info.a.port !== C.port).map((c) => c.closeReason)).toEqual(Array(6).fill('fin'));
  });

  it('keeps at most maxClosedConnections closed connections; a late segment on a forgotten one opens the next instance, not another #1', () => {
    const first = [...handshake(100, 200), seg('c', 101, PSH | ACK, 'a'), seg('c', 102, FIN | ACK), seg('s', 201, FIN | ACK)];
    const late = seg('s', 201, PSH | ACK, 'x');
    // Kept: the late bytes are dropped as after the close, no new connection.
    const kept = feedSegments([...first, ...[1, 2].flatMap(short), late], { maxClosedConnections: 3 });
    expect(ofKind(kept, 'open')).toHaveLength(3);
    expect(ofKind(kept, 'diagnostic').map((d) => d.diagnostic.code)).toEqual(['TCP_SEGMENT_AFTER_CLOSE']);
    // Forgotten (3 more closed since): the late bytes open instance 2 of the 4-tuple.
    const events = feedSegments([...first, ...[1, 2, 3].flatMap(short), late], { maxClosedConnections: 3 });
    const r = summariseEvents(events);
    expect(r.violations).toEqual([]);
    expect(r.connections.filter((c) => c.info.a.port === C.port || c.info.b.port === C.port).map((c) => [c.info.instance, c.info.synSeen])).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it('an open connection evicted, then active again, comes back as the next instance', () => {
    const other = (port: number, payload: string): FedSegment => ({ src: '10.9.9.9', dst: S.addr, tcp: { srcPort: port, dstPort: S.port, seq: 1, flags: PSH | ACK, payload: text(payload) } });
    const events = feedSegments([seg('c', 100, PSH | ACK, 'a'), other(1, 'b'), other(2, 'd'), seg('c', 101, PSH | ACK, 'c')], { maxConnections: 2 });
    const r = summariseEvents(events);
    expect(r.connections.filter((c) => c.info.a.port === C.port).map((c) => [c.info.instance, c.closeReason])).toEqual([
      [1, 'evicted'],
      [2, 'end-of-capture'],
    ]);
  });

  it('formats IPv6 endpoints as tshark does', () => {
    const events = feedSegments([{ src: '2001:db8:0:0:0:0:0:10', dst: 'fe80::1:0:0:2', tcp: { srcPort: 1, dstPort: 2, seq: 5, flags: SYN } }]);
    expect(ofKind(events, 'open')[0].conn).toMatchObject({ ipVersion: 6, a: { addr: '2001:db8::10', port: 1 }, b: { addr: 'fe80::1:0:0:2', port: 2 } });
  });
});

describe('TCP segment handling', () => {
  const dataOf = (events: CaptureEvent[], dir: 0 | 1): string =>
    str(
      ofKind(events, 'data')
        .filter((d) => d.dir === dir)
        .flatMap((d: TcpDataEvent) => [...d.bytes]),
    );

  it('buffers out-of-order segments and drops duplicates', () => {
    const events = feedSegments([
      ...handshake(100, 200),
      seg('c', 107, PSH | ACK, 'ghi'),
      seg('c', 104, PSH | ACK, 'def'),
      seg('c', 104, PSH | ACK, 'def'),
      seg('c', 101, PSH | ACK, 'abc'),
      seg('c', 101, PSH | ACK, 'abcdefghi'),
      seg('c', 110, PSH | ACK, 'j'),
    ]);
    expect(dataOf(events, 0)).toBe('abcdefghij');
    expect(summariseEvents(events).violations).toEqual([]);
    // Buffered bytes keep the frame that carried them.
    expect(ofKind(events, 'data').map((d) => [d.streamOffset, d.frame])).toEqual([
      [0, 7],
      [3, 5],
      [6, 4],
      [9, 9],
    ]);
  });

  it('handles sequence numbers wrapping around 2^32', () => {
    const isn = 0xfffffffa;
    const events = feedSegments([...handshake(isn, 0xffffffff), seg('c', isn + 7, PSH | ACK, 'ZZ'), seg('c', isn + 1, PSH | ACK, 'wrap-a'), seg('s', 0, PSH | ACK, 'srv')]);
    expect(dataOf(events, 0)).toBe('wrap-aZZ');
    expect(dataOf(events, 1)).toBe('srv');
  });

  it('ignores keep-alives (seq = next - 1, one garbage byte) without a mismatch', () => {
    const events = feedSegments([...handshake(100, 200), seg('c', 101, PSH | ACK, 'abc'), seg('c', 103, ACK, '\0'), seg('c', 103, ACK), seg('c', 104, PSH | ACK, 'd')]);
    expect(dataOf(events, 0)).toBe('abcd');
    expect(ofKind(events, 'diagnostic')).toEqual([]);
  });

  it('delivers a zero-window probe byte once', () => {
    const events = feedSegments([...handshake(100, 200), seg('c', 101, PSH | ACK, 'ab'), seg('c', 103, ACK, 'c'), seg('c', 103, ACK, 'c'), seg('c', 103, PSH | ACK, 'cdef')]);
    expect(dataOf(events, 0)).toBe('abcdef');
    expect(ofKind(events, 'diagnostic')).toEqual([]);
  });

  it('keeps the first copy and reports a retransmission whose bytes differ (naming the range)', () => {
    const events = feedSegments([...handshake(100, 200), seg('c', 101, PSH | ACK, 'abcdef'), seg('c', 103, PSH | ACK, 'cXYfgh')]);
    expect(dataOf(events, 0)).toBe('abcdefgh');
    const d = ofKind(events, 'diagnostic').map((e) => e.diagnostic);
    expect(d).toMatchObject([{ code: 'TCP_OVERLAP_MISMATCH', conn: 0, dir: 0, streamOffset: 3, length: 2, frame: 5 }]);
    expect(d[0].message).toContain('[3, 5)');
  });

  it('keeps the first copy among buffered out-of-order overlaps and reports differing bytes', () => {
    const events = feedSegments([...handshake(100, 200), seg('c', 105, PSH | ACK, 'efgh'), seg('c', 103, PSH | ACK, 'cdEFg'), seg('c', 101, PSH | ACK, 'ab')]);
    expect(dataOf(events, 0)).toBe('abcdefgh');
    expect(ofKind(events, 'diagnostic').map((e) => e.diagnostic)).toMatchObject([{ code: 'TCP_OVERLAP_MISMATCH', streamOffset: 4, length: 2 }]);
  });

  it('declares a gap when the out-of-order buffer exceeds its limit, then goes on', () => {
    const events = feedSegments(
      [...handshake(100, 200), seg('c', 101, PSH | ACK, 'ab'), seg('c', 105, PSH | ACK, 'efgh'), seg('c', 109, PSH | ACK, 'ijkl'), seg('c', 103, PSH | ACK, 'cd'), seg('c', 113, PSH | ACK, 'm')],
      { maxBufferedBytesPerDirection: 6 },
    );
    const r = summariseEvents(events);
    expect(r.violations).toEqual([]);
    expect(ofKind(events, 'gap')).toMatchObject([{ dir: 0, streamOffset: 2, length: 2, cause: 'buffer-limit', frame: 6 }]);
    expect(str(r.connections[0].dirs[0].data)).toBe('abefghijklm');
  });

  it('reports missing bytes at the end of the capture', () => {
    const events = feedSegments([...handshake(100, 200), seg('c', 101, PSH | ACK, 'ab'), seg('c', 110, PSH | ACK, 'jk')]);
    expect(ofKind(events, 'gap')).toMatchObject([{ streamOffset: 2, length: 7, cause: 'end-of-capture' }]);
    expect(ofKind(events, 'close')).toMatchObject([{ reason: 'end-of-capture' }]);
  });

  it('waits for retransmissions after both FINs, then reports the hole and closes', () => {
    const base = [...handshake(100, 200), seg('c', 101, PSH | ACK, 'ab'), seg('c', 105, PSH | ACK, 'ef'), seg('c', 107, FIN | ACK), seg('s', 201, FIN | ACK)];
    const filled = feedSegments([...base, seg('c', 103, PSH | ACK, 'cd', { sec: 1_700_000_002 })]);
    expect(dataOf(filled, 0)).toBe('abcdef');
    expect(ofKind(filled, 'gap')).toEqual([]);
    expect(ofKind(filled, 'close')).toMatchObject([{ reason: 'fin', frame: 8 }]);

    const other: FedSegment = { src: '10.3.3.3', dst: S.addr, tcp: { srcPort: 5, dstPort: 6, seq: 0, flags: ACK }, sec: 1_700_000_010 };
    const lost = feedSegments([...base, other]);
    expect(ofKind(lost, 'gap')).toMatchObject([{ streamOffset: 2, length: 2, cause: 'closed', frame: 8 }]);
    expect(ofKind(lost, 'close')[0]).toMatchObject({ reason: 'fin', frame: 8 });
  });

  it('turns bytes cut by the snap length into a gap right away', () => {
    const events = feedSegments([...handshake(100, 200), seg('c', 101, PSH | ACK, 'abc', { missingBytes: 5 }), seg('c', 109, PSH | ACK, 'ijk')]);
    const r = summariseEvents(events);
    expect(r.violations).toEqual([]);
    expect(ofKind(events, 'gap')).toMatchObject([{ streamOffset: 3, length: 5, cause: 'not-captured', frame: 4 }]);
    expect(str(r.connections[0].dirs[0].data)).toBe('abcijk');
  });

  it('snap-length cuts out of order: a cut segment buffered ahead, its hole ending where the next piece starts', () => {
    // [10,20) cut to 5 bytes arrives before [0,10): [0,10), then [10,15), then the hole [15,20).
    const ahead = feedSegments([...handshake(100, 200), seg('c', 111, PSH | ACK, 'KLMNO', { missingBytes: 5 }), seg('c', 101, PSH | ACK, 'abcdefghij'), seg('c', 121, PSH | ACK, 'uv'), seg('c', 123, FIN | ACK), seg('s', 201, FIN | ACK)]);
    const r1 = summariseEvents(ahead);
    expect(r1.violations).toEqual([]);
    expect(ofKind(ahead, 'gap').map((g) => [g.streamOffset, g.length, g.cause])).toEqual([[15, 5, 'not-captured']]);
    expect(str(r1.connections[0].dirs[0].data)).toBe('abcdefghijKLMNOuv');
    expect(ofKind(ahead, 'close')).toMatchObject([{ reason: 'fin' }]);
    // [10,20) buffered, then [0,15) cut to 5 bytes: the hole is [5,10) only, [10,20) is delivered.
    const overlap = feedSegments([...handshake(100, 200), seg('c', 111, PSH | ACK, 'klmnopqrst'), seg('c', 101, PSH | ACK, 'abcde', { missingBytes: 10 }), seg('c', 121, FIN | ACK), seg('s', 201, FIN | ACK)]);
    const r2 = summariseEvents(overlap);
    expect(r2.violations).toEqual([]);
    expect(ofKind(overlap, 'gap').map((g) => [g.streamOffset, g.length])).toEqual([[5, 5]]);
    expect(str(r2.connections[0].dirs[0].data)).toBe('abcdeklmnopqrst');
    expect(ofKind(overlap, 'close')).toMatchObject([{ reason: 'fin' }]);
  });

  it('a cut retransmission whose captured bytes are all old does not swallow the data after it', () => {
    // [0,10) delivered; a retransmission of [5,15) with only 3 bytes captured; then [10,15) arrives.
    const events = feedSegments([...handshake(100, 200), seg('c', 101, PSH | ACK, 'abcdefghij'), seg('c', 106, PSH | ACK, 'fgh', { missingBytes: 7 }), seg('c', 111, PSH | ACK, 'klmno'), seg('c', 116, FIN | ACK)]);
    const r = summariseEvents(events);
    expect(r.violations).toEqual([]);
    const gaps = ofKind(events, 'gap');
    const delivered = str(r.connections[0].dirs[0].data);
    // Either the tail of the retransmission is a hole that the later copy does not fill, or the
    // later copy fills it; never is real data both missing and lost.
    expect(delivered.length + gaps.reduce((n, g) => n + g.length, 0)).toBe(15);
    expect(delivered.startsWith('abcdefghij')).toBe(true);
  });

  it('reports data beyond the FIN and segments far out of window', () => {
    const events = feedSegments([...handshake(100, 200), seg('c', 101, PSH | ACK | FIN, 'ab'), seg('c', 103, PSH | ACK, 'zz'), seg('s', 201 + 0x50000000, PSH | ACK, 'far')]);
    expect(ofKind(events, 'diagnostic').map((e) => [e.diagnostic.code, e.diagnostic.dir, e.diagnostic.streamOffset, e.diagnostic.length])).toEqual([
      ['TCP_DATA_AFTER_FIN', 0, 2, 2],
      ['TCP_SEGMENT_OUT_OF_WINDOW', 1, 0x50000000, 3],
    ]);
    expect(dataOf(events, 0)).toBe('ab');
    expect(dataOf(events, 1)).toBe('');
  });

  it('counts the SYN and FIN as one sequence number each (SYN carrying data too)', () => {
    const events = feedSegments([seg('c', 100, SYN, 'syn-data'), seg('s', 200, SYN | ACK), seg('c', 109, PSH | ACK | FIN, 'more'), seg('s', 201, FIN | ACK)]);
    expect(dataOf(events, 0)).toBe('syn-datamore');
    expect(ofKind(events, 'close')).toMatchObject([{ reason: 'fin' }]);
  });

  it('every gap event is stamped with the frame being processed', () => {
    const events = feedSegments([...handshake(100, 200), seg('c', 105, PSH | ACK, 'x')]);
    const gaps: TcpGapEvent[] = ofKind(events, 'gap');
    expect(gaps).toMatchObject([{ streamOffset: 0, length: 4, frame: 4 }]);
  });
});

describe('retransmission check window', () => {
  const C2 = { addr: '10.1.1.1', port: 40001 };
  const S2 = { addr: '10.2.2.2', port: 42027 };
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  const segment = (seq: number, payload: string): FedSegment => ({ src: C2.addr, dst: S2.addr, tcp: { srcPort: C2.port, dstPort: S2.port, seq, flags: PSH | ACK, payload: enc(payload) } });
  const mismatches = (events: CaptureEvent[]): Array<[number | undefined, number | undefined]> =>
    ofKind(events, 'diagnostic')
      .filter((e) => e.diagnostic.code === 'TCP_OVERLAP_MISMATCH')
      .map((e) => [e.diagnostic.streamOffset, e.diagnostic.length]);

  it('compares only the last overlapCheckWindowBytes of a direction', () => {
    const segs = [segment(1, 'abcdefgh'), segment(9, 'ijklmnop'), segment(1, 'XXcdefgh'), segment(9, 'ijklmnoX')];
    expect(mismatches(feedSegments(segs, { overlapCheckWindowBytes: 8 }))).toEqual([[15, 1]]);
    expect(mismatches(feedSegments(segs, { overlapCheckWindowBytes: 64 }))).toEqual([
      [0, 2],
      [15, 1],
    ]);
    expect(mismatches(feedSegments(segs, { overlapCheckWindowBytes: 0 }))).toEqual([]);
  });

  it('does not compare bytes the shared log has overwritten (no false reports)', () => {
    const other = (seq: number, payload: string): FedSegment => ({ src: '10.9.9.9', dst: S2.addr, tcp: { srcPort: 7, dstPort: 8, seq, flags: PSH | ACK, payload: enc(payload) } });
    const segs = [segment(1, 'abcdefgh'), other(1, '0123456789abcdef0123456789abcdef'), segment(1, 'XXcdefgh'), segment(9, 'ij'), segment(9, 'iJ')];
    expect(mismatches(feedSegments(segs, { overlapCheckLogBytes: 16 }))).toEqual([[9, 1]]);
    expect(mismatches(feedSegments(segs, { overlapCheckLogBytes: 1 << 20 }))).toEqual([
      [0, 2],
      [9, 1],
    ]);
  });
});

describe('ignored connections (TcpReassembler.ignore)', () => {
  /**
   * Feeds segments; the consumer ignores a connection from inside the event of its first data
   * when `ignores` says so. Returns the events and the overall buffered bytes after each segment.
   */
  function feedIgnoring(segments: readonly FedSegment[], ignores: (e: TcpDataEvent) => boolean, options: Partial<TcpReassemblyOptions> = {}): { events: CaptureEvent[]; buffered: number[] } {
    const events: CaptureEvent[] = [];
    const r: TcpReassembler = new TcpReassembler((e) => {
      events.push(e);
      if (e.kind === 'data' && ignores(e)) r.ignore(e.conn);
    }, options);
    const view = createTcpSegmentView();
    const buffered: number[] = [];
    segments.forEach((s, i) => {
      r.pushSegment(toSegmentView(s, i + 1, view));
      buffered.push(r.bufferedBytes);
    });
    r.finish();
    return { events, buffered };
  }
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  const C2 = { addr: '10.1.1.1', port: 40001 };
  const S2 = { addr: '10.2.2.2', port: 42027 };
  const cti = (seq: number, payload: string): FedSegment => ({ src: C2.addr, dst: S2.addr, tcp: { srcPort: C2.port, dstPort: S2.port, seq, flags: PSH | ACK, payload: enc(payload) } });
  const other = (seq: number, payload: string): FedSegment => ({ src: '10.9.9.9', dst: S2.addr, tcp: { srcPort: 7, dstPort: 8, seq, flags: PSH | ACK, payload: enc(payload) } });
  const mismatches = (events: CaptureEvent[]): Array<[number | undefined, number | undefined]> =>
    ofKind(events, 'diagnostic')
      .filter((e) => e.diagnostic.code === 'TCP_OVERLAP_MISMATCH')
      .map((e) => [e.diagnostic.streamOffset, e.diagnostic.length]);

  it("an ignored connection's bytes are not written to the shared log: the others' stay comparable", () => {
    // 16 bytes of log: the other connection's 32 bytes would overwrite the first 8 bytes of
    // conn 0 (so the differing retransmission [0, 2) would go unnoticed), but it is ignored
    // from its first data on, that data included.
    const segs = [cti(1, 'abcdefgh'), other(1, '0123456789abcdef0123456789abcdef'), other(33, 'more bytes'), cti(1, 'XXcdefgh'), cti(9, 'ij'), cti(9, 'iJ')];
    const ignoreOther = (e: TcpDataEvent): boolean => e.conn.a.port === 7;
    expect(mismatches(feedIgnoring(segs, () => false, { overlapCheckLogBytes: 16 }).events)).toEqual([[9, 1]]);
    expect(mismatches(feedIgnoring(segs, ignoreOther, { overlapCheckLogBytes: 16 }).events)).toEqual([
      [0, 2],
      [9, 1],
    ]);
  });

  it('nothing but its close follows; out-of-order bytes are held as ranges only; its lifecycle is unchanged', () => {
    const segs = [
      ...handshake(100, 200),
      seg('c', 101, PSH | ACK, 'hello'),
      seg('c', 109, PSH | ACK, 'xyz'), // ahead: bytes [8, 11) wait for [5, 8)
      seg('c', 101, PSH | ACK, 'HELLO'), // a differing retransmission: not compared any more
      seg('s', 200, PSH | ACK, 'too early'), // before the stream's start: not reported
      seg('c', 112, FIN | ACK),
      seg('s', 201, FIN | ACK),
      seg('c', 106, PSH | ACK, 'abc'), // fills the hole: both directions complete, the connection closes
      seg('c', 112, PSH | ACK, 'after close'),
    ];
    const plain = feedIgnoring(segs, () => false);
    expect(ofKind(plain.events, 'diagnostic').map((e) => e.diagnostic.code)).toEqual(['TCP_OVERLAP_MISMATCH', 'TCP_DATA_BEFORE_STREAM_START', 'TCP_SEGMENT_AFTER_CLOSE']);
    expect(plain.buffered.slice(3, 6)).toEqual([0, 3, 3]);
    const ignored = feedIgnoring(segs, () => true);
    expect(ignored.events.map((e) => e.kind)).toEqual(['open', 'data', 'close']);
    expect(ignored.buffered).toEqual(segs.map(() => 0));
    expect(ofKind(ignored.events, 'close')).toEqual(ofKind(plain.events, 'close'));
    expect(ofKind(plain.events, 'close')).toMatchObject([{ reason: 'fin', frame: 10 }]);
  });

  it('bytes buffered out of order when the connection is ignored are let go, their place kept', () => {
    // Conn 0 holds 3 bytes out of order; conn 1 (other) ignores itself… and conn 0 later.
    const segs = [...handshake(100, 200), seg('c', 101, PSH | ACK, 'a'), seg('c', 105, PSH | ACK, 'xyz'), seg('c', 102, PSH | ACK, 'bcd'), seg('c', 108, FIN | ACK), seg('s', 201, FIN | ACK)];
    const events: CaptureEvent[] = [];
    const r: TcpReassembler = new TcpReassembler((e) => events.push(e));
    const view = createTcpSegmentView();
    segs.slice(0, 5).forEach((s, i) => r.pushSegment(toSegmentView(s, i + 1, view)));
    expect(r.bufferedBytes).toBe(3);
    r.ignore(events[0]!.kind === 'open' ? events[0].conn : (undefined as never));
    expect(r.bufferedBytes).toBe(0);
    segs.slice(5).forEach((s, i) => r.pushSegment(toSegmentView(s, i + 6, view)));
    expect(events.map((e) => e.kind)).toEqual(['open', 'data', 'close']);
    expect(ofKind(events, 'close')).toMatchObject([{ reason: 'fin', frame: 8 }]);
  });
});
