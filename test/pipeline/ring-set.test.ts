/**
 * Which inputs are the files of one ring buffer (pipeline/ring-set.ts): the names dumpcap and
 * editcap give, grouped by directory, prefix, pattern and extension, ordered by number, with
 * the numbers missing between them.
 */
import { describe, expect, it } from 'vitest';
import { describeMissing, groupRingSets, ringName, type InputGroup } from '../../src/pipeline/ring-set.js';

const group = (paths: readonly string[]): Array<InputGroup<string>> => groupRingSets(paths, (p) => p);
/** Each group as its paths: a set as an array of its files, a single input as itself. */
const shape = (paths: readonly string[]): Array<string | string[]> => group(paths).map((g) => (g.kind === 'ring' ? [...g.files] : g.input));

describe('ring file names', () => {
  it('reads both patterns of dumpcap and editcap, five digits or more', () => {
    expect(ringName('/c/out_00003_20261124034002.pcapng')).toMatchObject({ digits: '00003', number: 3n });
    expect(ringName('/c/out_20261124034002_00003.pcapng')).toMatchObject({ digits: '00003', number: 3n });
    expect(ringName('/c/out_1234567_20261124034002.pcap')).toMatchObject({ number: 1234567n });
    expect(ringName('/c/out_00003_20261124034002')?.number).toBe(3n); // dumpcap -w out: no extension
    expect(ringName('/c/my_cap_file_00010_20261124034002.pcap.gz')?.number).toBe(10n);
    // The two patterns do not mix.
    expect(ringName('/c/out_00003_20261124034002.pcap')?.key).not.toBe(ringName('/c/out_20261124034002_00004.pcap')?.key);
  });

  it('leaves other names out, and stdin', () => {
    for (const p of ['-', 'cti-sessions.pcapng', 'out_0003_20261124034002.pcap', 'out_00003_2026112403400.pcap', 'out_00003.pcap', 'out-00003-20261124034002.pcap', 'out_00003_20261124034002_x.pcap', '00003_20261124034002.pcap']) {
      expect(ringName(p), p).toBeUndefined();
    }
  });
});

describe('grouping the inputs', () => {
  it('two or more files of one numbering are one set, ordered by number whatever the order given', () => {
    const a = 'd/r_00002_20260101000010.pcap';
    const b = 'd/r_00001_20260101000000.pcap';
    const c = 'd/r_00003_20260101000020.pcap';
    expect(shape([a, b, c])).toEqual([[b, a, c]]);
    const set = group([a, b, c])[0]!;
    expect(set).toMatchObject({ kind: 'ring', numbers: ['00001', '00002', '00003'], missing: [] });
  });

  it('dumpcap -b nametimenum:2 names form a set too', () => {
    const files = ['d/r_20260101000000_00001.pcapng', 'd/r_20260101000100_00002.pcapng'];
    expect(shape(files)).toEqual([files]);
  });

  it('compares numbers as numbers, past five digits', () => {
    const files = ['d/r_100000_20260101000000.pcap', 'd/r_99999_20260101000000.pcap', 'd/r_100001_20260101000000.pcap'];
    expect(shape(files)).toEqual([[files[1], files[0], files[2]]]);
    expect(group(files)[0]).toMatchObject({ missing: [] });
  });

  it('a single ring-named file is no set', () => {
    expect(group(['d/r_00001_20260101000000.pcap'])).toEqual([{ kind: 'single', input: 'd/r_00001_20260101000000.pcap' }]);
  });

  it('separates prefixes, directories, extensions and patterns; other inputs keep their place', () => {
    const x1 = 'd/x_00001_20260101000000.pcap';
    const x2 = 'd/x_00002_20260101000000.pcap';
    const y1 = 'd/y_00001_20260101000000.pcap';
    const y2 = 'd/y_00002_20260101000000.pcap';
    const other = 'e/x_00003_20260101000000.pcap';
    const ng = 'd/x_00003_20260101000000.pcapng';
    const gz = 'd/x_00004_20260101000000.pcap.gz';
    const timeFirst = 'd/x_20260101000000_00005.pcap';
    expect(shape(['a.pcap', y1, x1, other, y2, ng, x2, gz, timeFirst, '-'])).toEqual(['a.pcap', [y1, y2], [x1, x2], other, ng, gz, timeFirst, '-']);
  });

  it('gzip-compressed ring files form a set when all of them are', () => {
    const files = ['d/r_00001_20260101000000.pcapng.gz', 'd/r_00002_20260101000000.pcapng.gz'];
    expect(shape(files)).toEqual([files]);
  });

  it('one number twice (two captures under one name) is no set', () => {
    const files = ['d/r_00001_20260101000000.pcap', 'd/r_00001_20260102000000.pcap', 'd/r_00002_20260102000000.pcap'];
    expect(shape(files)).toEqual(files);
  });

  it('names the numbers missing between the files', () => {
    const files = ['d/r_00001_20260101000000.pcap', 'd/r_00003_20260101000000.pcap', 'd/r_00007_20260101000000.pcap', 'd/r_00008_20260101000000.pcap'];
    const set = group(files)[0]!;
    if (set.kind !== 'ring') throw new Error('not a set');
    expect(set.missing).toEqual([
      { before: 1, first: '00002', last: '00002', count: 1n },
      { before: 2, first: '00004', last: '00006', count: 3n },
    ]);
    expect(describeMissing(set.missing[0]!, files[0]!, files[1]!)).toContain('ring file number 00002 is missing between d/r_00001');
    expect(describeMissing(set.missing[1]!, files[1]!, files[2]!)).toContain('ring files numbered 00004 to 00006 (3) are missing');
  });
});
