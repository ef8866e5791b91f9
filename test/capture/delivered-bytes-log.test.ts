/** The log of delivered bytes keeps exactly the last `capacity` bytes written, across its blocks and its wrap. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeliveredBytesLog } from '../../src/capture/delivered-bytes-log.js';

describe('DeliveredBytesLog', () => {
  it('holds the last `capacity` bytes, each where it was written', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 65_000, max: 200_000 }), fc.constantFrom(65_536, 131_072, 131_073)),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 90_000 }), fc.nat(50), fc.nat(255)), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 100 })), { maxLength: 40 }),
        (capacity, writes, probes) => {
          const log = new DeliveredBytesLog(capacity);
          const all: number[] = [];
          for (const [len, off, seed] of writes) {
            // A view of a larger buffer, as deliveries are: `off` bytes before it, some after.
            const buf = new Uint8Array(off + len + 3);
            for (let i = 0; i < buf.length; i++) buf[i] = (seed + i * 31) & 0xff;
            const at = log.write(buf, off, len);
            expect(at).toBe(all.length);
            for (let i = 0; i < len; i++) all.push(buf[off + i]!);
          }
          expect(log.written).toBe(all.length);
          const oldest = Math.max(0, all.length - capacity);
          for (const [p, len] of probes) {
            const pos = all.length === 0 ? 0 : p % all.length;
            const held = pos >= oldest && pos + len <= all.length && capacity > 0;
            expect(log.holds(pos, len)).toBe(held);
            if (held) for (let i = 0; i < len; i++) expect(log.byteAt(pos + i)).toBe(all[pos + i]);
          }
          for (let pos = oldest; pos < all.length; pos += 997) expect(log.byteAt(pos)).toBe(all[pos]);
          if (all.length > 0 && capacity > 0) expect(log.byteAt(all.length - 1)).toBe(all[all.length - 1]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('still holds its oldest byte (written - capacity), not the one before (ninth mutation round)', () => {
    const log = new DeliveredBytesLog(8);
    log.write(Uint8Array.from({ length: 12 }, (_, i) => 100 + i), 0, 12);
    expect([log.holds(4, 1), log.holds(4, 8), log.holds(3, 1), log.holds(5, 8)]).toEqual([true, true, false, false]);
    expect(log.byteAt(4)).toBe(104);
  });
});
