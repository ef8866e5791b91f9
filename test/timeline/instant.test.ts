/** Times as text: the civil-date arithmetic agrees with Date for any second. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timeLabel } from '../../src/protocol/codec/labels.js';
import { compareInstants, instantToIso, instantToText } from '../../src/timeline/instant.js';

describe('instants and TIME labels', () => {
  it('timeLabel and instantToIso agree with Date#toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 999_999_999 }), (sec, nsec) => {
        const iso = new Date(sec * 1000).toISOString().slice(0, 19);
        expect(timeLabel(sec)).toBe(`${iso}Z`);
        const full = instantToIso({ sec, nsec });
        expect(full.slice(0, 19)).toBe(iso);
        expect(full).toMatch(nsec % 1000 === 0 ? /\.\d{6}Z$/ : /\.\d{9}Z$/);
        expect(Number(`0.${full.slice(20, -1)}`)).toBeCloseTo(nsec / 1e9, 9);
      }),
      { numRuns: 5000 },
    );
  });

  it('the example of CONTRACT.md', () => {
    expect(instantToIso({ sec: 1448030639, nsec: 435_000_000 })).toBe('2015-11-20T14:43:59.435000Z');
    expect(instantToText({ sec: 1448030639, nsec: 435_000_001 })).toBe('2015-11-20 14:43:59.435000001');
    expect(compareInstants({ sec: 1, nsec: 2 }, { sec: 1, nsec: 3 })).toBeLessThan(0);
  });
});
