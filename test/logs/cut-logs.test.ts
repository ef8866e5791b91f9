/**
 * MIVR logs cut short as users bring them (a file copied while it was written, `grep -A`): the
 * bytes or text the log lacks are the input's loss, not the server's framing errors, and a
 * message logged whole at one level is decoded as in the clean log (docs/spec-notes.md 7.12).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ccxcti } from '../support/cli.js';

const TRANSFERRED = readFileSync('samples/logs/transferred/MIVR01.log', 'utf8').split('\n');
const ACCEPTED = ['samples/logs/outbound-accepted/MIVR99.log', 'samples/logs/outbound-accepted/MIVR01.log'];

const dir = mkdtempSync(join(tmpdir(), 'ccxcti-cut-logs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tmp = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

interface Message {
  type: string;
  fields: Record<string, unknown>;
  diagnostics: Array<{ code: string; message: string }>;
}
interface Report {
  findings: Array<{ rule: string; severity: string; message: string }>;
}

async function decodeLog(path: string): Promise<Message[]> {
  const r = await ccxcti(['decode', '--format', 'json', '--year', '2015', path]);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { messages: Message[] }).messages;
}

async function checkLog(path: string): Promise<Report & { code: number }> {
  const r = await ccxcti(['check', '--format', 'json', '--year', '2015', path]);
  return { ...(JSON.parse(r.stdout) as Report), code: r.code };
}

/** The transferred sample's lines to its last MHDR row (`and` more lines), then `tail`. */
function cutAfterLastMhdr(and: number, tail: string): string {
  const mhdr = TRANSFERRED.map((l) => l.startsWith('MHDR:')).lastIndexOf(true);
  expect(TRANSFERRED[mhdr + 2]).toMatch(/^0010: 19 01 00 /);
  return [...TRANSFERRED.slice(0, mhdr + 1 + and), tail].join('\n');
}

describe('a log cut inside its last dump (END_CALL_EVENT, logged whole at the high level)', () => {
  const clean = tmp('clean.log', TRANSFERRED.join('\n'));
  // The sample's last dump: writing... / MHDR / MDATA 0000 (16 bytes) / 0010: 19 01 00 (3 bytes of 19).
  const cases: Record<string, string> = {
    'mid-row': cutAfterLastMhdr(1, '0010: 19 0'),
    'after MHDR': cutAfterLastMhdr(0, ''),
    'inside the first MDATA row': cutAfterLastMhdr(0, 'MDATA:   0000: 00 00 00 00 00 00 0'),
  };

  for (const [name, text] of Object.entries(cases)) {
    it(`${name}: the message as in the clean log, no framing error`, async () => {
      const cut = tmp(`${name.replace(/\W+/g, '-')}.log`, text);
      const want = (await decodeLog(clean)).at(-1)!;
      const got = (await decodeLog(cut)).at(-1)!;
      expect(want.type).toBe('END_CALL_EVENT');
      expect(got.type).toBe('END_CALL_EVENT');
      expect(got.fields).toEqual(want.fields);
      expect(got.diagnostics.map((d) => d.code)).not.toContain('BODY_TRUNCATED');
      expect(got.diagnostics.find((d) => d.message.includes('the log cut it short'))?.message).toMatch(/holds \d+ of the END_CALL_EVENT body's bytes/);
      const report = await checkLog(cut);
      expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(report.code).toBe(0);
    });
  }
});

describe('a dump cut short with no high-level twin', () => {
  // The transferred sample's last dump alone (END_CALL_EVENT, BodyLength 19), cut after 17 body bytes.
  const text = [
    '7093249: Nov 20 10:52:11.390 EDT %MIVR-ICD_CTI-7-UNK:writing...',
    'MHDR:    0000: 00 00 00 13 00 00 00 18 ........',
    'MDATA:   0000: 00 00 00 00 00 00 00 01 00 15 00 00 01 00 01 3D ...............=',
    '0010: 19',
  ].join('\n');

  it('its missing tail is bytes missing from the input (not a body the server cut); check: LOG-INCOMPLETE, no error', async () => {
    const path = tmp('dump-alone.log', text);
    const [m] = await decodeLog(path);
    expect(m!.type).toBe('END_CALL_EVENT');
    const codes = m!.diagnostics.map((d) => d.code);
    expect(codes).toContain('BYTES_MISSING');
    expect(codes).not.toContain('BODY_TRUNCATED');
    expect(m!.fields).toMatchObject({ CallID: 16777533 });
    const report = await checkLog(path);
    expect(report.findings.map((f) => f.rule)).toEqual(['LOG-INCOMPLETE']);
    expect(report.code).toBe(0);
  });

  it('a damaged MHDR (BodyLength beyond any plausible size) is still the decoder\'s truncated body', async () => {
    const path = tmp('dump-absurd.log', text.replace('00 00 00 13 00 00 00 18 ........', '7F 00 00 13 00 00 00 18 ........'));
    const [m] = await decodeLog(path);
    expect(m!.diagnostics.map((d) => d.code)).toContain('BODY_LENGTH_ABSURD');
    expect(m!.diagnostics.map((d) => d.code)).not.toContain('BYTES_MISSING');
  });
});

describe('a high-level trace cut short (its { not closed), no dump', () => {
  const trace = [
    '7093244: Nov 20 10:52:11.388 EDT %MIVR-ICD_CTI-7-UNK:',
    'CSOutboundMsgProcessor: got an event message:',
    '{ length=-1 type=END_CALL_EVENT, monitorID: 0, peripheralID: 1,',
    'peripheralType: 21, ConnectionDeviceType: 0,',
  ];

  it('the value the cut ends in is left out (not CallID 1677), and what the cut took is no finding', async () => {
    const path = tmp('trace-cut.log', [...trace, 'connectionCallID: 1677'].join('\n'));
    const [m] = await decodeLog(path);
    expect(m!.type).toBe('END_CALL_EVENT');
    expect(m!.fields).toEqual({ Reserved1: 0, Reserved2: 1, Reserved3: 21, ConnectionDeviceType: 0 });
    const r = await ccxcti(['decode', '--year', '2015', path]);
    expect(r.stderr).toMatch(/TRACE_LAST_VALUE_CUT .*the value of connectionCallID ends the record/);
    const report = await checkLog(path);
    expect(report.findings.map((f) => f.rule)).toEqual(['LOG-INCOMPLETE']);
  });

  it('cut right after a comma: every value before it is kept', async () => {
    const path = tmp('trace-cut-comma.log', [...trace, 'connectionCallID: 16777533,'].join('\n'));
    const [m] = await decodeLog(path);
    expect(m!.fields).toEqual({ Reserved1: 0, Reserved2: 1, Reserved3: 21, ConnectionDeviceType: 0, CallID: 16777533 });
  });
});

describe('grep -A of a log (records cut at the context length, "--" between groups)', () => {
  it('check finds no error the cuts made (outbound-accepted: 6 false errors before)', async () => {
    const lines = ACCEPTED.flatMap((f) => readFileSync(f, 'utf8').split('\n'));
    // grep -h -A12 ICD_CTI MIVR99.log MIVR01.log
    const keep = new Set<number>();
    lines.forEach((l, i) => {
      if (l.includes('ICD_CTI')) for (let k = i; k <= i + 12 && k < lines.length; k++) keep.add(k);
    });
    const out: string[] = [];
    let last = -2;
    for (const i of [...keep].sort((a, b) => a - b)) {
      if (i !== last + 1 && out.length > 0) out.push('--');
      out.push(lines[i]!);
      last = i;
    }
    const path = tmp('grep-A.log', `${out.join('\n')}\n`);
    const report = await checkLog(path);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.findings.filter((f) => f.severity === 'warning').map((f) => f.rule)).toEqual(['LOG-INCOMPLETE']);
    expect(report.code).toBe(0);
  });
});
