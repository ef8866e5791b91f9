/**
 * Test support for the capture → timeline layer: CTI conversations as TCP flows written into
 * pcap files, the timeline of capture bytes collected synchronously, and a checker that the
 * messages and the gap / undecodable ranges tile every stream exactly.
 */
import { CaptureTcpPipeline } from '../../src/capture/capture-pipeline.js';
import { encode, type EncodableMessage } from '../../src/protocol/codec/encode.js';
import { CaptureTimeline } from '../../src/pipeline/capture/capture-timeline.js';
import type { InputDiagnostic, SessionSummary, SourceOptions, TimelineEvent, TimelineMessage } from '../../src/timeline/types.js';
import { concatBytes, writePcap } from './capture-writer.js';
import { buildTcpFlow, flowToEthernetPackets, type FlowSegment, type FlowSpec } from './tcp-flow.js';

export interface CollectedTimeline {
  readonly events: TimelineEvent[];
  readonly messages: TimelineMessage[];
  readonly diagnostics: InputDiagnostic[];
  readonly sessions: SessionSummary[];
  /** Number of batches that were not empty. */
  readonly batches: number;
}

export const DEFAULT_OPTIONS: SourceOptions = { ports: [42027], showSecrets: false };

/** Runs capture bytes through the capture pipeline and the CTI layer, in chunks of the given sizes (cycled). */
export function collectTimeline(bytes: Uint8Array, options: Partial<SourceOptions> = {}, chunkSizes: readonly number[] = [1 << 20], file = 'test.pcap'): CollectedTimeline {
  const timeline = new CaptureTimeline(file, { ...DEFAULT_OPTIONS, ...options });
  const pipeline = new CaptureTcpPipeline(timeline.handle);
  timeline.onNotCti = (conn) => pipeline.ignore(conn); // as capture-source.ts does
  const events: TimelineEvent[] = [];
  let batches = 0;
  const take = (): void => {
    const batch = timeline.take();
    if (batch.length > 0) batches++;
    events.push(...batch);
  };
  // Every chunk goes through one buffer, overwritten once the chunk is pushed and its events
  // taken: the capture layer must keep no view of a pushed chunk (open-input.ts reads captures
  // into reused buffers, util/reused-file-chunks.ts).
  const scratch = new Uint8Array(Math.max(1, ...chunkSizes));
  let pos = 0;
  let k = 0;
  while (pos < bytes.length) {
    const size = Math.max(1, chunkSizes[k++ % chunkSizes.length]!);
    const chunk = bytes.subarray(pos, Math.min(bytes.length, pos + size));
    scratch.set(chunk);
    pipeline.push(scratch.subarray(0, chunk.length));
    pos += size;
    take();
    scratch.fill(0xa5);
  }
  pipeline.end();
  timeline.finish();
  take();
  return {
    events,
    messages: events.filter((e): e is TimelineMessage => e.kind === 'message'),
    diagnostics: events.filter((e): e is InputDiagnostic => e.kind === 'diagnostic'),
    sessions: timeline.sessions(),
    batches,
  };
}

/** The bytes of messages sent back to back. */
export function ctiBytes(messages: readonly EncodableMessage[]): Uint8Array {
  return concatBytes(...messages.map((m) => encode(m)));
}

export interface Conversation {
  readonly client: { addr: string; port: number };
  readonly server: { addr: string; port: number };
  /** Each step: who sends which messages (one write). */
  readonly steps: ReadonlyArray<{ readonly from: 'client' | 'server'; readonly messages: readonly EncodableMessage[] }>;
  readonly handshake?: boolean;
  readonly mss?: number;
  readonly isnClient?: number;
  readonly isnServer?: number;
  readonly close?: FlowSpec['close'];
}

export function conversationFlow(c: Conversation): FlowSegment[] {
  return buildTcpFlow({
    client: c.client,
    server: c.server,
    isnClient: c.isnClient ?? 1000,
    isnServer: c.isnServer ?? 5000,
    handshake: c.handshake ?? true,
    mss: c.mss ?? 1400,
    close: c.close ?? 'fin',
    chunks: c.steps.map((s) => ({ dir: s.from === 'client' ? (0 as const) : (1 as const), bytes: ctiBytes(s.messages) })),
  });
}

/**
 * One CTI connection, 10.0.0.2:50000 → 10.0.0.1:42027 (handshake, FINs), carrying `chunks`
 * (direction 0 the client's); `mss` cuts them into segments.
 */
export function ctiConnectionFlow(chunks: ReadonlyArray<{ readonly dir: 0 | 1; readonly bytes: Uint8Array }>, mss?: number): FlowSegment[] {
  return buildTcpFlow({
    client: { addr: '10.0.0.2', port: 50000 },
    server: { addr: '10.0.0.1', port: 42027 },
    isnClient: 1000,
    isnServer: 5000,
    handshake: true,
    close: 'fin',
    ...(mss !== undefined ? { mss } : {}),
    chunks: [...chunks],
  });
}

/** A classic pcap of flows (segments written in the order given, 1 ms apart). */
export function pcapOf(segments: readonly FlowSegment[], startSec = 1_700_000_000): Uint8Array {
  return writePcap(flowToEthernetPackets(segments, startSec), { linkType: 1 });
}

/** Per session and direction: the stream ranges covered by messages and by diagnostics. */
export interface Tiling {
  /** `${session} ${direction}` → end of the tiled range (or an error text). */
  readonly ends: Map<string, number>;
  readonly problems: string[];
}

/**
 * Checks that, per session and direction, messages (8 + BodyLength bytes at streamOffset)
 * and ranged diagnostics (STREAM_GAP / STREAM_UNDECODABLE with a length) tile the stream
 * from 0 without overlap or hole. Returns where each stream's tiling ends.
 */
export function checkTiling(events: readonly TimelineEvent[]): Tiling {
  const ranges = new Map<string, Array<[number, number, string]>>();
  const add = (key: string, start: number, length: number, what: string): void => {
    let list = ranges.get(key);
    if (list === undefined) ranges.set(key, (list = []));
    list.push([start, length, what]);
  };
  for (const e of events) {
    if (e.session === undefined || e.direction === undefined || e.streamOffset === undefined) continue;
    const key = `${e.session} ${e.direction}`;
    if (e.kind === 'message') add(key, e.streamOffset, e.capturedLength ?? 8 + (e.message.bodyLength ?? 0), e.message.type);
    else if ((e.code === 'STREAM_GAP' || e.code === 'STREAM_UNDECODABLE') && e.length !== undefined) add(key, e.streamOffset, e.length, e.code);
  }
  const ends = new Map<string, number>();
  const problems: string[] = [];
  for (const [key, list] of ranges) {
    let at = 0; // in emission order: each direction's events come in stream order
    for (const [start, length, what] of list) {
      if (start !== at) problems.push(`${key}: ${what} at ${start}, expected ${at}`);
      at = start + length;
    }
    ends.set(key, at);
  }
  return { ends, problems };
}
