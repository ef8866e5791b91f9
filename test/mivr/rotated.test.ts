/** Rotated MIVR log sets merged into one record stream. */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { mivrFileInputs, readMivrLogSet, type MivrInput, type MivrReadOptions } from '../../src/mivr/index.js';
import { collect, enc, hdr, input, iso } from './helpers.js';

function file(first: number, times: string[], facility = 'ICD_CTI'): string {
  return times.map((t, i) => hdr(first + i, t, facility, `r${first + i}`, 'UTC')).join('\n') + '\n';
}

async function readSet(inputs: MivrInput[], opts: MivrReadOptions = {}) {
  const stream = readMivrLogSet(inputs, opts);
  const records = await collect(stream);
  return { records, stats: stream.stats };
}

describe('rotated sets', () => {
  // Rotation wrapped around: MIVR03 is the oldest, MIVR01 the newest.
  const f3 = file(100, ['Nov 20 10:00:00.000', 'Nov 20 10:30:00.000']);
  const f4 = file(102, ['Nov 20 11:00:00.000', 'Nov 20 11:30:00.000']);
  const f1 = file(104, ['Nov 20 12:00:00.000', 'Nov 20 12:30:00.000']);
  const f2 = file(106, ['Nov 20 13:00:00.000']);

  it('orders the files by their records, not by name', async () => {
    const { records, stats } = await readSet([input('MIVR01.log', f1), input('MIVR02.log', f2), input('MIVR03.log', f3), input('MIVR04.log', f4)], { year: 2015 });
    expect(records.map((r) => r.seq)).toEqual([100, 101, 102, 103, 104, 105, 106]);
    expect(stats.files).toEqual(['MIVR03.log', 'MIVR04.log', 'MIVR01.log', 'MIVR02.log']);
    expect(records.map((r) => r.file)).toEqual(['MIVR03.log', 'MIVR03.log', 'MIVR04.log', 'MIVR04.log', 'MIVR01.log', 'MIVR01.log', 'MIVR02.log']);
    expect(stats.diagnostics).toEqual([]);
  });

  it('reads gzip members of the set and counts all facilities across files', async () => {
    const { records, stats } = await readSet(
      [input('MIVR02.log.gz', f4 + file(200, ['Nov 20 11:45:00.000'], 'SS_TEL'), { gzip: true, chunk: 7 }), input('MIVR01.log', f3)],
      { year: 2015 },
    );
    expect(records.map((r) => r.seq)).toEqual([100, 101, 102, 103]);
    expect(Object.fromEntries(stats.facilityCounts)).toEqual({ ICD_CTI: 4, SS_TEL: 1 });
  });

  it('uses the sequence number when first records have the same time', async () => {
    const a = file(10, ['Nov 20 10:00:00.000', 'Nov 20 10:00:00.000']);
    const b = file(12, ['Nov 20 10:00:00.000']);
    const { records } = await readSet([input('b.log', b), input('a.log', a)], { year: 2015 });
    expect(records.map((r) => r.seq)).toEqual([10, 11, 12]);
  });

  it('crosses the new year between files: the set starts in December, years increase', async () => {
    const dec = file(1, ['Dec 31 22:00:00.000', 'Dec 31 23:59:00.000']);
    const jan = file(3, ['Jan  1 00:01:00.000', 'Jan  1 05:00:00.000']);
    const { records } = await readSet([input('MIVR01.log', jan), input('MIVR02.log', dec)], { year: 2015 });
    expect(records.map(iso)).toEqual(['2015-12-31T22:00:00.000Z', '2015-12-31T23:59:00.000Z', '2016-01-01T00:01:00.000Z', '2016-01-01T05:00:00.000Z']);
  });

  it('with mtimes, anchors the year on the first file and orders by absolute time', async () => {
    const dec = file(1, ['Dec 31 22:00:00.000']);
    const jan = file(2, ['Jan  1 00:01:00.000']);
    const { records } = await readSet([
      input('MIVR01.log', jan, { mtime: new Date('2016-01-01T00:02:00Z') }),
      input('MIVR02.log', dec, { mtime: new Date('2015-12-31T23:00:00Z') }),
    ]);
    expect(records.map(iso)).toEqual(['2015-12-31T22:00:00.000Z', '2016-01-01T00:01:00.000Z']);
  });

  it('merges overlapping files by time, reports them, and puts files without records last', async () => {
    const a = file(1, ['Nov 20 10:00:00.000', 'Nov 20 12:00:00.000']);
    const b = file(3, ['Nov 20 11:00:00.000']);
    const { records, stats } = await readSet([input('junk.log', 'no records here\n'), input('b.log', b), input('a.log', a)], { year: 2015 });
    expect(records.map((r) => r.seq)).toEqual([1, 3, 2]);
    expect(stats.files).toEqual(['a.log', 'b.log', 'junk.log']);
    expect(stats.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['MIVR-SET-OVERLAP', 'b.log'],
      ['MIVR-TEXT-BEFORE-FIRST-RECORD', 'junk.log'],
      ['MIVR-NO-RECORDS', 'junk.log'],
    ]);
  });
});

describe('opening', () => {
  it('opens a single input once (it may be a pipe) and each file of a set twice', async () => {
    const opened: string[] = [];
    const counted = (i: MivrInput): MivrInput => ({ ...i, open: () => (opened.push(i.name), i.open()) });
    await readSet([counted(input('only.log', file(1, ['Nov 20 10:00:00.000'])))], { year: 2015 });
    expect(opened).toEqual(['only.log']);
    opened.length = 0;
    await readSet([counted(input('b.log', file(2, ['Nov 20 11:00:00.000']))), counted(input('a.log', file(1, ['Nov 20 10:00:00.000'])))], { year: 2015 });
    expect(opened).toEqual(['b.log', 'a.log', 'a.log', 'b.log']);
  });
});

describe('files on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mivr-set-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a set of plain and gzip files with their mtimes', async () => {
    writeFileSync(join(dir, 'MIVR01.log'), file(3, ['Jan  1 00:01:00.000']));
    writeFileSync(join(dir, 'MIVR02.log.gz'), gzipSync(enc(file(1, ['Dec 31 22:00:00.000', 'Dec 31 23:00:00.000']))));
    utimesSync(join(dir, 'MIVR01.log'), new Date('2016-01-01T00:02:00Z'), new Date('2016-01-01T00:02:00Z'));
    utimesSync(join(dir, 'MIVR02.log.gz'), new Date('2015-12-31T23:30:00Z'), new Date('2015-12-31T23:30:00Z'));
    const inputs = await mivrFileInputs([join(dir, 'MIVR01.log'), join(dir, 'MIVR02.log.gz')], true);
    const { records } = await readSet(inputs);
    expect(records.map((r) => [r.file, r.seq, iso(r)])).toEqual([
      ['MIVR02.log.gz', 1, '2015-12-31T22:00:00.000Z'],
      ['MIVR02.log.gz', 2, '2015-12-31T23:00:00.000Z'],
      ['MIVR01.log', 3, '2016-01-01T00:01:00.000Z'],
    ]);
  });

  it('a missing file is an error of the read, not a diagnostic', async () => {
    await expect(mivrFileInputs([join(dir, 'nope.log')])).rejects.toThrow();
    const inputs: MivrInput[] = [{ name: 'gone', open: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('EIO')) }) }) }];
    await expect(collect(readMivrLogSet(inputs, { year: 2015 }))).rejects.toThrow('EIO');
  });

  it('a read error after the first bytes is a finding: the records read until then count', async () => {
    const head = new TextEncoder().encode('1: Nov 20 10:43:59.435 EST %MIVR-ICD_CTI-7-UNK:one\n2: Nov 20 10:44:00.000 EST %MIVR-ICD_CTI-7-UNK:two\n');
    let calls = 0;
    const inputs: MivrInput[] = [
      {
        name: 'half.log',
        open: () => ({
          [Symbol.asyncIterator]: () => ({
            next: () => (calls++ === 0 ? Promise.resolve({ done: false, value: head }) : Promise.reject(new Error('EIO: i/o error'))),
          }),
        }),
      },
    ];
    const set = readMivrLogSet(inputs, { year: 2015 });
    const records = await collect(set);
    expect(records.map((r) => r.text)).toEqual(['one', 'two']);
    expect(set.stats.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'MIVR-READ-ERROR', file: 'half.log', line: 3, message: `reading stopped after ${head.length} bytes: EIO: i/o error` })]);
  });
});
