/**
 * Gaps found by manual mutation testing of the MIVR record layer (line splitter, header
 * scanner, record assembler, text decoding, ICD_CTI record joiner). Each test pins the
 * behaviour a surviving mutant changed; see docs/test-gaps.md.
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { CtiRecordJoiner, ctiTraceRecord, JOIN_WAIT_MS, JOIN_WAIT_RECORDS } from '../../src/mivr/cti-record-joiner.js';
import { HEADER, HeaderScan, MALFORMED_HEADER, NOT_HEADER, scanHeader, type HeaderStatus } from '../../src/mivr/header.js';
import { readCtiTraces, readMivrRecords, type MivrReadOptions, type MivrRecord } from '../../src/mivr/index.js';
import { chunks, collect, ctiRecordAt, enc, hdr } from './helpers.js';

const T = 'Nov 20 10:43:59.435';

/** The bytes cut at the given offsets (each piece one chunk). */
async function* cutAt(bytes: Uint8Array, offsets: readonly number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const to of [...offsets, bytes.length]) {
    if (to > from) yield bytes.subarray(from, to);
    from = Math.max(from, to);
  }
}

type Source = number | readonly number[];

async function read(content: string | Uint8Array, opts: MivrReadOptions & { chunk?: Source } = {}) {
  const bytes = typeof content === 'string' ? enc(content) : content;
  const { chunk, ...options } = opts;
  const source = typeof chunk === 'object' ? cutAt(bytes, chunk) : chunks(bytes, chunk);
  const stream = readMivrRecords(source, 'MIVR01.log', { year: 2015, ...options });
  const records = await collect(stream);
  return { records, stats: stream.stats };
}

const texts = (records: MivrRecord[]): Array<[number, string, number, number]> => records.map((r) => [r.seq, r.text, r.line, r.lineCount]);
const diags = (stats: { diagnostics: ReadonlyArray<{ code: string; line: number; endLine?: number }> }): Array<[string, number, number | undefined]> =>
  stats.diagnostics.map((d) => [d.code, d.line, d.endLine]);

describe('line splitter: long lines and chunk boundaries', () => {
  const head = hdr(1, T, 'ICD_CTI', '');
  const max = head.length + 20;

  it('cuts a line longer than maxLineBytes to exactly maxLineBytes, whatever the chunks (a line inside one chunk too)', async () => {
    const log = `${hdr(1, T, 'ICD_CTI', 'x'.repeat(200))}\n${hdr(2, T, 'ICD_CTI', 'b')}\ncont\n`;
    const firstNl = log.indexOf('\n');
    for (const chunk of [1, 7, 64, log.length, [10], [firstNl - 1], [firstNl], [firstNl + 1]] as const) {
      const { records, stats } = await read(log, { maxLineBytes: max, chunk });
      expect(texts(records), `chunk ${String(chunk)}`).toEqual([
        [1, 'x'.repeat(20), 1, 1],
        [2, 'b\ncont', 2, 2],
      ]);
      expect(diags(stats)).toEqual([['MIVR-LINE-TOO-LONG', 1, undefined]]);
      expect(stats.lines).toBe(3);
    }
  });

  it('a line of exactly maxLineBytes (LF or CRLF) is not cut, wherever a chunk ends (between \\r and \\n too)', async () => {
    const line = hdr(1, T, 'ICD_CTI', 'y'.repeat(20));
    expect(line.length).toBe(max);
    for (const eol of ['\n', '\r\n']) {
      const log = `${line}${eol}${hdr(2, T, 'ICD_CTI', 'b')}${eol}`;
      for (const chunk of [1, 2, 3, log.length, [10], [max - 1], [max], [max + 1], [max + 2]] as const) {
        const { records, stats } = await read(log, { maxLineBytes: max, chunk });
        expect(texts(records), `${JSON.stringify(eol)} chunk ${String(chunk)}`).toEqual([
          [1, 'y'.repeat(20), 1, 1],
          [2, 'b', 2, 1],
        ]);
        expect(stats.diagnostics).toEqual([]);
      }
    }
  });

  it('a line one byte too long is cut when its end arrives in the next chunk with the newline', async () => {
    const log = `${hdr(1, T, 'ICD_CTI', 'z'.repeat(21))}\n${hdr(2, T, 'ICD_CTI', 'b')}\n`;
    // First piece shorter than maxLineBytes (kept as a pending line), the rest and the \n next.
    const { records, stats } = await read(log, { maxLineBytes: max, chunk: [30] });
    expect(texts(records)).toEqual([
      [1, 'z'.repeat(20), 1, 1],
      [2, 'b', 2, 1],
    ]);
    expect(diags(stats)).toEqual([['MIVR-LINE-TOO-LONG', 1, undefined]]);
  });

  it('a NUL byte after the cut of a long line does not make it binary', async () => {
    const log = new Uint8Array([...enc(`${hdr(1, T, 'ICD_CTI', 'x'.repeat(30))}`), 0, ...enc(`\n${hdr(2, T, 'ICD_CTI', 'b')}\n`)]);
    for (const chunk of [5, 4096]) {
      const { records, stats } = await read(log, { maxLineBytes: max, chunk });
      expect(texts(records)).toEqual([
        [1, 'x'.repeat(20), 1, 1],
        [2, 'b', 2, 1],
      ]);
      expect(diags(stats)).toEqual([['MIVR-LINE-TOO-LONG', 1, undefined]]);
      expect(stats.garbageLines).toBe(0);
    }
  });

  it('a NUL byte first in a chunk makes its line binary', async () => {
    const first = `${hdr(1, T, 'ICD_CTI', 'a')}\n`;
    const log = enc(`${first}\0\n${hdr(2, T, 'ICD_CTI', 'b')}\n`);
    const { records, stats } = await read(log, { chunk: [first.length] });
    expect(texts(records)).toEqual([
      [1, 'a', 1, 1],
      [2, 'b', 3, 1],
    ]);
    expect(stats.garbageLines).toBe(1);
    expect(diags(stats)).toEqual([['MIVR-GARBAGE-LINES', 2, undefined]]);
  });

  it('the last line without a newline: one byte is a line; a \\r before the end of the input is dropped', async () => {
    const one = await read(`${hdr(1, T, 'ICD_CTI', 'a')}\nx`);
    expect(texts(one.records)).toEqual([[1, 'a\nx', 1, 2]]);
    expect(one.stats.lines).toBe(2);
    const cr = await read(`${hdr(1, T, 'ICD_CTI', 'a')}\r\ntail\r`);
    expect(texts(cr.records)).toEqual([[1, 'a\ntail', 1, 2]]);
  });

  it('an empty CRLF line split between its \\r and its \\n is an empty line', async () => {
    const first = `${hdr(1, T, 'ICD_CTI', 'a')}\r\n`;
    const log = `${first}\r\nafter\r\n`;
    const { records } = await read(log, { chunk: [first.length + 1] });
    expect(texts(records)).toEqual([[1, 'a\n\nafter', 1, 3]]);
  });
});

describe('header scanner: limits of each field', () => {
  const scan = (line: string): { status: HeaderStatus; h: HeaderScan; b: Uint8Array } => {
    const b = enc(line);
    const h = new HeaderScan();
    return { status: scanHeader(b, 0, b.length, h), h, b };
  };
  const field = (b: Uint8Array, s: number, e: number): string => String.fromCharCode(...b.subarray(s, e));
  const TAIL = ' EDT %MIVR-ICD_CTI-7-UNK:x';

  it.each([
    ['123456789012345: Nov 20 10:43:59.435 EDT %MIVR-ICD_CTI-7-UNK:x', HEADER, ''],
    ['1234567890123456: Nov 20 10:43:59.435 EDT %MIVR-ICD_CTI-7-UNK:x', NOT_HEADER, ''],
    ['1:Nov 20 10:43:59.435 EDT %MIVR-ICD_CTI-7-UNK:x', NOT_HEADER, ''],
    ['1: Nov ', MALFORMED_HEADER, 'bad day of month'],
    ['1: Nov', NOT_HEADER, ''],
    ['3: Mayday 20 10:43:59.435 EDT %MIVR-ICD_CTI-7-UNK:x', NOT_HEADER, ''],
    [`1: Nov 011 10:43:59.435${TAIL}`, MALFORMED_HEADER, 'bad day of month'],
    [`1: Nov 00 10:43:59.435${TAIL}`, MALFORMED_HEADER, 'bad day of month'],
    [`1: Nov 31 10:43:59.435${TAIL}`, HEADER, ''],
    [`1: Nov 32 10:43:59.435${TAIL}`, MALFORMED_HEADER, 'bad day of month'],
    [`1: Nov 20 23:43:59.435${TAIL}`, HEADER, ''],
    [`1: Nov 20 24:43:59.435${TAIL}`, MALFORMED_HEADER, 'bad hour'],
    [`1: Nov 20 10-43:59.435${TAIL}`, MALFORMED_HEADER, 'bad hour'],
    [`1: Nov 20 10:59:59.435${TAIL}`, HEADER, ''],
    [`1: Nov 20 10:60:59.435${TAIL}`, MALFORMED_HEADER, 'bad minute'],
    [`1: Nov 20 10:43-59.435${TAIL}`, MALFORMED_HEADER, 'bad minute'],
    [`1: Nov 20 10:43:61.435${TAIL}`, MALFORMED_HEADER, 'bad second'],
    [`1: Nov 20 10:43:59.${TAIL}`, MALFORMED_HEADER, 'bad fraction of a second'],
    ['1: Nov 20 10:43:59.435EDT %MIVR-ICD_CTI-7-UNK:x', MALFORMED_HEADER, 'no space after the time'],
    [`1: Nov 20 10:43:59.435 ${'Z'.repeat(32)} %MIVR-ICD_CTI-7-UNK:x`, HEADER, ''],
    [`1: Nov 20 10:43:59.435 ${'Z'.repeat(33)} %MIVR-ICD_CTI-7-UNK:x`, MALFORMED_HEADER, 'zone too long'],
    ['1: Nov 20 10:43:59.435 EDT %-ICD_CTI-7-UNK:x', MALFORMED_HEADER, 'bad product'],
    ['1: Nov 20 10:43:59.435 EDT %MIVR--7-UNK:x', MALFORMED_HEADER, 'bad facility'],
    ['1: Nov 20 10:43:59.435 EDT %MIVR-ICD_CTI--UNK:x', MALFORMED_HEADER, 'bad level'],
    ['1: Nov 20 10:43:59.435 EDT %MIVR-ICD_CTI-1000-UNK:x', MALFORMED_HEADER, 'bad level'],
    ['1: Nov 20 10:43:59.435 EDT %MIVR-ICD_CTI-7-:x', MALFORMED_HEADER, 'bad mnemonic'],
  ] as const)('%s', (line, status, reason) => {
    const { status: got, h } = scan(line);
    expect([got, got === MALFORMED_HEADER ? h.reason : '']).toEqual([status, reason]);
  });

  it('reads the edge values of the fields, a zone-less header and upper-case months', () => {
    const leap = scan(`1: Jun 30 23:59:60.5${TAIL}`);
    expect([leap.status, leap.h.hour, leap.h.minute, leap.h.second, leap.h.nsec]).toEqual([HEADER, 23, 59, 60, 500_000_000]);
    const level = scan('1: NOV 20 10:43:59.435 EDT  %MIVR-ICD_CTI-100-A.B:x');
    expect([level.status, level.h.month, level.h.level, field(level.b, level.h.tzStart, level.h.tzEnd), field(level.b, level.h.mnemonicStart, level.h.mnemonicEnd)]).toEqual([
      HEADER,
      10,
      100,
      'EDT',
      'A.B',
    ]);
    const noZone = scan('1: Nov 20 10:43:59.435 %MIVR-ICD_CTI-7-UNK:x');
    expect([noZone.status, noZone.h.tzStart, noZone.h.tzEnd, field(noZone.b, noZone.h.productStart, noZone.h.productEnd)]).toEqual([HEADER, 23, 23, 'MIVR']);
  });

  it('reads nothing beyond the end of the line it is given', () => {
    const full = enc(`${hdr(7091923, 'Nov 20 2015 10:43:59.435', 'ICD_CTI', 'text')}0123456789 `);
    const a = new HeaderScan();
    const b = new HeaderScan();
    for (let e = 0; e <= full.length; e++) {
      const alone = full.slice(0, e);
      const got = [scanHeader(full, 0, e, a), a.reason];
      expect(got, `line cut at ${e}`).toEqual([scanHeader(alone, 0, e, b), b.reason]);
    }
  });

  it('a year written in one header does not stick to the next header', async () => {
    const { records } = await read(
      [hdr(1, 'Dec 31 2013 23:00:00.000', 'ICD_CTI', 'a', 'UTC'), hdr(2, 'Jan  1 00:30:00.000', 'ICD_CTI', 'b', 'UTC')].join('\n'),
    );
    expect(records.map((r) => new Date(r.timestamp.sec * 1000).toISOString())).toEqual(['2013-12-31T23:00:00.000Z', '2014-01-01T00:30:00.000Z']);
  });
});

describe('record assembler: stray lines, limits and diagnostics', () => {
  it('a first line holding only a UTF-8 BOM is a blank line; a BOM on a later line is text', async () => {
    const { records, stats } = await read(`\ufeff\n${hdr(1, T, 'ICD_CTI', 'a')}\n\ufeffcont\n`);
    expect(texts(records)).toEqual([[1, 'a\n\ufeffcont', 2, 2]]);
    expect(stats.linesBeforeFirstRecord).toBe(0);
    expect(stats.diagnostics).toEqual([]);
  });

  it('an empty input gives no record and no diagnostic; a file of text is reported over all its lines', async () => {
    const empty = await read('');
    expect([empty.records, empty.stats.diagnostics, empty.stats.lines]).toEqual([[], [], 0]);
    const text = await read('just\ntext\nthree\n');
    expect(diags(text.stats)).toEqual([
      ['MIVR-TEXT-BEFORE-FIRST-RECORD', 1, 3],
      ['MIVR-NO-RECORDS', 1, 3],
    ]);
  });

  it('lines before the first record: a blank line ends a run; a malformed header there is counted as before the first record', async () => {
    const { records, stats } = await read(`banner\n\n1: Nov 99 x\nmore\n${hdr(2, T, 'ICD_CTI', 'a')}\n`);
    expect(texts(records)).toEqual([[2, 'a', 5, 1]]);
    expect(stats.linesBeforeFirstRecord).toBe(3);
    expect(stats.garbageLines).toBe(0);
    expect(stats.malformedHeaders).toBe(1);
    // (The malformed header is reported as it is read, the run before it when it ends.)
    const byLine = [...stats.diagnostics].sort((x, y) => x.line - y.line || x.code.localeCompare(y.code));
    expect(byLine.map((d) => [d.code, d.line, d.endLine, d.message])).toEqual([
      ['MIVR-TEXT-BEFORE-FIRST-RECORD', 1, undefined, '1 line(s) before the first record (starting with text that is not a record)'],
      ['MIVR-MALFORMED-HEADER', 3, undefined, 'line looks like a record header but has a bad day of month'],
      ['MIVR-TEXT-BEFORE-FIRST-RECORD', 3, 4, '2 line(s) before the first record (starting with a malformed record header)'],
    ]);
  });

  it('a garbage run says how many lines it covers; a one-line finding has no endLine', async () => {
    const log = new Uint8Array([...enc(`${hdr(1, T, 'ICD_CTI', 'a')}\n1: Nov 20 10:4\norphan\n${hdr(3, T, 'ICD_CTI', 'bad ')}`), 0xff, ...enc('\n')]);
    const { stats } = await read(log);
    expect(stats.diagnostics).toEqual([
      { severity: 'warning', code: 'MIVR-MALFORMED-HEADER', message: 'line looks like a record header but has a bad minute', file: 'MIVR01.log', line: 2 },
      { severity: 'warning', code: 'MIVR-GARBAGE-LINES', message: '2 line(s) belong to no record (starting with a malformed record header)', file: 'MIVR01.log', line: 2, endLine: 3 },
      { severity: 'info', code: 'MIVR-INVALID-UTF8', message: 'record text is not valid UTF-8; decoded as Latin-1', file: 'MIVR01.log', line: 4 },
    ]);
  });

  it('maxRecordBytes counts the header text and the \\n between lines; a record of exactly that many bytes is whole', async () => {
    const log = [
      hdr(1, T, 'ICD_CTI', 'abcd'),
      '123', // 4 + 1 + 3 = 8 bytes
      'xxxxx', // 8 + 6 > 10: dropped from here on
      'y', // would fit (8 + 2) but the record already overflowed
      'w',
      hdr(2, T, 'ICD_CTI', 'abcd'),
      '12345', // 4 + 1 + 5 = 10: exactly the limit
      '', // 10 + 1 > 10
      hdr(3, T, 'ICD_CTI', 'ok'),
    ].join('\n');
    const { records, stats } = await read(log, { maxRecordBytes: 10 });
    expect(texts(records)).toEqual([
      [1, 'abcd\n123', 1, 5],
      [2, 'abcd\n12345', 6, 3],
      [3, 'ok', 9, 1],
    ]);
    expect(stats.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['MIVR-RECORD-TOO-LONG', 1, 'record text beyond 10 bytes dropped'],
      ['MIVR-RECORD-TOO-LONG', 6, 'record text beyond 10 bytes dropped'],
    ]);
  });

  it('maxRecordBytes limits the header line\'s own text too; its continuation lines are then dropped', async () => {
    const log = [
      hdr(1, T, 'ICD_CTI', 'abcdefghijklmnop'), // 16 bytes of text on the header line alone
      'more', // dropped: the record already overflowed
      hdr(2, T, 'ICD_CTI', '0123456789'), // exactly 10: whole
      hdr(3, T, 'ICD_CTI', 'ok'),
    ].join('\n');
    const { records, stats } = await read(log, { maxRecordBytes: 10 });
    expect(texts(records)).toEqual([
      [1, 'abcdefghij', 1, 2],
      [2, '0123456789', 3, 1],
      [3, 'ok', 4, 1],
    ]);
    expect(stats.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([['MIVR-RECORD-TOO-LONG', 1, 'record text beyond 10 bytes dropped']]);
  });

  it('the year assumed from now is said once, at the first emitted record', async () => {
    const { stats } = await read([hdr(1, T, 'SS_TEL', 'a'), hdr(2, T, 'ICD_CTI', 'b'), hdr(3, T, 'ICD_CTI', 'c')].join('\n'), {
      year: undefined,
      now: new Date('2016-01-10T00:00:00Z'),
    });
    expect(diags(stats)).toEqual([['MIVR-YEAR-ASSUMED', 2, undefined]]);
  });

  it('a record without a zone: UTC, said once with its own message', async () => {
    const { records, stats } = await read(['1: Nov 20 10:43:59.435 %MIVR-ICD_CTI-7-UNK:a', '2: Nov 20 10:43:59.500 %MIVR-ICD_CTI-7-UNK:b'].join('\n'));
    expect(records.map((r) => [r.tzAbbrev, r.utcOffsetMinutes, r.product])).toEqual([
      ['', 0, 'MIVR'],
      ['', 0, 'MIVR'],
    ]);
    expect(stats.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([['MIVR-UNKNOWN-TZ', 1, 'record has no time zone; UTC assumed (use the tz option)']]);
  });

  it('a non-ASCII line ended by CRLF keeps no \\r', async () => {
    const { records } = await read(`${hdr(1, T, 'ICD_CTI', 'Zoë')}\r\nnext ☎\r\n${hdr(2, T, 'ICD_CTI', 'b')}\r\n`);
    expect(texts(records)).toEqual([
      [1, 'Zoë\nnext ☎', 1, 2],
      [2, 'b', 3, 1],
    ]);
  });

  it('a record does not keep its read chunk: a source that reuses its buffer after each chunk gives the same text', async () => {
    const lines = [hdr(1, T, 'ICD_CTI', 'first'), 'cont 1', hdr(2, T, 'ICD_CTI', 'second'), 'cont 2', 'cont 3'];
    // One line per chunk, all in one buffer that is overwritten once the reader asks for the next chunk.
    async function* reused(): AsyncGenerator<Uint8Array> {
      const buf = new Uint8Array(256);
      for (const line of lines) {
        const b = enc(`${line}\n`);
        buf.set(b);
        yield buf.subarray(0, b.length);
        buf.fill(0x21);
      }
    }
    const stream = readMivrRecords(reused(), 'MIVR01.log', { year: 2015 });
    expect(texts(await collect(stream))).toEqual([
      [1, 'first\ncont 1', 1, 2],
      [2, 'second\ncont 2\ncont 3', 3, 3],
    ]);
  });
});

describe('text decoding and header field strings', () => {
  it('a short or long line whose last byte is not ASCII nor UTF-8 is decoded as Latin-1 and reported', async () => {
    const log = new Uint8Array([
      ...enc(`${hdr(1, T, 'ICD_CTI', 'a')}\nA`),
      0x80,
      ...enc(`\n${hdr(2, T, 'ICD_CTI', 'b')}\n${'x'.repeat(70)}`),
      0xe9,
      ...enc(`\n${hdr(3, T, 'ICD_CTI', 'c')}\n`),
    ]);
    const { records, stats } = await read(log);
    expect(texts(records)).toEqual([
      [1, 'a\nA\u0080', 1, 2],
      [2, `b\n${'x'.repeat(70)}\u00e9`, 3, 2],
      [3, 'c', 5, 1],
    ]);
    expect(diags(stats)).toEqual([
      ['MIVR-INVALID-UTF8', 1, 2],
      ['MIVR-INVALID-UTF8', 3, 4],
    ]);
  });

  it('zone, product and mnemonic strings are the record’s own, also when one is a prefix of a kept one', async () => {
    const log = [
      hdr(1, T, 'ICD_CTI', 'a', 'EDT', 7, 'UNK'),
      hdr(2, T, 'ICD_CTI', 'b', 'EDT', 7, 'UNKNOWN'),
      hdr(3, T, 'ICD_CTI', 'c', 'EST', 7, 'UNX'),
      hdr(4, T, 'ICD_CTI', 'd', 'EDT', 7, 'UN'),
      `5: ${T} EDT %MIVRX-ICD_CTI-7-UNK:e`,
    ].join('\n');
    const { records } = await read(log);
    expect(records.map((r) => [r.seq, r.tzAbbrev, r.product, r.mnemonic])).toEqual([
      [1, 'EDT', 'MIVR', 'UNK'],
      [2, 'EDT', 'MIVR', 'UNKNOWN'],
      [3, 'EST', 'MIVR', 'UNX'],
      [4, 'EDT', 'MIVR', 'UN'],
      [5, 'EDT', 'MIVRX', 'UNK'],
    ]);
  });
});

describe('records.ts: one file', () => {
  it('a truncated gzip file is reported at the line where its data stopped', async () => {
    const log = Array.from({ length: 400 }, (_, i) => hdr(i + 1, T, 'ICD_CTI', `record ${i} ${'x'.repeat(i % 37)}`)).join('\n');
    const gz = new Uint8Array(gzipSync(enc(log)));
    const { stats } = await read(gz.subarray(0, Math.floor(gz.length / 2)), { chunk: 512 });
    const gzipErrors = stats.diagnostics.filter((d) => d.code === 'MIVR-GZIP-ERROR');
    expect(gzipErrors).toHaveLength(1);
    const decoded = enc(log).subarray(0, stats.bytesDecoded);
    const complete = decoded.filter((b) => b === 10).length;
    expect(gzipErrors[0].line).toBe(complete + 1);
  });

  it('a record stream can be iterated only once', () => {
    const stream = readMivrRecords(chunks(enc(hdr(1, T, 'ICD_CTI', 'a'))), 'MIVR01.log', { year: 2015 });
    stream.batches();
    expect(() => stream.batches()).toThrow('a MIVR record stream can be iterated only once');
  });
});

describe('ICD_CTI record joiner', () => {
  /** Records of a log (all facilities), through the joiner. */
  async function joined(lines: readonly string[], edit: (records: MivrRecord[]) => MivrRecord[] = (r) => r): Promise<Array<[number, string, number, number]>> {
    const { records } = await read(lines.join('\n'), { facilities: 'all' });
    const joiner = new CtiRecordJoiner();
    const out: MivrRecord[] = [];
    for (const r of edit(records)) joiner.push(r, out);
    joiner.flush(out);
    return texts(out);
  }
  const MHDR = 'MHDR:    0000: 00 00 00 14 00 00 00 17 ........';
  const MDATA = 'MDATA:   0000: 00 00 00 00 00 00 00 01 00 15 00 00 00 00 00 00 ................';

  it('joins the dump lines after `writing...` / `reading...` (any case), however their rows are written', async () => {
    const lines = [
      hdr(1, T, 'ICD_CTI', 'Writing...'),
      hdr(2, T, 'ICD_CTI', '  MHDR :  0000: 00 00 00 14 00 00 00 17 ........'),
      hdr(3, T, 'ICD_CTI', MDATA),
      hdr(4, T, 'ICD_CTI', '00000010:\t00 01 00 00 ....'),
      hdr(5, T, 'ICD_CTI', 'reading...'),
      hdr(6, T, 'ICD_CTI', MHDR),
      hdr(7, T, 'ICD_CTI', '2006:agent ready'),
    ];
    expect(await joined(lines)).toEqual([
      [1, `Writing...\n  MHDR :  0000: 00 00 00 14 00 00 00 17 ........\n${MDATA}\n00000010:\t00 01 00 00 ....`, 1, 4],
      [5, `reading...\n${MHDR}`, 5, 2],
      [7, '2006:agent ready', 7, 1],
    ]);
  });

  it('a `writing...` right after another starts its own join; a pending one is given at the end', async () => {
    const lines = [hdr(1, T, 'ICD_CTI', 'writing...'), hdr(2, T, 'ICD_CTI', 'writing...'), hdr(3, T, 'ICD_CTI', MHDR)];
    expect(await joined(lines)).toEqual([
      [1, 'writing...', 1, 1],
      [2, `writing...\n${MHDR}`, 2, 2],
    ]);
  });

  it('only a `writing...` record alone, of ICD_CTI, starts a join; only ICD_CTI dump lines of the same file continue it', async () => {
    const oneLine = `writing... ${MHDR}`;
    expect(await joined([hdr(1, T, 'ICD_CTI', oneLine), hdr(2, T, 'ICD_CTI', MDATA)])).toEqual([
      [1, oneLine, 1, 1],
      [2, MDATA, 2, 1],
    ]);
    expect(await joined([hdr(1, T, 'SS_TEL', 'writing...'), hdr(2, T, 'ICD_CTI', MHDR)])).toEqual([
      [1, 'writing...', 1, 1],
      [2, MHDR, 2, 1],
    ]);
    expect(await joined([hdr(1, T, 'ICD_CTI', 'writing...'), hdr(2, T, 'SS_TEL', MHDR)])).toEqual([
      [1, 'writing...', 1, 1],
      [2, MHDR, 2, 1],
    ]);
    // The next file's first record at the line that would follow: another file all the same.
    const otherFile = (records: MivrRecord[]): MivrRecord[] => records.map((r, i) => (i === 1 ? { ...r, file: 'MIVR02.log' } : r));
    expect(await joined([hdr(1, T, 'ICD_CTI', 'writing...'), hdr(2, T, 'ICD_CTI', MHDR)], otherFile)).toEqual([
      [1, 'writing...', 1, 1],
      [2, MHDR, 2, 1],
    ]);
  });

  it('a dump line with continuation lines still joins; the join spans all their lines', async () => {
    const lines = [hdr(1, T, 'ICD_CTI', 'writing...'), hdr(2, T, 'ICD_CTI', MHDR), hdr(3, T, 'ICD_CTI', 'MDATA:   0000: 00 00 00 00 00 00 00 01'), '0008: 00 15 00 00', hdr(5, T, 'ICD_CTI', '0010: 00 01 00 00 ....')];
    expect(await joined(lines)).toEqual([[1, `writing...\n${MHDR}\nMDATA:   0000: 00 00 00 00 00 00 00 01\n0008: 00 15 00 00\n0010: 00 01 00 00 ....`, 1, 5]]);
  });

  it('a record of another facility between the dump lines ends the join, whatever facilities are read: a finding points at its own line', async () => {
    const log = [
      hdr(1, T, 'ICD_CTI', 'writing...'),
      hdr(2, T, 'SS_TEL', 'other thread'),
      hdr(3, T, 'ICD_CTI', 'MHDR: 0000: 00 00 00 20 00 00 00 05 ........'),
      hdr(4, T, 'ICD_CTI', 'MDATA: 0000: 01 02 03 04 ....'),
    ].join('\n');
    for (const facilities of [undefined, 'all'] as const) {
      const stream = readMivrRecords(chunks(enc(log)), 'MIVR01.log', { year: 2015, ...(facilities ? { facilities } : {}) });
      const traced = await collect(readCtiTraces(stream));
      expect(
        traced.map((t) => [t.record.seq, t.record.line, t.record.lineCount, t.diagnostics.map((d) => [d.code, d.line])]),
        `facilities ${String(facilities)}`,
      ).toEqual([
        [3, 3, 1, []],
        [4, 4, 1, [['DUMP-NO-MHDR', 4]]],
      ]);
    }
  });

  describe('files read merged (a set whose files overlap in time: their records interleaved)', () => {
    /** A record of `file` at `line`, `ms` after T. */
    const rec = (file: string, line: number, seq: number, text: string, ms = 0): MivrRecord => ctiRecordAt(file, line, seq, text, ms, T);
    const through = (records: readonly MivrRecord[]): Array<[string, number, string]> => {
      const joiner = new CtiRecordJoiner();
      const out: MivrRecord[] = [];
      for (const r of records) joiner.push(r, out);
      joiner.flush(out);
      return out.map((r) => [r.file, r.line, r.text]);
    };

    it("joins each file's dump lines, another file's records between them, and keeps the order", () => {
      const out = through([
        rec('a.log', 1, 1, 'writing...'),
        rec('b.log', 1, 501, 'writing...'),
        rec('a.log', 2, 2, MHDR),
        rec('b.log', 2, 502, MHDR),
        rec('b.log', 3, 503, MDATA),
        rec('a.log', 3, 3, MDATA),
        rec('a.log', 4, 4, '2006:agent ready'),
        rec('b.log', 4, 504, 'b next'),
      ]);
      expect(out).toEqual([
        ['a.log', 1, `writing...\n${MHDR}\n${MDATA}`],
        ['b.log', 1, `writing...\n${MHDR}\n${MDATA}`],
        ['a.log', 4, '2006:agent ready'],
        ['b.log', 4, 'b next'],
      ]);
    });

    it(`a run whose file has ended waits no longer than ${JOIN_WAIT_RECORDS} records or ${JOIN_WAIT_MS} ms of log time`, () => {
      const others = (n: number, ms = 0) => Array.from({ length: n }, (_, i) => rec('b.log', i + 1, 500 + i, `b${i}`, ms));
      const joiner = new CtiRecordJoiner();
      const out: MivrRecord[] = [];
      joiner.push(rec('a.log', 9, 9, 'writing...'), out);
      for (const r of others(JOIN_WAIT_RECORDS - 1)) joiner.push(r, out);
      expect(out).toEqual([]);
      joiner.push(rec('b.log', 999, 999, 'the last one it waits for'), out);
      expect(out.map((r) => r.line)).toEqual([9, ...others(JOIN_WAIT_RECORDS - 1).map((r) => r.line), 999]);
      const late = new CtiRecordJoiner();
      const out2: MivrRecord[] = [];
      late.push(rec('a.log', 9, 9, 'writing...'), out2);
      late.push(rec('b.log', 1, 500, 'b0', JOIN_WAIT_MS), out2);
      expect(out2).toEqual([]);
      late.push(rec('b.log', 2, 501, 'b1', JOIN_WAIT_MS + 1), out2);
      expect(out2.map((r) => [r.file, r.line])).toEqual([
        ['a.log', 9],
        ['b.log', 1],
        ['b.log', 2],
      ]);
    });
  });

  it('a parse result with findings and no trace is kept, its findings at file lines with their severity', async () => {
    const { records } = await read([hdr(1, T, 'ICD_CTI', 'a'), hdr(2, T, 'ICD_CTI', 'b'), 'c'].join('\n'));
    const r = ctiTraceRecord(records[1], {
      traces: [],
      diagnostics: [{ severity: 'warning', code: 'TRACE-X', message: 'm', offset: 2, line: 2 }],
    });
    expect(r).toEqual({ record: records[1], traces: [], diagnostics: [{ severity: 'warning', code: 'TRACE-X', message: 'm', file: 'MIVR01.log', line: 3 }] });
    expect(ctiTraceRecord(records[0], { traces: [], diagnostics: [] })).toBeUndefined();
  });
});
