/** Splitting MIVR logs into records. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { looksLikeMivrLog, readMivrRecords, type MivrReadOptions } from '../../src/mivr/index.js';
import { chunks, collect, enc, hdr } from './helpers.js';

async function read(content: string | Uint8Array, opts: MivrReadOptions & { chunk?: number } = {}) {
  const bytes = typeof content === 'string' ? enc(content) : content;
  const stream = readMivrRecords(chunks(bytes, opts.chunk), 'MIVR01.log', { year: 2015, ...opts });
  const records = await collect(stream);
  return { records, stats: stream.stats };
}

const T = 'Nov 20 10:43:59.435';

describe('record boundaries', () => {
  it('joins continuation lines (wrapped text, stack traces) to the record with \\n', async () => {
    const log = [
      hdr(1, T, 'ICD_CTI', 'first line'),
      'second line',
      '\tat com.cisco.Foo.bar(Foo.java:12)',
      hdr(2, T, 'ICD_CTI', 'next'),
    ].join('\n');
    const { records } = await read(log);
    expect(records.map((r) => [r.seq, r.text, r.line, r.lineCount])).toEqual([
      [1, 'first line\nsecond line\n\tat com.cisco.Foo.bar(Foo.java:12)', 1, 3],
      [2, 'next', 4, 1],
    ]);
  });

  it('treats CRLF like LF and keeps no \\r', async () => {
    const log = `${hdr(1, T, 'ICD_CTI', 'a')}\r\ncontinued\r\n${hdr(2, T, 'ICD_CTI', 'b')}\r\n`;
    const { records } = await read(log);
    expect(records.map((r) => r.text)).toEqual(['a\ncontinued', 'b']);
  });

  it('gives the same records whatever the chunk size (byte by byte too)', async () => {
    const log = `${hdr(1, T, 'ICD_CTI', 'a')}\r\ncontinued\n${hdr(2, T, 'SS_TEL', 'x')}\n${hdr(3, T, 'ICD_CTI', 'b')}`;
    const whole = await read(log);
    for (const chunk of [1, 2, 3, 17]) {
      const part = await read(log, { chunk });
      expect(part.records).toEqual(whole.records);
      expect(part.stats.lines).toBe(4);
    }
  });

  it('a record of ASCII, UTF-8 and Latin-1 lines, LF and CRLF, is the same whatever the chunks', async () => {
    const log = new Uint8Array([
      ...enc(`${hdr(1, T, 'ICD_CTI', 'head')}\nascii line\r\nZoë ☎\n\n`),
      0xe9, 0x74, 0xe9,
      ...enc(`\nlast\r\n${hdr(2, T, 'SS_TEL', 'skipped')}\nmore\n${hdr(3, T, 'ICD_CTI', '')}\n\ntail`),
    ]);
    const whole = await read(log);
    expect(whole.records.map((r) => [r.seq, r.text, r.lineCount])).toEqual([
      [1, 'head\nascii line\nZoë ☎\n\n\u00e9t\u00e9\nlast', 6],
      [3, '\n\ntail', 3],
    ]);
    expect(whole.stats.diagnostics.map((d) => [d.code, d.line, d.endLine])).toEqual([['MIVR-INVALID-UTF8', 1, 6]]);
    for (const chunk of [1, 2, 5, 13, 64]) {
      const split = await read(log, { chunk });
      expect(split.records).toEqual(whole.records);
      expect(split.stats.diagnostics).toEqual(whole.stats.diagnostics);
    }
  });

  it('survives invalid UTF-8 without losing the neighbouring records', async () => {
    const bad = new Uint8Array([...enc(`${hdr(1, T, 'ICD_CTI', 'ok')}\n${hdr(2, T, 'ICD_CTI', 'bad ')}`), 0xff, 0xfe, 0xc3, ...enc(`\n${hdr(3, T, 'ICD_CTI', 'ok too')}\n`)]);
    const { records, stats } = await read(bad);
    expect(records.map((r) => r.text)).toEqual(['ok', 'bad \u00ff\u00fe\u00c3', 'ok too']);
    expect(stats.diagnostics.map((d) => [d.code, d.line])).toEqual([['MIVR-INVALID-UTF8', 2]]);
  });

  it('says the first five records of a file that are not UTF-8 one by one, and counts the rest in one note', async () => {
    const parts: number[] = [];
    for (let i = 1; i <= 9; i++) parts.push(...enc(`${hdr(i, T, 'ICD_CTI', 'agent ')}`), 0xe9, ...enc(`\ncontinued\n`)); // a record: lines 2i-1, 2i
    const { records, stats } = await read(new Uint8Array(parts));
    expect(records).toHaveLength(9);
    expect(records.every((r) => r.text === 'agent \u00e9\ncontinued')).toBe(true);
    expect(stats.diagnostics.map((d) => [d.code, d.line, d.endLine])).toEqual([
      ['MIVR-INVALID-UTF8', 1, 2],
      ['MIVR-INVALID-UTF8', 3, 4],
      ['MIVR-INVALID-UTF8', 5, 6],
      ['MIVR-INVALID-UTF8', 7, 8],
      ['MIVR-INVALID-UTF8', 9, 10],
      ['MIVR-INVALID-UTF8', 11, 18],
    ]);
    expect(stats.diagnostics[5]!.message).toBe('4 more records are not valid UTF-8 (decoded as Latin-1), from this line on; not listed one by one');
  });

  it('decodes valid UTF-8 as UTF-8', async () => {
    const { records, stats } = await read(`${hdr(1, T, 'ICD_CTI', 'agent Zoë ☎')}\n`);
    expect(records[0].text).toBe('agent Zoë ☎');
    expect(stats.diagnostics).toEqual([]);
  });

  it('reads gzip detected by its magic bytes, streaming', async () => {
    const log = `${hdr(1, T, 'ICD_CTI', 'a')}\n${hdr(2, T, 'ICD_CTI', 'b')}\n`;
    const gz = new Uint8Array(gzipSync(enc(log)));
    const { records, stats } = await read(gz, { chunk: 5 });
    expect(records.map((r) => r.text)).toEqual(['a', 'b']);
    expect(stats.bytesRead).toBe(gz.length);
    expect(stats.bytesDecoded).toBe(enc(log).length);
  });

  it('reports a truncated gzip file and keeps what it held', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => hdr(i + 1, T, 'ICD_CTI', `record ${i} ${'x'.repeat(40)}`)).join('\n');
    const gz = new Uint8Array(gzipSync(enc(lines)));
    const { records, stats } = await read(gz.subarray(0, Math.floor(gz.length / 2)));
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThan(2000);
    records.forEach((r, i) => expect(r.seq).toBe(i + 1));
    expect(stats.diagnostics.map((d) => d.code)).toContain('MIVR-GZIP-ERROR');
  });

  it('strips a UTF-8 BOM before the first header', async () => {
    const { records, stats } = await read(`\ufeff${hdr(1, T, 'ICD_CTI', 'a')}`);
    expect(records).toHaveLength(1);
    expect(stats.linesBeforeFirstRecord).toBe(0);
  });
});

describe('facilities', () => {
  const log = [
    hdr(1, T, 'SS_TEL', 'Call.received()'),
    '\tat x.y(Z.java:1)',
    hdr(2, T, 'ICD_CTI', 'cti 1'),
    hdr(3, T, 'SS_RM', 'rm'),
    hdr(4, T, 'SS_TEL', 'tel'),
    hdr(5, T, 'ICD_CTI', 'cti 2'),
    hdr(6, T, 'ENG', 'eng', 'EDT', 3, 'EXCEPTION'),
  ].join('\n');

  it('emits ICD_CTI only and counts every facility', async () => {
    const { records, stats } = await read(log);
    expect(records.map((r) => r.seq)).toEqual([2, 5]);
    expect(Object.fromEntries(stats.facilityCounts)).toEqual({ SS_TEL: 2, ICD_CTI: 2, SS_RM: 1, ENG: 1 });
    expect(stats.records).toBe(6);
    expect(stats.recordsEmitted).toBe(2);
    expect(stats.diagnostics).toEqual([]);
  });

  it('emits the facilities asked for', async () => {
    const all = await read(log, { facilities: 'all' });
    expect(all.records.map((r) => r.facility)).toEqual(['SS_TEL', 'ICD_CTI', 'SS_RM', 'SS_TEL', 'ICD_CTI', 'ENG']);
    expect(all.records[0].text).toBe('Call.received()\n\tat x.y(Z.java:1)');
    expect(all.records[5]).toMatchObject({ level: 3, mnemonic: 'EXCEPTION' });
    const some = await read(log, { facilities: ['SS_RM', 'ENG'] });
    expect(some.records.map((r) => r.seq)).toEqual([3, 6]);
  });
});

describe('garbage', () => {
  it('counts and reports lines before the first record with their lines', async () => {
    const { records, stats } = await read(`some banner\nmore banner\n\n${hdr(1, T, 'ICD_CTI', 'a')}\n`);
    expect(records).toHaveLength(1);
    expect(records[0].line).toBe(4);
    expect(stats.linesBeforeFirstRecord).toBe(2);
    expect(stats.diagnostics).toEqual([
      expect.objectContaining({ code: 'MIVR-TEXT-BEFORE-FIRST-RECORD', file: 'MIVR01.log', line: 1, endLine: 2 }),
    ]);
  });

  it('a malformed header and the lines after it belong to no record', async () => {
    const log = [hdr(1, T, 'ICD_CTI', 'a'), '2: Nov 20 10:4', 'orphan continuation', hdr(3, T, 'ICD_CTI', 'b'), 'cont of b'].join('\n');
    const { records, stats } = await read(log);
    expect(records.map((r) => [r.seq, r.text])).toEqual([
      [1, 'a'],
      [3, 'b\ncont of b'],
    ]);
    expect(stats.malformedHeaders).toBe(1);
    expect(stats.garbageLines).toBe(2);
    expect(stats.diagnostics.map((d) => [d.code, d.line, d.endLine])).toEqual([
      ['MIVR-MALFORMED-HEADER', 2, undefined],
      ['MIVR-GARBAGE-LINES', 2, 3],
    ]);
  });

  it('a line with NUL bytes (crash padding) ends the record and is garbage', async () => {
    const log = `${hdr(1, T, 'ICD_CTI', 'a')}\n\0\0\0\0\n${hdr(2, T, 'ICD_CTI', 'b')}\n`;
    const { records, stats } = await read(log);
    expect(records.map((r) => r.text)).toEqual(['a', 'b']);
    expect(stats.garbageLines).toBe(1);
  });

  it('reports a file without any record', async () => {
    const { records, stats } = await read('just\ntext\n');
    expect(records).toEqual([]);
    expect(stats.diagnostics.map((d) => d.code)).toEqual(['MIVR-TEXT-BEFORE-FIRST-RECORD', 'MIVR-NO-RECORDS']);
  });

  it('cuts over-long lines and records with a diagnostic', async () => {
    const long = `${hdr(1, T, 'ICD_CTI', 'x'.repeat(5000))}\n${hdr(2, T, 'ICD_CTI', 'b')}\n${'y'.repeat(100)}\n${'z'.repeat(100)}\n${hdr(3, T, 'ICD_CTI', 'c')}`;
    const { records, stats } = await read(long, { maxLineBytes: 1000, maxRecordBytes: 150, chunk: 64 });
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
    // Record 1: its header line is cut at 1000 bytes, then its text at 150 (maxRecordBytes).
    expect(records[0].text).toBe('x'.repeat(150));
    expect(records[1].text).toBe(`b\n${'y'.repeat(100)}`);
    expect(records[1].lineCount).toBe(3);
    expect(stats.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['MIVR-LINE-TOO-LONG', 1],
      ['MIVR-RECORD-TOO-LONG', 1],
      ['MIVR-RECORD-TOO-LONG', 2],
    ]);
  });

  it('keeps at most maxDiagnostics and counts the rest', async () => {
    const log = Array.from({ length: 10 }, (_, i) => `${hdr(i * 2 + 1, T, 'ICD_CTI', 'a')}\n${i}: Nov 99`).join('\n');
    const seen: string[] = [];
    const { stats } = await read(log, { maxDiagnostics: 3, onDiagnostic: (d) => seen.push(d.code) });
    expect(stats.diagnostics).toHaveLength(3);
    expect(stats.diagnosticsDropped + 3).toBe(seen.length);
  });
});

describe('looksLikeMivrLog', () => {
  const log = `${hdr(1, T, 'ICD_CTI', 'a')}\n`;
  it('recognises plain and gzip MIVR logs from their head', () => {
    expect(looksLikeMivrLog(enc(log))).toBe(true);
    expect(looksLikeMivrLog(enc(`banner\r\n${log}`))).toBe(true);
    const gz = new Uint8Array(gzipSync(enc(log.repeat(1000))));
    expect(looksLikeMivrLog(gz.subarray(0, 200))).toBe(true);
  });
  it('rejects other content', () => {
    expect(looksLikeMivrLog(enc('hello\nworld\n'))).toBe(false);
    expect(looksLikeMivrLog(enc(log.replace('%MIVR-', '%MCVD-')))).toBe(false);
    expect(looksLikeMivrLog(new Uint8Array([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0]))).toBe(false);
    expect(looksLikeMivrLog(new Uint8Array([0x1f, 0x8b, 0, 1, 2]))).toBe(false);
    expect(looksLikeMivrLog(new Uint8Array(0))).toBe(false);
  });
});
