/** Call-event messages: chapter 9, Tables 65–102 (chapter 6 explains call events). */
import {
  agentExtension,
  agentId,
  agentInstrument,
  callEventPrefix,
  callId,
  callVariables,
  callWrapupData,
  connectedParties,
  connectionDeviceId,
  connectionDeviceType,
  device,
  deviceType,
  eventCause,
  f,
  fl,
  flr,
  group,
  localConnectionState,
  message,
  namedVariablesAndArrays,
  numNamedArrays,
  numNamedVariables,
  r,
} from '../table-builders.js';
import type { FixedFieldDef, FloatingFieldDef, MessageDef, RecordGroupDef } from '../types.js';

const applicationId = (): FixedFieldDef => f('ApplicationID', 'UINT', 'The Application ID of the call.', { values: 'ApplicationIDSpecial' });
const csqId = (): FixedFieldDef => f('CSQID', 'UINT', 'The Contact Service Queue ID of the call.', { values: 'CSQIDSpecial' });

/** reserved 0xffff, reserved 3 (or 7), ApplicationID, reserved 0xffffffff, CSQID, reserved 0xffffffff, reserved 0. */
function applicationAndCsq(second: number): FixedFieldDef[] {
  return [r('USHORT', 0xffff), r('USHORT', second), applicationId(), r('UINT', 0xffffffff), csqId(), r('UINT', 0xffffffff), r('USHORT', 0)];
}

/**
 * NumCTIClients counts CTIClientSignature[23] / CTIClientTimestamp[24] pairs, which the
 * message tables do not list (see docs/spec-notes.md).
 */
function ctiClients(): RecordGroupDef {
  return group('CTIClients', 'NumCTIClients', undefined, 'One client previously associated with the call: its signature and timestamp (FieldDataIDs 23, 24 of Table 188).', [
    fl(23, 'CTIClientSignature', 'STRING', 64, 'optional', 'The signature of a client previously associated with the call.'),
    fl(24, 'CTIClientTimestamp', 'TIME', 4, 'optional', 'The time the client was associated with the call.'),
  ]);
}

const numCtiClients = (): FixedFieldDef =>
  f('NumCTIClients', 'USHORT', 'The number of clients associated with this call; also the number of client signatures and timestamps in the floating part.');
const callType = (): FixedFieldDef => f('CallType', 'USHORT', 'The general classification of the call type (Table 195).', { values: 'CallType' });
const calledPartyDisposition = (): FixedFieldDef =>
  f('CalledPartyDisposition', 'USHORT', 'The disposition of the called party (Table 200).', { values: 'Disposition' });

const ani = (): FloatingFieldDef => device(8, 'ANI', 40, 'optional', 'ANI (Automatic Number Identification): the telephone number of the person making the call.');
const userToUserInfo = (): FloatingFieldDef => fl(9, 'UserToUserInfo', 'UNSPEC', 131, 'optional', 'The user-to-user information element.');
const dnis = (): FloatingFieldDef => device(10, 'DNIS', 32, 'optional', 'The DNIS provided with the call.');
const dialedNumber = (): FloatingFieldDef => device(11, 'DialedNumber', 40, 'optional', 'The telephone number dialed.');
const callerEnteredDigits = (): FloatingFieldDef =>
  fl(12, 'CallerEnteredDigits', 'STRING', 40, 'optional', 'The digits entered by the caller in response to IVR prompting.');
const callingDeviceId = (presence: 'required' | 'optional'): FloatingFieldDef => device(27, 'CallingDeviceID', 64, presence, 'The device ID of the calling device.');
const calledDeviceId = (presence: 'required' | 'optional', doc = 'The device ID of the originally called device.'): FloatingFieldDef =>
  device(28, 'CalledDeviceID', 64, presence, doc);
const lastRedirectDeviceId = (): FloatingFieldDef => device(29, 'LastRedirectDeviceID', 64, 'optional', 'The device ID of the previously alerted device.');

/** Device types of a call's monitored parties. */
const calling = (): FixedFieldDef => deviceType('CallingDeviceType', 'CallingDeviceID');
const called = (): FixedFieldDef => deviceType('CalledDeviceType', 'CalledDeviceID');
const lastRedirect = (): FixedFieldDef => deviceType('LastRedirectDeviceType', 'LastRedirectDeviceID');

/** The ClientPort … fields and the floating part shared by RTP_STARTED_EVENT and RTP_STOPPED_EVENT. */
function rtpFloating(verb: string): FloatingFieldDef[] {
  return [
    connectionDeviceId('required', 'The device ID between the call and the device.'),
    fl(81, 'ClientAddress', 'STRING', 16, 'required', 'The IP address of the client.', { guideName: verb === 'started' ? 'clientAddress' : 'ClientAddress' }),
    agentExtension('optional', "The agent's IP phone extension."),
    agentInstrument('optional', "The agent's IP phone number."),
    fl(125, 'SendingAddress', 'STRING', 16, 'optional', `The IP address to which the client ${verb === 'started' ? 'is' : 'was'} sending the RTP stream.`),
    fl(126, 'SendingPort', 'UINT', 4, 'optional', `The UDP port number to which the client ${verb === 'started' ? 'is' : 'was'} sending the RTP stream.`),
    agentId('unspecified', "The agent's Unified CCX login."),
  ];
}

/**
 * The fixed fields CALL_CONFERENCED_EVENT (T87) and CALL_TRANSFERRED_EVENT (T89) share: the
 * prefix, the primary call, five reserved fields, NumParties and the secondary call.
 */
function mergedCallPrefix(what: string): FixedFieldDef[] {
  return [
    ...callEventPrefix(),
    f('PrimaryDeviceType', 'USHORT', 'The connection type supplied in the PrimaryDeviceID floating field.', { values: 'ConnectionDeviceType' }),
    f('PrimaryCallID', 'UINT', 'The Call ID value that Unified CCX assigned to the primary call.', { values: 'CallIDSpecial' }),
    r('USHORT', 0xffff),
    r('USHORT', 3),
    r('UINT', 0xffffffff),
    r('UINT', 0xffffffff),
    r('USHORT', 0),
    f('NumParties', 'USHORT', `The number of active connections of the ${what} (at most 16); also the number of ConnectedParty records.`),
    f('SecondaryDeviceType', 'USHORT', 'The connection type of the ID supplied in the SecondaryDeviceID floating field.', { values: 'ConnectionDeviceType' }),
    f('SecondaryCallID', 'UINT', 'The Call ID value that Unified CCX assigned to the secondary call.', { values: 'CallIDSpecial' }),
  ];
}

const primarySecondaryIds = (): FloatingFieldDef[] => [
  device(35, 'PrimaryDeviceID', 64, 'required', 'The device ID of the primary call connection.'),
  device(36, 'SecondaryDeviceID', 64, 'required', 'The device ID of the secondary call connection.'),
];

export const CALL_EVENT_MESSAGES: readonly MessageDef[] = [
  message({
    id: 23,
    name: 'BEGIN_CALL_EVENT',
    class: 'call-event',
    sentBy: 'server',
    role: 'event',
    selectedBy: { mask: 'CallMsgMask', bit: 'BEGIN_CALL_MASK' },
    purpose: 'Notifies the client of a new call and provides the initial call context data.',
    spec: { tables: [65, 66], page: 105 },
    fixed: [
      ...callEventPrefix(),
      f('NumCTIClients', 'USHORT', 'The number of clients previously associated with this call; also the number of client signatures and timestamps in the floating part.'),
      numNamedVariables(),
      numNamedArrays(),
      callType(),
      connectionDeviceType(),
      callId(),
      calledPartyDisposition(),
    ],
    floating: [
      connectionDeviceId('required'),
      ani(),
      userToUserInfo(),
      dnis(),
      dialedNumber(),
      callerEnteredDigits(),
      ...callVariables(),
      callWrapupData(),
      ...namedVariablesAndArrays(),
      ctiClients(),
    ],
  }),
  message({
    id: 24,
    name: 'END_CALL_EVENT',
    class: 'call-event',
    sentBy: 'server',
    role: 'event',
    selectedBy: { mask: 'CallMsgMask', bit: 'END_CALL_MASK' },
    purpose: 'Notifies the client that the association between a call and its Unified CCX client is dissolved.',
    spec: { tables: [67, 68], page: 107 },
    fixed: [...callEventPrefix(), connectionDeviceType(), callId()],
    floating: [connectionDeviceId('required')],
  }),
  message({
    id: 25,
    name: 'CALL_DATA_UPDATE_EVENT',
    class: 'call-event',
    sentBy: 'server',
    role: 'event',
    selectedBy: { mask: 'CallMsgMask', bit: 'CALL_DATA_UPDATE_MASK' },
    purpose: "Notifies the client of changes to a call's context data; contains only the data that has changed.",
    spec: { tables: [69, 70], page: 108 },
    fixed: [
      ...callEventPrefix(),
      numCtiClients(),
      numNamedVariables(),
      numNamedArrays(),
      callType(),
      connectionDeviceType(),
      callId(),
      f('NewConnectionDeviceType', 'USHORT', 'The type of device ID supplied in the NewConnectionDeviceID floating field.', { values: 'ConnectionDeviceType' }),
      f('NewCallID', 'UINT', 'The new Call ID value assigned to this call by Unified CCX.', { values: 'CallIDSpecial' }),
      calledPartyDisposition(),
      f('CampaignID', 'UINT', 'The Campaign ID value; zero if not used.'),
      r('UINT', 0),
    ],
    floating: [
      connectionDeviceId('required', 'The previous ID of the call connection.'),
      device(47, 'NewConnectionDeviceID', 64, 'required', 'The new ID of the call connection.'),
      ani(),
      callerEnteredDigits(),
      ...callVariables(),
      callWrapupData(),
      ...namedVariablesAndArrays(),
      fl(95, 'CustomerPhoneNumber', 'STRING', 20, 'optional', 'Customer phone number (the table prints no FieldDataID; Table 188 gives 95).'),
      fl(96, 'CustomerAccountNumber', 'STRING', 32, 'optional', 'Customer account number.'),
      ctiClients(),
    ],
  }),
  message({
    id: 9,
    name: 'CALL_DELIVERED_EVENT',
    class: 'call-event',
    sentBy: 'server',
    role: 'event',
    selectedBy: { mask: 'CallMsgMask', bit: 'CALL_DELIVERED_MASK' },
    purpose: 'Notifies the client that a call has arrived at a device (the phone rings).',
    spec: { tables: [71, 72], page: 111 },
    fixed: [
      ...callEventPrefix(),
      connectionDeviceType(),
      callId(),
      ...applicationAndCsq(3),
      deviceType('AlertingDeviceType', 'AlertingDeviceID'),
      calling(),
      called(),
      lastRedirect(),
      localConnectionState(),
      eventCause(),
      numNamedVariables(),
      numNamedArrays(),
    ],
    floating: [
      connectionDeviceId('required'),
      device(26, 'AlertingDeviceID', 64, 'required', 'The device ID of the device that is alerting.'),
      callingDeviceId('optional'),
      calledDeviceId('required'),
      lastRedirectDeviceId(),
      fl(202, 'SecondaryCallID', 'UINT', 4, 'optional', 'The ID of the consultation call that Unified CCX placed from the CTI port to the agent IP phone.', {
        values: 'CallIDSpecial',
      }),
      ani(),
      userToUserInfo(),
      dnis(),
      dialedNumber(),
      callerEnteredDigits(),
      ...callVariables(),
      callWrapupData(),
      ...namedVariablesAndArrays(),
    ],
  }),
  message({
    id: 10,
    name: 'CALL_ESTABLISHED_EVENT',
    class: 'call-event',
    sentBy: 'server',
    role: 'event',
    selectedBy: { mask: 'CallMsgMask', bit: 'CALL_ESTABLISHED_MASK' },
    purpose: 'Notifies the client that a call has been answered and connected at a device.',
    spec: { tables: [73, 74], page: 114 },
    fixed: [
      ...callEventPrefix(),
      connectionDeviceType(),
      callId(),
      ...applicationAndCsq(3),
      deviceType('AnsweringDeviceType', 'AnsweringDeviceID'),
      calling(),
      called(),
      lastRedirect(),
      localConnectionState(),
      eventCause(),
    ],
    floating: [
      connectionDeviceId('required'),
      device(30, 'AnsweringDeviceID', 64, 'required', 'The device ID of the device that answered the call.'),
      callingDeviceId('optional'),
      calledDeviceId('required'),
      lastRedirectDeviceId(),
    ],
  }),
  message({
    id: 11,
    name: 'CALL_HELD_EVENT',
    class: 'call-event',
    sentBy: 'server',
    role: 'event',
    selectedBy: { mask: 'CallMsgMask', bit: 'CALL_HELD_MASK' },
    purpose: 'Notifies the client that a call has been placed on hold.',
    spec: { tables: [75, 76], page: 116 },
    fixed: [...callEventPrefix(), connectionDeviceType(), callId(), deviceType('HoldingDeviceType', 'HoldingDeviceID'), localConnectionState(), eventCause()],
    floating: [connectionDeviceId('required'), device(31, 'HoldingDeviceID', 64, 'required', 'The device ID of the device that activated the hold.')],
  }),
  message({
    id: 12,
    name: 'CALL_RETRIEVED_EVENT',
    class: 'call-event',
    sentBy: 'server',
    role: 'event',
    selectedBy: { mask: 'CallMsgMask', bit: 'CALL_RETRIEVED_MASK' },
    purpose: 'Notifies the client that a call previously placed on hold has been resumed.',
    spec: { tables: [77, 78], page: 117 },
    fixed: [...callEventPrefix(), connectionDeviceType(), callId(), deviceType('RetrievingDeviceType', 'RetrievingDeviceID'), localConnectionState(), eventCause()],
    floating: [connectionDeviceId('required'), device(32, 'RetrievingDeviceID', 64, 'optional', 'The device ID of the device that de-activated hold.')],
  }),
  message({
    id: 13,
    name: 'CALL_CLEARED_EVENT',
    class: 'call-event',
    sentBy: 'server',
    role: 'event',
    selectedBy: { mask: 'CallMsgMask', bit: 'CALL_CLEARED_MASK' },
    purpose: 'Notifies the client that a call is terminated, normally when the last device disconnects from the call.',
    spec: { tables: [79, 80], page: 118 },
    fixed: [
      ...callEventPrefix(),
      r('USHORT', 0, { doc: 'Reserved; the guide documents the value 0 (it was ConnectionDeviceType until revision 1.5).' }),
      callId(),
      localConnectionState(),
      eventCause(),
    ],
    floating: [
      flr(25, 'STRING', 64, '', 'unspecified', {
        doc: 'Reserved, left blank (it was ConnectionDeviceID until revision 1.5; the table prints no FieldDataID, 25 is ConnectionDeviceID’s).',
      }),
    ],
  }),
  message({
    id: 14,
    name: 'CALL_CONNECTION_CLEARED_EVENT',
    class: 'call-event',
    sentBy: 'server',
    role: 'event',
    selectedBy: { mask: 'CallMsgMask', bit: 'CALL_CONNECTION_CLEARED_MASK' },
    purpose: 'Notifies the client that a party dropped from a call.',
    spec: { tables: [81, 82], page: 119 },
    fixed: [...callEventPrefix(), connectionDeviceType(), callId(), deviceType('ReleasingDeviceType', 'ReleasingDeviceID'), localConnectionState(), eventCause()],
    floating: [
      connectionDeviceId('required', 'The ID of the cleared connection.'),
      device(33, 'ReleasingDeviceID', 64, 'required', 'The device ID of the device that cleared the connection.'),
    ],
  }),
  message({
    id: 15,
    name: 'CALL_ORIGINATED_EVENT',
    class: 'call-event',
    sentBy: 'server',
    role: 'event',
    selectedBy: { mask: 'CallMsgMask', bit: 'CALL_ORIGINATED_MASK' },
    purpose: 'Notifies the client that a call is initiated at a monitored device.',
    spec: { tables: [83, 84], page: 120 },
    fixed: [...callEventPrefix(), connectionDeviceType(), callId(), ...applicationAndCsq(7), calling(), called(), localConnectionState(), eventCause()],
    floating: [connectionDeviceId('required'), callingDeviceId('required'), calledDeviceId('required', 'The device ID of the called device.')],
  }),
  message({
    id: 16,
    name: 'CALL_FAILED_EVENT',
    class: 'call-event',
    sentBy: 'server',
    role: 'event',
    selectedBy: { mask: 'CallMsgMask', bit: 'CALL_FAILED_MASK' },
    purpose: 'Notifies the client that a call encountered an error.',
    spec: { tables: [85, 86], page: 121 },
    fixed: [...callEventPrefix(), connectionDeviceType(), callId(), deviceType('FailingDeviceType', 'FailingDeviceID'), called(), localConnectionState(), eventCause()],
    floating: [
      connectionDeviceId('required'),
      device(34, 'FailingDeviceID', 64, 'optional', 'The device ID of the failing device.'),
      calledDeviceId('optional', 'The device ID of the called device.'),
    ],
  }),
  message({
    id: 17,
    name: 'CALL_CONFERENCED_EVENT',
    class: 'call-event',
    sentBy: 'server',
    role: 'event',
    selectedBy: { mask: 'CallMsgMask', bit: 'CALL_CONFERENCED_MASK' },
    purpose: 'Notifies the client that a call has been joined with other(s) into a conference call.',
    spec: { tables: [87, 88], page: 123 },
    fixed: [
      ...mergedCallPrefix('conference call'),
      deviceType('ControllerDeviceType', 'ControllerDeviceID'),
      deviceType('AddedPartyDeviceType', 'AddedPartyDeviceID'),
      localConnectionState(),
      eventCause(),
    ],
    floating: [
      ...primarySecondaryIds(),
      device(37, 'ControllerDeviceID', 64, 'required', 'The device ID of the conference controller device.'),
      device(38, 'AddedPartyDeviceID', 64, 'optional', 'The device ID of the device added to the call.'),
      connectedParties('NumParties'),
    ],
  }),
  message({
    id: 18,
    name: 'CALL_TRANSFERRED_EVENT',
    class: 'call-event',
    sentBy: 'server',
    role: 'event',
    selectedBy: { mask: 'CallMsgMask', bit: 'CALL_TRANSFERRED_MASK' },
    purpose: 'Notifies the client that a call has been transferred.',
    spec: { tables: [89, 90], page: 125 },
    fixed: [
      ...mergedCallPrefix('call'),
      deviceType('TransferringDeviceType', 'TransferringDeviceID'),
      deviceType('TransferredDeviceType', 'TransferredDeviceID'),
      localConnectionState(),
      eventCause(),
    ],
    floating: [
      ...primarySecondaryIds(),
      device(42, 'TransferringDeviceID', 64, 'required', 'The device ID of the device that transferred the call.'),
      device(43, 'TransferredDeviceID', 64, 'required', 'The device ID of the device to which the call was transferred.'),
      connectedParties('NumParties'),
    ],
  }),
  message({
    id: 19,
    name: 'CALL_DIVERTED_EVENT',
    class: 'call-event',
    sentBy: 'server',
    role: 'event',
    selectedBy: { mask: 'CallMsgMask', bit: 'CALL_DIVERTED_MASK' },
    purpose: 'Notifies the client that a call has been moved from one device to another.',
    spec: { tables: [91, 92], page: 128 },
    fixed: [
      ...callEventPrefix(),
      connectionDeviceType(),
      callId(),
      f('ApplicationID', 'UINT', 'The Application ID of the call (the table prints the type as "UNIT").', { guideName: 'Application ID', values: 'ApplicationIDSpecial' }),
      r('UINT', 0xffffffff),
      deviceType('DivertingDeviceType', 'DivertingDeviceID'),
      called(),
      localConnectionState(),
      eventCause(),
    ],
    floating: [
      connectionDeviceId('required', 'The device ID between the call and the device.'),
      device(44, 'DivertingDeviceID', 64, 'required', 'The device ID of the device from which the call was diverted.'),
      calledDeviceId('required', 'The device ID of the device to which the call was diverted.'),
    ],
  }),
  message({
    id: 20,
    name: 'CALL_SERVICE_INITIATED_EVENT',
    class: 'call-event',
    sentBy: 'server',
    role: 'event',
    selectedBy: { mask: 'CallMsgMask', bit: 'CALL_SERVICE_INITIATED_MASK' },
    purpose: 'Notifies the client of an initiation of telecommunications service (dial tone) at a device.',
    spec: { tables: [93, 94], page: 129 },
    fixed: [...callEventPrefix(), connectionDeviceType(), callId(), ...applicationAndCsq(3), calling(), localConnectionState(), eventCause()],
    floating: [connectionDeviceId('required', 'The device ID between the call and the device.'), callingDeviceId('required')],
  }),
  message({
    id: 21,
    name: 'CALL_QUEUED_EVENT',
    class: 'call-event',
    sentBy: 'server',
    role: 'event',
    selectedBy: { mask: 'CallMsgMask', bit: 'CALL_QUEUED_MASK' },
    purpose: 'Notifies the client that a call has been placed in a queue pending the availability of an agent.',
    spec: { tables: [95, 96], page: 131 },
    fixed: [
      ...callEventPrefix(),
      connectionDeviceType(),
      callId(),
      f('ApplicationID', 'UINT', 'The Application ID of the call (the table prints it as ApplicationID[77], a FieldDataID on a fixed field).', {
        guideName: 'ApplicationID[77]',
        values: 'ApplicationIDSpecial',
      }),
      r('UINT', 0xffffffff),
      deviceType('QueueDeviceType', 'QueueDeviceID'),
      calling(),
      called(),
      lastRedirect(),
      r('USHORT', 0),
      f('NumCSQs', 'USHORT', 'The number of CSQs to which the call has queued, up to a maximum of 20.'),
      localConnectionState(),
      eventCause(),
    ],
    floating: [
      connectionDeviceId('required', 'The device ID between the call and the device: the CTI port the call is on.'),
      device(45, 'QueueDeviceID', 64, 'required', 'The ID of the queuing device (the table prints QueuedDeviceID; Table 188 and CALL_DEQUEUED_EVENT say QueueDeviceID).', {
        guideName: 'QueuedDeviceID',
      }),
      callingDeviceId('optional'),
      calledDeviceId('required', 'The DN of the route point that was called.'),
      lastRedirectDeviceId(),
      group('CSQs', 'NumCSQs', 20, 'One CSQ the call is queued to.', [
        fl(62, 'CSQID', 'UINT', 4, 'required', 'The Contact Service Queue ID of the call.', { values: 'CSQIDSpecial' }),
        flr(63, 'UINT', 4, 0xffffffff),
        flr(64, 'USHORT', 2, 0),
      ]),
    ],
  }),
  message({
    id: 86,
    name: 'CALL_DEQUEUED_EVENT',
    class: 'call-event',
    sentBy: 'server',
    role: 'event',
    selectedBy: { mask: 'CallMsgMask', bit: 'CALL_DEQUEUED_MASK' },
    purpose: 'Notifies the client that a call has been explicitly removed from a queue.',
    spec: { tables: [97, 98], page: 133 },
    fixed: [
      ...callEventPrefix(),
      connectionDeviceType(),
      callId(),
      applicationId(),
      r('UINT', 0xffffffff),
      f('QueueDeviceType', 'USHORT', 'The type of device supplied in the QueueDeviceID floating field.', { values: 'DeviceType' }),
      f('NumQueued', 'USHORT', 'The number of calls remaining in the queue for this service.'),
      f('NumCSQs', 'USHORT', 'The number of CSQs the call has been removed from (at most 20); 0: implicitly removed from all queues.'),
      localConnectionState(),
      eventCause(),
    ],
    floating: [
      connectionDeviceId('required', 'The device ID between the call and the device.'),
      device(45, 'QueueDeviceID', 64, 'required', 'The device ID of the queuing device; for Unified CCX this is "".'),
      group('CSQs', 'NumCSQs', 20, 'One CSQ the call was removed from.', [
        fl(62, 'CSQID', 'UINT', 4, 'required', 'The Contact Service Queue ID of the call.', { values: 'CSQIDSpecial' }),
        flr(63, 'UINT', 4, 0xffffffff),
        flr(64, 'USHORT', 2, 0),
      ]),
    ],
  }),
  message({
    id: 116,
    name: 'RTP_STARTED_EVENT',
    class: 'call-event',
    sentBy: 'server',
    role: 'event',
    selectedBy: { mask: 'CallMsgMask', bit: 'RTP_STARTED_MASK' },
    purpose: 'Notifies the client that an RTP voice media stream has been started (optional message).',
    spec: { tables: [99, 100], page: 134 },
    fixed: [
      r('UINT', 0),
      r('UINT', 1),
      f('ClientPort', 'UINT', 'The TCP/IP port number of the client connection.', { guideName: 'clientPort' }),
      f('Direction', 'USHORT', '0: Input, 1: Output, 2: Bi-directional.', { values: 'RTPDirection' }),
      f('RTPType', 'USHORT', '0: Audio, 1: Video, 2: Data.', { values: 'RTPType' }),
      f('BitRate', 'UINT', 'The media bit rate, used for a G.723 payload only: 1 RTPBitRateR5_3, 2 RTPBitRateR6_4.', { values: 'RTPBitRate' }),
      f('EchoCancellation', 'USHORT', '0: off, 1: on.', { values: 'EchoCancellation' }),
      f('PacketSize', 'UINT', 'The packet size in milliseconds.'),
      f('PayloadType', 'USHORT', 'The audio codec type (Table 194).', { values: 'AudioCodec' }),
      connectionDeviceType(),
      callId(),
    ],
    floating: rtpFloating('started'),
  }),
  message({
    id: 117,
    name: 'RTP_STOPPED_EVENT',
    class: 'call-event',
    sentBy: 'server',
    role: 'event',
    selectedBy: { mask: 'CallMsgMask', bit: 'RTP_STOPPED_MASK' },
    purpose: 'Notifies the client that an RTP media stream has been stopped (optional message).',
    spec: { tables: [101, 102], page: 136 },
    fixed: [
      r('UINT', 0),
      r('UINT', 1),
      f('ClientPort', 'UINT', 'The TCP/IP port number of the client connection that was closed.', { guideName: 'clientPort' }),
      f('Direction', 'USHORT', '0: Input, 1: Output, 2: Bi-directional.', { values: 'RTPDirection' }),
      connectionDeviceType(),
      callId(),
    ],
    floating: rtpFloating('stopped'),
  }),
];
