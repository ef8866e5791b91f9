/**
 * Property: whatever the sessions of a capture — opened in it (SYN), captured mid-stream at a
 * message start or inside a message, one-way, sending their first message at any time and
 * then nothing for a while, closed or running to the end of the capture — and however little
 * may wait behind an undecided session (MAX_WAITING_EVENTS made small, so sessions are made
 * to decide all the time), the messages come out in capture order: non-decreasing time, ties
 * by frame; each message once; each stream tiled by its messages and ranges in order; every
 * message of a session seen from a message start found.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as F from '../../scripts/samples/cti-flows.js';
import { CaptureTimeline } from '../../src/pipeline/capture/capture-timeline.js';
import { isCleanStrict } from '../../src/pipeline/capture/cti-header.js';
import { decode } from '../../src/protocol/codec/decode.js';
import { encode, type EncodableMessage } from '../../src/protocol/codec/encode.js';
import { compareInstants } from '../../src/timeline/instant.js';
import type { TimelineEvent, TimelineMessage } from '../../src/timeline/types.js';
import { ACK, FIN, PSH, SYN } from '../support/capture-writer.js';
import { checkTiling } from '../support/cti-capture.js';
import { feedSegments, type FedSegment } from '../support/segment-feed.js';

/** Real traffic (chapter 11 flows, heartbeats, agent states): messages a search takes as they are. */
const POOL: readonly Uint8Array[] = (() => {
  const agent = { extension: '2006', id: 'agt2006' };
  const other = { extension: '2007', id: 'agt2007' };
  const call = { caller: '2005', trigger: '7000', ctiPort: '9019', csq: 1, app: 2 };
  const messages: EncodableMessage[] = [
    F.heartbeatReq(11),
    F.heartbeatConf(11),
    F.systemEvent(1_700_000_000),
    F.agentStateEvent(agent, F.AGENT_READY),
    ...[
      ...F.queuedAndAnsweredCall(agent, call, { call: 16_777_300, call2: 16_777_301 }, 5, true),
      ...F.transferredCall(agent, other, call, 16_777_310, 16_777_311, 7),
      ...F.setAgentState(agent, 9, F.AGENT_NOT_READY),
    ].flatMap((b) => b.messages),
  ];
  return messages.map((m) => encode(m)).filter((b) => {
    const d = decode(b);
    return isCleanStrict(d) && d.diagnostics.every((x) => x.severity === 'info');
  });
})();

type Start = 'syn' | 'message-start' | 'inside-message';

interface SessionSpec {
  readonly start: Start;
  /** Pool indices per direction (0: client → server); a one-way session has one empty. */
  readonly messages: readonly [readonly number[], readonly number[]];
  /** Segment sizes, cycled. */
  readonly cuts: readonly number[];
  /** 'inside-message': how many bytes of the first message are before the capture's start. */
  readonly skip: number;
  readonly fin: boolean;
}

interface Scenario {
  readonly sessions: readonly SessionSpec[];
  /** Picks the next segment among the sessions' directions (each direction keeps its order). */
  readonly picks: readonly number[];
  /** Time from one frame to the next: 0 (same time), 1 µs, 1 ms or 40 s. */
  readonly steps: readonly number[];
  readonly maxWaiting: number;
}

const directionArb = fc.array(fc.nat({ max: POOL.length - 1 }), { maxLength: 6 });
const sessionArb: fc.Arbitrary<SessionSpec> = fc.record({
  start: fc.constantFrom<Start>('syn', 'message-start', 'inside-message'),
  messages: fc.oneof(
    fc.tuple(directionArb, directionArb),
    directionArb.map((d) => [d, []] as const),
    directionArb.map((d) => [[], d] as const),
    // A direction that sends one message only (waits for a second to confirm it, until it is made to decide or the capture ends).
    fc.tuple(fc.nat({ max: POOL.length - 1 }), directionArb).map(([one, d]) => [[one], d] as const),
  ),
  cuts: fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 6 }),
  skip: fc.integer({ min: 1, max: 60 }),
  fin: fc.boolean(),
});
const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  sessions: fc.array(sessionArb, { minLength: 1, maxLength: 5 }),
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 60 }),
  steps: fc.array(fc.constantFrom(0, 1_000, 1_000_000, 40_000_000_000), { minLength: 1, maxLength: 20 }),
  maxWaiting: fc.constantFrom(1, 2, 3, 5, 10, 100, 2_000, 10_000),
});

const SERVER = { addr: '10.0.0.1', port: 42027 };
const clientOf = (i: number): { addr: string; port: number } => ({ addr: `10.0.1.${i + 1}`, port: 50000 + i });

interface Built {
  readonly segments: FedSegment[];
  /** Per `client port direction`: the stream offsets of the messages sent whole, for sessions seen from a message start. */
  readonly expected: Map<string, number[]>;
}

function build(sc: Scenario): Built {
  /** Per direction of each session: its segments, and the session's handshake (sent before the first of them). */
  const queues: Array<{ readonly segments: FedSegment[]; readonly handshake: FedSegment[] }> = [];
  const expected = new Map<string, number[]>();
  sc.sessions.forEach((s, i) => {
    const ends = [clientOf(i), SERVER] as const;
    const seg = (dir: 0 | 1, seq: number, flags: number, payload?: Uint8Array): FedSegment => ({
      src: ends[dir].addr,
      dst: ends[1 - dir]!.addr,
      tcp: { srcPort: ends[dir].port, dstPort: ends[1 - dir]!.port, seq: seq >>> 0, ack: 0, flags, ...(payload !== undefined ? { payload } : {}) },
    });
    const isn = [1000 + i * 100_000, 7_000_000 + i * 100_000];
    const first: FedSegment[] = s.start === 'syn' ? [seg(0, isn[0]!, SYN), seg(1, isn[1]!, SYN | ACK)] : [];
    for (const dir of [0, 1] as const) {
      const parts = s.messages[dir].map((k) => POOL[k]!);
      let stream = Uint8Array.from(parts.flatMap((p) => [...p]));
      if (s.start === 'inside-message' && parts.length > 0) stream = stream.subarray(Math.min(s.skip, parts[0]!.length - 1));
      if (s.start !== 'inside-message') {
        const offsets: number[] = [];
        let at = 0;
        for (const p of parts) {
          offsets.push(at);
          at += p.length;
        }
        expected.set(`${ends[0].port} ${dir}`, offsets);
      }
      const base = isn[dir]! + 1;
      const q: FedSegment[] = [];
      let off = 0;
      let k = 0;
      while (off < stream.length) {
        const end = Math.min(stream.length, off + s.cuts[k++ % s.cuts.length]!);
        q.push(seg(dir, base + off, PSH | ACK, stream.subarray(off, end)));
        off = end;
      }
      if (s.fin) q.push(seg(dir, base + stream.length, FIN | ACK));
      queues.push({ segments: q, handshake: first });
    }
  });
  // Interleave the directions, each in its order; the picks, cycled, say which goes next.
  const segments: FedSegment[] = [];
  let n = 0;
  for (;;) {
    const live = queues.filter((q) => q.segments.length > 0);
    if (live.length === 0) break;
    const q = live[sc.picks[n++ % sc.picks.length]! % live.length]!;
    segments.push(...q.handshake.splice(0), q.segments.shift()!);
  }
  // Times: non-decreasing, ties allowed.
  let ns = 0n;
  const timed = segments.map((s, i) => {
    ns += BigInt(sc.steps[i % sc.steps.length]!);
    return { ...s, sec: 1_700_000_000 + Number(ns / 1_000_000_000n), nsec: Number(ns % 1_000_000_000n) };
  });
  return { segments: timed, expected };
}

function timelineOf(sc: Scenario, segments: readonly FedSegment[]): TimelineEvent[] {
  const timeline = new CaptureTimeline('test.pcap', { ports: [42027], protocolVersion: undefined, showSecrets: false }, undefined, true, sc.maxWaiting);
  const events: TimelineEvent[] = [];
  for (const e of feedSegments(segments)) {
    timeline.handle(e);
    events.push(...timeline.take());
  }
  timeline.finish();
  events.push(...timeline.take());
  return events;
}

describe('capture order', () => {
  it('property: messages in capture order (time, then frame), each once, streams tiled in order, none lost', () => {
    expect(POOL.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { segments, expected } = build(sc);
        const events = timelineOf(sc, segments);
        const messages = events.filter((e): e is TimelineMessage => e.kind === 'message');
        for (let i = 1; i < messages.length; i++) {
          const [a, b] = [messages[i - 1]!, messages[i]!];
          const c = compareInstants(a.at!, b.at!);
          if (c > 0 || (c === 0 && a.source.frame! > b.source.frame!)) {
            throw new Error(`#${i} ${b.session} ${b.message.type} frame ${b.source.frame} after frame ${a.source.frame} (${a.session} ${a.message.type})`);
          }
        }
        // Input diagnostics too (the mid-stream notes, the bytes skipped by a search).
        const timed = events.filter((e) => e.at !== undefined);
        for (let i = 1; i < timed.length; i++) {
          if (compareInstants(timed[i - 1]!.at!, timed[i]!.at!) > 0) throw new Error(`event #${i} (${timed[i]!.kind} ${timed[i]!.source.frame}) before the one ahead of it (${timed[i - 1]!.source.frame})`);
        }
        const seen = new Set<string>();
        for (const m of messages) {
          const key = `${m.session} ${m.direction} ${m.streamOffset}`;
          expect(seen.has(key), key).toBe(false);
          seen.add(key);
        }
        expect(checkTiling(events).problems).toEqual([]);
        for (const [key, offsets] of expected) {
          const [port, dir] = key.split(' ');
          const direction = dir === '0' ? 'client-to-server' : 'server-to-client';
          const found = messages.filter((m) => m.session!.includes(`:${port}-`) && m.direction === direction).map((m) => m.streamOffset);
          expect(found, key).toEqual(offsets);
        }
      }),
      { numRuns: 400 },
    );
  });
});
