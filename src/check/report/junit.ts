/**
 * `ccxcti check --format junit`: one test suite per rule category, one test case per rule.
 * Findings at or above `--fail-on` are the case's failure; those below go to its output;
 * rules switched off are skipped; an input that could not be read is a test case in error of
 * a suite of its own. CI servers then show the check like a test run.
 */
import type { Finding } from '../findings.js';
import type { RuleMeta } from '../rule.js';
import { RULE_CATEGORIES } from '../rule.js';
import { UNSAFE_FOR_TERMINAL } from '../../render/escape.js';
import { atOrAbove } from '../severity.js';
import { indexText, sourceText, typeText, type ReportContext } from './context.js';

/**
 * A character a terminal interprets or that disguises text (src/render/escape.ts), left in the
 * XML: tab and newline stay (XML whitespace the report keeps); the others (carriage return,
 * DEL and the C1 controls, separators, bidirectional overrides and isolates, zero-width marks)
 * become character references, so the report printed to a terminal cannot drive it, and a
 * parser still reads them back (a raw carriage return would even be read as a newline).
 */
function xmlSafeChar(c: string): string {
  return c === '\t' || c === '\n' ? c : `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`;
}

/** XML text: escaped, without the characters XML 1.0 cannot hold (the other C0 controls become U+FFFD first). */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(UNSAFE_FOR_TERMINAL, xmlSafeChar);
}

function findingText(f: Finding): string {
  return `${f.severity} ${indexText(f.at)} ${f.at.session ? `${f.at.session} ` : ''}${sourceText(f.at.source)} ${typeText(f.at)}: ${f.message}`;
}

function testcase(rule: RuleMeta, findings: readonly Finding[], total: number, ctx: ReportContext): { xml: string; failed: boolean; skipped: boolean } {
  const level = ctx.levels.get(rule.id) ?? rule.severity;
  const open = `    <testcase classname="ccxcti.check.${rule.category}" name="${xmlEscape(`${rule.id}: ${rule.title}`)}" time="0">`;
  if (level === 'off') return { xml: `${open}\n      <skipped message="rule switched off"/>\n    </testcase>\n`, failed: false, skipped: true };
  const failing = findings.filter((f) => atOrAbove(f.severity, ctx.failOn));
  const other = findings.filter((f) => !atOrAbove(f.severity, ctx.failOn));
  let xml = open;
  if (failing.length > 0) {
    const more = total > findings.length ? ` (${total - findings.length} more not listed)` : '';
    const body = `${failing.map(findingText).join('\n')}${more}\nGuide: ${rule.spec}\n${rule.rationale}`;
    xml += `\n      <failure type="${level}" message="${xmlEscape(`${total} finding${total === 1 ? '' : 's'} of ${rule.id}`)}">${xmlEscape(body)}</failure>`;
  }
  if (other.length > 0) xml += `\n      <system-out>${xmlEscape(other.map(findingText).join('\n'))}</system-out>`;
  xml += failing.length > 0 || other.length > 0 ? '\n    </testcase>\n' : '</testcase>\n';
  return { xml, failed: failing.length > 0, skipped: false };
}

export function writeJunitReport(ctx: ReportContext): string {
  const byRule = new Map<string, Finding[]>();
  for (const f of ctx.result.findings) {
    const list = byRule.get(f.rule) ?? [];
    list.push(f);
    byRule.set(f.rule, list);
  }
  let suites = '';
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const category of RULE_CATEGORIES) {
    const rules = ctx.catalog.filter((r) => r.category === category);
    if (rules.length === 0) continue;
    let cases = '';
    let suiteFailures = 0;
    let suiteSkipped = 0;
    for (const rule of rules) {
      const c = testcase(rule, byRule.get(rule.id) ?? [], ctx.result.byRule.get(rule.id) ?? 0, ctx);
      cases += c.xml;
      if (c.failed) suiteFailures++;
      if (c.skipped) suiteSkipped++;
    }
    tests += rules.length;
    failures += suiteFailures;
    skipped += suiteSkipped;
    suites += `  <testsuite name="ccxcti check: ${category}" tests="${rules.length}" failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}" time="0">\n${cases}  </testsuite>\n`;
  }
  const unreadable = ctx.unreadable ?? [];
  if (unreadable.length > 0) {
    const cases = unreadable.map((why) => {
      const text = xmlEscape(`cannot read ${why}`);
      return `    <testcase classname="ccxcti.check.inputs" name="${text}" time="0">\n      <error type="unreadable" message="${text}"/>\n    </testcase>\n`;
    });
    tests += unreadable.length;
    suites += `  <testsuite name="ccxcti check: inputs" tests="${unreadable.length}" failures="0" errors="${unreadable.length}" skipped="0" time="0">\n${cases.join('')}  </testsuite>\n`;
  }
  const r = ctx.result;
  const props = `messages ${r.messages}, sessions ${r.sessions}, inputs ${ctx.inputs.length}; ${r.counts.errors} errors, ${r.counts.warnings} warnings, ${r.counts.infos} infos; fail on ${ctx.failOn}`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<!-- ccxcti check ${xmlEscape(ctx.toolVersion)}: ${xmlEscape(props)} -->\n` +
    `<testsuites name="ccxcti check" tests="${tests}" failures="${failures}" errors="${unreadable.length}" skipped="${skipped}" time="0">\n${suites}</testsuites>\n`
  );
}
