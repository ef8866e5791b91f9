/**
 * The guide's chapter-11 Example 1 (high-level trace) and Example 2 (low-level dump), each
 * exactly as printed (test/fixtures/guide/), read as MIVR logs: both are the same
 * BEGIN_CALL_EVENT (CallID 16777488); the printed dump is a byte short and says so; logged
 * together they are one message, and where they disagree (DialedNumber, spec-notes 7.4) an
 * info diagnostic says that too.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { instantToIso } from '../../src/timeline/instant.js';
import { logTimeline } from './support.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/guide/${name}`, import.meta.url)), 'utf8');
const EXAMPLE_1 = fixture('example1-high-level.txt');
const EXAMPLE_2 = fixture('example2-low-level.txt');

/** Fields both examples give alike. */
const COMMON = {
  Reserved1: 0,
  Reserved2: 1,
  Reserved3: 21,
  NumCTIClients: 0,
  NumNamedVariables: 0,
  CallType: 1,
  ConnectionDeviceType: 0,
  CallID: 16777488,
  CalledPartyDisposition: 0,
  ConnectionDeviceID: '9026',
  ANI: '2006',
  DNIS: '7000',
};

describe("the guide's Example 1 and Example 2 as MIVR logs", () => {
  it('Example 1 (high level) is BEGIN_CALL_EVENT, CallID 16777488, server to client, at its record time', async () => {
    const t = await logTimeline([{ name: 'example1.log', content: EXAMPLE_1 }]);
    expect(t.messages).toHaveLength(1);
    const m = t.messages[0]!;
    expect(m.message.type).toBe('BEGIN_CALL_EVENT');
    expect(m.message.fields).toEqual({ ...COMMON, NumNamedArrays: 0 });
    expect(m.message.labels.CallType).toBe('CALLTYPE_CCX_IN');
    expect(m.direction).toBe('server-to-client'); // CSOutboundMsgProcessor: got an event message
    expect(instantToIso(m.at!)).toBe('2015-11-20T14:43:59.435000Z'); // 10:43:59.435 EDT
    expect(m.source).toEqual({ file: 'example1.log', line: 2 });
    expect(m.session).toBeUndefined();
  });

  it('Example 2 (low level) is the same BEGIN_CALL_EVENT; the printed dump is one byte short and the diagnostics say so', async () => {
    const t = await logTimeline([{ name: 'example2.log', content: EXAMPLE_2 }]);
    expect(t.messages).toHaveLength(1);
    const m = t.messages[0]!;
    expect(m.message.type).toBe('BEGIN_CALL_EVENT');
    expect(m.message.bodyLength).toBe(54);
    // NumNamedArrays sits on the missing byte: not decoded, nothing invented.
    expect(m.message.fields).toEqual({ ...COMMON, ANI: '2006', DialedNumber: '7000', DNIS: '7000' });
    const messages = m.message.diagnostics.map((d) => `${d.code}: ${d.message}`);
    expect(messages).toContain('INPUT_NOTE: MDATA holds 53 bytes for a BodyLength of 54');
    expect(messages.some((s) => s.startsWith('BYTES_MISSING') && s.includes('53 of the 54 bytes'))).toBe(true);
    expect(t.diagnostics.map((d) => d.code)).toContain('DUMP_SHORT_ROW');
    expect(m.direction).toBe('server-to-client'); // writing...
    expect(m.source).toEqual({ file: 'example2.log', line: 2 });
  });

  it('both examples in one log are one message: the dump, with the disagreements reported', async () => {
    const t = await logTimeline([{ name: 'MIVR01.log', content: EXAMPLE_1 + EXAMPLE_2 }]);
    expect(t.messages).toHaveLength(1);
    const m = t.messages[0]!;
    expect(m.message.fields.CallID).toBe(16777488);
    expect(m.message.fields.DialedNumber).toBe('7000'); // the bytes win
    const disagree = m.message.diagnostics.filter((d) => d.code === 'TRACE_LEVELS_DISAGREE');
    expect(disagree.map((d) => d.message.split(':')[0]).sort()).toEqual(['DialedNumber', 'NumNamedArrays']);
    expect(disagree.every((d) => d.severity === 'info')).toBe(true);
    expect(disagree.find((d) => d.message.startsWith('DialedNumber'))!.message).toContain('MIVR01.log:2');
    expect(m.source).toEqual({ file: 'MIVR01.log', line: 13 });
    const summary = t.diagnostics.find((d) => d.code === 'LOG_SUMMARY')!;
    expect(summary.message).toContain('2 message traces (1 high-level, 1 low-level), 1 logged at both levels and taken once');
  });
});
