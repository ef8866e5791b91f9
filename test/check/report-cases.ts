/**
 * Check results that exercise the reports: findings grouped by session and call, hostile
 * strings from the inputs, every rule firing. Shared by the report tests.
 */
import { RULE_CATALOG } from '../../src/check/catalog.js';
import { checkTimeline, type CheckResult } from '../../src/check/checker.js';
import type { ReportContext } from '../../src/check/report/context.js';
import { resolveLevels, type RuleSetting } from '../../src/check/settings.js';
import type { TimelineEvent } from '../../src/timeline/types.js';
import { RULE_CASES, setCallData } from './rule-cases.js';
import { runCheck, scenario, Timeline } from './support.js';

/** What a capture or a log can put into a finding's message: markup, entities, terminal controls. */
export const HOSTILE = 'Hello<b>&amp;"\u001b[2J\u0007\u009b\u202e';

export function levelsOf(...settings: ReadonlyArray<Omit<RuleSetting, 'origin'>>): ReturnType<typeof resolveLevels> {
  return resolveLevels(
    RULE_CATALOG,
    settings.map((s) => ({ ...s, origin: 'test' })),
  );
}

export function ctxOf(result: CheckResult, more: Partial<ReportContext> = {}): ReportContext {
  return { result, inputs: ['test.pcap', 'MIVR01.log'], catalog: RULE_CATALOG, levels: levelsOf(), failOn: 'error', toolVersion: '0.1.0', ...more };
}

/** SET_CALL_DATA_REQ whose BAResponse is `response` (OUTBOUND-BARESPONSE-VALUE, a warning, quotes it); CallID 0xFFFFFFFF: no call. */
export function withBAResponse(t: Timeline, response: string, callId = 5): Timeline {
  return t.c('SET_CALL_DATA_REQ', setCallData(3, callId, response, 17));
}

/** Every rule of the catalog firing once or more. */
export const everyRule = (): CheckResult => runCheck(scenario(Object.values(RULE_CASES).flatMap((c) => [...c.fires().events])));

/**
 * A log finding first (no session, no call), then in a session a call finding
 * (CALL-EVENT-AFTER-END, call 7) before a session finding (REQUEST-CONF-UNMATCHED).
 */
export function grouped(): CheckResult {
  const log = withBAResponse(new Timeline(null), HOSTILE, 0xffffffff).events;
  const session = new Timeline()
    .open()
    .s('BEGIN_CALL_EVENT', { CallID: 7, ConnectionDeviceID: '2006' })
    .s('END_CALL_EVENT', { CallID: 7, ConnectionDeviceID: '' })
    .s('CALL_CLEARED_EVENT', { CallID: 7, LocalConnectionState: 0 })
    .s('HOLD_CALL_CONF', { InvokeID: 77 }).events;
  return checkTimeline([...log, ...session], { levels: levelsOf({ pattern: 'FIELD-*', level: 'off' }) });
}

/** The findings of `grouped()` with control characters in the input's file name too. */
export function hostileFile(): CheckResult {
  const events = withBAResponse(new Timeline(), HOSTILE).events.map((e): TimelineEvent => (e.kind === 'message' ? { ...e, source: { file: 'evil\u001b]0;x\u0007.pcap', frame: e.source.frame ?? 1 } } : e));
  return checkTimeline(events);
}

export const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/u;
