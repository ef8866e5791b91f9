/**
 * Segments held after a hole are kept as one run of bytes per contiguous stretch (not an
 * object and a memory block each), but come out exactly as before: a data event per segment,
 * with its own frame and time, whatever cuts the run (the hole filled, a FIN inside it, the
 * connection ignored, the end of the capture).
 */
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/capture/tcp-events.js';
import { TcpReassembler } from '../../src/capture/tcp-reassembler.js';
import { createTcpSegmentView } from '../../src/capture/tcp-segment.js';
import { summariseEvents } from '../support/capture-events.js';
import { ACK, FIN, PSH } from '../support/capture-writer.js';
import { feedSegments, toSegmentView } from '../support/segment-feed.js';
import { handshake, ofKind, seg, str } from '../support/tcp-script.js';

/** Data events as [streamOffset, text, frame, nanoseconds]. */
const dataRows = (events: CaptureEvent[]): Array<[number, string, number, number]> =>
  ofKind(events, 'data').map((d) => [d.streamOffset, str(d.bytes), d.frame, d.ts.nsec]);

describe('a run of segments held after a hole', () => {
  const run = [seg('c', 104, PSH | ACK, 'def'), seg('c', 107, PSH | ACK, 'ghij'), seg('c', 111, PSH | ACK, 'k'), seg('c', 112, PSH | ACK, 'lmnopqrstu')]; // frames 4-7

  it('is delivered a segment at a time, each with its frame and time, once the hole is filled', () => {
    const events = feedSegments([...handshake(100, 200), ...run, seg('c', 101, PSH | ACK, 'abc')]);
    expect(summariseEvents(events).violations).toEqual([]);
    expect(dataRows(events)).toEqual([
      [0, 'abc', 8, 8_000_000],
      [3, 'def', 4, 4_000_000],
      [6, 'ghij', 5, 5_000_000],
      [10, 'k', 6, 6_000_000],
      [11, 'lmnopqrstu', 7, 7_000_000],
    ]);
  });

  it('a FIN inside the run drops what is after it and keeps each segment before it', () => {
    const events = feedSegments([...handshake(100, 200), ...run, seg('c', 109, FIN | ACK), seg('s', 201, FIN | ACK), seg('c', 101, PSH | ACK, 'abc')]);
    expect(dataRows(events)).toEqual([
      [0, 'abc', 10, 10_000_000],
      [3, 'def', 4, 4_000_000],
      [6, 'gh', 5, 5_000_000],
    ]);
    expect(ofKind(events, 'diagnostic').map((d) => [d.diagnostic.code, d.diagnostic.streamOffset, d.diagnostic.length])).toEqual([['TCP_DATA_AFTER_FIN', 8, 13]]);
  });

  it('a retransmission overlapping the run is compared with it byte for byte (the first copy wins)', () => {
    const events = feedSegments([...handshake(100, 200), ...run, seg('c', 106, PSH | ACK, 'fGhi'), seg('c', 101, PSH | ACK, 'abc')]);
    expect(ofKind(events, 'diagnostic').map((d) => [d.diagnostic.code, d.diagnostic.streamOffset, d.diagnostic.length])).toEqual([['TCP_OVERLAP_MISMATCH', 6, 1]]);
    expect(dataRows(events).map((r) => r[1]).join('')).toBe('abcdefghijklmnopqrstu');
  });

  it('a run grown past its first memory block keeps the bytes already given out unchanged', () => {
    const events: CaptureEvent[] = [];
    const kept: Array<[Uint8Array, string]> = [];
    const r = new TcpReassembler((e) => {
      events.push(e);
      if (e.kind === 'data') kept.push([e.bytes, str(e.bytes)]);
    });
    const view = createTcpSegmentView();
    let frame = 0;
    const push = (s: ReturnType<typeof seg>): void => r.pushSegment(toSegmentView(s, ++frame, view));
    handshake(100, 200).forEach(push);
    const piece = (i: number): string => String.fromCharCode(65 + (i % 26)).repeat(300);
    for (let i = 0; i < 20; i++) push(seg('c', 111 + i * 300, PSH | ACK, piece(i))); // held after [0,10)
    push(seg('c', 101, PSH | ACK, '0123456789'));
    for (let i = 20; i < 25; i++) push(seg('c', 111 + i * 300, PSH | ACK, piece(i))); // in order now
    r.finish();
    expect(kept.map(([b, s]) => str(b) === s)).toEqual(kept.map(() => true));
    expect(kept.map(([, s]) => s)).toEqual(['0123456789', ...Array.from({ length: 25 }, (_, i) => piece(i))]);
  });

  it('an ignored direction passes the run without delivering it', () => {
    const events: CaptureEvent[] = [];
    const r = new TcpReassembler((e) => events.push(e));
    const view = createTcpSegmentView();
    let frame = 0;
    const push = (s: ReturnType<typeof seg>): void => r.pushSegment(toSegmentView(s, ++frame, view));
    handshake(100, 200).forEach(push);
    run.forEach(push);
    const open = ofKind(events, 'open')[0]!;
    r.ignore(open.conn);
    expect(r.bufferedBytes).toBe(0);
    push(seg('c', 101, PSH | ACK, 'abc'));
    push(seg('c', 122, PSH | ACK, 'v'));
    r.finish();
    expect(ofKind(events, 'data')).toEqual([]);
    expect(ofKind(events, 'gap')).toEqual([]);
  });
});
