/**
 * Damaged trace text cannot make the reference parser produce a finding per character nor
 * read a text of any length: findings are capped per text (with a count of the rest) and an
 * over-long text is said and not read — the records around it are read as ever.
 */
import { describe, expect, it } from 'vitest';
import { MAX_REFERENCE_TEXT, parseCtiTraceText } from '../../grammar/cti-trace-grammar.js';
import { MAX_TRACE_DIAGNOSTICS } from '../../grammar/cti-trace-types.js';
import { ccxcti } from '../support/cli.js';

const TRACE = 'CSOutboundMsgProcessor: got an event message:\n{ length=-1 type=CALL_CLEARED_EVENT, monitorID: 0, connectionCallID: 16777488 }';

describe('limits of the reference parser', () => {
  it('a text that gives thousands of findings keeps the first ones and counts the rest', () => {
    const r = parseCtiTraceText(`${'{'.repeat(5000)}\n${TRACE}`);
    expect(r.diagnostics).toHaveLength(MAX_TRACE_DIAGNOSTICS + 1);
    const last = r.diagnostics[r.diagnostics.length - 1]!;
    expect(last.code).toBe('TRACE-MORE-FINDINGS');
    expect(last.message).toMatch(/^\d+ more findings about this text left out \(the first 50 are shown\)$/);
    const more = Number(/^\d+/.exec(last.message)![0]);
    expect(more).toBeGreaterThan(4000);
    expect(r.diagnostics.slice(0, -1).every((d) => d.code !== 'TRACE-MORE-FINDINGS')).toBe(true);
  });

  it('a handful of findings is left alone', () => {
    const r = parseCtiTraceText(`{{{\n${TRACE}`);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.length).toBeLessThan(MAX_TRACE_DIAGNOSTICS);
    expect(r.diagnostics.some((d) => d.code === 'TRACE-MORE-FINDINGS')).toBe(false);
  });

  it('a text the fast scanner cannot read and longer than MAX_REFERENCE_TEXT is said and not read', () => {
    const long = parseCtiTraceText(`${'{'.repeat(MAX_REFERENCE_TEXT)}\n${TRACE}`);
    expect(long.traces).toEqual([]);
    expect(long.diagnostics.map((d) => d.code)).toEqual(['TRACE-TOO-LONG']);
    expect(long.diagnostics[0]!.message).toBe(`${MAX_REFERENCE_TEXT + 1 + TRACE.length} characters: too long for a message trace (${MAX_REFERENCE_TEXT} at most); not read`);
  });

  it('ccxcti decode: the records around such a record are decoded, the findings are few, exit 0', async () => {
    const header = (seq: number): string => `${seq}: Nov 23 14:00:02.479 EST %MIVR-ICD_CTI-7-UNK:`;
    const log = [`${header(1)}${TRACE}`, `${header(2)}\n${'{'.repeat(100_000)}\n${TRACE}`, `${header(3)}\n${'{'.repeat(MAX_REFERENCE_TEXT + 10)}\n${TRACE}`, `${header(4)}${TRACE.replace('16777488', '16777489')}`].join('\n');
    const r = await ccxcti(['decode', '-', '--format', 'ndjson', '--year', '2015'], { stdin: `${log}\n` });
    expect(r.code).toBe(0);
    const callIds = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { fields: { CallID?: number } }).fields.CallID);
    expect(callIds[0]).toBe(16777488);
    expect(callIds[callIds.length - 1]).toBe(16777489);
    expect(r.stderr.split('\n').length).toBeLessThan(2 * MAX_TRACE_DIAGNOSTICS);
    expect(r.stderr).toContain('TRACE_MORE_FINDINGS');
    expect(r.stderr).toContain('TRACE_TOO_LONG');
  });
});
