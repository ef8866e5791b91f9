/**
 * Opens one input (a path or `-` for stdin) and tells what it is from its first bytes —
 * never from its name: a capture (pcap, pcapng), a MIVR log, either possibly gzip-compressed.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { gunzipChunks } from '../util/gunzip.js';
import { detectCaptureFormat } from '../capture/capture-format.js';
import { looksLikeMivrLog } from '../mivr/detect.js';

export type InputKind = 'capture' | 'log' | 'unknown';

export interface OpenedInput {
  /** The name users know it by: the path as given, or `-` (stdin). */
  readonly name: string;
  readonly kind: InputKind;
  readonly gzip: boolean;
  /** Why it is `unknown` (empty, unrecognised…). */
  readonly reason?: string;
  /** The content (decompressed), first bytes included: read it once. */
  readonly chunks: AsyncIterable<Uint8Array>;
  /** The file's modification time (logs take their year from it), if a file. */
  readonly mtime?: Date;
}

const HEAD_BYTES = 64 * 1024;

async function* fromIterator(head: readonly Uint8Array[], rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  for (const chunk of head) yield chunk;
  for (;;) {
    const r = await rest.next();
    if (r.done) return;
    yield r.value;
  }
}

/** Reads up to `limit` bytes from the iterator, keeping the chunks for later; a failure is thrown. */
async function peek(it: AsyncIterator<Uint8Array>, limit: number): Promise<Uint8Array[]> {
  const { head, error } = await peekUntilError(it, limit);
  if (error !== undefined) throw error;
  return head;
}

/** As peek, but a failing stream gives what came before the failure, and the failure. */
async function peekUntilError(it: AsyncIterator<Uint8Array>, limit: number): Promise<{ head: Uint8Array[]; error?: Error }> {
  const head: Uint8Array[] = [];
  let n = 0;
  try {
    while (n < limit) {
      const r = await it.next();
      if (r.done) break;
      head.push(r.value);
      n += r.value.length;
    }
  } catch (err) {
    return { head, error: err instanceof Error ? err : new Error(String(err)) };
  }
  return { head };
}

/** The chunks read, then the failure that ended them. */
async function* thenFail(head: readonly Uint8Array[], error: Error): AsyncGenerator<Uint8Array> {
  for (const chunk of head) yield chunk;
  throw error;
}

function concat(chunks: readonly Uint8Array[], limit: number): Uint8Array {
  const total = Math.min(limit, chunks.reduce((n, c) => n + c.length, 0));
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    if (o >= total) break;
    const part = c.subarray(0, total - o);
    out.set(part, o);
    o += part.length;
  }
  return out;
}

export async function openInput(spec: string, stdin: Readable): Promise<OpenedInput> {
  const fromStdin = spec === '-';
  let mtime: Date | undefined;
  if (!fromStdin) {
    const info = await stat(spec); // ENOENT etc. reach the caller: an input that cannot be read at all
    if (info.isDirectory()) throw Object.assign(new Error(`${spec} is a directory`), { code: 'EISDIR' });
    mtime = info.mtime;
  }
  const raw: AsyncIterable<Uint8Array> = fromStdin ? stdin : createReadStream(spec, { highWaterMark: 1 << 20 });
  const rawIt = raw[Symbol.asyncIterator]();
  const rawHead = await peek(rawIt, 2);
  const first = concat(rawHead, 2);
  const gzip = first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b;
  const content = gzip ? gunzipChunks(fromIterator(rawHead, rawIt)) : fromIterator(rawHead, rawIt);
  const it = content[Symbol.asyncIterator]();
  // Damaged gzip data in the first bytes: what came before the damage is read all the same,
  // and the damage is reported where the reading stops (only an input with no byte before it
  // cannot be read at all).
  const { head, error } = await peekUntilError(it, HEAD_BYTES);
  if (error !== undefined && head.length === 0) {
    return { name: spec, kind: 'unknown', gzip, reason: error.message, chunks: fromIterator([], it), ...(mtime ? { mtime } : {}) };
  }
  const bytes = concat(head, HEAD_BYTES);
  const chunks = error === undefined ? fromIterator(head, it) : thenFail(head, error);
  const base = { name: spec, gzip, chunks, ...(mtime ? { mtime } : {}) };
  if (bytes.length === 0) return { ...base, kind: 'unknown', reason: 'empty input' };
  if (detectCaptureFormat(bytes).format !== 'unknown') return { ...base, kind: 'capture' };
  if (looksLikeMivrLog(bytes)) return { ...base, kind: 'log' };
  return { ...base, kind: 'unknown', reason: 'neither a pcap/pcapng capture nor a MIVR log' };
}
