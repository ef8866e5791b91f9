/**
 * Manual mutation testing, fourth round (docs/test-gaps.md): the checker's model — bounded
 * maps, heartbeats, requests, clients, sessions — and its session sweeps, against the
 * limits and decisions of docs/conformance.md.
 */
import { describe, expect, it } from 'vitest';
import { Checker, checkTimeline } from '../../src/check/checker.js';
import { BoundedMap } from '../../src/check/model/bounded-map.js';
import type { InputDiagnostic, TimelineEvent } from '../../src/timeline/types.js';
import { describeFindings, findingsOf, runCheck, scenario, SESSION, summaryWithSyn, Timeline } from './support.js';

describe('BoundedMap', () => {
  it('setting a key again makes it the most recently set', () => {
    const evicted: number[] = [];
    const m = new BoundedMap<number, string>(3, (k) => evicted.push(k));
    m.set(1, 'a');
    m.set(2, 'b');
    m.set(3, 'c');
    m.set(1, 'a2');
    m.set(4, 'd');
    expect(evicted).toEqual([2]);
    expect([...m.entries()]).toEqual([
      [3, 'c'],
      [1, 'a2'],
      [4, 'd'],
    ]);
  });
});

/** Heartbeats `gaps` seconds apart (the first 10 s after the open), each confirmed 10 ms later. */
function heartbeatGaps(gaps: readonly number[]): Timeline {
  const t = new Timeline().open({ IdleTimeout: 119 }).c('HEARTBEAT_REQ', { InvokeID: 100 }, { t: 10 }).s('HEARTBEAT_CONF', { InvokeID: 100 }, { dt: 0.01 });
  gaps.forEach((g, i) => t.c('HEARTBEAT_REQ', { InvokeID: 101 + i }, { dt: g - 0.01 }).s('HEARTBEAT_CONF', { InvokeID: 101 + i }, { dt: 0.01 }));
  return t;
}

const intervalMax = (gaps: readonly number[]): number => findingsOf(runCheck(heartbeatGaps(gaps)), 'SESSION-HEARTBEAT-INTERVAL-MAX').length;

describe('heartbeat interval', () => {
  it('is the median of the first nine intervals: the ninth counts, the tenth and later do not', () => {
    // 4 x 10 s and 5 x 40 s: the median is 40 s (above 30 s); without the ninth it would be 10 s.
    expect(intervalMax([10, 10, 10, 10, 40, 40, 40, 40, 40])).toBe(1);
    expect(intervalMax([10, 10, 10, 10, 40, 40, 40, 40, 40, 10, 10, 10, 10, 10])).toBe(1);
    expect(intervalMax([10, 10, 10, 10, 40, 40, 40, 40, 10, 40, 40, 40])).toBe(0);
  });

  it('of an even number of intervals, the lower middle one is the median', () => {
    expect(intervalMax([10, 10, 40, 40])).toBe(0);
    expect(intervalMax([10, 40, 40, 40])).toBe(1);
  });
});

const ofRule = (t: Timeline, rule: string): string[] => findingsOf(runCheck(t), rule).map((f) => `#${f.at.index} ${f.message}`);

describe('heartbeat confirmations', () => {
  it('a HEARTBEAT_CONF answers the latest HEARTBEAT_REQ with its InvokeID', () => {
    // InvokeID 5 twice: the first never answered, the second answered at once.
    const t = new Timeline().open().c('HEARTBEAT_REQ', { InvokeID: 5 }, { t: 10 }).c('HEARTBEAT_REQ', { InvokeID: 5 }, { t: 20 }).s('HEARTBEAT_CONF', { InvokeID: 5 }, { t: 20.01 });
    t.c('HEARTBEAT_REQ', { InvokeID: 6 }, { t: 30 }).s('HEARTBEAT_CONF', { InvokeID: 6 }, { t: 30.01 });
    expect(ofRule(t, 'SESSION-HEARTBEAT-MISSED')).toEqual(['#2 HEARTBEAT_REQ (InvokeID 5) was never confirmed, and the client sent the next HEARTBEAT_REQ']);
  });

  it('a second HEARTBEAT_CONF for an answered heartbeat does not make it late', () => {
    const t = new Timeline().open().c('HEARTBEAT_REQ', { InvokeID: 100 }, { t: 10 }).s('HEARTBEAT_CONF', { InvokeID: 100 }, { t: 10.01 });
    t.c('HEARTBEAT_REQ', { InvokeID: 101 }, { t: 20 }).s('HEARTBEAT_CONF', { InvokeID: 101 }, { t: 20.01 }).s('HEARTBEAT_CONF', { InvokeID: 100 }, { t: 20.5 });
    t.c('HEARTBEAT_REQ', { InvokeID: 102 }, { t: 30 }).s('HEARTBEAT_CONF', { InvokeID: 102 }, { t: 30.01 });
    expect(ofRule(t, 'SESSION-HEARTBEAT-MISSED')).toEqual([]);
  });

  it('a run of unconfirmed heartbeats longer than the 32 kept is reported once', () => {
    const t = new Timeline().open();
    for (let i = 0; i < 80; i++) t.c('HEARTBEAT_REQ', { InvokeID: 100 + i }, { t: 10 + 10 * i });
    const result = runCheck(t);
    expect(findingsOf(result, 'SESSION-HEARTBEAT-UNANSWERED'), describeFindings(result)).toHaveLength(1);
  });
});

const hold = (invokeId: number): Record<string, unknown> => ({ InvokeID: invokeId, CallID: 5, ConnectionDeviceID: '2006' });

describe('request pairing memory', () => {
  it('the 64 most recently answered requests are remembered: a second answer to any of them is reported', () => {
    const t = new Timeline().open();
    // 65 requests answered: the first is the one forgotten, the second still known.
    for (let id = 1000; id < 1065; id++) t.c('HOLD_CALL_REQ', hold(id)).s('HOLD_CALL_CONF', { InvokeID: id });
    t.s('HOLD_CALL_CONF', { InvokeID: 1001 });
    const result = runCheck(t);
    expect(findingsOf(result, 'REQUEST-ANSWERED-TWICE').map((f) => f.at.index), describeFindings(result)).toEqual([2 + 130]);
  });

  it('confirmations released ahead of their requests (a capture gap) wait for them, several at once', () => {
    const t = new Timeline().open();
    for (let id = 1000; id < 1010; id++) t.s('HOLD_CALL_CONF', { InvokeID: id });
    const held = new Timeline();
    for (let id = 1000; id < 1010; id++) held.c('HOLD_CALL_REQ', hold(id), { t: 0.3 + (id - 1000) * 0.01 });
    const gap: InputDiagnostic = { kind: 'diagnostic', severity: 'warning', code: 'STREAM_GAP', message: 'bytes missing', session: SESSION, direction: 'client-to-server', source: { file: 'test.pcap' } };
    const end = new Timeline().s('SYSTEM_EVENT', { SystemEventID: 3 }, { t: 30 });
    const result = runCheck(scenario([...t.events, gap, ...held.events, ...end.events]));
    expect(result.findings.filter((f) => f.rule.startsWith('REQUEST-')), describeFindings(result)).toEqual([]);
  });
});

describe('request answers', () => {
  it('CONTROL_FAILURE_CONF answers any request, also one whose table names only FAILURE_CONF', () => {
    const t = new Timeline().open().c('SUPERVISOR_ASSIST_REQ', { InvokeID: 7 }).s('CONTROL_FAILURE_CONF', { InvokeID: 7, FailureCode: 1 }).s('SYSTEM_EVENT', { SystemEventID: 3 }, { dt: 20 });
    const result = runCheck(t);
    expect(result.findings.filter((f) => f.rule.startsWith('REQUEST-')), describeFindings(result)).toEqual([]);
  });
});

describe('request answers of the wrong type', () => {
  it('a confirmation of the wrong type for an outstanding request answers no later request either', () => {
    const t = new Timeline()
      .open()
      .c('HOLD_CALL_REQ', hold(7))
      .s('ANSWER_CALL_CONF', { InvokeID: 7 })
      .s('HOLD_CALL_CONF', { InvokeID: 7 })
      .c('ANSWER_CALL_REQ', hold(7))
      .s('SYSTEM_EVENT', { SystemEventID: 3 }, { dt: 20 });
    expect(ofRule(t, 'REQUEST-CONF-WRONG-TYPE')).toHaveLength(1);
    expect(ofRule(t, 'REQUEST-UNANSWERED')).toEqual(['#5 ANSWER_CALL_REQ (InvokeID 7) was never answered in the 20.0 s the session went on']);
  });
});

/** An OPEN_REQ rejected at 1 s, then another 2 s later on a new connection `session` (fields changed by `more`). */
function retry(session: string, more: Record<string, unknown> = {}): Timeline {
  const fields = { InvokeID: 1, VersionNumber: 13, IdleTimeout: 80, ServicesRequested: 0x10, ClientID: 'x', ClientSignature: 'sig' };
  return new Timeline().c('OPEN_REQ', fields, { t: 0 }).s('FAILURE_CONF', { InvokeID: 1, Status: 1 }, { t: 1 }).c('OPEN_REQ', { ...fields, ...more }, { t: 3, session });
}

describe('OPEN_REQ retries', () => {
  const soon = (t: Timeline): number => ofRule(t, 'SESSION-OPEN-RETRY-TOO-SOON').length;

  it('a retry is the same client (address and OPEN_REQ identity) to the same server, from any port', () => {
    expect(soon(retry('10.1.1.5:50999-10.1.1.2:42027#1'))).toBe(1);
    expect(soon(retry('10.1.1.5:50999-10.1.1.2:42027#1', { ClientID: 'y' }))).toBe(0);
    expect(soon(retry('10.1.1.5:50999-10.1.1.3:42027#1'))).toBe(0);
    expect(soon(retry('10.1.1.6:50999-10.1.1.2:42027#1'))).toBe(0);
  });
});

describe('session state', () => {
  it('at most 256 findings are held until the session ends', () => {
    const t = new Timeline().open();
    for (let id = 1000; id < 1300; id++) t.s('HOLD_CALL_CONF', { InvokeID: id });
    expect(ofRule(t, 'REQUEST-CONF-UNMATCHED')).toHaveLength(256);
  });

  it('only the OPEN_CONF with the OPEN_REQ InvokeID says what was granted and whether Unified CCX is online', () => {
    const t = new Timeline().open({}, { InvokeID: 2, UnifiedCCXOnline: false, ServicesGranted: 0 }).c('CONFIG_REQUEST_KEY_EVENT').s('CONFIG_KEY_EVENT', { Status: 0 });
    expect(ofRule(t, 'CONFIG-REQUEST-WHILE-OFFLINE')).toEqual([]);
    expect(ofRule(t, 'SESSION-CONFIG-WITHOUT-SERVICE')).toEqual([]);
    // The OPEN_CONF that answers: offline.
    expect(ofRule(new Timeline().open({}, { UnifiedCCXOnline: false }).c('CONFIG_REQUEST_KEY_EVENT'), 'CONFIG-REQUEST-WHILE-OFFLINE')).toHaveLength(1);
  });

  it('a FAILURE_CONF with the InvokeID of an OPEN_REQ already granted does not fail the session', () => {
    const t = new Timeline().open().s('FAILURE_CONF', { InvokeID: 1, Status: 1 }).c('HEARTBEAT_REQ', { InvokeID: 100 }, { dt: 5 }).s('HEARTBEAT_CONF', { InvokeID: 100 });
    expect(ofRule(t, 'SESSION-NOT-RESET')).toEqual([]);
  });

  it('the first reason to reset is the one reported', () => {
    const t = new Timeline().open().c('HEARTBEAT_REQ', { InvokeID: 100 }, { t: 10 }).s('FAILURE_CONF', { InvokeID: 100, Status: 1 }, { t: 10.01 });
    t.c('CLOSE_REQ', { InvokeID: 9 }, { t: 10.5 }).s('CLOSE_CONF', { InvokeID: 9 }, { t: 11.9 }).c('HEARTBEAT_REQ', { InvokeID: 101 }, { t: 13 });
    expect(ofRule(t, 'SESSION-NOT-RESET')).toEqual([expect.stringMatching(/^#6 HEARTBEAT_REQ 3\.0 s after HEARTBEAT_REQ answered by FAILURE_CONF/)]);
  });

  it('CLOSE_CONF is timed from the first CLOSE_REQ, by the first CLOSE_CONF', () => {
    const resent = new Timeline().open().c('CLOSE_REQ', { InvokeID: 9 }, { t: 10 }).c('CLOSE_REQ', { InvokeID: 10 }, { t: 14 }).s('CLOSE_CONF', { InvokeID: 9 }, { t: 16 });
    expect(ofRule(resent, 'SESSION-CLOSE-UNANSWERED')).toHaveLength(1);
    const twice = new Timeline().open().c('CLOSE_REQ', { InvokeID: 9 }, { t: 10 }).s('CLOSE_CONF', { InvokeID: 9 }, { t: 11 }).s('CLOSE_CONF', { InvokeID: 9 }, { t: 18 });
    expect(ofRule(twice, 'SESSION-CLOSE-UNANSWERED')).toEqual([]);
  });
});

/**
 * Another session's traffic up to the sweep at the 8192nd message (sweeps run every 8192
 * messages), the last one `at` seconds after the start; `already` messages pushed before.
 */
function otherTrafficUntilSweep(already: number, at: number): TimelineEvent[] {
  const other = new Timeline('10.1.1.6:50000-10.1.1.2:42027#1');
  const n = 8192 - already;
  for (let i = 0; i < n - 1; i++) other.s('SYSTEM_EVENT', { SystemEventID: 3 }, { t: 1 + i * 0.001 });
  other.s('SYSTEM_EVENT', { SystemEventID: 3 }, { t: at });
  return other.events;
}

/** Scopes followed after the sweep at `at` s, the session `first` being all there was before. */
function scopesAfterSweep(first: Timeline, at: number): number {
  const checker = new Checker();
  checker.pushAll(first.events);
  checker.pushAll(otherTrafficUntilSweep(first.events.length, at));
  return checker.footprint().scopes;
}

describe('session sweeps (docs/conformance.md: memory stays flat)', () => {
  it('a session silent for 10 minutes is ended; 1 ms less, it is still followed', () => {
    const silent = (): Timeline => new Timeline().c('HEARTBEAT_REQ', { InvokeID: 1 }, { t: 0 });
    expect([scopesAfterSweep(silent(), 599.999), scopesAfterSweep(silent(), 600)]).toEqual([2, 1]);
  });

  it('a session the client must reset is ended once silent for 30 s; 1 ms less, it is still followed', () => {
    // CLOSE_CONF at 0.1 s.
    const closed = (): Timeline => new Timeline().c('CLOSE_REQ', { InvokeID: 9 }, { t: 0 }).s('CLOSE_CONF', { InvokeID: 9 });
    expect([scopesAfterSweep(closed(), 30.099), scopesAfterSweep(closed(), 30.1)]).toEqual([2, 1]);
  });
});

describe('a session followed again after a sweep', () => {
  it('is still the session that began with OPEN_REQ', () => {
    const checker = new Checker();
    checker.pushAll(new Timeline().open().c('HEARTBEAT_REQ', { InvokeID: 100 }, { t: 0.2 }).s('HEARTBEAT_CONF', { InvokeID: 100 }).events);
    checker.pushAll(otherTrafficUntilSweep(4, 700));
    expect(checker.footprint().scopes).toBe(1);
    checker.pushAll(new Timeline().c('HEARTBEAT_REQ', { InvokeID: 101 }, { t: 710 }).s('HEARTBEAT_CONF', { InvokeID: 101 }).events);
    const result = checker.finish([summaryWithSyn()]);
    expect(findingsOf(result, 'SESSION-OPEN-NOT-FIRST'), describeFindings(result)).toEqual([]);
  });
});

describe('the checker across sessions', () => {
  it('follows at most 4096 sessions at once', () => {
    const checker = new Checker();
    for (let i = 0; i < 4097; i++) checker.pushAll(new Timeline(`10.1.${i >> 8}.${i & 0xff}:50000-10.1.1.2:42027#1`).s('SYSTEM_EVENT', { SystemEventID: 3 }).events);
    expect(checker.footprint().scopes).toBe(4096);
    expect(checker.finish().sessions).toBe(4097);
  });

  it('a session ends at its last packet (the capture summary) when that is later than its last message', () => {
    const t = new Timeline().open().c('HOLD_CALL_REQ', hold(7), { t: 1 });
    expect(findingsOf(checkTimeline(t.events, {}, [summaryWithSyn(SESSION, 30)]), 'REQUEST-UNANSWERED')).toHaveLength(1);
    expect(findingsOf(checkTimeline(t.events, {}, [summaryWithSyn(SESSION, 10)]), 'REQUEST-UNANSWERED')).toEqual([]);
  });

  it('counts the sessions of the capture summaries, with messages or not', () => {
    const t = new Timeline().open();
    expect(checkTimeline(t.events, {}, [summaryWithSyn(), summaryWithSyn('10.1.1.9:50000-10.1.1.2:42027#1')]).sessions).toBe(2);
  });

  it('times an OPEN_REQ retry from the FAILURE_CONF, not from what the client sent after it', () => {
    const t = retry('10.1.1.5:50999-10.1.1.2:42027#1').events.slice(0, 2);
    const after = new Timeline().c('HEARTBEAT_REQ', { InvokeID: 5 }, { t: 5 }).c('OPEN_REQ', { InvokeID: 1, VersionNumber: 13, IdleTimeout: 80, ServicesRequested: 0x10, ClientID: 'x', ClientSignature: 'sig' }, { t: 11.5, session: '10.1.1.5:50999-10.1.1.2:42027#1' });
    const result = runCheck(scenario([...t, ...after.events]));
    expect(findingsOf(result, 'SESSION-OPEN-RETRY-TOO-SOON'), describeFindings(result)).toEqual([]);
    expect(findingsOf(result, 'SESSION-NOT-RESET')).toHaveLength(1);
  });
});

describe('input damage', () => {
  const diagnostic = (severity: InputDiagnostic['severity']): InputDiagnostic => ({ kind: 'diagnostic', severity, code: 'STREAM_GAP', message: 'x', session: SESSION, direction: 'client-to-server', source: { file: 'test.pcap' } });

  it('an info about a session is no damage: findings a gap could explain still stand', () => {
    const t = new Timeline().open().s('HOLD_CALL_CONF', { InvokeID: 7 });
    expect(findingsOf(runCheck(scenario([...t.events, diagnostic('info')])), 'REQUEST-CONF-UNMATCHED')).toHaveLength(1);
    expect(findingsOf(runCheck(scenario([...t.events, diagnostic('warning')])), 'REQUEST-CONF-UNMATCHED')).toEqual([]);
  });

  it('damage reported before the first message of a session counts too', () => {
    const t = new Timeline().open().s('HOLD_CALL_CONF', { InvokeID: 7 });
    expect(findingsOf(runCheck(scenario([diagnostic('warning'), ...t.events])), 'REQUEST-CONF-UNMATCHED')).toEqual([]);
  });
});
