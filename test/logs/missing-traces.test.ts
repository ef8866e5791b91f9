/**
 * A log whose ICD_CTI records lost the lines after their headers — `grep ICD_CTI` without
 * `-A`, a log cut line by line — holds no message, and used to say nothing about it: decode
 * gave 0 messages, check "0 findings", exit 0. Records that announce a trace the log does not
 * hold (the header line and nothing after it; `writing...` / `reading...` without dump rows:
 * the guide's examples 1 and 2) are now one LOG_TRACE_MISSING warning per file, so check's
 * LOG-INCOMPLETE says the file could not be read whole.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ccxcti } from '../support/cli.js';

const SAMPLE = 'samples/logs/outbound-accepted/MIVR01.log';
const LINES = readFileSync(SAMPLE, 'utf8').split('\n');
const IS_CTI_HEADER = /^\d+: .*%MIVR-ICD_CTI-/;

const dir = mkdtempSync(join(tmpdir(), 'ccxcti-missing-traces-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tmp = (name: string, lines: readonly string[]): string => {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};

interface Diagnostic {
  code: string;
  severity: string;
  message: string;
  source?: { file: string; line?: number };
}

async function decodeDiagnostics(path: string): Promise<{ messages: number; diagnostics: Diagnostic[] }> {
  const r = await ccxcti(['decode', '--format', 'json', '--year', '2015', path]);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout) as { messages: unknown[]; diagnostics: Diagnostic[] };
  return { messages: doc.messages.length, diagnostics: doc.diagnostics };
}

describe('ICD_CTI records whose traces are not in the log', () => {
  it('grep ICD_CTI without -A: one LOG_TRACE_MISSING warning counting them, at the first, and LOG-INCOMPLETE', async () => {
    const grepped = LINES.filter((l) => IS_CTI_HEADER.test(l));
    const announcing = grepped.filter((l) => /ICD_CTI-\d-\w+:(?:writing\.\.\.|reading\.\.\.)?$/.test(l)).length;
    expect(announcing).toBeGreaterThan(10);
    const path = tmp('grepped.log', grepped);
    const { messages, diagnostics } = await decodeDiagnostics(path);
    expect(messages).toBe(0);
    const missing = diagnostics.filter((d) => d.code === 'LOG_TRACE_MISSING');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.severity).toBe('warning');
    expect(missing[0]!.message).toMatch(new RegExp(`^${announcing} ICD_CTI records announce a message trace`));
    const firstLine = grepped.findIndex((l) => /ICD_CTI-\d-\w+:(?:writing\.\.\.|reading\.\.\.)?$/.test(l)) + 1;
    expect(missing[0]!.source).toEqual({ file: path, line: firstLine });

    const r = await ccxcti(['check', '--format', 'json', '--year', '2015', '--fail-on', 'warning', path]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: Array<{ rule: string; message: string }> };
    expect(report.findings.map((f) => f.rule)).toEqual(['LOG-INCOMPLETE']);
    expect(report.findings[0]!.message).toContain('LOG_TRACE_MISSING');
  });

  it('one dump record that lost its rows among whole traces is counted alone; the other messages decode as before', async () => {
    const whole = await decodeDiagnostics(tmp('whole.log', LINES));
    expect(whole.diagnostics.filter((d) => d.code === 'LOG_TRACE_MISSING')).toEqual([]);
    // Drop the MHDR/MDATA rows of the first `writing...` record.
    const at = LINES.findIndex((l) => l.endsWith('ICD_CTI-7-UNK:writing...'));
    let end = at + 1;
    while (end < LINES.length && !/^\d+: [A-Z][a-z]{2} /.test(LINES[end]!)) end++; // the next record header (not a dump row's offset)
    const cut = [...LINES.slice(0, at + 1), ...LINES.slice(end)];
    const { messages, diagnostics } = await decodeDiagnostics(tmp('one-cut.log', cut));
    const missing = diagnostics.filter((d) => d.code === 'LOG_TRACE_MISSING');
    expect(missing.map((d) => [d.message.split(' ').slice(0, 3).join(' '), d.source?.line])).toEqual([['1 ICD_CTI record', at + 1]]);
    // Its high-level twin is still there: no message is lost.
    expect(messages).toBe(whole.messages);
  });

  it('records of other text, and header lines whose trace follows on the next lines, are not counted', async () => {
    const { diagnostics } = await decodeDiagnostics(SAMPLE);
    expect(diagnostics.filter((d) => d.code === 'LOG_TRACE_MISSING')).toEqual([]);
  });
});
