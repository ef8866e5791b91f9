/**
 * `ccxcti check --format html`: a self-contained page whose every input string is escaped
 * (markup, entities, terminal controls, bidi overrides), that loads and runs nothing, and that
 * says what the other reports say: the verdict, each rule's count, each kept finding.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkTimeline, type CheckResult } from '../../src/check/checker.js';
import { writeHtmlReport } from '../../src/check/report/html.js';
import { atOrAbove } from '../../src/check/severity.js';
import type { TimelineEvent } from '../../src/timeline/types.js';
import { CHAPTER_11_FLOWS } from '../fixtures/flows/chapter11.js';
import { ccxcti } from '../support/cli.js';
import { flowPcap, tempDir, writeTemp } from './capture.js';
import { ctxOf, everyRule, grouped, HOSTILE, hostileFile, levelsOf, TERMINAL_CONTROLS, withBAResponse } from './report-cases.js';
import { Timeline } from './support.js';

/** Elements HTML closes itself. */
const VOID = new Set(['meta', 'br', 'hr', 'img', 'link', 'input']);

/**
 * The page's tags, checked: every element closed in order, and no `<` or `>` in the text
 * between tags (an unescaped one would be markup from the input). Returns the tag names.
 */
function wellFormed(html: string): string[] {
  const stack: string[] = [];
  const names: string[] = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>|<!DOCTYPE html>/g;
  let last = 0;
  for (const m of html.matchAll(tag)) {
    const text = html.slice(last, m.index);
    expect(text, `text before ${m[0]}`).not.toMatch(/[<>]/);
    last = m.index + m[0].length;
    if (m[2] === undefined) continue; // the doctype
    const name = m[2].toLowerCase();
    names.push(name);
    if (m[1] === '/') expect(stack.pop(), `</${name}>`).toBe(name);
    else if (!VOID.has(name)) stack.push(name);
  }
  expect(html.slice(last), 'text after the last tag').not.toMatch(/[<>]/);
  expect(stack).toEqual([]);
  return names;
}

/** Findings whose file name and session ID carry markup meant to run in a browser. */
function markupInNames(): CheckResult {
  const events = withBAResponse(new Timeline(), '</td><script>alert(1)</script>').events.map(
    (e): TimelineEvent => (e.kind === 'message' ? { ...e, session: 'x"><img src=x onerror=alert(2)>', source: { file: '<iframe src="//evil">.pcap', frame: 1 } } : e),
  );
  return checkTimeline(events);
}

/** The finding rows: one `<tr>` with a severity class per kept finding. */
function findingRows(html: string): string[] {
  return [...html.matchAll(/<tr class="(?:error|warning|info)(?: failing)?"><td>[^<]*<\/td><td><a href="#rule-[^"]*">.*?<\/tr>/g)].map((m) => m[0]);
}

describe('HTML report', () => {
  it('escapes every string from the inputs: markup, entities, terminal controls, bidi overrides', () => {
    for (const result of [grouped(), hostileFile(), markupInNames()]) {
      const html = writeHtmlReport(ctxOf(result));
      wellFormed(html);
      expect(html).not.toMatch(TERMINAL_CONTROLS);
      expect(html).not.toMatch(/<(script|img|iframe|b)\b/i);
    }
    const hostile = writeHtmlReport(ctxOf(grouped()));
    expect(HOSTILE.startsWith('Hello<b>&amp;"\u001b')).toBe(true);
    expect(hostile).toContain('Hello&lt;b&gt;&amp;amp;&quot;\\u001b[2J\\u0007\\u009b\\u202e');
    expect(writeHtmlReport(ctxOf(hostileFile()))).toContain('evil\\u001b]0;x\\u0007.pcap:frame 1');
    const names = writeHtmlReport(ctxOf(markupInNames()));
    expect(names).toContain('&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(names).toContain('&lt;iframe src=&quot;//evil&quot;&gt;.pcap:frame 1');
    expect(names).toContain('session <code>x&quot;&gt;&lt;img src=x onerror=alert(2)&gt;</code>');
  });

  it('loads and runs nothing: a Content-Security-Policy that allows only its inline style', () => {
    const html = writeHtmlReport(ctxOf(everyRule()));
    const names = wellFormed(html);
    expect(names.filter((n) => n === 'script' || n === 'link' || n === 'img' || n === 'iframe')).toEqual([]);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    expect([...html.matchAll(/href="([^"]*)"/g)].every((m) => m[1]!.startsWith('#rule-'))).toBe(true);
  });

  it('lists every kept finding once, marking those at or above --fail-on, each linked to its rule', () => {
    const result = everyRule();
    expect(result.findings.length).toBeGreaterThan(20);
    for (const failOn of ['error', 'warning', 'info'] as const) {
      const html = writeHtmlReport(ctxOf(result, { failOn }));
      const rows = findingRows(html);
      expect(rows).toHaveLength(result.findings.length);
      const failing = result.findings.filter((f) => atOrAbove(f.severity, failOn)).length;
      expect(rows.filter((r) => r.startsWith('<tr class="error failing"') || r.startsWith('<tr class="warning failing"') || r.startsWith('<tr class="info failing"'))).toHaveLength(failing);
      for (const m of html.matchAll(/href="#(rule-[^"]*)"/g)) expect(html).toContain(`id="${m[1]}"`);
    }
  });

  it('gives each rule that found something its level and count, and the rules switched off', () => {
    const result = everyRule();
    const html = writeHtmlReport(ctxOf(result, { levels: levelsOf({ pattern: 'AGENT-*', level: 'off' }) }));
    const counts = new Map([...html.matchAll(/<tr id="rule-([A-Z0-9-]+)" class="(\w+)"><td>[^<]*<\/td><td>\w+<\/td><td class="n">(\d+)<\/td>/g)].map((m) => [m[1]!, Number(m[3])]));
    expect(counts).toEqual(new Map([...result.byRule].filter(([, n]) => n > 0)));
    expect(html).toMatch(/<p>\d+ rules checked, \d+ switched off\.<\/p>/);
  });

  it('says PASS or FAIL as the exit code does, and sums up as the text report does', () => {
    const infosOnly = checkTimeline(new Timeline().open().s('HOLD_CALL_CONF', { InvokeID: 77 }).events, { levels: levelsOf({ pattern: 'REQUEST-CONF-UNMATCHED', level: 'info' }) });
    expect(infosOnly.counts).toMatchObject({ errors: 0, warnings: 0 });
    expect(infosOnly.counts.infos).toBeGreaterThan(0);
    expect(writeHtmlReport(ctxOf(infosOnly))).toContain('<span class="verdict pass">PASS</span>');
    expect(writeHtmlReport(ctxOf(infosOnly, { failOn: 'info' }))).toContain('<span class="verdict fail">FAIL</span>');
    const html = writeHtmlReport(ctxOf(everyRule(), { failOn: 'warning' }));
    expect(html).toContain('<span class="verdict fail">FAIL</span>');
    expect(html).toMatch(/<p>\d+ findings: \d+ errors, \d+ warnings, \d+ infos in \d+ messages, \d+ sessions?, 2 inputs; failing on warning and above\.<\/p>/);
    expect(html).toContain('<p>Inputs: <code>test.pcap</code>, <code>MIVR01.log</code></p>');
  });
});

describe('ccxcti check --format html', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the page, with the exit code of the other formats', async () => {
    const flow = CHAPTER_11_FLOWS.find((f) => f.id === 'queued-and-answered')!;
    const steps = [...flow.steps];
    const [cleared] = steps.splice(
      steps.findIndex((s) => s.type === 'CALL_CLEARED_EVENT'),
      1,
    );
    const broken = writeTemp(dir, 'broken.pcap', flowPcap({ ...flow, steps: [...steps, cleared!] }));
    const html = await ccxcti(['check', '--format', 'html', broken]);
    const json = await ccxcti(['check', '--format', 'json', broken]);
    expect(html.code).toBe(1);
    expect(html.code).toBe(json.code);
    expect(html.stdout.startsWith('<!DOCTYPE html>\n')).toBe(true);
    wellFormed(html.stdout);
    expect(html.stdout).toContain('<span class="verdict fail">FAIL</span>');
    expect(html.stdout).toContain('CALL-EVENT-AFTER-END');
  });
});
