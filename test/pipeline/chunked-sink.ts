/**
 * A ByteSink for tests: small buffers (of `size` bytes) handed over whenever a writer asks for
 * room — as the output does with its 256 KiB chunks, so every split point gets exercised. The
 * same buffer is written over each time and filled with garbage first: writers must not rely
 * on what they wrote before asking for room, nor on zeroes.
 */
import type { ByteSink } from '../../src/pipeline/json-bytes.js';

export class ChunkedSink implements ByteSink {
  buf: Buffer;
  pos = 0;
  private readonly chunks: Buffer[] = [];

  constructor(private readonly size: number) {
    this.buf = Buffer.alloc(size, 0xaa);
  }

  room(n: number): void {
    this.chunks.push(Buffer.from(this.buf.subarray(0, this.pos)));
    this.pos = 0;
    if (n > this.buf.length || this.buf.length !== this.size) this.buf = Buffer.alloc(Math.max(n, this.size));
    this.buf.fill(0xaa);
  }

  /** Everything written. */
  bytes(): Buffer {
    return Buffer.concat([...this.chunks, this.buf.subarray(0, this.pos)]);
  }
}
