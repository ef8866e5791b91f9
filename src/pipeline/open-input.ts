/**
 * Opens one input (a path or `-` for stdin) and tells what it is from its first bytes —
 * never from its name: a capture (pcap, pcapng), a MIVR log, either possibly gzip-compressed.
 *
 * A regular file is only looked at here: its head is read and the file closed again, and its
 * content is opened anew when it is read. So a directory of a thousand rotated logs holds no
 * file open and no byte buffered until each one's turn comes (memory and file descriptors
 * stay flat in the number of inputs). Stdin, pipes and devices cannot be read twice: they
 * stay open and their head is replayed.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { gunzipChunks } from '../util/gunzip.js';
import { reusedFileChunks } from '../util/reused-file-chunks.js';
import { detectCaptureFormat } from '../capture/capture-format.js';
import { firstFrameTime } from '../capture/first-frame-time.js';
import type { Instant } from '../timeline/instant.js';
import { grepPrefixOf, looksLikeMivrLog } from '../mivr/detect.js';

export type InputKind = 'capture' | 'log' | 'unknown';

export interface OpenedInput {
  /** The name users know it by: the path as given, or `-` (stdin). */
  readonly name: string;
  readonly kind: InputKind;
  readonly gzip: boolean;
  /** Why it is `unknown` (empty, unrecognised…). */
  readonly reason?: string;
  /**
   * The content (decompressed), first bytes included. A regular file is opened anew each
   * time it is iterated, and closed when the iteration ends or stops early; stdin, a pipe or
   * a device can be iterated once.
   */
  readonly chunks: AsyncIterable<Uint8Array>;
  /** Whether `chunks` can be iterated more than once (a regular file). */
  readonly rereadable: boolean;
  /** The file's modification time (logs take their year from it), if a file. */
  readonly mtime?: Date;
  /** A capture: the time of its first packet, when its head holds one (a merge opens it then). */
  readonly startsAt?: Instant;
}

/** Bytes looked at to tell what an input is. */
const HEAD_BYTES = 64 * 1024;
/** Read size once an input is read for good. */
const READ_BYTES = 1 << 20;

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

/**
 * As peek, but a failing stream gives what came before the failure, and the failure; and it
 * stops early once `enough` says the bytes so far suffice.
 */
async function peekUntilError(
  it: AsyncIterator<Uint8Array>,
  limit: number,
  enough?: (head: readonly Uint8Array[], bytes: number) => boolean,
): Promise<{ head: Uint8Array[]; error?: Error; ended?: true }> {
  const head: Uint8Array[] = [];
  let n = 0;
  try {
    while (n < limit) {
      const r = await it.next();
      if (r.done) return { head, ended: true };
      head.push(r.value);
      n += r.value.length;
      if (enough?.(head, n) === true) break;
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

/** What the head of a stream tells, and the stream itself (its head kept for replay). */
interface Probed {
  readonly kind: InputKind;
  readonly gzip: boolean;
  readonly reason?: string;
  /** The content from its first byte: the head replayed, then the rest of the stream. */
  readonly chunks: AsyncIterable<Uint8Array>;
  readonly startsAt?: Instant;
  /** Stops the decompression of a stream that will not be read further. */
  stop(): Promise<void>;
}

/**
 * Whether the bytes so far already say what the input is: a capture's magic number or a MIVR
 * record header. What a head says then, a longer head says too (the magic is at the start; a
 * header line stays one), so a stream is told as soon as its first record is in — a live pipe
 * (`tcpdump -U -w - | ccxcti decode -`) is decoded as it comes instead of after 64 KiB.
 */
function told(head: readonly Uint8Array[], bytes: number): boolean {
  // Looked at again only when the last chunk can change the answer — the magic is in the first
  // 12 bytes, a header line is told once it ends — so a pipe trickling in small pieces is not
  // re-read whole at each piece.
  const last = head[head.length - 1]!;
  const magicIn = bytes - last.length < 12;
  if (!magicIn && last.indexOf(10) < 0) return false;
  const sofar = concat(head, bytes);
  return (magicIn && detectCaptureFormat(sofar).format !== 'unknown') || looksLikeMivrLog(sofar);
}

/** `early`: stop reading the head as soon as it tells the kind (streams; see `told`). */
async function probe(raw: AsyncIterable<Uint8Array>, early = false): Promise<Probed> {
  const rawIt = raw[Symbol.asyncIterator]();
  const rawHead = await peek(rawIt, 2);
  const first = concat(rawHead, 2);
  const gzip = first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b;
  const content = gzip ? gunzipChunks(fromIterator(rawHead, rawIt)) : fromIterator(rawHead, rawIt);
  const it = content[Symbol.asyncIterator]();
  const stop = async (): Promise<void> => {
    await it.return?.(undefined);
  };
  // Damaged gzip data in the first bytes: what came before the damage is read all the same,
  // and the damage is reported where the reading stops (only an input with no byte before it
  // cannot be read at all).
  const { head, error, ended } = await peekUntilError(it, HEAD_BYTES, early ? told : undefined);
  if (error !== undefined && head.length === 0) return { kind: 'unknown', gzip, reason: error.message, chunks: fromIterator([], it), stop };
  const bytes = concat(head, HEAD_BYTES);
  const chunks = error === undefined ? fromIterator(head, it) : thenFail(head, error);
  if (bytes.length === 0) return { kind: 'unknown', gzip, reason: 'empty input', chunks, stop };
  if (detectCaptureFormat(bytes).format !== 'unknown') {
    const startsAt = firstFrameTime(bytes, ended === true);
    return { kind: 'capture', gzip, chunks, stop, ...(startsAt !== undefined ? { startsAt } : {}) };
  }
  if (looksLikeMivrLog(bytes)) return { kind: 'log', gzip, chunks, stop };
  const prefix = grepPrefixOf(bytes);
  const reason =
    prefix === undefined
      ? 'neither a pcap/pcapng capture nor a MIVR log'
      : `neither a pcap/pcapng capture nor a MIVR log: its lines start with a file name ("${prefix}") before the MIVR record header, as grep writes lines of several files — ` +
        'give the log files themselves (only ICD_CTI records are read), or grep with -h and keep the lines after each header (-A), which hold the traces';
  return { kind: 'unknown', gzip, reason, chunks, stop };
}

/** Destroys a file stream and waits until its file is closed. */
async function closed(stream: ReadStream): Promise<void> {
  if (stream.closed) return;
  const done = new Promise<void>((resolve) => stream.once('close', () => resolve()));
  stream.destroy();
  await done;
}

/**
 * A regular file's content, opened anew at each iteration and closed when it ends or stops.
 * An uncompressed capture is read into two reused buffers (util/reused-file-chunks.ts: a chunk
 * is valid until the next is asked for, and the capture layer copies what it keeps).
 */
function reopening(path: string, kind: InputKind, gzip: boolean): AsyncIterable<Uint8Array> {
  if (kind === 'capture' && !gzip) return { [Symbol.asyncIterator]: () => reusedFileChunks(path, READ_BYTES) };
  return {
    async *[Symbol.asyncIterator]() {
      const stream = createReadStream(path, { highWaterMark: READ_BYTES });
      try {
        yield* gzip ? gunzipChunks(stream) : stream;
      } finally {
        await closed(stream);
      }
    },
  };
}

export async function openInput(spec: string, stdin: Readable): Promise<OpenedInput> {
  if (spec === '-') {
    const { stop: _, ...probed } = await probe(stdin, true);
    return { name: spec, rereadable: false, ...probed };
  }
  const info = await stat(spec); // ENOENT etc. reach the caller: an input that cannot be read at all
  if (info.isDirectory()) throw Object.assign(new Error(`${spec} is a directory`), { code: 'EISDIR' });
  const base = { name: spec, mtime: info.mtime };
  if (!info.isFile()) {
    // A pipe, a FIFO, a device: it is read once, from here on.
    const { stop: _, ...probed } = await probe(createReadStream(spec, { highWaterMark: READ_BYTES }), true);
    return { ...base, rereadable: false, ...probed };
  }
  // A regular file: its head tells what it is, then it is closed until it is read.
  const stream = createReadStream(spec, { highWaterMark: HEAD_BYTES });
  let probed: Probed;
  try {
    probed = await probe(stream);
  } finally {
    await closed(stream);
  }
  const { kind, gzip, reason, startsAt, stop } = probed;
  await stop();
  return {
    ...base,
    kind,
    gzip,
    ...(reason !== undefined ? { reason } : {}),
    ...(startsAt !== undefined ? { startsAt } : {}),
    rereadable: true,
    chunks: reopening(spec, kind, gzip),
  };
}
