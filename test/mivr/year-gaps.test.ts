/**
 * The year of MIVR records at its exact boundaries (src/mivr/year.ts; docs/test-gaps.md,
 * "MIVR time"): a drop of six months or more starts the next year, a rise of seven or more
 * goes back one, and the first record takes the latest year that does not put it more than
 * a day after the file's modification time.
 */
import { describe, expect, it } from 'vitest';
import { readMivrRecords, type MivrReadOptions } from '../../src/mivr/index.js';
import { yearBefore, YearTracker } from '../../src/mivr/year.js';
import { chunks, collect, enc, hdr, iso } from './helpers.js';

const JAN = 0;
const FEB = 1;
const JUL = 6;
const AUG = 7;
const DEC = 11;

async function isoTimes(lines: readonly string[], opts: MivrReadOptions): Promise<string[]> {
  return (await collect(readMivrRecords(chunks(enc(lines.join('\n'))), 'MIVR01.log', opts))).map(iso);
}

describe('year from the months', () => {
  it('a drop of exactly six months starts the next year; five months do not', () => {
    const a = new YearTracker({ year: 2015 });
    expect([a.next(JUL, 1), a.next(JAN, 1)]).toEqual([2015, 2016]);
    const b = new YearTracker({ year: 2015 });
    expect([b.next(AUG, 1), b.next(FEB, 1)]).toEqual([2015, 2016]);
    const c = new YearTracker({ year: 2015 });
    expect([c.next(JUL, 1), c.next(FEB, 1)]).toEqual([2015, 2015]);
  });

  it('a rise of exactly seven months goes back one year; six months do not', () => {
    const a = new YearTracker({ year: 2016 });
    expect([a.next(JAN, 31), a.next(AUG, 1)]).toEqual([2016, 2015]);
    const b = new YearTracker({ year: 2016 });
    expect([b.next(JAN, 31), b.next(JUL, 31)]).toEqual([2016, 2016]);
  });

  it('through the record reader: Jul → Jan is the next January, Jan → Aug the August before', async () => {
    expect(await isoTimes([hdr(1, 'Jul 31 23:00:00.000', 'ICD_CTI', 'a', 'UTC'), hdr(2, 'Jan  1 01:00:00.000', 'ICD_CTI', 'b', 'UTC')], { year: 2015 })).toEqual([
      '2015-07-31T23:00:00.000Z',
      '2016-01-01T01:00:00.000Z',
    ]);
    expect(await isoTimes([hdr(1, 'Jan  1 01:00:00.000', 'ICD_CTI', 'a', 'UTC'), hdr(2, 'Aug  1 00:00:00.000', 'ICD_CTI', 'b', 'UTC')], { year: 2016 })).toEqual([
      '2016-01-01T01:00:00.000Z',
      '2015-08-01T00:00:00.000Z',
    ]);
  });
});

describe('year of the first record from the modification time', () => {
  it('a record dated exactly one day after mtime keeps the year of mtime', () => {
    // Jan 2 2016 00:00 is exactly mtime + 1 day: not more than a day after.
    expect(yearBefore(JAN, 2, new Date('2016-01-01T00:00:00.000Z'))).toBe(2016);
    // One millisecond earlier, Jan 2 2016 would be more than a day after: the year before.
    expect(yearBefore(JAN, 2, new Date('2015-12-31T23:59:59.999Z'))).toBe(2015);
  });

  it('a record dated exactly one day after mtime, across the new year, is in the next year', () => {
    // Jan 1 2016 00:00 is exactly mtime + 1 day: the latest year that does not put the record
    // more than a day after mtime is 2016 (a server east of UTC writes Jan 1 while UTC is
    // still on Dec 31).
    expect(yearBefore(JAN, 1, new Date('2015-12-31T00:00:00.000Z'))).toBe(2016);
    expect(yearBefore(JAN, 1, new Date('2015-12-31T18:30:00.000Z'))).toBe(2016);
    // More than a day before Jan 1 2016: January of 2015.
    expect(yearBefore(JAN, 1, new Date('2015-12-30T23:59:59.999Z'))).toBe(2015);
    // Dec 31 itself stays in the year of mtime.
    expect(yearBefore(DEC, 31, new Date('2015-12-31T00:00:00.000Z'))).toBe(2015);
  });

  it('through the record reader: Jan 1 00:30 IST in a file modified on Dec 31 20:00 UTC', async () => {
    // 00:30 IST (+05:30) on Jan 1 2016 is 19:00 UTC on Dec 31 2015, before the mtime.
    const times = await isoTimes([hdr(1, 'Jan  1 00:30:00.000', 'ICD_CTI', 'a', 'IST')], { mtime: new Date('2015-12-31T20:00:00.000Z') });
    expect(times).toEqual(['2015-12-31T19:00:00.000Z']);
  });

  it('through the record reader: a record exactly at mtime + 1 day', async () => {
    const times = await isoTimes([hdr(1, 'Jan  2 00:00:00.000', 'ICD_CTI', 'a', 'UTC')], { mtime: new Date('2016-01-01T00:00:00.000Z') });
    expect(times).toEqual(['2016-01-02T00:00:00.000Z']);
  });
});
