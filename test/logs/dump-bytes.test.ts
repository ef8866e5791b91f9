/**
 * The bytes of a clean dump (src/pipeline/log/dump-bytes.ts) are those hexinput's
 * `assembleDump` gives, without a note; anything else is left to `assembleDump`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleDump, type HexNote, type PlacedRow } from '../../src/hexinput/place-rows.js';
import { cleanDumpBytes } from '../../src/pipeline/log/dump-bytes.js';

/** Rows of `bytes` cut at the given widths (the last row takes the rest). */
function rows(bytes: readonly number[], widths: readonly number[]): PlacedRow[] {
  const out: PlacedRow[] = [];
  let offset = 0;
  for (let i = 0; offset < bytes.length; i++) {
    const n = Math.min(widths[i % widths.length]!, bytes.length - offset);
    out.push({ offset, bytes: bytes.slice(offset, offset + n) });
    offset += n;
  }
  return out;
}

function header(bodyLength: number): number[] {
  return [(bodyLength >>> 24) & 0xff, (bodyLength >>> 16) & 0xff, (bodyLength >>> 8) & 0xff, bodyLength & 0xff, 0, 0, 0, 3];
}

const widths = fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 4 });

describe('the bytes of a clean dump', () => {
  it('are the bytes assembleDump gives, with no note, whatever the row widths', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 300 }), widths, widths, (body, hw, bw) => {
        const mhdr = rows(header(body.length), hw);
        const mdata = rows(body, bw);
        const notes: HexNote[] = [];
        const reference = assembleDump(mhdr, mdata, notes);
        const clean = cleanDumpBytes(mhdr, mdata);
        expect(reference.ok).toBe(true);
        expect(notes).toEqual([]);
        expect(clean).toBeDefined();
        if (!clean || !reference.ok) return;
        expect([...clean.bytes]).toEqual([...reference.bytes]);
        expect({ missing: clean.missing, bodyLength: clean.bodyLength, given: clean.given }).toEqual({
          missing: reference.missing,
          bodyLength: reference.bodyLength,
          given: reference.given,
        });
      }),
    );
  });

  it('leave short rows, overlaps, holes and a wrong BodyLength to assembleDump', () => {
    const row = fc.record({ offset: fc.integer({ min: 0, max: 40 }), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 20 }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 4 }), fc.array(row, { maxLength: 6 }), fc.integer({ min: 0, max: 60 }), (mhdrRest, mdata, bodyLength) => {
        const mhdr = [{ offset: 0, bytes: header(bodyLength).slice(0, 4) }, ...mhdrRest];
        const clean = cleanDumpBytes(mhdr, mdata);
        const notes: HexNote[] = [];
        const reference = assembleDump(mhdr, mdata, notes);
        if (!clean) return;
        // Whenever it answers, it is assembleDump's answer, and a clean one.
        expect(reference.ok).toBe(true);
        if (!reference.ok) return;
        expect(notes).toEqual([]);
        expect(reference.missing).toEqual([]);
        expect([...clean.bytes]).toEqual([...reference.bytes]);
      }),
    );
    // The guide's Example 2 shape: MDATA row 0000 one byte short.
    const mdata = [
      { offset: 0, bytes: Array.from({ length: 15 }, (_, i) => i) },
      { offset: 16, bytes: [1, 2, 3, 4] },
    ];
    expect(cleanDumpBytes([{ offset: 0, bytes: header(20) }], mdata)).toBeUndefined();
    expect(cleanDumpBytes([{ offset: 0, bytes: header(21) }], [{ offset: 0, bytes: Array.from({ length: 20 }, () => 0) }])).toBeUndefined();
    expect(cleanDumpBytes([], [])).toBeUndefined();
  });
});
