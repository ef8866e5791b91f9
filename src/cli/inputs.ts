/** Opens the inputs of `decode` and `check` as one timeline, reporting what cannot be read. */
import { openTimeline, UnreadableInputError, type OpenTimeline } from '../pipeline/open-timeline.js';
import type { SourceOptions } from '../timeline/types.js';
import type { CliIo } from './io.js';
import { escapeForTerminal } from '../render/escape.js';

/** The timeline, or the exit code (2) when an input cannot be read at all; skipped files are noted on stderr. */
export async function openCommandTimeline(inputs: readonly string[], source: SourceOptions, io: CliIo): Promise<OpenTimeline | 2> {
  let timeline: OpenTimeline;
  try {
    timeline = await openTimeline(inputs, source, io.stdin);
  } catch (err) {
    if (err instanceof UnreadableInputError) {
      io.stderr.write(`ccxcti: ${escapeForTerminal(err.message)}\n`);
      return 2;
    }
    throw err;
  }
  for (const why of timeline.skipped) io.stderr.write(`ccxcti: skipped ${escapeForTerminal(why)}\n`);
  return timeline;
}
