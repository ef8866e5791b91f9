/**
 * Captures → timeline (issue 3): capture bytes → TCP events (src/capture) → CTI sessions and
 * messages (pipeline/capture/). One batch per read chunk, in capture order.
 *
 * The files of a ring buffer (pipeline/ring-set.ts) are one source read through one capture
 * pipeline: a TCP connection that runs on from one file into the next is one session. Each
 * file keeps its own header, diagnostics, offsets and frame numbers; the files are opened one
 * after the other, when the one before ends.
 */
import { CaptureTcpPipeline, type CapturePipelineStats } from '../capture/capture-pipeline.js';
import type { SessionSummary, SourceOptions, TimelineBatch, TimelineSource } from '../timeline/types.js';
import { CaptureTimeline } from './capture/capture-timeline.js';
import type { SessionIds } from './capture/session-ids.js';
import type { OpenedInput } from './open-input.js';
import { describeMissing, describeRingSet, type InputGroup, type RingSet } from './ring-set.js';

/** Capture bytes pushed at a time (a read chunk is cut into such pieces): one batch each. */
const PUSH_BYTES = 64 * 1024;

export interface CaptureTimelineSource extends TimelineSource {
  /**
   * Once `batches` is exhausted: why the input could not be read at all (no packet, and the
   * file's own header is damaged), else undefined.
   */
  unreadable(): string | undefined;
  /** Once `batches` is exhausted: the capture layer's statistics. */
  stats(): CapturePipelineStats | undefined;
}

/** The files of one capture read as one (a ring buffer), or a single file. */
export interface CaptureFilesSource extends TimelineSource {
  /** Once `batches` is exhausted: the files that could not be read at all (no packet, and the file's own header damaged), with why. */
  unreadable(): readonly string[];
  /** The capture layer's statistics after each file read (file format, bytes and frames are the file's own). */
  stats(): readonly CapturePipelineStats[];
}

export function captureSource(input: OpenedInput, options: SourceOptions): CaptureTimelineSource {
  const source = captureFilesSource([input], options);
  return {
    batches: source.batches,
    ...(source.startsAt !== undefined ? { startsAt: source.startsAt } : {}),
    sessions: () => source.sessions(),
    unreadable: () => source.unreadable()[0],
    stats: () => source.stats()[0],
  };
}

/** The files of a ring buffer as one capture (said as info diagnostics, with the numbers missing). */
export function ringSetSource(set: RingSet<OpenedInput>, options: SourceOptions, sessionIds?: SessionIds): CaptureFilesSource {
  return captureFilesSource(set.files, options, set, sessionIds);
}

/** A ring set's source, or a single capture's. */
export function captureFilesSourceOf(group: InputGroup<OpenedInput>, options: SourceOptions, sessionIds?: SessionIds): CaptureFilesSource {
  return group.kind === 'ring' ? ringSetSource(group, options, sessionIds) : captureFilesSource([group.input], options, undefined, sessionIds);
}

/** `sessionIds`: shared by the run's captures (see SessionIds); the source's own by default. */
function captureFilesSource(files: readonly OpenedInput[], options: SourceOptions, ring?: RingSet<OpenedInput>, sessionIds?: SessionIds): CaptureFilesSource {
  const first = files[0]!;
  const timeline = new CaptureTimeline(first.name, options, sessionIds, !first.gzip);
  const stats: CapturePipelineStats[] = [];
  const unreadable: string[] = [];

  async function* batches(): AsyncGenerator<TimelineBatch> {
    const pipeline = new CaptureTcpPipeline(timeline.handle, { ipFragments: { describeFrame: timeline.describeFrame } });
    // Connections found not to be CTI cost no more memory for their bytes (nor push the CTI
    // sessions' recent bytes out of the shared delivered-bytes log).
    timeline.onNotCti = (conn) => pipeline.ignore(conn);
    if (ring !== undefined) timeline.report('info', 'CAPTURE_RING_SET', describeRingSet(files.length, first.name, files[files.length - 1]!.name), first.name, first.startsAt);
    for (let k = 0; k < files.length; k++) {
      const input = files[k]!;
      if (k > 0) timeline.nextFile(input.name, pipeline.nextFile(), !input.gzip);
      const missing = ring?.missing.find((m) => m.before === k);
      if (missing !== undefined) timeline.report('info', 'CAPTURE_RING_FILE_MISSING', describeMissing(missing, files[k - 1]!.name, input.name), input.name, input.startsAt);
      try {
        for await (const chunk of input.chunks) {
          // Small batches: their messages are written out (and die) before the next garbage
          // collection of the young generation, instead of surviving it and filling the old one.
          for (let at = 0; at < chunk.length; at += PUSH_BYTES) {
            pipeline.push(at === 0 && chunk.length <= PUSH_BYTES ? chunk : chunk.subarray(at, at + PUSH_BYTES));
            const batch = timeline.take();
            if (batch.length > 0) yield batch;
          }
        }
      } catch (err) {
        // A read error (or damaged gzip data) mid-way: what was read is decoded, the rest is reported.
        const message = err instanceof Error ? err.message : String(err);
        timeline.report('error', 'INPUT_READ_ERROR', `reading stopped after ${pipeline.stats.fileBytes} bytes: ${message}`, input.name);
      }
      pipeline.endFile();
      const fileStats = pipeline.stats;
      stats.push(fileStats);
      // No packet, and the file's own header (pcap file header, pcapng SHB) unreadable: the file
      // cannot be read at all (exit code 2). A readable header with damage after it is not.
      const headerProblem = timeline.headerProblem(k);
      if (fileStats.frames === 0 && headerProblem !== undefined) unreadable.push(`${input.name}: ${headerProblem.message}`);
    }
    // The connections still open close one at a time, each one's messages written out before
    // the next: what they held is not all decoded at once.
    for (const _ of pipeline.endSteps()) {
      const batch = timeline.take();
      if (batch.length > 0) yield batch;
    }
    timeline.finish();
    stats[stats.length - 1] = pipeline.stats; // the last file's, with the connections' ends
    const last = timeline.take();
    if (last.length > 0) yield last;
  }

  return {
    batches: batches(),
    ...(first.startsAt !== undefined ? { startsAt: first.startsAt } : {}),
    sessions: (): readonly SessionSummary[] => timeline.sessions(),
    unreadable: () => unreadable,
    stats: () => stats,
  };
}
