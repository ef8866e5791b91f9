/**
 * Memory bounds of the pipeline, at their exact values (fifth round of docs/test-gaps.md).
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeTimeline } from '../../src/pipeline/timeline-writer.js';
import { CaptureTimeline, MAX_WAITING_EVENTS } from '../../src/pipeline/capture/capture-timeline.js';
import { know, knownString, knownStringCount } from '../../src/pipeline/json-bytes.js';
import { OutputSink } from '../../src/pipeline/output-sink.js';
import { keyCacheSizes, keyRoot, successor } from '../../src/pipeline/json-keys.js';
import { LevelPairer } from '../../src/pipeline/log/level-pairing.js';
import type { InputDiagnostic, TimelineBatch, TimelineEvent } from '../../src/timeline/types.js';
import { encode } from '../../src/protocol/codec/encode.js';
import { msAt, traceCandidate } from '../logs/candidates.js';
import { ACK, PSH, SYN } from '../support/capture-writer.js';
import { feedSegments, type FedSegment } from '../support/segment-feed.js';

/** Collects what is written. */
class Collector extends Writable {
  readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer, _e: BufferEncoding, cb: () => void): void {
    this.chunks.push(Buffer.from(chunk));
    cb();
  }
}

describe('the JSON document keeps 10,000 input diagnostics (timeline-writer.ts MAX_KEPT_DIAGNOSTICS)', () => {
  async function document(n: number): Promise<{ diagnostics: Array<{ message: string }>; diagnosticsOmitted?: number }> {
    async function* batches(): AsyncGenerator<TimelineBatch> {
      const batch: InputDiagnostic[] = [];
      for (let i = 0; i < n; i++) batch.push({ kind: 'diagnostic', severity: 'warning', code: 'STREAM_GAP', message: `gap ${i}`, source: { file: 'capture.pcap', frame: i + 1 } });
      yield batch;
    }
    const out = new Collector();
    const r = await writeTimeline(batches(), () => [], 'json', out, new Writable({ write: (_c, _e, cb) => cb() }));
    expect(r.inputDiagnostics).toBe(n);
    return JSON.parse(Buffer.concat(out.chunks).toString('utf8')) as { diagnostics: Array<{ message: string }>; diagnosticsOmitted?: number };
  }

  it('10,000 are all written; of 10,001 the first 10,000 are, and one is counted as omitted', async () => {
    const all = await document(10_000);
    expect([all.diagnostics.length, all.diagnosticsOmitted]).toEqual([10_000, undefined]);
    const more = await document(10_001);
    expect([more.diagnostics.length, more.diagnosticsOmitted, more.diagnostics.at(-1)!.message]).toEqual([10_000, 1, 'gap 9999']);
  });
});

describe('events queued behind a trace waiting for its twin: 4096 (level-pairing.ts MAX_QUEUED)', () => {
  /** A high-level trace, `k` diagnostics, its dump: whether they were paired. */
  function paired(k: number): number {
    const p = new LevelPairer(undefined);
    const out: TimelineEvent[] = [];
    let line = 0;
    p.push(traceCandidate('high', { CallID: 1 }, msAt(0), { type: 'END_CALL_EVENT', line: ++line }), out);
    for (let i = 0; i < k; i++) p.push({ kind: 'diagnostic', severity: 'warning', code: 'MIVR-NOT-A-HEADER', message: 'stray line', at: msAt(0), source: { file: 'MIVR01.log', line: ++line } }, out);
    p.push(traceCandidate('low', { CallID: 1 }, msAt(0), { type: 'END_CALL_EVENT', line: ++line }), out);
    p.flush(out);
    expect(out).toHaveLength(k + 2 - p.stats.paired);
    return p.stats.paired;
  }

  it('a trace with 4095 events behind it still waits for its twin; with 4096 it is a message of its own', () => {
    expect([paired(4095), paired(4096)]).toEqual([1, 0]);
  });

  it('events released are dropped from the queue as it goes', () => {
    const p = new LevelPairer(undefined);
    const out: TimelineEvent[] = [];
    for (let i = 0; i < 100_000; i++) p.push({ kind: 'diagnostic', severity: 'warning', code: 'MIVR-NOT-A-HEADER', message: 'stray line', source: { file: 'MIVR01.log', line: i + 1 } }, out);
    expect(out).toHaveLength(100_000);
    expect(p.held).toBeLessThanOrEqual(2048);
  });
});

describe('events waiting behind an undecided session: 2,000 (capture-timeline.ts MAX_WAITING_EVENTS)', () => {
  const heartbeat = encode({ type: 'HEARTBEAT_REQ', fields: { InvokeID: 1 } });
  const segment = (src: Endpoint, dst: Endpoint, seq: number, flags: number, payload: Uint8Array = new Uint8Array(0)): FedSegment => ({
    src: src.addr,
    dst: dst.addr,
    tcp: { srcPort: src.port, dstPort: dst.port, seq, ack: 0, flags, payload },
  });
  interface Endpoint {
    readonly addr: string;
    readonly port: number;
  }
  /**
   * A connection on no CTI port whose client sends one clean message (undecided: it takes two),
   * then a CTI session's `n` messages, then bytes that are not CTI on the first connection:
   * the sessions of the timeline.
   */
  function sessionsAfter(n: number): string[] {
    const [a, b] = [{ addr: '10.1.1.1', port: 5000 }, { addr: '10.1.1.2', port: 6000 }];
    const [c, s] = [{ addr: '10.1.1.3', port: 40001 }, { addr: '10.1.1.2', port: 42027 }];
    const segments: FedSegment[] = [segment(a, b, 100, SYN), segment(b, a, 200, SYN | ACK), segment(a, b, 101, PSH | ACK, heartbeat)];
    segments.push(segment(c, s, 300, SYN), segment(s, c, 400, SYN | ACK));
    for (let i = 0; i < n; i++) segments.push(segment(c, s, 301 + i * heartbeat.length, PSH | ACK, heartbeat));
    segments.push(segment(a, b, 101 + heartbeat.length, PSH | ACK, new Uint8Array(64).fill(0xee)));
    const events = feedSegments(segments);
    const timeline = new CaptureTimeline('test.pcap', { ports: [42027], protocolVersion: undefined, showSecrets: false });
    for (const e of events) timeline.handle(e);
    timeline.finish();
    return timeline.sessions().map((x) => `${x.client.port}-${x.server.port}`);
  }

  it('with 1,999 messages behind it (2,000 events waiting) the session still waits, and is dropped as not CTI; one more and it is made to decide (CTI)', () => {
    expect(MAX_WAITING_EVENTS).toBe(2_000);
    expect(sessionsAfter(MAX_WAITING_EVENTS - 1)).toEqual(['40001-42027']);
    expect(sessionsAfter(MAX_WAITING_EVENTS)).toEqual(['5000-6000', '40001-42027']);
  });
});

describe('the JSON writer\'s caches (json-keys.ts MAX_ENCODED_KEYS, MAX_KEY_NODES; json-bytes.ts MAX_KNOWN_STRINGS)', () => {
  it('at most 20,000 encoded keys and 100,000 key nodes are remembered, however many keys come', () => {
    let prev = keyRoot();
    for (let i = 0; i < 120_000; i++) prev = successor(i % 1000 === 0 ? keyRoot() : prev, `key${i}`);
    expect(keyCacheSizes()).toEqual({ encodedKeys: 20_000, keyNodes: 100_000 });
  });

  it('the cache of strings that come back starts over once it holds 4096', () => {
    const start = knownStringCount();
    for (let i = start; i < 4096; i++) know(`string ${i}`);
    expect(knownStringCount()).toBe(4096);
    know('one more');
    expect(knownStringCount()).toBe(1);
    expect(knownString('one more')).toBeDefined();
  });
});

describe('output buffers kept for reuse: 4 (output-sink.ts MAX_SPARE_BUFFERS)', () => {
  it('of 10 buffers whose writes complete together, 4 are reused', () => {
    // A stream that lets go of its chunks (as stdout to a file does), whose writes complete when told.
    class SyncWriteStream extends Writable {
      readonly seen: ArrayBufferLike[] = [];
      held: Array<() => void> = [];
      override _write(chunk: Buffer, _e: BufferEncoding, cb: () => void): void {
        this.seen.push(chunk.buffer);
        this.held.push(cb);
      }
      release(): void {
        while (this.held.length > 0) this.held.shift()!();
      }
    }
    const out = new SyncWriteStream({ highWaterMark: 1 << 30 });
    const sink = new OutputSink(out);
    // Ten buffers' worth of lines (a buffer holds 256 KiB).
    const line = 'x'.repeat(1023);
    const tenBuffers = (): void => {
      for (let i = 0; i < 10 * 256; i++) sink.line(line);
    };
    tenBuffers();
    out.release();
    const first = new Set(out.seen);
    expect(first.size).toBe(10);
    out.seen.length = 0;
    tenBuffers();
    out.release();
    expect(out.seen.filter((b) => first.has(b))).toHaveLength(4);
  });
});
