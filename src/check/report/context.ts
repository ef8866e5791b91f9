/** What every report format is written from. */
import type { CheckResult } from '../checker.js';
import type { FindingPlace, RuleMeta } from '../rule.js';
import type { RuleLevel, Severity } from '../severity.js';
import { countAtOrAbove, type Finding } from '../findings.js';
import { plural } from '../../util/plural.js';

export interface ReportContext {
  readonly result: CheckResult;
  /** The input names as given on the command line. */
  readonly inputs: readonly string[];
  readonly catalog: readonly RuleMeta[];
  readonly levels: ReadonlyMap<string, RuleLevel>;
  /** The lowest severity that fails the check (exit code 1). */
  readonly failOn: Severity;
  readonly toolVersion: string;
  /**
   * The inputs found unreadable while checking (a capture whose own file header is damaged and
   * that held no packet), each `file: why`: the run's exit code is then 2, and every report
   * says so (a report of the other inputs alone must not read as a passing check).
   */
  readonly unreadable?: readonly string[];
}

/** A location as text: `capture.pcapng:frame 233`, `MIVR01.log:line 7091923`. */
export function sourceText(source: { readonly file: string; readonly frame?: number; readonly line?: number }): string {
  if (source.frame !== undefined) return `${source.file}:frame ${source.frame}`;
  if (source.line !== undefined) return `${source.file}:line ${source.line}`;
  return source.file;
}

/** Whether the check fails (exit code 1 or 2): a finding at or above --fail-on, or an input that could not be read. */
export function checkFails(ctx: ReportContext): boolean {
  return (ctx.unreadable?.length ?? 0) > 0 || countAtOrAbove(ctx.result.counts, ctx.failOn) > 0;
}

/** What a finding points at when no message of it was decoded (InputPlace). */
export const NO_MESSAGE = '(no message decoded)';

/** `#41`, the index of a finding's message; `#-` when it points at no message. */
export function indexText(at: FindingPlace): string {
  return at.index === undefined ? '#-' : `#${at.index}`;
}

/** The message type of a finding's message, else NO_MESSAGE. */
export function typeText(at: FindingPlace): string {
  return at.type ?? NO_MESSAGE;
}

/** The group of findings that belong to no session: those of MIVR log messages. */
export const LOG_GROUP = '(MIVR log messages, no session)';

export interface CallGroup {
  /** `call 7`, or '' for findings tied to no call. */
  readonly call: string;
  readonly findings: readonly Finding[];
}

export interface SessionGroup {
  /** The session ID, or LOG_GROUP. */
  readonly session: string;
  readonly calls: readonly CallGroup[];
}

/**
 * Findings grouped as the text and HTML reports show them: by session (in order of first
 * finding, log messages last) and, within a session, by call (findings of no call first).
 */
export function groupFindings(findings: readonly Finding[]): SessionGroup[] {
  const sessions = new Map<string, Map<string, Finding[]>>();
  for (const f of findings) {
    const s = f.at.session ?? LOG_GROUP;
    let calls = sessions.get(s);
    if (!calls) sessions.set(s, (calls = new Map()));
    const c = f.call === undefined ? '' : `call ${f.call}`;
    let list = calls.get(c);
    if (!list) calls.set(c, (list = []));
    list.push(f);
  }
  const order = [...sessions.keys()].sort((a, b) => (a === LOG_GROUP ? 1 : b === LOG_GROUP ? -1 : 0));
  return order.map((session) => {
    const calls = sessions.get(session)!;
    const callOrder = [...calls.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0));
    return { session, calls: callOrder.map((call) => ({ call, findings: calls.get(call)! })) };
  });
}

/** The heading of a call group: `call 7`, `(session)`, `(not tied to a call)`. */
export function callGroupTitle(session: string, call: string): string {
  return call !== '' ? call : session === LOG_GROUP ? '(not tied to a call)' : '(session)';
}

/** The closing summary: `3 findings: 1 error, 2 warnings, 0 infos in 40 messages, …`. */
export function summaryText(ctx: ReportContext): string {
  const r = ctx.result;
  const total = r.counts.errors + r.counts.warnings + r.counts.infos;
  let out = `${plural(total, 'finding')}: ${plural(r.counts.errors, 'error')}, ${plural(r.counts.warnings, 'warning')}, ${plural(r.counts.infos, 'info')}`;
  out += ` in ${plural(r.messages, 'message')}, ${plural(r.sessions, 'session')}, ${plural(ctx.inputs.length, 'input')}`;
  const unreadable = ctx.unreadable?.length ?? 0;
  if (unreadable > 0) out += ` (${unreadable} unreadable)`;
  if (r.omitted > 0) out += ` (${r.omitted} not listed: at most 1000 per rule)`;
  return `${out}; failing on ${ctx.failOn} and above`;
}
