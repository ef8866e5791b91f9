/**
 * Maps that hold at most `cap` entries: setting a new key beyond the cap evicts the least
 * recently set or touched entry (and tells `onEvict`). They keep the checker's memory flat
 * however long the input is.
 *
 * They are written so that the steady state allocates nothing: the checker updates entries
 * of long-lived sessions on most messages, and whatever such an update allocates lives until
 * the session's next update, long enough to be promoted out of V8's young generation and to
 * pile up as garbage there (a JS Map that deletes and re-adds a key to move it last consumes
 * a slot each time, and every few dozen moves copies its whole table). Entries sit in slots
 * (parallel arrays, freed slots reused); recency is a doubly linked list of slots, so that
 * setting an existing key or touching one only relinks two slots. BoundedMap finds a key's
 * slot with a Map (insertions and deletions of distinct keys still cost the Map its usual
 * table copies); BoundedNumberMap, for integer keys (CallIDs, InvokeIDs), with an
 * open-addressing table of its own that grows with its largest size and never shrinks.
 */

const NONE = -1;
const INITIAL_SLOTS = 8;

abstract class BoundedTable<K, V> {
  private readonly keyOf: K[] = [];
  private readonly valueOf: Array<V | undefined> = [];
  private prev = new Int32Array(INITIAL_SLOTS);
  private next = new Int32Array(INITIAL_SLOTS);
  /** Least recently used slot (evicted first), most recently used slot. */
  private head = NONE;
  private tail = NONE;
  /** Freed slots, linked through `next`. */
  private free = NONE;
  private slots = 0;
  private count = 0;
  evicted = 0;

  constructor(
    private cap: number,
    private readonly onEvict?: (key: K, value: V) => void,
  ) {}

  /** The slot holding `key`, or NONE. */
  protected abstract find(key: K): number;
  /** Records that `key` is in `slot` (`key` is not in the table). */
  protected abstract insert(key: K, slot: number): void;
  /** Forgets `key` (which is in the table). */
  protected abstract remove(key: K): void;

  protected keyAt(slot: number): K {
    return this.keyOf[slot]!;
  }

  /** Changes the cap (entries beyond a lower one go at the next `set`). */
  setCap(cap: number): void {
    this.cap = cap;
  }

  get size(): number {
    return this.count;
  }

  get(key: K): V | undefined {
    const slot = this.find(key);
    return slot === NONE ? undefined : this.valueOf[slot];
  }

  has(key: K): boolean {
    return this.find(key) !== NONE;
  }

  /**
   * Marks the entry as recently used (it is evicted last). Recency is kept from the time the
   * map is half full: below that, eviction is far off (and entries keep the order they were
   * set in, as they always have: which entry a full table evicts does not depend on how
   * the table is stored).
   */
  touch(key: K): V | undefined {
    const slot = this.find(key);
    if (slot === NONE) return undefined;
    const v = this.valueOf[slot];
    if (v !== undefined && this.count > this.cap >> 1) this.moveLast(slot);
    return v;
  }

  set(key: K, value: V): void {
    const slot = this.find(key);
    if (slot !== NONE) {
      this.valueOf[slot] = value;
      this.moveLast(slot);
    } else {
      const fresh = this.take();
      // Held as a Map holds keys: -0 as 0.
      this.keyOf[fresh] = Object.is(key, -0) ? (0 as K) : key;
      this.valueOf[fresh] = value;
      this.linkLast(fresh);
      this.insert(key, fresh);
      this.count++;
    }
    while (this.count > this.cap && this.head !== NONE) {
      const oldest = this.head;
      const oldKey = this.keyOf[oldest]!;
      const old = this.valueOf[oldest] as V;
      this.drop(oldKey, oldest);
      this.evicted++;
      this.onEvict?.(oldKey, old);
    }
  }

  delete(key: K): boolean {
    const slot = this.find(key);
    if (slot === NONE) return false;
    this.drop(key, slot);
    return true;
  }

  /** Values from the least to the most recently used. Only the entry being visited may be deleted meanwhile. */
  *values(): IterableIterator<V> {
    for (let slot = this.head; slot !== NONE; ) {
      const after = this.next[slot]!;
      yield this.valueOf[slot] as V;
      slot = after;
    }
  }

  /** Entries from the least to the most recently used. Only the entry being visited may be deleted meanwhile. */
  *entries(): IterableIterator<[K, V]> {
    for (let slot = this.head; slot !== NONE; ) {
      const after = this.next[slot]!;
      yield [this.keyOf[slot]!, this.valueOf[slot] as V];
      slot = after;
    }
  }

  /** The least recently used entry. */
  oldest(): [K, V] | undefined {
    return this.head === NONE ? undefined : [this.keyOf[this.head]!, this.valueOf[this.head] as V];
  }

  private drop(key: K, slot: number): void {
    this.remove(key);
    this.unlink(slot);
    this.valueOf[slot] = undefined;
    this.next[slot] = this.free;
    this.free = slot;
    this.count--;
  }

  /** A free slot (the arrays grow by doubling when none is left). */
  private take(): number {
    if (this.free !== NONE) {
      const slot = this.free;
      this.free = this.next[slot]!;
      return slot;
    }
    const slot = this.slots++;
    if (slot === this.prev.length) {
      const prev = new Int32Array(slot * 2);
      prev.set(this.prev);
      this.prev = prev;
      const next = new Int32Array(slot * 2);
      next.set(this.next);
      this.next = next;
    }
    return slot;
  }

  private linkLast(slot: number): void {
    this.prev[slot] = this.tail;
    this.next[slot] = NONE;
    if (this.tail === NONE) this.head = slot;
    else this.next[this.tail] = slot;
    this.tail = slot;
  }

  private unlink(slot: number): void {
    const before = this.prev[slot]!;
    const after = this.next[slot]!;
    if (before === NONE) this.head = after;
    else this.next[before] = after;
    if (after === NONE) this.tail = before;
    else this.prev[after] = before;
  }

  private moveLast(slot: number): void {
    if (slot === this.tail) return;
    this.unlink(slot);
    this.linkLast(slot);
  }
}

/** A bounded map of any keys (their slots found with a Map). */
export class BoundedMap<K, V> extends BoundedTable<K, V> {
  private readonly slotOf = new Map<K, number>();

  protected find(key: K): number {
    return this.slotOf.get(key) ?? NONE;
  }

  protected insert(key: K, slot: number): void {
    this.slotOf.set(key, slot);
  }

  protected remove(key: K): void {
    this.slotOf.delete(key);
  }
}

/** Keys as a Map compares them (SameValueZero: NaN is NaN, -0 is 0). */
function sameKey(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

/**
 * A bounded map of number keys, meant for integers (CallIDs, InvokeIDs: other numbers work,
 * compared as a Map compares them, but hash less well). Its slots are found by linear probing in a table at most half full, whose
 * deletions shift the entries after them back (no tombstones): a table that keeps its size
 * while keys come and go allocates nothing.
 */
export class BoundedNumberMap<V> extends BoundedTable<number, V> {
  /** Slot + 1 of the key hashed there (0: empty). */
  private table = new Int32Array(16);
  /** 32 - log2(table length): the hash keeps the product's top bits. */
  private shift = 28;
  private hashed = 0;

  private home(key: number): number {
    return Math.imul((key | 0) ^ ((key / 4294967296) | 0), 0x9e3779b1) >>> this.shift;
  }

  protected find(key: number): number {
    const table = this.table;
    const mask = table.length - 1;
    for (let i = this.home(key); ; i = (i + 1) & mask) {
      const s = table[i]!;
      if (s === 0) return NONE;
      if (sameKey(this.keyAt(s - 1), key)) return s - 1;
    }
  }

  protected insert(key: number, slot: number): void {
    if (++this.hashed * 2 > this.table.length) this.grow();
    this.place(key, slot + 1);
  }

  protected remove(key: number): void {
    const table = this.table;
    const mask = table.length - 1;
    let i = this.home(key);
    while (!sameKey(this.keyAt(table[i]! - 1), key)) i = (i + 1) & mask;
    // Backward-shift deletion: each entry after the hole that may move to it does.
    for (let j = (i + 1) & mask; table[j] !== 0; j = (j + 1) & mask) {
      const h = this.home(this.keyAt(table[j]! - 1));
      const stays = i <= j ? i < h && h <= j : i < h || h <= j;
      if (!stays) {
        table[i] = table[j]!;
        i = j;
      }
    }
    table[i] = 0;
    this.hashed--;
  }

  private place(key: number, value: number): void {
    const table = this.table;
    const mask = table.length - 1;
    let i = this.home(key);
    while (table[i] !== 0) i = (i + 1) & mask;
    table[i] = value;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    this.shift--;
    for (let i = 0; i < old.length; i++) {
      const s = old[i]!;
      if (s !== 0) this.place(this.keyAt(s - 1), s);
    }
  }
}
