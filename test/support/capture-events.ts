/**
 * Test support: running capture bytes through the pipeline and collecting what comes out,
 * plus a checker of the event-stream invariants (open first, close last, data+gaps tiling
 * each direction from offset 0).
 */
import { CaptureTcpPipeline, type CapturePipelineOptions, type CapturePipelineStats } from '../../src/capture/capture-pipeline.js';
import type { CaptureDiagnostic } from '../../src/capture/diagnostics.js';
import type { CaptureEvent, TcpCloseReason, TcpConnectionInfo, TcpGapEvent } from '../../src/capture/tcp-events.js';

export interface CollectedDirection {
  /** Delivered bytes concatenated; gap bytes are NOT included. */
  data: number[];
  gaps: Array<{ streamOffset: number; length: number; cause: TcpGapEvent['cause'] }>;
  /** Next expected offset (sum of data and gaps). */
  end: number;
}

export interface CollectedConnection {
  readonly info: TcpConnectionInfo;
  readonly dirs: [CollectedDirection, CollectedDirection];
  closeReason: TcpCloseReason | null;
}

export interface Collected {
  readonly events: CaptureEvent[];
  readonly diagnostics: CaptureDiagnostic[];
  readonly connections: CollectedConnection[];
  readonly stats: CapturePipelineStats;
  /** Invariant violations found (empty when all is well). */
  readonly violations: string[];
}

/** An event kept beyond its callback: a data event's bytes are only valid during it. */
const kept = (e: CaptureEvent): CaptureEvent => (e.kind === 'data' ? { ...e, bytes: e.bytes.slice() } : e);

/**
 * Pushes `bytes` in chunks of the given sizes (cycled), each through one buffer overwritten
 * once it is pushed: the pipeline must keep no view of a pushed chunk (open-input.ts reads
 * captures into reused buffers, util/reused-file-chunks.ts).
 */
function pushChunks(pipeline: CaptureTcpPipeline, bytes: Uint8Array, chunkSizes: readonly number[], k: number): number {
  const scratch = new Uint8Array(Math.max(1, ...chunkSizes));
  for (let pos = 0; pos < bytes.length; ) {
    const size = Math.max(1, chunkSizes[k++ % chunkSizes.length]!);
    const chunk = bytes.subarray(pos, Math.min(bytes.length, pos + size));
    scratch.set(chunk);
    pipeline.push(scratch.subarray(0, chunk.length));
    scratch.fill(0xa5);
    pos += size;
  }
  return k;
}

/** Splits `bytes` into chunks of the given sizes (cycled), then runs the pipeline. */
export function collectCapture(bytes: Uint8Array, options: CapturePipelineOptions = {}, chunkSizes: readonly number[] = [1 << 20]): Collected {
  const events: CaptureEvent[] = [];
  const pipeline = new CaptureTcpPipeline((e) => events.push(kept(e)), options);
  pushChunks(pipeline, bytes, chunkSizes, 0);
  pipeline.end();
  return summarise(events, pipeline.stats);
}

/** The files of one capture (a ring buffer) through one pipeline, `nextFile()` between them; each file in chunks of the given sizes. */
export function collectCaptureFiles(files: readonly Uint8Array[], options: CapturePipelineOptions = {}, chunkSizes: readonly number[] = [1 << 20]): Collected {
  const events: CaptureEvent[] = [];
  const pipeline = new CaptureTcpPipeline((e) => events.push(kept(e)), options);
  let k = 0;
  files.forEach((bytes, i) => {
    if (i > 0) pipeline.nextFile();
    k = pushChunks(pipeline, bytes, chunkSizes, k);
  });
  pipeline.end();
  return summarise(events, pipeline.stats);
}

export function summarise(events: CaptureEvent[], stats: CapturePipelineStats): Collected {
  return { ...summariseEvents(events), stats };
}

/** Collects and checks a bare event list (e.g. straight from a TcpReassembler). */
export function summariseEvents(events: CaptureEvent[]): Omit<Collected, 'stats'> {
  const diagnostics: CaptureDiagnostic[] = [];
  const byId = new Map<number, CollectedConnection>();
  const violations: string[] = [];
  for (const e of events) {
    if (e.kind === 'diagnostic') {
      diagnostics.push(e.diagnostic);
      continue;
    }
    if (e.kind === 'open') {
      if (byId.has(e.conn.id)) violations.push(`connection ${e.conn.id} opened twice`);
      byId.set(e.conn.id, {
        info: e.conn,
        dirs: [
          { data: [], gaps: [], end: 0 },
          { data: [], gaps: [], end: 0 },
        ],
        closeReason: null,
      });
      continue;
    }
    const c = byId.get(e.conn.id);
    if (c === undefined) {
      violations.push(`${e.kind} before open of connection ${e.conn.id}`);
      continue;
    }
    if (c.info !== e.conn) violations.push(`connection ${e.conn.id}: conn object not identical`);
    if (c.closeReason !== null) violations.push(`${e.kind} after close of connection ${e.conn.id}`);
    if (e.kind === 'close') {
      c.closeReason = e.reason;
    } else if (e.kind === 'data') {
      const d = c.dirs[e.dir];
      if (e.streamOffset !== d.end) violations.push(`conn ${e.conn.id} dir ${e.dir}: data at ${e.streamOffset}, expected ${d.end}`);
      if (e.bytes.length === 0) violations.push(`conn ${e.conn.id} dir ${e.dir}: empty data event`);
      for (const b of e.bytes) d.data.push(b);
      d.end = e.streamOffset + e.bytes.length;
    } else {
      const d = c.dirs[e.dir];
      if (e.streamOffset !== d.end) violations.push(`conn ${e.conn.id} dir ${e.dir}: gap at ${e.streamOffset}, expected ${d.end}`);
      if (e.length <= 0) violations.push(`conn ${e.conn.id} dir ${e.dir}: gap of ${e.length}`);
      d.gaps.push({ streamOffset: e.streamOffset, length: e.length, cause: e.cause });
      d.end = e.streamOffset + e.length;
    }
  }
  for (const c of byId.values()) if (c.closeReason === null) violations.push(`connection ${c.info.id} never closed`);
  const connections = [...byId.values()].sort((a, b) => a.info.id - b.info.id);
  return { events, diagnostics, connections, violations };
}

export function codes(diagnostics: readonly CaptureDiagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}
