/** The output buffer of writeTimeline, and when its buffers can be reused. */
import { WriteStream } from 'node:fs';
import { Socket } from 'node:net';
import type { Writable } from 'node:stream';
import { writeText, type ByteSink } from './json-bytes.js';

/** Output is gathered in buffers of this size (a few hundred lines) before it is written. */
const CHUNK_BYTES = 1 << 18;

/** Spare output buffers kept for reuse (a stream that writes asynchronously has a few in flight). */
const MAX_SPARE_BUFFERS = 4;

/**
 * Whether the stream is done with a chunk once its write callback ran — or at once when its
 * buffered length is 0 right after write() — so the chunk's buffer can be written over:
 * sockets and pipes (stdout to a pipe or a terminal), file streams (`-o FILE`) and stdout to
 * a file (SyncWriteStream) write the bytes out and keep no reference. Any other Writable
 * (a PassThrough, a test's collector) may keep the very chunk: it gets a fresh buffer each time.
 */
function releasesChunks(out: Writable): boolean {
  return out instanceof Socket || out instanceof WriteStream || out.constructor.name === 'SyncWriteStream';
}

/**
 * The output buffer: JSON is written as bytes (json-bytes.ts), text is encoded as UTF-8,
 * straight into a 256 KiB buffer, which is handed to the stream when full — no per-line
 * promise, no joining of many small strings. Writing is synchronous; when the stream asks
 * to wait (backpressure), `blocked` is set and the caller awaits `drain()` before going on.
 */
export class OutputSink implements ByteSink {
  buf: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  pos = 0;
  blocked = false;
  /** Set when the stream failed: nothing more is written. */
  failed: Error | undefined;
  private wake: (() => void) | null = null;
  private readonly recycles: boolean;
  private readonly spare: Buffer[] = [];

  constructor(private readonly out: Writable) {
    out.on('error', this.onError);
    this.recycles = releasesChunks(out);
  }

  private readonly onError = (err: Error): void => {
    this.failed ??= err;
    this.blocked = false;
    this.wake?.();
  };

  /** Stops listening to the stream. */
  detach(): void {
    this.out.off('error', this.onError);
  }

  /** Makes `n` bytes free at `pos`: hands what is written to the stream (ByteSink). */
  room(n: number): void {
    this.emit();
    // A single piece larger than a chunk (a long string): a buffer of its own, this once.
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n);
  }

  write(s: string): void {
    writeText(this, s);
  }

  /** A line: the text and a newline. */
  line(s: string): void {
    writeText(this, s);
    this.newline();
  }

  newline(): void {
    if (this.pos >= this.buf.length) this.room(1);
    this.buf[this.pos++] = 0x0a;
  }

  async drain(): Promise<void> {
    if (!this.blocked || this.failed !== undefined) return;
    await new Promise<void>((resolve) => {
      this.wake = resolve;
      this.out.once('drain', resolve);
    });
    this.wake = null;
    this.blocked = false;
  }

  async flush(): Promise<void> {
    this.emit();
    await this.drain();
  }

  private emit(): void {
    if (this.pos === 0 || this.failed !== undefined) {
      this.pos = 0; // after a failure, what is written is dropped
      return;
    }
    const buf = this.buf;
    const chunk = buf.subarray(0, this.pos);
    this.pos = 0;
    if (!this.recycles) {
      this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
      if (!this.out.write(chunk)) this.blocked = true;
      return;
    }
    let writtenOut = false;
    const ok = this.out.write(chunk, (err) => {
      if (!writtenOut && err == null) this.giveBack(buf);
    });
    if (!ok) this.blocked = true;
    // Nothing buffered: the bytes are already out (a synchronous write), the buffer is free.
    writtenOut = this.out.writableLength === 0 && buf.length === CHUNK_BYTES;
    if (!writtenOut) this.buf = this.spare.pop() ?? Buffer.allocUnsafe(CHUNK_BYTES);
  }

  /** A buffer whose write completed: kept for reuse. */
  private giveBack(buf: Buffer): void {
    if (buf.length === CHUNK_BYTES && buf !== this.buf && this.spare.length < MAX_SPARE_BUFFERS && !this.spare.includes(buf)) this.spare.push(buf);
  }
}
