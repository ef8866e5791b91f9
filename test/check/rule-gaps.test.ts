/**
 * Mutation-testing gaps of the check rules and their model (docs/test-gaps.md, third round):
 * each test pins a boundary or a condition that a hand-made mutation of src/check/ changed
 * without any other test noticing. Expected values come from the guide's rules as
 * docs/spec-notes.md §9 and docs/conformance.md state them.
 */
import { describe, expect, it } from 'vitest';
import { RULE_CATALOG } from '../../src/check/catalog.js';
import type { InputDiagnostic } from '../../src/timeline/types.js';
import { AGENT_SERVICES, ALL_CALL_EVENTS, BRIDGE_SERVICES, describeFindings, findingsOf, runCheck, scenario, SESSION, summaryWithSyn, Timeline } from './support.js';
import { callCleared, connCleared, established, transferred } from './rule-cases.js';

const opened = (req: Record<string, unknown> = {}, conf: Record<string, unknown> = {}): Timeline => new Timeline().open(req, conf);

/** How many findings of `rule` the timeline gives (the findings in the failure message). */
function count(t: Timeline | ReturnType<typeof scenario>, rule: string): number {
  const result = runCheck(t);
  const n = findingsOf(result, rule).length;
  return n;
}

function messagesOf(t: Timeline | ReturnType<typeof scenario>, rule: string): string[] {
  return findingsOf(runCheck(t), rule).map((f) => f.message);
}

/** HEARTBEAT_REQs at the given absolute seconds (InvokeID 100, 101, …); `conf[i]`: when the i-th is confirmed (absolute s), if ever. */
function beats(t: Timeline, times: readonly number[], conf: readonly (number | undefined)[] = []): Timeline {
  const events: { at: number; conf: boolean; id: number }[] = [];
  times.forEach((at, i) => {
    events.push({ at, conf: false, id: 100 + i });
    const c = conf[i];
    if (c !== undefined) events.push({ at: c, conf: true, id: 100 + i });
  });
  // Stable: a confirmation at the same time as the next request comes after it in the timeline.
  events.sort((a, b) => a.at - b.at);
  for (const e of events) {
    if (e.conf) t.s('HEARTBEAT_CONF', { InvokeID: e.id }, { t: e.at });
    else t.c('HEARTBEAT_REQ', { InvokeID: e.id }, { t: e.at });
  }
  return t;
}

/** Heartbeats `gaps` seconds apart (the first 10 s after the open), each answered 10 ms later. */
function regular(idle: number, gaps: readonly number[]): Timeline {
  const times = [10];
  for (const g of gaps) times.push(times.at(-1)! + g);
  return beats(opened({ IdleTimeout: idle }), times, times.map((x) => x + 0.01));
}

// ------------------------------------------------------------------------------------------
// Heartbeats (chapter 3; spec-notes 9.8)
// ------------------------------------------------------------------------------------------

describe('heartbeats', () => {
  it('a run of unconfirmed heartbeats is reported once, at its first three, however long it is', () => {
    const t = opened({ IdleTimeout: 40 }).heartbeats(5, 10, 100, () => false);
    const result = runCheck(t);
    const found = findingsOf(result, 'SESSION-HEARTBEAT-UNANSWERED');
    expect(found.map((f) => f.message), describeFindings(result)).toHaveLength(1);
    expect(found[0]!.message).toContain('InvokeIDs 100, 101, 102');
  });

  it('a HEARTBEAT_CONF at the very time of the next HEARTBEAT_REQ is in time', () => {
    // 100 confirmed at 20.000 s, when 101 is sent; 101-103 never confirmed; 104 confirmed.
    const t = beats(opened({ IdleTimeout: 40 }), [10, 20, 30, 40, 50], [20, undefined, undefined, undefined, 50.01]);
    const missed = messagesOf(t, 'SESSION-HEARTBEAT-MISSED');
    expect(missed.filter((m) => m.includes('InvokeID 100'))).toEqual([]);
    expect(missed).toHaveLength(3);
    // The run 101-103 starts after a heartbeat confirmed in time: it is reported.
    const unanswered = messagesOf(t, 'SESSION-HEARTBEAT-UNANSWERED');
    expect(unanswered).toHaveLength(1);
    expect(unanswered[0]).toContain('InvokeIDs 101, 102, 103');
  });

  it('a run whose third heartbeat is confirmed exactly when the next one is sent is no failure', () => {
    const t = beats(opened({ IdleTimeout: 40 }), [10, 20, 30, 40], [undefined, undefined, 40, 40.01]);
    expect(count(t, 'SESSION-HEARTBEAT-UNANSWERED')).toBe(0);
    expect(count(t, 'SESSION-HEARTBEAT-MISSED')).toBe(2);
  });

  it('the last three heartbeats of the input are judged once 5 s passed after the third, not before', () => {
    const at = (end: number): Timeline => beats(opened({ IdleTimeout: 40 }), [10, 20, 30]).s('SYSTEM_EVENT', { SystemEventID: 3 }, { t: end });
    expect(count(at(35), 'SESSION-HEARTBEAT-UNANSWERED')).toBe(1);
    expect(count(at(34.9), 'SESSION-HEARTBEAT-UNANSWERED')).toBe(0);
    expect(count(at(31), 'SESSION-HEARTBEAT-UNANSWERED')).toBe(0);
  });

  it('heartbeats that leave the recent ones (32) during a long session are judged too', () => {
    const t = opened({ IdleTimeout: 40 }).heartbeats(40, 10, 100, (i) => i !== 0);
    const missed = messagesOf(t, 'SESSION-HEARTBEAT-MISSED');
    expect(missed).toHaveLength(1);
    expect(missed[0]).toContain('InvokeID 100)');
  });

  it('interval above 30 s: 31 s is tolerated (capture timing), 31.5 s is not', () => {
    expect(count(regular(119, [31, 31, 31, 31]), 'SESSION-HEARTBEAT-INTERVAL-MAX')).toBe(0);
    expect(count(regular(119, [31.5, 31.5, 31.5, 31.5]), 'SESSION-HEARTBEAT-INTERVAL-MAX')).toBe(1);
  });

  it('interval below 5 s: 4.5 s is tolerated, 4.2 s is not', () => {
    expect(count(regular(20, [4.5, 4.5, 4.5, 4.5]), 'SESSION-HEARTBEAT-INTERVAL-MIN')).toBe(0);
    expect(count(regular(20, [4.2, 4.2, 4.2, 4.2]), 'SESSION-HEARTBEAT-INTERVAL-MIN')).toBe(1);
  });

  it('IdleTimeout from 3.5 to 4.5 x the interval is accepted, outside it is not', () => {
    const ratio = (idle: number): number => count(regular(idle, [20, 20, 20, 20]), 'SESSION-IDLE-TIMEOUT-HEARTBEAT');
    expect([ratio(64), ratio(70), ratio(80), ratio(90), ratio(95)]).toEqual([1, 0, 0, 0, 1]);
  });

  it('the interval is estimated from three intervals at least', () => {
    expect(count(regular(119, [40, 40]), 'SESSION-HEARTBEAT-INTERVAL-MAX')).toBe(0);
    expect(count(regular(119, [40, 40, 40]), 'SESSION-HEARTBEAT-INTERVAL-MAX')).toBe(1);
  });

  it('the interval is the median of the first nine intervals', () => {
    // Median of 40, 20, 40 is 40 (not the smallest, 20).
    expect(count(regular(119, [40, 20, 40]), 'SESSION-HEARTBEAT-INTERVAL-MAX')).toBe(1);
    // Three slow intervals among the first nine do not make the median.
    expect(count(regular(119, [40, 40, 40, 10, 10, 10, 10, 10, 10]), 'SESSION-HEARTBEAT-INTERVAL-MAX')).toBe(0);
  });
});

// ------------------------------------------------------------------------------------------
// Requests (chapters 2 and 7)
// ------------------------------------------------------------------------------------------

const hold = (invokeId: number): Record<string, unknown> => ({ InvokeID: invokeId, CallID: 5, ConnectionDeviceID: '2006' });

describe('request pairing', () => {
  it('an answer after exactly 15 s is not slow; a session going on exactly 15 s without one is unanswered', () => {
    expect(count(opened().c('HOLD_CALL_REQ', hold(7), { t: 1 }).s('HOLD_CALL_CONF', { InvokeID: 7 }, { t: 16 }), 'REQUEST-SLOW')).toBe(0);
    expect(count(opened().c('HOLD_CALL_REQ', hold(7), { t: 1 }).s('HOLD_CALL_CONF', { InvokeID: 7 }, { t: 16.1 }), 'REQUEST-SLOW')).toBe(1);
    expect(count(opened().c('HOLD_CALL_REQ', hold(7), { t: 1 }).s('SYSTEM_EVENT', { SystemEventID: 3 }, { t: 16 }), 'REQUEST-UNANSWERED')).toBe(1);
    expect(count(opened().c('HOLD_CALL_REQ', hold(7), { t: 1 }).s('SYSTEM_EVENT', { SystemEventID: 3 }, { t: 15.9 }), 'REQUEST-UNANSWERED')).toBe(0);
  });

  it('a request outstanding when the session closed was never answered if it waited 15 s or more; closed sooner, it is not judged (spec-notes 9.10)', () => {
    const closing = (seconds: number): Timeline => opened().c('HOLD_CALL_REQ', hold(7)).c('CLOSE_REQ', { InvokeID: 9 }, { dt: seconds }).s('CLOSE_CONF', { InvokeID: 9 });
    expect(messagesOf(closing(15), 'REQUEST-UNANSWERED')).toEqual(['HOLD_CALL_REQ (InvokeID 7) was never answered before the session closed']);
    expect(messagesOf(closing(0.01), 'REQUEST-UNANSWERED')).toEqual([]);
  });

  it('requests of a session whose OPEN_REQ was rejected are not expected to be answered', () => {
    const t = new Timeline()
      .c('OPEN_REQ', { InvokeID: 1, VersionNumber: 13, IdleTimeout: 80, ServicesRequested: 0x10, CallMsgMask: ALL_CALL_EVENTS, AgentStateMask: 0x1ff, ConfigMsgMask: 0xf, ClientID: 'x', ClientPassword: '' })
      .c('HOLD_CALL_REQ', hold(7))
      .s('FAILURE_CONF', { InvokeID: 1, Status: 1 });
    expect(count(scenario(t, [summaryWithSyn(SESSION, 30)]), 'REQUEST-UNANSWERED')).toBe(0);
  });

  it('HEARTBEAT_REQ and CLOSE_REQ left unanswered are judged by their own rules only', () => {
    const t = opened({ IdleTimeout: 40 }).heartbeats(4, 10, 100, () => false).c('CLOSE_REQ', { InvokeID: 9 }, { dt: 1 }).s('SYSTEM_EVENT', { SystemEventID: 3 }, { dt: 20 });
    const result = runCheck(t);
    expect(findingsOf(result, 'REQUEST-UNANSWERED'), describeFindings(result)).toEqual([]);
    expect(findingsOf(result, 'SESSION-CLOSE-UNANSWERED')).toHaveLength(1);
    expect(findingsOf(result, 'SESSION-HEARTBEAT-UNANSWERED')).toHaveLength(1);
  });

  it('a confirmation of another type seen before a request does not answer it', () => {
    // ANSWER_CALL_CONF 7 comes first (held as an orphan); HOLD_CALL_REQ 7 is not answered by it.
    const t = opened().s('ANSWER_CALL_CONF', { InvokeID: 7 }).c('HOLD_CALL_REQ', hold(7)).s('SYSTEM_EVENT', { SystemEventID: 3 }, { dt: 20 });
    expect(messagesOf(t, 'REQUEST-UNANSWERED')).toEqual(['HOLD_CALL_REQ (InvokeID 7) was never answered in the 20.0 s the session went on']);
  });
});

// ------------------------------------------------------------------------------------------
// Calls (chapter 6; spec-notes 9.1-9.4, 9.6)
// ------------------------------------------------------------------------------------------

const delivered = (callId: number, device: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ CallID: callId, ConnectionDeviceID: device, AlertingDeviceID: device, CalledDeviceID: device, LocalConnectionState: 2, ...extra });

describe('calls', () => {
  it('events after END_CALL_EVENT are not judged when BEGIN_CALL_EVENT is masked (a reused CallID cannot announce itself)', () => {
    const masked = opened({ CallMsgMask: ALL_CALL_EVENTS & ~0x2000 }).s('END_CALL_EVENT', { CallID: 5, ConnectionDeviceID: '' }).s('CALL_DELIVERED_EVENT', delivered(5, '2006'));
    expect(count(masked, 'CALL-EVENT-AFTER-END')).toBe(0);
    const unmasked = opened().s('END_CALL_EVENT', { CallID: 5, ConnectionDeviceID: '' }).s('CALL_DELIVERED_EVENT', delivered(5, '2006'));
    expect(count(unmasked, 'CALL-EVENT-AFTER-END')).toBe(1);
  });

  it('a secondary call cleared after its transfer may be delivered again (a new call)', () => {
    const t = opened().s('CALL_TRANSFERRED_EVENT', transferred(5, 6)).s('CALL_CLEARED_EVENT', callCleared(6)).s('CALL_DELIVERED_EVENT', delivered(6, '2007'));
    expect(count(t, 'CALL-DELIVERED-AFTER-MERGE')).toBe(0);
  });

  it('a transfer is an event of its primary call: a BEGIN_CALL_EVENT after it is not first', () => {
    const t = opened().s('CALL_TRANSFERRED_EVENT', transferred(5, 6)).s('BEGIN_CALL_EVENT', { CallID: 5, ConnectionDeviceID: '2006' });
    expect(messagesOf(t, 'CALL-BEGIN-NOT-FIRST')).toEqual(['BEGIN_CALL_EVENT for call 5 after CALL_TRANSFERRED_EVENT #2 of the same call']);
  });

  it('a connection cleared and delivered again is a new connection', () => {
    const t = opened().s('CALL_ESTABLISHED_EVENT', established(5, '2006')).s('CALL_CONNECTION_CLEARED_EVENT', connCleared(5, '2006')).s('CALL_DELIVERED_EVENT', delivered(5, '2006'));
    expect(count(t, 'CALL-DELIVERED-AFTER-ESTABLISHED')).toBe(0);
  });

  it('CALL_CLEARED_EVENT with live connections is judged in bridge mode only, and only when connection clearings are not masked', () => {
    const flow = (t: Timeline): Timeline => t.s('CALL_DELIVERED_EVENT', delivered(5, '2006')).s('CALL_CLEARED_EVENT', callCleared(5));
    expect(count(flow(opened()), 'CALL-CLEARED-WITH-CONNECTIONS')).toBe(1);
    expect(count(flow(opened({ ServicesRequested: AGENT_SERVICES, AgentID: 'agt2006' })), 'CALL-CLEARED-WITH-CONNECTIONS')).toBe(0);
    expect(count(flow(opened({ CallMsgMask: ALL_CALL_EVENTS & ~0x40 })), 'CALL-CLEARED-WITH-CONNECTIONS')).toBe(0);
  });

  it('a session asking for both modes (spec-notes 9.9) is followed in the mode OPEN_CONF grants; granted both, or no grant seen, bridge mode', () => {
    const BOTH = AGENT_SERVICES | BRIDGE_SERVICES;
    const flow = (t: Timeline): Timeline => t.s('CALL_DELIVERED_EVENT', delivered(5, '2006')).s('CALL_CLEARED_EVENT', callCleared(5));
    const both = (conf: Record<string, unknown> = {}): Timeline => flow(opened({ ServicesRequested: BOTH, AgentID: 'agt2006' }, conf));
    expect(count(both(), 'SESSION-MODE-EXCLUSIVE')).toBe(1);
    expect(count(both(), 'CALL-CLEARED-WITH-CONNECTIONS')).toBe(1);
    expect(count(both({ ServicesGranted: BRIDGE_SERVICES }), 'CALL-CLEARED-WITH-CONNECTIONS')).toBe(1);
    expect(count(both({ ServicesGranted: AGENT_SERVICES }), 'CALL-CLEARED-WITH-CONNECTIONS')).toBe(0);
    // No OPEN_CONF: the request decides, and both requested is bridge mode.
    const requestOnly = new Timeline().c('OPEN_REQ', { InvokeID: 1, VersionNumber: 13, IdleTimeout: 80, ServicesRequested: BOTH, CallMsgMask: ALL_CALL_EVENTS, AgentStateMask: 0x1ff, ConfigMsgMask: 0xf, ClientID: 'x', ClientPassword: '', AgentID: 'agt2006' });
    expect(count(flow(requestOnly), 'CALL-CLEARED-WITH-CONNECTIONS')).toBe(1);
  });

  it('only monitored devices count as live connections', () => {
    // 9019 (the caller) only has CALL_ESTABLISHED_EVENT, and is the connection of a delivery alerting 2006: neither is monitored.
    const t = opened()
      .s('CALL_DELIVERED_EVENT', delivered(5, '9019', { AlertingDeviceID: '2006' }))
      .s('CALL_DELIVERED_EVENT', delivered(5, '2006'))
      .s('CALL_ESTABLISHED_EVENT', established(5, '9019'))
      .s('CALL_CONNECTION_CLEARED_EVENT', connCleared(5, '2006'))
      .s('CALL_CLEARED_EVENT', callCleared(5));
    expect(count(t, 'CALL-CLEARED-WITH-CONNECTIONS')).toBe(0);
  });

  it('a connection that failed (LCS_NONE: implied by CALL_FAILED_EVENT) is not live', () => {
    const t = opened()
      .s('CALL_DELIVERED_EVENT', delivered(5, '2006'))
      .s('CALL_FAILED_EVENT', { CallID: 5, ConnectionDeviceID: '2006', LocalConnectionState: 0xffff })
      .s('CALL_CLEARED_EVENT', callCleared(5));
    expect(count(t, 'CALL-CLEARED-WITH-CONNECTIONS')).toBe(0);
  });

  it('after a transfer the primary call keeps only its ConnectedParties; a diverted call leaves the diverting device', () => {
    const transfer = opened()
      .s('CALL_DELIVERED_EVENT', delivered(5, '2006'))
      .s('CALL_TRANSFERRED_EVENT', transferred(5, 6))
      .s('CALL_CLEARED_EVENT', callCleared(5));
    expect(count(transfer, 'CALL-CLEARED-WITH-CONNECTIONS')).toBe(0);
    const diverted = opened()
      .s('CALL_DELIVERED_EVENT', delivered(5, '2006'))
      .s('CALL_DIVERTED_EVENT', { CallID: 5, ConnectionDeviceID: '2007', DivertingDeviceID: '2006', CalledDeviceID: '2007', LocalConnectionState: 0xffff })
      .s('CALL_CLEARED_EVENT', callCleared(5));
    expect(count(diverted, 'CALL-CLEARED-WITH-CONNECTIONS')).toBe(0);
  });

  it('CALL_CLEARED_EVENT carries LCS_NULL', () => {
    const t = opened().s('CALL_CLEARED_EVENT', { CallID: 5, LocalConnectionState: 3 });
    expect(messagesOf(t, 'CALL-LCS-INCONSISTENT')).toEqual(['CALL_CLEARED_EVENT with LocalConnectionState LCS_CONNECT; expected LCS_NULL (or LCS_NONE)']);
  });
});

// ------------------------------------------------------------------------------------------
// Agents (chapter 5, Table 3, Figure 7; spec-notes 9.5)
// ------------------------------------------------------------------------------------------

const agent = (state: number): Record<string, unknown> => ({ AgentState: state, CSQState: state, CSQID: 0xffffffff, AgentExtension: '2006', AgentID: 'agt2006', NextAgentState: 0xffff });

describe('agents', () => {
  /** LOGOUT 1, NOT_READY 2, READY 3, TALKING 4, WORK 5, RESERVED 8. */
  const STATES = [1, 2, 3, 4, 5, 8];
  const FORBIDDEN = ['1>3', '1>4', '1>5', '1>8', '2>5', '2>8', '3>5', '4>8', '5>8'];

  it('reports exactly the transitions the guide rules out', () => {
    const reported: string[] = [];
    for (const from of STATES) {
      for (const to of STATES) {
        if (from === to) continue;
        if (count(opened().s('AGENT_STATE_EVENT', agent(from)).s('AGENT_STATE_EVENT', agent(to)), 'AGENT-STATE-TRANSITION') > 0) reported.push(`${from}>${to}`);
      }
    }
    expect(reported).toEqual(FORBIDDEN);
  });

  it('transitions are not judged when AgentStateMask hides a state they involve', () => {
    const t = opened({ AgentStateMask: 0x1ff & ~0x10 }).s('AGENT_STATE_EVENT', agent(3)).s('AGENT_STATE_EVENT', agent(5));
    expect(count(t, 'AGENT-STATE-TRANSITION')).toBe(0);
  });

  it('SET_AGENT_STATE_REQ may ask for login, logout, not ready, ready and work only', () => {
    const flagged = [0, 1, 2, 3, 4, 5, 7, 8, 9].filter((state) => count(opened().c('SET_AGENT_STATE_REQ', { InvokeID: 3, AgentState: state, AgentInstrument: '2006', AgentID: 'agt2006' }).s('SET_AGENT_STATE_CONF', { InvokeID: 3 }), 'AGENT-SET-STATE-VALUE') > 0);
    expect(flagged).toEqual([4, 7, 8, 9]);
  });

  it('BUSY_OTHER is a CSQ state, not an agent state', () => {
    expect(count(opened().s('AGENT_STATE_EVENT', agent(7)), 'AGENT-STATE-VALUE')).toBe(1);
  });

  it('an AGENT_STATE_EVENT of a state AgentStateMask masks out is reported', () => {
    const t = opened({ AgentStateMask: 0x1ff & ~(1 << 3) }).s('AGENT_STATE_EVENT', agent(3));
    expect(count(t, 'SESSION-EVENT-MASKED')).toBe(1);
  });
});

// ------------------------------------------------------------------------------------------
// Configuration (chapter 4)
// ------------------------------------------------------------------------------------------

describe('configuration', () => {
  const keyError = (status: number, retryAfter: number): Timeline =>
    opened({ IdleTimeout: 40 }).c('CONFIG_REQUEST_KEY_EVENT', {}, { t: 1 }).s('CONFIG_KEY_EVENT', { Status: status }, { t: 2 }).c('CONFIG_REQUEST_KEY_EVENT', {}, { t: 2 + retryAfter });

  it('a restart exactly 10 s after the error is in time', () => {
    expect(count(keyError(2, 10), 'CONFIG-RETRY-TOO-SOON')).toBe(0);
    expect(count(keyError(2, 9.9), 'CONFIG-RETRY-TOO-SOON')).toBe(1);
  });

  it('every CONFIG_KEY_EVENT status but CONFIG_SUCCESS is an error (Table 34)', () => {
    expect([0, 1, 2, 3].map((status) => count(keyError(status, 3), 'CONFIG-RETRY-TOO-SOON'))).toEqual([0, 1, 1, 1]);
  });

  it('CONFIG_END_EVENT statuses 1, 2 and 3 are errors (Table 41)', () => {
    const end = (status: number): Timeline =>
      opened({ IdleTimeout: 40 })
        .c('CONFIG_REQUEST_KEY_EVENT')
        .s('CONFIG_KEY_EVENT', { Status: 0 })
        .c('CONFIG_REQUEST_EVENT', { ConfigurationMask: 0xf, Reserved_131: 0 })
        .s('CONFIG_END_EVENT', { Status: status })
        .c('CONFIG_REQUEST_KEY_EVENT', {}, { dt: 3 });
    expect([0, 1, 2, 3, 4, 5].map((status) => count(end(status), 'CONFIG-RETRY-TOO-SOON'))).toEqual([0, 1, 1, 1, 0, 0]);
  });

  it('SYSTEM_EVENT SYS_CCX_OFFLINE (4) takes Unified CCX offline', () => {
    expect(count(opened().s('SYSTEM_EVENT', { SystemEventID: 4 }).c('CONFIG_REQUEST_KEY_EVENT'), 'CONFIG-REQUEST-WHILE-OFFLINE')).toBe(1);
  });

  it('TEAM_CONFIG_EVENT in a session seen from its middle may answer a request sent before the capture', () => {
    expect(count(new Timeline().s('TEAM_CONFIG_EVENT', { TeamID: 1, Operation: 1, TeamName: 't' }), 'CONFIG-TEAM-EVENT-UNREQUESTED')).toBe(0);
  });

  it('a second CONFIG_KEY_EVENT for one request is unrequested', () => {
    const t = opened().c('CONFIG_REQUEST_KEY_EVENT').s('CONFIG_KEY_EVENT', { Status: 0 }).s('CONFIG_KEY_EVENT', { Status: 0 });
    expect(count(t, 'CONFIG-KEYS-UNREQUESTED')).toBe(1);
  });

  it('an update block after a complete initial upload is no partial-status error', () => {
    const t = opened()
      .c('CONFIG_REQUEST_KEY_EVENT')
      .s('CONFIG_KEY_EVENT', { Status: 0 })
      .c('CONFIG_REQUEST_EVENT', { ConfigurationMask: 0xf, Reserved_131: 0 })
      .s('CONFIG_BEGIN_EVENT', { ConfigType: 1, ConfigurationMask: 2 })
      .s('CONFIG_END_EVENT', { Status: 0 })
      .s('CONFIG_BEGIN_EVENT', { ConfigType: 2, ConfigurationMask: 2 })
      .s('CONFIG_END_EVENT', { Status: 0 });
    expect(count(t, 'CONFIG-PARTIAL-STATUS')).toBe(0);
  });
});

// ------------------------------------------------------------------------------------------
// Outbound (chapter 8; spec-notes 9.7)
// ------------------------------------------------------------------------------------------

const nv = (pairs: Record<string, string>): { VariableName: string; VariableValue: string }[] => Object.entries(pairs).map(([VariableName, VariableValue]) => ({ VariableName, VariableValue }));
const answer = (response: string, callType = 18): Record<string, unknown> => ({ InvokeID: 3, CallID: 5, CallType: callType, ConnectionDeviceID: '4020', NamedVariable: nv({ BAResponse: response }) });
const reservation = (fields: Record<string, unknown> = {}): Timeline =>
  opened()
    .s('BEGIN_CALL_EVENT', { CallID: 5, CallType: 18, ConnectionDeviceID: '4020', NamedVariable: nv({ BAStatus: 'DO', BAResponse: '' }), ...fields }, { t: 1 })
    .s('CALL_DELIVERED_EVENT', delivered(5, '4020'), { t: 1.1 });
/** The reservation answered with Accept at 2 s; the input's last message at `end` s. */
const accepted = (end: number, between: (t: Timeline) => Timeline = (t) => t): Timeline =>
  between(reservation().c('SET_CALL_DATA_REQ', answer('Accept'), { t: 2 }).s('SET_CALL_DATA_CONF', { InvokeID: 3 }, { t: 2.1 })).s('SYSTEM_EVENT', { SystemEventID: 3 }, { t: end });

describe('outbound reservation clearing', () => {
  it('the reservation call may be cleared up to 15 s after the answer', () => {
    expect(count(accepted(17), 'OUTBOUND-RESERVATION-NOT-CLEARED')).toBe(0);
    expect(count(accepted(17.1), 'OUTBOUND-RESERVATION-NOT-CLEARED')).toBe(1);
    expect(count(accepted(16), 'OUTBOUND-RESERVATION-NOT-CLEARED')).toBe(0);
  });

  it('CALL_CLEARED_EVENT clears it too', () => {
    expect(count(accepted(30, (t) => t.s('CALL_CLEARED_EVENT', callCleared(5), { t: 3 })), 'OUTBOUND-RESERVATION-NOT-CLEARED')).toBe(0);
  });

  it('END_CALL_EVENT without a clearing is reported at once', () => {
    const t = reservation().c('SET_CALL_DATA_REQ', answer('Accept'), { t: 2 }).s('END_CALL_EVENT', { CallID: 5, ConnectionDeviceID: '' }, { t: 3 });
    const found = messagesOf(t, 'OUTBOUND-RESERVATION-NOT-CLEARED');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('END_CALL_EVENT #');
  });

  it('a reservation whose END_CALL_EVENT comes after the 15 s window is reported once (it was reported twice)', () => {
    const t = reservation().c('SET_CALL_DATA_REQ', answer('Accept'), { t: 2 }).s('SET_CALL_DATA_CONF', { InvokeID: 3 }, { t: 2.1 }).s('END_CALL_EVENT', { CallID: 5, ConnectionDeviceID: '' }, { t: 20 });
    expect(messagesOf(t, 'OUTBOUND-RESERVATION-NOT-CLEARED')).toEqual(['reservation call 5 was not cleared after BAResponse "Accept" (#4): no CALL_CONNECTION_CLEARED_EVENT within 15 s']);
  });

  it('a clearing seen before the answer counts', () => {
    expect(count(accepted(30, (t) => t), 'OUTBOUND-RESERVATION-NOT-CLEARED')).toBe(1);
    const early = reservation()
      .s('CALL_CONNECTION_CLEARED_EVENT', connCleared(5, '4020'), { t: 1.5 })
      .c('SET_CALL_DATA_REQ', answer('Accept'), { t: 2 })
      .s('SYSTEM_EVENT', { SystemEventID: 3 }, { t: 30 });
    expect(count(early, 'OUTBOUND-RESERVATION-NOT-CLEARED')).toBe(0);
  });

  it('a reservation answer to a preview call is a phase error, not a reservation left uncleared', () => {
    const t = opened()
      .s('BEGIN_CALL_EVENT', { CallID: 5, CallType: 17, ConnectionDeviceID: '4020', NamedVariable: nv({ BAStatus: 'CO' }) }, { t: 1 })
      .c('SET_CALL_DATA_REQ', answer('Accept', 17), { t: 2 })
      .s('SYSTEM_EVENT', { SystemEventID: 3 }, { t: 30 });
    const result = runCheck(t);
    expect(findingsOf(result, 'OUTBOUND-BARESPONSE-PHASE')).toHaveLength(1);
    expect(findingsOf(result, 'OUTBOUND-RESERVATION-NOT-CLEARED')).toEqual([]);
  });

  it('BAStatus D… makes a reservation call without CallType 18', () => {
    const t = opened()
      .s('BEGIN_CALL_EVENT', { CallID: 5, CallType: 0, ConnectionDeviceID: '4020', NamedVariable: nv({ BAStatus: 'DO' }) })
      .c('SET_CALL_DATA_REQ', answer('REX_VOICE', 0));
    expect(messagesOf(t, 'OUTBOUND-BARESPONSE-PHASE')).toEqual(['BAResponse "REX_VOICE" applies during a preview call, but call 5 is a reservation call']);
  });
});

// ------------------------------------------------------------------------------------------
// Sessions (chapter 3)
// ------------------------------------------------------------------------------------------

describe('sessions', () => {
  it('IdleTimeout 120 is out of range (Table 12: less than 120 s)', () => {
    expect([19, 20, 119, 120].map((idle) => count(opened({ IdleTimeout: idle }), 'SESSION-IDLE-TIMEOUT-RANGE'))).toEqual([1, 0, 0, 1]);
  });

  it('a client silent for its IdleTimeout plus 1 s (capture timing) is tolerated, longer is not', () => {
    const silent = (gap: number): number => count(opened({ IdleTimeout: 20 }).c('HEARTBEAT_REQ', { InvokeID: 3 }, { t: gap }).s('HEARTBEAT_CONF', { InvokeID: 3 }), 'SESSION-CLIENT-SILENT');
    expect([silent(20.5), silent(21), silent(21.5)]).toEqual([0, 0, 1]);
  });

  it('CLOSE_CONF exactly 5 s after CLOSE_REQ is in time; none at all within 5 s is reported', () => {
    expect(count(opened().c('CLOSE_REQ', { InvokeID: 9 }, { t: 1 }).s('CLOSE_CONF', { InvokeID: 9 }, { t: 6 }), 'SESSION-CLOSE-UNANSWERED')).toBe(0);
    expect(messagesOf(opened().c('CLOSE_REQ', { InvokeID: 9 }, { t: 1 }).s('SYSTEM_EVENT', { SystemEventID: 3 }, { t: 7 }), 'SESSION-CLOSE-UNANSWERED')).toEqual(['no CLOSE_CONF within 5 s of CLOSE_REQ']);
  });

  it('client messages within 2 s of CLOSE_CONF are in flight; past it only the first is reported', () => {
    const after = (...dts: number[]): Timeline => dts.reduce((t, dt, i) => t.c('HEARTBEAT_REQ', { InvokeID: 10 + i }, { dt }), opened().c('CLOSE_REQ', { InvokeID: 9 }).s('CLOSE_CONF', { InvokeID: 9 }));
    expect(count(after(1.5), 'SESSION-NOT-RESET')).toBe(0);
    expect(count(after(3, 1, 1), 'SESSION-NOT-RESET')).toBe(1);
  });

  it('an OPEN_REQ retried exactly 10 s after the rejection is in time', () => {
    const retry = (after: number): Timeline => {
      const fields = { InvokeID: 1, VersionNumber: 13, IdleTimeout: 80, ServicesRequested: 0x10, CallMsgMask: ALL_CALL_EVENTS, AgentStateMask: 0x1ff, ConfigMsgMask: 0xf, ClientID: 'x', ClientPassword: '' };
      return new Timeline().c('OPEN_REQ', fields, { t: 0 }).s('FAILURE_CONF', { InvokeID: 1, Status: 1 }, { t: 1 }).c('OPEN_REQ', fields, { t: 1 + after, session: '10.1.1.5:50312-10.1.1.2:42027#1' });
    };
    expect([count(retry(9.9), 'SESSION-OPEN-RETRY-TOO-SOON'), count(retry(10), 'SESSION-OPEN-RETRY-TOO-SOON')]).toEqual([1, 0]);
  });

  it('an OPEN_REQ after a rejected one on the same connection is no repeated open (the session never opened)', () => {
    const fields = { InvokeID: 1, VersionNumber: 13, IdleTimeout: 80, ServicesRequested: 0x10, CallMsgMask: ALL_CALL_EVENTS, AgentStateMask: 0x1ff, ConfigMsgMask: 0xf, ClientID: 'x', ClientPassword: '' };
    const t = new Timeline().c('OPEN_REQ', fields).s('FAILURE_CONF', { InvokeID: 1, Status: 1 }).c('OPEN_REQ', { ...fields, InvokeID: 2 }, { dt: 3 });
    const result = runCheck(t);
    expect(findingsOf(result, 'SESSION-OPEN-REPEATED'), describeFindings(result)).toEqual([]);
    expect(findingsOf(result, 'SESSION-NOT-RESET')).toHaveLength(1);
  });

  it('asking for both modes is one error, not also an agent-mode or bridge-mode one', () => {
    const withAgent = runCheck(opened({ ServicesRequested: 0x11, AgentExtension: '2006' }));
    expect(findingsOf(withAgent, 'SESSION-MODE-EXCLUSIVE')).toHaveLength(1);
    expect(findingsOf(withAgent, 'SESSION-BRIDGE-MODE-AGENT-FIELDS')).toEqual([]);
    const without = runCheck(opened({ ServicesRequested: 0x11 }));
    expect(findingsOf(without, 'SESSION-MODE-EXCLUSIVE')).toHaveLength(1);
    expect(findingsOf(without, 'SESSION-AGENT-MODE-IDENTITY')).toEqual([]);
  });

  it('input damage before a message is not damage after it', () => {
    const damage: InputDiagnostic = { kind: 'diagnostic', severity: 'warning', code: 'STREAM_GAP', message: 'bytes missing', session: SESSION, direction: 'server-to-client', source: { file: 'test.pcap' } };
    const t = opened({ IdleTimeout: 40 });
    const rest = new Timeline().heartbeats(3, 10, 100, (i) => i !== 0);
    // The gap is reported before HEARTBEAT_REQ 100: its missing confirmation is no loss of the input.
    const events = [...t.events, damage, ...rest.events.map((e) => (e.kind === 'message' && e.at ? { ...e, at: { sec: e.at.sec + 1, nsec: e.at.nsec } } : e))];
    expect(messagesOf(scenario(events), 'SESSION-HEARTBEAT-MISSED')).toHaveLength(1);
  });
});

// ------------------------------------------------------------------------------------------
// The catalog against docs/conformance.md
// ------------------------------------------------------------------------------------------

describe('docs/conformance.md', () => {
  it('gives every rule of the catalog with its severity and the same guide reference', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/conformance.md', import.meta.url), 'utf8');
    const missing = RULE_CATALOG.filter((r) => !doc.includes(`| \`${r.id}\` | ${r.severity} | ${r.spec} |`)).map((r) => r.id);
    expect(missing).toEqual([]);
  });
});
