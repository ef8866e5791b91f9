/**
 * A Map that holds at most `cap` entries: setting a new key beyond the cap evicts the least
 * recently set or touched entry (and tells `onEvict`). Keeps the checker's memory flat however
 * long the input is.
 */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();
  evicted = 0;

  constructor(
    private cap: number,
    private readonly onEvict?: (key: K, value: V) => void,
  ) {}

  /** Changes the cap (entries beyond a lower one go at the next `set`). */
  setCap(cap: number): void {
    this.cap = cap;
  }

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /**
   * Marks the entry as recently used (it is evicted last). Recency is kept from the time the
   * map is half full: below that, eviction is far off and the move would cost for nothing.
   */
  touch(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined && this.map.size > this.cap >> 1) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: K, value: V): void {
    if (this.map.has(key)) this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.cap) {
      const first = this.map.keys().next();
      if (first.done) break;
      const oldKey = first.value;
      const old = this.map.get(oldKey) as V;
      this.map.delete(oldKey);
      this.evicted++;
      this.onEvict?.(oldKey, old);
    }
  }

  delete(key: K): boolean {
    return this.map.delete(key);
  }

  values(): IterableIterator<V> {
    return this.map.values();
  }

  entries(): IterableIterator<[K, V]> {
    return this.map.entries();
  }

  /** The least recently used entry. */
  oldest(): [K, V] | undefined {
    const first = this.map.entries().next();
    return first.done ? undefined : first.value;
  }
}
