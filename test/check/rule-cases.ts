/**
 * For every rule of the catalog: a timeline where it must fire and a close variant where it
 * must stay silent. test/check/rules.test.ts runs them all and fails when a catalog rule has
 * no case.
 */
import {
  AGENT_SERVICES,
  ALL_CALL_EVENTS,
  appendBody,
  ascii,
  bytesOf,
  cstr,
  floating,
  rawBytes,
  scenario,
  SESSION,
  summaryWithSyn,
  Timeline,
  u16,
  u32,
  type Scenario,
} from './support.js';
import type { InputDiagnostic } from '../../src/timeline/types.js';

export interface RuleCase {
  readonly fires: () => Scenario;
  readonly silent: () => Scenario;
}

/** A gap in SESSION's client-to-server stream, as a capture reports it. */
function streamGap(severity: 'warning' | 'info'): InputDiagnostic {
  return { kind: 'diagnostic', severity, code: 'STREAM_GAP', message: '87 bytes of the stream missing', session: SESSION, direction: 'client-to-server', streamOffset: 100, length: 87, source: { file: 'test.pcap', frame: 9 } };
}

/** A trace of MIVR01.log that could not be read (warning), or a note about how one was read (info). */
function logDamage(severity: 'warning' | 'info'): InputDiagnostic {
  return { kind: 'diagnostic', severity, code: severity === 'info' ? 'DUMP_GUTTER_MISMATCH' : 'LOG_DUMP_NOT_DECODED', message: 'low-level dump not decoded', source: { file: 'MIVR01.log', line: 1 } };
}

/** The log reader's note of records of MIVR02.log skipped (read before), or another note of the file. */
function logRepeats(repeated: boolean): InputDiagnostic {
  return repeated
    ? { kind: 'diagnostic', severity: 'info', code: 'MIVR_DUPLICATE_RECORDS', message: '3 records repeat records already read from MIVR01.log (the same sequence number, time, facility and text): skipped, each record is read once (lines 1–9)', source: { file: 'MIVR02.log', line: 1 } }
    : { kind: 'diagnostic', severity: 'info', code: 'MIVR_INVALID_UTF8', message: 'record text is not valid UTF-8; decoded as Latin-1', source: { file: 'MIVR02.log', line: 1 } };
}

/** A capture reader's diagnostic about test.pcap: a record cut short (damage), or an original length below the captured one (a note that loses nothing). */
function captureFileDiagnostic(damaged: boolean): InputDiagnostic {
  return damaged
    ? { kind: 'diagnostic', severity: 'warning', code: 'PCAP_TRUNCATED_RECORD', message: 'record claims 120 captured bytes but the file ends after 40', source: { file: 'test.pcap' } }
    : { kind: 'diagnostic', severity: 'warning', code: 'PCAP_ORIGLEN_LESS_THAN_CAPLEN', message: 'original length 60 is less than captured length 80', source: { file: 'test.pcap', frame: 3 } };
}

const C2S = 'client-to-server' as const;
const S2C = 'server-to-client' as const;

// ------------------------------------------------------------------------------------------
// Framing: one malformed message, and the same message well formed
// ------------------------------------------------------------------------------------------

const heartbeat = (): Uint8Array => bytesOf('HEARTBEAT_REQ', { InvokeID: 5 });
const failureConf = (...floatingFields: number[][]): Uint8Array => rawBytes(1, [...u32(7), ...u32(1), ...floatingFields.flat()]);
const goodFailureConf = (): Uint8Array => failureConf(floating(7, cstr('ok')));
const begin = (fields: Record<string, unknown> = {}): Uint8Array => bytesOf('BEGIN_CALL_EVENT', { CallID: 5, ConnectionDeviceID: '2006', ...fields });
const openReqFields = { InvokeID: 1, VersionNumber: 13, IdleTimeout: 80, ServicesRequested: 0x10, CallMsgMask: ALL_CALL_EVENTS, AgentStateMask: 0x1ff, ConfigMsgMask: 0xf, ClientID: 'x', ClientPassword: '' };

function frame(bad: () => Uint8Array, good: () => Uint8Array, dir: typeof C2S | typeof S2C = S2C, missing?: { offset: number; length: number }[]): RuleCase {
  return {
    fires: () => scenario(new Timeline(null).bytes(bad(), { dir }, missing ? { missing } : {})),
    silent: () => scenario(new Timeline(null).bytes(good(), { dir })),
  };
}

const openConfOnline = (): Uint8Array => bytesOf('OPEN_CONF', { InvokeID: 1, UnifiedCCXOnline: true });

const FRAMING: Record<string, RuleCase> = {
  'FRAME-HEADER-TRUNCATED': frame(() => new Uint8Array([0, 0, 0, 4, 0]), heartbeat, C2S),
  'FRAME-BODY-TRUNCATED': frame(() => heartbeat().subarray(0, 10), heartbeat, C2S),
  'FRAME-BODY-LENGTH-ABSURD': frame(() => rawBytes(5, [0, 0, 0, 1], 0x7fffffff), heartbeat, C2S),
  'FRAME-BODY-OVER-MAXIMUM': frame(() => rawBytes(6, [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]), () => bytesOf('HEARTBEAT_CONF', { InvokeID: 1 })),
  'FRAME-TRAILING-BYTES': frame(() => new Uint8Array([...heartbeat(), 0, 0]), heartbeat, C2S),
  'FRAME-BYTES-MISSING': { ...frame(heartbeat, heartbeat, C2S, [{ offset: 8, length: 2 }]) },
  'MSG-TYPE-UNKNOWN': frame(() => rawBytes(999, []), heartbeat, C2S),
  'MSG-TYPE-RESERVED': frame(() => rawBytes(68, [1, 2]), heartbeat, C2S),
  'MSG-BODY-UNDEFINED': frame(() => rawBytes(121, [1, 2]), heartbeat, C2S),
  'FRAME-FIXED-PART-SHORT': frame(() => rawBytes(3, [0, 0, 0, 1]), () => bytesOf('OPEN_REQ', openReqFields), C2S),
  'FIELD-TRUNCATED': frame(() => failureConf([7, 50, 65, 66]), goodFailureConf),
  'FIELD-NOT-ALLOWED': frame(() => failureConf(floating(194, cstr('a'))), goodFailureConf),
  'FIELD-DUPLICATE': frame(() => failureConf(floating(7, cstr('a')), floating(7, cstr('b'))), goodFailureConf),
  'FIELD-TOO-LONG': frame(() => bytesOf('OPEN_REQ', { ...openReqFields, AgentID: 'x'.repeat(40) }), () => bytesOf('OPEN_REQ', { ...openReqFields, AgentID: 'x'.repeat(31) }), C2S),
  'FIELD-SIZE-MISMATCH': frame(
    () => appendBody(bytesOf('CALL_DELIVERED_EVENT', { CallID: 5, ConnectionDeviceID: '1', AlertingDeviceID: '1', CalledDeviceID: '1' }), floating(202, [0, 1])),
    () => appendBody(bytesOf('CALL_DELIVERED_EVENT', { CallID: 5, ConnectionDeviceID: '1', AlertingDeviceID: '1', CalledDeviceID: '1' }), floating(202, u32(6))),
  ),
  'FIELD-NEWER-THAN-VERSION': frame(() => appendBody(bytesOf('OPEN_CONF', { InvokeID: 1 }), floating(228, u16(1))), () => bytesOf('OPEN_CONF', { InvokeID: 1 })),
  'FIELD-STRING-UNTERMINATED': frame(() => failureConf(floating(7, ascii('abc'))), goodFailureConf),
  'FIELD-STRING-AFTER-NUL': frame(() => failureConf(floating(7, [...cstr('ab'), 99])), goodFailureConf),
  'FIELD-STRING-ENCODING': frame(() => failureConf(floating(7, [0xff, 0xfe, 0])), () => failureConf(floating(7, cstr('Grüße')))),
  'FIELD-NAMED-VARIABLE-MALFORMED': frame(() => appendBody(begin({ NumNamedVariables: 1 }), floating(82, ascii('abc'))), () => begin({ NamedVariable: [{ VariableName: 'a', VariableValue: 'b' }] })),
  'LIMIT-NAMED-VARIABLES': frame(
    () => begin({ NamedVariable: Array.from({ length: 10 }, (_, i) => ({ VariableName: `v${i}`, VariableValue: 'x'.repeat(200) })) }),
    () => begin({ NamedVariable: Array.from({ length: 9 }, (_, i) => ({ VariableName: `v${i}`, VariableValue: 'x'.repeat(200) })) }),
  ),
  'FIELD-BOOL-VALUE': frame(() => {
    const b = openConfOnline();
    b[29] = 5;
    return b;
  }, openConfOnline),
  'FIELD-REQUIRED-MISSING': frame(() => bytesOf('OPEN_REQ', { InvokeID: 1, VersionNumber: 13, IdleTimeout: 80 }), () => bytesOf('OPEN_REQ', openReqFields), C2S),
  'FIELD-AT-LEAST-ONE-MISSING': frame(() => bytesOf('QUERY_AGENT_STATE_REQ', { InvokeID: 3 }), () => bytesOf('QUERY_AGENT_STATE_REQ', { InvokeID: 3, AgentID: 'agt2006' }), C2S),
  'FIELD-COUNT-MISMATCH': frame(() => begin({ NumNamedVariables: 2, NamedVariable: [{ VariableName: 'a', VariableValue: 'b' }] }), () => begin({ NamedVariable: [{ VariableName: 'a', VariableValue: 'b' }] })),
  'FIELD-RESERVED-VALUE': frame(() => begin({ Reserved1: 5 }), () => begin()),
  'FIELD-VALUE-UNKNOWN': frame(() => begin({ CallType: 999 }), () => begin({ CallType: 1 })),
  'FIELD-VALUE-RESERVED': frame(() => bytesOf('SYSTEM_EVENT', { SystemEventID: 1 }), () => bytesOf('SYSTEM_EVENT', { SystemEventID: 3 })),
};

// ------------------------------------------------------------------------------------------
// Record limits
// ------------------------------------------------------------------------------------------

function limit(type: string, key: string, max: number, record: (i: number) => Record<string, unknown>, extra: Record<string, unknown> = {}): RuleCase {
  const build = (n: number): Scenario => scenario(new Timeline(null).s(type, { ...extra, [key]: Array.from({ length: n }, (_, i) => record(i)) }));
  return { fires: () => build(max + 1), silent: () => build(max) };
}

const LIMITS: Record<string, RuleCase> = {
  'LIMIT-PARTIES': limit('CALL_CONFERENCED_EVENT', 'ConnectedParties', 16, (i) => ({ ConnectedPartyCallID: 5, ConnectedPartyDeviceType: 0, ConnectedPartyDeviceID: `${2000 + i}` }), {
    PrimaryCallID: 5,
    SecondaryCallID: 6,
    PrimaryDeviceID: '2006',
    SecondaryDeviceID: '2007',
    ControllerDeviceID: '2006',
  }),
  'LIMIT-CSQS': limit('CALL_QUEUED_EVENT', 'CSQs', 20, (i) => ({ CSQID: i + 1 }), { CallID: 5, ConnectionDeviceID: '9019', QueueDeviceID: '1', CalledDeviceID: '7000' }),
  'LIMIT-CONFIG-RECORDS': limit('CONFIG_CSQ_EVENT', 'Records', 10, (i) => ({ RecordType: 0, CSQID: i + 1, CSQName: `q${i}` })),
  'LIMIT-TEAM-MEMBERS': limit('TEAM_CONFIG_EVENT', 'Records', 64, (i) => ({ AgentID: `a${i}`, AgentFlags: 0, RecordType: 0, MemberType: 1 }), { TeamID: 1, Operation: 3, TeamName: 'team' }),
  'LIMIT-OTHER-RECORDS': limit('SNAPSHOT_DEVICE_CONF', 'Calls', 16, (i) => ({ CallConnectionCallID: i + 1, CallConnectionDeviceType: 0, CallConnectionDeviceID: '2006', CallDeviceConnectionState: 3 }), {
    InvokeID: 4,
  }),
};

// ------------------------------------------------------------------------------------------
// Sessions
// ------------------------------------------------------------------------------------------

const opened = (req: Record<string, unknown> = {}, conf: Record<string, unknown> = {}): Timeline => new Timeline().open(req, conf);

const SESSIONS: Record<string, RuleCase> = {
  'MSG-WRONG-DIRECTION': {
    fires: () => scenario(opened().c('HEARTBEAT_CONF', { InvokeID: 3 })),
    silent: () => scenario(opened().c('HEARTBEAT_REQ', { InvokeID: 3 }).s('HEARTBEAT_CONF', { InvokeID: 3 })),
  },
  'CAPTURE-INCOMPLETE': {
    // A gap in the session's stream; the same session started mid-stream (an info gap) is whole from there on.
    fires: () => scenario([...opened().events, streamGap('warning'), ...new Timeline().c('HEARTBEAT_REQ', { InvokeID: 3 }).events]),
    silent: () => scenario([streamGap('info'), ...opened().events, ...new Timeline().c('HEARTBEAT_REQ', { InvokeID: 3 }).events]),
  },
  'CAPTURE-FILE-DAMAGED': {
    // A record of the capture file cut short; a record whose lengths disagree but that was read loses nothing.
    fires: () => scenario([...opened().events, captureFileDiagnostic(true)]),
    silent: () => scenario([...opened().events, captureFileDiagnostic(false)]),
  },
  'LOG-INCOMPLETE': {
    // A log trace that could not be read, then a message of the same file; a note (info) is no damage.
    fires: () => scenario([logDamage('warning'), ...new Timeline(null).s('HEARTBEAT_CONF', { InvokeID: 3 }).events]),
    silent: () => scenario([logDamage('info'), ...new Timeline(null).s('HEARTBEAT_CONF', { InvokeID: 3 }).events]),
  },
  'LOG-RECORDS-REPEATED': {
    fires: () => scenario([logRepeats(true), ...new Timeline(null).s('HEARTBEAT_CONF', { InvokeID: 3 }).events]),
    silent: () => scenario([logRepeats(false), ...new Timeline(null).s('HEARTBEAT_CONF', { InvokeID: 3 }).events]),
  },
  'SESSION-OPEN-NOT-FIRST': {
    fires: () => scenario(new Timeline().c('HEARTBEAT_REQ', { InvokeID: 3 }).s('HEARTBEAT_CONF', { InvokeID: 3 }), [summaryWithSyn()]),
    // Without the connection's start in the capture, a session seen from its middle is fine.
    silent: () => scenario(new Timeline().c('HEARTBEAT_REQ', { InvokeID: 3 }).s('HEARTBEAT_CONF', { InvokeID: 3 })),
  },
  'SESSION-OPEN-REPEATED': {
    fires: () => scenario(opened().c('OPEN_REQ', { ...openReqFields, InvokeID: 2 })),
    silent: () => scenario(opened().c('HEARTBEAT_REQ', { InvokeID: 2 }).s('HEARTBEAT_CONF', { InvokeID: 2 })),
  },
  'SESSION-VERSION': { fires: () => scenario(opened({ VersionNumber: 9 })), silent: () => scenario(opened({ VersionNumber: 10 })) },
  'SESSION-IDLE-TIMEOUT-RANGE': { fires: () => scenario(opened({ IdleTimeout: 10 })), silent: () => scenario(opened({ IdleTimeout: 20 })) },
  'SESSION-IDLE-TIMEOUT-HEARTBEAT': {
    fires: () => scenario(opened({ IdleTimeout: 80 }).heartbeats(5, 10)),
    silent: () => scenario(opened({ IdleTimeout: 40 }).heartbeats(5, 10)),
  },
  'SESSION-HEARTBEAT-INTERVAL-MAX': {
    fires: () => scenario(opened({ IdleTimeout: 119 }).heartbeats(5, 40)),
    silent: () => scenario(opened({ IdleTimeout: 119 }).heartbeats(5, 29.9)),
  },
  'SESSION-HEARTBEAT-INTERVAL-MIN': {
    fires: () => scenario(opened({ IdleTimeout: 20 }).heartbeats(5, 2)),
    silent: () => scenario(opened({ IdleTimeout: 20 }).heartbeats(5, 5)),
  },
  'SESSION-HEARTBEAT-MISSED': {
    fires: () => scenario(opened({ IdleTimeout: 40 }).heartbeats(3, 10, 100, (i) => i !== 0)),
    silent: () => scenario(opened({ IdleTimeout: 40 }).heartbeats(3, 10)),
  },
  'SESSION-HEARTBEAT-UNANSWERED': {
    fires: () => scenario(opened({ IdleTimeout: 40 }).heartbeats(4, 10, 100, () => false)),
    silent: () => scenario(opened({ IdleTimeout: 40 }).heartbeats(5, 10, 100, (i) => i !== 1 && i !== 2)),
  },
  'SESSION-SERVER-HEARTBEAT': {
    fires: () => scenario(opened().s('HEARTBEAT_REQ', { InvokeID: 3 })),
    silent: () => scenario(opened().c('HEARTBEAT_REQ', { InvokeID: 3 }).s('HEARTBEAT_CONF', { InvokeID: 3 })),
  },
  'SESSION-CLIENT-SILENT': {
    fires: () => scenario(opened({ IdleTimeout: 20 }).c('HEARTBEAT_REQ', { InvokeID: 3 }, { dt: 25 }).s('HEARTBEAT_CONF', { InvokeID: 3 })),
    silent: () => scenario(opened({ IdleTimeout: 20 }).c('HEARTBEAT_REQ', { InvokeID: 3 }, { dt: 19 }).s('HEARTBEAT_CONF', { InvokeID: 3 })),
  },
  'SESSION-CLOSE-UNANSWERED': {
    fires: () => scenario(opened().c('CLOSE_REQ', { InvokeID: 9 }).s('CLOSE_CONF', { InvokeID: 9 }, { dt: 7 })),
    silent: () => scenario(opened().c('CLOSE_REQ', { InvokeID: 9 }).s('CLOSE_CONF', { InvokeID: 9 }, { dt: 1 })),
  },
  'SESSION-NOT-RESET': {
    fires: () => scenario(opened().c('CLOSE_REQ', { InvokeID: 9 }).s('CLOSE_CONF', { InvokeID: 9 }).c('HEARTBEAT_REQ', { InvokeID: 10 }, { dt: 5 })),
    silent: () => scenario(opened().c('CLOSE_REQ', { InvokeID: 9 }).s('CLOSE_CONF', { InvokeID: 9 }).c('HEARTBEAT_REQ', { InvokeID: 10 }, { dt: 1 })),
  },
  'SESSION-OPEN-RETRY-TOO-SOON': {
    fires: () => scenario(retry(3)),
    silent: () => scenario(retry(12)),
  },
  'SESSION-MODE-EXCLUSIVE': {
    fires: () => scenario(opened({ ServicesRequested: 0x11, AgentExtension: '2006' })),
    silent: () => scenario(opened({ ServicesRequested: 0x01 | 0x4, AgentExtension: '2006' })),
  },
  'SESSION-AGENT-MODE-IDENTITY': {
    fires: () => scenario(opened({ ServicesRequested: AGENT_SERVICES })),
    silent: () => scenario(opened({ ServicesRequested: AGENT_SERVICES, AgentID: 'agt2006' })),
  },
  'SESSION-BRIDGE-MODE-AGENT-FIELDS': { fires: () => scenario(opened({ AgentID: 'agt2006' })), silent: () => scenario(opened()) },
  'SESSION-SERVICES-GRANTED': {
    fires: () => scenario(opened({ ServicesRequested: 0x10 }, { ServicesGranted: 0x90 })),
    silent: () => scenario(opened({ ServicesRequested: 0x90 }, { ServicesGranted: 0x10 })),
  },
  'SESSION-EVENT-MASKED': {
    fires: () => scenario(opened({ CallMsgMask: ALL_CALL_EVENTS & ~0x8 }).s('CALL_HELD_EVENT', { CallID: 5, ConnectionDeviceID: '2006', HoldingDeviceID: '2006', LocalConnectionState: 4 })),
    silent: () => scenario(opened().s('CALL_HELD_EVENT', { CallID: 5, ConnectionDeviceID: '2006', HoldingDeviceID: '2006', LocalConnectionState: 4 }).s('SYSTEM_EVENT', { SystemEventID: 3 })),
  },
  'SESSION-CONFIG-WITHOUT-SERVICE': {
    fires: () => scenario(opened({ ServicesRequested: 0x10 }).c('CONFIG_REQUEST_KEY_EVENT').s('CONFIG_KEY_EVENT').c('CONFIG_REQUEST_EVENT', { ConfigurationMask: 2, Reserved_131: 0 }).s('CONFIG_BEGIN_EVENT', { ConfigType: 1, ConfigurationMask: 2 })),
    silent: () => scenario(opened().c('CONFIG_REQUEST_KEY_EVENT').s('CONFIG_KEY_EVENT').c('CONFIG_REQUEST_EVENT', { ConfigurationMask: 2, Reserved_131: 0 }).s('CONFIG_BEGIN_EVENT', { ConfigType: 1, ConfigurationMask: 2 })),
  },
  'SESSION-TEAM-WITHOUT-SUPERVISOR': {
    fires: () => scenario(opened({ ServicesRequested: 0x10 }).c('TEAM_CONFIG_REQ', { InvokeID: 4, ConfigParam: 1 }).s('TEAM_CONFIG_EVENT', { TeamID: 1, Operation: 1, TeamName: 't' })),
    silent: () => scenario(opened().c('TEAM_CONFIG_REQ', { InvokeID: 4, ConfigParam: 1 }).s('TEAM_CONFIG_EVENT', { TeamID: 1, Operation: 1, TeamName: 't' }).s('TEAM_CONFIG_CONF', { InvokeID: 4 })),
  },
};

/** A client's OPEN_REQ rejected, then retried on a new connection `after` seconds later. */
function retry(after: number): Timeline {
  const t = new Timeline();
  t.c('OPEN_REQ', openReqFields).s('FAILURE_CONF', { InvokeID: 1, Status: 1 });
  return t.c('OPEN_REQ', openReqFields, { dt: after, session: '10.1.1.5:50312-10.1.1.2:42027#1' });
}

// ------------------------------------------------------------------------------------------
// Requests
// ------------------------------------------------------------------------------------------

const hold = (invokeId: number): Record<string, unknown> => ({ InvokeID: invokeId, CallID: 5, ConnectionDeviceID: '2006' });

const REQUESTS: Record<string, RuleCase> = {
  'REQUEST-UNANSWERED': {
    fires: () => scenario(opened().c('HOLD_CALL_REQ', hold(7)).s('SYSTEM_EVENT', { SystemEventID: 3 }, { dt: 20 })),
    silent: () => scenario(opened().c('HOLD_CALL_REQ', hold(7)).s('HOLD_CALL_CONF', { InvokeID: 7 }).s('SYSTEM_EVENT', { SystemEventID: 3 }, { dt: 20 })),
  },
  'REQUEST-INVOKEID-REUSED': {
    fires: () => scenario(opened().c('HOLD_CALL_REQ', hold(7)).c('HOLD_CALL_REQ', hold(7))),
    silent: () => scenario(opened().c('HOLD_CALL_REQ', hold(7)).s('HOLD_CALL_CONF', { InvokeID: 7 }).c('HOLD_CALL_REQ', hold(7)).s('HOLD_CALL_CONF', { InvokeID: 7 })),
  },
  'REQUEST-CONF-UNMATCHED': {
    fires: () => scenario(opened().s('HOLD_CALL_CONF', { InvokeID: 99 })),
    // Seen from its middle, the session may have sent the request before the capture began.
    silent: () => scenario(new Timeline().s('HOLD_CALL_CONF', { InvokeID: 99 })),
  },
  'REQUEST-ANSWERED-TWICE': {
    fires: () => scenario(opened().c('HOLD_CALL_REQ', hold(7)).s('HOLD_CALL_CONF', { InvokeID: 7 }).s('HOLD_CALL_CONF', { InvokeID: 7 })),
    silent: () => scenario(opened().c('HOLD_CALL_REQ', hold(7)).s('HOLD_CALL_CONF', { InvokeID: 7 })),
  },
  'REQUEST-CONF-WRONG-TYPE': {
    fires: () => scenario(opened().c('HOLD_CALL_REQ', hold(7)).s('ANSWER_CALL_CONF', { InvokeID: 7 })),
    silent: () => scenario(opened().c('HOLD_CALL_REQ', hold(7)).s('CONTROL_FAILURE_CONF', { InvokeID: 7, FailureCode: 1 })),
  },
  'REQUEST-SLOW': {
    fires: () => scenario(opened({ IdleTimeout: 40 }).c('HOLD_CALL_REQ', hold(7)).s('HOLD_CALL_CONF', { InvokeID: 7 }, { dt: 16 })),
    silent: () => scenario(opened({ IdleTimeout: 40 }).c('HOLD_CALL_REQ', hold(7)).s('HOLD_CALL_CONF', { InvokeID: 7 }, { dt: 14 })),
  },
};

// ------------------------------------------------------------------------------------------
// Configuration
// ------------------------------------------------------------------------------------------

const keys = (t: Timeline): Timeline => t.c('CONFIG_REQUEST_KEY_EVENT').s('CONFIG_KEY_EVENT', { Status: 0 });
const csqRecord = { NumRecords: 1, Records: [{ RecordType: 0, CSQID: 1, CSQName: 'q' }] };
const block = (t: Timeline, status: number, type = 1): Timeline => t.s('CONFIG_BEGIN_EVENT', { ConfigType: type, ConfigurationMask: 2 }).s('CONFIG_CSQ_EVENT', csqRecord).s('CONFIG_END_EVENT', { Status: status });
const upload = (): Timeline => keys(opened()).c('CONFIG_REQUEST_EVENT', { ConfigurationMask: 0xf, Reserved_131: 0 });

const CONFIGURATION: Record<string, RuleCase> = {
  'CONFIG-REQUEST-BEFORE-KEYS': {
    fires: () => scenario(opened().c('CONFIG_REQUEST_EVENT', { ConfigurationMask: 0xf, Reserved_131: 0 })),
    silent: () => scenario(upload()),
  },
  'CONFIG-KEYS-UNREQUESTED': { fires: () => scenario(opened().s('CONFIG_KEY_EVENT', { Status: 0 })), silent: () => scenario(keys(opened())) },
  'CONFIG-RECORD-OUTSIDE-BLOCK': { fires: () => scenario(upload().s('CONFIG_CSQ_EVENT', csqRecord)), silent: () => scenario(block(upload(), 0)) },
  'CONFIG-BLOCK-UNBALANCED': {
    fires: () => scenario(upload().s('CONFIG_BEGIN_EVENT', { ConfigType: 1, ConfigurationMask: 2 }).s('CONFIG_BEGIN_EVENT', { ConfigType: 1, ConfigurationMask: 2 })),
    // A lone CONFIG_END_EVENT answering the request ("no configuration") is fine.
    silent: () => scenario(upload().s('CONFIG_END_EVENT', { Status: 4 })),
  },
  'CONFIG-PARTIAL-STATUS': { fires: () => scenario(block(block(upload(), 0), 0)), silent: () => scenario(block(block(upload(), 5), 0)) },
  'CONFIG-UPLOAD-INCOMPLETE': {
    fires: () => scenario(block(upload(), 5).c('CLOSE_REQ', { InvokeID: 9 }).s('CLOSE_CONF', { InvokeID: 9 })),
    silent: () => scenario(block(block(upload(), 5), 0).c('CLOSE_REQ', { InvokeID: 9 }).s('CLOSE_CONF', { InvokeID: 9 })),
  },
  'CONFIG-RETRY-TOO-SOON': {
    fires: () => scenario(opened().c('CONFIG_REQUEST_KEY_EVENT').s('CONFIG_KEY_EVENT', { Status: 2 }).c('CONFIG_REQUEST_KEY_EVENT', {}, { dt: 3 })),
    silent: () => scenario(opened({ IdleTimeout: 40 }).c('CONFIG_REQUEST_KEY_EVENT').s('CONFIG_KEY_EVENT', { Status: 2 }).c('CONFIG_REQUEST_KEY_EVENT', {}, { dt: 12 })),
  },
  'CONFIG-REQUEST-WHILE-OFFLINE': {
    fires: () => scenario(opened({}, { UnifiedCCXOnline: false }).c('CONFIG_REQUEST_KEY_EVENT')),
    silent: () => scenario(opened({}, { UnifiedCCXOnline: false }).s('SYSTEM_EVENT', { SystemEventID: 3 }).c('CONFIG_REQUEST_KEY_EVENT')),
  },
  'CONFIG-TEAM-EVENT-UNREQUESTED': {
    fires: () => scenario(opened().s('TEAM_CONFIG_EVENT', { TeamID: 1, Operation: 1, TeamName: 't' })),
    silent: () => scenario(opened().c('TEAM_CONFIG_REQ', { InvokeID: 4, ConfigParam: 1 }).s('TEAM_CONFIG_CONF', { InvokeID: 4 }).s('TEAM_CONFIG_EVENT', { TeamID: 1, Operation: 1, TeamName: 't' })),
  },
};

// ------------------------------------------------------------------------------------------
// Calls
// ------------------------------------------------------------------------------------------

const delivered = (callId: number, device: string, lcs = 2): Record<string, unknown> => ({ CallID: callId, ConnectionDeviceID: device, AlertingDeviceID: device, CalledDeviceID: device, LocalConnectionState: lcs });
const established = (callId: number, device: string): Record<string, unknown> => ({ CallID: callId, ConnectionDeviceID: device, AnsweringDeviceID: device, CalledDeviceID: device, LocalConnectionState: 3 });
const connCleared = (callId: number, device: string): Record<string, unknown> => ({ CallID: callId, ConnectionDeviceID: device, ReleasingDeviceID: device });
const callCleared = (callId: number): Record<string, unknown> => ({ CallID: callId, LocalConnectionState: 0 });
const beginCall = (callId: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ CallID: callId, ConnectionDeviceID: '2006', ...extra });
const transferred = (primary: number, secondary: number): Record<string, unknown> => ({
  PrimaryCallID: primary,
  SecondaryCallID: secondary,
  PrimaryDeviceID: '2006',
  SecondaryDeviceID: '2007',
  TransferringDeviceID: '2006',
  TransferredDeviceID: '2007',
  LocalConnectionState: 3,
  ConnectedParties: [
    { ConnectedPartyCallID: primary, ConnectedPartyDeviceType: 0, ConnectedPartyDeviceID: '2005' },
    { ConnectedPartyCallID: primary, ConnectedPartyDeviceType: 0, ConnectedPartyDeviceID: '2007' },
  ],
});

const CALLS: Record<string, RuleCase> = {
  'CALL-BEGIN-NOT-FIRST': {
    fires: () => scenario(opened().s('CALL_DELIVERED_EVENT', delivered(5, '2006')).s('BEGIN_CALL_EVENT', beginCall(5))),
    // The chapter-11 outbound flow: a CALL_DATA_UPDATE_EVENT before the call's BEGIN_CALL_EVENT.
    silent: () => scenario(opened().s('CALL_DATA_UPDATE_EVENT', { CallID: 5, NewCallID: 5, ConnectionDeviceID: '2006', NewConnectionDeviceID: '2006' }).s('BEGIN_CALL_EVENT', beginCall(5)).s('CALL_DELIVERED_EVENT', delivered(5, '2006'))),
  },
  'CALL-EVENT-AFTER-END': {
    fires: () => scenario(opened().s('BEGIN_CALL_EVENT', beginCall(5)).s('END_CALL_EVENT', { CallID: 5, ConnectionDeviceID: '' }).s('CALL_CLEARED_EVENT', callCleared(5))),
    // A new call may reuse the CallID: it begins with BEGIN_CALL_EVENT.
    silent: () => scenario(opened().s('BEGIN_CALL_EVENT', beginCall(5)).s('END_CALL_EVENT', { CallID: 5, ConnectionDeviceID: '' }).s('BEGIN_CALL_EVENT', beginCall(5)).s('CALL_DELIVERED_EVENT', delivered(5, '2006'))),
  },
  'CALL-DELIVERED-AFTER-ESTABLISHED': {
    fires: () => scenario(opened().s('CALL_ESTABLISHED_EVENT', established(5, '2006')).s('CALL_DELIVERED_EVENT', delivered(5, '2006'))),
    silent: () => scenario(opened().s('CALL_ESTABLISHED_EVENT', established(5, '9019')).s('CALL_DELIVERED_EVENT', delivered(5, '2006')).s('CALL_ESTABLISHED_EVENT', established(5, '2006'))),
  },
  'CALL-DELIVERED-AFTER-MERGE': {
    fires: () => scenario(opened().s('CALL_TRANSFERRED_EVENT', transferred(5, 6)).s('CALL_DELIVERED_EVENT', delivered(6, '2007'))),
    silent: () => scenario(opened().s('CALL_DELIVERED_EVENT', delivered(6, '2007')).s('CALL_TRANSFERRED_EVENT', transferred(5, 6))),
  },
  'CALL-LCS-INCONSISTENT': {
    fires: () => scenario(opened().s('CALL_HELD_EVENT', { CallID: 5, ConnectionDeviceID: '2006', HoldingDeviceID: '2006', LocalConnectionState: 3 })),
    silent: () => scenario(opened().s('CALL_HELD_EVENT', { CallID: 5, ConnectionDeviceID: '2006', HoldingDeviceID: '2006', LocalConnectionState: 4 }).s('CALL_RETRIEVED_EVENT', { CallID: 5, ConnectionDeviceID: '2006', LocalConnectionState: 0xffff })),
  },
  'CALL-CLEARED-WITH-CONNECTIONS': {
    fires: () => scenario(opened().s('CALL_DELIVERED_EVENT', delivered(5, '2006')).s('CALL_CLEARED_EVENT', callCleared(5))),
    silent: () => scenario(opened().s('CALL_DELIVERED_EVENT', delivered(5, '2006')).s('CALL_CONNECTION_CLEARED_EVENT', connCleared(5, '2006')).s('CALL_CLEARED_EVENT', callCleared(5))),
  },
};

// ------------------------------------------------------------------------------------------
// Agents
// ------------------------------------------------------------------------------------------

const agent = (state: number): Record<string, unknown> => ({ AgentState: state, CSQState: state, CSQID: 0xffffffff, AgentExtension: '2006', AgentID: 'agt2006', NextAgentState: 0xffff });
const agents = (...states: number[]): Timeline => states.reduce((t, s) => t.s('AGENT_STATE_EVENT', agent(s)), opened());

const AGENTS: Record<string, RuleCase> = {
  'AGENT-STATE-VALUE': { fires: () => scenario(agents(0)), silent: () => scenario(agents(2, 3, 8, 4, 5, 9)) },
  'AGENT-SET-STATE-VALUE': {
    fires: () => scenario(opened().c('SET_AGENT_STATE_REQ', { InvokeID: 3, AgentState: 4, AgentInstrument: '2006', AgentID: 'agt2006' })),
    silent: () => scenario(opened().c('SET_AGENT_STATE_REQ', { InvokeID: 3, AgentState: 0, ForcedFlag: 2, AgentInstrument: 'unknown', AgentID: 'agt2006', AgentPassword: 'x' }).s('SET_AGENT_STATE_CONF', { InvokeID: 3 })),
  },
  'AGENT-STATE-TRANSITION': { fires: () => scenario(agents(1, 3)), silent: () => scenario(agents(1, 2, 3, 3, 8, 4, 5, 3, 4, 2, 1)) },
  'AGENT-LOGOUT-WHILE-TALKING': { fires: () => scenario(agents(3, 4, 1)), silent: () => scenario(agents(3, 4, 3, 1)) },
};

// ------------------------------------------------------------------------------------------
// Outbound
// ------------------------------------------------------------------------------------------

const nv = (pairs: Record<string, string>): { VariableName: string; VariableValue: string }[] => Object.entries(pairs).map(([VariableName, VariableValue]) => ({ VariableName, VariableValue }));
const setCallData = (invokeId: number, callId: number, response: string, callType = 18): Record<string, unknown> => ({
  InvokeID: invokeId,
  CallID: callId,
  CallType: callType,
  ConnectionDeviceID: '4020',
  NamedVariable: nv({ BAResponse: response }),
});
const reservation = (callId: number): Timeline =>
  opened()
    .s('BEGIN_CALL_EVENT', { CallID: callId, CallType: 18, ConnectionDeviceID: '4020', NamedVariable: nv({ BAStatus: 'DO', BAResponse: '' }) })
    .s('CALL_DELIVERED_EVENT', delivered(callId, '4020'));

const OUTBOUND: Record<string, RuleCase> = {
  'OUTBOUND-BASTATUS-VALUE': {
    fires: () => scenario(opened().s('BEGIN_CALL_EVENT', { CallID: 5, CallType: 18, ConnectionDeviceID: '4020', NamedVariable: nv({ BAStatus: 'XO' }) })),
    silent: () => scenario(opened().s('BEGIN_CALL_EVENT', { CallID: 5, CallType: 18, ConnectionDeviceID: '4020', NamedVariable: nv({ BAStatus: 'DO' }) })),
  },
  'OUTBOUND-BARESPONSE-VALUE': {
    fires: () => scenario(opened().c('SET_CALL_DATA_REQ', setCallData(3, 5, 'Callback 13322015 10:00', 17)).s('SET_CALL_DATA_CONF', { InvokeID: 3 })),
    silent: () =>
      scenario(
        opened()
          .c('SET_CALL_DATA_REQ', setCallData(3, 5, 'Callback 12312015 10:00', 17))
          .s('SET_CALL_DATA_CONF', { InvokeID: 3 })
          .c('SET_CALL_DATA_REQ', setCallData(4, 5, 'P#5551212', 17))
          .s('SET_CALL_DATA_CONF', { InvokeID: 4 }),
      ),
  },
  'OUTBOUND-BARESPONSE-PHASE': {
    fires: () => scenario(opened().s('BEGIN_CALL_EVENT', { CallID: 5, CallType: 17, ConnectionDeviceID: '4020', NamedVariable: nv({ BAStatus: 'CO' }) }).c('SET_CALL_DATA_REQ', setCallData(3, 5, 'Accept', 17))),
    silent: () => scenario(opened().s('BEGIN_CALL_EVENT', { CallID: 5, CallType: 17, ConnectionDeviceID: '4020', NamedVariable: nv({ BAStatus: 'CO' }) }).c('SET_CALL_DATA_REQ', setCallData(3, 5, 'REX_VOICE', 17))),
  },
  'OUTBOUND-RESERVATION-NOT-CLEARED': {
    fires: () => scenario(reservation(5).c('SET_CALL_DATA_REQ', setCallData(3, 5, 'Accept')).s('SET_CALL_DATA_CONF', { InvokeID: 3 }).s('AGENT_STATE_EVENT', agent(4), { dt: 20 })),
    silent: () =>
      scenario(
        reservation(5)
          .c('SET_CALL_DATA_REQ', setCallData(3, 5, 'Accept'))
          .s('SET_CALL_DATA_CONF', { InvokeID: 3 })
          .s('CALL_CONNECTION_CLEARED_EVENT', connCleared(5, '4020'), { dt: 1 })
          .s('AGENT_STATE_EVENT', agent(4), { dt: 20 }),
      ),
  },
};

export const RULE_CASES: Readonly<Record<string, RuleCase>> = { ...FRAMING, ...LIMITS, ...SESSIONS, ...REQUESTS, ...CONFIGURATION, ...CALLS, ...AGENTS, ...OUTBOUND };

export { SESSION };
/** Field builders of call events and of SET_CALL_DATA_REQ, shared with other rule tests. */
export { callCleared, connCleared, established, setCallData, transferred };
