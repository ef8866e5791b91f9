/**
 * codec/fast-runtime.ts helpers against the straightforward definitions they shortcut:
 * enumName against enumStatus for every constant table, wireOrder against sorting the
 * numbered keys.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSTANT_TABLES } from '../../src/protocol/constants.js';
import { enumStatus } from '../../src/protocol/codec/labels.js';
import { labelTable, type LabelTable } from '../../src/protocol/codec/plan.js';
import { enumName, wireOrder } from '../../src/protocol/codec/fast-runtime.js';

function sortedKeys(sequence: readonly number[], keys: readonly string[]): string[] {
  return keys
    .map((key, i) => [sequence[i]!, key] as const)
    .filter(([n]) => n > 0)
    .sort((a, b) => a[0] - b[0])
    .map(([, key]) => key);
}

describe('enumName', () => {
  const tables = CONSTANT_TABLES.filter((t) => t.kind === 'enum').map((t) => labelTable(t.id)!);

  function expected(table: LabelTable, value: number): string | null | undefined {
    const status = enumStatus(table, value);
    return status === 'named' ? table.names.get(value) : status === 'open' ? null : undefined;
  }

  it('names, null for an open table, undefined where the reference decoder diagnoses: on every table edge', () => {
    for (const table of tables) {
      const edges = new Set<number>([0, 1, 510, 511, 512, 513, 0xffff, 0x10000, 0xfffffffe, 0xffffffff]);
      for (const e of table.table.entries) for (const d of [-1, 0, 1]) edges.add(e.value + d);
      for (const [lo, hi] of table.table.reserved ?? []) for (const v of [lo - 1, lo, hi, hi + 1]) edges.add(v);
      for (const v of edges) if (v >= 0 && v <= 0xffffffff) expect(enumName(table, v), `${table.table.id} ${v}`).toBe(expected(table, v));
    }
  });

  it('undefined for a reserved value of an open table (none of the guide’s is, today)', () => {
    const names = new Map([[1, 'ONE'], [600, 'SIX_HUNDRED']]);
    const small = new Array<string | undefined>(512).fill(undefined);
    small[1] = 'ONE';
    const table: LabelTable = {
      table: { id: 'OpenReserved', title: 'test', source: 'test', kind: 'enum', closed: false, entries: [], reserved: [[5, 7], [700, 800]] },
      names,
      small,
      bits: [],
      allBits: 0,
    };
    expect([1, 4, 5, 7, 8, 600, 699, 700, 800, 801].map((v) => enumName(table, v))).toEqual(['ONE', null, undefined, undefined, null, 'SIX_HUNDRED', null, undefined, undefined, null]);
    for (const v of [0, 5, 650, 750, 0xffffffff]) expect(enumName(table, v)).toBe(expected(table, v));
  });

  it('the same on random values', () => {
    fc.assert(
      fc.property(fc.constantFrom(...tables), fc.oneof(fc.nat({ max: 1100 }), fc.nat({ max: 0xffffffff })), (table, v) => {
        expect(enumName(table, v)).toBe(expected(table, v));
      }),
    );
  });
});

describe('wireOrder', () => {
  it('= the keys sorted by their numbers, for the fast decoders’ numbering (1…n over the items present)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((size) => fc.tuple(fc.shuffledSubarray([...Array(size).keys()]), fc.constant(size))),
        ([present, size]) => {
          const sequence = new Array<number>(size).fill(0);
          present.forEach((item, i) => (sequence[item] = i + 1));
          const keys = Array.from({ length: size }, (_, i) => `k${i}`);
          const order = wireOrder(sequence, keys);
          expect(order).toEqual(sortedKeys(sequence, keys));
          expect(order).toEqual(present.map((i) => `k${i}`));
        },
      ),
    );
  });

  it('= the keys sorted by their numbers for any other numbering too (gaps, repeats)', () => {
    for (const sequence of [[1, 1, 3], [2, 0, 2], [3, 1, 1], [0, 2, 3], [1, 2, 2, 4]]) {
      const keys = sequence.map((_, i) => `k${i}`);
      expect(wireOrder(sequence, keys), sequence.join()).toEqual(sortedKeys(sequence, keys));
    }
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { maxLength: 30 }), (sequence) => {
        const keys = sequence.map((_, i) => `k${i}`);
        expect(wireOrder(sequence, keys)).toEqual(sortedKeys(sequence, keys));
      }),
    );
  });
});
