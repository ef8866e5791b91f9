/**
 * Feeds a {@link RecordParser} from a stream of chunks, pg-protocol style: records are parsed
 * in place inside each chunk (by offset, no copy); only the bytes of a record that straddles
 * two chunks are copied — the carried-over remainder plus exactly as many bytes of the next
 * chunk as that record needs. Memory is therefore bounded by the largest record the parser
 * asks for, never by the file size. Buffers handed to the parser are never written again,
 * so views into them stay valid.
 */
import type { RecordParser } from './record-parser.js';

export class ChunkedParseDriver {
  /** Bytes carried over from earlier chunks, not yet consumed (an owned copy). */
  private remainder: Uint8Array | null = null;
  /** File offset of the first byte not yet consumed. */
  private fileOffset = 0;
  /** Bytes still to discard (the parser asked to skip past the buffered data). */
  private skipBytes = 0;
  private ended = false;

  constructor(private readonly parser: RecordParser) {}

  /** File offset up to which bytes have been consumed. */
  get consumedOffset(): number {
    return this.fileOffset;
  }

  push(chunk: Uint8Array): void {
    if (this.ended) return;
    const len = chunk.length;
    let pos = 0;
    if (this.skipBytes > 0) {
      const s = Math.min(this.skipBytes, len);
      this.skipBytes -= s;
      pos += s;
      if (this.skipBytes > 0) return;
    }
    while (this.remainder !== null) {
      const rem = this.remainder;
      const have = rem.length;
      const want = Math.max(this.parser.needBytes, have + 1);
      const take = Math.min(want - have, len - pos);
      if (take <= 0) return;
      const combined = new Uint8Array(have + take);
      combined.set(rem, 0);
      combined.set(chunk.subarray(pos, pos + take), have);
      pos += take;
      if (have + take < want) {
        this.remainder = combined; // chunk exhausted
        return;
      }
      const consumed = this.parser.parse(combined, 0, combined.length, this.fileOffset, false);
      if (consumed > combined.length) {
        this.remainder = null;
        this.fileOffset += consumed;
        const extra = consumed - combined.length;
        const s = Math.min(extra, len - pos);
        pos += s;
        this.skipBytes = extra - s;
        if (this.skipBytes > 0) return;
        break;
      }
      this.fileOffset += consumed;
      const left = combined.length - consumed;
      if (left === 0) {
        this.remainder = null;
      } else if (left <= take) {
        // What is left lies wholly in this chunk: go on parsing the chunk itself.
        this.remainder = null;
        pos -= left;
      } else {
        this.remainder = combined.subarray(consumed);
      }
    }
    if (pos >= len) return;
    const consumed = this.parser.parse(chunk, pos, len, this.fileOffset, false);
    this.fileOffset += consumed;
    if (consumed > len - pos) {
      this.skipBytes = consumed - (len - pos);
      return;
    }
    pos += consumed;
    if (pos < len) this.remainder = chunk.slice(pos);
  }

  /** No more chunks: the parser consumes what is left, then finishes. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    const rem = this.remainder ?? new Uint8Array(0);
    this.remainder = null;
    let pos = 0;
    // A well-behaved parser consumes everything at eof in one call; the bound guards a bug.
    for (let guard = 0; guard < 1_000_000; guard++) {
      const consumed = this.parser.parse(rem, pos, rem.length, this.fileOffset, true);
      if (consumed <= 0) break;
      if (consumed > rem.length - pos) {
        this.skipBytes += consumed - (rem.length - pos);
        this.fileOffset += rem.length - pos;
        pos = rem.length;
        break;
      }
      this.fileOffset += consumed;
      pos += consumed;
      if (pos >= rem.length) break;
    }
    this.fileOffset += rem.length - pos;
    this.parser.finish(this.fileOffset, this.skipBytes);
    this.skipBytes = 0;
  }
}
