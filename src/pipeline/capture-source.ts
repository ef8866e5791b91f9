/**
 * Captures → timeline (issue 3): capture bytes → TCP events (src/capture) → CTI sessions and
 * messages (pipeline/capture/). One batch per read chunk, in capture order.
 */
import { CaptureTcpPipeline, type CapturePipelineStats } from '../capture/capture-pipeline.js';
import type { SessionSummary, SourceOptions, TimelineBatch, TimelineSource } from '../timeline/types.js';
import { CaptureTimeline } from './capture/capture-timeline.js';
import type { OpenedInput } from './open-input.js';

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

export function captureSource(input: OpenedInput, options: SourceOptions): CaptureTimelineSource {
  const timeline = new CaptureTimeline(input.name, options);
  let stats: CapturePipelineStats | undefined;
  let unreadable: string | undefined;

  async function* batches(): AsyncGenerator<TimelineBatch> {
    const pipeline = new CaptureTcpPipeline(timeline.handle);
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
      timeline.report('error', 'INPUT_READ_ERROR', `reading stopped after ${pipeline.stats.fileBytes} bytes: ${message}`);
    }
    pipeline.end();
    timeline.finish();
    stats = pipeline.stats;
    // No packet, and the file's own header (pcap file header, pcapng SHB) unreadable: the input
    // cannot be read at all (exit code 2). A readable header with damage after it is not.
    if (stats.frames === 0 && timeline.headerProblem !== undefined) unreadable = `${input.name}: ${timeline.headerProblem.message}`;
    const last = timeline.take();
    if (last.length > 0) yield last;
  }

  return {
    batches: batches(),
    ...(input.startsAt !== undefined ? { startsAt: input.startsAt } : {}),
    sessions: (): readonly SessionSummary[] => timeline.sessions(),
    unreadable: () => unreadable,
    stats: () => stats,
  };
}
