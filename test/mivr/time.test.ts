/** Zones, the year, and UTC conversion of record times. */
import { describe, expect, it } from 'vitest';
import { formatUtc, readMivrRecords, zoneOffsetMinutes, type MivrReadOptions } from '../../src/mivr/index.js';
import { yearBefore, YearTracker } from '../../src/mivr/year.js';
import { chunks, collect, enc, hdr, iso } from './helpers.js';

async function times(lines: string[], opts: MivrReadOptions = {}) {
  const stream = readMivrRecords(chunks(enc(lines.join('\n'))), 'MIVR01.log', opts);
  const records = await collect(stream);
  return { isos: records.map(iso), records, stats: stream.stats };
}

describe('zones', () => {
  it('the guide example: Nov 20 10:43:59.435 EDT in 2015 is 2015-11-20T14:43:59.435Z', async () => {
    const { records } = await times([hdr(7091923, 'Nov 20 10:43:59.435', 'ICD_CTI', 'x', 'EDT')], { year: 2015 });
    expect(formatUtc(records[0].timestamp)).toBe('2015-11-20T14:43:59.435Z');
    expect(records[0].timestamp).toEqual({ sec: 1448030639, nsec: 435_000_000 });
  });

  it.each([
    ['EDT', '2015-11-20T14:00:00.000Z'],
    ['EST', '2015-11-20T15:00:00.000Z'],
    ['CDT', '2015-11-20T15:00:00.000Z'],
    ['CST', '2015-11-20T16:00:00.000Z'],
    ['MDT', '2015-11-20T16:00:00.000Z'],
    ['MST', '2015-11-20T17:00:00.000Z'],
    ['PDT', '2015-11-20T17:00:00.000Z'],
    ['PST', '2015-11-20T18:00:00.000Z'],
    ['AKST', '2015-11-20T19:00:00.000Z'],
    ['AKDT', '2015-11-20T18:00:00.000Z'],
    ['HST', '2015-11-20T20:00:00.000Z'],
    ['UTC', '2015-11-20T10:00:00.000Z'],
    ['GMT', '2015-11-20T10:00:00.000Z'],
    ['IST', '2015-11-20T04:30:00.000Z'],
    ['CET', '2015-11-20T09:00:00.000Z'],
    ['CEST', '2015-11-20T08:00:00.000Z'],
    ['EET', '2015-11-20T08:00:00.000Z'],
    ['EEST', '2015-11-20T07:00:00.000Z'],
    ['WET', '2015-11-20T10:00:00.000Z'],
    ['WEST', '2015-11-20T09:00:00.000Z'],
    ['BST', '2015-11-20T09:00:00.000Z'],
    ['JST', '2015-11-20T01:00:00.000Z'],
    ['KST', '2015-11-20T01:00:00.000Z'],
    ['AEST', '2015-11-20T00:00:00.000Z'],
    ['AEDT', '2015-11-19T23:00:00.000Z'],
    ['ACST', '2015-11-20T00:30:00.000Z'],
    ['AWST', '2015-11-20T02:00:00.000Z'],
    ['NZST', '2015-11-19T22:00:00.000Z'],
    ['NZDT', '2015-11-19T21:00:00.000Z'],
    ['SGT', '2015-11-20T02:00:00.000Z'],
    ['HKT', '2015-11-20T02:00:00.000Z'],
    ['+0530', '2015-11-20T04:30:00.000Z'],
    ['GMT+05:30', '2015-11-20T04:30:00.000Z'],
    ['GMT-08:00', '2015-11-20T18:00:00.000Z'],
    ['UTC+1', '2015-11-20T09:00:00.000Z'],
    ['-0330', '2015-11-20T13:30:00.000Z'],
  ])('%s', async (tz, expected) => {
    const { isos, stats } = await times([hdr(1, 'Nov 20 10:00:00.000', 'ICD_CTI', 'x', tz)], { year: 2015 });
    expect(isos).toEqual([expected]);
    expect(stats.diagnostics).toEqual([]);
  });

  it('the tz option replaces the record zone', async () => {
    const { records } = await times([hdr(1, 'Nov 20 10:00:00.000', 'ICD_CTI', 'x', 'EDT')], { year: 2015, tz: 'GMT+05:30' });
    expect(iso(records[0])).toBe('2015-11-20T04:30:00.000Z');
    expect(records[0]).toMatchObject({ tzAbbrev: 'EDT', utcOffsetMinutes: 330 });
  });

  it('an unknown tz option is a usage error', () => {
    expect(() => readMivrRecords(chunks(enc('')), 'f', { tz: 'XYZT' })).toThrow(RangeError);
  });

  it('an unknown zone is reported once and read as UTC', async () => {
    const { isos, stats } = await times(
      [hdr(1, 'Nov 20 10:00:00.000', 'ICD_CTI', 'x', 'QQT'), hdr(2, 'Nov 20 10:00:01.000', 'ICD_CTI', 'x', 'QQT')],
      { year: 2015 },
    );
    expect(isos).toEqual(['2015-11-20T10:00:00.000Z', '2015-11-20T10:00:01.000Z']);
    expect(stats.diagnostics.map((d) => [d.code, d.line])).toEqual([['MIVR-UNKNOWN-TZ', 1]]);
  });

  it('keeps digits finer than milliseconds and accepts a comma, a padded day and a written year', async () => {
    const { records } = await times(
      [
        '1: Nov 20 10:00:00.123456 UTC %MIVR-ICD_CTI-7-UNK:a',
        '2: Nov 20 10:00:00,5 UTC %MIVR-ICD_CTI-7-UNK:b',
        '3: Nov  5 10:00:00 UTC %MIVR-ICD_CTI-7-UNK:c',
        '4: Nov 20 2013 10:00:00.000 UTC %MIVR-ICD_CTI-7-UNK:d',
      ],
      { year: 2015 },
    );
    expect(records.map((r) => formatUtc(r.timestamp))).toEqual([
      '2015-11-20T10:00:00.123456Z',
      '2015-11-20T10:00:00.500Z',
      '2015-11-05T10:00:00.000Z',
      '2013-11-20T10:00:00.000Z',
    ]);
  });

  it('maps names case-insensitively and rejects nonsense', () => {
    expect(zoneOffsetMinutes('edt')).toBe(-240);
    expect(zoneOffsetMinutes('+1530')).toBeUndefined();
    // The extremes of real zones (Line Islands +14, Tonga +13, Baker Island -12) are numeric zones too.
    expect(zoneOffsetMinutes('GMT+13:00')).toBe(780);
    expect(zoneOffsetMinutes('+1400')).toBe(840);
    expect(zoneOffsetMinutes('-1200')).toBe(-720);
    expect(zoneOffsetMinutes('+1500')).toBeUndefined();
    expect(zoneOffsetMinutes('+0560')).toBeUndefined();
    expect(zoneOffsetMinutes('+05:75')).toBeUndefined();
    expect(zoneOffsetMinutes('FOO')).toBeUndefined();
  });
});

describe('year', () => {
  it('increments the year at Dec → Jan and stays monotonic', async () => {
    const { isos } = await times(
      [
        hdr(1, 'Dec 31 23:59:59.900', 'ICD_CTI', 'a', 'UTC'),
        hdr(2, 'Dec 31 23:59:59.999', 'SS_TEL', 'skipped but seen', 'UTC'),
        hdr(3, 'Jan  1 00:00:00.100', 'ICD_CTI', 'b', 'UTC'),
        hdr(4, 'Feb  1 00:00:00.000', 'ICD_CTI', 'c', 'UTC'),
      ],
      { year: 2015 },
    );
    expect(isos).toEqual(['2015-12-31T23:59:59.900Z', '2016-01-01T00:00:00.100Z', '2016-02-01T00:00:00.000Z']);
  });

  it('keeps the year for a small clock step back across a month boundary', async () => {
    const { isos } = await times([hdr(1, 'Dec  1 00:00:01.000', 'ICD_CTI', 'a', 'UTC'), hdr(2, 'Nov 30 23:59:59.000', 'ICD_CTI', 'b', 'UTC')], { year: 2015 });
    expect(isos).toEqual(['2015-12-01T00:00:01.000Z', '2015-11-30T23:59:59.000Z']);
  });

  it('takes the year from mtime: a December record in a file modified in January is from the year before', async () => {
    const lines = [hdr(1, 'Dec 30 10:00:00.000', 'ICD_CTI', 'a', 'UTC'), hdr(2, 'Jan  2 10:00:00.000', 'ICD_CTI', 'b', 'UTC')];
    const { isos } = await times(lines, { mtime: new Date('2016-01-03T00:00:00Z') });
    expect(isos).toEqual(['2015-12-30T10:00:00.000Z', '2016-01-02T10:00:00.000Z']);
    const same = await times(lines, { mtime: new Date('2015-12-31T00:00:00Z') });
    expect(same.isos[0]).toBe('2015-12-30T10:00:00.000Z');
  });

  it('the year option wins over mtime', async () => {
    const { isos } = await times([hdr(1, 'Nov 20 10:00:00.000', 'ICD_CTI', 'a', 'UTC')], { year: 2012, mtime: new Date('2016-01-03T00:00:00Z') });
    expect(isos).toEqual(['2012-11-20T10:00:00.000Z']);
  });

  it('without year or mtime it uses now, with a notice', async () => {
    const { isos, stats } = await times([hdr(1, 'Nov 20 10:00:00.000', 'ICD_CTI', 'a', 'UTC')], { now: new Date('2020-03-01T00:00:00Z') });
    expect(isos).toEqual(['2019-11-20T10:00:00.000Z']);
    expect(stats.diagnostics.map((d) => d.code)).toEqual(['MIVR-YEAR-ASSUMED']);
  });

  it('yearBefore / YearTracker', () => {
    expect(yearBefore(11, 31, new Date('2016-01-01T05:00:00Z'))).toBe(2015);
    expect(yearBefore(0, 1, new Date('2016-01-01T05:00:00Z'))).toBe(2016);
    expect(yearBefore(0, 2, new Date('2016-01-01T05:00:00Z'))).toBe(2016); // within a day (zones)
    const y = new YearTracker({ year: 2015 });
    expect([y.next(11, 1), y.next(0, 1), y.next(11, 31), y.next(0, 1), y.next(5, 1)]).toEqual([2015, 2016, 2015, 2016, 2016]);
  });
});
