/** The guide's chapter-11 examples, as printed, through the whole pipeline. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCtiRecord, readCtiTraces, readMivrRecords, type HighLevelTrace, type LowLevelTrace } from '../../src/mivr/index.js';
import { chunks, collect, enc } from './helpers.js';
import * as guide from './guide-fixtures.js';

const SPEC = '/work/shared/spec/000_a702918f8d102832.txt';

describe('guide fixtures', () => {
  it.runIf(existsSync(SPEC))('occur verbatim in the guide', () => {
    const spec = readFileSync(SPEC, 'utf8');
    for (const [name, text] of Object.entries(guide)) expect(spec.includes(text), name).toBe(true);
  });
});

async function recordsOf(text: string) {
  const stream = readMivrRecords(chunks(enc(text)), 'MIVR01.log', { year: 2015 });
  return { records: await collect(stream), stats: stream.stats };
}

describe('Example 1: high-level trace', () => {
  it('is one ICD_CTI record at 2015-11-20T14:43:59.435Z', async () => {
    const { records, stats } = await recordsOf(guide.EXAMPLE_1);
    expect(records).toHaveLength(1);
    const r = records[0];
    expect(r).toMatchObject({
      seq: 7091923,
      tzAbbrev: 'EDT',
      utcOffsetMinutes: -240,
      localTime: 'Nov 20 10:43:59.435',
      product: 'MIVR',
      facility: 'ICD_CTI',
      level: 7,
      mnemonic: 'UNK',
      file: 'MIVR01.log',
      line: 1,
      lineCount: 11,
    });
    expect(r.timestamp).toEqual({ sec: Date.UTC(2015, 10, 20, 14, 43, 59) / 1000, nsec: 435_000_000 });
    expect(r.text.startsWith('\nCSOutboundMsgProcessor: got an event message:\n{ length=-1')).toBe(true);
    expect(r.text.endsWith('wrapupData: null }')).toBe(true);
    expect(stats.diagnostics).toEqual([]);
  });

  it('parses to the message with every field in order', async () => {
    const { records } = await recordsOf(guide.EXAMPLE_1);
    const parsed = parseCtiRecord(records[0]);
    expect(parsed?.diagnostics).toEqual([]);
    expect(parsed?.traces).toHaveLength(1);
    const t = parsed?.traces[0] as HighLevelTrace;
    expect(t).toMatchObject({
      kind: 'high',
      shape: 'braced',
      processor: 'CSOutboundMsgProcessor',
      verb: 'got an event message',
      messageName: 'BEGIN_CALL_EVENT',
      length: -1,
      attrs: [
        { key: 'length', value: '-1' },
        { key: 'type', value: 'BEGIN_CALL_EVENT' },
      ],
      truncated: false,
    });
    expect(t.ecc).toBeUndefined();
    const simple = t.pairs.map((p) => [p.key, p.value]);
    expect(simple).toEqual([
      ['monitorID', '0'],
      ['peripheralID', '1'],
      ['peripheralType', '21'],
      ['numCTIClients', '0'],
      ['numNamedVars', '0'],
      ['numNamedArrays', '0'],
      ['callType', '1'],
      ['ConnectionDeviceType', '0'],
      ['connectionCallID', '16777488'],
      ['calledPartyDisposition', '0'],
      ['connectionDeviceID', '9026'],
      ['ani2', '2006'],
      ['dnis', '7000'],
      ['dialedNumber', null],
      ['callerEnteredDigits', null],
      ['callVar1', null],
      ['callVar2', null],
      ['callVar3', null],
      ['callVar4', null],
      ['callVar5', null],
      ['callVar6', null],
      ['callVar7', null],
      ['callVar8', null],
      ['callVar9', null],
      ['callVar10', null],
      ['wrapupData', null],
    ]);
    expect(t.pairs.find((p) => p.key === 'dialedNumber')?.raw).toBe('null');
    // Lines are relative to the record text: the text starts with the (empty) header rest.
    expect(t.pairs[0].line).toBe(3);
    expect(t.pairs[t.pairs.length - 1].line).toBe(11);
  });
});

describe('Example 2: low-level trace', () => {
  it('parses MHDR and MDATA rows with their stated offsets', async () => {
    const { records } = await recordsOf(guide.EXAMPLE_2);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ seq: 7091948, line: 1, lineCount: 6 });
    const parsed = parseCtiRecord(records[0]);
    const t = parsed?.traces[0] as LowLevelTrace;
    expect(parsed?.traces).toHaveLength(1);
    expect(t.kind).toBe('low');
    expect(t.direction).toBe('write');
    expect(t.verb).toBe('writing...');
    expect(t.mhdr).toEqual([{ offset: 0, bytes: [0, 0, 0, 0x36, 0, 0, 0, 0x17], gutter: '...6....', line: 2, offsetStated: true }]);
    expect(t.mdata.map((r) => [r.offset, r.bytes.length])).toEqual([
      [0x00, 15],
      [0x10, 16],
      [0x20, 16],
      [0x30, 6],
    ]);
    expect(t.mdata[0].bytes).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 0x15, 0, 0, 0, 0, 0]);
    expect(t.mdata[1].bytes).toEqual([0, 1, 0, 0, 1, 0, 1, 0x10, 0, 0, 8, 5, 0x32, 0x30, 0x30, 0x36]);
    expect(t.mdata[2].bytes).toEqual([0, 0x0b, 5, 0x37, 0x30, 0x30, 0x30, 0, 0x19, 5, 0x39, 0x30, 0x32, 0x36, 0, 0x0a]);
    expect(t.mdata[3].bytes).toEqual([5, 0x37, 0x30, 0x30, 0x30, 0]);
    expect(t.mdata.map((r) => r.gutter)).toEqual(['....', '.....2006', '..7000...9026..', '.7000.']);
    expect(t.mdata.map((r) => r.line)).toEqual([3, 4, 5, 6]);
    // The lost byte of row 0000 is reported at its file line.
    expect(parsed?.diagnostics).toEqual([
      expect.objectContaining({ code: 'DUMP-SHORT-ROW', severity: 'warning', file: 'MIVR01.log', line: 3 }),
    ]);
  });

  it('both examples in one log give two traces in order', async () => {
    const stream = readMivrRecords(chunks(enc(`${guide.EXAMPLE_1}\n\n${guide.EXAMPLE_2}\n`), 7), 'MIVR01.log', { year: 2015 });
    const traces = await collect(readCtiTraces(stream));
    expect(traces.map((t) => t.traces[0].kind)).toEqual(['high', 'low']);
    expect(traces.map((t) => t.record.line)).toEqual([1, 13]);
  });
});
