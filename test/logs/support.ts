/** Test support for the log source: in-memory logs through `logSource`, records written by hand. */
import { encode } from '../../src/protocol/codec/encode.js';
import type { OpenedInput } from '../../src/pipeline/open-input.js';
import { logSource } from '../../src/pipeline/log-source.js';
import type { InputDiagnostic, SourceOptions, TimelineEvent, TimelineMessage } from '../../src/timeline/types.js';
import { highLevelTrace, lowLevelDump } from '../../scripts/samples/trace-text.js';
import { buildMessage } from '../fixtures/flows/chapter11.js';

export interface LogFile {
  readonly name: string;
  readonly content: string | Uint8Array;
  readonly mtime?: Date;
  /** Chunk size of the stream (default 64 KiB). */
  readonly chunk?: number;
  /** Read like a regular file (opened anew at each reading) rather than once like a pipe. */
  readonly rereadable?: boolean;
}

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, Math.min(bytes.length, i + size));
}

export function opened(file: LogFile): OpenedInput {
  const bytes = typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content;
  const size = file.chunk ?? 65536;
  const chunks: AsyncIterable<Uint8Array> = file.rereadable === true ? { [Symbol.asyncIterator]: () => chunked(bytes, size) } : chunked(bytes, size);
  return { name: file.name, kind: 'log', gzip: false, rereadable: file.rereadable === true, chunks, ...(file.mtime ? { mtime: file.mtime } : {}) };
}

export interface LogTimeline {
  readonly events: TimelineEvent[];
  readonly messages: TimelineMessage[];
  readonly diagnostics: InputDiagnostic[];
}

export async function logTimeline(files: readonly LogFile[], options: Partial<SourceOptions> = {}): Promise<LogTimeline> {
  const source = logSource(files.map(opened), { ports: [42027], showSecrets: false, year: 2015, ...options });
  const events: TimelineEvent[] = [];
  for await (const batch of source.batches) events.push(...batch);
  return {
    events,
    messages: events.filter((e): e is TimelineMessage => e.kind === 'message'),
    diagnostics: events.filter((e): e is InputDiagnostic => e.kind === 'diagnostic'),
  };
}

/** A record header: `<seq>: <Mon dd hh:mm:ss.mmm TZ> %MIVR-<facility>-7-UNK:`. */
export function header(seq: number, time: string, facility = 'ICD_CTI', tz = 'EDT'): string {
  return `${seq}: ${time} ${tz} %MIVR-${facility}-7-UNK:`;
}

/** Both traces of a message of the chapter-11 flows (fields as the fixture gives them). */
export function traces(type: string, fields: Readonly<Record<string, unknown>>, symbolic = false): { high: string; low: string } {
  const m = buildMessage(type, fields);
  return { high: `\n${highLevelTrace(type, m.fields, { symbolic })}`, low: lowLevelDump(encode(m)) };
}

/** An END_CALL_EVENT's traces (a small message told apart by its CallID). */
export function endCall(callId: number): { high: string; low: string } {
  return traces('END_CALL_EVENT', { ConnectionDeviceType: 0, CallID: callId, ConnectionDeviceID: '' });
}
