/**
 * `ccxcti check --format text`: findings grouped by session (log messages apart) and, within
 * a session, by call; each points at its message: index, time, source file:frame/line.
 * What comes from the inputs (messages quoting field values, file names, session IDs) is
 * escaped for the terminal (src/render/escape.ts), as `decode` does.
 */
import { escapeForTerminal } from '../../render/escape.js';
import { instantToText } from '../../timeline/instant.js';
import type { Finding } from '../findings.js';
import { callGroupTitle, groupFindings, indexText, LOG_GROUP, sourceText, summaryText, typeText, type ReportContext } from './context.js';

function line(f: Finding): string {
  const when = f.at.at ? ` ${instantToText(f.at.at)}` : '';
  return `    ${f.severity.padEnd(7)} ${f.rule}  ${indexText(f.at)}${when} ${escapeForTerminal(sourceText(f.at.source))} ${typeText(f.at)}\n            ${escapeForTerminal(f.message)}\n            [${f.spec}]\n`;
}

export function writeTextReport(ctx: ReportContext): string {
  let out = '';
  for (const group of groupFindings(ctx.result.findings)) {
    out += `${group.session === LOG_GROUP ? group.session : `session ${escapeForTerminal(group.session)}`}\n`;
    for (const c of group.calls) {
      out += `  ${callGroupTitle(group.session, c.call)}\n`;
      for (const f of c.findings) out += line(f);
    }
    out += '\n';
  }
  return `${out}${summaryText(ctx)}\n`;
}
