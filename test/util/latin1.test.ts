/**
 * util/latin1.ts: bytes as Latin-1 text, from a Buffer or a plain Uint8Array view (the capture
 * layer's views are plain, at any offset of their memory), the same as Buffer#toString('latin1')
 * for every byte value, NUL and bytes from 0x80 up included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latin1Slice } from '../../src/util/latin1.js';
import { latin1 } from '../../src/protocol/codec/fast-runtime.js';

const viewArb = fc.record({
  lead: fc.nat({ max: 16 }),
  bytes: fc.uint8Array({ maxLength: 300 }),
  tail: fc.nat({ max: 16 }),
});

describe('latin1Slice', () => {
  it('reads every byte value as its Latin-1 character', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = latin1Slice(all, 0, 256);
    expect(text.length).toBe(256);
    for (let i = 0; i < 256; i++) expect(text.charCodeAt(i)).toBe(i);
  });

  it('= Buffer#toString("latin1") on plain views at any offset, any range', () => {
    fc.assert(
      fc.property(viewArb, fc.nat(), fc.nat(), ({ lead, bytes, tail }, x, y) => {
        const memory = new Uint8Array(lead + bytes.length + tail).fill(0x5a);
        memory.set(bytes, lead);
        const view = memory.subarray(lead, lead + bytes.length);
        const s = bytes.length === 0 ? 0 : x % (bytes.length + 1);
        const e = s + (bytes.length === 0 ? 0 : y % (bytes.length - s + 1));
        const expected = Buffer.from(bytes).toString('latin1', s, e);
        expect(latin1Slice(view, s, e)).toBe(expected);
        expect(latin1Slice(Buffer.from(view.buffer, view.byteOffset, view.length), s, e)).toBe(expected);
        expect(latin1(view, e)).toBe(Buffer.from(bytes).toString('latin1', 0, e));
      }),
    );
  });
});
