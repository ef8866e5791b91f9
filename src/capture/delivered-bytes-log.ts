/**
 * One ring buffer, shared by all connections, holding the most recently delivered stream
 * bytes in delivery order. Writing is sequential (cache-friendly whatever the number of
 * connections); each direction remembers where its recent bytes went (see
 * recent-bytes-window.ts) and can compare a retransmission with them while they are still
 * in the log.
 *
 * The ring is made of 64 KiB blocks, each allocated when first written: a small capture uses
 * little memory, and a large one never holds a ring and its bigger copy at once (growing by
 * copying would, until the old ring is collected).
 */

const BLOCK_BITS = 16;
const BLOCK_BYTES = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK_BYTES - 1;

export class DeliveredBytesLog {
  /** Block k holds ring positions [k·64 KiB, …), up to the capacity. */
  private readonly blocks: Uint8Array[] = [];
  /** Bytes written since the start (the log position of the next byte). */
  written = 0;
  /** `written % capacity`, kept as it grows (no division per write). */
  private head = 0;
  readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = Math.max(0, Math.floor(capacity));
  }

  /** Appends `src[off, off+len)` (at most the capacity's worth of its end); returns the log position of src[off]. */
  write(src: Uint8Array, off: number, len: number): number {
    const cap = this.capacity;
    const at = this.written;
    this.written += len;
    if (cap === 0) return at;
    let idx = this.head;
    if (len < cap) {
      const head = idx + len;
      this.head = head >= cap ? head - cap : head;
    } else {
      // Only the last `cap` bytes stay: they start where the head is once the rest went by.
      idx = (idx + (len - cap)) % cap;
      this.head = idx;
      off += len - cap;
      len = cap;
    }
    while (len > 0) {
      const k = idx >>> BLOCK_BITS;
      const block = this.blocks[k] ?? this.allocate(k);
      const inBlock = idx & BLOCK_MASK;
      const n = Math.min(len, block.length - inBlock);
      block.set(n === src.length ? src : src.subarray(off, off + n), inBlock);
      off += n;
      len -= n;
      idx += n;
      if (idx === cap) idx = 0;
    }
    return at;
  }

  /** Whether log positions [pos, pos+len) still hold what was written there. */
  holds(pos: number, len: number): boolean {
    return pos >= this.written - this.capacity && pos + len <= this.written;
  }

  /** The byte at a log position that {@link holds}. */
  byteAt(pos: number): number {
    const idx = pos % this.capacity;
    return this.blocks[idx >>> BLOCK_BITS]![idx & BLOCK_MASK]!;
  }

  private allocate(k: number): Uint8Array {
    const block = new Uint8Array(Math.min(BLOCK_BYTES, this.capacity - k * BLOCK_BYTES));
    this.blocks[k] = block;
    return block;
  }
}
