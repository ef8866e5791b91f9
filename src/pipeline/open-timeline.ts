/**
 * All inputs → one timeline: each capture is a source of its own — the files of a ring buffer
 * together one (pipeline/ring-set.ts) —, the logs of each directory one rotated set (a server's;
 * directories holding the same server's logs one set: log/server-sets.ts); the sources are
 * merged by time.
 */
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import type { SessionSummary, SourceOptions, TimelineBatch, TimelineSource } from '../timeline/types.js';
import { mergeTimelines } from './merge.js';
import { expandInputPaths } from './input-paths.js';
import { openInput, type OpenedInput } from './open-input.js';
import { groupRingSets } from './ring-set.js';
import type { CaptureFilesSource } from './capture-source.js';

export interface OpenTimeline {
  readonly inputs: readonly OpenedInput[];
  readonly batches: AsyncIterable<TimelineBatch>;
  /** Every session of every capture; complete once `batches` is exhausted. */
  sessions(): SessionSummary[];
  /** Once `batches` is exhausted: the inputs that turned out unreadable (no packet, damaged file), with why. */
  unreadable(): string[];
  /** Files found in a directory that are neither a capture nor a log, and files reached a second time, with why (not an error). */
  readonly skipped: readonly string[];
}

/** An input that cannot be read at all (exit code 2). */
export class UnreadableInputError extends Error {
  override readonly name = 'UnreadableInputError';
}

export async function openTimeline(specs: readonly string[], options: SourceOptions, stdin: Readable): Promise<OpenTimeline> {
  if (specs.filter((s) => s === '-').length > 1) throw new UnreadableInputError('stdin (-) can be given only once');
  const inputs: OpenedInput[] = [];
  const skipped: string[] = [];
  // A path that does not exist or cannot be listed: its system error (ENOENT…) reaches the caller.
  for (const { path, fromDirectory, sameAs } of await expandInputPaths(specs)) {
    if (sameAs !== undefined) {
      skipped.push(`${path}: the same file as ${sameAs}, read once`);
      continue;
    }
    const input = await openInput(path, stdin);
    const why = `${path}: ${input.reason ?? 'not a capture nor a MIVR log'}`;
    if (input.kind === 'unknown' && fromDirectory) skipped.push(why);
    else if (input.kind === 'unknown') throw new UnreadableInputError(why);
    else inputs.push(input);
  }
  if (inputs.length === 0 && skipped.length > 0) throw new UnreadableInputError(`no capture or MIVR log among the inputs (${skipped.join('; ')})`);
  // Only empty directories: nothing to read is no clean result (a CI job given the wrong path).
  if (inputs.length === 0) throw new UnreadableInputError(`no file to read in ${specs.join(', ')}`);
  // The capture and the log pipelines are loaded only for inputs of their kind.
  const captureInputs = inputs.filter((i) => i.kind === 'capture');
  const captures = captureInputs.length > 0 ? await captureSources(captureInputs, options) : [];
  const sources: TimelineSource[] = [...captures];
  const logs = inputs.filter((i) => i.kind === 'log');
  if (logs.length > 0) {
    const { logSources } = await import('./log-source.js');
    sources.push(...(await logSources(logSets(logs), options)));
  }
  return {
    inputs,
    skipped,
    batches: mergeTimelines(sources),
    sessions: () => sources.flatMap((s) => s.sessions()),
    unreadable: () => captures.flatMap((c) => c.unreadable()),
  };
}

/** A source per capture, one per ring set (its files read as one capture), in the order given. */
async function captureSources(inputs: readonly OpenedInput[], options: SourceOptions): Promise<CaptureFilesSource[]> {
  const { captureFilesSourceOf } = await import('./capture-source.js');
  const { SessionIds } = await import('./capture/session-ids.js');
  // Two captures of the same traffic (two capture points) keep their sessions apart.
  const sessionIds = new SessionIds();
  return groupRingSets(inputs, (i) => i.name).map((group) => captureFilesSourceOf(group, options, sessionIds));
}

/**
 * The logs' rotated sets: the logs of one directory are one server's set (read as one stream,
 * in the order of their records); logs of other directories — another server's, as collected
 * per node — and stdin are sets of their own, merged with the others by time like captures.
 * In the order first given.
 */
export function logSets<T extends { readonly name: string }>(logs: readonly T[]): T[][] {
  const sets = new Map<string, T[]>();
  for (const log of logs) {
    const key = log.name === '-' ? '\0stdin' : dirname(log.name);
    const set = sets.get(key);
    if (set === undefined) sets.set(key, [log]);
    else set.push(log);
  }
  return [...sets.values()];
}
