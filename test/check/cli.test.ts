/** `ccxcti check` end to end in-process: formats, exit codes, --fail-on, rule switches, configuration files. */
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAPTER_11_FLOWS, type Flow } from '../fixtures/flows/chapter11.js';
import { ccxcti } from '../support/cli.js';
import { flowPcap, tempDir, writeTemp } from './capture.js';
import { SARIF_SCHEMA_PRESENT, sarifErrors, schemaErrors } from '../../scripts/schemas.js';

interface Report {
  findings: Array<{ rule: string; severity: string; at: { index: number; session?: string; source: { file: string; frame?: number } } }>;
  summary: { inputs: number; sessions: number; messages: number; errors: number; warnings: number; infos: number };
}

const flow = (id: string): Flow => CHAPTER_11_FLOWS.find((f) => f.id === id)!;

let dir = '';
let clean = '';
let broken = '';
let twoSessions = '';

afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  dir = tempDir();
  clean = writeTemp(dir, 'queued.pcap', flowPcap(flow('queued-and-answered')));
  // An event after END_CALL_EVENT: CALL_CLEARED_EVENT moved behind it.
  const q = flow('queued-and-answered');
  const steps = [...q.steps];
  const cleared = steps.findIndex((s) => s.type === 'CALL_CLEARED_EVENT');
  const [step] = steps.splice(cleared, 1);
  steps.push(step!);
  broken = writeTemp(dir, 'broken.pcap', flowPcap({ ...q, steps }));
  twoSessions = writeTemp(dir, 'two.pcap', flowPcap({ ...q, steps }, 50400));
});

describe('ccxcti check', () => {
  it('a clean capture: exit 0, JSON report valid against its schema', async () => {
    const r = await ccxcti(['check', '--format', 'json', clean]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(schemaErrors('check-report.schema.json', report)).toEqual([]);
    expect(report.summary).toMatchObject({ inputs: 1, sessions: 1, errors: 0, warnings: 0 });
    expect(report.summary.messages).toBe(2 + flow('queued-and-answered').steps.length);
  });

  it('JSON is the default off a terminal, text on one', async () => {
    const piped = await ccxcti(['check', clean]);
    expect(() => JSON.parse(piped.stdout) as unknown).not.toThrow();
    const tty = await ccxcti(['check', clean], { tty: true });
    expect(tty.stdout).toMatch(/^session 10\.1\.1\.5:50311-10\.1\.1\.2:42027#1$/m);
    expect(tty.stdout).toMatch(/0 errors, 0 warnings, \d+ infos in \d+ messages, 1 session, 1 input/);
  });

  it("a finding's index is the message's position in decode's output", async () => {
    const r = await ccxcti(['check', '--format', 'json', broken]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    const f = report.findings.find((x) => x.rule === 'CALL-EVENT-AFTER-END')!;
    expect(f.severity).toBe('error');
    const decoded = (await ccxcti(['decode', '--format', 'ndjson', broken])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; source: { frame: number } });
    expect(decoded[f.at.index]!.type).toBe('CALL_CLEARED_EVENT');
    expect(decoded[f.at.index]!.source.frame).toBe(f.at.source.frame);
    for (const x of report.findings) expect(decoded[x.at.index]!.source.frame).toBe(x.at.source.frame);
  });

  it('indexes count messages across inputs in timeline order', async () => {
    const r = await ccxcti(['check', '--format', 'json', clean, twoSessions]);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.summary).toMatchObject({ inputs: 2, sessions: 2 });
    const decoded = (await ccxcti(['decode', '--format', 'ndjson', clean, twoSessions])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; session: string; source: { file: string; frame: number } });
    expect(report.summary.messages).toBe(decoded.length);
    for (const x of report.findings) {
      expect(decoded[x.at.index]!.source).toEqual(x.at.source);
      expect(decoded[x.at.index]!.session).toBe(x.at.session);
    }
  });

  it('reads a capture from stdin (-)', async () => {
    const r = await ccxcti(['check', '--format', 'json', '-'], { stdin: readFileSync(broken) });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Report).findings.some((f) => f.rule === 'CALL-EVENT-AFTER-END')).toBe(true);
  });

  it('--fail-on: error (default), warning, info', async () => {
    expect((await ccxcti(['check', clean])).code).toBe(0);
    expect((await ccxcti(['check', '--fail-on', 'warning', clean])).code).toBe(0);
    // The bridge OPEN_REQ of the fixture sets mask bits the tables do not name: infos.
    expect((await ccxcti(['check', '--fail-on', 'info', clean])).code).toBe(1);
    expect((await ccxcti(['check', '--fail-on', 'fatal', clean])).code).toBe(2);
  });

  it('--rule and --disable switch rules and change their severity', async () => {
    expect((await ccxcti(['check', broken])).code).toBe(1);
    expect((await ccxcti(['check', '--disable', 'CALL-EVENT-AFTER-END', broken])).code).toBe(0);
    expect((await ccxcti(['check', '--rule', 'CALL-EVENT-AFTER-END=off', broken])).code).toBe(0);
    expect((await ccxcti(['check', '--rule', 'CALL-*=warning', broken])).code).toBe(0);
    expect((await ccxcti(['check', '--rule', 'CALL-EVENT-AFTER-END=warning', '--fail-on', 'warning', broken])).code).toBe(1);
    const demoted = JSON.parse((await ccxcti(['check', '--format', 'json', '--rule', 'call-event-after-end=WARNING', broken])).stdout) as Report;
    expect(demoted.findings.find((f) => f.rule === 'CALL-EVENT-AFTER-END')!.severity).toBe('warning');
    expect((await ccxcti(['check', '--rule', 'FIELD-VALUE-UNKNOWN=off', '--rule', 'FIELD-RESERVED-VALUE=off', '--fail-on', 'info', clean])).code).toBe(0);
    expect((await ccxcti(['check', '--rule', 'FIELD-*=off', '--fail-on', 'info', clean])).code).toBe(0);
  });

  it('usage errors exit 2: unknown rule, bad level, no input, unreadable input', async () => {
    const unknown = await ccxcti(['check', '--rule', 'NO-SUCH-RULE=off', clean]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no rule NO-SUCH-RULE');
    expect((await ccxcti(['check', '--rule', 'CALL-EVENT-AFTER-END=loud', clean])).code).toBe(2);
    expect((await ccxcti(['check', '--rule', 'CALL-EVENT-AFTER-END', clean])).code).toBe(2);
    expect((await ccxcti(['check', '--disable', 'NOPE', clean])).code).toBe(2);
    expect((await ccxcti(['check'])).code).toBe(2);
    expect((await ccxcti(['check', `${dir}/missing.pcap`])).code).toBe(2);
    const notCapture = writeTemp(dir, 'notes.txt', 'hello\n');
    expect((await ccxcti(['check', notCapture])).code).toBe(2);
    expect((await ccxcti(['check', '--format', 'xml', clean])).code).toBe(2);
  });

  it('the input options are checked as decode checks them: a clear message and exit 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--tz', 'Mars/Olympus'], /--tz: unknown time zone "Mars\/Olympus"/],
      [['--year', '15'], /--year takes a four-digit year/],
      [['--year', '2015.5'], /--year takes a four-digit year/],
      [['--port', '0'], /--port takes a TCP port 1-65535/],
      [['--port', 'http'], /--port takes a TCP port 1-65535/],
      [['--protocol-version', 'x'], /--protocol-version takes a whole number/],
    ];
    for (const [options, message] of cases) {
      for (const command of ['check', 'decode']) {
        const r = await ccxcti([command, ...options, clean]);
        expect(r.code, `${command} ${options.join(' ')}`).toBe(2);
        expect(r.stderr, `${command} ${options.join(' ')}`).toMatch(message);
        expect(r.stdout).toBe('');
      }
    }
    // Valid ones are accepted by both.
    for (const command of ['check', 'decode']) {
      expect((await ccxcti([command, '--tz', '+0530', '--year', '2015', '--port', '42027', '--protocol-version', '13', clean])).code, command).toBe(0);
    }
  });

  it('a configuration file (--config) sets rules and failOn; the command line wins', async () => {
    const config = writeTemp(dir, 'rules.json', JSON.stringify({ failOn: 'warning', rules: { 'CALL-EVENT-AFTER-END': 'warning' } }));
    expect((await ccxcti(['check', '--config', config, broken])).code).toBe(1);
    expect((await ccxcti(['check', '--config', config, '--fail-on', 'error', broken])).code).toBe(0);
    expect((await ccxcti(['check', '--config', config, '--rule', 'CALL-EVENT-AFTER-END=off', broken])).code).toBe(0);
    const off = writeTemp(dir, 'off.json', JSON.stringify({ rules: { 'CALL-*': 'off' } }));
    expect((await ccxcti(['check', '--config', off, broken])).code).toBe(0);
    for (const bad of ['{', '[]', '{"rules":{"NOPE":"off"}}', '{"rules":{"CALL-EVENT-AFTER-END":"loud"}}', '{"failOn":"fatal"}', '{"other":1}']) {
      const file = writeTemp(dir, 'bad.json', bad);
      const r = await ccxcti(['check', '--config', file, clean]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr, bad).toContain('bad.json');
    }
    expect((await ccxcti(['check', '--config', `${dir}/none.json`, clean])).code).toBe(2);
  });

  it('picks up .ccxcti.json from the current directory', async () => {
    const here = tempDir();
    writeTemp(here, '.ccxcti.json', JSON.stringify({ rules: { 'CALL-EVENT-AFTER-END': 'off' } }));
    const cwd = process.cwd();
    process.chdir(here);
    try {
      expect((await ccxcti(['check', broken])).code).toBe(0);
      const listed = JSON.parse((await ccxcti(['check', '--list-rules', '--format', 'json'])).stdout) as { rules: Array<{ id: string; level: string }> };
      expect(listed.rules.find((r) => r.id === 'CALL-EVENT-AFTER-END')!.level).toBe('off');
    } finally {
      process.chdir(cwd);
      rmSync(here, { recursive: true, force: true });
    }
    expect((await ccxcti(['check', broken])).code).toBe(1);
  });

  it('--list-rules prints the catalog (text or JSON)', async () => {
    const text = await ccxcti(['check', '--list-rules']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('SESSION-HEARTBEAT-UNANSWERED');
    expect(text.stdout).toContain('chapter 3, How a Session is Maintained');
    const json = await ccxcti(['check', '--list-rules', '--format', 'json']);
    expect(schemaErrors('rule-catalog.schema.json', JSON.parse(json.stdout))).toEqual([]);
  });

  it('--help mentions .ccxcti.json and the exit codes', async () => {
    const r = await ccxcti(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('.ccxcti.json');
    expect(r.stdout).toContain('Exit codes');
  });

  it('-o writes the report to a file; JUnit and SARIF formats', async () => {
    const out = `${dir}/report.xml`;
    const r = await ccxcti(['check', '--format', 'junit', '-o', out, broken]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const xml = readFileSync(out, 'utf8');
    expect(xml).toMatch(/<testcase classname="ccxcti\.check\.calls" name="CALL-EVENT-AFTER-END: [^"]*" time="0">\n\s+<failure type="error"/);
    const sarif = await ccxcti(['check', '--format', 'sarif', broken]);
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.stdout) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(log.runs[0]!.results.some((x) => x.ruleId === 'CALL-EVENT-AFTER-END')).toBe(true);
    if (SARIF_SCHEMA_PRESENT) expect(sarifErrors(log)).toEqual([]);
  });
  it('-o to a file that cannot be written: exit 2 and why, for every command (not a silent exit 0)', async () => {
    const nowhere = `${dir}/no-such-directory/report`;
    for (const argv of [
      ['check', '--format', 'sarif', '-o', nowhere, clean],
      ['check', '--format', 'junit', '-o', nowhere, broken],
      ['check', '--list-rules', '-o', nowhere],
      ['hex', '-o', nowhere, '0000000000000005'],
      ['messages', '-o', nowhere, 'OPEN_REQ'],
      ['decode', '-o', nowhere, clean],
    ]) {
      const r = await ccxcti(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toContain('cannot write the output');
      expect(r.stderr, argv.join(' ')).toContain('no-such-directory');
    }
  });
});

describe('ccxcti check on a message read from a high-level trace', () => {
  it('names no byte offset in a decoder finding (the message has no bytes of its own); a dump names one', async () => {
    const dir = tempDir();
    const sample = readFileSync('samples/logs/queued-and-answered/MIVR01.log', 'latin1').split('\n');
    // Lines 3-13: the first BEGIN_CALL_EVENT's high-level trace (its dump is in the records after).
    const trace = sample.slice(2, 13).join('\n').replace('ConnectionDeviceType: 0', 'ConnectionDeviceType: 77');
    const text = await ccxcti(['check', writeTemp(dir, 'high.log', `${trace}\n`), '--format', 'json', '--year', '2015', '--fail-on', 'info']);
    const found = (JSON.parse(text.stdout) as { findings: Array<{ rule: string; message: string }> }).findings.filter((f) => f.rule === 'FIELD-VALUE-UNKNOWN');
    expect(found.map((f) => f.message)).toEqual(['BEGIN_CALL_EVENT: ConnectionDeviceType = 77 is not listed in Table 193']);
    // The dump of the same message with that byte changed: the offset is named.
    const dump = sample.slice(15, 20).join('\n').replace('0010: 00 09 00 00 01', '0010: 00 09 00 4D 01');
    const bytes = await ccxcti(['check', writeTemp(dir, 'low.log', `${dump}\n`), '--format', 'json', '--year', '2015', '--fail-on', 'info']);
    const byDump = (JSON.parse(bytes.stdout) as { findings: Array<{ rule: string; message: string }> }).findings.filter((f) => f.rule === 'FIELD-VALUE-UNKNOWN');
    expect(byDump.map((f) => f.message)).toEqual([expect.stringMatching(/^BEGIN_CALL_EVENT: ConnectionDeviceType = 77 is not listed in Table 193 \(byte \d+\)$/)]);
  });
});
