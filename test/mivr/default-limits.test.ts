/**
 * The MIVR reader's default limits (read-context.ts), at their exact values: a line of 4 MiB,
 * a record of 16 MiB, 1000 diagnostics kept. Fifth round of docs/test-gaps.md.
 */
import { describe, expect, it } from 'vitest';
import { readMivrRecords, type MivrReadOptions } from '../../src/mivr/index.js';
import { createReadContext } from '../../src/mivr/read-context.js';
import { readFileRecords } from '../../src/mivr/records.js';
import { chunks, collect, enc, hdr } from './helpers.js';

async function read(content: string, opts: MivrReadOptions = {}) {
  const stream = readMivrRecords(chunks(enc(content), 1 << 20), 'MIVR01.log', { year: 2015, ...opts });
  const records = await collect(stream);
  return { records, stats: stream.stats };
}

const T = 'Nov 20 10:43:59.435';
const codes = (stats: { diagnostics: readonly { code: string }[] }): string[] => stats.diagnostics.map((d) => d.code);

/** A record whose header line is `n` bytes long. */
const lineOf = (n: number): string => {
  const head = hdr(1, T, 'ICD_CTI', '');
  return head + 'x'.repeat(n - head.length);
};

describe('default limits', () => {
  it('a line of 4 MiB is read whole; one byte more is cut (MIVR-LINE-TOO-LONG)', async () => {
    expect(codes((await read(`${lineOf(4 * 1024 * 1024)}\n`)).stats)).toEqual([]);
    expect(codes((await read(`${lineOf(4 * 1024 * 1024 + 1)}\n`)).stats)).toEqual(['MIVR-LINE-TOO-LONG']);
  });

  it('a record of 16 MiB is read whole; one byte more drops the rest (MIVR-RECORD-TOO-LONG)', async () => {
    // An empty header text and four continuation lines of at most 4 MiB: 4 + their length bytes of text.
    const record = (extra: number): string => [hdr(1, T, 'ICD_CTI', ''), ...[0, 0, 0, 4].map((less) => 'y'.repeat(4 * 1024 * 1024 - less + (less ? extra : 0)))].join('\n');
    const whole = await read(`${record(0)}\n`);
    expect([whole.records[0]!.text.length, codes(whole.stats)]).toEqual([16 * 1024 * 1024, []]);
    expect(codes((await read(`${record(1)}\n`)).stats)).toEqual(['MIVR-RECORD-TOO-LONG']);
  });

  it('1000 diagnostics are kept, the rest counted', async () => {
    const log = Array.from({ length: 1001 }, (_, i) => `${hdr(i * 2 + 1, T, 'ICD_CTI', 'a')}\n${i}: Nov 99`).join('\n');
    let seen = 0;
    const { stats } = await read(log, { onDiagnostic: () => seen++ });
    expect(seen).toBeGreaterThan(1000);
    expect([stats.diagnostics.length, stats.diagnosticsDropped]).toEqual([1000, seen - 1000]);
  });
});

describe('a log naming ever new zones or facilities does not make the reader grow', () => {
  /** A short name of letters for `i`. */
  const letters = (i: number): string => {
    let s = '';
    do {
      s += String.fromCharCode(65 + (i % 26));
      i = Math.floor(i / 26);
    } while (i > 0);
    return s;
  };

  it('256 unknown time zones are reported, then one notice that no more are', async () => {
    const log = Array.from({ length: 300 }, (_, i) => hdr(i + 1, T, 'ICD_CTI', 'a', `QQ${letters(i)}`)).join('\n');
    const { records, stats } = await read(`${log}\n`);
    expect(records).toHaveLength(300);
    const tz = stats.diagnostics.filter((d) => d.code === 'MIVR-UNKNOWN-TZ').map((d) => d.message);
    expect(tz).toHaveLength(257);
    expect(tz[255]).toBe(`unknown time zone "QQ${letters(255)}"; UTC assumed (use the tz option)`);
    expect(tz[256]).toBe('more than 256 unknown time zones; UTC assumed for them too, not reported any more (use the tz option)');
    // The read remembers 256 zones.
    const ctx = createReadContext({ year: 2015 });
    let n = 0;
    for await (const batch of readFileRecords(ctx, chunks(enc(`${log}\n`)), 'MIVR01.log')) n += batch.length;
    expect([n, ctx.zones.size]).toEqual([300, 256]);
  });

  it('1024 facilities are counted besides the ones asked for, and none with a name over 64 characters', async () => {
    const others = Array.from({ length: 1100 }, (_, i) => hdr(i + 1, T, `F${letters(i)}`, 'a'));
    const log = [...others, hdr(2000, T, 'ICD_CTI', 'b'), hdr(2001, T, 'X'.repeat(65), 'c')].join('\n');
    const { records, stats } = await read(`${log}\n`);
    expect(records.map((r) => r.text)).toEqual(['b']);
    expect(stats.facilityCounts.size).toBe(1025);
    expect([stats.facilityCounts.get('ICD_CTI'), stats.facilityCounts.get(`F${letters(1023)}`), stats.facilityCounts.get(`F${letters(1024)}`)]).toEqual([1, 1, undefined]);
    const long = await read(`${hdr(1, T, 'X'.repeat(65), 'c')}\n${hdr(2, T, 'X'.repeat(64), 'c')}\n`);
    expect([...long.stats.facilityCounts.keys()]).toEqual(['X'.repeat(64)]);
  });
});
