/**
 * The session layer tells the capture layer of connections found not to be CTI
 * (CaptureTimeline.onNotCti → CaptureTcpPipeline.ignore), and only of those: a connection
 * whose one direction failed the probe may still turn out CTI.
 */
import { describe, expect, it } from 'vitest';
import { CaptureTimeline } from '../../src/pipeline/capture/capture-timeline.js';
import { ONE_WAY_LIMIT } from '../../src/pipeline/capture/cti-session.js';
import { encode } from '../../src/protocol/codec/encode.js';
import { ACK, PSH, SYN } from '../support/capture-writer.js';
import { feedSegments, segmentBetween, type FedSegment } from '../support/segment-feed.js';

const segment = segmentBetween;
const heartbeat = encode({ type: 'HEARTBEAT_REQ', fields: { InvokeID: 1 } });
const junk = new Uint8Array(64).fill(0xee);

describe('connections found not to be CTI are said to the capture layer (CaptureTimeline.onNotCti)', () => {
  it('once both directions failed the probe, while the connection is open; not a connection whose other direction then passes', () => {
    const [a, b] = [{ addr: '10.1.1.1', port: 5000 }, { addr: '10.1.1.2', port: 6000 }];
    const [c, d] = [{ addr: '10.1.1.3', port: 5001 }, { addr: '10.1.1.2', port: 6001 }];
    const events = feedSegments([
      segment(a, b, 100, SYN),
      segment(b, a, 200, SYN | ACK),
      segment(c, d, 300, SYN),
      segment(d, c, 400, SYN | ACK),
      segment(a, b, 101, PSH | ACK, junk),
      segment(d, c, 401, PSH | ACK, junk), // conn 1's server: not CTI…
      segment(b, a, 201, PSH | ACK, junk), // conn 0: neither direction, not CTI
      segment(c, d, 301, PSH | ACK, heartbeat), // …but its client is
      segment(c, d, 301 + heartbeat.length, PSH | ACK, heartbeat),
      segment(a, b, 101 + junk.length, PSH | ACK, junk),
    ]);
    const timeline = new CaptureTimeline('test.pcap', { ports: [42027], protocolVersion: undefined, showSecrets: false });
    const said: Array<[number, number, boolean]> = [];
    const closed = new Set<number>();
    let frame = 0;
    timeline.onNotCti = (conn) => said.push([conn.id, frame, closed.has(conn.id)]);
    for (const e of events) {
      if (e.kind !== 'diagnostic') frame = e.frame;
      timeline.handle(e);
      if (e.kind === 'close') closed.add(e.conn.id);
    }
    timeline.finish();
    expect(said).toEqual([[0, 7, false]]);
    expect(timeline.sessions().map((s) => [s.client.port, s.messages])).toEqual([[5001, 2]]);
  });

  /** Runs segments through a timeline; returns when (frame) and whether before its close each connection was said not CTI. */
  function notCtiSaid(segments: readonly FedSegment[]): { said: Array<[number, number, boolean]>; timeline: CaptureTimeline } {
    const timeline = new CaptureTimeline('test.pcap', { ports: [42027], protocolVersion: undefined, showSecrets: false });
    const said: Array<[number, number, boolean]> = [];
    const closed = new Set<number>();
    let frame = 0;
    timeline.onNotCti = (conn) => said.push([conn.id, frame, closed.has(conn.id)]);
    for (const e of feedSegments(segments)) {
      if (e.kind !== 'diagnostic') frame = e.frame;
      timeline.handle(e);
      if (e.kind === 'close') closed.add(e.conn.id);
    }
    timeline.finish();
    return { said, timeline };
  }

  it('a one-way stream that is not CTI: once it has sent ONE_WAY_LIMIT bytes with nothing back, not when it closes', () => {
    const [a, b] = [{ addr: '10.1.1.1', port: 5000 }, { addr: '10.1.1.2', port: 514 }];
    const chunk = new Uint8Array(1024).fill(0x3c); // syslog-like text: "<<<<…"
    const segs: FedSegment[] = [segment(a, b, 100, SYN), segment(b, a, 200, SYN | ACK)];
    const chunks = ONE_WAY_LIMIT / chunk.length + 2;
    for (let i = 0; i < chunks; i++) segs.push(segment(a, b, 101 + i * chunk.length, PSH | ACK, chunk));
    segs.push(segment(a, b, 101 + chunks * chunk.length, 0x01 | ACK)); // FIN
    const { said } = notCtiSaid(segs);
    // Frames 1-2 the handshake, frame 3 + i the chunk i: the chunk that takes it past the limit.
    expect(said).toEqual([[0, 3 + ONE_WAY_LIMIT / chunk.length, false]]);
  });

  it('a stream that failed the probe is kept open for its other direction below the limit: the other side may still speak CTI', () => {
    const [a, b] = [{ addr: '10.1.1.1', port: 5000 }, { addr: '10.1.1.2', port: 6000 }];
    const chunk = new Uint8Array(1024).fill(0x3c);
    const segs: FedSegment[] = [segment(a, b, 100, SYN), segment(b, a, 200, SYN | ACK)];
    const chunks = ONE_WAY_LIMIT / chunk.length; // exactly the limit: not past it
    for (let i = 0; i < chunks; i++) segs.push(segment(b, a, 201 + i * chunk.length, PSH | ACK, chunk));
    segs.push(segment(a, b, 101, PSH | ACK, heartbeat), segment(a, b, 101 + heartbeat.length, PSH | ACK, heartbeat));
    const { said, timeline } = notCtiSaid(segs);
    expect(said).toEqual([]);
    expect(timeline.sessions().map((s) => [s.client.port, s.messages])).toEqual([[5000, 2]]);
  });
});

