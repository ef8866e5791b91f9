/**
 * Ninth round of mutation testing (docs/test-gaps.md): the session layer's probe, its one-way
 * limit and the holds that keep an undecided session's place in the output.
 */
import { describe, expect, it } from 'vitest';
import { CaptureTimeline, MAX_WAITING_EVENTS } from '../../src/pipeline/capture/capture-timeline.js';
import { ONE_WAY_LIMIT, PROBE_WINDOW } from '../../src/pipeline/capture/cti-session.js';
import { encode } from '../../src/protocol/codec/encode.js';
import type { TimelineEvent } from '../../src/timeline/types.js';
import { ACK, PSH, SYN } from '../support/capture-writer.js';
import { feedSegments, segmentBetween, type FedSegment } from '../support/segment-feed.js';

const segment = segmentBetween;
const heartbeat = (id: number): Uint8Array => encode({ type: 'HEARTBEAT_REQ', fields: { InvokeID: id } });

/** Runs segments through a timeline: the connections said not CTI, the events output (and how many before the first close), the sessions. */
function run(segments: readonly FedSegment[]): { said: number[]; events: TimelineEvent[]; beforeClose: number; beforeEnd: number; timeline: CaptureTimeline } {
  const timeline = new CaptureTimeline('test.pcap', { ports: [42027], protocolVersion: undefined, showSecrets: false });
  const said: number[] = [];
  const events: TimelineEvent[] = [];
  timeline.onNotCti = (conn) => said.push(conn.id);
  let beforeClose = -1;
  let beforeEnd = -1;
  for (const e of feedSegments(segments)) {
    if (e.kind === 'close' && beforeClose < 0) beforeClose = events.length;
    if (e.kind === 'close' && e.reason === 'end-of-capture' && beforeEnd < 0) beforeEnd = events.length;
    timeline.handle(e);
    events.push(...timeline.take());
  }
  timeline.finish();
  events.push(...timeline.take());
  return { said, events, beforeClose, beforeEnd, timeline };
}

describe('the one-way limit', () => {
  it('is not applied once the other direction has sent anything: it may still pass the probe', () => {
    const [a, b] = [{ addr: '10.1.1.1', port: 5000 }, { addr: '10.1.1.2', port: 6000 }];
    const junk = new Uint8Array(1024).fill(0x3c);
    const hb1 = heartbeat(1);
    const segs: FedSegment[] = [segment(a, b, 100, SYN), segment(b, a, 200, SYN | ACK), segment(b, a, 201, PSH | ACK, hb1)];
    const chunks = ONE_WAY_LIMIT / junk.length + 2;
    for (let i = 0; i < chunks; i++) segs.push(segment(a, b, 101 + i * junk.length, PSH | ACK, junk));
    segs.push(segment(b, a, 201 + hb1.length, PSH | ACK, heartbeat(2)));
    const { said, timeline } = run(segs);
    expect(said).toEqual([]);
    expect(timeline.sessions().map((s) => s.messages)).toEqual([2]);
  });
});

describe('a session made to decide (MAX_WAITING_EVENTS events waiting behind it)', () => {
  it('is CTI for good: a direction that failed the probe before is not given up on at the one-way limit afterwards', () => {
    const [a, b] = [{ addr: '10.1.1.1', port: 5000 }, { addr: '10.1.1.2', port: 6000 }];
    const [c, s] = [{ addr: '10.1.1.3', port: 40001 }, { addr: '10.1.1.2', port: 42027 }];
    const hb = heartbeat(1);
    const junk = new Uint8Array(1024).fill(0xee);
    // One clean message, then bytes that are not CTI: the direction fails the probe, undecided.
    const segs: FedSegment[] = [segment(a, b, 100, SYN), segment(b, a, 200, SYN | ACK), segment(a, b, 101, PSH | ACK, hb), segment(a, b, 101 + hb.length, PSH | ACK, junk)];
    segs.push(segment(c, s, 300, SYN), segment(s, c, 400, SYN | ACK));
    for (let i = 0; i <= MAX_WAITING_EVENTS; i++) segs.push(segment(c, s, 301 + i * hb.length, PSH | ACK, hb));
    // Made to decide (one clean message: CTI); then more than ONE_WAY_LIMIT bytes one way.
    const chunks = ONE_WAY_LIMIT / junk.length + 2;
    for (let i = 1; i <= chunks; i++) segs.push(segment(a, b, 101 + hb.length + i * junk.length, PSH | ACK, junk));
    const { said, timeline } = run(segs);
    expect(said).toEqual([]);
    expect(timeline.sessions().map((x) => `${x.client.port}-${x.server.port}:${x.messages}`)).toEqual(['5000-6000:1', `40001-42027:${MAX_WAITING_EVENTS + 1}`]);
  });
});

describe('a session made to decide without a clean message', () => {
  it('is dropped as not CTI (and said to the capture layer), its undecodable bytes not output', () => {
    const [a, b] = [{ addr: '10.1.1.1', port: 5000 }, { addr: '10.1.1.2', port: 6000 }];
    const [c, s] = [{ addr: '10.1.1.3', port: 40001 }, { addr: '10.1.1.2', port: 42027 }];
    const hb = heartbeat(1);
    // No SYN: the capture starts mid-stream (an info waits in a hold), no message found yet.
    const segs: FedSegment[] = [segment(a, b, 101, PSH | ACK, new Uint8Array(64).fill(0xee))];
    segs.push(segment(c, s, 300, SYN), segment(s, c, 400, SYN | ACK));
    for (let i = 0; i <= MAX_WAITING_EVENTS; i++) segs.push(segment(c, s, 301 + i * hb.length, PSH | ACK, hb));
    const { said, events, timeline } = run(segs);
    expect(said).toEqual([0]);
    expect(timeline.sessions().map((x) => `${x.client.port}-${x.server.port}`)).toEqual(['40001-42027']);
    expect(events.filter((e) => e.session?.includes('10.1.1.1:') === true)).toEqual([]);
    expect(events).toHaveLength(MAX_WAITING_EVENTS + 1);
  });
});

describe('a session made to decide while its framer waits to confirm a message (a placeholder)', () => {
  it('lets the events behind it go at once: the placeholder is given up, not waited for until the end', () => {
    const [a, b] = [{ addr: '10.1.1.1', port: 5000 }, { addr: '10.1.1.2', port: 42027 }];
    const [c, s] = [{ addr: '10.1.1.3', port: 40001 }, { addr: '10.1.1.2', port: 42027 }];
    const hb = heartbeat(1);
    // A CTI session (its port) captured mid-stream: one message found by the search, waiting for a second to confirm it.
    const segs: FedSegment[] = [segment(a, b, 101, PSH | ACK, hb)];
    segs.push(segment(c, s, 300, SYN), segment(s, c, 400, SYN | ACK));
    for (let i = 0; i <= MAX_WAITING_EVENTS; i++) segs.push(segment(c, s, 301 + i * hb.length, PSH | ACK, hb));
    const { beforeClose, events } = run(segs);
    expect(beforeClose).toBeGreaterThanOrEqual(MAX_WAITING_EVENTS);
    expect(events.filter((e) => e.kind === 'message')).toHaveLength(MAX_WAITING_EVENTS + 2);
  });
});

describe('a placeholder whose messages are recognised', () => {
  it('is settled at once: the events of other sessions queued behind it go out before any connection closes', () => {
    const [a, s] = [{ addr: '10.1.1.1', port: 5000 }, { addr: '10.1.1.2', port: 42027 }];
    const c = { addr: '10.1.1.3', port: 40001 };
    const hb = heartbeat(1);
    const segs: FedSegment[] = [segment(a, s, 101, PSH | ACK, hb), segment(c, s, 300, SYN), segment(s, c, 400, SYN | ACK)];
    for (let i = 0; i < 5; i++) segs.push(segment(c, s, 301 + i * hb.length, PSH | ACK, hb));
    segs.push(segment(a, s, 101 + hb.length, PSH | ACK, hb)); // confirms the first: both recognised
    const { beforeClose, events } = run(segs);
    expect(beforeClose).toBe(1 + 2 + 5); // the mid-stream note, a's two messages, c's five
    expect(events.map((e) => (e.kind === 'message' ? e.session!.split(':')[0] : e.code))).toEqual(['STREAM_GAP', '10.1.1.1', '10.1.1.3', '10.1.1.3', '10.1.1.3', '10.1.1.3', '10.1.1.3', '10.1.1.1']);
  });
});

describe('the probe window without a SYN (PROBE_WINDOW bytes)', () => {
  /** A connection on no CTI port captured mid-stream: `skip` bytes that are not CTI, then two heartbeats in the next segment. */
  function messagesAfter(skip: number): number[] {
    const [a, b] = [{ addr: '10.1.1.1', port: 5000 }, { addr: '10.1.1.2', port: 6000 }];
    const hb = heartbeat(1);
    const junk = new Uint8Array(skip).fill(0xee);
    const segs: FedSegment[] = [segment(a, b, 1000, PSH | ACK, junk), segment(a, b, 1000 + skip, PSH | ACK, Uint8Array.from([...hb, ...hb]))];
    return run(segs).timeline.sessions().map((x) => x.messages);
  }

  it('a first message starting at PROBE_WINDOW is still looked at; one byte later it is not', () => {
    expect(messagesAfter(PROBE_WINDOW)).toEqual([2]);
    // The window bounds the first message, not the second (which here starts past it).
    expect(messagesAfter(PROBE_WINDOW - 11)).toEqual([2]);
    expect(messagesAfter(PROBE_WINDOW + 1)).toEqual([]);
  });
});

describe('one clean message in each direction', () => {
  it('makes a connection on no CTI port a CTI session', () => {
    const [a, b] = [{ addr: '10.1.1.1', port: 5000 }, { addr: '10.1.1.2', port: 6000 }];
    const conf = encode({ type: 'HEARTBEAT_CONF', fields: { InvokeID: 1 } });
    const segs: FedSegment[] = [segment(a, b, 100, SYN), segment(b, a, 200, SYN | ACK), segment(a, b, 101, PSH | ACK, heartbeat(1)), segment(b, a, 201, PSH | ACK, conf)];
    const { said, timeline } = run(segs);
    expect(said).toEqual([]);
    expect(timeline.sessions().map((x) => [x.heuristic, x.messages])).toEqual([[true, 2]]);
  });
});

describe('a direction that failed the probe', () => {
  it('is searched again once the other direction passes: its later messages are found', () => {
    const [a, b] = [{ addr: '10.1.1.1', port: 5000 }, { addr: '10.1.1.2', port: 6000 }];
    const conf = (id: number): Uint8Array => encode({ type: 'HEARTBEAT_CONF', fields: { InvokeID: id } });
    const junk = new Uint8Array(40).fill(0xee);
    const hb = heartbeat(3);
    const segs: FedSegment[] = [
      segment(a, b, 100, SYN),
      segment(b, a, 200, SYN | ACK),
      segment(a, b, 101, PSH | ACK, junk), // fails the probe: suspended
      segment(b, a, 201, PSH | ACK, conf(1)),
      segment(b, a, 201 + 12, PSH | ACK, conf(2)), // passes
      segment(a, b, 101 + junk.length, PSH | ACK, Uint8Array.from([...hb, ...hb])),
    ];
    const { events } = run(segs);
    expect(events.filter((e) => e.kind === 'message').map((e) => (e.kind === 'message' ? `${e.direction} ${e.message.type}` : ''))).toEqual([
      'server-to-client HEARTBEAT_CONF',
      'server-to-client HEARTBEAT_CONF',
      'client-to-server HEARTBEAT_REQ',
      'client-to-server HEARTBEAT_REQ',
    ]);
  });
});

describe('a capture diagnostic at stream offset 0', () => {
  it('keeps its stream offset and length (a retransmission of the first bytes that disagrees)', () => {
    const [a, s] = [{ addr: '10.1.1.1', port: 5000 }, { addr: '10.1.1.2', port: 42027 }];
    const hb = heartbeat(1);
    const other = Uint8Array.from(hb);
    other[0] = 0x7f; // differs in its first byte only
    const segs: FedSegment[] = [segment(a, s, 100, SYN), segment(s, a, 200, SYN | ACK), segment(a, s, 101, PSH | ACK, hb), segment(a, s, 101, PSH | ACK, other)];
    const { events } = run(segs);
    const d = events.find((e) => e.kind === 'diagnostic' && e.code === 'TCP_OVERLAP_MISMATCH');
    expect(d).toMatchObject({ streamOffset: 0, length: 1 });
  });
});

describe('a session between two CTI ports (neither port tells the roles)', () => {
  const [a, b] = [{ addr: '10.1.1.1', port: 42027 }, { addr: '10.1.1.2', port: 42027 }];
  const [c, s] = [{ addr: '10.1.1.3', port: 40001 }, { addr: '10.1.1.2', port: 42027 }];
  const hb = heartbeat(1);

  it('is output as soon as a message tells the roles, not at its close', () => {
    const segs: FedSegment[] = [segment(a, b, 101, PSH | ACK, Uint8Array.from([...hb, ...hb])), segment(c, s, 300, SYN), segment(s, c, 400, SYN | ACK), segment(c, s, 301, PSH | ACK, hb)];
    const { beforeClose, events } = run(segs);
    expect(beforeClose).toBe(4); // the mid-stream note, two messages, the other session's message
    expect(events[1]).toMatchObject({ kind: 'message', direction: 'client-to-server', session: '10.1.1.1:42027-10.1.1.2:42027#1' });
  });

  it('that closes with its roles untold has them guessed then: what waits behind it goes out before the end of the capture', () => {
    const junk = new Uint8Array(40).fill(0xee);
    const segs: FedSegment[] = [segment(a, b, 101, PSH | ACK, junk), segment(a, b, 141, 0x04 /* RST */), segment(c, s, 300, SYN), segment(s, c, 400, SYN | ACK), segment(c, s, 301, PSH | ACK, hb)];
    const { beforeEnd, events } = run(segs);
    expect(events.map((e) => (e.kind === 'message' ? e.message.type : e.code))).toEqual(['STREAM_GAP', 'STREAM_UNDECODABLE', 'HEARTBEAT_REQ']);
    expect(beforeEnd).toBe(3);
  });
});
