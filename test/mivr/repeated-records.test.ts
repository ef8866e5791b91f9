/**
 * Records given twice (mivr/repeated-records.ts, mivr/set-merge.ts): a rotated set with the
 * concatenation of its files, a file and its gzip copy, copies across the new year — each record
 * read once, said in one MIVR-DUPLICATE-RECORDS note per file; records that only look alike
 * (another sequence number, another text) are all kept.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readMivrLogSet, type MivrInput, type MivrReadOptions, type MivrRecord } from '../../src/mivr/index.js';
import { RecentRecords, sameRecord } from '../../src/mivr/repeated-records.js';
import { collect, ctiRecord, hdr, input, iso } from './helpers.js';

async function readSet(inputs: MivrInput[], opts: MivrReadOptions = { year: 2015 }) {
  const stream = readMivrLogSet(inputs, opts);
  const records = await collect(stream);
  return { records, stats: stream.stats };
}

/** Records `first`, `first + 1`, … at the times given, each with its own text (and an SS_TEL record after each, not emitted). */
function log(first: number, times: readonly string[], text = (seq: number) => `call ${seq} event`): string {
  return times.map((t, i) => `${hdr(first + i, t, 'ICD_CTI', text(first + i))}\n${hdr(first + i + 1000, t, 'SS_TEL', 'other')}`).join('\n') + '\n';
}

const seqs = (records: readonly MivrRecord[]) => records.map((r) => r.seq);
const codes = (stats: { diagnostics: ReadonlyArray<{ code: string }> }) => stats.diagnostics.map((d) => d.code);

const base: MivrRecord = ctiRecord();

describe('the same record', () => {

  it('is the record but its file and line: any other difference makes another record', () => {
    expect(sameRecord(base, { ...base, file: 'b.log', line: 99, lineCount: 1 })).toBe(true);
    const others: Array<Partial<MivrRecord>> = [
      { seq: 8 },
      { localTime: 'Nov 20 10:00:00.001' },
      { tzAbbrev: 'EST' },
      { product: 'MCVD' },
      { facility: 'SS_TEL' },
      { level: 6 },
      { mnemonic: 'EXCEPTION' },
      { text: 'reading...' },
    ];
    for (const o of others) expect(sameRecord(base, { ...base, ...o }), JSON.stringify(o)).toBe(false);
  });

  it('is recognised among the recent records only: the window holds so many records and so much text', () => {
    const recent = new RecentRecords(3, 1000);
    const r = (seq: number, text = 'x'): MivrRecord => ({ ...base, seq, text });
    for (const seq of [1, 2, 3]) expect(recent.earlierCopy(r(seq))).toBeUndefined();
    expect(recent.earlierCopy({ ...r(2), file: 'b.log', line: 5 })?.file).toBe('a.log');
    expect(recent.earlierCopy(r(4))).toBeUndefined();
    expect(recent.remembered).toBe(3);
    // 1 was forgotten: a copy of it is read again.
    expect(recent.earlierCopy(r(1))).toBeUndefined();
    // Two records of one number that differ are both remembered; each copy is found.
    const byChars = new RecentRecords(100, 10);
    expect(byChars.earlierCopy(r(5, 'aaaa'))).toBeUndefined();
    expect(byChars.earlierCopy(r(5, 'bbbb'))).toBeUndefined();
    expect(byChars.earlierCopy(r(5, 'aaaa'))?.text).toBe('aaaa');
    expect(byChars.earlierCopy(r(5, 'bbbb'))?.text).toBe('bbbb');
    // 4 more characters pass the 10: the oldest goes.
    expect(byChars.earlierCopy(r(6, 'cccc'))).toBeUndefined();
    expect(byChars.remembered).toBe(2);
    expect(byChars.earlierCopy(r(5, 'aaaa'))).toBeUndefined();
  });
});

describe('what the window holds', () => {
  afterEach(() => vi.restoreAllMocks());
  const f1 = log(100, ['Nov 20 10:00:00.000', 'Nov 20 10:00:01.000']);
  const f2 = log(102, ['Nov 20 10:00:02.000', 'Nov 20 10:00:03.000']);

  it('a rotated set read one file at a time remembers none of its records (they die young); files read side by side are remembered', async () => {
    const calls = vi.spyOn(RecentRecords.prototype, 'earlierCopy');
    const rotated = await readSet([input('MIVR01.log', f1), input('MIVR02.log', f2)]);
    expect(seqs(rotated.records)).toEqual([100, 101, 102, 103]);
    expect(calls.mock.calls.map((c) => c[1])).toEqual([false, false, false, false]);
    calls.mockClear();
    const copied = await readSet([input('MIVR01.log', f1), input('MIVR02.log', f2), input('all.log', f1 + f2)]);
    expect(seqs(copied.records)).toEqual([100, 101, 102, 103]);
    expect(copied.stats.recordsRepeated).toBe(4);
    expect(calls.mock.calls.some((c) => c[1] === true)).toBe(true);
  });

  it('a record not to be remembered is still looked up among those remembered', () => {
    const recent = new RecentRecords(10, 1000);
    const r = (seq: number): MivrRecord => ({ ...base, seq, text: `t${seq}` });
    expect(recent.earlierCopy(r(1), false)).toBeUndefined();
    expect(recent.remembered).toBe(0);
    expect(recent.earlierCopy(r(1))).toBeUndefined();
    expect(recent.earlierCopy({ ...r(1), file: 'b.log' }, false)?.file).toBe('a.log');
    expect(recent.earlierCopy(r(2), false)).toBeUndefined();
    expect(recent.remembered).toBe(1);
  });
});

describe('a set given with its records twice', () => {
  const f1 = log(100, ['Nov 20 10:00:00.000', 'Nov 20 10:00:00.000', 'Nov 20 10:00:01.000']);
  const f2 = log(103, ['Nov 20 10:00:01.000', 'Nov 20 10:00:02.000']);
  const f3 = log(105, ['Nov 20 10:00:03.000', 'Nov 20 10:00:03.000', 'Nov 20 10:00:04.000']);
  const all = f1 + f2 + f3;

  it('the rotated files and their concatenation: each record once, from the rotated files; one note on the concatenation', async () => {
    const { records, stats } = await readSet([input('MIVR01.log', f1), input('MIVR02.log', f2), input('MIVR03.log', f3), input('all.log', all)]);
    expect(seqs(records)).toEqual([100, 101, 102, 103, 104, 105, 106, 107]);
    expect(records.map((r) => r.file)).toEqual(['MIVR01.log', 'MIVR01.log', 'MIVR01.log', 'MIVR02.log', 'MIVR02.log', 'MIVR03.log', 'MIVR03.log', 'MIVR03.log']);
    expect(stats.diagnostics).toEqual([
      {
        severity: 'info',
        code: 'MIVR-DUPLICATE-RECORDS',
        message: '8 records repeat records already read from MIVR01.log, MIVR02.log and MIVR03.log (the same sequence number, time, facility and text): skipped, each record is read once',
        file: 'all.log',
        line: 1,
        endLine: 15,
      },
    ]);
    expect(stats.recordsRepeated).toBe(8);
    expect(stats.recordsEmitted).toBe(8);
    expect(stats.records).toBe(32);
  });

  it('whatever the order given, and however the files are cut into chunks', async () => {
    for (const chunk of [1, 7, 64, 65536]) {
      const { records, stats } = await readSet([input('all.log', all, { chunk }), input('MIVR03.log', f3, { chunk }), input('MIVR01.log', f1, { chunk }), input('MIVR02.log', f2, { chunk })]);
      expect(seqs(records), `chunk ${chunk}`).toEqual([100, 101, 102, 103, 104, 105, 106, 107]);
      expect(codes(stats)).not.toContain('MIVR-SET-OVERLAP');
    }
  });

  it('the note names three files the records repeat, and counts the others', async () => {
    const files = [0, 1, 2, 3, 4].map((i) => log(10 + i, [`Nov 20 10:00:0${i}.000`]));
    const { records, stats } = await readSet([...files.map((f, i) => input(`MIVR0${i + 1}.log`, f)), input('all.log', files.join(''))]);
    expect(seqs(records)).toEqual([10, 11, 12, 13, 14]);
    expect(stats.diagnostics.map((d) => d.message)).toEqual([
      '5 records repeat records already read from MIVR01.log, MIVR02.log, MIVR03.log and 2 more files (the same sequence number, time, facility and text): skipped, each record is read once',
    ]);
  });

  it('a file and its gzip copy are the same records', async () => {
    const { records, stats } = await readSet([input('MIVR07.log', f1), input('MIVR07.log.gz', f1, { gzip: true })]);
    expect(seqs(records)).toEqual([100, 101, 102]);
    expect(records.every((r) => r.file === 'MIVR07.log')).toBe(true);
    expect(stats.diagnostics).toEqual([expect.objectContaining({ code: 'MIVR-DUPLICATE-RECORDS', file: 'MIVR07.log.gz', message: expect.stringContaining('3 records repeat records already read from MIVR07.log (') })]);
  });

  it('a copy of a part of the set (starting inside a file, ending inside another) is skipped', async () => {
    const middle = log(101, ['Nov 20 10:00:00.000', 'Nov 20 10:00:01.000', 'Nov 20 10:00:01.000', 'Nov 20 10:00:02.000', 'Nov 20 10:00:03.000']);
    const { records } = await readSet([input('MIVR01.log', f1), input('MIVR02.log', f2), input('MIVR03.log', f3), input('part.log', middle)]);
    expect(seqs(records)).toEqual([100, 101, 102, 103, 104, 105, 106, 107]);
  });

  it('copies across the new year keep their years', async () => {
    // The set's first record is of 2015 (the year option), the next year's too whichever file holds them.
    const dec = log(1, ['Dec 31 23:59:58.000', 'Dec 31 23:59:59.000']);
    const jan = log(3, ['Jan  1 00:00:00.000', 'Jan  1 00:00:01.000']);
    const { records } = await readSet([input('MIVR02.log', jan), input('both.log', dec + jan), input('MIVR01.log', dec)]);
    expect(records.map((r) => [r.seq, iso(r)])).toEqual([
      // EDT: UTC-4.
      [1, '2016-01-01T03:59:58.000Z'],
      [2, '2016-01-01T03:59:59.000Z'],
      [3, '2016-01-01T04:00:00.000Z'],
      [4, '2016-01-01T04:00:01.000Z'],
    ]);
  });
});

describe('records that only look alike are all kept', () => {
  it("two servers' logs in one set, the same traffic at the same times but their own sequence numbers: merged by time, none skipped", async () => {
    const times = ['Nov 20 10:00:00.000', 'Nov 20 10:00:00.000', 'Nov 20 10:00:01.000'];
    const text = () => 'HEARTBEAT_REQ received';
    const { records, stats } = await readSet([input('node1.log', log(100, times, text)), input('node2.log', log(500, times, text))]);
    expect(seqs(records)).toEqual([100, 101, 500, 501, 102, 502]);
    expect(stats.recordsRepeated).toBe(0);
    expect(codes(stats)).toEqual(['MIVR-SET-OVERLAP', 'MIVR-SET-OVERLAP']);
  });

  it('the same number and time with another text is another record', async () => {
    const a = `${hdr(1, 'Nov 20 10:00:00.000', 'ICD_CTI', 'one')}\n`;
    const b = `${hdr(1, 'Nov 20 10:00:00.000', 'ICD_CTI', 'two')}\n`;
    const { records, stats } = await readSet([input('a.log', a), input('b.log', b)]);
    expect(records.map((r) => r.text).sort()).toEqual(['one', 'two']);
    expect(stats.recordsRepeated).toBe(0);
  });
});

describe('a set read side by side', () => {
  it('closes the files still open when its reader stops early', async () => {
    const closed: string[] = [];
    /** Each opening (the first is the peek) numbered: `a.log#2` is the read after the peek. */
    const tracked = (name: string, content: string): MivrInput => {
      const bytes = new TextEncoder().encode(content);
      let opened = 0;
      return {
        name,
        open: () => {
          const which = `${name}#${++opened}`;
          return {
            [Symbol.asyncIterator]: () => {
              let i = 0;
              return {
                next: async () => (i < bytes.length ? { done: false, value: bytes.subarray(i, (i += 40)) } : { done: true, value: undefined }),
                return: async () => {
                  closed.push(which);
                  return { done: true, value: undefined };
                },
              };
            },
          };
        },
      };
    };
    const times = Array.from({ length: 20 }, (_, i) => `Nov 20 10:00:${String(i).padStart(2, '0')}.000`);
    const text = () => 'heartbeat';
    const stream = readMivrLogSet([tracked('a.log', log(100, times, text)), tracked('b.log', log(500, times, text))], { year: 2015 });
    for await (const r of stream) if (r.seq === 501) break;
    expect(closed.filter((c) => c.endsWith('#2')).sort()).toEqual(['a.log#2', 'b.log#2']);
  });
});

