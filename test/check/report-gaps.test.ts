/**
 * Manual mutation testing, fourth round (docs/test-gaps.md): the check reports — text, JUnit,
 * SARIF and the rule catalog — against docs/conformance.md ("Reports") and CONTRACT.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_CATALOG } from '../../src/check/catalog.js';
import { checkTimeline } from '../../src/check/checker.js';
import type { ReportContext } from '../../src/check/report/context.js';
import { ruleCatalogJson, writeRuleCatalogText } from '../../src/check/report/catalog.js';
import { checkReportJson } from '../../src/check/report/json.js';
import { writeJunitReport, xmlEscape } from '../../src/check/report/junit.js';
import { fileUri, sarifLog } from '../../src/check/report/sarif.js';
import { writeTextReport } from '../../src/check/report/text.js';
import { ctxOf, everyRule, grouped, hostileFile, levelsOf, TERMINAL_CONTROLS, withBAResponse } from './report-cases.js';
import { SARIF_SCHEMA_PRESENT, sarifErrors } from '../../scripts/schemas.js';
import { runCheck, scenario, Timeline } from './support.js';

describe('JSON report', () => {
  it('a log message is located by file and line, a capture message by file and frame', () => {
    const result = grouped();
    const json = checkReportJson(ctxOf(result));
    expect(json.findings).toHaveLength(result.findings.length);
    const log = json.findings.find((f) => f.rule === 'OUTBOUND-BARESPONSE-VALUE')!;
    expect(log.at).toEqual({ index: 0, source: { file: 'MIVR01.log', line: 3 } });
    const capture = json.findings.find((f) => f.rule === 'CALL-EVENT-AFTER-END')!;
    expect(capture.at.source).toEqual({ file: 'test.pcap', frame: 5 });
  });
});

describe('text report', () => {
  it('escapes the terminal control characters of input strings (messages, file names)', () => {
    for (const result of [grouped(), hostileFile()]) {
      const text = writeTextReport(ctxOf(result));
      expect(result.findings.some((f) => f.message.includes('\u001b'))).toBe(true);
      expect(text).not.toMatch(TERMINAL_CONTROLS);
      expect(text).toContain('\\u001b[2J\\u0007\\u009b\\u202e');
    }
    expect(writeTextReport(ctxOf(hostileFile()))).toContain('evil\\u001b]0;x\\u0007.pcap:frame 1');
  });

  it('prints each finding with severity, rule, index, time, file:frame, type, message and guide reference', () => {
    const result = checkTimeline(withBAResponse(new Timeline().open(), 'Nope').s('SET_CALL_DATA_CONF', { InvokeID: 3 }).events);
    const f = result.findings.find((x) => x.rule === 'OUTBOUND-BARESPONSE-VALUE')!;
    expect(writeTextReport(ctxOf(result))).toContain(
      `    warning OUTBOUND-BARESPONSE-VALUE  #2 2015-11-20 14:43:59.200000 test.pcap:frame 3 SET_CALL_DATA_REQ\n            ${f.message}\n            [chapter 8, Table 9 (BAResponse)]\n`,
    );
  });

  it('puts findings without a call first in their session, and log messages after every session', () => {
    const text = writeTextReport(ctxOf(grouped()));
    const heads = text.split('\n').filter((l) => /^\S/.test(l) || /^ {2}\S/.test(l));
    expect(heads.slice(0, 5)).toEqual(['session 10.1.1.5:50311-10.1.1.2:42027#1', '  (session)', '  call 7', '(MIVR log messages, no session)', '  (not tied to a call)']);
  });

  it('sums up: the total, the counts, messages, sessions, inputs, what was left out, the --fail-on threshold', () => {
    const result = everyRule();
    const { errors, warnings, infos } = result.counts;
    expect([errors, warnings, infos].every((k) => k > 1)).toBe(true);
    const last = writeTextReport(ctxOf(result, { failOn: 'warning', inputs: ['a.pcap', 'b.pcap', 'MIVR01.log'] })).trimEnd().split('\n').at(-1);
    const n = (k: number, word: string): string => `${k} ${word}${k === 1 ? '' : 's'}`;
    expect(last).toBe(`${errors + warnings + infos} findings: ${n(errors, 'error')}, ${n(warnings, 'warning')}, ${n(infos, 'info')} in ${result.messages} messages, ${n(result.sessions, 'session')}, 3 inputs; failing on warning and above`);
    const t = new Timeline().open();
    for (let i = 0; i < 30; i++) t.s('HOLD_CALL_CONF', { InvokeID: 1000 + i });
    const capped = checkTimeline(t.events, { maxFindingsPerRule: 10 });
    expect(writeTextReport(ctxOf(capped))).toContain(' (20 not listed: at most 1000 per rule); failing on error and above\n');
  });
});

/** Attributes of every `<tag ...>` element of the XML, in document order. */
function elements(xml: string, tag: string): Array<Record<string, string>> {
  return [...xml.matchAll(new RegExp(`<${tag} ([^>]*?)/?>`, 'g'))].map((m) => Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));
}

/** The `<testcase>` element of a rule, whole. */
function testcaseOf(xml: string, id: string): string {
  const start = xml.indexOf(`name="${id}: `);
  expect(start, id).toBeGreaterThan(0);
  return xml.slice(xml.lastIndexOf('<testcase', start), xml.indexOf('</testcase>', start) + '</testcase>'.length);
}

describe('JUnit report', () => {
  it('counts tests, failures and skipped cases per suite and in all, as its test cases say', () => {
    const xml = writeJunitReport(ctxOf(everyRule(), { levels: levelsOf({ pattern: 'AGENT-*', level: 'off' }, { pattern: 'FRAME-BODY-TRUNCATED', level: 'off' }) }));
    const suites = xml.split('<testsuite ').slice(1);
    expect(suites.length).toBe(new Set(RULE_CATALOG.map((r) => r.category)).size);
    let total = 0;
    for (const suite of suites) {
      const attrs = elements(`<testsuite ${suite}`, 'testsuite')[0]!;
      const cases = suite.split('<testcase ').length - 1;
      total += cases;
      expect(Number(attrs['tests']), attrs['name']).toBe(cases);
      expect(Number(attrs['failures']), attrs['name']).toBe(suite.split('<failure ').length - 1);
      expect(Number(attrs['skipped']), attrs['name']).toBe(suite.split('<skipped ').length - 1);
    }
    const all = elements(xml, 'testsuites')[0]!;
    expect(Number(all['tests'])).toBe(RULE_CATALOG.length);
    expect(total).toBe(RULE_CATALOG.length);
    expect(Number(all['failures'])).toBe(xml.split('<failure ').length - 1);
    expect(Number(all['failures'])).toBeGreaterThan(0);
    expect(Number(all['skipped'])).toBe(RULE_CATALOG.filter((r) => r.category === 'agents').length + 1);
    expect(testcaseOf(xml, 'FRAME-BODY-TRUNCATED')).toContain('<skipped message="rule switched off"/>');
    expect(testcaseOf(xml, 'FRAME-BODY-TRUNCATED')).not.toContain('<failure');
  });

  it('findings below --fail-on are the case output, not its failure; at or above, the failure with the level the rule ran at', () => {
    const result = grouped();
    const xml = writeJunitReport(ctxOf(result));
    const outbound = testcaseOf(xml, 'OUTBOUND-BARESPONSE-VALUE');
    expect(outbound).not.toContain('<failure');
    expect(outbound).toMatch(/<system-out>warning #\d+ MIVR01\.log:line \d+ SET_CALL_DATA_REQ: /);
    const afterEnd = testcaseOf(xml, 'CALL-EVENT-AFTER-END');
    expect(afterEnd).toContain('<failure type="error" message="1 finding of CALL-EVENT-AFTER-END">error #');
    expect(afterEnd).not.toContain('<system-out>');
    // Demoted to warning and failing on warning: a failure of type warning, naming the session.
    const demoted = writeJunitReport(ctxOf(checkTimeline([...new Timeline().open().s('END_CALL_EVENT', { CallID: 7, ConnectionDeviceID: '' }).s('CALL_CLEARED_EVENT', { CallID: 7, LocalConnectionState: 0 }).events], { levels: levelsOf({ pattern: 'CALL-EVENT-AFTER-END', level: 'warning' }) }), { failOn: 'warning', levels: levelsOf({ pattern: 'CALL-EVENT-AFTER-END', level: 'warning' }) }));
    expect(testcaseOf(demoted, 'CALL-EVENT-AFTER-END')).toMatch(/<failure type="warning" message="1 finding of CALL-EVENT-AFTER-END">warning #\d+ 10\.1\.1\.5:50311-10\.1\.1\.2:42027#1 test\.pcap:frame \d+ CALL_CLEARED_EVENT: /);
  });

  it('a failure counts every finding of the rule and says how many are not listed', () => {
    const t = new Timeline().open();
    for (let i = 0; i < 30; i++) t.s('HOLD_CALL_CONF', { InvokeID: 1000 + i });
    const capped = testcaseOf(writeJunitReport(ctxOf(checkTimeline(t.events, { maxFindingsPerRule: 10 }))), 'REQUEST-CONF-UNMATCHED');
    expect(capped).toContain('message="30 findings of REQUEST-CONF-UNMATCHED"');
    expect(capped).toContain(' (20 more not listed)\nGuide: ');
    const whole = testcaseOf(writeJunitReport(ctxOf(checkTimeline(t.events))), 'REQUEST-CONF-UNMATCHED');
    expect(whole).toContain('message="30 findings of REQUEST-CONF-UNMATCHED"');
    expect(whole).not.toContain('more not listed');
  });

  it('input strings in failures and output are escaped: no markup, no character XML 1.0 cannot hold', () => {
    for (const failOn of ['error', 'warning'] as const) {
      const xml = writeJunitReport(ctxOf(grouped(), { failOn }));
      const body = testcaseOf(xml, 'OUTBOUND-BARESPONSE-VALUE');
      expect(body).toContain('Hello&lt;b&gt;&amp;amp;&quot;\uFFFD[2J\uFFFD');
      expect(xml).not.toMatch(/<b>|[\u0000-\u0008\u000b\u000c\u000e-\u001f]/u);
    }
  });

  it('writes DEL, C1 controls, bidirectional overrides and the other characters a terminal interprets as character references', () => {
    // Found by the fuzzer (scripts/fuzz): a log's U+0080 reached the report raw.
    expect(xmlEscape('a\u0080b\u009b[2J\u202ec\u007fd\u2066e\u2028f\u200bg\ufeff')).toBe('a&#x80;b&#x9B;[2J&#x202E;c&#x7F;d&#x2066;e&#x2028;f&#x200B;g&#xFEFF;');
    const xml = writeJunitReport(ctxOf(grouped(), { failOn: 'warning' }));
    expect(xml).not.toMatch(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
  });

  it('keeps tab, newline and characters beyond the BMP; a carriage return as a reference (a terminal would obey it raw)', () => {
    expect(xmlEscape('a\tb\nc\rd \u{1F4DE} \uFFFD')).toBe('a\tb\nc&#xD;d \u{1F4DE} \uFFFD');
    expect(xmlEscape('\uFFFE\uDC00x')).toBe('\uFFFD\uFFFDx');
  });
});

interface SarifRun {
  tool: { driver: { rules: Array<{ id: string; name: string; defaultConfiguration: { enabled: boolean; level: string } }> } };
  invocations: Array<{ executionSuccessful: boolean }>;
  artifacts: Array<{ location: { uri: string } }>;
  results: Array<{
    ruleId: string;
    level: string;
    message: { text: string };
    locations: Array<{ physicalLocation: { artifactLocation: { uri: string; index?: number }; region?: { startLine: number } } }>;
    properties: Record<string, unknown>;
  }>;
  properties: Record<string, number>;
}

const runOf = (ctx: ReportContext): SarifRun => (JSON.parse(JSON.stringify(sarifLog(ctx))) as { runs: SarifRun[] }).runs[0]!;

describe('SARIF report', () => {
  it('rule descriptors carry the configured level and a PascalCase name', () => {
    const run = runOf(ctxOf(everyRule(), { levels: levelsOf({ pattern: 'CALL-EVENT-AFTER-END', level: 'warning' }, { pattern: 'FIELD-RESERVED-VALUE', level: 'off' }) }));
    const rule = (id: string) => run.tool.driver.rules.find((r) => r.id === id)!;
    expect(rule('CALL-EVENT-AFTER-END').defaultConfiguration).toEqual({ enabled: true, level: 'warning' });
    expect(rule('FIELD-RESERVED-VALUE').defaultConfiguration).toEqual({ enabled: false, level: 'note' });
    expect(rule('SESSION-HEARTBEAT-UNANSWERED').defaultConfiguration).toEqual({ enabled: true, level: 'error' });
    expect(rule('CALL-EVENT-AFTER-END').name).toBe('CallEventAfterEnd');
    for (const r of run.tool.driver.rules) expect(r.name).toMatch(/^([A-Z][a-z0-9]*)+$/);
  });

  it('a result has the level of its finding, its message, and points at an artifact of the run', () => {
    const result = everyRule();
    const run = runOf(ctxOf(result));
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
    expect(run.artifacts.map((a) => a.location.uri)).toEqual(expect.arrayContaining(['test.pcap', 'MIVR01.log']));
    expect(run.results).toHaveLength(result.findings.length);
    const level = { error: 'error', warning: 'warning', info: 'note' } as const;
    result.findings.forEach((f, i) => {
      const r = run.results[i]!;
      expect(r.ruleId).toBe(f.rule);
      expect(r.level).toBe(level[f.severity]);
      expect(r.message.text).toBe(f.message);
      const where = r.locations[0]!.physicalLocation;
      expect(run.artifacts[where.artifactLocation.index!]!.location.uri).toBe(where.artifactLocation.uri);
      expect(where.region?.startLine).toBe(f.at.source.line);
      expect(r.properties).toEqual({ index: f.at.index, messageType: f.at.type, ...(f.at.session !== undefined ? { session: f.at.session } : {}), ...(f.at.source.frame !== undefined ? { frame: f.at.source.frame } : {}), ...(f.call !== undefined ? { callId: f.call } : {}) });
    });
    expect(run.results.some((r) => r.properties['callId'] !== undefined)).toBe(true);
    expect(run.properties).toMatchObject({ errors: result.counts.errors, warnings: result.counts.warnings, infos: result.counts.infos });
  });

  it('every input is an artifact, whether or not it has findings', () => {
    const run = runOf(ctxOf(runCheck(scenario([])), { inputs: ['quiet.pcap', '-'] }));
    expect(run.artifacts).toEqual([{ location: { uri: 'quiet.pcap' } }, { location: { uri: 'stdin' } }]);
    if (SARIF_SCHEMA_PRESENT) expect(sarifErrors(JSON.parse(JSON.stringify(sarifLog(ctxOf(runCheck(scenario([])), { inputs: ['quiet.pcap'] })))))).toEqual([]);
  });

  it('Windows paths with forward slashes are absolute file URIs too', () => {
    expect(fileUri('C:/logs/MIVR01.log')).toBe('file:///C:/logs/MIVR01.log');
    expect(fileUri('d:\\x?.pcap')).toBe('file:///d:/x%3F.pcap');
    expect(fileUri('logs/a b.log')).toBe('logs/a%20b.log');
  });
});

describe('--list-rules', () => {
  const doc = readFileSync(new URL('../../docs/conformance.md', import.meta.url), 'utf8');
  const sessionsOnly = new Set([...doc.matchAll(/^\| `([A-Z0-9-]+)` \|.*\*\(sessions only\)\* \|$/gm)].map((m) => m[1]!));

  it('marks the rules docs/conformance.md says run on sessions only, in JSON and text', () => {
    expect(sessionsOnly.size).toBeGreaterThan(10);
    const levels = levelsOf();
    for (const r of ruleCatalogJson(RULE_CATALOG, levels).rules) expect(r.needsSession, r.id).toBe(sessionsOnly.has(r.id));
    const text = writeRuleCatalogText(RULE_CATALOG, levels);
    for (const r of RULE_CATALOG) expect(text.split('\n').find((l) => l.startsWith(`  ${r.id} `))!.endsWith(' [sessions only]'), r.id).toBe(sessionsOnly.has(r.id));
  });

  it('JSON gives each rule the default severity and guide reference of docs/conformance.md, and the level in effect', () => {
    const rows = new Map([...doc.matchAll(/^\| `([A-Z0-9-]+)` \| (error|warning|info) \| (.+?) \| /gm)].map((m) => [m[1]!, { severity: m[2]!, spec: m[3]! }]));
    const json = ruleCatalogJson(RULE_CATALOG, levelsOf({ pattern: 'CALL-EVENT-AFTER-END', level: 'warning' }, { pattern: 'FIELD-RESERVED-VALUE', level: 'off' }));
    expect(json.rules).toHaveLength(rows.size);
    for (const r of json.rules) expect({ severity: r.severity, spec: r.spec }, r.id).toEqual(rows.get(r.id));
    expect(json.rules.find((r) => r.id === 'CALL-EVENT-AFTER-END')).toMatchObject({ severity: 'error', level: 'warning' });
    expect(json.rules.find((r) => r.id === 'FIELD-RESERVED-VALUE')).toMatchObject({ severity: 'info', level: 'off' });
  });

  it('text shows a changed level with the default, and the number of rules', () => {
    const text = writeRuleCatalogText(RULE_CATALOG, levelsOf({ pattern: 'FIELD-RESERVED-VALUE', level: 'off' }, { pattern: 'CALL-EVENT-AFTER-END', level: 'error' }));
    expect(text).toMatch(/^ {2}FIELD-RESERVED-VALUE +off \(default info\) /m);
    expect(text).toMatch(/^ {2}CALL-EVENT-AFTER-END +error +[A-Z]/m);
    expect(text).toContain(`\n${RULE_CATALOG.length} rules. `);
  });
});
