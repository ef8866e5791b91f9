/** Opens the inputs of `decode` and `check` as one timeline, reporting what cannot be read. */
import { openTimeline, UnreadableInputError, type OpenTimeline } from '../pipeline/open-timeline.js';
import type { SourceOptions } from '../timeline/types.js';
import { statSync } from 'node:fs';
import { UsageError, type CliIo } from './io.js';
import { escapeForTerminal } from '../render/escape.js';
import { fileIdentity } from '../util/file-identity.js';

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

/**
 * `-o FILE` naming one of the inputs is a usage error: `decode` truncated the capture before
 * reading it (exit 2, the capture lost), `check` replaced it with its report. Compared as files
 * (device and inode), so another spelling of the path or a link to it is caught too.
 */
export function refuseOutputOverInput(output: string | undefined, inputNames: readonly string[]): void {
  if (output === undefined || output === '-') return;
  const target = statSync(output, { bigint: true, throwIfNoEntry: false });
  const id = target !== undefined && target.isFile() ? fileIdentity(target) : undefined;
  if (id === undefined) return;
  for (const name of inputNames) {
    if (name === '-') continue;
    const input = statSync(name, { bigint: true, throwIfNoEntry: false });
    if (input !== undefined && fileIdentity(input) === id) {
      throw new UsageError(`-o ${escapeForTerminal(output)} is the input ${escapeForTerminal(name)}: writing there would destroy it`);
    }
  }
}
