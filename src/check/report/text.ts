/**
 * `ccxcti check --format text`: findings grouped by session (log messages apart) and, within
 * a session, by call; each points at its message: index, time, source file:frame/line.
 * What comes from the inputs (messages quoting field values, file names, session IDs) is
 * escaped for the terminal (src/render/escape.ts), as `decode` does.
 */
import { escapeForTerminal } from '../../render/escape.js';
import { instantToText } from '../../timeline/instant.js';
import type { Finding } from '../findings.js';
import { plural, sourceText, type ReportContext } from './context.js';

const LOG_GROUP = '(MIVR log messages, no session)';

function line(f: Finding): string {
  const when = f.at.at ? ` ${instantToText(f.at.at)}` : '';
  return `    ${f.severity.padEnd(7)} ${f.rule}  #${f.at.index}${when} ${escapeForTerminal(sourceText(f.at.source))} ${f.at.type}\n            ${escapeForTerminal(f.message)}\n            [${f.spec}]\n`;
}

export function writeTextReport(ctx: ReportContext): string {
  const r = ctx.result;
  const sessions = new Map<string, Map<string, Finding[]>>();
  for (const f of r.findings) {
    const s = f.at.session ?? LOG_GROUP;
    let calls = sessions.get(s);
    if (!calls) sessions.set(s, (calls = new Map()));
    const c = f.call === undefined ? '' : `call ${f.call}`;
    let list = calls.get(c);
    if (!list) calls.set(c, (list = []));
    list.push(f);
  }
  let out = '';
  const order = [...sessions.keys()].sort((a, b) => (a === LOG_GROUP ? 1 : b === LOG_GROUP ? -1 : 0));
  for (const s of order) {
    out += `${s === LOG_GROUP ? s : `session ${escapeForTerminal(s)}`}\n`;
    const calls = sessions.get(s)!;
    const callOrder = [...calls.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0));
    for (const c of callOrder) {
      out += `  ${c !== '' ? c : s === LOG_GROUP ? '(not tied to a call)' : '(session)'}\n`;
      for (const f of calls.get(c)!) out += line(f);
    }
    out += '\n';
  }
  const total = r.counts.errors + r.counts.warnings + r.counts.infos;
  out += `${plural(total, 'finding')}: ${plural(r.counts.errors, 'error')}, ${plural(r.counts.warnings, 'warning')}, ${plural(r.counts.infos, 'info')}`;
  out += ` in ${plural(r.messages, 'message')}, ${plural(r.sessions, 'session')}, ${plural(ctx.inputs.length, 'input')}`;
  if (r.omitted > 0) out += ` (${r.omitted} not listed: at most 1000 per rule)`;
  out += `; failing on ${ctx.failOn} and above\n`;
  return out;
}
