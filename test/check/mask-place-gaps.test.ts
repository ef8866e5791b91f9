/**
 * Ninth round of mutation testing (docs/test-gaps.md): which OPEN_REQ mask selects an event
 * (model/masks.ts), CAPTURE-INCOMPLETE / LOG-INCOMPLETE and findings at an input place.
 */
import { describe, expect, it } from 'vitest';
import type { InputDiagnostic } from '../../src/timeline/types.js';
import { findingsOf, runCheck, scenario, SESSION, summaryWithSyn, Timeline } from './support.js';

describe('ConfigMsgMask selects the configuration events (Table 25), not AgentStateMask', () => {
  const csq = (masks: Record<string, number>): number =>
    findingsOf(runCheck(new Timeline().open({ ServicesRequested: 0x10 | 0x2 | 0x4 | 0x80 | 0x40000 | 0x8, ...masks }).s('CONFIG_CSQ_EVENT', {})), 'SESSION-EVENT-MASKED').length;

  it('CONFIG_CSQ_EVENT is masked out by ConfigMsgMask 0 whatever AgentStateMask; not by AgentStateMask 0', () => {
    expect(csq({ ConfigMsgMask: 0, AgentStateMask: 0x1ff })).toBe(1);
    expect(csq({ ConfigMsgMask: 0xf, AgentStateMask: 0 })).toBe(0);
  });
});

const gapAt = (frame: number, extra: Partial<InputDiagnostic> = {}): InputDiagnostic => ({
  kind: 'diagnostic',
  severity: 'warning',
  code: 'STREAM_GAP',
  message: '12 bytes of the stream missing',
  session: SESSION,
  direction: 'server-to-client',
  source: { file: 'test.pcap', frame },
  ...extra,
});
const logDamage = (line: number, code = 'MIVR_MALFORMED_HEADER'): InputDiagnostic => ({ kind: 'diagnostic', severity: 'warning', code, message: 'line looks like a record header but has a bad minute', source: { file: 'MIVR01.log', line } });

describe('CAPTURE-INCOMPLETE', () => {
  it('of a session with messages: points at the first after the gap, says the direction, does not say none was decoded', () => {
    const t = new Timeline().open().c('HEARTBEAT_REQ', { InvokeID: 2 });
    const [open, conf, hb] = t.events;
    const [f] = findingsOf(runCheck(scenario([open!, gapAt(2), conf!, hb!])), 'CAPTURE-INCOMPLETE');
    expect(f?.at.index).toBe(1);
    expect(f?.message).toMatch(/^the capture lost (\d+ bytes \(.*\) of )?this session's streams \(gaps, undecodable ranges\), the first at test\.pcap frame 2 \(STREAM_GAP, server-to-client\)/);
  });

  it('of a session of which no message was decoded: at the place of the damage, with its time and session', () => {
    const at = { sec: 1_448_030_700, nsec: 5 };
    const [f] = findingsOf(runCheck(scenario([gapAt(7, { at })])), 'CAPTURE-INCOMPLETE');
    expect(f?.at).toEqual({ session: SESSION, source: { file: 'test.pcap', frame: 7 }, at });
    expect(f?.message).toMatch(/^no message of the session could be decoded; the capture lost/);
  });

  it('a message cut short first, a gap after it: the gap (bytes lost) is what it says, not the cut', () => {
    const t = new Timeline().open().s('HEARTBEAT_CONF', { InvokeID: 2 });
    const events = t.events.map((e, i) => (i === 1 && e.kind === 'message' ? { ...e, capturedLength: 10 } : e));
    const [f] = findingsOf(runCheck(scenario([...events, gapAt(9)])), 'CAPTURE-INCOMPLETE');
    expect(f?.message).toMatch(/^the capture lost .*the first at test\.pcap frame 9 \(STREAM_GAP/);
  });
});

describe('CAPTURE-INCOMPLETE and the capture summary', () => {
  it("says the summary's count of bytes lost per direction; a summary that counts none lost has the last word (no finding)", () => {
    const t = new Timeline().open().c('HEARTBEAT_REQ', { InvokeID: 2 });
    const events = [t.events[0]!, gapAt(2), ...t.events.slice(1)];
    const lost = { ...summaryWithSyn(), unaccountedBytes: { 'client-to-server': 0, 'server-to-client': 12 } };
    const [f] = findingsOf(runCheck(scenario(events, [lost])), 'CAPTURE-INCOMPLETE');
    expect(f?.message).toMatch(/^the capture lost 12 bytes \(client-to-server 0, server-to-client 12\) of this session's streams/);
    expect(findingsOf(runCheck(scenario(events, [summaryWithSyn()])), 'CAPTURE-INCOMPLETE')).toEqual([]);
  });
});

describe('LOG-INCOMPLETE', () => {
  it('one damaged place: no "and 0 more"; at the first damage when no message was decoded; a line said twice counts once', () => {
    const [one] = findingsOf(runCheck(scenario([logDamage(2)])), 'LOG-INCOMPLETE');
    expect(one?.message).toBe('no message of the file could be decoded; 1 place in MIVR01.log could not be read (traces, records): the first at line 2 (MIVR_MALFORMED_HEADER: line looks like a record header but has a bad minute); any messages they held are missing');
    const [two] = findingsOf(runCheck(scenario([logDamage(2), logDamage(2, 'LOG_DUMP_NOT_DECODED'), logDamage(5)])), 'LOG-INCOMPLETE');
    expect(two?.at).toEqual({ source: { file: 'MIVR01.log', line: 2 } });
    expect(two?.message).toMatch(/^no message of the file could be decoded; 2 places in MIVR01\.log could not be read .* and 1 more; any messages they held are missing$/);
  });

  it('of a file with messages: does not say none was decoded', () => {
    const t = new Timeline(null).s('HEARTBEAT_CONF', { InvokeID: 3 });
    const [f] = findingsOf(runCheck(scenario([logDamage(1), ...t.events])), 'LOG-INCOMPLETE');
    expect(f?.message).toMatch(/^1 place in MIVR01\.log could not be read/);
  });
});

describe('findings at an input place come after those at a message', () => {
  it('in the sorted findings (timeline order, places last)', () => {
    // A session message with a finding (a client message sent by the server), and a log none of whose traces were read.
    const t = new Timeline().open().s('CLOSE_REQ', { InvokeID: 9 });
    const r = runCheck(scenario([logDamage(2), ...t.events]));
    expect(r.findings.map((f) => [f.rule, f.at.index])).toEqual([
      ['MSG-WRONG-DIRECTION', 2],
      ['LOG-INCOMPLETE', undefined],
    ]);
  });
});
