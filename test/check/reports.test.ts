/** Report formats: JSON per schemas/check-report.schema.json, SARIF per the official 2.1.0 schema, JUnit, text, the catalog. */
import { describe, expect, it } from 'vitest';
import { RULE_CATALOG } from '../../src/check/catalog.js';
import type { CheckResult } from '../../src/check/checker.js';
import type { ReportContext } from '../../src/check/report/context.js';
import { ruleCatalogJson, writeRuleCatalogText } from '../../src/check/report/catalog.js';
import { checkReportJson } from '../../src/check/report/json.js';
import { writeJunitReport, xmlEscape } from '../../src/check/report/junit.js';
import { fileUri, sarifLog } from '../../src/check/report/sarif.js';
import { writeTextReport } from '../../src/check/report/text.js';
import { writeHtmlReport } from '../../src/check/report/html.js';
import type { TimelineEvent } from '../../src/timeline/types.js';
import { resolveLevels } from '../../src/check/settings.js';
import type { RuleLevel, Severity } from '../../src/check/severity.js';
import { CHAPTER_11_FLOWS, toTimeline } from '../fixtures/flows/chapter11.js';
import { RULE_CASES } from './rule-cases.js';
import { SARIF_SCHEMA_PATH, SARIF_SCHEMA_PRESENT, sarifErrors, schemaErrors } from '../../scripts/schemas.js';
import { runCheck, scenario, SESSION, Timeline } from './support.js';
import { checkTimeline } from '../../src/check/checker.js';
import { collectTimeline } from '../support/cti-capture.js';
import { flowPcap } from './capture.js';

function context(result: CheckResult, options: { failOn?: Severity; levels?: ReadonlyMap<string, RuleLevel> } = {}): ReportContext {
  return { result, inputs: ['capture.pcapng', 'MIVR01.log'], catalog: RULE_CATALOG, levels: options.levels ?? resolveLevels(RULE_CATALOG, []), failOn: options.failOn ?? 'error', toolVersion: '0.1.0' };
}

/**
 * A capture read from its file as `check` reads it: its messages carry their packet records
 * (SARIF's binary regions). The queued flow with CALL_CLEARED_EVENT after END_CALL_EVENT.
 */
function fromCaptureFile(): CheckResult {
  const flow = CHAPTER_11_FLOWS.find((f) => f.id === 'queued-and-answered')!;
  const steps = [...flow.steps];
  const [cleared] = steps.splice(
    steps.findIndex((s) => s.type === 'CALL_CLEARED_EVENT'),
    1,
  );
  const { events, sessions } = collectTimeline(flowPcap({ ...flow, steps: [...steps, cleared!] }), {}, undefined, 'capture.pcapng');
  return checkTimeline(events, {}, sessions);
}

/** Results of several shapes: none, capture findings, log findings, every rule firing, a capture file's. */
function results(): Array<[string, CheckResult]> {
  const everyRule = Object.values(RULE_CASES).flatMap((c) => [...c.fires().events]);
  const logOnly = new Timeline(null).s('CALL_ESTABLISHED_EVENT', { CallID: 5, ConnectionDeviceID: '2006', AnsweringDeviceID: '2006', CalledDeviceID: '2006', LocalConnectionState: 3 }).s('CALL_DELIVERED_EVENT', { CallID: 5, ConnectionDeviceID: '2006', AlertingDeviceID: '2006', CalledDeviceID: '2006', LocalConnectionState: 2 });
  return [
    ['no message', runCheck(scenario([]))],
    ['a chapter-11 flow', runCheck(scenario(toTimeline(CHAPTER_11_FLOWS[0]!)))],
    ['log messages', runCheck(logOnly)],
    ['every rule firing', runCheck(scenario(everyRule))],
    ['inputs of which no message was decoded', runCheck(scenario(NOTHING_DECODED))],
    ['a capture read from its file (binary regions)', fromCaptureFile()],
  ];
}

/** A session and a log whose only traces are damage: their findings point at no message. */
const NOTHING_DECODED: TimelineEvent[] = [
  { kind: 'diagnostic', severity: 'warning', code: 'STREAM_GAP', message: '12 bytes of the stream missing', session: SESSION, direction: 'server-to-client', source: { file: 'capture.pcapng', frame: 264 } },
  { kind: 'diagnostic', severity: 'warning', code: 'MIVR_MALFORMED_HEADER', message: 'line looks like a record header but has a bad minute', source: { file: 'MIVR01.log', line: 2 } },
];

describe('findings that point at no message (nothing of their session or log was decoded)', () => {
  const result = runCheck(scenario(NOTHING_DECODED));
  it('are reported, one per session and per log, at the place of the first damage', () => {
    expect(result.findings.map((f) => [f.rule, f.at.index, f.at.session, f.at.source])).toEqual([
      ['CAPTURE-INCOMPLETE', undefined, SESSION, { file: 'capture.pcapng', frame: 264 }],
      ['LOG-INCOMPLETE', undefined, undefined, { file: 'MIVR01.log', line: 2 }],
    ]);
  });
  it('JSON: `at` has no index; SARIF: no index property, the logical location says so; text, JUnit, HTML say so', () => {
    const json = checkReportJson(context(result));
    expect(json.findings.map((f) => Object.keys(f.at).sort())).toEqual([['session', 'source'], ['source']]);
    const log = sarifLog(context(result)) as { runs: Array<{ results: Array<{ properties: Record<string, unknown>; locations: Array<{ logicalLocations: Array<{ name: string }> }> }> }> };
    for (const r of log.runs[0]!.results) {
      expect(r.properties).not.toHaveProperty('index');
      expect(r.locations[0]!.logicalLocations[0]!.name).toBe('(no message decoded)');
    }
    const text = writeTextReport(context(result));
    expect(text).toContain(`CAPTURE-INCOMPLETE  #- ${'capture.pcapng:frame 264'} (no message decoded)`);
    expect(text).not.toContain('undefined');
    const junit = writeJunitReport(context(result, { failOn: 'warning' }));
    expect(junit).toContain('#- ');
    expect(junit).not.toContain('undefined');
    const html = writeHtmlReport(context(result));
    expect(html).toContain('(no message decoded)');
    expect(html).not.toContain('undefined');
  });
});

describe('JSON report', () => {
  for (const [name, result] of results()) {
    it(`validates against schemas/check-report.schema.json: ${name}`, () => {
      const json = checkReportJson(context(result));
      expect(schemaErrors('check-report.schema.json', json)).toEqual([]);
      expect(schemaErrors('check-report.schema.json', JSON.parse(JSON.stringify(json)))).toEqual([]);
    });
  }

  it('has exactly the fields of CONTRACT.md', () => {
    const result = runCheck(scenario(RULE_CASES['SESSION-HEARTBEAT-UNANSWERED']!.fires().events));
    const json = checkReportJson(context(result));
    const f = json.findings.find((x) => x.rule === 'SESSION-HEARTBEAT-UNANSWERED')!;
    expect(Object.keys(f).sort()).toEqual(['at', 'message', 'rule', 'severity', 'spec']);
    expect(Object.keys(f.at).sort()).toEqual(['index', 'session', 'source']);
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/^3 HEARTBEAT_REQ without HEARTBEAT_CONF/);
    expect(f.spec).toBe('chapter 3, How a Session is Maintained');
    expect(Object.keys(json.summary).sort()).toEqual(['errors', 'infos', 'inputs', 'messages', 'sessions', 'warnings']);
    expect(json.summary).toMatchObject({ inputs: 2, sessions: 1, errors: result.counts.errors });
  });

  it('rejects what the schema forbids (the schema is not vacuous)', () => {
    expect(schemaErrors('check-report.schema.json', { findings: [], summary: { inputs: 1 } })).not.toEqual([]);
    expect(schemaErrors('check-report.schema.json', { findings: [{ rule: 'lower-case', severity: 'fatal', message: '', spec: '', at: { index: -1, source: {} } }], summary: { inputs: 0, sessions: 0, messages: 0, errors: 0, warnings: 0, infos: 0 } })).not.toEqual([]);
  });

  it('counts every finding but keeps at most the cap per rule', async () => {
    const { checkTimeline } = await import('../../src/check/checker.js');
    const t = new Timeline().open();
    for (let i = 0; i < 30; i++) t.s('HOLD_CALL_CONF', { InvokeID: 1000 + i });
    const result = checkTimeline(t.events, { maxFindingsPerRule: 10 });
    expect(result.counts.errors).toBe(30);
    expect(result.findings.filter((f) => f.rule === 'REQUEST-CONF-UNMATCHED')).toHaveLength(10);
    expect(result.omitted).toBe(20);
    const json = checkReportJson(context(result));
    expect(json.summary.omitted).toBe(20);
    expect(schemaErrors('check-report.schema.json', json)).toEqual([]);
  });
});

describe.skipIf(!SARIF_SCHEMA_PRESENT)(`SARIF report (validated against ${SARIF_SCHEMA_PATH})`, () => {
  for (const [name, result] of results()) {
    it(`validates against the OASIS SARIF 2.1.0 schema: ${name}`, () => {
      const log = JSON.parse(JSON.stringify(sarifLog(context(result)))) as unknown;
      expect(sarifErrors(log)).toEqual([]);
    });
  }

  it('has a reporting descriptor per catalog rule and results pointing at file and frame or line', () => {
    const all = results()[3]![1];
    const log = sarifLog(context(all, { levels: resolveLevels(RULE_CATALOG, [{ pattern: 'AGENT-*', level: 'off', origin: 'test' }]) })) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; help: { text: string }; defaultConfiguration: { enabled: boolean; level: string } }> } }; results: Array<{ ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } }; logicalLocations: Array<{ fullyQualifiedName: string }> }> }> }>;
    };
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULE_CATALOG.map((r) => r.id));
    for (const r of run.tool.driver.rules) expect(r.help.text).toContain('Guide: ');
    expect(run.tool.driver.rules.find((r) => r.id === 'AGENT-STATE-TRANSITION')!.defaultConfiguration.enabled).toBe(false);
    for (const res of run.results) {
      expect(run.tool.driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
      expect(['error', 'warning', 'note']).toContain(res.level);
    }
    const capture = run.results.find((r) => r.ruleId === 'SESSION-HEARTBEAT-UNANSWERED')!;
    expect(capture.locations[0]!.physicalLocation.artifactLocation.uri).toBe('test.pcap');
    expect(capture.locations[0]!.logicalLocations[0]!.fullyQualifiedName).toMatch(/^session .+ \/ frame \d+ \/ HEARTBEAT_REQ #\d+$/);
    const logResult = sarifLog(context(results()[2]![1])) as typeof log;
    const fromLog = logResult.runs[0]!.results[0]!;
    expect(fromLog.locations[0]!.physicalLocation.artifactLocation.uri).toBe('MIVR01.log');
    expect(fromLog.locations[0]!.physicalLocation.region!.startLine).toBeGreaterThan(0);
  });

  it('the capture file case has what the schema must check: binary regions, and fingerprints', () => {
    const log = sarifLog(context(fromCaptureFile())) as { runs: Array<{ results: Array<{ partialFingerprints?: Record<string, string>; locations: Array<{ physicalLocation: { region?: Record<string, number> } }> }> }> };
    const res = log.runs[0]!.results;
    expect(res.length).toBeGreaterThan(0);
    for (const r of res) {
      expect(Object.keys(r.locations[0]!.physicalLocation.region!).sort()).toEqual(['byteLength', 'byteOffset']);
      expect(Object.keys(r.partialFingerprints!)).toEqual(['ccxcti/v1']);
    }
    // The schema checks the region: a negative length, or a region with none of its starts, is rejected.
    const bad = JSON.parse(JSON.stringify(log)) as typeof log;
    bad.runs[0]!.results[0]!.locations[0]!.physicalLocation.region = { byteLength: -1, byteOffset: 0 };
    expect(sarifErrors(bad)).not.toEqual([]);
    bad.runs[0]!.results[0]!.locations[0]!.physicalLocation.region = { byteLength: 10 };
    expect(sarifErrors(bad)).not.toEqual([]);
  });

  it('the SARIF validator is not vacuous', () => {
    expect(sarifErrors({ version: '2.1.0', runs: [{ tool: {} }] })).not.toEqual([]);
    expect(sarifErrors({ version: '2.0.0', runs: [] })).not.toEqual([]);
  });

  it('file names become URI references', () => {
    expect(fileUri('capture.pcapng')).toBe('capture.pcapng');
    expect(fileUri('/tmp/a b#1.pcap')).toBe('file:///tmp/a%20b%231.pcap');
    expect(fileUri('C:\\logs\\MIVR01.log')).toBe('file:///C:/logs/MIVR01.log');
    expect(fileUri('-')).toBe('stdin');
  });
});

describe('JUnit report', () => {
  it('has a test case per rule; findings at or above --fail-on fail them, the others are output', () => {
    const all = results()[3]![1];
    const xml = writeJunitReport(context(all, { failOn: 'error' }));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect((xml.match(/<testcase /g) ?? []).length).toBe(RULE_CATALOG.length);
    const failed = new Set([...xml.matchAll(/name="([A-Z0-9-]+): [^"]*" time="0">\n\s+<failure/g)].map((m) => m[1]));
    const errorRules = new Set(all.findings.filter((f) => f.severity === 'error').map((f) => f.rule));
    expect([...failed].sort()).toEqual([...errorRules].sort());
    expect(xml).toMatch(/<testsuites name="ccxcti check" tests="\d+" failures="\d+"/);
    expect((xml.match(/<testsuite /g) ?? []).length).toBe((xml.match(/<\/testsuite>/g) ?? []).length);
    expect((xml.match(/<testcase /g) ?? []).length).toBe((xml.match(/<\/testcase>/g) ?? []).length);
    const warnings = writeJunitReport(context(all, { failOn: 'warning' }));
    expect((warnings.match(/<failure /g) ?? []).length).toBeGreaterThan((xml.match(/<failure /g) ?? []).length);
  });

  it('escapes what XML cannot hold', () => {
    expect(xmlEscape('a<b>&"c"\u0001\uD800')).toBe('a&lt;b&gt;&amp;&quot;c&quot;\uFFFD\uFFFD');
  });
});

describe('text report', () => {
  it('groups by session and call and points at the message', () => {
    const all = results()[3]![1];
    const text = writeTextReport(context(all));
    expect(text).toMatch(/^session 10\.1\.1\.5:50311-10\.1\.1\.2:42027#1$/m);
    expect(text).toMatch(/^ {2}call \d+$/m);
    expect(text).toMatch(/^\(MIVR log messages, no session\)$/m);
    expect(text).toMatch(/error {3}SESSION-HEARTBEAT-UNANSWERED {2}#\d+ 2015-11-20 \d\d:\d\d:\d\d\.\d{6} test\.pcap:frame \d+ HEARTBEAT_REQ/);
    expect(text).toMatch(/MIVR01\.log:line \d+/);
    expect(text).toMatch(/\d+ findings: \d+ errors, \d+ warnings, \d+ infos in \d+ messages/);
  });
});

describe('--list-rules', () => {
  it('JSON validates against schemas/rule-catalog.schema.json and lists every rule once', () => {
    const json = ruleCatalogJson(RULE_CATALOG, resolveLevels(RULE_CATALOG, [{ pattern: 'FIELD-RESERVED-VALUE', level: 'off', origin: 'test' }]));
    expect(schemaErrors('rule-catalog.schema.json', json)).toEqual([]);
    expect(new Set(json.rules.map((r) => r.id)).size).toBe(json.rules.length);
    expect(json.rules.find((r) => r.id === 'FIELD-RESERVED-VALUE')!.level).toBe('off');
  });

  it('text names every rule with its severity and guide reference', () => {
    const text = writeRuleCatalogText(RULE_CATALOG, resolveLevels(RULE_CATALOG, []));
    for (const r of RULE_CATALOG) {
      expect(text).toContain(r.id);
      expect(text).toContain(r.spec);
    }
  });
});
