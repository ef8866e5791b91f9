/**
 * False positives found by auditing the rules against the guide's own text: sequences the
 * guide allows (or that it says a client is not sent) must not be reported. Each test names
 * the passage.
 */
import { describe, expect, it } from 'vitest';
import { ALL_CALL_EVENTS, describeFindings, findingsOf, runCheck, Timeline } from './support.js';
import { established, setCallData } from './rule-cases.js';

const nv = (pairs: Record<string, string>): { VariableName: string; VariableValue: string }[] => Object.entries(pairs).map(([VariableName, VariableValue]) => ({ VariableName, VariableValue }));
const delivered = (callId: number, device: string): Record<string, unknown> => ({ CallID: callId, ConnectionDeviceID: device, AlertingDeviceID: device, CalledDeviceID: device, LocalConnectionState: 2 });
const agent = (state: number): Record<string, unknown> => ({ AgentState: state, CSQState: state, CSQID: 0xffffffff, AgentExtension: '4020', AgentID: 'chli4020', NextAgentState: 0xffff });

/** The chapter-8 reservation call (BEGIN_CALL_EVENT and CALL_DELIVERED_EVENT with BAStatus DO). */
function reservation(t: Timeline, callId: number): Timeline {
  return t.s('BEGIN_CALL_EVENT', { CallID: callId, CallType: 18, ConnectionDeviceID: '4020', NamedVariable: nv({ BAStatus: 'DO', BAResponse: '' }) }).s('CALL_DELIVERED_EVENT', delivered(callId, '4020'));
}

function expectNone(t: Timeline, rule: string): void {
  const result = runCheck(t);
  expect(findingsOf(result, rule), describeFindings(result)).toEqual([]);
}

describe('OUTBOUND-RESERVATION-NOT-CLEARED', () => {
  it('a BAResponse the server refused (CONTROL_FAILURE_CONF, FAILURE_CONF) clears nothing (chapter 7: the failure confirmation means the request was not executed)', () => {
    for (const failure of ['CONTROL_FAILURE_CONF', 'FAILURE_CONF']) {
      const t = reservation(new Timeline().open(), 5)
        .c('SET_CALL_DATA_REQ', setCallData(3, 5, 'Accept'))
        .s(failure, { InvokeID: 3, ...(failure === 'FAILURE_CONF' ? { Status: 1 } : { FailureCode: 1 }) })
        .s('AGENT_STATE_EVENT', agent(8), { dt: 20 });
      expectNone(t, 'OUTBOUND-RESERVATION-NOT-CLEARED');
    }
  });

  it('not expected by a client whose CallMsgMask leaves CALL_CONNECTION_CLEARED_EVENT out (Table 23; chapter 3: the masks decide what the client is sent)', () => {
    const t = reservation(new Timeline().open({ CallMsgMask: ALL_CALL_EVENTS & ~0x40 }), 5)
      .c('SET_CALL_DATA_REQ', setCallData(3, 5, 'Accept'))
      .s('SET_CALL_DATA_CONF', { InvokeID: 3 })
      .s('AGENT_STATE_EVENT', agent(4), { dt: 20 });
    expectNone(t, 'OUTBOUND-RESERVATION-NOT-CLEARED');
  });

  it('still reported when the answer was confirmed and no clearing came', () => {
    const t = reservation(new Timeline().open(), 5).c('SET_CALL_DATA_REQ', setCallData(3, 5, 'Accept')).s('SET_CALL_DATA_CONF', { InvokeID: 3 }).s('CONTROL_FAILURE_CONF', { InvokeID: 4, FailureCode: 1 }).s('AGENT_STATE_EVENT', agent(4), { dt: 20 });
    expect(findingsOf(runCheck(t), 'OUTBOUND-RESERVATION-NOT-CLEARED')).toHaveLength(1);
  });
});

describe('CALL-DELIVERED-AFTER-ESTABLISHED', () => {
  // A call answered at CTI port 9019, moved on (the port's CALL_CONNECTION_CLEARED_EVENT is
  // masked out), and later delivered to the same port again: a new connection there.
  const revisit = (mask: number): Timeline =>
    new Timeline()
      .open({ CallMsgMask: mask })
      .s('CALL_DELIVERED_EVENT', delivered(5, '9019'))
      .s('CALL_ESTABLISHED_EVENT', established(5, '9019'))
      .s('CALL_DELIVERED_EVENT', delivered(5, '2006'))
      .s('CALL_DELIVERED_EVENT', delivered(5, '9019'));

  it('not judged for a client that masked CALL_CONNECTION_CLEARED_EVENT out: the clearing of the first connection is not sent to it (Table 23)', () => {
    expectNone(revisit(ALL_CALL_EVENTS & ~0x40), 'CALL-DELIVERED-AFTER-ESTABLISHED');
  });

  it('still an error where the client takes CALL_CONNECTION_CLEARED_EVENT and none came', () => {
    expect(findingsOf(runCheck(revisit(ALL_CALL_EVENTS)), 'CALL-DELIVERED-AFTER-ESTABLISHED')).toHaveLength(1);
  });
});

describe('REQUEST-CONF-UNMATCHED', () => {
  // CONFIG_REQUEST_KEY_EVENT and CONFIG_REQUEST_EVENT carry no InvokeID, and chapter 4 (Error
  // Handling) says configuration errors also come as a generic FAILURE_CONF.
  it('a FAILURE_CONF while a CONFIG_REQUEST_KEY_EVENT is unanswered is its answer', () => {
    expectNone(new Timeline().open().c('CONFIG_REQUEST_KEY_EVENT').s('FAILURE_CONF', { InvokeID: 0, Status: 3 }), 'REQUEST-CONF-UNMATCHED');
  });

  it('a FAILURE_CONF while a CONFIG_REQUEST_EVENT is unanswered is its answer', () => {
    const t = new Timeline().open().c('CONFIG_REQUEST_KEY_EVENT').s('CONFIG_KEY_EVENT', { Status: 0 }).c('CONFIG_REQUEST_EVENT', { ConfigurationMask: 2 }).s('FAILURE_CONF', { InvokeID: 0, Status: 3 });
    expectNone(t, 'REQUEST-CONF-UNMATCHED');
  });

  it('still an error once the configuration requests were answered', () => {
    const t = new Timeline().open().c('CONFIG_REQUEST_KEY_EVENT').s('CONFIG_KEY_EVENT', { Status: 0 }).s('FAILURE_CONF', { InvokeID: 0, Status: 3 });
    expect(findingsOf(runCheck(t), 'REQUEST-CONF-UNMATCHED')).toHaveLength(1);
  });
});

describe('AGENT-SET-STATE-VALUE (a false negative)', () => {
  const setState = (state: number, forced: number): Timeline =>
    new Timeline().open().c('SET_AGENT_STATE_REQ', { InvokeID: 3, AgentState: state, ForcedFlag: forced, AgentInstrument: '2006', AgentID: 'agt2006', AgentPassword: 'x' }).s('SET_AGENT_STATE_CONF', { InvokeID: 3 });

  it('ForcedFlag 1 with a state other than LOGIN or LOGOUT is reported (Table 62: "Used only with AGENT_STATE_LOGIN or AGENT_STATE_LOGOFF")', () => {
    expect(findingsOf(runCheck(setState(3, 1)), 'AGENT-SET-STATE-VALUE')).toHaveLength(1);
  });

  it('ForcedFlag 1 with LOGIN or LOGOUT (chapter 5, About Forced Agent Logout and Forced Agent Login), and 0 with any state, are not', () => {
    for (const [state, forced] of [[0, 1], [1, 1], [3, 0], [5, 0]] as const) expectNone(setState(state, forced), 'AGENT-SET-STATE-VALUE');
  });
});

describe('REQUEST-UNANSWERED at the close of a session', () => {
  const query = { InvokeID: 7, AgentInstrument: '2006' };
  const closeAfter = (seconds: number): Timeline => new Timeline().open().c('QUERY_AGENT_STATE_REQ', query).c('CLOSE_REQ', { InvokeID: 8 }, { dt: seconds }).s('CLOSE_CONF', { InvokeID: 8 });

  it('a request the client closed the session on before its answer was due is not judged (chapter 3: on CLOSE_CONF the client resets the connection; chapter 7: an answer may take 10 or 15 s)', () => {
    expectNone(closeAfter(0.1), 'REQUEST-UNANSWERED');
    expectNone(closeAfter(14), 'REQUEST-UNANSWERED');
  });

  it('a request left unanswered 15 s or more before the close is reported', () => {
    const result = runCheck(closeAfter(16));
    expect(findingsOf(result, 'REQUEST-UNANSWERED').map((f) => f.message)).toEqual(['QUERY_AGENT_STATE_REQ (InvokeID 7) was never answered before the session closed']);
  });
});

describe('BResponse, as the guide prints the BAResponse variable (chapter 8 text, Table 9, the chapter-11 accepted flow)', () => {
  /** The timeline with its BAResponse variables renamed BResponse (in place). */
  function asBResponse(t: Timeline): Timeline {
    for (const e of t.events) {
      const named = e.kind === 'message' ? e.message.fields['NamedVariable'] : undefined;
      if (Array.isArray(named)) for (const v of named as Array<{ VariableName: string }>) if (v.VariableName === 'BAResponse') v.VariableName = 'BResponse';
    }
    return t;
  }

  it('is read as BAResponse by the outbound rules: a value not in Table 9, and a reservation call never cleared after Accept', () => {
    const bad = new Timeline().open().c('SET_CALL_DATA_REQ', setCallData(3, 5, 'Callback 13322015 10:00', 17)).s('SET_CALL_DATA_CONF', { InvokeID: 3 });
    expect(findingsOf(runCheck(asBResponse(bad)), 'OUTBOUND-BARESPONSE-VALUE')).toHaveLength(1);
    const uncleared = reservation(new Timeline().open(), 5).c('SET_CALL_DATA_REQ', setCallData(3, 5, 'Accept')).s('SET_CALL_DATA_CONF', { InvokeID: 3 }).s('AGENT_STATE_EVENT', agent(4), { dt: 20 });
    expect(findingsOf(runCheck(asBResponse(uncleared)), 'OUTBOUND-RESERVATION-NOT-CLEARED')).toHaveLength(1);
  });
});
