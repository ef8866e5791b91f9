/**
 * `ccxcti check --format html`: the report as one self-contained page, to publish as a CI
 * artifact or attach to a support case: a verdict, the rules that found something, and the
 * findings grouped by session and call as in the text report.
 *
 * Every string goes through `escapeForHtml` (src/render/escape.ts): finding messages quote
 * field values from the inputs, and file names and session IDs come from them too, so markup,
 * entities, terminal controls and bidi overrides in a capture are shown, never interpreted.
 * The page loads nothing and runs nothing: its Content-Security-Policy forbids every source
 * but its own inline style, so even a missed escape could not run a script.
 */
import { escapeForHtml as h } from '../../render/escape.js';
import { instantToText } from '../../timeline/instant.js';
import type { Finding } from '../findings.js';
import type { RuleMeta } from '../rule.js';
import { atOrAbove } from '../severity.js';
import { callGroupTitle, checkFails, groupFindings, LOG_GROUP, sourceText, summaryText, typeText, type ReportContext } from './context.js';

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
h1 .verdict{font-size:.7em;padding:.1em .5em;border-radius:.3em;color:#fff;vertical-align:middle}
.pass{background:#2a7d2a}.fail{background:#b22}
table{border-collapse:collapse;margin:.5em 0 1em}
th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}
td.n{text-align:right}
a{white-space:nowrap}
code,td.msg{font-family:ui-monospace,monospace;white-space:pre-wrap;word-break:break-word}
tr.error td:first-child{color:#b22;font-weight:bold}
tr.warning td:first-child{color:#a60}
tr.failing{background:#fff4f4}
`;

/** The anchor of a rule's row in the rules table. */
function ruleAnchor(id: string): string {
  return `rule-${id}`;
}

function rulesTable(ctx: ReportContext): string {
  const rows: string[] = [];
  for (const rule of ctx.catalog) {
    const total = ctx.result.byRule.get(rule.id) ?? 0;
    if (total === 0) continue;
    rows.push(ruleRow(rule, total, ctx));
  }
  const off = ctx.catalog.filter((r) => ctx.levels.get(r.id) === 'off').length;
  const checked = `<p>${ctx.catalog.length - off} rules checked${off > 0 ? `, ${off} switched off` : ''}.</p>`;
  if (rows.length === 0) return `<p>No rule found anything.</p>\n${checked}`;
  return `<table>\n<thead><tr><th>Rule</th><th>Level</th><th>Findings</th><th>Title</th><th>Guide</th></tr></thead>\n<tbody>\n${rows.join('')}</tbody>\n</table>\n${checked}`;
}

function ruleRow(rule: RuleMeta, total: number, ctx: ReportContext): string {
  const level = ctx.levels.get(rule.id) ?? rule.severity;
  return `<tr id="${h(ruleAnchor(rule.id))}" class="${h(level)}"><td>${h(rule.id)}</td><td>${h(level)}</td><td class="n">${total}</td><td>${h(rule.title)}</td><td>${h(rule.spec)}</td></tr>\n`;
}

function findingRow(f: Finding, ctx: ReportContext): string {
  const failing = atOrAbove(f.severity, ctx.failOn) ? ' failing' : '';
  const when = f.at.at ? instantToText(f.at.at) : '';
  return (
    `<tr class="${h(f.severity)}${failing}"><td>${h(f.severity)}</td><td><a href="#${h(ruleAnchor(f.rule))}">${h(f.rule)}</a></td>` +
    `<td class="n">${f.at.index ?? ''}</td><td>${h(when)}</td><td>${h(sourceText(f.at.source))}</td><td>${h(typeText(f.at))}</td>` +
    `<td class="msg">${h(f.message)}</td><td>${h(f.spec)}</td></tr>\n`
  );
}

const FINDINGS_HEAD = '<thead><tr><th>Severity</th><th>Rule</th><th>#</th><th>Time</th><th>Source</th><th>Message</th><th>Finding</th><th>Guide</th></tr></thead>';

function findingsSection(ctx: ReportContext): string {
  let out = '';
  for (const group of groupFindings(ctx.result.findings)) {
    out += `<h3>${group.session === LOG_GROUP ? h(group.session) : `session <code>${h(group.session)}</code>`}</h3>\n`;
    for (const c of group.calls) {
      out += `<h4>${h(callGroupTitle(group.session, c.call))}</h4>\n<table>\n${FINDINGS_HEAD}\n<tbody>\n`;
      for (const f of c.findings) out += findingRow(f, ctx);
      out += '</tbody>\n</table>\n';
    }
  }
  return out === '' ? '<p>None.</p>\n' : out;
}

export function writeHtmlReport(ctx: ReportContext): string {
  const verdict = checkFails(ctx) ? 'FAIL' : 'PASS';
  const summary = summaryText(ctx);
  const inputs = ctx.inputs.map((i) => `<code>${h(i)}</code>`).join(', ');
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta name="generator" content="ccxcti ${h(ctx.toolVersion)}">\n` +
    `<title>ccxcti check: ${verdict}, ${h(summary)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n` +
    `<h1>ccxcti check <span class="verdict ${verdict.toLowerCase()}">${verdict}</span></h1>\n` +
    `<p>${h(summary)}.</p>\n<p>Inputs: ${inputs}</p>\n` +
    (ctx.unreadable ?? []).map((why) => `<p>Cannot read <code>${h(why)}</code></p>\n`).join('') +
    `<h2>Rules with findings</h2>\n${rulesTable(ctx)}\n` +
    `<h2>Findings</h2>\n${findingsSection(ctx)}` +
    `<p><small>ccxcti ${h(ctx.toolVersion)}</small></p>\n</body>\n</html>\n`
  );
}
