/**
 * Realistic CTI conversations, built from the guide: session set-up and tear-down (chapter 3),
 * agent state changes, call control, and the call-event flows of chapter 11 ("Call-Event
 * Message Flows as Seen in the Log Files": a queued and answered call, a transferred call, a
 * conferenced call, an outbound preview call), with the field values the guide's tables show.
 *
 * A flow is a list of bursts: what one side writes at once. Server bursts name the sessions
 * that receive them (a bridge-mode client sees every call; an agent-mode client sees the calls
 * of its agent, chapter 11's "Message(s) received by" columns). Used by
 * scripts/samples/make-capture-samples.ts (real loopback captures) and by the capture
 * benchmark's generator (bench/capture/cti-capture-generator.ts).
 */
import type { EncodableMessage } from '../../src/protocol/codec/encode.js';
import type { FieldRecord } from '../../src/protocol/codec/decode.js';
import { constantTable } from '../../src/protocol/constants.js';

/**
 * Who receives / sends a burst: `bridge` (the bridge-mode client), `agent:<extension>` (the
 * agent-mode client of that agent), or any other name a caller gives a session.
 */
export type Party = string;

export interface Burst {
  readonly from: 'client' | 'server';
  /** Server bursts: the sessions receiving them; client bursts: the one sending. */
  readonly parties: readonly Party[];
  readonly messages: readonly EncodableMessage[];
}

const m = (type: string, fields: FieldRecord): EncodableMessage => ({ type, fields });

// Values of the guide's tables (chapter 10) used below.
const CONNECTION_ID_STATIC = 0;
const NONE16 = 0xffff;
const NONE32 = 0xffffffff;
const DEVID_CTI_PORT = 73;
const DEVID_TRIGGER = 74;
const DEVID_AGENT = 76;
const DEVID_QUEUE = 77;
const LCS_NULL = 0;
const LCS_INITIATE = 1;
const LCS_ALERTING = 2;
const LCS_CONNECT = 3;
const LCS_HOLD = 4;
const LCS_QUEUED = 5;
const CEC_NEW_CALL = 22;
const CEC_TRANSFER = 32;
const CEC_CONFERENCE = 17;
const CEC_REDIRECTED = 28;
const CECX_DROP_HANDLED_OTHER = 1014;
const SYS_CCX_ONLINE = 3;
export const AGENT_NOT_READY = 2;
export const AGENT_READY = 3;
export const AGENT_TALKING = 4;
export const AGENT_WORK_NOT_READY = 5;
export const AGENT_RESERVED = 8;
export const CTI_SERVICE_CLIENT_EVENTS = 0x1;
export const CTI_SERVICE_ALL_EVENTS = 0x10;
/** The OR of every bit a mask table names. */
const allBits = (table: string): number => (constantTable(table)?.entries ?? []).reduce((mask, e) => (mask | e.value) >>> 0, 0);
/** Every call event Table 23 names: 0x0065efff (it names no 0x00001000, 0x00020000, 0x00080000, 0x00100000). */
export const ALL_CALL_EVENTS_MASK = allBits('CallEventMask');
/** Every agent state Table 24 names (login .. reserved): 0x000001ff. */
export const ALL_AGENT_STATES_MASK = allBits('AgentStateMask');
/**
 * The OPEN_REQ IdleTimeout: Table 12 wants it below 120 s (and E_CTI_INVALID_TIMEOUT at least
 * 20 s), chapter 3 four times the heartbeat interval: 80 s for a client beating every 20 s.
 */
export const IDLE_TIMEOUT_SECONDS = 80;

export interface Agent {
  readonly extension: string;
  readonly id: string;
}

/** The ids a flow needs; callers hand out fresh ones. */
export interface CallIds {
  readonly call: number;
  readonly call2: number;
}

const server = (parties: readonly Party[], ...messages: EncodableMessage[]): Burst => ({ from: 'server', parties, messages });
const client = (party: Party, ...messages: EncodableMessage[]): Burst => ({ from: 'client', parties: [party], messages });
const agentParty = (a: Agent): Party => `agent:${a.extension}`;

// ---------------------------------------------------------------------------------------------
// Session (chapter 3)

export function openRequest(invokeId: number, version: number, mode: 'agent' | 'bridge', agent?: Agent, idleTimeout = IDLE_TIMEOUT_SECONDS): EncodableMessage {
  return m('OPEN_REQ', {
    InvokeID: invokeId,
    VersionNumber: version,
    IdleTimeout: idleTimeout,
    ServicesRequested: mode === 'agent' ? CTI_SERVICE_CLIENT_EVENTS : CTI_SERVICE_ALL_EVENTS,
    CallMsgMask: ALL_CALL_EVENTS_MASK,
    AgentStateMask: ALL_AGENT_STATES_MASK,
    ConfigMsgMask: 0,
    ClientID: mode === 'agent' ? `desktop-${agent?.extension ?? ''}` : 'wallboard',
    // UNSPEC: the password's bytes, as lowercase hex.
    ClientPassword: Buffer.from(mode === 'agent' ? 'ciscocisco' : 'bridge-secret').toString('hex'),
    ...(mode === 'agent' && agent ? { AgentExtension: agent.extension, AgentInstrument: agent.extension, AgentID: agent.id } : {}),
  });
}

export function openConf(invokeId: number, mode: 'agent' | 'bridge', agent?: Agent, agentState = AGENT_NOT_READY): EncodableMessage {
  return m('OPEN_CONF', {
    InvokeID: invokeId,
    ServicesGranted: mode === 'agent' ? CTI_SERVICE_CLIENT_EVENTS : CTI_SERVICE_ALL_EVENTS,
    UnifiedCCXOnline: true,
    AgentState: mode === 'agent' ? agentState : 0,
    ...(mode === 'agent' && agent ? { AgentExtension: agent.extension, AgentInstrument: agent.extension, AgentID: agent.id } : {}),
  });
}

export const heartbeatReq = (invokeId: number): EncodableMessage => m('HEARTBEAT_REQ', { InvokeID: invokeId });
export const heartbeatConf = (invokeId: number): EncodableMessage => m('HEARTBEAT_CONF', { InvokeID: invokeId });
export const closeReq = (invokeId: number): EncodableMessage => m('CLOSE_REQ', { InvokeID: invokeId, Status: 0 });
export const closeConf = (invokeId: number): EncodableMessage => m('CLOSE_CONF', { InvokeID: invokeId });

export function systemEvent(time: number): EncodableMessage {
  // SYS_CCX_ONLINE (Table 192: SystemEventID 3) with the server time.
  return m('SYSTEM_EVENT', { CCXStatus: 1, CCXTime: time, SystemEventID: SYS_CCX_ONLINE, SystemEventArg1: 0, SystemEventArg2: 0, SystemEventArg3: 0, EventDeviceType: NONE16 });
}

export function openSession(party: Party, invokeId: number, version: number, mode: 'agent' | 'bridge', agent?: Agent): Burst[] {
  return [client(party, openRequest(invokeId, version, mode, agent)), server([party], openConf(invokeId, mode, agent))];
}

export function heartbeat(party: Party, invokeId: number): Burst[] {
  return [client(party, heartbeatReq(invokeId)), server([party], heartbeatConf(invokeId))];
}

export function closeSession(party: Party, invokeId: number): Burst[] {
  return [client(party, closeReq(invokeId)), server([party], closeConf(invokeId))];
}

// ---------------------------------------------------------------------------------------------
// Agent state (chapter 5)

export function agentStateEvent(a: Agent, state: number, next = NONE16, reason = 0): EncodableMessage {
  return m('AGENT_STATE_EVENT', {
    CSQState: state,
    StateDuration: 0,
    CSQID: NONE32,
    AgentState: state,
    EventReasonCode: reason,
    NumCSQs: 0,
    AgentExtension: a.extension,
    AgentID: a.id,
    NextAgentState: next,
  });
}

/** The agent-mode client sets its agent's state; bridge clients see the event. */
export function setAgentState(a: Agent, invokeId: number, state: number, reason = 0): Burst[] {
  const party = agentParty(a);
  return [
    client(
      party,
      m('SET_AGENT_STATE_REQ', { InvokeID: invokeId, AgentState: state, EventReasonCode: reason, ForcedFlag: 0, AgentCapacity: 1, AgentInstrument: a.extension, AgentID: a.id }),
    ),
    server([party], m('SET_AGENT_STATE_CONF', { InvokeID: invokeId })),
    server(['bridge', party], agentStateEvent(a, state, NONE16, reason)),
  ];
}

export function queryAgentState(a: Agent, invokeId: number, state: number): Burst[] {
  const party = agentParty(a);
  return [
    client(party, m('QUERY_AGENT_STATE_REQ', { InvokeID: invokeId, AgentInstrument: a.extension })),
    server([party], m('QUERY_AGENT_STATE_CONF', { InvokeID: invokeId, AgentState: state, NumCSQs: 0, AgentID: a.id })),
  ];
}

// ---------------------------------------------------------------------------------------------
// Call events (chapter 9)

function beginCall(callId: number, callType: number, device: string, ani: string, dnis?: string): EncodableMessage {
  return m('BEGIN_CALL_EVENT', {
    NumCTIClients: 0,
    NumNamedVariables: 0,
    NumNamedArrays: 0,
    CallType: callType,
    ConnectionDeviceType: CONNECTION_ID_STATIC,
    CallID: callId,
    CalledPartyDisposition: 0,
    ConnectionDeviceID: device,
    ANI: ani,
    ...(dnis !== undefined ? { DNIS: dnis, DialedNumber: dnis } : {}),
  });
}

function serviceInitiated(callId: number, device: string, csq = NONE32): EncodableMessage {
  return m('CALL_SERVICE_INITIATED_EVENT', {
    ConnectionDeviceType: CONNECTION_ID_STATIC,
    CallID: callId,
    ApplicationID: NONE32,
    CSQID: csq,
    CallingDeviceType: DEVID_AGENT,
    LocalConnectionState: LCS_INITIATE,
    EventCause: NONE16,
    ConnectionDeviceID: device,
    CallingDeviceID: device,
  });
}

function originated(callId: number, device: string, called: string, calledType: number, csq = NONE32): EncodableMessage {
  return m('CALL_ORIGINATED_EVENT', {
    ConnectionDeviceType: CONNECTION_ID_STATIC,
    CallID: callId,
    ApplicationID: NONE32,
    CSQID: csq,
    CallingDeviceType: DEVID_AGENT,
    CalledDeviceType: calledType,
    LocalConnectionState: LCS_INITIATE,
    EventCause: NONE16,
    ConnectionDeviceID: device,
    CallingDeviceID: device,
    CalledDeviceID: called,
  });
}

function delivered(callId: number, alerting: string, alertingType: number, calling: string, app: number, csq: number, extra: FieldRecord = {}): EncodableMessage {
  return m('CALL_DELIVERED_EVENT', {
    ConnectionDeviceType: CONNECTION_ID_STATIC,
    CallID: callId,
    ApplicationID: app,
    CSQID: csq,
    AlertingDeviceType: alertingType,
    CallingDeviceType: DEVID_AGENT,
    CalledDeviceType: alertingType,
    LastRedirectDeviceType: NONE16,
    LocalConnectionState: LCS_ALERTING,
    EventCause: CEC_NEW_CALL,
    NumNamedVariables: 0,
    NumNamedArrays: 0,
    ConnectionDeviceID: alerting,
    AlertingDeviceID: alerting,
    CallingDeviceID: calling,
    CalledDeviceID: alerting,
    ...extra,
  });
}

function established(callId: number, answering: string, answeringType: number, calling: string, app: number, csq: number, lastRedirect?: string): EncodableMessage {
  return m('CALL_ESTABLISHED_EVENT', {
    ConnectionDeviceType: CONNECTION_ID_STATIC,
    CallID: callId,
    ApplicationID: app,
    CSQID: csq,
    AnsweringDeviceType: answeringType,
    CallingDeviceType: DEVID_AGENT,
    CalledDeviceType: answeringType,
    LastRedirectDeviceType: lastRedirect !== undefined ? DEVID_CTI_PORT : NONE16,
    LocalConnectionState: LCS_CONNECT,
    EventCause: CEC_NEW_CALL,
    ConnectionDeviceID: answering,
    AnsweringDeviceID: answering,
    CallingDeviceID: calling,
    CalledDeviceID: answering,
    ...(lastRedirect !== undefined ? { LastRedirectDeviceID: lastRedirect } : {}),
  });
}

function connectionCleared(callId: number, device: string, releasingType: number, cause = NONE16): EncodableMessage {
  return m('CALL_CONNECTION_CLEARED_EVENT', {
    ConnectionDeviceType: CONNECTION_ID_STATIC,
    CallID: callId,
    ReleasingDeviceType: releasingType,
    LocalConnectionState: NONE16,
    EventCause: cause,
    ConnectionDeviceID: device,
    ReleasingDeviceID: device,
  });
}

function cleared(callId: number): EncodableMessage {
  return m('CALL_CLEARED_EVENT', { CallID: callId, LocalConnectionState: LCS_NULL, EventCause: CECX_DROP_HANDLED_OTHER });
}

function endCall(callId: number): EncodableMessage {
  return m('END_CALL_EVENT', { ConnectionDeviceType: CONNECTION_ID_STATIC, CallID: callId, ConnectionDeviceID: '' });
}

function dataUpdate(callId: number, callType: number, device: string, extra: FieldRecord = {}): EncodableMessage {
  return m('CALL_DATA_UPDATE_EVENT', {
    NumCTIClients: 0,
    NumNamedVariables: 0,
    NumNamedArrays: 0,
    CallType: callType,
    ConnectionDeviceType: CONNECTION_ID_STATIC,
    CallID: callId,
    NewConnectionDeviceType: CONNECTION_ID_STATIC,
    NewCallID: callId,
    CalledPartyDisposition: 0,
    CampaignID: 0,
    ConnectionDeviceID: device,
    NewConnectionDeviceID: device,
    ...extra,
  });
}

/** The ConnectedParty records of a call (one per active connection, all static device IDs). */
function connectedParties(callId: number, devices: readonly string[]): FieldRecord[] {
  return devices.map((device) => ({ ConnectedPartyCallID: callId, ConnectedPartyDeviceType: CONNECTION_ID_STATIC, ConnectedPartyDeviceID: device }));
}

function namedVariables(vars: ReadonlyArray<readonly [string, string]>): FieldRecord {
  return { NumNamedVariables: vars.length, NamedVariable: vars.map(([VariableName, VariableValue]) => ({ VariableName, VariableValue })) };
}

// ---------------------------------------------------------------------------------------------
// Chapter 11 flows

export interface InboundCall {
  readonly caller: string;
  readonly trigger: string;
  readonly ctiPort: string;
  readonly csq: number;
  readonly app: number;
}

/** Example Message Flow for a Queued and Answered Call (the agent answers from its desktop). */
export function queuedAndAnsweredCall(agent: Agent, call: InboundCall, ids: CallIds, invokeId: number, answerFromDesktop: boolean): Burst[] {
  const a = agentParty(agent);
  const id = ids.call;
  const out: Burst[] = [
    // 1 The caller makes the call to the trigger.
    server(['bridge'], beginCall(id, 9, call.caller, call.caller)),
    server(
      ['bridge'],
      serviceInitiated(id, call.caller),
      originated(id, call.caller, call.trigger, DEVID_TRIGGER),
      delivered(id, call.ctiPort, DEVID_CTI_PORT, call.caller, call.app, NONE32, { ANI: call.caller, DNIS: call.trigger, DialedNumber: call.trigger }),
    ),
    server(['bridge'], established(id, call.ctiPort, DEVID_CTI_PORT, call.caller, call.app, NONE32)),
    // 2 The call is queued.
    server(
      ['bridge'],
      m('CALL_QUEUED_EVENT', {
        ConnectionDeviceType: CONNECTION_ID_STATIC,
        CallID: id,
        ApplicationID: call.app,
        QueueDeviceType: DEVID_QUEUE,
        CallingDeviceType: DEVID_AGENT,
        CalledDeviceType: DEVID_TRIGGER,
        LastRedirectDeviceType: NONE16,
        NumCSQs: 1,
        LocalConnectionState: LCS_QUEUED,
        EventCause: NONE16,
        ConnectionDeviceID: call.ctiPort,
        QueueDeviceID: String(call.csq),
        CallingDeviceID: call.caller,
        CalledDeviceID: call.trigger,
        CSQs: [{ CSQID: call.csq }],
      }),
    ),
    // 4 The agent is reserved; 5 the agent phone rings.
    server(['bridge', a], agentStateEvent(agent, AGENT_RESERVED)),
    server(['bridge', a], delivered(id, agent.extension, DEVID_AGENT, call.caller, call.app, call.csq, { ANI: call.caller, DNIS: call.trigger, SecondaryCallID: ids.call2 })),
  ];
  // 6 The agent answers.
  if (answerFromDesktop) {
    out.push(client(a, m('ANSWER_CALL_REQ', { InvokeID: invokeId, CallID: id, ConnectionDeviceType: CONNECTION_ID_STATIC, ConnectionDeviceID: agent.extension })));
    out.push(server([a], m('ANSWER_CALL_CONF', { InvokeID: invokeId })));
  }
  out.push(
    server(['bridge', a], agentStateEvent(agent, AGENT_TALKING, AGENT_READY)),
    server(
      ['bridge', a],
      dataUpdate(id, 10, call.caller),
      established(id, agent.extension, DEVID_AGENT, call.caller, NONE32, call.csq, call.ctiPort),
      m('CALL_DEQUEUED_EVENT', {
        ConnectionDeviceType: NONE16,
        CallID: id,
        ApplicationID: NONE32,
        QueueDeviceType: 0,
        NumQueued: 0,
        NumCSQs: 1,
        LocalConnectionState: LCS_CONNECT,
        EventCause: NONE16,
        ConnectionDeviceID: '',
        QueueDeviceID: '',
        CSQs: [{ CSQID: call.csq }],
      }),
    ),
    // 7 The call is disconnected from the CTI port.
    server(['bridge', a], connectionCleared(id, call.ctiPort, DEVID_CTI_PORT, CEC_REDIRECTED)),
  );
  return out;
}

/** The caller hangs up: end of the queued-and-answered flow (its step 8). */
export function callerHangsUp(agent: Agent, call: InboundCall, callId: number): Burst[] {
  const a = agentParty(agent);
  return [
    server(['bridge', a], connectionCleared(callId, call.caller, DEVID_AGENT), agentStateEvent(agent, AGENT_READY)),
    server(['bridge', a], connectionCleared(callId, agent.extension, DEVID_AGENT), cleared(callId), endCall(callId)),
  ];
}

/** Example Message Flow for a Transferred Call: the agent consults agent2 and transfers. */
export function transferredCall(agent: Agent, agent2: Agent, call: InboundCall, callId: number, consultId: number, invokeId: number): Burst[] {
  const a = agentParty(agent);
  const b = agentParty(agent2);
  // The call's connections once transferred: the caller and agent2.
  const transferred = [call.caller, agent2.extension];
  return [
    client(
      a,
      m('CONSULT_CALL_REQ', {
        InvokeID: invokeId,
        ActiveCallID: callId,
        ActiveConnectionDeviceType: CONNECTION_ID_STATIC,
        ConsultType: 1,
        NumNamedVariables: 0,
        NumNamedArrays: 0,
        ActiveConnectionDeviceID: agent.extension,
        DialedNumber: agent2.extension,
        AgentInstrument: agent.extension,
      }),
    ),
    // 1 Agent consults agent2.
    server(
      ['bridge', a],
      m('CALL_HELD_EVENT', {
        ConnectionDeviceType: CONNECTION_ID_STATIC,
        CallID: callId,
        HoldingDeviceType: DEVID_AGENT,
        LocalConnectionState: LCS_HOLD,
        EventCause: NONE16,
        ConnectionDeviceID: agent.extension,
        HoldingDeviceID: agent.extension,
      }),
      beginCall(consultId, 12, agent.extension, agent.extension),
      serviceInitiated(consultId, agent.extension, call.csq),
    ),
    server([a], m('CONSULT_CALL_CONF', { InvokeID: invokeId, NewCallID: consultId, NewConnectionDeviceType: CONNECTION_ID_STATIC, NewConnectionDeviceID: agent.extension })),
    server(['bridge', b], agentStateEvent(agent2, AGENT_RESERVED)),
    server(['bridge', a], originated(consultId, agent.extension, agent2.extension, DEVID_AGENT, call.csq)),
    server(['bridge', a, b], delivered(consultId, agent2.extension, DEVID_AGENT, agent.extension, NONE32, call.csq)),
    // 2 Agent2 answers the consult call.
    server(['bridge', b], agentStateEvent(agent2, AGENT_TALKING, AGENT_READY)),
    server(['bridge', a], established(consultId, agent2.extension, DEVID_AGENT, agent.extension, NONE32, call.csq)),
    // 3 The agent completes the transfer.
    client(
      a,
      m('TRANSFER_CALL_REQ', {
        InvokeID: invokeId + 1,
        ActiveCallID: consultId,
        HeldCallID: callId,
        ActiveConnectionDeviceType: CONNECTION_ID_STATIC,
        HeldConnectionDeviceType: CONNECTION_ID_STATIC,
        NumNamedVariables: 0,
        NumNamedArrays: 0,
        ActiveConnectionDeviceID: agent.extension,
        HeldConnectionDeviceID: agent.extension,
        AgentInstrument: agent.extension,
      }),
    ),
    server(
      ['bridge', a],
      dataUpdate(callId, 4, call.caller),
      m('CALL_TRANSFERRED_EVENT', {
        PrimaryDeviceType: CONNECTION_ID_STATIC,
        PrimaryCallID: callId,
        NumParties: transferred.length,
        SecondaryDeviceType: CONNECTION_ID_STATIC,
        SecondaryCallID: consultId,
        TransferringDeviceType: DEVID_AGENT,
        TransferredDeviceType: DEVID_AGENT,
        LocalConnectionState: LCS_CONNECT,
        EventCause: CEC_TRANSFER,
        PrimaryDeviceID: agent.extension,
        SecondaryDeviceID: agent2.extension,
        TransferringDeviceID: agent.extension,
        TransferredDeviceID: agent2.extension,
        ConnectedParties: connectedParties(callId, transferred),
      }),
    ),
    server(
      [a],
      // NumParties counts the ConnectedParty records that follow (chapter 2, Floating Fields).
      m('TRANSFER_CALL_CONF', {
        InvokeID: invokeId + 1,
        NewCallID: callId,
        NewConnectionDeviceType: CONNECTION_ID_STATIC,
        NumParties: transferred.length,
        NewConnectionDeviceID: agent2.extension,
        ConnectedParties: connectedParties(callId, transferred),
      }),
    ),
    server(['bridge', b], established(callId, agent2.extension, DEVID_AGENT, call.caller, NONE32, call.csq, agent.extension)),
    server(['bridge', a], connectionCleared(consultId, agent.extension, DEVID_AGENT), agentStateEvent(agent, AGENT_READY)),
    server(['bridge'], connectionCleared(consultId, agent2.extension, DEVID_AGENT), cleared(consultId), endCall(consultId)),
    // 4 The caller ends the call.
    server(['bridge', b], connectionCleared(callId, call.caller, DEVID_AGENT)),
    server(['bridge', b], agentStateEvent(agent2, AGENT_NOT_READY, NONE16, 32755), connectionCleared(callId, agent2.extension, DEVID_AGENT)),
    server(['bridge'], cleared(callId), endCall(callId)),
  ];
}

/** Example Message Flow for a Conferenced Call: the agent consults agent2 and conferences. */
export function conferencedCall(agent: Agent, agent2: Agent, call: InboundCall, callId: number, consultId: number, invokeId: number): Burst[] {
  const a = agentParty(agent);
  const b = agentParty(agent2);
  // The call's connections once conferenced: the caller, the agent and agent2.
  const conferenced = [call.caller, agent.extension, agent2.extension];
  return [
    client(
      a,
      m('CONSULT_CALL_REQ', {
        InvokeID: invokeId,
        ActiveCallID: callId,
        ActiveConnectionDeviceType: CONNECTION_ID_STATIC,
        ConsultType: 2,
        NumNamedVariables: 0,
        NumNamedArrays: 0,
        ActiveConnectionDeviceID: agent.extension,
        DialedNumber: agent2.extension,
        AgentInstrument: agent.extension,
      }),
    ),
    server(['bridge', a], beginCall(consultId, 12, agent.extension, agent.extension)),
    server([a], m('CONSULT_CALL_CONF', { InvokeID: invokeId, NewCallID: consultId, NewConnectionDeviceType: CONNECTION_ID_STATIC, NewConnectionDeviceID: agent.extension })),
    server(['bridge', a, b], delivered(consultId, agent2.extension, DEVID_AGENT, agent.extension, NONE32, call.csq)),
    server(['bridge', a], established(consultId, agent2.extension, DEVID_AGENT, agent.extension, NONE32, call.csq)),
    client(
      a,
      m('CONFERENCE_CALL_REQ', {
        InvokeID: invokeId + 1,
        HeldCallID: callId,
        ActiveCallID: consultId,
        HeldConnectionDeviceType: CONNECTION_ID_STATIC,
        ActiveConnectionDeviceType: CONNECTION_ID_STATIC,
        NumNamedVariables: 0,
        NumNamedArrays: 0,
        ActiveConnectionDeviceID: agent.extension,
        HeldConnectionDeviceID: agent.extension,
        AgentInstrument: agent.extension,
      }),
    ),
    // 1 The original call and the consult call are merged.
    server(
      ['bridge', a, b],
      dataUpdate(callId, 15, call.caller),
      m('CALL_CONFERENCED_EVENT', {
        PrimaryDeviceType: CONNECTION_ID_STATIC,
        PrimaryCallID: callId,
        NumParties: conferenced.length,
        SecondaryDeviceType: CONNECTION_ID_STATIC,
        SecondaryCallID: consultId,
        ControllerDeviceType: DEVID_AGENT,
        AddedPartyDeviceType: DEVID_AGENT,
        LocalConnectionState: LCS_CONNECT,
        EventCause: CEC_CONFERENCE,
        PrimaryDeviceID: agent.extension,
        SecondaryDeviceID: agent2.extension,
        ControllerDeviceID: agent.extension,
        AddedPartyDeviceID: agent2.extension,
        ConnectedParties: connectedParties(callId, conferenced),
      }),
    ),
    server(
      [a],
      m('CONFERENCE_CALL_CONF', {
        InvokeID: invokeId + 1,
        NewCallID: callId,
        NewConnectionDeviceType: CONNECTION_ID_STATIC,
        NumParties: conferenced.length,
        NewConnectionDeviceID: agent.extension,
        ConnectedParties: connectedParties(callId, conferenced),
      }),
    ),
    server(['bridge', a], connectionCleared(consultId, agent.extension, DEVID_AGENT), established(callId, call.caller, DEVID_AGENT, call.caller, NONE32, call.csq, agent.extension)),
    server(['bridge', b], connectionCleared(consultId, agent2.extension, DEVID_AGENT)),
    server(['bridge'], cleared(consultId), endCall(consultId)),
    // 2 The caller ends the call; 3 the agents drop.
    server(['bridge', a, b], connectionCleared(callId, call.caller, DEVID_AGENT)),
    server(['bridge', a], agentStateEvent(agent, AGENT_READY), connectionCleared(callId, agent.extension, DEVID_AGENT)),
    server(['bridge', b], connectionCleared(callId, agent2.extension, DEVID_AGENT)),
    server(['bridge'], cleared(callId), endCall(callId)),
  ];
}

/**
 * Example Message Flows for an Outbound Option Call: the outbound subsystem reserves the
 * agent with a reservation call, the agent accepts (SET_CALL_DATA_REQ with BAResponse =
 * Accept), the preview call to the customer is made, talks, ends.
 */
export function outboundPreviewCall(agent: Agent, customer: string, reservationId: number, previewId: number, invokeId: number): Burst[] {
  const a = agentParty(agent);
  const campaign: ReadonlyArray<readonly [string, string]> = [
    ['BACampaign', 'LoadCamp'],
    ['BAStatus', 'DO'],
    ['user.layout', 'OODefault'],
    ['BAAccountNumber', 'AC111'],
    ['BADialedListID', '20779'],
    ['BABuddyName', 'John,Doe'],
  ];
  return [
    // 1 The agent is reserved; 2 a reservation call is created.
    server(['bridge', a], agentStateEvent(agent, AGENT_RESERVED)),
    server(['bridge', a], { type: 'BEGIN_CALL_EVENT', fields: { ...beginCall(reservationId, 18, agent.extension, agent.extension).fields, ...namedVariables(campaign) } }),
    server(['bridge', a], delivered(reservationId, agent.extension, DEVID_AGENT, agent.extension, NONE32, NONE32)),
    // 3 The agent accepts the contact.
    client(
      a,
      m('SET_CALL_DATA_REQ', {
        InvokeID: invokeId,
        ConnectionDeviceType: CONNECTION_ID_STATIC,
        CallID: reservationId,
        NumNamedVariables: 1,
        NumNamedArrays: 0,
        CallType: 18,
        CalledPartyDisposition: 0,
        ConnectionDeviceID: agent.extension,
        NamedVariable: [{ VariableName: 'BAResponse', VariableValue: 'Accept' }],
      }),
    ),
    server([a], m('SET_CALL_DATA_CONF', { InvokeID: invokeId })),
    // 4 Unified CCX confirms the accept.
    server(['bridge', a], dataUpdate(reservationId, 18, agent.extension, namedVariables([['BAResponse', 'Accept']]))),
    // 5 The call from the agent phone to the customer.
    server(
      ['bridge', a],
      {
        type: 'BEGIN_CALL_EVENT',
        fields: { ...beginCall(previewId, 17, agent.extension, agent.extension, customer).fields, ...namedVariables([...campaign, ['BAStatus', 'CO'], ['BACustomerNumber', customer]]) },
      },
    ),
    // 6 The reservation call is terminated.
    server(['bridge', a], connectionCleared(reservationId, agent.extension, DEVID_AGENT), cleared(reservationId), endCall(reservationId)),
    // 7 The preview call has started; 8 call events of the call.
    server(['bridge', a], dataUpdate(previewId, 17, agent.extension, namedVariables([['BAStatus', 'CO']]))),
    server(['bridge', a], serviceInitiated(previewId, agent.extension), agentStateEvent(agent, AGENT_TALKING, AGENT_WORK_NOT_READY), originated(previewId, agent.extension, customer, 0)),
    server(['bridge', a], established(previewId, 'Unknown', NONE16, agent.extension, NONE32, NONE32)),
    // 9 The outbound call is terminated.
    server(['bridge', a], connectionCleared(previewId, agent.extension, DEVID_AGENT), agentStateEvent(agent, AGENT_WORK_NOT_READY), cleared(previewId), endCall(previewId)),
  ];
}

/**
 * The agent dials out from its desktop (MAKE_CALL_REQ; with `version` ≥ 14 the version-14
 * fixed part, whose extra Reserved12 field only a session opened with version 14 decodes).
 */
export function makeCall(agent: Agent, dialed: string, callId: number, invokeId: number, version: number): Burst[] {
  const a = agentParty(agent);
  return [
    client(
      a,
      m('MAKE_CALL_REQ', {
        InvokeID: invokeId,
        NumNamedVariables: 0,
        NumNamedArrays: 0,
        // The guide documents 0xffffffff for the reserved field (chapter 2, Fixed Fields).
        ...(version >= 14 ? { Reserved12: NONE32 } : {}),
        AgentInstrument: agent.extension,
        DialedNumber: dialed,
      }),
    ),
    server(['bridge', a], beginCall(callId, 9, agent.extension, agent.extension, dialed), serviceInitiated(callId, agent.extension)),
    server([a], m('MAKE_CALL_CONF', { InvokeID: invokeId, NewCallID: callId, NewConnectionDeviceType: CONNECTION_ID_STATIC, NewConnectionDeviceID: agent.extension })),
    server(['bridge', a], originated(callId, agent.extension, dialed, 0), established(callId, dialed, 0, agent.extension, NONE32, NONE32)),
    client(a, m('CLEAR_CONNECTION_REQ', { InvokeID: invokeId + 1, CallID: callId, ConnectionDeviceType: CONNECTION_ID_STATIC, ConnectionDeviceID: agent.extension })),
    server([a], m('CLEAR_CONNECTION_CONF', { InvokeID: invokeId + 1 })),
    server(['bridge', a], connectionCleared(callId, agent.extension, DEVID_AGENT), cleared(callId), endCall(callId)),
  ];
}
