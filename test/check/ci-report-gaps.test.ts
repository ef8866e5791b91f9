/**
 * `ccxcti check` as a CI pipeline uses it (docs/test-gaps.md, eleventh round): what a SARIF
 * consumer reads from the report's URIs, the run's success and its size.
 */
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/check/findings.js';
import type { MessageRef } from '../../src/check/rule.js';
import { FINGERPRINT_KEY, findingFingerprints } from '../../src/check/report/fingerprint.js';
import { fileUri, MAX_SARIF_RESULTS, sarifLog } from '../../src/check/report/sarif.js';
import { ctxOf, grouped } from './report-cases.js';
import { SARIF_SCHEMA_PRESENT, sarifErrors, schemaErrors } from '../../scripts/schemas.js';
import { CHAPTER_11_FLOWS } from '../fixtures/flows/chapter11.js';
import { ccxcti } from '../support/cli.js';
import { flowPcap, tempDir, writeTemp } from './capture.js';

let dir = '';
let clean = '';
let unreadable = '';

beforeAll(() => {
  dir = tempDir();
  clean = writeTemp(dir, 'queued.pcap', flowPcap(CHAPTER_11_FLOWS.find((f) => f.id === 'queued-and-answered')!));
  // A capture cut inside its own file header: no packet, unreadable (exit code 2) once read.
  unreadable = writeTemp(dir, 'head.pcap', flowPcap(CHAPTER_11_FLOWS[0]!).subarray(0, 10));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));

/** Where a SARIF consumer finds the artifact of `uri` when the report is read at `base`. */
function resolvedPath(uri: string, base: string): string {
  return decodeURIComponent(new URL(uri, base).pathname);
}

const BASE = 'https://ci.example/checkout/';

describe('SARIF artifact URIs', () => {
  it('a relative file name whose first segment holds a colon stays a relative reference', () => {
    // tcpdump -w "cti-$(date -Iseconds).pcap": the name parsed as a URI of scheme `cti-2026-11-24t13`.
    for (const name of ['cti-2026-11-24T13:04:05+00:00.pcap', 'a:b/c.pcap', 'C:relative.pcap']) {
      const uri = fileUri(name);
      expect(() => new URL(uri), uri).toThrow();
      expect(resolvedPath(uri, BASE)).toBe(`/checkout/${name}`);
    }
    // A colon after the first segment was always fine.
    expect(fileUri('captures/a:b.pcap')).toBe('captures/a:b.pcap');
  });

  it('any relative file name resolves to itself below the base', () => {
    const char = fc.constantFrom(...'aZ09 :%#?[]@!$&\'()*+,;=-_~.é€😀'.match(/./gu)!);
    const segment = fc
      .array(char, { minLength: 1, maxLength: 8 })
      .map((cs) => cs.join(''))
      .filter((s) => s !== '.' && s !== '..');
    const relative = fc
      .array(segment, { minLength: 1, maxLength: 3 })
      .map((ss) => ss.join('/'))
      .filter((p) => p !== '-' && !/^[A-Za-z]:\//.test(p)); // '-' is stdin; C:/… a Windows path
    fc.assert(
      fc.property(relative, (name) => {
        const uri = fileUri(name);
        expect(resolvedPath(uri, BASE)).toBe(`/checkout/${name}`);
      }),
      { seed: 20261124, numRuns: 2000 },
    );
  });
});

describe('an input found unreadable while checking (exit code 2): every report says so', () => {
  const run = async (format: string): Promise<string> => {
    const r = await ccxcti(['check', '--format', format, clean, unreadable]);
    expect(r.code, r.stderr).toBe(2);
    // Without the unreadable input the same check passes: the reports below must not read as a pass.
    expect((await ccxcti(['check', '--format', format, clean])).code).toBe(0);
    return r.stdout;
  };

  it('JSON: summary.unreadable names it (and validates)', async () => {
    const report = JSON.parse(await run('json')) as { summary: { unreadable?: string[] } };
    expect(report.summary.unreadable).toEqual([expect.stringMatching(/head\.pcap: /)]);
    expect(schemaErrors('check-report.schema.json', report)).toEqual([]);
  });

  it('SARIF: the invocation did not succeed and notifies the input', async () => {
    const log = JSON.parse(await run('sarif')) as { runs: Array<{ invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: Array<{ level: string; message: { text: string } }> }> }> };
    const [invocation] = log.runs[0]!.invocations;
    expect(invocation!.executionSuccessful).toBe(false);
    expect(invocation!.toolExecutionNotifications).toEqual([expect.objectContaining({ level: 'error', message: { text: expect.stringMatching(/^cannot read .*head\.pcap: /) } })]);
    if (SARIF_SCHEMA_PRESENT) expect(sarifErrors(log)).toEqual([]);
  });

  it('JUnit: a test case in error, counted', async () => {
    const xml = await run('junit');
    expect(xml).toMatch(/<testsuites name="ccxcti check" tests="\d+" failures="0" errors="1"/);
    expect(xml).toMatch(/<testsuite name="ccxcti check: inputs" tests="1" failures="0" errors="1" skipped="0" time="0">\n {4}<testcase classname="ccxcti\.check\.inputs" name="cannot read [^"]*head\.pcap: [^"]*" time="0">\n {6}<error /);
  });

  it('HTML: the verdict is FAIL, as the exit code', async () => {
    const html = await run('html');
    expect(html).toContain('<span class="verdict fail">FAIL</span>');
    expect(html).toMatch(/<p>Cannot read <code>[^<]*head\.pcap: /);
  });

  it('text: the summary counts it', async () => {
    expect(await run('text')).toMatch(/, 2 inputs \(1 unreadable\); failing on error and above\n$/);
  });
});

interface Located {
  rule: string;
  message: string;
  at: { index?: number; session?: string; source: { file: string; frame?: number; line?: number } };
}

async function checkAndDecode(inputs: readonly string[]): Promise<{ findings: Located[]; decoded: Array<{ type: string; session?: string; source: Located['at']['source'] }> }> {
  const report = JSON.parse((await ccxcti(['check', '--format', 'json', ...inputs])).stdout) as { findings: Located[]; summary: { messages: number } };
  const decoded = (await ccxcti(['decode', '--format', 'ndjson', ...inputs])).stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { type: string; session?: string; source: Located['at']['source'] });
  expect(report.summary.messages).toBe(decoded.length);
  return { findings: report.findings, decoded };
}

describe("a finding's index is its message's position in decode's output of the same inputs (CONTRACT.md)", () => {
  /** Damaged copies of a sample capture and log: their messages tie in time with the originals'. */
  function damagedCopies(): string[] {
    const pcap = Uint8Array.from(readFileSync(`${SAMPLES}cti-sessions.pcap`));
    for (let k = 0; k < 40; k++) pcap[24 + ((k * 7919) % (pcap.length - 24))]! ^= 0xff;
    const log = readFileSync(`${SAMPLES}logs/transferred/MIVR01.log`, 'latin1')
      .split('\n')
      .map((line, i) => (i % 7 === 0 ? `${line.slice(0, line.length >> 1)}\u0001\u001b[31m <&"> \u202e` : line))
      .join('\n');
    return [writeTemp(dir, 'flipped.pcap', pcap), writeTemp(dir, 'damaged.log', Buffer.from(log, 'latin1'))];
  }

  const sets = (): Array<[string, string[]]> => [
    ['logs and captures', [`${SAMPLES}logs/`, `${SAMPLES}cti-sessions.pcap`, `${SAMPLES}damaged-midstream-gap.pcap`]],
    ['a ring set, a capture and one log', [`${SAMPLES}ring/`, `${SAMPLES}cti-sessions.pcapng`, `${SAMPLES}logs/outbound-accepted/MIVR01.log`]],
    ['damaged copies with the originals', [...damagedCopies(), `${SAMPLES}cti-sessions.pcap`, `${SAMPLES}logs/transferred/MIVR01.log`]],
  ];

  it('for logs and captures mixed, damaged ones too, in any order', async () => {
    for (const [name, inputs] of sets()) {
      for (const order of [inputs, [...inputs].reverse()]) {
        const { findings, decoded } = await checkAndDecode(order);
        expect(findings.length, name).toBeGreaterThan(0);
        for (const f of findings) {
          if (f.at.index === undefined) continue;
          const m = decoded[f.at.index];
          expect(m?.source, `${name}: ${f.rule} #${f.at.index}`).toEqual(f.at.source);
          expect(m?.session, `${name}: ${f.rule} #${f.at.index}`).toBe(f.at.session);
        }
      }
    }
  });

  it('the order of the inputs changes nothing where no two inputs hold messages of the same time', async () => {
    const [, inputs] = sets()[0]!;
    const key = (f: Located): string => JSON.stringify([f.rule, f.at.index, f.at.session, f.at.source, f.message]);
    const given = (await checkAndDecode(inputs)).findings.map(key).sort();
    const reversed = (await checkAndDecode([...inputs].reverse())).findings.map(key).sort();
    expect(reversed).toEqual(given);
  });
});

describe('SARIF: at most 25,000 results in a run (GitHub code scanning rejects more)', () => {
  it('lists the most severe, in timeline order, and says how many were left out', () => {
    const base = grouped();
    const at = base.findings[0]!.at as MessageRef;
    const like = (severity: Finding['severity'], index: number): Finding => ({ ...base.findings[0]!, severity, at: { ...at, index } });
    // 20,000 infos, then 6,000 errors, then 1,000 warnings (as kept: at most 1,000 per rule, 86 rules).
    const severities: Array<Finding['severity']> = [...Array<'info'>(20_000).fill('info'), ...Array<'error'>(6_000).fill('error'), ...Array<'warning'>(1_000).fill('warning')];
    const findings = severities.map((s, i) => like(s, i));
    const result = { ...base, findings, counts: { errors: 6_000, warnings: 1_000, infos: 20_000 } };
    const log = JSON.parse(JSON.stringify(sarifLog(ctxOf(result)))) as {
      runs: Array<{
        results: Array<{ level: string; properties: { index: number } }>;
        invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: Array<{ level: string; message: { text: string } }> }>;
        properties: { notListed?: number; errors: number };
      }>;
    };
    const run = log.runs[0]!;
    expect(MAX_SARIF_RESULTS).toBe(25_000);
    expect(run.results).toHaveLength(25_000);
    const levels = (l: string): number => run.results.filter((r) => r.level === l).length;
    expect([levels('error'), levels('warning'), levels('note')]).toEqual([6_000, 1_000, 18_000]);
    const indices = run.results.map((r) => r.properties.index);
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
    // The infos left out are the latest ones.
    expect(indices.slice(0, 18_000)).toEqual([...Array(18_000).keys()]);
    expect(run.properties.notListed).toBe(2_000);
    // A listed result's fingerprint counts the findings left out too (all 27,000 alike but for their index).
    const fingerprints = findingFingerprints(findings);
    const listed = log.runs[0]!.results as unknown as Array<{ partialFingerprints: Record<string, string>; properties: { index: number } }>;
    expect(listed.every((r) => r.partialFingerprints[FINGERPRINT_KEY] === fingerprints.get(findings[r.properties.index]!))).toBe(true);
    expect(run.properties.errors).toBe(6_000);
    expect(run.invocations[0]!.executionSuccessful).toBe(true);
    expect(run.invocations[0]!.toolExecutionNotifications).toEqual([expect.objectContaining({ level: 'warning', message: { text: expect.stringMatching(/^2000 findings not listed/) } })]);
    if (SARIF_SCHEMA_PRESENT) expect(sarifErrors(log)).toEqual([]);
  });

  it('lists every finding up to the limit, and says nothing of it', () => {
    const base = grouped();
    const at = base.findings[0]!.at as MessageRef;
    const findings = Array.from({ length: MAX_SARIF_RESULTS }, (_, i): Finding => ({ ...base.findings[0]!, at: { ...at, index: i } }));
    const log = sarifLog(ctxOf({ ...base, findings })) as { runs: Array<{ results: unknown[]; invocations: unknown[]; properties: Record<string, unknown> }> };
    expect(log.runs[0]!.results).toHaveLength(MAX_SARIF_RESULTS);
    expect(log.runs[0]!.invocations).toEqual([{ executionSuccessful: true }]);
    expect(log.runs[0]!.properties['notListed']).toBeUndefined();
  });
});

describe('CAPTURE-FILE-DAMAGED: a capture file whose records could not all be read does not pass as clean', () => {
  const findings = async (file: string): Promise<{ code: number; report: { findings: Located[]; summary: { messages: number; warnings: number } } }> => {
    const r = await ccxcti(['check', '--format', 'json', '--fail-on', 'warning', file]);
    return { code: r.code, report: JSON.parse(r.stdout) as { findings: Located[]; summary: { messages: number; warnings: number } } };
  };

  it('a capture cut inside its last record (a capture process killed mid-write)', async () => {
    const whole = flowPcap(CHAPTER_11_FLOWS.find((f) => f.id === 'queued-and-answered')!);
    expect((await findings(clean)).code).toBe(0);
    const cut = writeTemp(dir, 'cut.pcap', whole.subarray(0, whole.length - 10));
    const { code, report } = await findings(cut);
    expect(code).toBe(1);
    const damaged = report.findings.filter((f) => f.rule === 'CAPTURE-FILE-DAMAGED');
    expect(damaged).toHaveLength(1);
    expect(damaged[0]!.message).toMatch(/^1 damaged place in .*cut\.pcap: the first PCAP_TRUNCATED_RECORD /);
    // Pointing at the file's last message before the damage (none after it): a message of decode's output.
    const decoded = (await ccxcti(['decode', '--format', 'ndjson', cut])).stdout.trim().split('\n');
    expect(damaged[0]!.at.index).toBe(decoded.length - 1);
    expect(report.summary.messages).toBe(decoded.length);
  });

  it('a capture whose file header is good and whose records are not: no message, no index', async () => {
    const whole = flowPcap(CHAPTER_11_FLOWS[0]!);
    const garbage = Uint8Array.from([...whole.subarray(0, 24), ...Array.from({ length: 100 }, (_, i) => (i * 97 + 13) & 0xff)]);
    const { code, report } = await findings(writeTemp(dir, 'garbage.pcap', garbage));
    expect(code).toBe(1);
    expect(report.summary.messages).toBe(0);
    expect(report.findings.map((f) => [f.rule, f.at.index, f.at.source.file.endsWith('garbage.pcap')])).toEqual([['CAPTURE-FILE-DAMAGED', undefined, true]]);
  });
});

describe('-o naming one of the inputs', () => {
  it('is a usage error (exit 2) for check and decode, and the input is left as it was', async () => {
    const bytes = flowPcap(CHAPTER_11_FLOWS.find((f) => f.id === 'queued-and-answered')!);
    const input = writeTemp(dir, 'precious.pcap', bytes);
    const spellings = [input, `${dir}/./precious.pcap`];
    for (const command of ['check', 'decode']) {
      for (const output of spellings) {
        const r = await ccxcti([command, '--format', 'json', input, '-o', output]);
        expect(r.code, `${command} -o ${output}`).toBe(2);
        expect(r.stderr).toMatch(/^ccxcti: -o .*precious\.pcap is the input .*precious\.pcap: writing there would destroy it\n$/);
        expect(Uint8Array.from(readFileSync(input))).toEqual(bytes);
      }
    }
    // Any other file is written as before.
    const report = `${dir}/report.json`;
    expect((await ccxcti(['check', '--format', 'json', input, '-o', report])).code).toBe(0);
    expect((JSON.parse(readFileSync(report, 'utf8')) as { summary: { inputs: number } }).summary.inputs).toBe(1);
  });
});
