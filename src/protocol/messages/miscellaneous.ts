/** Miscellaneous messages: chapter 9, Tables 162–183. */
import {
  agentId,
  agentInstrument,
  callId,
  callVariables,
  callWrapupData,
  connectionDeviceId,
  connectionDeviceType,
  device,
  f,
  fl,
  flr,
  group,
  invokeIdConfirmation,
  invokeIdRequest,
  message,
  namedVariablesAndArrays,
  numNamedArrays,
  numNamedVariables,
  r,
} from '../table-builders.js';
import type { FixedFieldDef, FloatingFieldDef, MessageDef } from '../types.js';

const MISC_REQUEST = { class: 'miscellaneous', sentBy: 'client', role: 'request' } as const;
const MISC_CONF = { class: 'miscellaneous', sentBy: 'server', role: 'confirmation' } as const;

const ushort = (name: string, doc: string): FixedFieldDef => f(name, 'USHORT', doc);
const uint = (name: string, doc: string): FixedFieldDef => f(name, 'UINT', doc);

/** LoggedInAgents … SelectedAgents (six agent counts). */
function agentCounts(scope: string): FixedFieldDef[] {
  return [
    ushort('LoggedInAgents', `The number of agents${scope} who are currently logged in.`),
    ushort('InSessionAgents', `The number of agents${scope} who are currently In-Session (talking).`),
    ushort('AvailableAgents', `The number of agents${scope} who are currently available (ready).`),
    ushort('UnAvailableAgents', `The number of agents${scope} who are currently unavailable (not ready).`),
    ushort('InWorkAgents', `The number of agents${scope} who are currently in Work state.`),
    ushort('SelectedAgents', `The number of agents${scope} who are currently in Selected (reserved) state.`),
  ];
}

function priorityQueues(scope: string): FixedFieldDef[] {
  return Array.from({ length: 10 }, (_, i) => uint(`CallsInPriorityQueue${i + 1}`, `The total number of calls in priority queue ${i + 1}${scope}.`));
}

const startEnd = (): FixedFieldDef[] => [
  f('StartTime', 'TIME', 'The date and time the following counters started accumulating.'),
  f('EndTime', 'TIME', 'The date and time the following counters ended.'),
];

const talkWait = (scope: string): FixedFieldDef[] => [
  uint('AverageTalkDuration', `The average talk duration${scope}.`),
  uint('AverageWaitDuration', 'The average wait time for a call before it gets connected to an agent.'),
  uint('LongestTalkDuration', `The longest time that a caller was talking to an agent${scope}.`),
  uint('LongestWaitDuration', 'The longest wait time before a caller got connected to an agent.'),
];

const csqIdInt = (): FloatingFieldDef => fl(62, 'CSQID', 'INT', 4, 'unspecified', 'The ID of the Contact Service Queue.');

export const MISCELLANEOUS_MESSAGES: readonly MessageDef[] = [
  message({
    ...MISC_REQUEST,
    id: 223,
    name: 'QUERY_QUEUE_STATISTICS_REQ',
    confirmedBy: ['QUERY_QUEUE_STATISTICS_CONF'],
    purpose: 'Requests the current CSQ call handling statistics.',
    spec: { tables: [162, 163], page: 169 },
    fixed: [invokeIdRequest()],
    floating: [csqIdInt()],
  }),
  message({
    ...MISC_CONF,
    id: 224,
    name: 'QUERY_QUEUE_STATISTICS_CONF',
    purpose: 'Confirms the processing completion of a QUERY_QUEUE_STATISTICS_REQ message.',
    spec: { tables: [164, 165], page: 169 },
    fixed: [
      invokeIdConfirmation(),
      ...agentCounts(' belonging to the CSQ'),
      ...priorityQueues(' of the CSQ'),
      ...startEnd(),
      uint('TotalCalls', 'The total number of calls associated to this CSQ in the current day.'),
      uint('OldestCallInQueue', 'The elapsed wait time of the oldest call currently in queue.'),
      uint('HandledCallsToday', 'The total number of calls handled by agents of the CSQ in the current day.'),
      uint('CallsAbandoned', 'The total number of calls of the CSQ abandoned before connecting to an agent.'),
      uint('CallsDequeued', 'The total number of calls dequeued from the CSQ queue.'),
      ...talkWait(' for this CSQ'),
    ],
    floating: [csqIdInt()],
  }),
  message({
    ...MISC_REQUEST,
    id: 239,
    name: 'QUERY_AGENT_QUEUE_STATISTICS_REQ',
    confirmedBy: ['QUERY_AGENT_QUEUE_STATISTICS_CONF'],
    purpose: 'Requests the current agent call handling statistics.',
    spec: { tables: [166, 167], page: 172 },
    fixed: [invokeIdRequest()],
    floating: [agentId('required', 'The Agent ID.')],
  }),
  message({
    ...MISC_CONF,
    id: 240,
    name: 'QUERY_AGENT_QUEUE_STATISTICS_CONF',
    purpose: 'Confirms the processing completion of a QUERY_AGENT_QUEUE_STATISTICS_REQ message.',
    spec: { tables: [168, 169], page: 172 },
    fixed: [
      invokeIdConfirmation(),
      uint('CallsInQueue', 'The total number of calls in queue for all the CSQs the agent belongs to.'),
      uint('OldestCallInQueue', 'The elapsed wait time of the oldest call in queue for any of the agent’s CSQs.'),
    ],
    floating: [agentId('required', 'The Agent ID (the table leaves its size blank; 32 as elsewhere).')],
  }),
  message({
    ...MISC_REQUEST,
    id: 78,
    name: 'QUERY_DEVICE_INFO_REQ',
    confirmedBy: ['QUERY_DEVICE_INFO_CONF'],
    purpose: 'Retrieves general information about a specified device.',
    spec: { tables: [170, 171], page: 173 },
    fixed: [invokeIdRequest(), r('UINT', 1), r('USHORT', 0)],
    floating: [agentInstrument('required', 'The agent IP phone number.')],
  }),
  message({
    ...MISC_CONF,
    id: 79,
    name: 'QUERY_DEVICE_INFO_CONF',
    purpose: 'Confirms the processing completion of a QUERY_DEVICE_INFO_REQ message.',
    spec: { tables: [172, 173], page: 174 },
    fixed: [
      invokeIdConfirmation(),
      r('USHORT', 21),
      r('USHORT', 0xffff, { doc: 'Reserved; the guide documents -1 (0xFFFF as a USHORT).' }),
      r('USHORT', 0xffff, { doc: 'Reserved; the guide documents -1 (0xFFFF as a USHORT).' }),
      r('USHORT', 0),
      r('USHORT', 0),
      ushort('MaxActiveCalls', 'The maximum number of concurrent calls that can be active at the device.'),
      ushort('MaxHeldCalls', 'The maximum number of concurrent calls that can be held at the device; 0xFFFF if unknown.'),
      ushort('MaxDevicesInConference', 'The maximum number of devices in a conference call at the device; 0xFFFF if unknown.'),
      f('MakeCallSetup', 'UINT', 'A bitwise combination of agent-state masks in which a MAKE_CALL_REQ can be initiated.', { values: 'AgentStateMask' }),
      r('UINT', 0),
      r('UINT', 0),
      r('UINT', 0),
      r('UINT', 0),
    ],
    floating: [flr(70, 'USHORT', 2, 0xffff), flr(71, 'USHORT', 2, 3)],
  }),
  message({
    ...MISC_REQUEST,
    id: 225,
    name: 'QUERY_SUMMARY_STATISTICS_REQ',
    confirmedBy: ['QUERY_SUMMARY_STATISTICS_CONF'],
    purpose: 'Requests system summary statistics for Unified CCX.',
    spec: { tables: [174], page: 175 },
    fixed: [invokeIdRequest()],
  }),
  message({
    ...MISC_CONF,
    id: 226,
    name: 'QUERY_SUMMARY_STATISTICS_CONF',
    purpose: 'Confirms the processing completion of a QUERY_SUMMARY_STATISTICS_REQ message.',
    spec: { tables: [175], page: 175 },
    fixed: [
      invokeIdConfirmation(),
      ushort('NumQueues', 'The number of CSQs configured in the Unified CCX system.'),
      ...agentCounts(''),
      ...priorityQueues(' for all CSQs'),
      ...startEnd(),
      uint('TotalCalls', 'The total number of calls in the current day.'),
      uint('OldestCallInQueue', 'The time the oldest call currently in queue has been waiting.'),
      uint('HandledCallsToday', 'The total number of calls handled in the current day.'),
      uint('CallsAbandoned', 'The total number of calls abandoned before connecting to an agent.'),
      ...talkWait(''),
    ],
  }),
  message({
    ...MISC_REQUEST,
    id: 82,
    name: 'SNAPSHOT_CALL_REQ',
    confirmedBy: ['SNAPSHOT_CALL_CONF'],
    purpose: 'Retrieves information on a specified call.',
    spec: { tables: [176, 177], page: 177 },
    fixed: [invokeIdRequest(), r('UINT', 1), callId('The Call ID value assigned to the call by Unified CCX.'), connectionDeviceType()],
    floating: [connectionDeviceId('required')],
  }),
  message({
    ...MISC_CONF,
    id: 83,
    name: 'SNAPSHOT_CALL_CONF',
    purpose: 'Confirms the processing completion of a SNAPSHOT_CALL_REQ message.',
    spec: { tables: [178, 179], page: 178 },
    fixed: [
      invokeIdConfirmation(),
      f('CallType', 'USHORT', 'The call type; the guide says it is set to 0.', { values: 'CallType' }),
      r('USHORT', 0),
      f('NumCallDevices', 'USHORT', 'The number of active devices of the call (at most 16); also the number of CallDevices records.'),
      numNamedVariables(),
      numNamedArrays(),
      r('USHORT', 0),
      r('INT', 0, { since: 11 }),
    ],
    floating: [
      device(8, 'ANI', 40, 'optional', 'The calling line ID of the caller.'),
      device(10, 'DNIS', 32, 'optional', 'The DNIS provided with the call.'),
      device(11, 'DialedNumber', 40, 'optional', 'The number dialed.'),
      fl(12, 'CallerEnteredDigits', 'STRING', 40, 'optional', 'The digits entered by the caller in response to IVR prompting.'),
      flr(72, 'UINT', 4, 0, 'required'),
      flr(73, 'UINT', 4, 0, 'required'),
      ...callVariables(),
      callWrapupData(),
      ...namedVariablesAndArrays(),
      group('CallDevices', 'NumCallDevices', 16, 'One device of the call with its connection.', [
        fl(56, 'CallConnectionCallID', 'UINT', 4, 'optional', 'The Call ID value of one of the call device connections.', { values: 'CallIDSpecial' }),
        fl(57, 'CallConnectionDeviceType', 'USHORT', 2, 'optional', 'The connection type of the following CallConnectionDeviceID (Table 193).', {
          values: 'ConnectionDeviceType',
        }),
        device(58, 'CallConnectionDeviceID', 64, 'optional', 'The device ID of one of the call connections.'),
        fl(59, 'CallDeviceType', 'USHORT', 2, 'optional', 'The device ID type of the following CallDeviceID (Table 189).', { values: 'DeviceType' }),
        device(60, 'CallDeviceID', 64, 'optional', 'The device ID of the subject device.'),
        fl(61, 'CallDeviceConnectionState', 'USHORT', 2, 'optional', 'The local connection state of the call device connection (Table 190).', {
          values: 'LocalConnectionState',
        }),
      ]),
    ],
  }),
  message({
    ...MISC_REQUEST,
    id: 84,
    name: 'SNAPSHOT_DEVICE_REQ',
    confirmedBy: ['SNAPSHOT_DEVICE_CONF'],
    purpose: 'Retrieves information on a specified device.',
    spec: { tables: [180, 181], page: 181 },
    fixed: [
      invokeIdRequest(),
      r('UINT', 1),
      f('SnapshotDeviceType', 'USHORT', 'For non-agent devices, the type of the device in AgentInstrument (Table 189).', { values: 'DeviceType' }),
    ],
    floating: [agentInstrument('required', "The agent's IP phone number or any valid phone number.")],
  }),
  message({
    ...MISC_CONF,
    id: 85,
    name: 'SNAPSHOT_DEVICE_CONF',
    purpose: 'Confirms the processing completion of a SNAPSHOT_DEVICE_REQ message.',
    spec: { tables: [182, 183], page: 181 },
    fixed: [invokeIdConfirmation(), f('NumCalls', 'USHORT', 'The number of active calls of the device (at most 16); also the number of Calls records.')],
    floating: [
      group('Calls', 'NumCalls', 16, 'One call of the device with its state.', [
        fl(56, 'CallConnectionCallID', 'UINT', 4, 'optional', 'The Call ID value of one of the calls.', { values: 'CallIDSpecial' }),
        fl(57, 'CallConnectionDeviceType', 'USHORT', 2, 'optional', 'The connection type of the following CallConnectionDeviceID (Table 193).', {
          values: 'ConnectionDeviceType',
        }),
        device(58, 'CallConnectionDeviceID', 64, 'optional', 'The device ID of the call connection.'),
        fl(61, 'CallDeviceConnectionState', 'USHORT', 2, 'optional', 'The active state of the call (Table 190).', { values: 'LocalConnectionState' }),
      ]),
    ],
  }),
];
