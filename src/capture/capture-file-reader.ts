/**
 * Reading a capture file from a stream of chunks.
 *
 * Push API (synchronous, no per-frame allocation):
 *
 *   const reader = new CaptureFileReader({ onFrame(raw) {…}, onDiagnostic(d) {…} });
 *   for await (const chunk of source) reader.push(chunk);
 *   reader.end();
 *
 * `onFrame` receives ONE reused {@link RawFrame}; copy what you keep (see raw-frame.ts).
 *
 * Pull API: {@link readCaptureFrames} yields immutable frames and diagnostics.
 */
import { createReadStream } from 'node:fs';
import { ChunkedParseDriver } from './chunked-parse-driver.js';
import { CaptureFileParser } from './capture-file-parser.js';
import type { CaptureFormatInfo } from './capture-format.js';
import type { CaptureDiagnostic } from './diagnostics.js';
import { snapshotRawFrame, type CapturedFrame, type FrameSink } from './raw-frame.js';
import { DEFAULT_CAPTURE_READER_LIMITS, type CaptureReaderLimits } from './record-parser.js';

export type CaptureReaderOptions = Partial<CaptureReaderLimits>;

export class CaptureFileReader {
  private readonly parser: CaptureFileParser;
  private readonly driver: ChunkedParseDriver;

  constructor(sink: FrameSink, options: CaptureReaderOptions = {}) {
    const limits: CaptureReaderLimits = { ...DEFAULT_CAPTURE_READER_LIMITS, ...options };
    this.parser = new CaptureFileParser(sink, limits);
    this.driver = new ChunkedParseDriver(this.parser);
  }

  /** The detected format (null until enough bytes were pushed). */
  get format(): CaptureFormatInfo | null {
    return this.parser.format;
  }

  /** Number of frames delivered so far. */
  get frameCount(): number {
    return this.parser.frameCount;
  }

  /** Bytes consumed so far. */
  get bytesConsumed(): number {
    return this.driver.consumedOffset;
  }

  push(chunk: Uint8Array): void {
    // A Node Buffer's subarray() is much slower than a plain Uint8Array's: use a plain view.
    const plain = chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.driver.push(plain);
  }

  /** The end of the file: reports truncation and whole-file conditions. */
  end(): void {
    this.driver.end();
  }
}

/** A diagnostic as an item of {@link readCaptureFrames}. */
export interface CaptureDiagnosticItem {
  readonly kind: 'diagnostic';
  readonly diagnostic: CaptureDiagnostic;
}

/** Frames and diagnostics in file order. */
export async function* readCaptureFrames(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: CaptureReaderOptions = {},
): AsyncGenerator<CapturedFrame | CaptureDiagnosticItem> {
  let queue: Array<CapturedFrame | CaptureDiagnosticItem> = [];
  const reader = new CaptureFileReader(
    {
      onFrame: (raw) => queue.push(snapshotRawFrame(raw)),
      onDiagnostic: (diagnostic) => queue.push({ kind: 'diagnostic', diagnostic }),
    },
    options,
  );
  for await (const chunk of source) {
    reader.push(chunk);
    if (queue.length > 0) {
      const items = queue;
      queue = [];
      yield* items;
    }
  }
  reader.end();
  yield* queue;
}

/** Default read size: 1 MiB. */
export const DEFAULT_READ_CHUNK_BYTES = 1 << 20;

/** The chunks of a file, as a Node read stream gives them. */
export function readFileChunks(path: string, chunkBytes: number = DEFAULT_READ_CHUNK_BYTES): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark: chunkBytes });
}
