/**
 * The checker's bounded maps (src/check/model/bounded-map.ts): the same entries, order,
 * evictions and recency as a Map-based LRU, whatever the operations — and no Map work for what
 * the checker does on most messages (setting an existing key, touching one), nor at all for
 * number keys: a JS Map that deletes and re-adds a key to move it last copies its table every
 * few dozen moves, garbage that lived long enough to be promoted (docs/conformance.md, memory).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BoundedMap, BoundedNumberMap } from '../../src/check/model/bounded-map.js';

/** The reference: the Map-based LRU the checker used before (delete and set again to move a key last). */
class ReferenceLru<K, V> {
  readonly map = new Map<K, V>();
  evicted = 0;
  constructor(
    public cap: number,
    private readonly onEvict: (key: K, value: V) => void,
  ) {}
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
      const oldKey = this.map.keys().next().value as K;
      const old = this.map.get(oldKey) as V;
      this.map.delete(oldKey);
      this.evicted++;
      this.onEvict(oldKey, old);
    }
  }
}

type Op =
  | { readonly op: 'set'; readonly key: number; readonly value: number }
  | { readonly op: 'get' | 'has' | 'touch' | 'delete'; readonly key: number }
  | { readonly op: 'cap'; readonly cap: number };

/** Keys from a small range (so that they repeat), with a few far apart, 0, -0 and NaN among them. */
const keyArb = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(-0, NaN, 0xffffffff, 16_800_000, -7, 2 ** 40 + 3, 1.5));
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('set' as const), key: keyArb, value: fc.integer() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('get' as const, 'has' as const), key: keyArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('touch' as const), key: keyArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), key: keyArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cap' as const), cap: fc.integer({ min: 1, max: 24 }) }) },
);

interface Table {
  readonly size: number;
  readonly evicted: number;
  get(key: number): number | undefined;
  has(key: number): boolean;
  touch(key: number): number | undefined;
  set(key: number, value: number): void;
  delete(key: number): boolean;
  setCap(cap: number): void;
  entries(): IterableIterator<[number, number]>;
  values(): IterableIterator<number>;
  oldest(): [number, number] | undefined;
}

function behavesAsReference(make: (cap: number, onEvict: (k: number, v: number) => void) => Table): void {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 24 }), fc.array(opArb, { maxLength: 400 }), (cap, ops) => {
      const evictedA: Array<[number, number]> = [];
      const evictedB: Array<[number, number]> = [];
      const table = make(cap, (k, v) => evictedA.push([k, v]));
      const ref = new ReferenceLru<number, number>(cap, (k, v) => evictedB.push([k, v]));
      for (const o of ops) {
        switch (o.op) {
          case 'set':
            table.set(o.key, o.value);
            ref.set(o.key, o.value);
            break;
          case 'get':
            expect(table.get(o.key)).toBe(ref.map.get(o.key));
            break;
          case 'has':
            expect(table.has(o.key)).toBe(ref.map.has(o.key));
            break;
          case 'touch':
            expect(table.touch(o.key)).toBe(ref.touch(o.key));
            break;
          case 'delete':
            expect(table.delete(o.key)).toBe(ref.map.delete(o.key));
            break;
          case 'cap':
            table.setCap(o.cap);
            ref.cap = o.cap;
            break;
        }
        expect(table.size).toBe(ref.map.size);
      }
      expect([...table.entries()]).toEqual([...ref.map.entries()]);
      expect([...table.values()]).toEqual([...ref.map.values()]);
      expect(table.oldest()).toEqual(ref.map.size > 0 ? [...ref.map.entries()][0] : undefined);
      expect(evictedA).toEqual(evictedB);
      expect(table.evicted).toBe(ref.evicted);
    }),
    { numRuns: 400 },
  );
}

describe('bounded maps behave as a Map-based LRU', () => {
  it('BoundedMap: entries, order, evictions, recency (touch moves a key only once half full)', () => {
    behavesAsReference((cap, onEvict) => new BoundedMap<number, number>(cap, onEvict));
  });

  it('BoundedNumberMap: the same, keys compared as a Map compares them (-0 is 0, NaN is NaN)', () => {
    behavesAsReference((cap, onEvict) => new BoundedNumberMap<number>(cap, onEvict));
  });

  it('BoundedNumberMap: thousands of keys colliding and coming and going (growth, backward-shift deletion)', () => {
    const m = new BoundedNumberMap<number>(3000);
    const ref = new Map<number, number>();
    // Keys that share their low bits, and sequential CallIDs, inserted and deleted in waves.
    const keys = Array.from({ length: 6000 }, (_, i) => (i % 2 === 0 ? i * 65536 : 16_800_000 + i * 10));
    for (let round = 0; round < 3; round++) {
      for (const k of keys.slice(0, 2900)) {
        m.set(k, k + round);
        ref.set(k, k + round);
      }
      for (let i = round; i < 2900; i += 3) {
        expect(m.delete(keys[i]!)).toBe(true);
        ref.delete(keys[i]!);
      }
      for (const k of keys) expect(m.get(k)).toBe(ref.get(k));
      expect(m.size).toBe(ref.size);
    }
    for (const k of [...ref.keys()]) m.delete(k);
    expect(m.size).toBe(0);
    expect([...m.entries()]).toEqual([]);
    for (const k of keys) expect(m.has(k)).toBe(false);
  });

  it('an entry may be deleted while it is visited (forgetting idle calls)', () => {
    const m = new BoundedNumberMap<number>(16);
    for (let k = 0; k < 10; k++) m.set(k, k);
    for (const [k, v] of m.entries()) if (v % 2 === 0) m.delete(k);
    expect([...m.entries()].map(([k]) => k)).toEqual([1, 3, 5, 7, 9]);
  });
});

describe('bounded maps do no Map work on the checker’s hot paths', () => {
  afterEach(() => vi.restoreAllMocks());

  function countMapWrites(run: () => void): number {
    const set = vi.spyOn(Map.prototype, 'set');
    const del = vi.spyOn(Map.prototype, 'delete');
    run();
    const n = set.mock.calls.length + del.mock.calls.length;
    vi.restoreAllMocks();
    return n;
  }

  it('BoundedMap: setting existing keys again and touching them (a full table) writes nothing to its Map', () => {
    const m = new BoundedMap<string, number>(400);
    const keys = Array.from({ length: 400 }, (_, i) => `id:agt${3000 + i}`);
    for (const k of keys) m.set(k, 0);
    const writes = countMapWrites(() => {
      for (let i = 0; i < 20_000; i++) {
        const k = keys[(i * 7) % keys.length]!;
        if (i % 2 === 0) m.set(k, i);
        else m.touch(k);
      }
    });
    expect(writes).toBe(0);
    expect(m.size).toBe(400);
  });

  it('BoundedNumberMap: calls that begin, are touched, end and are evicted use no Map at all', () => {
    const m = new BoundedNumberMap<{ id: number }>(32);
    const writes = countMapWrites(() => {
      for (let i = 0; i < 20_000; i++) {
        const id = 16_800_000 + (i % 300) * 10;
        if (i % 5 === 4) m.delete(id);
        else if (m.has(id)) m.touch(id);
        else m.set(id, { id });
      }
    });
    expect(writes).toBe(0);
    expect(m.size).toBeLessThanOrEqual(32);
  });
});
