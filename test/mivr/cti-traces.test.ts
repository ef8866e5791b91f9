/** Records → parsed ICD_CTI traces. */
import { describe, expect, it } from 'vitest';
import { readCtiTraces, readMivrRecords, type LowLevelTrace } from '../../src/mivr/index.js';
import { chunks, collect, enc, hdr } from './helpers.js';

const T = 'Nov 20 10:43:59.435';

async function traces(lines: string[]) {
  const stream = readMivrRecords(chunks(enc(lines.join('\n'))), 'MIVR01.log', { year: 2015, facilities: 'all' });
  return collect(readCtiTraces(stream));
}

describe('readCtiTraces', () => {
  it('skips other facilities and ICD_CTI records that are not messages', async () => {
    const out = await traces([
      hdr(1, T, 'SS_TEL', 'CSOutboundMsgProcessor: got an event message: { length=-1 type=NOT_CTI }'),
      hdr(2, T, 'ICD_CTI', 'CTI session 5 opened'),
      hdr(3, T, 'ICD_CTI', 'P: sending { length=-1 type=HEARTBEAT_REQ, invokeID: 7 }'),
    ]);
    expect(out.map((t) => t.record.seq)).toEqual([3]);
    expect(out[0].traces[0]).toMatchObject({ kind: 'high', messageName: 'HEARTBEAT_REQ', verb: 'sending', pairs: [{ key: 'invokeID', value: '7' }] });
  });

  it('places trace diagnostics at file lines', async () => {
    const out = await traces([hdr(1, T, 'ICD_CTI', 'x'), hdr(2, T, 'ICD_CTI', 'P: got an event message:'), '{ length=-1 type=END_CALL_EVENT, monitorID: 0,']);
    expect(out[0].diagnostics).toEqual([expect.objectContaining({ code: 'TRACE-UNCLOSED-BRACE', file: 'MIVR01.log', line: 3 })]);
  });

  it('joins a dump written one record per line', async () => {
    const out = await traces([
      hdr(10, T, 'ICD_CTI', 'writing...'),
      hdr(11, T, 'ICD_CTI', 'MHDR:    0000: 00 00 00 14 00 00 00 17 ........'),
      hdr(12, T, 'ICD_CTI', 'MDATA:   0000: 00 00 00 00 00 00 00 01 00 15 00 00 00 00 00 00 ................'),
      hdr(13, T, 'ICD_CTI', '0010: 00 01 00 00 ....'),
      hdr(14, T, 'ICD_CTI', 'unrelated'),
    ]);
    expect(out).toHaveLength(1);
    const t = out[0].traces[0] as LowLevelTrace;
    expect(out[0].record.seq).toBe(10);
    expect(out[0].record.lineCount).toBe(4);
    expect(t.direction).toBe('write');
    expect(t.mdata.map((r) => [r.offset, r.bytes.length])).toEqual([
      [0, 16],
      [16, 4],
    ]);
    expect(out[0].diagnostics).toEqual([]);
  });
});
