/**
 * What captures and logs do to a timeline: gaps that hold one direction back, mid-stream
 * starts, log copies of one message per client; and the model's memory bounds.
 */
import { describe, expect, it } from 'vitest';
import { Checker } from '../../src/check/checker.js';
import type { InputDiagnostic, TimelineEvent, TimelineMessage } from '../../src/timeline/types.js';
import { decode } from '../../src/protocol/codec/decode.js';
import { AGENT_SERVICES, bytesOf, describeFindings, errorRules, findingsOf, runCheck, scenario, SESSION, Timeline } from './support.js';

function gap(session = SESSION, direction: 'client-to-server' | 'server-to-client' = 'server-to-client'): InputDiagnostic {
  return { kind: 'diagnostic', severity: 'warning', code: 'STREAM_GAP', message: '87 bytes of the stream missing', session, direction, source: { file: 'test.pcap' } };
}

/** Moves the message at `from` to the end of the timeline (held back by a gap), after a gap diagnostic. */
function holdBack(events: TimelineEvent[], from: number): TimelineEvent[] {
  const held = events[from]!;
  return [...events.slice(0, from), ...events.slice(from + 1), gap(), held];
}

describe('a gap holds one direction back', () => {
  it('a HEARTBEAT_CONF released late but sent in time is no missed heartbeat', () => {
    const t = new Timeline().open({ IdleTimeout: 40 }).heartbeats(4, 10);
    const conf = t.events.findIndex((e) => e.kind === 'message' && e.message.type === 'HEARTBEAT_CONF');
    const result = runCheck(scenario(holdBack(t.events, conf)));
    expect(findingsOf(result, 'SESSION-HEARTBEAT-MISSED'), describeFindings(result)).toEqual([]);
    expect(errorRules(result)).toEqual([]);
  });

  it('a HEARTBEAT_CONF that never came is reported, unless the input lost bytes after its request', () => {
    const lost = new Timeline().open({ IdleTimeout: 40 }).heartbeats(3, 10, 100, (i) => i !== 0);
    expect(findingsOf(runCheck(lost), 'SESSION-HEARTBEAT-MISSED')).toHaveLength(1);
    expect(findingsOf(runCheck(scenario([...lost.events, gap()])), 'SESSION-HEARTBEAT-MISSED')).toEqual([]);
  });

  it('a request released after its confirmation is answered, and neither is unmatched', () => {
    const t = new Timeline().open().c('HOLD_CALL_REQ', { InvokeID: 7, CallID: 5, ConnectionDeviceID: '2006' }).s('HOLD_CALL_CONF', { InvokeID: 7 }).s('SYSTEM_EVENT', { SystemEventID: 3 }, { dt: 20 });
    const req = t.events.findIndex((e) => e.kind === 'message' && e.message.type === 'HOLD_CALL_REQ');
    const result = runCheck(scenario(holdBack(t.events, req)));
    expect(errorRules(result), describeFindings(result)).toEqual([]);
  });

  it('configuration answers ahead of their requests are not reported when the session lost bytes', () => {
    const t = new Timeline().open().s('CONFIG_KEY_EVENT', { Status: 0 }).s('TEAM_CONFIG_EVENT', { TeamID: 1, Operation: 1, TeamName: 't' });
    expect(findingsOf(runCheck(t), 'CONFIG-KEYS-UNREQUESTED')).toHaveLength(1);
    const damaged = runCheck(scenario([...t.events, gap(SESSION, 'client-to-server')]));
    expect(findingsOf(damaged, 'CONFIG-KEYS-UNREQUESTED')).toEqual([]);
    expect(findingsOf(damaged, 'CONFIG-TEAM-EVENT-UNREQUESTED')).toEqual([]);
  });

  it('an agent transition across a gap is not judged', () => {
    const t = new Timeline().open().s('AGENT_STATE_EVENT', { AgentState: 4, AgentID: 'agt2006', AgentExtension: '2006' });
    const after = new Timeline().s('AGENT_STATE_EVENT', { AgentState: 8, AgentID: 'agt2006', AgentExtension: '2006' });
    const events = [...t.events, gap(), ...after.events.map((e, i) => ({ ...(e as TimelineMessage), source: { file: 'test.pcap', frame: 100 + i } }))];
    expect(findingsOf(runCheck(scenario(events)), 'AGENT-STATE-TRANSITION')).toEqual([]);
    expect(findingsOf(runCheck(scenario([...t.events, ...after.events])), 'AGENT-STATE-TRANSITION')).toHaveLength(1);
  });
});

describe('MIVR logs', () => {
  it('copies of one message (one per client) do not break the call rules', () => {
    const t = new Timeline(null);
    const delivered = { CallID: 5, ConnectionDeviceID: '2006', AlertingDeviceID: '2006', CalledDeviceID: '2006', LocalConnectionState: 2 };
    const established = { CallID: 5, ConnectionDeviceID: '2006', AnsweringDeviceID: '2006', CalledDeviceID: '2006', LocalConnectionState: 3 };
    // Written to the bridge client, then to the agent's client: the agent's copy of DELIVERED comes after the bridge's ESTABLISHED.
    t.s('CALL_DELIVERED_EVENT', delivered).s('CALL_ESTABLISHED_EVENT', established).s('CALL_DELIVERED_EVENT', delivered).s('CALL_ESTABLISHED_EVENT', established);
    const result = runCheck(scenario(t.asLog()));
    expect(errorRules(result), describeFindings(result)).toEqual([]);
  });

  it('a real second delivery after the establishment is still reported', () => {
    const t = new Timeline(null)
      .s('CALL_ESTABLISHED_EVENT', { CallID: 5, ConnectionDeviceID: '2006', AnsweringDeviceID: '2006', CalledDeviceID: '2006', LocalConnectionState: 3 })
      .s('CALL_DELIVERED_EVENT', { CallID: 5, ConnectionDeviceID: '2006', AlertingDeviceID: '2006', CalledDeviceID: '2006', LocalConnectionState: 2 });
    expect(errorRules(runCheck(scenario(t.asLog())))).toEqual(['CALL-DELIVERED-AFTER-ESTABLISHED']);
  });

  it('rules that need a session skip log messages', () => {
    const t = new Timeline(null).c('HOLD_CALL_REQ', { InvokeID: 7, CallID: 5, ConnectionDeviceID: '2006' }).s('HOLD_CALL_CONF', { InvokeID: 99 }).s('SYSTEM_EVENT', { SystemEventID: 3 }, { dt: 30 });
    const result = runCheck(scenario(t.asLog()));
    expect(result.findings.filter((f) => f.rule.startsWith('REQUEST-'))).toEqual([]);
    expect(result.sessions).toBe(0);
  });
});

describe('LOG-INCOMPLETE', () => {
  const note = (code: string, message: string): InputDiagnostic => ({ kind: 'diagnostic', severity: 'warning', code, message, source: { file: 'MIVR01.log', line: 1 } });
  const log = (): TimelineEvent[] => new Timeline(null).s('HEARTBEAT_CONF', { InvokeID: 3 }).events;

  it('is not said of a log read whole: a time zone assumed, rotated files that overlap', () => {
    for (const d of [note('MIVR_UNKNOWN_TZ', 'unknown time zone "QQQ"; UTC assumed (use the tz option)'), note('MIVR_SET_OVERLAP', 'first record of MIVR02.log is older than the last record of MIVR01.log: the files overlap')]) {
      expect(findingsOf(runCheck(scenario([d, ...log()])), 'LOG-INCOMPLETE'), d.code).toEqual([]);
    }
  });

  it("points at the file's first message after the damage's line, though the reader said it before the messages around it", () => {
    // Lines 3, 6, 9, 12 (test/check/support.ts: line = frame × 3); the damage at line 7.
    const t = new Timeline(null).s('HEARTBEAT_CONF', { InvokeID: 1 }).s('HEARTBEAT_CONF', { InvokeID: 2 }).s('HEARTBEAT_CONF', { InvokeID: 3 }).s('HEARTBEAT_CONF', { InvokeID: 4 });
    const lines = t.events.map((e) => e.source.line);
    expect(lines).toEqual([3, 6, 9, 12]);
    const damage: InputDiagnostic = { ...note('MIVR_MALFORMED_HEADER', 'line looks like a record header but has a bad minute'), source: { file: 'MIVR01.log', line: 7 } };
    const [finding] = findingsOf(runCheck(scenario([damage, ...t.events])), 'LOG-INCOMPLETE');
    expect(finding?.at.source.line).toBe(9);
    // Only messages before it: the last of them.
    const [before] = findingsOf(runCheck(scenario([damage, ...t.events.slice(0, 2)])), 'LOG-INCOMPLETE');
    expect(before?.at.source.line).toBe(6);
  });

  it('is said of a trace or a record that could not be read', () => {
    for (const d of [note('LOG_DUMP_NOT_DECODED', 'low-level dump not decoded'), note('MIVR_MALFORMED_HEADER', 'line looks like a record header but has a bad time')]) {
      expect(findingsOf(runCheck(scenario([d, ...log()])), 'LOG-INCOMPLETE'), d.code).toHaveLength(1);
    }
  });
});

describe('memory stays bounded', () => {
  it('ended calls leave nothing but a bounded tombstone; sessions silent for 10 minutes are ended', () => {
    const checker = new Checker();
    const t = new Timeline().open();
    for (let i = 0; i < 3000; i++) {
      const id = 1_000_000 + i;
      t.s('BEGIN_CALL_EVENT', { CallID: id, ConnectionDeviceID: '2006' }, { dt: 0.01 })
        .s('CALL_DELIVERED_EVENT', { CallID: id, ConnectionDeviceID: '2006', AlertingDeviceID: '2006', CalledDeviceID: '2006', LocalConnectionState: 2 }, { dt: 0.01 })
        .s('CALL_CLEARED_EVENT', { CallID: id, LocalConnectionState: 0 }, { dt: 0.01 })
        .s('END_CALL_EVENT', { CallID: id, ConnectionDeviceID: '' }, { dt: 0.01 });
    }
    checker.pushAll(t.events);
    const fp = checker.footprint();
    expect(fp.liveCalls).toBe(0);
    expect(fp.endedCalls).toBeLessThanOrEqual(512);
    // 10 minutes later, another session's traffic: the first session is ended and dropped.
    const later = new Timeline('10.1.1.6:50000-10.1.1.2:42027#1');
    for (let i = 0; i < 8200; i++) later.s('SYSTEM_EVENT', { SystemEventID: 3 }, { t: 700 + i * 0.01 });
    checker.pushAll(later.events);
    expect(checker.footprint().scopes).toBe(1);
    const result = checker.finish();
    expect(result.counts.errors, describeFindings(result)).toBe(0);
  });

  it('calls that never end are capped per session', () => {
    const checker = new Checker();
    const t = new Timeline().open();
    for (let i = 0; i < 5000; i++) t.s('CALL_DELIVERED_EVENT', { CallID: 2_000_000 + i, ConnectionDeviceID: '2006', AlertingDeviceID: '2006', CalledDeviceID: '2006', LocalConnectionState: 2 }, { dt: 0.01 });
    checker.pushAll(t.events);
    expect(checker.footprint().liveCalls).toBeLessThanOrEqual(2048);
  });

  it('an agent-mode session keeps a few calls, ended calls and agents: its client sees one agent', () => {
    const checker = new Checker();
    const t = new Timeline().open({ ServicesRequested: AGENT_SERVICES, ClientID: 'desktop', AgentExtension: '2006', AgentInstrument: '2006', AgentID: 'agt2006' });
    for (let i = 0; i < 500; i++) {
      const id = 3_000_000 + i;
      t.s('CALL_DELIVERED_EVENT', { CallID: id, ConnectionDeviceID: '2006', AlertingDeviceID: '2006', CalledDeviceID: '2006', LocalConnectionState: 2 }, { dt: 0.01 })
        .s('AGENT_STATE_EVENT', { AgentState: 4, AgentID: `agt${4000 + i}`, AgentExtension: String(4000 + i) }, { dt: 0.01 });
      if (i % 2 === 0) t.s('END_CALL_EVENT', { CallID: id - 1, ConnectionDeviceID: '' }, { dt: 0.01 });
    }
    checker.pushAll(t.events);
    const fp = checker.footprint();
    expect(fp.liveCalls).toBeLessThanOrEqual(32);
    expect(fp.endedCalls).toBeLessThanOrEqual(32);
    expect(fp.agents).toBeLessThanOrEqual(8);
  });

  it('a session closed by CLOSE_CONF is ended once silent for 30 s; a client that speaks on it again is still told to reset', () => {
    const checker = new Checker();
    checker.pushAll(new Timeline().open().c('CLOSE_REQ', { InvokeID: 9, Status: 0 }).s('CLOSE_CONF', { InvokeID: 9 }).events);
    // Another session's traffic, 40 s later and long enough for a sweep (every 8192 messages).
    const other = new Timeline('10.1.1.6:50000-10.1.1.2:42027#1');
    for (let i = 0; i < 8200; i++) other.s('SYSTEM_EVENT', { SystemEventID: 3 }, { t: 40 + i * 0.001 });
    checker.pushAll(other.events);
    expect(checker.footprint().scopes).toBe(1);
    // The closed session's client sends again: it did not reset its TCP connection.
    checker.pushAll(new Timeline().c('HEARTBEAT_REQ', { InvokeID: 10 }, { t: 60 }).events);
    const result = checker.finish();
    expect(findingsOf(result, 'SESSION-NOT-RESET').map((f) => f.message)).toEqual([expect.stringMatching(/^HEARTBEAT_REQ .* after CLOSE_CONF received/)]);
  });

  it('a session still open is not ended by 30 s of silence', () => {
    const checker = new Checker();
    checker.pushAll(new Timeline().open().events);
    const other = new Timeline('10.1.1.6:50000-10.1.1.2:42027#1');
    for (let i = 0; i < 8200; i++) other.s('SYSTEM_EVENT', { SystemEventID: 3 }, { t: 40 + i * 0.001 });
    checker.pushAll(other.events);
    expect(checker.footprint().scopes).toBe(2);
  });
});

/**
 * A message the capture cut short (snapshot length, a gap, the end of the capture) is decoded
 * as far as its bytes go; a field beyond the cut is unknown, not absent, so only the framing
 * rules judge it and the model does not take it in.
 */
describe('a message the capture cut short', () => {
  /**
   * The events of `t`, the OPEN_REQ cut after `kept` bytes as a capture's snapshot length cuts
   * it: decoded as the framer does, then the gap (`flagged` false: the same message taken as
   * whole, no gap — the premise of each test).
   */
  function cutOpen(t: Timeline, kept: number, flagged = true): TimelineEvent[] {
    return t.events.flatMap((e) => {
      if (e.kind !== 'message' || e.message.type !== 'OPEN_REQ') return [e];
      const whole = bytesOf('OPEN_REQ', e.message.fields, 13);
      const cut = new Uint8Array(whole.length);
      cut.set(whole.subarray(0, kept));
      const m: TimelineMessage = { ...e, message: decode(cut, { version: 13, missing: [{ offset: kept, length: whole.length - kept }] }), ...(flagged ? { capturedLength: kept } : {}) };
      return flagged ? [m, gap(SESSION, 'client-to-server')] : [m];
    });
  }

  it('an agent-mode OPEN_REQ cut before its agent fields: no SESSION-AGENT-MODE-IDENTITY', () => {
    const t = new Timeline().open({ ServicesRequested: AGENT_SERVICES, AgentID: 'agt2006', AgentExtension: '2006', AgentInstrument: '2006' });
    expect(findingsOf(runCheck(t), 'SESSION-AGENT-MODE-IDENTITY')).toEqual([]);
    // The premise: the same message taken as whole (no capturedLength) reads as agent mode without an agent.
    expect(findingsOf(runCheck(scenario(cutOpen(t, 50, false))), 'SESSION-AGENT-MODE-IDENTITY')).toHaveLength(1);
    const r = runCheck(scenario(cutOpen(t, 50)));
    expect(r.findings.map((f) => f.rule)).toEqual(['CAPTURE-INCOMPLETE']);
  });

  it('an OPEN_REQ cut before its masks: the events that follow are not judged against masks it did not show', () => {
    const t = new Timeline().open().s('BEGIN_CALL_EVENT', { CallID: 5, ConnectionDeviceID: '2006' }).s('CALL_DELIVERED_EVENT', { CallID: 5, ConnectionDeviceID: '2006' });
    expect(errorRules(runCheck(t))).toEqual([]);
    expect(findingsOf(runCheck(scenario(cutOpen(t, 20, false))), 'SESSION-EVENT-MASKED').length).toBeGreaterThan(0);
    expect(findingsOf(runCheck(scenario(cutOpen(t, 20))), 'SESSION-EVENT-MASKED')).toEqual([]);
  });

  it('its missing bytes are no FRAME-BYTES-MISSING (CAPTURE-INCOMPLETE says them once per session); other framing rules still judge it', () => {
    const t = new Timeline().open();
    const r = runCheck(scenario(cutOpen(t, 20)));
    expect(findingsOf(r, 'FRAME-BYTES-MISSING')).toEqual([]);
    const asWhole = runCheck(scenario(cutOpen(t, 20, false)));
    expect(findingsOf(asWhole, 'FRAME-BYTES-MISSING')).toHaveLength(1);
    // A client message from the server is judged whatever its length.
    const wrong = new Timeline().open().s('CLOSE_REQ', { InvokeID: 9 });
    const cutWrong = wrong.events.map((e) => (e.kind === 'message' && e.message.type === 'CLOSE_REQ' ? { ...e, capturedLength: 10 } : e));
    expect(findingsOf(runCheck(scenario(cutWrong)), 'MSG-WRONG-DIRECTION')).toHaveLength(1);
  });
});

describe('a message the end of the capture cut short (no gap follows it)', () => {
  /** `t`'s last message cut after `kept` bytes, as a capture that stops inside it gives it: no gap after it. */
  function cutLast(t: Timeline, kept: number): TimelineEvent[] {
    const last = t.events[t.events.length - 1] as TimelineMessage;
    const whole = bytesOf(last.message.type, last.message.fields, 13);
    const cut = new Uint8Array(whole.length);
    cut.set(whole.subarray(0, kept));
    const m: TimelineMessage = { ...last, message: decode(cut, { version: 13, missing: [{ offset: kept, length: whole.length - kept }] }), capturedLength: kept };
    return [...t.events.slice(0, -1), m];
  }

  it('is said by CAPTURE-INCOMPLETE, at the message (a report that reads clean is wrong: the message is not whole)', () => {
    const t = new Timeline().open().s('BEGIN_CALL_EVENT', { CallID: 5, CallType: 1, ConnectionDeviceID: '2006' });
    expect(runCheck(t).findings).toEqual([]);
    const r = runCheck(scenario(cutLast(t, 20)));
    expect(r.findings.map((f) => f.rule), describeFindings(r)).toEqual(['CAPTURE-INCOMPLETE']);
    expect(r.findings[0]!.at.index).toBe(2);
    expect(r.findings[0]!.message).toMatch(/^the capture ends inside this session's BEGIN_CALL_EVENT \(20 of its \d+ bytes captured\) at test\.pcap frame 3 \(server-to-client\)/);
  });

  it('findings the loss could explain are not reported, as after a gap', () => {
    // The server's HEARTBEAT_CONF is the last of its direction and cut short; the client's next HEARTBEAT_REQ follows it.
    const t = new Timeline().open({ IdleTimeout: 40 }).c('HEARTBEAT_REQ', { InvokeID: 100 }, { dt: 10 }).s('HEARTBEAT_CONF', { InvokeID: 100 }, { dt: 0.01 });
    const events = [...cutLast(t, 10), ...new Timeline().c('HEARTBEAT_REQ', { InvokeID: 101 }, { t: 20 }).events];
    // The premise: the same CONF missing altogether (no loss said) is a missed heartbeat.
    expect(findingsOf(runCheck(scenario([...t.events.slice(0, -1), events[events.length - 1]!])), 'SESSION-HEARTBEAT-MISSED')).toHaveLength(1);
    const r = runCheck(scenario(events));
    expect(r.findings.map((f) => f.rule), describeFindings(r)).toEqual(['CAPTURE-INCOMPLETE']);
  });
});

describe('CAPTURE-INCOMPLETE is said of bytes lost, not of every warning about a stream', () => {
  it('a retransmission that disagreed (the first copy kept) loses nothing: no finding; a gap does', () => {
    const overlap: InputDiagnostic = { kind: 'diagnostic', severity: 'warning', code: 'TCP_OVERLAP_MISMATCH', message: 'a retransmitted segment disagrees with the first copy (kept)', session: SESSION, direction: 'client-to-server', source: { file: 'test.pcap', frame: 7 } };
    const t = new Timeline().open().c('HEARTBEAT_REQ', { InvokeID: 2 }).s('HEARTBEAT_CONF', { InvokeID: 2 });
    const [first, ...rest] = t.events;
    expect(findingsOf(runCheck(scenario([first!, overlap, ...rest])), 'CAPTURE-INCOMPLETE')).toEqual([]);
    expect(findingsOf(runCheck(scenario([first!, gap(SESSION, 'client-to-server'), ...rest])), 'CAPTURE-INCOMPLETE')).toHaveLength(1);
  });
});
