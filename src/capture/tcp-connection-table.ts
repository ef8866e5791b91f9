/**
 * The table of tracked TCP connections, keyed by the 4-tuple in either direction without
 * building strings: a 32-bit symmetric hash → chain of connections, compared word by word.
 * The chains hang from an array of buckets indexed by the hash's low bits (a power of two
 * at least twice the entries, doubled as they grow): no `Map` lookup per packet, whose
 * int32 keys beyond the small-integer range were boxed numbers.
 * Connections also form a least-recently-used list so that the oldest idle one can be evicted.
 */
import type { TcpSegmentView } from './tcp-segment.js';

/** The identity fields a tracked connection must have to live in the table. */
export interface TableEntry {
  readonly ipVersion: 4 | 6;
  readonly a0: number;
  readonly a1: number;
  readonly a2: number;
  readonly a3: number;
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly b3: number;
  readonly portA: number;
  readonly portB: number;
  readonly hash: number;
  bucketNext: TableEntry | null;
  lruPrev: TableEntry | null;
  lruNext: TableEntry | null;
}

function endpointHash(w0: number, w1: number, w2: number, w3: number, port: number): number {
  let h = Math.imul(w0 ^ (port * 0x10001), 0x9e3779b1);
  h ^= Math.imul(w1 ^ (h >>> 15), 0x85ebca6b);
  h ^= Math.imul(w2 ^ (h >>> 13), 0xc2b2ae35);
  h ^= Math.imul(w3 ^ (h >>> 16), 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

/** Same value for both directions of a connection. */
export function connectionHash(seg: TcpSegmentView): number {
  return (
    (endpointHash(seg.src0, seg.src1, seg.src2, seg.src3, seg.srcPort) + endpointHash(seg.dst0, seg.dst1, seg.dst2, seg.dst3, seg.dstPort)) | 0
  );
}

/** Buckets of a new table. */
const MIN_BUCKETS = 1024;

export class TcpConnectionTable<T extends TableEntry> {
  private buckets: Array<T | null> = new Array<T | null>(MIN_BUCKETS).fill(null);
  private mask = MIN_BUCKETS - 1;
  private lruOldest: T | null = null;
  private lruNewest: T | null = null;
  size = 0;
  /** Direction of the segment in the last successful {@link find}: 0 = A→B. */
  lastDirection: 0 | 1 = 0;

  /** The connection the segment belongs to (any direction), or null. */
  find(seg: TcpSegmentView, hash: number): T | null {
    let e = this.buckets[hash & this.mask] as T | null;
    while (e !== null) {
      if (e.ipVersion === seg.ipVersion) {
        if (
          e.portA === seg.srcPort &&
          e.portB === seg.dstPort &&
          e.a0 === seg.src0 &&
          e.b0 === seg.dst0 &&
          e.a1 === seg.src1 &&
          e.a2 === seg.src2 &&
          e.a3 === seg.src3 &&
          e.b1 === seg.dst1 &&
          e.b2 === seg.dst2 &&
          e.b3 === seg.dst3
        ) {
          this.lastDirection = 0;
          return e;
        }
        if (
          e.portA === seg.dstPort &&
          e.portB === seg.srcPort &&
          e.a0 === seg.dst0 &&
          e.b0 === seg.src0 &&
          e.a1 === seg.dst1 &&
          e.a2 === seg.dst2 &&
          e.a3 === seg.dst3 &&
          e.b1 === seg.src1 &&
          e.b2 === seg.src2 &&
          e.b3 === seg.src3
        ) {
          this.lastDirection = 1;
          return e;
        }
      }
      e = e.bucketNext as T | null;
    }
    return null;
  }

  add(entry: T): void {
    if (this.size * 2 >= this.buckets.length) this.grow();
    const i = entry.hash & this.mask;
    entry.bucketNext = this.buckets[i] as T | null;
    this.buckets[i] = entry;
    entry.lruPrev = this.lruNewest;
    entry.lruNext = null;
    if (this.lruNewest !== null) this.lruNewest.lruNext = entry;
    else this.lruOldest = entry;
    this.lruNewest = entry;
    this.size++;
  }

  remove(entry: T): void {
    const i = entry.hash & this.mask;
    let e = this.buckets[i] as T | null;
    let prev: TableEntry | null = null;
    while (e !== null && e !== entry) {
      prev = e;
      e = e.bucketNext as T | null;
    }
    if (e === null) return;
    if (prev === null) {
      this.buckets[i] = entry.bucketNext as T | null;
    } else {
      prev.bucketNext = entry.bucketNext;
    }
    entry.bucketNext = null;
    this.unlinkLru(entry);
    this.size--;
  }

  /** Marks the entry as the most recently used. */
  touch(entry: T): void {
    if (this.lruNewest === entry) return;
    this.unlinkLru(entry);
    entry.lruPrev = this.lruNewest;
    entry.lruNext = null;
    if (this.lruNewest !== null) this.lruNewest.lruNext = entry;
    else this.lruOldest = entry;
    this.lruNewest = entry;
  }

  /** The least recently used entry. */
  oldest(): T | null {
    return this.lruOldest;
  }

  /** All entries, oldest use first. */
  *entries(): Generator<T> {
    let e = this.lruOldest;
    while (e !== null) {
      const next = e.lruNext as T | null;
      yield e;
      e = next;
    }
  }

  /** Twice the buckets, every chain rebuilt (in its order) from the entries' hashes. */
  private grow(): void {
    const old = this.buckets;
    const buckets = new Array<T | null>(old.length * 2).fill(null);
    const mask = buckets.length - 1;
    for (let b = 0; b < old.length; b++) {
      // Walked from the tail so each new chain keeps the old chain's order.
      const chain: T[] = [];
      for (let e = old[b] as T | null; e !== null; e = e.bucketNext as T | null) chain.push(e);
      for (let k = chain.length - 1; k >= 0; k--) {
        const e = chain[k]!;
        const i = e.hash & mask;
        e.bucketNext = buckets[i] as T | null;
        buckets[i] = e;
      }
    }
    this.buckets = buckets;
    this.mask = mask;
  }

  private unlinkLru(entry: TableEntry): void {
    if (entry.lruPrev !== null) entry.lruPrev.lruNext = entry.lruNext;
    else if (this.lruOldest === entry) this.lruOldest = entry.lruNext as T | null;
    if (entry.lruNext !== null) entry.lruNext.lruPrev = entry.lruPrev;
    else if (this.lruNewest === entry) this.lruNewest = entry.lruPrev as T | null;
    entry.lruPrev = null;
    entry.lruNext = null;
  }
}
