/**
 * Mutation round of 2026-11-25 (docs/test-gaps.md, seventeenth round): what the set reader
 * (mivr/set-merge.ts) does that its first tests left open — when the next file opens, and the
 * MIVR-SET-OVERLAP warnings of files that interleave.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readMivrLogSet, type MivrInput, type MivrRecord } from '../../src/mivr/index.js';
import { RecentRecords } from '../../src/mivr/repeated-records.js';
import { CtiRecordJoiner } from '../../src/mivr/cti-record-joiner.js';
import { collect, ctiRecord, ctiRecordAt, hdr, input } from './helpers.js';

async function readSet(inputs: MivrInput[]) {
  const stream = readMivrLogSet(inputs, { year: 2015 });
  const records = await collect(stream);
  return { records, stats: stream.stats };
}

/** One ICD_CTI record per time, numbered `first`, `first + 1`, … (one line each). */
function records(first: number, times: readonly string[]): string {
  return times.map((t, i) => hdr(first + i, `Nov 20 ${t}`, 'ICD_CTI', `call ${first + i} event`)).join('\n') + '\n';
}

const seqs = (rs: readonly MivrRecord[]) => rs.map((r) => r.seq);
const overlaps = (stats: { diagnostics: ReadonlyArray<{ code: string; file?: string; line?: number }> }) =>
  stats.diagnostics.filter((d) => d.code === 'MIVR-SET-OVERLAP').map((d) => [d.file, d.line]);

describe('a rotated set is read one file at a time', () => {
  afterEach(() => vi.restoreAllMocks());

  it('the next file opens after the last record before its first, also when they share a time; the third after the second', async () => {
    const calls = vi.spyOn(RecentRecords.prototype, 'earlierCopy');
    // MIVR02 starts in the second MIVR01 ends with (a higher number); MIVR03 in the same month.
    const f1 = records(100, ['10:00:00.000', '10:00:01.000']);
    const f2 = records(102, ['10:00:01.000', '10:00:02.000']);
    const f3 = records(104, ['10:00:03.000']);
    const { records: got, stats } = await readSet([input('MIVR01.log', f1), input('MIVR02.log', f2), input('MIVR03.log', f3)]);
    expect(seqs(got)).toEqual([100, 101, 102, 103, 104]);
    expect(stats.diagnostics).toEqual([]);
    // No record was given while two files were open: none was to be remembered.
    expect(calls.mock.calls.map((c) => c[1])).toEqual([false, false, false, false, false]);
  });
});

describe('files that interleave in time', () => {
  it('are said once per file, at the first record of the run the other file came between', async () => {
    // node1: lines 1-2 at :00, then :02 (line 3) and :04 (line 4); node2 at :01, :03, :05.
    const node1 = records(100, ['10:00:00.000', '10:00:00.500', '10:00:02.000', '10:00:04.000']);
    const node2 = records(500, ['10:00:01.000', '10:00:03.000', '10:00:05.000']);
    const { records: got, stats } = await readSet([input('node1.log', node1), input('node2.log', node2)]);
    expect(seqs(got)).toEqual([100, 101, 500, 102, 501, 103, 502]);
    // node2's run at :01 (its line 1) fell between node1's records; then node1's run at :02 (its line 3) between node2's.
    expect(overlaps(stats)).toEqual([
      ['node2.log', 1],
      ['node1.log', 3],
    ]);
  });

  it('a file whose copies were skipped, then whose own records interleave, is said too', async () => {
    // b.log starts with a copy of a.log's first record, then has records of its own between a.log's.
    const a = records(1, ['10:00:00.000']) + hdr(2, 'Nov 20 10:00:02.000', 'ICD_CTI', 'call 2 event') + '\n' + hdr(3, 'Nov 20 10:00:04.000', 'ICD_CTI', 'call 3 event') + '\n';
    const b = records(1, ['10:00:00.000']) + hdr(901, 'Nov 20 10:00:01.000', 'ICD_CTI', 'other 901') + '\n' + hdr(902, 'Nov 20 10:00:03.000', 'ICD_CTI', 'other 902') + '\n';
    const { records: got, stats } = await readSet([input('a.log', a), input('b.log', b)]);
    expect(seqs(got)).toEqual([1, 901, 2, 902, 3]);
    expect(stats.recordsRepeated).toBe(1);
    expect(overlaps(stats)).toEqual([
      ['b.log', 2],
      ['a.log', 2],
    ]);
  });
});

describe('the note of records skipped', () => {
  const rotated = (n: number) => Array.from({ length: n }, (_, i) => records(10 + i, [`10:00:0${i}.000`]));
  const noteOf = async (files: string[]) => {
    const { stats } = await readSet([...files.map((f, i) => input(`MIVR0${i + 1}.log`, f)), input('all.log', files.join(''))]);
    return stats.diagnostics.filter((d) => d.code === 'MIVR-DUPLICATE-RECORDS');
  };

  it('names two files as "a and b", counts one more file as "1 more file"', async () => {
    expect((await noteOf(rotated(2))).map((d) => d.message)).toEqual([
      '2 records repeat records already read from MIVR01.log and MIVR02.log (the same sequence number, time, facility and text): skipped, each record is read once',
    ]);
    expect((await noteOf(rotated(4))).map((d) => d.message)).toEqual([
      '4 records repeat records already read from MIVR01.log, MIVR02.log, MIVR03.log and 1 more file (the same sequence number, time, facility and text): skipped, each record is read once',
    ]);
  });

  it('is at the line of the one record skipped (no end line), or spans the lines of those skipped', async () => {
    const [one] = await noteOf(rotated(1));
    expect(one).toEqual({ severity: 'info', code: 'MIVR-DUPLICATE-RECORDS', message: expect.stringContaining('1 record repeats a record already read from MIVR01.log ('), file: 'all.log', line: 1 });
    const [two] = await noteOf(rotated(2));
    expect(two).toMatchObject({ file: 'all.log', line: 1, endLine: 2 });
  });
});

describe('the window of recent records', () => {
  const base: MivrRecord = ctiRecord({ seq: 1, text: 'x' });
  const r = (seq: number, text = 'x'): MivrRecord => ({ ...base, seq, text });
  const copy = (seq: number, text = 'x'): MivrRecord => ({ ...r(seq, text), file: 'b.log' });

  it('holds the last 4,096 records by default (spec-notes 7.14), the oldest forgotten for the next', () => {
    const recent = new RecentRecords();
    for (let seq = 1; seq <= 4096; seq++) recent.earlierCopy(r(seq));
    // Looked up without being remembered (the second argument): the lookups change nothing.
    expect(recent.earlierCopy(copy(1), false)?.file).toBe('a.log');
    recent.earlierCopy(r(4097));
    expect(recent.earlierCopy(copy(1), false)).toBeUndefined();
    expect(recent.earlierCopy(copy(2), false)?.file).toBe('a.log');
  });

  it('holds exactly its characters of text; a record longer than them all is held alone', () => {
    const recent = new RecentRecords(100, 10);
    recent.earlierCopy(r(1, 'aaaaa'));
    recent.earlierCopy(r(2, 'bbbbb'));
    expect(recent.remembered).toBe(2);
    expect(recent.earlierCopy(copy(1, 'aaaaa'))?.file).toBe('a.log');
    expect(() => recent.earlierCopy(r(3, 'c'.repeat(50)))).not.toThrow();
    expect(recent.remembered).toBe(1);
    expect(recent.earlierCopy(copy(3, 'c'.repeat(50)))?.file).toBe('a.log');
    const fresh = new RecentRecords(100, 10);
    expect(() => fresh.earlierCopy(r(4, 'd'.repeat(50)))).not.toThrow();
    expect(fresh.earlierCopy(copy(4, 'd'.repeat(50)))?.file).toBe('a.log');
  });
});

describe('a dump run waiting for its file (files read merged)', () => {
  const rec = ctiRecordAt;

  it('waits for 256 records of other files or 1 s of log time, as documented (spec-notes 7.14)', () => {
    const joiner = new CtiRecordJoiner();
    const out: MivrRecord[] = [];
    joiner.push(rec('a.log', 1, 1, 'writing...'), out);
    for (let i = 0; i < 255; i++) joiner.push(rec('b.log', i + 1, 500 + i, `b${i}`), out);
    expect(out).toEqual([]);
    joiner.push(rec('b.log', 256, 755, 'b255'), out);
    expect(out).toHaveLength(257);
    const late = new CtiRecordJoiner();
    const out2: MivrRecord[] = [];
    late.push(rec('a.log', 1, 1, 'writing...'), out2);
    late.push(rec('b.log', 1, 500, 'b0', 1000), out2);
    expect(out2).toEqual([]);
    late.push(rec('b.log', 2, 501, 'b1', 1001), out2);
    expect(out2).toHaveLength(3);
  });

  const MHDR = 'MHDR:    0000: 00 00 00 14 00 00 00 17 ........';
  const MDATA = 'MDATA:   0000: 00 00 00 00 00 00 00 01 00 15 00 00 00 00 00 00 ................';

  it('waits 1 s from the last fragment given to the run, not from its start', () => {
    const joiner = new CtiRecordJoiner();
    const out: MivrRecord[] = [];
    joiner.push(rec('a.log', 1, 1, 'writing...'), out);
    joiner.push(rec('b.log', 1, 500, 'b0', 600), out);
    joiner.push(rec('a.log', 2, 2, MHDR, 900), out);
    joiner.push(rec('b.log', 2, 501, 'b1', 1500), out);
    joiner.push(rec('a.log', 3, 3, MDATA, 1800), out);
    joiner.push(rec('a.log', 4, 4, 'a next', 1900), out);
    joiner.flush(out);
    expect(out.map((r) => [r.file, r.line, r.text])).toEqual([
      ['a.log', 1, `writing...\n${MHDR}\n${MDATA}`],
      ['b.log', 1, 'b0'],
      ['b.log', 2, 'b1'],
      ['a.log', 4, 'a next'],
    ]);
  });

  it('a run given out after waiting too long takes no more fragments: a late one is a record of its own', () => {
    const joiner = new CtiRecordJoiner();
    const out: MivrRecord[] = [];
    joiner.push(rec('a.log', 1, 1, 'writing...'), out);
    joiner.push(rec('b.log', 1, 500, 'b0', 1001), out);
    expect(out.map((r) => r.text)).toEqual(['writing...', 'b0']);
    joiner.push(rec('a.log', 2, 2, MHDR, 1002), out);
    joiner.flush(out);
    expect(out.map((r) => [r.file, r.line, r.text])).toEqual([
      ['a.log', 1, 'writing...'],
      ['b.log', 1, 'b0'],
      ['a.log', 2, MHDR],
    ]);
  });
});
