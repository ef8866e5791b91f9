/**
 * One ring buffer, shared by all connections, holding the most recently delivered stream
 * bytes in delivery order. Writing is sequential (cache-friendly whatever the number of
 * connections); each direction remembers where its recent bytes went (see
 * recent-bytes-window.ts) and can compare a retransmission with them while they are still
 * in the log. Allocated small and grown up to its capacity before it first wraps.
 */

const INITIAL_BYTES = 1 << 16;

export class DeliveredBytesLog {
  private ring: Uint8Array = new Uint8Array(0);
  /** Bytes written since the start (the log position of the next byte). */
  written = 0;
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
    if (len > cap) {
      off += len - cap;
      len = cap;
    }
    let ring = this.ring;
    if (ring.length < cap && this.written > ring.length) ring = this.grow(this.written);
    const size = ring.length;
    const start = (this.written - len) % size;
    const first = Math.min(len, size - start);
    ring.set(first === src.length && off === 0 ? src : src.subarray(off, off + first), start);
    if (first < len) ring.set(src.subarray(off + first, off + len), 0);
    return at;
  }

  /** Whether log positions [pos, pos+len) still hold what was written there. */
  holds(pos: number, len: number): boolean {
    return pos >= this.written - this.ring.length && pos + len <= this.written;
  }

  /** The byte at a log position that {@link holds}. */
  byteAt(pos: number): number {
    return this.ring[pos % this.ring.length];
  }

  private grow(needed: number): Uint8Array {
    let size = Math.max(INITIAL_BYTES, this.ring.length * 2);
    while (size < needed) size *= 2;
    size = Math.min(size, this.capacity);
    const next = new Uint8Array(size);
    // Before the first wrap the content is linear: positions [0, written - len) at their index.
    next.set(this.ring.subarray(0, Math.min(this.ring.length, size)), 0);
    this.ring = next;
    return next;
  }
}
