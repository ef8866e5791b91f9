/** Low-level (hex dump) traces → rows with offsets, bytes and gutters. */
import { describe, expect, it } from 'vitest';
import { chooseByteCount, gutterScore, parseCtiTraceText, renderGutter } from '../../grammar/cti-trace-grammar.js';
import type { LowLevelTrace } from '../../grammar/cti-trace-types.js';

function low(text: string): { t: LowLevelTrace; codes: string[] } {
  const r = parseCtiTraceText(text);
  expect(r.traces).toHaveLength(1);
  const t = r.traces[0];
  if (t.kind !== 'low') throw new Error('expected a low-level trace');
  return { t, codes: r.diagnostics.map((d) => d.code) };
}

const hex = (s: string): number[] => s.trim().split(/\s+/).map((h) => parseInt(h, 16));
const rows = (t: LowLevelTrace, which: 'mhdr' | 'mdata'): Array<[number, number[], string | undefined]> =>
  t[which].map((r) => [r.offset, [...r.bytes], r.gutter]);

describe('gutter rendering', () => {
  it('renders printable ASCII as itself and the rest as dots', () => {
    expect(renderGutter([0x00, 0x41, 0x20, 0x7e, 0x7f, 0xff])).toBe('.A ~..');
  });
  it('scores exact, dot-collapsed, absent and wrong gutters', () => {
    expect(gutterScore('.A', [0, 0x41])).toBe(3);
    expect(gutterScore('.A', [0, 0, 0, 0x41])).toBe(2);
    expect(gutterScore(undefined, [1])).toBe(1);
    expect(gutterScore('B', [0x41])).toBe(0);
  });
  it('prefers the expected count, then a matching gutter, then more bytes', () => {
    expect(chooseByteCount([0x61, 0x62, 0xab], (k) => (k === 2 ? 'ab' : k < 3 ? 'x' : undefined), 3, 16)).toBe(3);
    // bytes 61 62 and gutter "ab": the gutter looks like hex
    expect(chooseByteCount([0x61, 0x62, 0xab], (k) => (k === 2 ? 'ab' : k < 3 ? 'x' : undefined), 2, 16)).toBe(2);
    expect(chooseByteCount([0x61, 0x62, 0xab], (k) => (k === 2 ? 'ab' : k < 3 ? 'x' : undefined), undefined, 16)).toBe(2);
    expect(chooseByteCount([1, 2, 3], (k) => (k < 3 ? 'zz' : undefined), undefined, 16)).toBe(3);
    expect(chooseByteCount([1, 2, 3], () => 'zz', 2, 16)).toBe(2);
  });
});

describe('low-level dumps', () => {
  it('reads the reading direction too', () => {
    for (const verb of ['reading...', 'read...', 'received...']) {
      expect(low(`${verb}\nMHDR:    0000: 00 00 00 08 00 00 00 05 ........\nMDATA:   0000: 00 00 00 01 00 00 00 02 ........`).t.direction).toBe('read');
    }
    expect(low('MHDR: 0000: 00 00 00 00 00 00 00 05 ........').t.direction).toBe('unknown');
  });

  it('takes a whole dump written on one line', () => {
    const { t, codes } = low(
      'writing... MHDR: 0000: 00 00 00 14 00 00 00 05 ........ MDATA: 0000: 00 00 00 01 41 42 43 44 45 46 47 48 49 4A 4B 4C ....ABCDEFGHIJKL 0010: 61 62 63 64 abcd',
    );
    expect(codes).toEqual([]);
    expect(rows(t, 'mhdr')).toEqual([[0, hex('00 00 00 14 00 00 00 05'), '........']]);
    expect(rows(t, 'mdata')).toEqual([
      [0, hex('00 00 00 01 41 42 43 44 45 46 47 48 49 4A 4B 4C'), '....ABCDEFGHIJKL'],
      [16, hex('61 62 63 64'), 'abcd'],
    ]);
  });

  it('tells a gutter that looks like hex from the bytes', () => {
    const { t, codes } = low('writing...\nMHDR:    0000: 00 00 00 12 00 00 00 05 ........\nMDATA:   0000: 00 00 00 01 00 00 00 02 00 00 00 03 00 00 00 04 ................\n0010: 61 62 ab');
    expect(codes).toEqual([]);
    expect(rows(t, 'mdata')[1]).toEqual([16, [0x61, 0x62], 'ab']);
  });

  it('a hex-looking last token is a byte when the gutter check and the length say so', () => {
    // MHDR says 19 body bytes: row 0010 has 3 bytes and no gutter.
    const { t, codes } = low('writing...\nMHDR: 0000: 00 00 00 13 00 00 00 05\nMDATA: 0000: 00 00 00 01 00 00 00 02 00 00 00 03 00 00 00 04\n0010: 61 62 ab');
    expect(codes).toEqual([]);
    expect(rows(t, 'mdata')[1]).toEqual([16, [0x61, 0x62, 0xab], undefined]);
  });

  it('keeps a short row short and reports it, with the next row at its stated offset', () => {
    const { t, codes } = low('writing...\nMDATA: 0000: 01 02 03 ...\n0010: 04 05 ..');
    expect(rows(t, 'mdata')).toEqual([
      [0, [1, 2, 3], '...'],
      [16, [4, 5], '..'],
    ]);
    expect(codes).toEqual(['DUMP-NO-MHDR', 'DUMP-SHORT-ROW']);
  });

  it('reports a body that does not span the MHDR length', () => {
    expect(low('writing...\nMHDR: 0000: 00 00 00 20 00 00 00 05 ........\nMDATA: 0000: 01 02 03 04 ....').codes).toEqual(['DUMP-LENGTH-MISMATCH']);
  });

  it('rows written out of order: each placed at its offset, said once, not as bytes missing or a length mismatch', () => {
    const dump = (order: string[]): string =>
      'writing...\nMHDR: 0000: 00 00 00 24 00 00 00 05 ...$....\nMDATA: ' +
      order
        .map((o) => `${o}: ${Array.from({ length: o === '0020' ? 4 : 16 }, (_, i) => (parseInt(o, 16) + i).toString(16).padStart(2, '0')).join(' ')}`)
        .join('\n');
    const inOrder = low(dump(['0000', '0010', '0020']));
    expect(inOrder.codes).toEqual([]);
    const swapped = low(dump(['0000', '0020', '0010']));
    expect(swapped.codes).toEqual(['DUMP-ROW-ORDER']);
    expect(rows(swapped.t, 'mdata').map(([o, b]) => [o, b.length])).toEqual([
      [0, 16],
      [32, 4],
      [16, 16],
    ]);
    const last = low(dump(['0010', '0020', '0000']));
    expect(last.codes).toEqual(['DUMP-ROW-ORDER']);
    // A row missing is still said, wherever the rows are.
    expect(low(dump(['0020', '0000'])).codes).toEqual(['DUMP-ROW-ORDER', 'DUMP-SHORT-ROW']);
  });

  it('infers offsets of rows written without an offset column', () => {
    const { t } = low('writing...\nMHDR: 00 00 00 04 00 00 00 05\nMDATA: 01 02 03 04');
    expect(t.mdata).toEqual([{ offset: 0, bytes: [1, 2, 3, 4], line: 3, offsetStated: false }]);
  });

  it('gives one trace per MHDR when a record holds two messages', () => {
    const r = parseCtiTraceText('writing...\nMHDR: 0000: 00 00 00 00 00 00 00 05 ........\nMHDR: 0000: 00 00 00 01 00 00 00 06 ........\nMDATA: 0000: 07 .');
    expect(r.traces.map((t) => (t.kind === 'low' ? [t.mhdr[0].bytes[7], t.mdata.length] : []))).toEqual([
      [5, 0],
      [6, 1],
    ]);
  });
});
