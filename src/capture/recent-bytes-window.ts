/**
 * Where the last bytes delivered in one direction went in the shared {@link DeliveredBytesLog},
 * to check that a retransmitted copy of already-delivered bytes says the same (first copy wins;
 * a different later copy is reported).
 *
 * The window is bounded per direction (its last `capacity` bytes, at most MAX_ENTRIES
 * deliveries — contiguous deliveries merge into one entry) and overall by the log's capacity:
 * bytes overwritten in the log can no longer be compared.
 */
import type { DeliveredBytesLog } from './delivered-bytes-log.js';

/** A power of two: ring indexes wrap with a mask. */
const MAX_ENTRIES = 128;
const ENTRY_MASK = MAX_ENTRIES - 1;

export class RecentBytesWindow {
  /** Stream offset, log position and length of each entry (a ring of MAX_ENTRIES). */
  private entryOffset: number[] = [];
  private entryPos: number[] = [];
  private entryLen: number[] = [];
  private first = 0;
  private count = 0;
  private heldBytes = 0;
  private endOffset = 0;

  constructor(
    private readonly capacity: number,
    private readonly log: DeliveredBytesLog,
  ) {}

  /** Stream offset just after the last byte delivered. */
  get end(): number {
    return this.endOffset;
  }

  /** Records bytes delivered at stream offset `this.end`. */
  append(src: Uint8Array, off: number, len: number): void {
    this.endOffset += len;
    if (this.capacity <= 0 || len === 0) return;
    if (len > this.capacity) {
      off += len - this.capacity;
      len = this.capacity;
    }
    const pos = this.log.write(src, off, len);
    const streamOffset = this.endOffset - len;
    if (this.count > 0) {
      const last = (this.first + this.count - 1) & ENTRY_MASK;
      if (this.entryOffset[last] + this.entryLen[last] === streamOffset && this.entryPos[last] + this.entryLen[last] === pos) {
        this.entryLen[last] += len;
        this.heldBytes += len;
        this.trim();
        return;
      }
    }
    if (this.count === MAX_ENTRIES) this.dropFirst();
    const idx = (this.first + this.count) & ENTRY_MASK;
    this.entryOffset[idx] = streamOffset;
    this.entryPos[idx] = pos;
    this.entryLen[idx] = len;
    this.count++;
    this.heldBytes += len;
    this.trim();
  }

  /** Advances past bytes that were not delivered (a gap): nothing before them is kept. */
  skip(len: number): void {
    this.endOffset += len;
    this.release();
  }

  /** Forgets everything (after a gap, or when the connection is over). */
  release(): void {
    this.first = 0;
    this.count = 0;
    this.heldBytes = 0;
    if (this.entryOffset.length > 0) {
      this.entryOffset = [];
      this.entryPos = [];
      this.entryLen = [];
    }
  }

  /**
   * Compares `src[off, off+len)`, which claims to be stream bytes [streamOffset, +len), with
   * the delivered bytes still known. Returns the range of differing bytes
   * ([first, last+1) as stream offsets) or null when all comparable bytes agree.
   */
  findMismatch(streamOffset: number, src: Uint8Array, off: number, len: number): [number, number] | null {
    let firstDiff = -1;
    let lastDiff = -1;
    const end = streamOffset + len;
    for (let k = 0; k < this.count; k++) {
      const idx = (this.first + k) & ENTRY_MASK;
      const eOff = this.entryOffset[idx];
      const eLen = this.entryLen[idx];
      const from = Math.max(streamOffset, eOff);
      const to = Math.min(end, eOff + eLen);
      if (from >= to) continue;
      const pos = this.entryPos[idx] + (from - eOff);
      if (!this.log.holds(pos, to - from)) continue;
      for (let s = from; s < to; s++) {
        if (this.log.byteAt(pos + (s - from)) !== src[off + (s - streamOffset)]) {
          if (firstDiff < 0 || s < firstDiff) firstDiff = s;
          if (s > lastDiff) lastDiff = s;
        }
      }
    }
    return firstDiff < 0 ? null : [firstDiff, lastDiff + 1];
  }

  /** Keeps at most `capacity` bytes: shortens or drops the oldest entries. */
  private trim(): void {
    while (this.heldBytes > this.capacity && this.count > 0) {
      const idx = this.first;
      const excess = this.heldBytes - this.capacity;
      if (this.entryLen[idx] > excess) {
        this.entryOffset[idx] += excess;
        this.entryPos[idx] += excess;
        this.entryLen[idx] -= excess;
        this.heldBytes -= excess;
        return;
      }
      this.dropFirst();
    }
  }

  private dropFirst(): void {
    this.heldBytes -= this.entryLen[this.first];
    this.first = (this.first + 1) & ENTRY_MASK;
    this.count--;
  }
}
