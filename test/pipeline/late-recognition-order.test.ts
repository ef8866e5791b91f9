/**
 * Messages a search recognises after the push that brought them (a session captured
 * mid-stream: its first message waits for the next to confirm it) come out in capture order,
 * at the place of the frame that brought their last byte — whenever they are recognised: at
 * the next push, at the connection's close, at the end of the capture, or when the session is
 * made to decide because too much waits behind it (MAX_WAITING_EVENTS). Before 2026-11-25 a
 * lone mid-stream message recognised at the end of the capture was written last, and one
 * recognised after the session was made to decide came where it was recognised.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as F from '../../scripts/samples/cti-flows.js';
import { CaptureTimeline, MAX_WAITING_EVENTS } from '../../src/pipeline/capture/capture-timeline.js';
import { encode, type EncodableMessage } from '../../src/protocol/codec/encode.js';
import type { TimelineEvent, TimelineMessage } from '../../src/timeline/types.js';
import { ACK, ETH_IPV4, ethernet, FIN, PSH, SYN, tcpPacket, writePcap } from '../support/capture-writer.js';
import { ccxcti } from '../support/cli.js';
import { checkTiling } from '../support/cti-capture.js';
import { feedSegments, segmentBetween as segment, type Endpoint, type FedSegment } from '../support/segment-feed.js';

function run(segments: readonly FedSegment[], maxWaiting = MAX_WAITING_EVENTS): { events: TimelineEvent[]; beforeClose: number } {
  const timeline = new CaptureTimeline('test.pcap', { ports: [42027], protocolVersion: undefined, showSecrets: false }, undefined, true, maxWaiting);
  const events: TimelineEvent[] = [];
  let beforeClose = -1;
  for (const e of feedSegments(segments)) {
    if (e.kind === 'close' && beforeClose < 0) beforeClose = events.length;
    timeline.handle(e);
    events.push(...timeline.take());
  }
  timeline.finish();
  events.push(...timeline.take());
  return { events, beforeClose };
}

const messages = (events: readonly TimelineEvent[]): TimelineMessage[] => events.filter((e): e is TimelineMessage => e.kind === 'message');
/** Each message as `frame type`. */
const framesOf = (events: readonly TimelineEvent[]): string[] => messages(events).map((m) => `${m.source.frame} ${m.message.type}`);
const frames = (events: readonly TimelineEvent[]): number[] => messages(events).map((m) => m.source.frame!);
const bytes = (m: EncodableMessage): Uint8Array => encode(m);

const S: Endpoint = { addr: '10.1.1.2', port: 42027 };
const A: Endpoint = { addr: '10.1.1.1', port: 5000 }; // captured mid-stream
const C: Endpoint = { addr: '10.1.1.3', port: 40001 }; // with its SYN
const conf = bytes(F.heartbeatConf(7));
const hb = bytes(F.heartbeatReq(1));

/** C's handshake (two frames) then `n` heartbeats. */
function otherSession(n: number): FedSegment[] {
  const segs = [segment(C, S, 300, SYN), segment(S, C, 400, SYN | ACK)];
  for (let i = 0; i < n; i++) segs.push(segment(C, S, 301 + i * hb.length, PSH | ACK, hb));
  return segs;
}

describe('a lone mid-stream message (a session that sends one message early, then nothing)', () => {
  it('recognised at the end of the capture, comes out at its frame, not last', () => {
    const { events } = run([segment(S, A, 101, PSH | ACK, conf), ...otherSession(3)]);
    expect(framesOf(events)).toEqual(['1 HEARTBEAT_CONF', '4 HEARTBEAT_REQ', '5 HEARTBEAT_REQ', '6 HEARTBEAT_REQ']);
    expect(checkTiling(events).problems).toEqual([]);
  });

  it('recognised at its connection close (FIN), comes out at its frame', () => {
    const segs = [segment(S, A, 101, PSH | ACK, conf), ...otherSession(3), segment(S, A, 101 + conf.length, FIN | ACK)];
    const { events } = run(segs);
    expect(framesOf(events)).toEqual(['1 HEARTBEAT_CONF', '4 HEARTBEAT_REQ', '5 HEARTBEAT_REQ', '6 HEARTBEAT_REQ']);
  });

  it('made to decide (MAX_WAITING_EVENTS waiting behind it): judged alone then and output in its place, the events behind it released before any close', () => {
    const n = MAX_WAITING_EVENTS + 1;
    const { events, beforeClose } = run([segment(S, A, 101, PSH | ACK, conf), ...otherSession(n)]);
    expect(beforeClose).toBeGreaterThanOrEqual(MAX_WAITING_EVENTS);
    const f = frames(events);
    expect(f).toHaveLength(n + 1);
    expect(f[0]).toBe(1);
    expect(f).toEqual([...f].sort((x, y) => x - y));
  });

  it('made to decide while the message is not whole yet: it comes with the push that completes it, in its place', () => {
    // A's message in two pieces, the second after the decision.
    const n = MAX_WAITING_EVENTS + 1;
    const segs = [segment(S, A, 101, PSH | ACK, conf.subarray(0, 10)), ...otherSession(n), segment(S, A, 111, PSH | ACK, conf.subarray(10)), segment(C, S, 301 + n * hb.length, PSH | ACK, hb)];
    const { events } = run(segs);
    const f = frames(events);
    expect(f).toHaveLength(n + 2);
    expect(f).toEqual([...f].sort((x, y) => x - y));
    expect(framesOf(events).slice(-2)).toEqual([`${n + 4} HEARTBEAT_CONF`, `${n + 5} HEARTBEAT_REQ`]);
  });
});

describe('made to decide while the search waits for a candidate that is not whole (a false start: a header inside a message’s body)', () => {
  // A CALL_DELIVERED_EVENT header announcing 1000 bytes (the tail of a message cut by the
  // capture's start, as it happens), then two whole messages, then nothing for a while.
  const falseStart = Uint8Array.from([0, 0, 0x03, 0xe8, 0, 0, 0, 9]);
  const segs = (): FedSegment[] => [segment(S, A, 101, PSH | ACK, Uint8Array.from([...falseStart, ...conf, ...conf])), ...otherSession(20)];

  it('two whole messages after it (the second confirming the first) are decided then, in their place; the candidate is given up (its bytes undecodable)', () => {
    const { events } = run(segs(), 5);
    expect(framesOf(events).slice(0, 3)).toEqual(['1 HEARTBEAT_CONF', '1 HEARTBEAT_CONF', '4 HEARTBEAT_REQ']);
    const a = events.filter((e) => e.session?.startsWith('10.1.1.1') === true);
    expect(a.map((e) => (e.kind === 'message' ? `${e.message.type} ${e.streamOffset}` : `${e.code} ${e.streamOffset} ${e.length ?? ''}`))).toEqual([
      'STREAM_GAP 0 ',
      'STREAM_UNDECODABLE 0 8',
      'HEARTBEAT_CONF 8',
      'HEARTBEAT_CONF 20',
    ]);
  });

  it('a whole message behind it that nothing confirms then is not found later, out of its place (its bytes are undecodable)', () => {
    // One message after the false start, then nothing: the start waits; later bytes prove it no message.
    const later = Uint8Array.from(Array.from({ length: 83 }, () => [...conf]).flat());
    const { events } = run([segment(S, A, 101, PSH | ACK, Uint8Array.from([...falseStart, ...conf])), ...otherSession(20), segment(S, A, 121, PSH | ACK, later)], 5);
    const f = frames(events);
    expect(f).toEqual([...f].sort((x, y) => x - y));
    const a = events.filter((e) => e.session?.startsWith('10.1.1.1') === true);
    expect(a.slice(0, 3).map((e) => (e.kind === 'message' ? `${e.message.type} ${e.streamOffset} frame ${e.source.frame}` : `${e.code} ${e.streamOffset} ${e.length ?? ''}`))).toEqual([
      'STREAM_GAP 0 ',
      'STREAM_UNDECODABLE 0 20',
      `HEARTBEAT_CONF 20 frame ${f[f.length - 1]}`,
    ]);
    expect(checkTiling(events).problems).toEqual([]);
  });

  it('not made to decide, the same messages (found at the end of the capture, put in their place)', () => {
    const { events } = run(segs());
    expect(framesOf(events).slice(0, 3)).toEqual(['1 HEARTBEAT_CONF', '1 HEARTBEAT_CONF', '4 HEARTBEAT_REQ']);
  });
});

describe('a message of a mid-stream start completed by a later push than the one it started in', () => {
  it('comes out at the frame that completed it, after the other sessions’ events before that frame', () => {
    // A: the first half of a message (frame 1), C's events, the rest (frame 6), C's events, then
    // the next message (frame 9) that confirms it: the first comes out at frame 6, not frame 1.
    const ev = bytes(F.agentStateEvent({ extension: '2006', id: 'agt2006' }, 3));
    const segs = [segment(S, A, 101, PSH | ACK, ev.subarray(0, 20)), ...otherSession(2), segment(S, A, 121, PSH | ACK, ev.subarray(20))];
    segs.push(segment(C, S, 301 + 2 * hb.length, PSH | ACK, hb), segment(C, S, 301 + 3 * hb.length, PSH | ACK, hb));
    segs.push(segment(S, A, 101 + ev.length, PSH | ACK, conf));
    const { events } = run(segs);
    expect(framesOf(events)).toEqual(['4 HEARTBEAT_REQ', '5 HEARTBEAT_REQ', '6 AGENT_STATE_EVENT', '7 HEARTBEAT_REQ', '8 HEARTBEAT_REQ', '9 HEARTBEAT_CONF']);
  });
});

describe('bytes skipped before a message recognised late', () => {
  it('are reported just before it, in its place', () => {
    const junk = new Uint8Array(13).fill(0xee);
    const { events } = run([segment(S, A, 101, PSH | ACK, Uint8Array.from([...junk, ...conf])), ...otherSession(2)]);
    const a = events.filter((e) => e.session?.startsWith('10.1.1.1') === true).map((e) => (e.kind === 'message' ? e.message.type : e.code));
    expect(a).toEqual(['STREAM_GAP', 'STREAM_UNDECODABLE', 'HEARTBEAT_CONF']);
    // At the frame that brought the bytes (not the end of the capture, where it was found).
    expect(events.find((e) => e.kind === 'diagnostic' && e.code === 'STREAM_UNDECODABLE')?.source.frame).toBe(1);
    expect(events.findIndex((e) => e.kind === 'message' && e.message.type === 'HEARTBEAT_CONF')).toBeLessThan(events.findIndex((e) => e.kind === 'message' && e.message.type === 'HEARTBEAT_REQ'));
  });
});

describe('ccxcti (end to end)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccxcti-late-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  interface Packet {
    readonly from: Endpoint;
    readonly to: Endpoint;
    readonly bytes: Uint8Array;
    /** Microseconds from the capture's start. */
    readonly us: number;
    readonly flags?: number;
  }

  /** A pcap of the packets, each connection's sequence numbers counted on from 1000. */
  function pcap(name: string, packets: readonly Packet[]): string {
    const seq = new Map<string, number>();
    const key = (a: Endpoint, b: Endpoint): string => `${a.addr}:${a.port}>${b.addr}:${b.port}`;
    const written = packets.map((p) => {
      const at = seq.get(key(p.from, p.to)) ?? 1000;
      const tcp = { srcPort: p.from.port, dstPort: p.to.port, seq: at, ack: seq.get(key(p.to, p.from)) ?? 1000, flags: p.flags ?? PSH | ACK, payload: p.bytes };
      seq.set(key(p.from, p.to), at + p.bytes.length + ((p.flags ?? 0) & SYN ? 1 : 0));
      return { sec: 1_700_000_000 + Math.floor(p.us / 1e6), nsec: (p.us % 1e6) * 1000, data: ethernet(tcpPacket(p.from.addr, p.to.addr, tcp), ETH_IPV4) };
    });
    const path = join(dir, name);
    writeFileSync(path, writePcap(written, { linkType: 1, nanosecond: true }));
    return path;
  }

  const desk = { addr: '10.0.0.2', port: 50000 };
  const server = { addr: '10.0.0.1', port: 42027 };
  const agent = { extension: '2006', id: 'agt2006' };
  const [request, confirmation, event] = F.setAgentState(agent, 5, F.AGENT_READY).map((b) => encode(b.messages[0]!));

  /**
   * An agent desktop captured mid-stream asks for a state (one packet) and says nothing for
   * 40 s (`speaksAgain`: then sends a heartbeat; else nothing more); the server confirms at
   * once. `others` heartbeats of another session (with its SYN) come meanwhile.
   */
  function capture(others: number, speaksAgain: boolean): string {
    const packets: Packet[] = [
      { from: desk, to: server, bytes: request!, us: 0 },
      { from: server, to: desk, bytes: Uint8Array.from([...confirmation!, ...event!]), us: 1000 },
      { from: C, to: S, bytes: new Uint8Array(0), us: 2000, flags: SYN },
    ];
    for (let i = 0; i < others; i++) packets.push({ from: C, to: S, bytes: hb, us: 3000 + i });
    if (speaksAgain) packets.push({ from: desk, to: server, bytes: bytes(F.heartbeatReq(6)), us: 40_000_000 }, { from: server, to: desk, bytes: bytes(F.heartbeatConf(6)), us: 40_001_000 });
    return pcap(`request-alone-${others}-${speaksAgain}.pcap`, packets);
  }

  const decoded = async (path: string): Promise<Array<{ index: number; type: string; session: string; ts: string; source: { frame: number } }>> =>
    (await ccxcti(['decode', path, '--format', 'ndjson'])).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { index: number; type: string; session: string; ts: string; source: { frame: number } });

  it('decode: the request first, at its index, when its session says nothing more (recognised at the end of the capture)', async () => {
    const lines = await decoded(capture(3, false));
    expect(lines.map((l) => `${l.index} ${l.type} ${l.source.frame}`)).toEqual(['0 SET_AGENT_STATE_REQ 1', '1 SET_AGENT_STATE_CONF 2', '2 AGENT_STATE_EVENT 2', '3 HEARTBEAT_REQ 4', '4 HEARTBEAT_REQ 5', '5 HEARTBEAT_REQ 6']);
  });

  it('decode: the same when its session speaks again 40 s later (recognised then)', async () => {
    const lines = await decoded(capture(3, true));
    expect(lines.map((l) => `${l.index} ${l.type} ${l.source.frame}`)).toEqual([
      '0 SET_AGENT_STATE_REQ 1',
      '1 SET_AGENT_STATE_CONF 2',
      '2 AGENT_STATE_EVENT 2',
      '3 HEARTBEAT_REQ 4',
      '4 HEARTBEAT_REQ 5',
      '5 HEARTBEAT_REQ 6',
      '6 HEARTBEAT_REQ 7',
      '7 HEARTBEAT_CONF 8',
    ]);
  });

  // Made to decide, the session gave its place up (before 2026-11-25): the request, recognised
  // 40 s later with the desktop's heartbeat, was written there, after its confirmation.
  const forced = (): string => capture(MAX_WAITING_EVENTS + 1, true);

  it(`decode: the request first when its session was made to decide (${MAX_WAITING_EVENTS} events behind it)`, async () => {
    const lines = await decoded(forced());
    expect(lines.filter((l) => l.session.startsWith('10.0.0.2')).map((l) => `${l.type} ${l.source.frame}`)).toEqual([
      'SET_AGENT_STATE_REQ 1',
      'SET_AGENT_STATE_CONF 2',
      'AGENT_STATE_EVENT 2',
      `HEARTBEAT_REQ ${MAX_WAITING_EVENTS + 5}`,
      `HEARTBEAT_CONF ${MAX_WAITING_EVENTS + 6}`,
    ]);
    expect(lines.map((l) => l.ts)).toEqual(lines.map((l) => l.ts).sort());
  });

  it('decode of two captures merged by time: a late message, with the bytes skipped before it, comes before the other capture’s later messages', async () => {
    // a.pcap: the desktop's request after 13 bytes of the message before it (captured
    // mid-stream), then another session until 10 ms; b.pcap: a session from 5 ms on. The range
    // skipped is found with the request, at the end of a.pcap: it goes to the request's place
    // with the request's frame and time — found-time would have made the merge put b's messages
    // of 5 ms before the request of 0 ms.
    const d = { addr: '10.0.0.9', port: 50001 };
    const a = pcap('a.pcap', [
      { from: desk, to: server, bytes: Uint8Array.from([...new Uint8Array(13).fill(0xee), ...request!]), us: 0 },
      { from: d, to: server, bytes: new Uint8Array(0), us: 1000, flags: SYN },
      ...[2, 3, 10].map((ms) => ({ from: d, to: server, bytes: hb, us: ms * 1000 })),
    ]);
    const b = pcap('b.pcap', [{ from: C, to: S, bytes: new Uint8Array(0), us: 4000, flags: SYN }, ...[5, 6].map((ms) => ({ from: C, to: S, bytes: hb, us: ms * 1000 }))]);
    const r = await ccxcti(['decode', a, b, '--format', 'ndjson']);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; ts: string; source: { file: string; frame: number } });
    expect(lines.map((l) => `${l.source.file.endsWith('a.pcap') ? 'a' : 'b'} ${l.source.frame} ${l.type}`)).toEqual([
      'a 1 SET_AGENT_STATE_REQ',
      'a 3 HEARTBEAT_REQ',
      'a 4 HEARTBEAT_REQ',
      'b 2 HEARTBEAT_REQ',
      'b 3 HEARTBEAT_REQ',
      'a 5 HEARTBEAT_REQ',
    ]);
    expect(r.stderr).toMatch(/STREAM_UNDECODABLE \S*a\.pcap frame 1 /);
  });

  it('decode --format json: the session summary’s firstAt is the request’s time, lastAt its last message’s (they were swapped)', async () => {
    for (const path of [capture(3, false), forced()]) {
      const doc = JSON.parse((await ccxcti(['decode', path, '--format', 'json'])).stdout) as {
        messages: Array<{ session: string; ts: string }>;
        sessions: Array<{ id: string; firstAt: string; lastAt: string }>;
      };
      const desktop = doc.messages.filter((m) => m.session.startsWith('10.0.0.2'));
      expect(doc.sessions.find((x) => x.id.startsWith('10.0.0.2'))).toMatchObject({ firstAt: desktop[0]!.ts, lastAt: desktop[desktop.length - 1]!.ts });
      expect(desktop[0]!.ts < desktop[desktop.length - 1]!.ts).toBe(true);
    }
  });
});
