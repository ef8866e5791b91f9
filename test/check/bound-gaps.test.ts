/**
 * The checker's memory bounds (docs/conformance.md, "Memory stays flat"), each at its exact
 * value: what the user sees when a table is full (what is forgotten, the oldest first), and
 * that the table stays at its bound under inputs far past it. Fifth round of docs/test-gaps.md.
 */
import { describe, expect, it } from 'vitest';
import { Checker, checkTimeline } from '../../src/check/checker.js';
import { CallTable } from '../../src/check/model/calls.js';
import { OutboundTracker } from '../../src/check/model/outbound.js';
import type { MessageView } from '../../src/check/view.js';
import type { InputDiagnostic, TimelineEvent, TimelineMessage } from '../../src/timeline/types.js';
import { AGENT_SERVICES, describeFindings, findingsOf, runCheck, scenario, SESSION, START_SEC, summaryWithSyn, Timeline } from './support.js';

const hold = (invokeId: number): Record<string, unknown> => ({ InvokeID: invokeId, CallID: 5, ConnectionDeviceID: '2006' });

/** The id of the `i`th session of many (a client address of its own). */
const sessionNo = (i: number): string => `10.${(i >> 16) & 0xff}.${(i >> 8) & 0xff}.${i & 0xff}:50000-10.1.1.2:42027#1`;

/** `template` (built by the Timeline) again, in another session, at another time, or with another source. */
function again(template: TimelineEvent, change: { session?: string | null; t?: number }): TimelineMessage {
  const e = template as TimelineMessage;
  const out: { -readonly [K in keyof TimelineMessage]: TimelineMessage[K] } = { ...e };
  if (change.session === null) {
    delete out.session;
    delete out.direction;
    delete out.version;
    out.source = { file: 'MIVR01.log', line: 3 };
  } else if (change.session !== undefined) out.session = change.session;
  if (change.t !== undefined) out.at = { sec: START_SEC + Math.floor(change.t), nsec: Math.round((change.t % 1) * 1e9) };
  return out;
}

function gap(session: string, direction: 'client-to-server' | 'server-to-client' = 'client-to-server'): InputDiagnostic {
  return { kind: 'diagnostic', severity: 'warning', code: 'STREAM_GAP', message: '87 bytes of the stream missing', session, direction, source: { file: 'test.pcap' } };
}

describe('outstanding requests: at most 4096 per session (requests.ts MAX_PENDING_REQUESTS)', () => {
  /** `n` HOLD_CALL_REQs never answered (InvokeIDs 1000…), then 20 s of session. */
  function unanswered(n: number): Timeline {
    const t = new Timeline().open();
    for (let i = 0; i < n; i++) t.c('HOLD_CALL_REQ', hold(1000 + i), { dt: 0.001 });
    return t.s('SYSTEM_EVENT', { SystemEventID: 3 }, { dt: 20 });
  }

  it('the 4097th outstanding request drops the oldest: 4096 are reported unanswered, from the second on', () => {
    const result = runCheck(unanswered(4097));
    expect(result.byRule.get('REQUEST-UNANSWERED')).toBe(4096);
    expect(findingsOf(result, 'REQUEST-UNANSWERED')[0]!.message).toMatch(/^HOLD_CALL_REQ \(InvokeID 1001\) was never answered/);
  });

  it('4096 outstanding requests are all kept', () => {
    const result = runCheck(unanswered(4096));
    expect(result.byRule.get('REQUEST-UNANSWERED')).toBe(4096);
    expect(findingsOf(result, 'REQUEST-UNANSWERED')[0]!.message).toMatch(/^HOLD_CALL_REQ \(InvokeID 1000\) was never answered/);
  });

  it('10,000 requests never answered: the session keeps 4096', () => {
    const checker = new Checker();
    const t = new Timeline().open().c('HOLD_CALL_REQ', hold(0));
    const template = t.events.pop()!;
    checker.pushAll(t.events);
    for (let i = 0; i < 10_000; i++) {
      const e = again(template, {});
      checker.push({ ...e, message: { ...e.message, fields: { ...e.message.fields, InvokeID: 1000 + i } } });
    }
    expect(checker.footprint().pendingRequests).toBe(4096);
  });

  it('a late answer to a dropped request is not "a confirmation for no request"', () => {
    const t = unanswered(4097);
    const end = t.events.pop()!;
    t.s('HOLD_CALL_CONF', { InvokeID: 1000 });
    const result = runCheck(scenario([...t.events, end]));
    expect(findingsOf(result, 'REQUEST-CONF-UNMATCHED'), describeFindings(result)).toEqual([]);
    // Requests still followed are judged as before.
    expect(result.byRule.get('REQUEST-UNANSWERED')).toBe(4096);
  });
});

describe('answered requests: the 64 most recent are remembered (requests.ts RECENTLY_ANSWERED)', () => {
  it('a second answer to the 65th most recently answered request is no longer known as one', () => {
    const t = new Timeline().open({ InvokeID: 5000 });
    // OPEN_REQ and 65 requests answered: OPEN_REQ and the first HOLD_CALL_REQ are forgotten.
    for (let id = 1000; id < 1065; id++) t.c('HOLD_CALL_REQ', hold(id)).s('HOLD_CALL_CONF', { InvokeID: id });
    t.s('HOLD_CALL_CONF', { InvokeID: 1000 }).s('HOLD_CALL_CONF', { InvokeID: 1001 });
    const result = runCheck(t);
    expect(findingsOf(result, 'REQUEST-CONF-UNMATCHED').map((f) => f.message), describeFindings(result)).toEqual([expect.stringMatching(/^HOLD_CALL_CONF with InvokeID 1000 /)]);
    expect(findingsOf(result, 'REQUEST-ANSWERED-TWICE').map((f) => f.message)).toEqual([expect.stringMatching(/^HOLD_CALL_CONF for InvokeID 1001: /)]);
  });
});

describe('confirmations ahead of their requests: at most 64 wait (requests.ts MAX_ORPHANS)', () => {
  /** `n` HOLD_CALL_CONFs released before their requests (a gap held the client's direction back). */
  function orphans(n: number): ReturnType<typeof runCheck> {
    const t = new Timeline().open();
    for (let i = 0; i < n; i++) t.s('HOLD_CALL_CONF', { InvokeID: 1000 + i }, { dt: 0.001 });
    const held = new Timeline();
    for (let i = 0; i < n; i++) held.c('HOLD_CALL_REQ', hold(1000 + i), { t: 0.2 + i * 0.001 });
    const end = new Timeline().s('SYSTEM_EVENT', { SystemEventID: 3 }, { t: 30 });
    return runCheck(scenario([...t.events, gap(SESSION), ...held.events, ...end.events]));
  }

  it('64 wait for their requests; of 65, the oldest is forgotten and its request is taken as unanswered', () => {
    const r64 = orphans(64);
    expect(findingsOf(r64, 'REQUEST-UNANSWERED'), describeFindings(r64)).toEqual([]);
    const r65 = orphans(65);
    expect(findingsOf(r65, 'REQUEST-UNANSWERED').map((f) => f.message)).toEqual([expect.stringMatching(/^HOLD_CALL_REQ \(InvokeID 1000\) was never answered/)]);
  });
});

describe('OPEN_REQs rejected: the 4096 most recent clients are remembered (clients.ts MAX_CLIENTS)', () => {
  it('of 4097 clients rejected, the first is forgotten: its quick retry is not reported, the second one\'s is', () => {
    const fields = { InvokeID: 1, VersionNumber: 13, IdleTimeout: 80, ServicesRequested: 0x10, ClientSignature: 'sig' };
    const t = new Timeline().c('OPEN_REQ', { ...fields, ClientID: 'x' }, { t: 0 }).s('FAILURE_CONF', { InvokeID: 1, Status: 1 }, { t: 1 });
    const [open, failure] = t.events as [TimelineMessage, TimelineMessage];
    const withClient = (e: TimelineMessage, i: number, session: string, at: number): TimelineMessage => {
      const m = again(e, { session, t: at });
      return e.message.type === 'OPEN_REQ' ? { ...m, message: { ...m.message, fields: { ...m.message.fields, ClientID: `client${i}` } } } : m;
    };
    const events: TimelineEvent[] = [];
    for (let i = 0; i < 4097; i++) events.push(withClient(open, i, sessionNo(i), 0), withClient(failure, i, sessionNo(i), 1));
    // Both retry 2 s after their rejection, from another port.
    for (const i of [0, 1]) events.push(withClient(open, i, sessionNo(i).replace(':50000-', ':50001-'), 3));
    const result = checkTimeline(events);
    expect(findingsOf(result, 'SESSION-OPEN-RETRY-TOO-SOON').map((f) => f.at.session)).toEqual([sessionNo(1).replace(':50000-', ':50001-')]);
  });
});

describe('sessions followed at once: 4096 (checker.ts MAX_SCOPES)', () => {
  it('sessions that did not begin with OPEN_REQ: the 4096 most recent are remembered for SESSION-OPEN-NOT-FIRST', () => {
    const template = new Timeline().s('SYSTEM_EVENT', { SystemEventID: 3 }).events[0]!;
    const ids = Array.from({ length: 4097 }, (_, i) => sessionNo(i));
    const result = checkTimeline(
      ids.map((id) => again(template, { session: id })),
      {},
      ids.map((id) => summaryWithSyn(id)),
    );
    expect(result.byRule.get('SESSION-OPEN-NOT-FIRST')).toBe(4096);
    expect(findingsOf(result, 'SESSION-OPEN-NOT-FIRST')[0]!.at.session).toBe(sessionNo(1));
  });

  it('a session closed by CLOSE_CONF and ended as the oldest of 4097: a client that speaks on it again is still told to reset', () => {
    const checker = new Checker();
    checker.pushAll(new Timeline().open().c('CLOSE_REQ', { InvokeID: 9, Status: 0 }).s('CLOSE_CONF', { InvokeID: 9 }).events);
    const template = new Timeline().s('SYSTEM_EVENT', { SystemEventID: 3 }, { t: 1 }).events[0]!;
    for (let i = 0; i < 4096; i++) checker.push(again(template, { session: sessionNo(i) }));
    expect(checker.footprint().scopes).toBe(4096);
    checker.pushAll(new Timeline().c('HEARTBEAT_REQ', { InvokeID: 10 }, { t: 10 }).events);
    const result = checker.finish();
    expect(findingsOf(result, 'SESSION-NOT-RESET').map((f) => f.message)).toEqual([expect.stringMatching(/^HEARTBEAT_REQ .* after CLOSE_CONF received/)]);
  });

  it('sessions ended while a reset was due: the 4096 most recent are remembered', () => {
    const t = new Timeline().c('CLOSE_REQ', { InvokeID: 9, Status: 0 }, { t: 0 }).s('CLOSE_CONF', { InvokeID: 9 }, { t: 0.1 });
    const [req, conf] = t.events;
    const events: TimelineEvent[] = [];
    for (let i = 0; i < 4097; i++) events.push(again(req!, { session: sessionNo(i) }), again(conf!, { session: sessionNo(i) }));
    // Another session's traffic 40 s later, up to the sweep at the 16,384th message: every closed session is ended.
    const other = new Timeline('10.200.0.1:50000-10.1.1.2:42027#1').s('SYSTEM_EVENT', { SystemEventID: 3 }).events[0]!;
    while (events.length < 16_384) events.push(again(other, { t: 40 + events.length * 1e-6 }));
    // The clients of the first two speak again.
    const beat = new Timeline().c('HEARTBEAT_REQ', { InvokeID: 10 }).events[0]!;
    for (const i of [0, 1]) events.push(again(beat, { session: sessionNo(i), t: 60 }));
    const result = checkTimeline(events);
    expect(findingsOf(result, 'SESSION-NOT-RESET').map((f) => f.at.session)).toEqual([sessionNo(1)]);
  });
});

describe('sessions that lost bytes: the 10,000 most recent are remembered (checker.ts MAX_DAMAGED)', () => {
  it('of 10,001 sessions damaged before their first message, the first is forgotten: its findings a gap could explain are reported again', () => {
    const events: TimelineEvent[] = [];
    for (let i = 0; i < 10_001; i++) events.push(gap(sessionNo(i)));
    // Sessions 0 and 1 open, and get a confirmation for no request (held: a gap could explain it).
    const t = new Timeline().open().s('HOLD_CALL_CONF', { InvokeID: 99 });
    for (const i of [0, 1]) for (const e of t.events) events.push(again(e, { session: sessionNo(i) }));
    const result = checkTimeline(events);
    expect(findingsOf(result, 'REQUEST-CONF-UNMATCHED').map((f) => f.at.session), describeFindings(result)).toEqual([sessionNo(0)]);
  });
});

/** `template` for call `callId` (CallID, or the field named). */
function forCall(template: TimelineEvent, callId: number, change: { session?: string | null; t?: number } = {}, field = 'CallID'): TimelineMessage {
  const e = again(template, change);
  return { ...e, message: { ...e.message, fields: { ...e.message.fields, [field]: callId } } };
}

const deliveredAt = (id: number, device = '2006'): Record<string, unknown> => ({ CallID: id, ConnectionDeviceID: device, AlertingDeviceID: device, CalledDeviceID: device, LocalConnectionState: 2 });
const establishedAt = (id: number, device = '2006'): Record<string, unknown> => ({ CallID: id, ConnectionDeviceID: device, AnsweringDeviceID: device, CalledDeviceID: device, LocalConnectionState: 3 });

describe('calls: the tables of a scope stay at their bounds (calls.ts)', () => {
  const delivered = new Timeline().s('CALL_DELIVERED_EVENT', deliveredAt(0)).events[0]!;
  const ended = new Timeline().s('END_CALL_EVENT', { CallID: 0, ConnectionDeviceID: '' }).events[0]!;

  it('a session follows 2048 live calls: the least recently active goes first', () => {
    const run = (n: number, thenCall: number): ReturnType<Checker['finish']> & { live: number } => {
      const checker = new Checker();
      const t = new Timeline().open().s('CALL_ESTABLISHED_EVENT', establishedAt(1)).s('CALL_ESTABLISHED_EVENT', establishedAt(2));
      checker.pushAll(t.events);
      for (let i = 0; i < n; i++) checker.push(forCall(delivered, 10_000 + i));
      const live = checker.footprint().liveCalls;
      // A delivery after the establishment is an error, for a call still followed.
      checker.push(forCall(delivered, thenCall));
      return { ...checker.finish(), live };
    };
    const afterEstablished = (r: ReturnType<Checker['finish']>): number => findingsOf(r, 'CALL-DELIVERED-AFTER-ESTABLISHED').length;
    // Calls 1 and 2, then 2046 others: all followed; 2047 others: call 1 is forgotten, call 2 is not.
    expect([afterEstablished(run(2046, 1)), afterEstablished(run(2047, 1)), afterEstablished(run(2047, 2))]).toEqual([1, 0, 1]);
    expect(run(10_000, 1).live).toBe(2048);
  });

  it('a session remembers 512 ended CallIDs; an agent-mode session 32 live and 32 ended calls and 8 agents', () => {
    const checker = new Checker();
    checker.pushAll(new Timeline().open().events);
    for (let i = 0; i < 600; i++) checker.push(forCall(ended, 10_000 + i));
    expect(checker.footprint().endedCalls).toBe(512);

    const agentMode = new Checker();
    agentMode.pushAll(new Timeline().open({ ServicesRequested: AGENT_SERVICES, ClientID: 'desktop', AgentExtension: '2006', AgentInstrument: '2006', AgentID: 'agt2006' }).events);
    const agent = new Timeline().s('AGENT_STATE_EVENT', { AgentState: 4, AgentID: 'agt0', AgentExtension: '4000' }).events[0] as TimelineMessage;
    for (let i = 0; i < 100; i++) {
      agentMode.push(forCall(delivered, 10_000 + i));
      agentMode.push(forCall(ended, 20_000 + i));
      agentMode.push({ ...agent, message: { ...agent.message, fields: { ...agent.message.fields, AgentID: `agt${i}` } } });
    }
    expect(agentMode.footprint()).toMatchObject({ liveCalls: 32, endedCalls: 32, agents: 8 });
  });

  it('a MIVR log follows 20,000 live calls, 4096 ended CallIDs and 20,000 agents', () => {
    const checker = new Checker();
    const agent = again(new Timeline().s('AGENT_STATE_EVENT', { AgentState: 4, AgentID: 'agt0', AgentExtension: '4000' }).events[0]!, { session: null });
    for (let i = 0; i < 20_001; i++) {
      checker.push(forCall(delivered, 100_000 + i, { session: null }));
      checker.push({ ...agent, message: { ...agent.message, fields: { ...agent.message.fields, AgentID: `agt${i}` } } });
    }
    expect(checker.footprint()).toMatchObject({ liveCalls: 20_000, agents: 20_000 });
    for (let i = 0; i < 4097; i++) checker.push(forCall(ended, 200_000 + i, { session: null }));
    expect(checker.footprint().endedCalls).toBe(4096);
  });

  it('a call has at most 32 connections', () => {
    const t = new Timeline().open();
    for (let i = 0; i < 40; i++) t.s('CALL_DELIVERED_EVENT', deliveredAt(5, String(3000 + i)), { dt: 0.001 });
    t.s('CALL_CLEARED_EVENT', { CallID: 5, LocalConnectionState: 0 });
    const [finding] = findingsOf(runCheck(t), 'CALL-CLEARED-WITH-CONNECTIONS');
    const devices = /connection\(s\) at (.*) were never cleared/.exec(finding!.message)![1]!.split(', ');
    expect(devices).toEqual(Array.from({ length: 32 }, (_, i) => String(3000 + i)));
  });

  it('a call of a MIVR log remembers 64 distinct events to recognise the copies of one message', () => {
    /** `fillers` distinct events of call 5, then DELIVERED, ESTABLISHED and a copy of DELIVERED at 2006. */
    const copyAfter = (fillers: number): number => {
      const t = new Timeline(null);
      for (let i = 0; i < fillers; i++) t.s('CALL_DEQUEUED_EVENT', { CallID: 5, ConnectionDeviceID: `q${i}` }, { dt: 0.001 });
      t.s('CALL_DELIVERED_EVENT', deliveredAt(5)).s('CALL_ESTABLISHED_EVENT', establishedAt(5)).s('CALL_DELIVERED_EVENT', deliveredAt(5));
      return findingsOf(runCheck(scenario(t.asLog())), 'CALL-DELIVERED-AFTER-ESTABLISHED').length;
    };
    // The DELIVERED is the 64th event remembered: its copy is known; the 65th is not remembered.
    expect([copyAfter(63), copyAfter(64)]).toEqual([0, 1]);
  });

  it('calls without events for an hour are forgotten (looked for every 4096 call events)', () => {
    const checker = new Checker();
    checker.pushAll(new Timeline().open().s('CALL_DELIVERED_EVENT', deliveredAt(1)).events);
    // An hour later, call events of calls that end: the 4096th call event of the session looks.
    for (let i = 0; i < 4094; i++) checker.push(forCall(ended, 10_000 + i, { t: 3601 }));
    expect(checker.footprint().liveCalls).toBe(1);
    checker.push(forCall(ended, 20_000, { t: 3601 }));
    expect(checker.footprint().liveCalls).toBe(0);
  });
});

const calls_ = (from: number, n: number): number[] => Array.from({ length: n }, (_, i) => from + i);

describe('reservation answers waiting for the clearing: at most 1024 per scope (outbound.ts MAX_PENDING)', () => {
  const accept = new Timeline().c('SET_CALL_DATA_REQ', { InvokeID: 3, CallID: 0, CallType: 18, ConnectionDeviceID: '4020', NamedVariable: [{ VariableName: 'BAResponse', VariableValue: 'Accept' }] }).events[0]!;
  /** Accepts of the calls `ids` (none ever cleared), then a message 20 s later: the windows closed. */
  function notCleared(ids: readonly number[]): ReturnType<typeof checkTimeline> {
    const events: TimelineEvent[] = [...new Timeline().open().events];
    ids.forEach((id, i) => events.push(forCall(accept, id, { t: 1 + i * 1e-5 })));
    events.push(...new Timeline().s('SYSTEM_EVENT', { SystemEventID: 3 }, { t: 30 }).events);
    return checkTimeline(events);
  }

  it('of 1025 reservation calls answered, the oldest answer is forgotten', () => {
    const result = notCleared(calls_(10_000, 1025));
    expect(result.byRule.get('OUTBOUND-RESERVATION-NOT-CLEARED')).toBe(1024);
    expect(findingsOf(result, 'OUTBOUND-RESERVATION-NOT-CLEARED')[0]!.call).toBe(10_001);
    expect(notCleared(calls_(10_000, 1024)).byRule.get('OUTBOUND-RESERVATION-NOT-CLEARED')).toBe(1024);
  });

  it('answers given again for the same calls do not let more than 1024 wait, with the rule off or without times', () => {
    // The rule drops stale answers as it goes; without it (or without times) only the tracker's bound holds.
    const tracker = new OutboundTracker();
    const calls = new CallTable('session');
    const answer = (callId: number): MessageView =>
      ({ type: 'SET_CALL_DATA_REQ', direction: 'client-to-server', fields: { CallID: callId, NamedVariable: [{ VariableName: 'BAResponse', VariableValue: 'Accept' }] }, timeMs: undefined, ref: { index: 0, type: 'SET_CALL_DATA_REQ' } }) as unknown as MessageView;
    // 1024 calls answered twice each, then 100 more calls: the first 100 calls' answers go.
    for (const id of [...calls_(10_000, 1024), ...calls_(10_000, 1024), ...calls_(20_000, 100)]) tracker.apply(answer(id), calls);
    expect(tracker.size).toBe(1024);
    expect([tracker.pendingFor(10_099), tracker.pendingFor(10_100)?.callId]).toEqual([undefined, 10_100]);
    // One call answered 10,000 times: the deadline queue does not keep every stale answer.
    const oneCall = new OutboundTracker();
    for (let i = 0; i < 10_000; i++) oneCall.apply(answer(5), calls);
    expect(oneCall.size).toBe(1);
    expect(oneCall.queued).toBeLessThanOrEqual(2 * 1024);
  });
});

describe('heartbeats: the 32 most recent are kept, the oldest judged as it leaves (heartbeat.ts HEARTBEAT_RING)', () => {
  /** HEARTBEAT_REQ 100 unconfirmed, `later` heartbeats confirmed, then the HEARTBEAT_CONF of 100: what is said of 100. */
  function lateConfirmation(later: number): string[] {
    const t = new Timeline().open({ IdleTimeout: 40 }).heartbeats(1 + later, 10, 100, (i) => i !== 0);
    t.s('HEARTBEAT_CONF', { InvokeID: 100 }, { dt: 0.01 });
    return findingsOf(runCheck(t), 'SESSION-HEARTBEAT-MISSED').map((f) => f.message);
  }

  it('a confirmation that comes while 31 later heartbeats were sent still confirms it (late); after 32 it has left', () => {
    expect(lateConfirmation(31)).toEqual([expect.stringMatching(/^HEARTBEAT_CONF for InvokeID 100 came .* after the next HEARTBEAT_REQ$/)]);
    expect(lateConfirmation(32)).toEqual(['HEARTBEAT_REQ (InvokeID 100) was never confirmed, and the client sent the next HEARTBEAT_REQ']);
  });
});

describe('findings kept per rule: 1000 by default (findings.ts DEFAULT_MAX_FINDINGS_PER_RULE)', () => {
  it('of 1001 findings of one rule, 1000 are kept and one is counted as left out', () => {
    const template = new Timeline().s('HEARTBEAT_REQ', { InvokeID: 1 }).events[0]!;
    const result = (n: number): ReturnType<typeof checkTimeline> => checkTimeline(Array.from({ length: n }, (_, i) => again(template, { t: i * 0.001 })));
    const all = result(1000);
    expect([findingsOf(all, 'SESSION-SERVER-HEARTBEAT').length, all.omitted]).toEqual([1000, 0]);
    const more = result(1001);
    expect([findingsOf(more, 'SESSION-SERVER-HEARTBEAT').length, more.omitted, more.byRule.get('SESSION-SERVER-HEARTBEAT')]).toEqual([1000, 1, 1001]);
  });
});
