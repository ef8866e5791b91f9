/**
 * The constant tables of the guide (chapter 10 "Constants and Status Codes" and the value
 * lists written into chapter 5 and chapter 9 field descriptions), transcribed as data.
 *
 * Every value, name and description is written as the guide prints it. Where the guide is odd
 * (a gap, a contradiction, a typo, a wrong cross-reference) the value is kept and a
 * `// guide:` comment says what is odd. Markup left by the PDF-to-text conversion (`<p>`, `<ul>`)
 * is not part of the guide and has been removed from descriptions.
 *
 * `reserved` lists every value or range a table marks "reserved"; values a table neither names
 * nor marks reserved are simply absent (a closed table diagnoses them as unknown).
 */
import type { ConstTable } from './types.js';

// ---------------------------------------------------------------------------------------------
// Chapter 5: agent states
// ---------------------------------------------------------------------------------------------

// guide: Table 3 has no value 6 (it jumps from AGENT_STATE_WORK = 5 to BUSY_OTHER = 7). Table 24
// numbers its mask bits as 1 << state, and its bit 0x40 (= 1 << 6) is "talking pending work",
// while 1 << 7 is "talking pending not ready" — not BUSY_OTHER, which Table 3 gives the value 7.
// guide: Tables 62/63 speak of "AGENT_STATE_LOGOFF", a name Table 3 does not have (it has
// AGENT_STATE_LOGOUT = 1).
// guide: Table 62's EventReasonCode refers to Table 3 for its values; the reason codes are in
// Table 202 (which the guide calls "Table 1").
export const AgentState: ConstTable = {
  id: 'AgentState',
  title: 'Agent States and Their Message Values',
  source: 'Table 3',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0, name: 'AGENT_STATE_LOGIN', description: 'There is no specific Agent Login state in Unified CCX. However, this is a request value specified while trying to login an agent.' },
    { value: 1, name: 'AGENT_STATE_LOGOUT', description: 'The agent has logged out of the ACD and cannot accept any additional calls.' },
    { value: 2, name: 'AGENT_STATE_NOT_READY', description: 'The agent is not available to accept a routed call.' },
    { value: 3, name: 'AGENT_STATE_READY', description: 'The agent is available to accept a routed call.' },
    { value: 4, name: 'AGENT_STATE_TALKING', description: 'The agent is currently talking on a call with a customer or another agent (inbound, outbound, or inside). This state is automatically set for the agent by the ACD.' },
    { value: 5, name: 'AGENT_STATE_WORK', description: 'The agent is completing work from a previous call and is unavailable to receive routed calls. There are two (mutually exclusive) ways to put an agent into AGENT_STATE_WORK: Automatically, through CSQ configuration settings selected in the Unified CCX Administration web page. Through the SET_AGENT_STATE_REQ message. In this case, when the agent is in the AGENT_STATE_TALKING state, the client can select the work state (by setting the AgentState field to AGENT_STATE_WORK). Then when the call ends, the agent will be moved by the Unified CCX server to the Work state.' },
    { value: 7, name: 'BUSY_OTHER', description: 'This state signifies the agent state for a particular CSQ. This state is notified in the CSQ State field of QUERY_AGENT_STATE_CONF message only. The state of an agent for a CSQ will be BUSY_OTHER if that agent is handling calls from other CSQs.' },
    { value: 8, name: 'AGENT_STATE_RESERVED', description: "The agent is reserved for a call that will arrive at the ACD shortly. The agent is temporarily set aside to receive a specific call. The agent's state is changed to the Talking state when the agent answers the call. If the agent fails to answer the call within a time limit specified by the system administrator, the ACD places the agent in a Not Ready state. The Reserved state is automatically set for the agent by the ACD. The agent can be in this state without the phone ringing (if the agent is waiting for it to ring)." },
    { value: 9, name: 'AGENT_STATE_UNKNOWN', description: 'The associated agent state is unknown.' },
  ],
};

/**
 * AGENT_STATE_EVENT's NextAgentState[123] ("the next agent state, if known") takes Table 3's
 * values; the chapter-11 flows print 65535 when it is not known.
 */
export const NextAgentState: ConstTable = {
  id: 'NextAgentState',
  title: 'Next Agent State Values',
  source: 'Table 57 (field text) with Table 3',
  kind: 'enum',
  closed: true,
  entries: [
    ...AgentState.entries,
    { value: 0xffff, name: 'NEXT_STATE_NOT_KNOWN', description: 'The next agent state is not known.', source: 'chapter 11 flows (NextAgentState: 65535)' },
  ],
};

// ---------------------------------------------------------------------------------------------
// Chapter 9: OPEN_REQ masks
// ---------------------------------------------------------------------------------------------

// guide: the value column of Table 22 is headed "Bytes" (Tables 23-25 say "Value").
// guide: the CTI_SERVICE_CLIENT_EVENTS description says "CTI_SERVICE_ALL_EVENT" (no final S).
// guide: the row prints "CTI_AGENT_STATE_CONTROL_ONLY (Version 12)"; the name is kept without
// the suffix and the version is in `since`. The name lacks the SERVICE_ of its siblings.
export const CTIServiceMask: ConstTable = {
  id: 'CTIServiceMask',
  title: 'CTI Service Masks',
  source: 'Table 22',
  kind: 'mask',
  closed: true,
  entries: [
    { value: 0x00000001, name: 'CTI_SERVICE_CLIENT_EVENTS', description: 'Client receives call and agent state change events associated with a specific phone. This bit is used to indicate the client is in agent mode. This bit cannot be set if CTI_SERVICE_ALL_EVENT is set.' },
    { value: 0x00000002, name: 'CTI_SERVICE_CALL_DATA_UPDATE', description: 'Client can modify call context data.' },
    { value: 0x00000004, name: 'CTI_SERVICE_CLIENT_CONTROL', description: 'Client can control calls and agent states associated with a specific phone.' },
    { value: 0x00000010, name: 'CTI_SERVICE_ALL_EVENTS', description: 'Client receives all call and agent-state change events (associated with any phone). This is the bit to indicate that the client is in bridge mode. This bit cannot be set when CTI_SERVICE_CLIENT_EVENTS is set.' },
    { value: 0x00000080, name: 'CTI_SERVICE_SUPERVISOR', description: 'Client can perform agent supervisory functions.' },
    { value: 0x00002000, name: 'CTI_AGENT_STATE_CONTROL_ONLY', description: 'Client can perform agent state control functions.', since: 12 },
    { value: 0x00040000, name: 'CTI_SERVICE_CONFIG_EVENTS', description: 'Requests that this client receive configuration events.' },
  ],
};

// guide: bits 0x00001000, 0x00020000, 0x00080000 and 0x00100000 lie between the listed bits but
// are neither named nor marked reserved.
export const CallEventMask: ConstTable = {
  id: 'CallEventMask',
  title: 'Unsolicited Call Event Message Masks',
  source: 'Table 23',
  kind: 'mask',
  closed: true,
  entries: [
    { value: 0x00000001, name: 'CALL_DELIVERED_MASK', description: 'Set when client wishes to receive CALL_DELIVERED_EVENT messages.' },
    { value: 0x00000002, name: 'CALL_QUEUED_MASK', description: 'Set when client wishes to receive CALL_QUEUED_EVENT messages.' },
    { value: 0x00000004, name: 'CALL_ESTABLISHED_MASK', description: 'Set when client wishes to receive CALL_ESTABLISHED_EVENT messages.' },
    { value: 0x00000008, name: 'CALL_HELD_MASK', description: 'Set when client wishes to receive CALL_HELD_EVENT messages.' },
    { value: 0x00000010, name: 'CALL_RETRIEVED_MASK', description: 'Set when client wishes to receive CALL_RETRIEVED_EVENT messages.' },
    { value: 0x00000020, name: 'CALL_CLEARED_MASK', description: 'Set when client wishes to receive CALL_CLEARED_EVENT messages.' },
    { value: 0x00000040, name: 'CALL_CONNECTION_CLEARED_MASK', description: 'Set when client wishes to receive CALL_CONNECTION_CLEARED_EVENT messages.' },
    { value: 0x00000080, name: 'CALL_ORIGINATED_MASK', description: 'Set when client wishes to receive CALL_ORIGINATED_EVENT messages.' },
    { value: 0x00000100, name: 'CALL_CONFERENCED_MASK', description: 'Set when client wishes to receive CALL_CONFERENCED_EVENT messages.' },
    { value: 0x00000200, name: 'CALL_TRANSFERRED_MASK', description: 'Set when client wishes to receive CALL_TRANSFERRED_EVENT.' },
    { value: 0x00000400, name: 'CALL_DIVERTED_MASK', description: 'Set when client wishes to receive CALL_DIVERTED_EVENT messages.' },
    { value: 0x00000800, name: 'CALL_SERVICE_INITIATED_MASK', description: 'Set when client wishes to receive CALL_SERVICE_INITIATED_EVENT messages.' },
    { value: 0x00002000, name: 'BEGIN_CALL_MASK', description: 'Set when client wishes to receive BEGIN_CALL_EVENT messages.' },
    { value: 0x00004000, name: 'END_CALL_MASK', description: 'Set when client wishes to receive END_CALL_EVENT messages.' },
    { value: 0x00008000, name: 'CALL_DATA_UPDATE_MASK', description: 'Set when client wishes to receive CALL_DATA_UPDATE_EVENT messages.' },
    { value: 0x00010000, name: 'CALL_FAILED_MASK', description: 'Set when client wishes to receive CALL_FAILED_EVENT messages.' },
    { value: 0x00040000, name: 'CALL_DEQUEUED_MASK', description: 'Set when client wishes to receive CALL_DEQUEUED_EVENT messages.' },
    { value: 0x00200000, name: 'RTP_STARTED_MASK', description: 'Set when client wishes to receive RTP_STARTED_EVENT messages.' },
    { value: 0x00400000, name: 'RTP_STOPPED_MASK', description: 'Set when client wishes to receive RTP_STOPPED_EVENT messages.' },
  ],
};

// guide: the bits follow 1 << (Table 3 value) for login..work and reserved (0x100 = 1 << 8), but
// the names do not match Table 3: "available" (Table 3: READY), "talking pending work" (0x40,
// state 6 is absent from Table 3) and "talking pending not ready" (0x80, state 7 is BUSY_OTHER).
// No bit is given for AGENT_STATE_UNKNOWN (9).
export const AgentStateMask: ConstTable = {
  id: 'AgentStateMask',
  title: 'Agent State Masks',
  source: 'Table 24',
  kind: 'mask',
  closed: true,
  entries: [
    { value: 0x00000001, name: 'AGENT_LOGIN_MASK', description: 'Set when client wishes to receive "login" AGENT_STATE_EVENT messages.' },
    { value: 0x00000002, name: 'AGENT_LOGOUT_MASK', description: 'Set when client wishes to receive "logout" AGENT_STATE_EVENT messages.' },
    { value: 0x00000004, name: 'AGENT_NOT_READY_MASK', description: 'Set when client wishes to receive "not ready" AGENT_STATE_EVENT messages.' },
    { value: 0x00000008, name: 'AGENT_AVAILABLE_MASK', description: 'Set when client wishes to receive "available" AGENT_STATE_EVENT messages.' },
    { value: 0x00000010, name: 'AGENT_TALKING_MASK', description: 'Set when client wishes to receive "talking" AGENT_STATE_EVENT messages.' },
    { value: 0x00000020, name: 'AGENT_WORK_MASK', description: 'Set when client wishes to receive "work" AGENT_STATE_EVENT messages.' },
    { value: 0x00000040, name: 'AGENT_TALKING_PENDING_WORK_MASK', description: 'Set when client wishes to receive "talking pending work" AGENT_STATE_EVENT messages.' },
    { value: 0x00000080, name: 'AGENT_TALKING_PENDING_NOT_READY_MASK', description: 'Set when client wishes to receive "talking pending not ready" AGENT_STATE_EVENT messages.' },
    { value: 0x00000100, name: 'AGENT_RESERVED_MASK', description: 'Set when client wishes to receive "reserved" AGENT_STATE_EVENT messages.' },
  ],
};

// Used by OPEN_REQ ConfigMsgMask and by the ConfigurationMask of CONFIG_REQUEST_EVENT (Table 35)
// and CONFIG_BEGIN_EVENT (Table 37).
// guide: Table 37 (CONFIG_BEGIN_EVENT) lists the ConfigurationMask bits as "1: Application
// Information 2: CSQ Information 4: Agent Information", the reverse of Table 25 and Table 35
// ("1: Agent ... 4: Application"); the document history (v1.2) records that Table 35 was changed
// from the Table 37 order to the Table 25 order, Table 37 was not. This table follows Table 25.
// guide: the CSQ and APPLICATION descriptions say "skill group" and "service" (ICM wording).
export const ConfigMask: ConstTable = {
  id: 'ConfigMask',
  title: 'Configuration Information Masks',
  source: 'Table 25',
  kind: 'mask',
  closed: true,
  entries: [
    { value: 0x00000001, name: 'CONFIG_AGENT_MASK', description: 'Set when client wishes to receive agent configuration update messages.' },
    { value: 0x00000002, name: 'CONFIG_CSQ_MASK', description: 'Set when client wishes to receive skill group configuration update messages.' },
    { value: 0x00000004, name: 'CONFIG_APPLICATION_MASK', description: 'Set when client wishes to receive service configuration update messages.' },
    { value: 0x00000008, name: 'CONFIG_DEVICE_MASK', description: 'Set when client wishes to receive device configuration update messages.' },
  ],
};

// ---------------------------------------------------------------------------------------------
// Chapter 9: configuration messages
// ---------------------------------------------------------------------------------------------

// guide: CONFIG_UNKNOWN_DATA is 3 here but 2 in Table 41 (CONFIG_END_EVENT), where 3 is
// CONFIG_ERROR; Table 34 has CONFIG_NO_KEY_SUPPORT = 2, which Table 41 lacks.
export const ConfigKeyStatus: ConstTable = {
  id: 'ConfigKeyStatus',
  title: 'CONFIG_KEY_EVENT Status Values',
  source: 'Table 34',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0, name: 'CONFIG_SUCCESS', description: 'Successful upload of configuration data.' },
    { value: 1, name: 'CONFIG_SERVICE_PROVIDER', description: 'No data was sent because the configuration service is not requested in the service request of the OPEN_REQ message.' },
    { value: 2, name: 'CONFIG_NO_KEY_SUPPORT', description: 'Unified CCX is unable to provide configuration key support due to an internal error.' },
    { value: 3, name: 'CONFIG_UNKNOWN_DATA', description: 'Invalid reserved _[131] field.' },
  ],
};

// guide: see ConfigKeyStatus: the same names carry different values in Tables 34 and 41.
export const ConfigEndStatus: ConstTable = {
  id: 'ConfigEndStatus',
  title: 'CONFIG_END_EVENT Status Values',
  source: 'Table 41',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0, name: 'CONFIG_SUCCESS', description: 'Successful upload of configuration data.' },
    { value: 1, name: 'CONFIG_SERVICE_PROVIDER', description: 'No data was sent because the configuration service is not requested in the service request of the OPEN_REQ message.' },
    { value: 2, name: 'CONFIG_UNKNOWN_DATA', description: 'An invalid reserved _[131] field is in the CONFIG_REQUEST_EVENT message.' },
    { value: 3, name: 'CONFIG_ERROR', description: 'An error occurred and an invalid or partial configuration was sent.' },
    { value: 4, name: 'CONFIG_EMPTY', description: 'No configuration data exists on Unified CCX.' },
    { value: 5, name: 'CONFIG_PARTIAL', description: 'Partial configuration data.' },
  ],
};

export const ConfigType: ConstTable = {
  id: 'ConfigType',
  title: 'CONFIG_BEGIN_EVENT ConfigType',
  source: 'Table 37 (field text)',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 1, name: 'CONFIG_TYPE_INITIAL', description: 'Initial Configuration' },
    { value: 2, name: 'CONFIG_TYPE_UPDATE', description: 'Update' },
  ],
};

export const ConfigRecordType: ConstTable = {
  id: 'ConfigRecordType',
  title: 'CONFIG_xxx_EVENT RecordType',
  source: 'Tables 43/45/47/49 (field text)',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0, name: 'RECORD_TYPE_ADD', description: 'Add' },
    { value: 1, name: 'RECORD_TYPE_CHANGE', description: 'Change' },
    { value: 2, name: 'RECORD_TYPE_DELETE', description: 'Delete' },
  ],
};

// guide: 1 (Change) is not listed for team members, unlike the CONFIG_xxx_EVENT RecordType.
export const TeamRecordType: ConstTable = {
  id: 'TeamRecordType',
  title: 'TEAM_CONFIG_EVENT RecordType',
  source: 'Table 52 (field text)',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0, name: 'RECORD_TYPE_ADD', description: 'Add' },
    { value: 2, name: 'RECORD_TYPE_DELETE', description: 'Delete' },
  ],
};

export const AgentType: ConstTable = {
  id: 'AgentType',
  title: 'CONFIG_AGENT_EVENT AgentType',
  source: 'Table 47 (field text)',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 1, name: 'AGENT_TYPE_AGENT', description: 'Agent' },
    { value: 2, name: 'AGENT_TYPE_SUPERVISOR', description: 'Supervisor' },
  ],
};

// guide: the MR Domain ID field (ID 216) is in a range Table 188 marks reserved (209-216).
export const MRDomainID: ConstTable = {
  id: 'MRDomainID',
  title: 'CONFIG_CSQ_EVENT MR Domain ID',
  source: 'Table 43 (field text)',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0, name: 'MR_DOMAIN_VOICE', description: 'Voice' },
    // guide: Table note 2: "1"=Email only in UCCX 7.0(1) and later; earlier always "0".
    { value: 1, name: 'MR_DOMAIN_EMAIL', description: 'Email' },
  ],
};

// guide: the DeviceType [195] field of CONFIG_DEVICE_EVENT takes these values (Table 50), not the
// Table 189 DEVID_* values, although Table 189's introduction says every field whose name ends
// in ...DeviceType uses Table 189.
export const ConfigDeviceType: ConstTable = {
  id: 'ConfigDeviceType',
  title: 'CONFIG_DEVICE_EVENT DeviceType',
  source: 'Table 50 (field text)',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 3, name: 'CONFIG_DEVICE_TYPE_AGENT', description: 'For agent data' },
    { value: 5, name: 'CONFIG_DEVICE_TYPE_ROUTE_POINT', description: 'For route point data' },
    { value: 6, name: 'CONFIG_DEVICE_TYPE_CTI_PORT', description: 'For CTI port data' },
    { value: 7, name: 'CONFIG_DEVICE_TYPE_CALL_CONTROL_GROUP', description: 'For call control group data' },
  ],
};

export const TeamOperation: ConstTable = {
  id: 'TeamOperation',
  title: 'TEAM_CONFIG_EVENT Operation',
  source: 'Table 51 (field text)',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 1, name: 'TEAM_OPERATION_ADD_TEAM', description: 'Add Team' },
    {
      value: 2,
      name: 'TEAM_OPERATION_REMOVE_TEAM',
      description:
        'Remove Team (No optional floating part is present. The client is responsible for removing all team related data for this team)',
    },
    {
      value: 3,
      name: 'TEAM_OPERATION_CHANGE_TEAM',
      description:
        'Change Team (includes TeamName change, addition/deletion of team members, addition/deletion of primary supervisors, addition/deletion of secondary supervisors)',
    },
  ],
};

export const TeamMemberType: ConstTable = {
  id: 'TeamMemberType',
  title: 'TEAM_CONFIG_EVENT MemberType',
  source: 'Table 52 (field text)',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 1, name: 'MEMBER_TYPE_AGENT_OR_SUPERVISOR', description: 'Agent or Supervisor member' },
    { value: 2, name: 'MEMBER_TYPE_CSQ', description: 'CSQ member' },
  ],
};

// The guide adds "(0 flag is for regular agent)": 0 is the empty mask, not an entry.
export const TeamAgentFlags: ConstTable = {
  id: 'TeamAgentFlags',
  title: 'TEAM_CONFIG_EVENT AgentFlags',
  source: 'Table 52 (field text)',
  kind: 'mask',
  closed: true,
  entries: [
    { value: 0x0001, name: 'AGENT_FLAG_PRIMARY_SUPERVISOR', description: 'Primary Supervisor' },
    { value: 0x0002, name: 'AGENT_FLAG_TEMPORARY_AGENT', description: 'Temporary Agent' },
    { value: 0x0004, name: 'AGENT_FLAG_SUPERVISOR', description: 'Supervisor' },
  ],
};

// guide: the field text says the client wants "initial bulk upload and/or a team configuration
// update" (which reads like a mask) but lists two values, 0x1 and 0x2 "updates only"; kept as an
// enum of the two printed values.
export const TeamConfigParam: ConstTable = {
  id: 'TeamConfigParam',
  title: 'TEAM_CONFIG_REQ ConfigParam',
  source: 'Table 53 (field text)',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0x1, name: 'CONFIG_PARAM_INITIAL_CONFIGURATION', description: 'initial configuration requested' },
    { value: 0x2, name: 'CONFIG_PARAM_UPDATES_ONLY', description: 'updates only' },
  ],
};

export const TeamConfigStatus: ConstTable = {
  id: 'TeamConfigStatus',
  title: 'TEAM_CONFIG_CONF Status',
  source: 'Table 54 (field text)',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0, name: 'TEAM_CONFIG_SUCCESS', description: 'Success' },
    { value: 1, name: 'TEAM_CONFIG_INTERNAL_ERROR', description: 'Unified CCX Internal Error' },
  ],
};

// ---------------------------------------------------------------------------------------------
// Chapter 9: agent-state messages
// ---------------------------------------------------------------------------------------------

// guide: "Used only with AGENT_STATE_LOGIN or AGENT_STATE_LOGOFF" — Table 3 has no
// AGENT_STATE_LOGOFF (it has AGENT_STATE_LOGOUT).
export const ForcedFlag: ConstTable = {
  id: 'ForcedFlag',
  title: 'SET_AGENT_STATE_REQ ForcedFlag',
  source: 'Table 62 (field text)',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0, name: 'FORCED_FLAG_FALSE', description: 'FALSE' },
    { value: 1, name: 'FORCED_FLAG_TRUE', description: 'TRUE' },
    {
      value: 2,
      name: 'FORCED_FLAG_AGENT_AUTHENTICATION_ONLY',
      description: 'Agent authentication only. No agent state change. Use with AGENT_STATE_LOGIN',
      since: 12,
    },
  ],
};

export const AgentCapacity: ConstTable = {
  id: 'AgentCapacity',
  title: 'SET_AGENT_STATE_REQ AgentCapacity',
  source: 'Table 62 (field text)',
  kind: 'mask',
  closed: true,
  entries: [{ value: 0x1, name: 'AGENT_CAPACITY_OUTBOUND_FEATURE_ENABLED', description: 'Outbound feature enabled', since: 12 }],
};

// ---------------------------------------------------------------------------------------------
// Chapter 9: call-event and call-control messages
// ---------------------------------------------------------------------------------------------

// guide: Table 100 is titled "RTP_STOPPED_EVENT ... Floating Part" but is the floating part of
// RTP_STARTED_EVENT (Table 102 is the RTP_STOPPED_EVENT one).
export const RTPDirection: ConstTable = {
  id: 'RTPDirection',
  title: 'RTP_STARTED_EVENT / RTP_STOPPED_EVENT Direction',
  source: 'Tables 99/101 (field text)',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0, name: 'DIRECTION_INPUT', description: 'Input' },
    { value: 1, name: 'DIRECTION_OUTPUT', description: 'Output' },
    { value: 2, name: 'DIRECTION_BIDIRECTIONAL', description: 'Bi-directional' },
  ],
};

export const RTPType: ConstTable = {
  id: 'RTPType',
  title: 'RTP_STARTED_EVENT RTPType',
  source: 'Table 99 (field text)',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0, name: 'RTP_TYPE_AUDIO', description: 'Audio' },
    { value: 1, name: 'RTP_TYPE_VIDEO', description: 'Video' },
    { value: 2, name: 'RTP_TYPE_DATA', description: 'Data' },
  ],
};

// The guide names these values itself (mixed case, kept). "used for a G.723 payload only": other
// payloads carry a BitRate outside this table.
// decision: open — BitRate is used for G.723 payloads only; other payloads carry 0.
export const RTPBitRate: ConstTable = {
  id: 'RTPBitRate',
  title: 'RTP_STARTED_EVENT BitRate',
  source: 'Table 99 (field text)',
  kind: 'enum',
  closed: false,
  entries: [
    { value: 1, name: 'RTPBitRateR5_3' },
    { value: 2, name: 'RTPBitRateR6_4' },
  ],
};

export const EchoCancellation: ConstTable = {
  id: 'EchoCancellation',
  title: 'RTP_STARTED_EVENT EchoCancellation',
  source: 'Table 99 (field text)',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0, name: 'ECHO_CANCELLATION_OFF', description: 'off' },
    { value: 1, name: 'ECHO_CANCELLATION_ON', description: 'on' },
  ],
};

export const ConsultType: ConstTable = {
  id: 'ConsultType',
  title: 'CONSULT_CALL_REQ ConsultType',
  source: 'Table 121 (field text)',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0, name: 'CONSULT_TYPE_UNSPECIFIED', description: 'Unspecified' },
    { value: 1, name: 'CONSULT_TYPE_TRANSFER', description: 'Transfer' },
    { value: 2, name: 'CONSULT_TYPE_CONFERENCE', description: 'Conference' },
  ],
};

// guide: Table 148 says SupervisoryAction takes "One of the values from Table 3" (the agent
// states); the values are in Table 150.
// guide: the SUPERVISE_CALL_REQ text names SUPERVISOR_CLEAR, which Table 150 does not list. Its
// value 0 is NOT printed anywhere in the guide: it is inferred from the Cisco CTI Server protocol
// this one derives from (SUPERVISOR_CLEAR = 0, MONITOR = 1, WHISPER = 2, BARGE_IN = 3,
// INTERCEPT = 4), which Table 150's 1/3/4 match and whose event causes Table 191 repeats
// (CEC_SUPERVISOR_CLEAR, CEC_SUPERVISOR_WHISPER, ...). Value 2 (whisper) is absent from Table 150.
export const SupervisoryAction: ConstTable = {
  id: 'SupervisoryAction',
  title: 'Supervisory Action Values',
  source: 'Table 150',
  kind: 'enum',
  closed: true,
  entries: [
    {
      value: 0,
      name: 'SUPERVISOR_CLEAR',
      description: "Disconnect the supervisor's device from the call (SUPERVISE_CALL_REQ text).",
      source:
        'SUPERVISE_CALL_REQ text (chapter 9) names SUPERVISOR_CLEAR but Table 150 omits it; the value 0 is inferred, not printed: CTI Server heritage (SUPERVISOR_CLEAR = 0), cf. CEC_SUPERVISOR_CLEAR in Table 191',
    },
    { value: 1, name: 'SUPERVISOR_MONITOR', description: 'The supervisor device is to be connected to the call for silent monitoring. This allows the supervisor to hear all parties participating in the ICD call.' },
    { value: 3, name: 'SUPERVISOR_BARGE_IN', description: 'The supervisor device is to be connected to the call as an active participant. This allows the supervisor to speak to all parties participating in the call, as in a conference.' },
    { value: 4, name: 'SUPERVISOR_INTERCEPT', description: 'The supervisor device is to be connected to the call as an active participant and the agent connection will be dropped.' },
  ],
};

// ---------------------------------------------------------------------------------------------
// Chapter 10: constants and status codes
// ---------------------------------------------------------------------------------------------

// guide: values 1-69 are neither named nor marked reserved (the table jumps from 0 to 70).
// guide: the chapter 11 outbound flows print "DEVID_AGENT_DEVICE_IDENTIFIER", a name this table
// does not have (the numeric flows show 76, DEVID_AGENT_DEVICE, for the same devices).
// guide: Table 189's introduction says all ...DeviceType fields use it; CONFIG_DEVICE_EVENT's
// DeviceType uses Table 50 instead (see ConfigDeviceType).
export const DeviceType: ConstTable = {
  id: 'DeviceType',
  title: 'DeviceType Values',
  source: 'Table 189',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0xffff, name: 'DEVID_NONE', description: 'No device ID is provided.' },
    { value: 0, name: 'DEVID_DEVICE_IDENTIFIER', description: 'The provided device ID identifies an IP phone (extension).' },
    { value: 73, name: 'DEVID_CTI_PORT', description: 'The provided device ID identifies a CTI PORT' },
    { value: 74, name: 'DEVID_ROUTE_POINT', description: 'The provided device ID identifies a ROUTE POINT' },
    { value: 76, name: 'DEVID_AGENT_DEVICE', description: 'The provided device ID is the ID of an AGENT Device (phone)' },
    { value: 77, name: 'DEVID_QUEUE', description: 'The provided device ID is the ID of a QUEUE' },
    { value: 78, name: 'DEVID_NON_ACD_DEVICE_IDENTIFIER', description: "The provided device ID is the ID belonging to Agent's non-ACD extension." },
  ],
  reserved: [[70, 70], [71, 71], [72, 72], [75, 75]],
};

// guide: a chapter 11 flow prints "LCS_ALERTIN" (sic) for LCS_ALERTING.
export const LocalConnectionState: ConstTable = {
  id: 'LocalConnectionState',
  title: 'LocalConnectionState Values',
  source: 'Table 190',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0xffff, name: 'LCS_NONE', description: 'Not applicable' },
    { value: 0, name: 'LCS_NULL', description: 'No relationship between call and device.' },
    { value: 1, name: 'LCS_INITIATE', description: 'Device requesting service (“dialing”).' },
    { value: 2, name: 'LCS_ALERTING', description: 'Device is alerting (“ringing”).' },
    { value: 3, name: 'LCS_CONNECT', description: 'Device is actively participating in the call.' },
    { value: 4, name: 'LCS_HOLD', description: 'Device is inactively participating in the call.' },
    { value: 5, name: 'LCS_QUEUED', description: 'Device is stalled attempting to connect to a call, or a call is stalled attempting to connect to a device.' },
    { value: 6, name: 'LCS_FAIL', description: 'A device-to-call or call-to-device connection attempt has been aborted.' },
  ],
};

// guide: the table has no description column. Values 51-1000 are neither named nor reserved.
// The row "Extended Call Cleared Event Causes" is a sub-heading (no value) over 1001-1056.
// guide: CEC_SUPERVISOR_WHISPER exists although Table 150 has no whisper action.
// guide: the introduction says the EventCause field "is described in CallType Fields, on page
// 43", a section about CallType.
export const EventCause: ConstTable = {
  id: 'EventCause',
  title: 'EventCause Values',
  source: 'Table 191',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0xffff, name: 'CEC_NONE' },
    { value: 2, name: 'CEC_ALTERNATE' },
    { value: 3, name: 'CEC_BUSY' },
    { value: 5, name: 'CEC_CALL_CANCELLED' },
    { value: 9, name: 'CEC_CALL_FORWARD' },
    { value: 10, name: 'CEC_CALL_NOT_ANSWERED' },
    { value: 13, name: 'CEC_DEST_NOT_OBTAINABLE' },
    { value: 15, name: 'CEC_INCOMPATIBLE_DESTINATION' },
    { value: 17, name: 'CEC_KEY_CONFERENCE' },
    { value: 22, name: 'CEC_NEW_CALL' },
    { value: 23, name: 'CEC_NO_AVAILABLE_AGENTS' },
    { value: 28, name: 'CEC_REDIRECTED' },
    { value: 32, name: 'CEC_TRANSFER' },
    { value: 35, name: 'CEC_TIME_OUT' },
    { value: 43, name: 'CEC_SUPERVISOR_ASSIST' },
    { value: 44, name: 'CEC_EMERGENCY_CALL' },
    { value: 45, name: 'CEC_SUPERVISOR_CLEAR' },
    { value: 46, name: 'CEC_SUPERVISOR_MONITOR' },
    { value: 47, name: 'CEC_SUPERVISOR_WHISPER' },
    { value: 48, name: 'CEC_SUPERVISOR_BARGE_IN' },
    { value: 49, name: 'CEC_SUPERVISOR_INTERCEPT' },
    { value: 50, name: 'CEC_CALL_PARTY_UPDATE_IND' },
    { value: 1014, name: 'CECX_DROP_HANDLED_OTHER' },
  ],
  reserved: [[1, 1], [4, 4], [6, 8], [11, 12], [14, 14], [16, 16], [18, 21], [24, 27], [29, 31], [33, 34], [36, 42], [1001, 1013], [1015, 1056]],
};

// guide: SYSTEM_EVENT's EventDeviceID [206] (Table 19) speaks of "SYS_DEVICE_IN_SERVICE" and
// "SYS_DEVICE_OUT_OF_SERVICE", names this table does not have (it has SYS_INSTRUMENT_...).
// guide: SYS_INSTRUMENT_BACK_IN_SERVICE says "EnterpriseAgent or IPCC device target" (ICM
// wording) where its partner 10 says "Agent or Unified CCX device target".
export const SystemEventID: ConstTable = {
  id: 'SystemEventID',
  title: 'System Event ID Values',
  source: 'Table 192',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 3, name: 'SYS_CCX_ONLINE', description: 'Unified CCX has gone online.' },
    { value: 4, name: 'SYS_CCX_OFFLINE', description: 'Unified CCX has gone offline.' },
    { value: 10, name: 'SYS_INSTRUMENT_OUT_OF_SERVICE', description: 'An Agent or Unified CCX device target has been removed from service.' },
    { value: 11, name: 'SYS_INSTRUMENT_BACK_IN_SERVICE', description: 'An EnterpriseAgent or IPCC device target has been returned to service.' },
  ],
  reserved: [[1, 1], [2, 2], [5, 5], [6, 6], [7, 7], [8, 8], [9, 9]],
};

export const ConnectionDeviceType: ConstTable = {
  id: 'ConnectionDeviceType',
  title: 'ConnectionDevice Type Values',
  source: 'Table 193',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0xffff, name: 'CONNECTION_ID_NONE', description: 'No ConnectionDevice type is provided.' },
    { value: 0, name: 'CONNECTION_ID_STATIC', description: 'The ConnectionDevice type value is stable over time between calls.' },
    { value: 1, name: 'CONNECTION_ID_DYNAMIC', description: 'The ConnectionDevice type value is dynamic and may change between calls.' },
  ],
};

// guide: the table has no description column; "ACY_G729AASSN" (14) is printed with an "ACY_"
// prefix none of the other codecs has.
export const AudioCodec: ConstTable = {
  id: 'AudioCodec',
  title: 'Code Values for Audio Codec Types',
  source: 'Table 194',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0, name: 'NONSTANDARD' },
    { value: 1, name: 'G711ALAW64K' },
    { value: 2, name: 'G711ALAW56K' },
    { value: 3, name: 'G711ULAW64K' },
    { value: 4, name: 'G711ULAW56K' },
    { value: 5, name: 'G722_64K' },
    { value: 6, name: 'G722_56K' },
    { value: 7, name: 'G722_48K' },
    { value: 8, name: 'G7231' },
    { value: 9, name: 'G728' },
    { value: 10, name: 'G729' },
    { value: 11, name: 'G729ANNEXA' },
    { value: 12, name: 'IS11172AUDIOCAP' },
    { value: 13, name: 'IS13818AUDIOCAP' },
    { value: 14, name: 'ACY_G729AASSN' },
    { value: 15, name: 'DATA64' },
    { value: 16, name: 'DATA56' },
    { value: 17, name: 'GSM' },
    { value: 18, name: 'ACTIVEVOICE' },
  ],
};

// guide: chapter 6 "CallType Fields" speaks of CALLTYPE_ACD_IN and CALLTYPE_TRANSFERRED_IN,
// names this table does not have (it has CALLTYPE_CCX_IN = 1 and CALLTYPE_TRANSFER_IN = 4).
export const CallType: ConstTable = {
  id: 'CallType',
  title: 'CallType Values',
  source: 'Table 195',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0, name: 'CALLTYPE_INVALID', description: 'The call type is not valid.' },
    { value: 1, name: 'CALLTYPE_CCX_IN', description: 'Inbound Unified CCX call.' },
    { value: 4, name: 'CALLTYPE_TRANSFER_IN', description: 'Transferred inbound call.' },
    { value: 6, name: 'CALLTYPE_OTHER_IN', description: 'Inbound call.' },
    { value: 9, name: 'CALLTYPE_OUT', description: 'Outbound call.' },
    { value: 10, name: 'CALLTYPE_AGENT_INSIDE', description: 'Agent inside call.' },
    { value: 12, name: 'CALLTYPE_CONSULT', description: 'Consult call.' },
    { value: 15, name: 'CALLTYPE_CONFERENCE', description: 'Conference call.' },
    { value: 17, name: 'CALLTYPE_PREVIEW', description: 'Call is an outbound preview call.' },
    { value: 18, name: 'CALLTYPE_RESERVATION', description: 'Call is an outbound reservation call.' },
    { value: 19, name: 'CALLTYPE_ASSIST', description: 'Call to supervisor for assistance.' },
    { value: 20, name: 'CALLTYPE_EMERGENCY', description: 'Emergency call.' },
    { value: 21, name: 'CALLTYPE_SUPERVISOR_MONITOR', description: 'Supervisor silently monitoring call.' },
    { value: 23, name: 'CALLTYPE_SUPERVISOR_BARGE_IN', description: 'Supervisor conferenced into call.' },
    { value: 24, name: 'CALLTYPE_SUPERVISOR_INTERCEPT', description: 'Supervisor replaces agent on call.' },
  ],
  reserved: [[2, 3], [5, 5], [7, 8], [11, 11], [13, 14], [16, 16], [22, 22], [25, 26]],
};

// guide: many values are neither named nor marked reserved: 20, 30, 39-40, 45-50, 53-60, 65-69,
// 80-255, 289-290, 294-1000. The row "Extended Control failure codes" is a sub-heading (no
// value) before 256.
// guide: CF_NETWORK_TRANSFER_OR_CONSULT (285) and CF_NETWORK_TRANSFER_OR_CONSULT_FAILED (286)
// have no description. "CF_SOFTWARE_REV_NO_SUPPORTED" (1003) reads like a typo for
// ..._NOT_SUPPORTED. CF_UNKNOWN_PID (1004) is described as "One of the reserved fields in the
// fixed part of the message is incorrect." (the CTI peripheral ID became a reserved field).
// guide: the FailureCode field is a USHORT (Table 103); all values fit.
export const ControlFailureCode: ConstTable = {
  id: 'ControlFailureCode',
  title: 'Control Failure Code Values',
  source: 'Table 196',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0, name: 'CF_GENERIC_UNSPECIFIED', description: 'An error has occurred that is not one of the following error types.' },
    { value: 1, name: 'CF_GENERIC_OPERATION', description: 'An operation error occurred (no specific details available).' },
    { value: 2, name: 'CF_REQUEST_INCOMPATIBLE_WITH_OBJECT', description: 'The request is not compatible with the object.' },
    { value: 3, name: 'CF_VALUE_OUT_OF_RANGE', description: 'The parameter has a value that is not in the range defined for the server.' },
    { value: 4, name: 'CF_OBJECT_NOT_KNOWN', description: 'The parameter has a value that is not known to the server.' },
    { value: 5, name: 'CF_INVALID_CALLING_DEVICE', description: 'The calling device is not valid.' },
    { value: 6, name: 'CF_INVALID_CALLED_DEVICE', description: 'The called device is not valid.' },
    { value: 7, name: 'CF_INVALID_FORWARDING_DESTINATION', description: 'The forwarding destination device is not valid.' },
    { value: 8, name: 'CF_PRIVILEGE_VIOLATION_ON_SPECIFIED_DEVICE', description: 'The specified device is not authorized for the service.' },
    { value: 9, name: 'CF_PRIVILEGE_VIOLATION_ON_CALLED_DEVICE', description: 'The called device is not authorized for the service.' },
    { value: 10, name: 'CF_PRIVILEGE_VIOLATION_ON_CALLING_DEVICE', description: 'The calling device is not authorized for the service.' },
    { value: 11, name: 'CF_INVALID_CSTA_CALL_ID', description: 'The call ID is not valid.' },
    { value: 12, name: 'CF_INVALID_CSTA_DEVICE_ID', description: 'The device ID is not valid.' },
    { value: 13, name: 'CF_INVALID_CSTA_CONNECTION_ID', description: 'The connection ID is not valid.' },
    { value: 14, name: 'CF_INVALID_DESTINATION', description: 'The request specified a destination that is not valid.' },
    { value: 15, name: 'CF_INVALID_FEATURE', description: 'The request specified a feature that is not valid.' },
    { value: 16, name: 'CF_INVALID_ALLOCATION_STATE', description: 'The request specified an allocation state that is not valid.' },
    { value: 17, name: 'CF_INVALID_CROSS_REF_ID', description: 'The request specified a cross-reference ID that is not in use at this time.' },
    { value: 18, name: 'CF_INVALID_OBJECT_TYPE', description: 'The request specified an invalid object type.' },
    { value: 19, name: 'CF_SECURITY_VIOLATION', description: 'Security error (no specific details available).' },
    { value: 21, name: 'CF_GENERIC_STATE_INCOMPATIBILITY', description: 'The request is not compatible with the condition of a related device.' },
    { value: 22, name: 'CF_INVALID_OBJECT_STATE', description: 'The object is in the incorrect state for the request.' },
    { value: 23, name: 'CF_INVALID_CONNECTION_ID_FOR_ACTIVE_CALL', description: 'The active connection ID in the request is invalid.' },
    { value: 24, name: 'CF_NO_ACTIVE_CALL', description: 'There is no active call for the request.' },
    { value: 25, name: 'CF_NO_HELD_CALL', description: 'There is no held call for the request.' },
    { value: 26, name: 'CF_NO_CALL_TO_CLEAR', description: 'There is no call associated with the given connection ID.' },
    { value: 27, name: 'CF_NO_CONNECTION_TO_CLEAR', description: 'There is no call connection for the given connection ID.' },
    { value: 28, name: 'CF_NO_CALL_TO_ANSWER', description: 'There is no alerting call to be answered.' },
    { value: 29, name: 'CF_NO_CALL_TO_COMPLETE', description: 'There is no active call to be completed.' },
    { value: 31, name: 'CF_GENERIC_SYSTEM_RESOURCE_AVAILABILITY', description: 'The request failed due to lack of system resources (no specific details available).' },
    { value: 32, name: 'CF_SERVICE_BUSY', description: 'The service is temporarily unavailable.' },
    { value: 33, name: 'CF_RESOURCE_BUSY', description: 'An internal resource is busy.' },
    { value: 34, name: 'CF_RESOURCE_OUT_OF_SERVICE', description: 'The service requires a resource that is out of service.' },
    { value: 35, name: 'CF_NETWORK_BUSY', description: 'The server sub-domain is busy.' },
    { value: 36, name: 'CF_NETWORK_OUT_OF_SERVICE', description: 'The server sub-domain is out of service.' },
    { value: 37, name: 'CF_OVERALL_MONITOR_LIMIT_EXCEEDED', description: "The request would exceed the server's overall resource limits." },
    { value: 38, name: 'CF_CONFERENCE_MEMBER_LIMIT_EXCEEDED', description: "The request would exceed the server's limit on the number of conference members." },
    { value: 41, name: 'CF_GENERIC_SUBSCRIBED_RESOURCE_AVAILABILITY', description: 'The request failed due to lack of purchased or contracted resources (no specific details available).' },
    { value: 42, name: 'CF_OBJECT_MONITOR_LIMIT_EXCEEDED', description: "The request would exceed the server's specific resource limits." },
    { value: 43, name: 'CF_EXTERNAL_TRUNK_LIMIT_EXCEEDED', description: 'The request would exceed the limit of external trunks.' },
    { value: 44, name: 'CF_OUTSTANDING_REQUEST_LIMIT_EXCEEDED', description: 'The request would exceed the limit of outstanding requests.' },
    { value: 51, name: 'CF_GENERIC_PERFORMANCE_MANAGEMENT', description: 'The request failed as a performance management mechanism (no specific details available).' },
    { value: 52, name: 'CF_PERFORMANCE_LIMIT_EXCEEDED', description: 'The request failed because a performance management limit was exceeded.' },
    { value: 61, name: 'CF_SEQUENCE_NUMBER_VIOLATED', description: 'The server has detected an error in the sequence number of the operation.' },
    { value: 62, name: 'CF_TIME_STAMP_VIOLATED', description: 'The server has detected an error in the time stamp of the operation.' },
    { value: 63, name: 'CF_PAC_VIOLATED', description: 'The server has detected an error in the PAC of the operation.' },
    { value: 64, name: 'CF_SEAL_VIOLATED', description: 'The server has detected an error in the Seal of the operation.' },
    { value: 70, name: 'CF_GENERIC_UNSPECIFIED_REJECTION', description: 'The request has been rejected (no specific details available).' },
    { value: 71, name: 'CF_GENERIC_OPERATION_REJECTION', description: 'The requested operation has been rejected (no specific details available).' },
    { value: 72, name: 'CF_DUPLICATE_INVOCATION_REJECTION', description: 'The request duplicated another request for the same service.' },
    { value: 73, name: 'CF_UNRECOGNIZED_OPERATION_REJECTION', description: 'The request specified an unrecognized operation.' },
    { value: 74, name: 'CF_MISTYPED_ARGUMENT_REJECTION', description: 'The request contained a parameter of the wrong type for the requested operation.' },
    { value: 75, name: 'CF_RESOURCE_LIMITATION_REJECTION', description: 'The request would have exceeded a resource limitation.' },
    { value: 76, name: 'CF_ACS_HANDLE_TERMINATION_REJECTION', description: 'The request specified an ACS handle that is no longer in use.' },
    { value: 77, name: 'CF_SERVICE_TERMINATION_REJECTION', description: 'The request failed because the required service has been terminated.' },
    { value: 78, name: 'CF_REQUEST_TIMEOUT_REJECTION', description: 'The request failed because a timeout limit was exceeded.' },
    { value: 79, name: 'CF_REQUESTS_ON_DEVICE_EXCEEDED_REJECTION', description: 'The request would have exceeded the limits of the device.' },
    { value: 256, name: 'CF_INVALID_AGENT_ID_SPECIFIED', description: 'The request specified an invalid AgentID.' },
    { value: 257, name: 'CF_INVALID_PASSWORD_SPECIFIED', description: 'The request specified an invalid agent password.' },
    { value: 258, name: 'CF_INVALID_AGENT_ID_OR_PASSWORD_SPECIFIED', description: 'The request specified an invalid AgentID and/or invalid agent password.' },
    { value: 259, name: 'CF_SPECIFIED_AGENT_ALREADY_SIGNED_ON', description: 'The request failed because the specified agent is already logged in.' },
    { value: 260, name: 'CF_INVALID_LOGON_DEVICE_SPECIFIED', description: 'The request specified an invalid logon device.' },
    { value: 261, name: 'CF_INVALID_ANSWERING_DEVICE_SPECIFIED', description: 'The request specified an invalid answering device.' },
    { value: 262, name: 'CF_INVALID_SKILL_GROUP_SPECIFIED', description: 'The request specified an invalid agent skill group.' },
    { value: 263, name: 'CF_INVALID_CLASS_OF_SERVICE_SPECIFIED', description: 'The request specified an invalid class of service.' },
    { value: 264, name: 'CF_INVALID_TEAM_SPECIFIED', description: 'The request specified an invalid team' },
    { value: 265, name: 'CF_INVALID_AGENT_WORKMODE', description: 'The request specified an invalid agent work mode.' },
    { value: 266, name: 'CF_INVALID_AGENT_REASON_CODE', description: 'The request specified an invalid agent reason code.' },
    { value: 267, name: 'CF_ADJUNCT_SWITCH_COMM_ERROR', description: 'A communication error occurred on the datalink between the Unified ICME system and the Unified CCX system.' },
    { value: 268, name: 'CF_AGENT_NOT_PARTY_ON_CALL', description: 'The specified agent is not a party on the indicated call.' },
    { value: 269, name: 'CF_INTERNAL_PROCESSING_ERROR', description: 'An internal error occurred in the Unified CCX system while processing the request.' },
    { value: 270, name: 'CF_TAKE_CALL_CONTROL_REJECTION', description: 'The Unified CCX system refused a Unified ICME request to take control of a call.' },
    { value: 271, name: 'CF_TAKE_DOMAIN_CONTROL_REJECTION', description: 'The Unified CCX system refused an Unified ICME request to take control of a domain.' },
    { value: 272, name: 'CF_REQUESTED_SERVICE_NOT_REGISTERED', description: 'The Unified ICME system is not registered on the Unified CCX system for the requested service.' },
    { value: 283, name: 'CF_SPECIFIED_EXTENSION_ALREADY_IN_USE', description: 'Specified extension is already in use. Use a different extension.' },
    { value: 284, name: 'CF_ARBITRARY_CONF_OR_XFER_NOT_SUPPORTED', description: 'Arbitrary conference or transfer is currently not supported.' },
    { value: 285, name: 'CF_NETWORK_TRANSFER_OR_CONSULT' },
    { value: 286, name: 'CF_NETWORK_TRANSFER_OR_CONSULT_FAILED' },
    { value: 287, name: 'CF_DEVICE_RESTRICTED', description: 'Device is restricted, not under CTI control.' },
    { value: 288, name: 'CF_LINE_RESTRICTED', description: 'Line is restricted, not under CTI control.' },
    { value: 291, name: 'CF_MAXIMUM_LINE_EXCEEDED', description: 'The number of configured extensions for the agent device exceeds the maximum allowed.' },
    { value: 292, name: 'CF_SHARED_LINES_NOT_SUPPORTED', description: 'An extension on the agent device is shared with one or more other devices.' },
    { value: 293, name: 'CF_EXTENSION_NOT_UNIQUE', description: 'An extension on the agent device is not unique and is configured on multiple partitions.' },
    { value: 1001, name: 'CF_UNKNOWN_INTERFACE_CTRLR_ID', description: 'The Interface Controller ID is unknown.' },
    { value: 1002, name: 'CF_INVALID_INTERFACE_CTRLR_TYPE', description: 'The Interface Controller type is not valid.' },
    { value: 1003, name: 'CF_SOFTWARE_REV_NO_SUPPORTED', description: 'The current software revision is not supported.' },
    { value: 1004, name: 'CF_UNKNOWN_PID', description: 'One of the reserved fields in the fixed part of the message is incorrect.' },
    { value: 1005, name: 'CF_INVALID_TABLE_SPECIFIED', description: 'An invalid table was specified.' },
    { value: 1007, name: 'CF_UNKNOWN_ROUTING_CLIENT_ID', description: 'The RoutingClientID is unknown.' },
    { value: 1008, name: 'CF_RC_SERVICE_INACTIVATE', description: 'The routing client service is not active.' },
    { value: 1009, name: 'CF_INVALID_DIALED_NUMBER', description: 'The dialed number is invalid.' },
    { value: 1010, name: 'CF_INVALID_PARAMETER', description: 'A parameter supplied in the request is invalid.' },
    { value: 1011, name: 'CF_UNKNOWN_ROUTING_PROBLEM', description: 'An unspecified error occurred during routing.' },
    { value: 1013, name: 'CF_UNSUPPORTED_RC_MESSAGE_REVISION', description: 'The requested routing client service protocol version is not supported.' },
    { value: 1014, name: 'CF_UNSUPPORTED_IC_MESSAGE_REVISION', description: 'The requested interface controller service protocol version is not supported.' },
  ],
  reserved: [[273, 282], [1006, 1006], [1012, 1012], [1015, 1015]],
};

// guide: CCX_TRANSFER_FAILED_DUE_TO_CCM_PROBLEM / CCX_CONFERENCE_FAILED_DUE_TO_CCM_PROBLEM are
// described as logical-partitioning restrictions, not CCM problems. CCX_AGENT_DEVICE_IPv6 is
// printed in mixed case. CCX_PASSWORD_EXPIRED_SUCCESS: "has successfully expired".
// guide: 88044/88045 "This field is not applicable from Unified CCX 8.0(1)" (a value, not a
// field). The document history calls this table "Table 1".
export const CCXErrorCode: ConstTable = {
  id: 'CCXErrorCode',
  title: 'Unified CCX Error Code Values',
  source: 'Table 197',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0, name: 'CCX_DEFAULT_ERROR_CODE', description: 'Unknown problem.' },
    { value: 88001, name: 'CCX_JTAPI_CCM_PROBLEM', description: 'JTAPI Cisco Unified Communications Manager problem.' },
    { value: 88002, name: 'CCX_LOOKUP_FAILURE', description: 'Unified CCX lookup failure.' },
    { value: 88003, name: 'CCX_AGENT_DN_NOT_ASSIGNED', description: 'The Unified CCX agent dialed number has not been assigned.' },
    { value: 88004, name: 'CCX_AGENT_DEVICE_OFF', description: 'The Unified CCX agent device is off.' },
    { value: 88005, name: 'CCX_AGENT_DEVICE_BUSY', description: 'The Unified CCX agent device is busy.' },
    { value: 88006, name: 'CCX_RMCM_CONTACT_NULL', description: 'There is no Unified CCX RmCm contact.' },
    { value: 88007, name: 'CCX_RMCM_CONTACT_INVALID', description: 'The Unified CCX RmCm contact is invalid.' },
    { value: 88008, name: 'CCX_AGENT_NULL', description: 'There is no Unified CCX agent.' },
    { value: 88009, name: 'CCX_AGENT_INVALID', description: 'The Unified CCX agent is invalid.' },
    { value: 88010, name: 'CCX_INVALID_ARGUMENT', description: 'There is an invalid Unified CCX command argument.' },
    { value: 88011, name: 'CCX_NO_CALLBACK_FROM_AGENT', description: 'There is no callback from a Unified CCX agent' },
    { value: 88012, name: 'CCX_CALL_ID_NULL', description: 'There is no Unified CCX call ID.' },
    { value: 88013, name: 'CCX_CALL_OBJECT_NULL', description: 'There is no Unified CCX call object.' },
    { value: 88014, name: 'CCX_JTAPI_PROVIDER_NULL', description: 'There is no Unified CCX JTAPI provider.' },
    { value: 88015, name: 'CCX_DIALED_NUMBER_NULL', description: 'There is no Unified CCX dialed number.' },
    { value: 88016, name: 'CCX_DEVICE_ID_NULL', description: 'There is no Unified CCX device ID.' },
    { value: 88017, name: 'CCX_TERMINAL_CONNECTION_NULL', description: 'There is no Unified CCX terminal connection.' },
    { value: 88018, name: 'CCX_CALL_CONTROL_MASK_NOT_ON', description: 'The Unified CCX call control mask is not on.' },
    { value: 88019, name: 'CCX_AGENT_QUEUE_STATUS', description: 'The status of the Unified CCX agent queue.' },
    { value: 88020, name: 'CCX_ICD_RTDM_NULL', description: 'The Unified CCX Real Time Data Manager does not exist.' },
    { value: 88021, name: 'CCX_CSQ_ICD_STATUS', description: 'The status of the Unified CCX CSQ.' },
    { value: 88022, name: 'CCX_OVERALL_ICD_STATUS', description: 'The overall Unified CCX system status.' },
    { value: 88023, name: 'CCX_INVALID_SUPERVISORY_ACTION', description: 'The Unified CCX supervisory action is invalid.' },
    { value: 88024, name: 'CCX_CALL_DATA_UPDATE_MASK_NOT_ON', description: 'The Unified CCX call data update mask is not on.' },
    { value: 88025, name: 'CCX_OVERALL_LIMIT_EXCEEDED', description: 'The Unified CCX overall limit is exceeded.' },
    { value: 88026, name: 'CCX_CALL_ID_INVALID', description: 'The Unified CCX call ID is invalid.' },
    { value: 88027, name: 'CCX_SUPERVISOR_UNAVAILABLE', description: 'The Unified CCX supervisor is unavailable.' },
    { value: 88028, name: 'CCX_UNSUPPORTED_OPERATION', description: 'The Unified CCX operation is unsupported.' },
    { value: 88029, name: 'CCX_CALL_ID_NOT_IN_PROVIDER', description: 'The specified Unified CCX call ID is currently not in the RmCm JTAPI provider.' },
    { value: 88030, name: 'CCX_DEVICE_RESTRICTED', description: 'The Unified CCX device is restricted on the Cisco Unified Communications Manager.' },
    { value: 88031, name: 'CCX_LINE_RESTRICTED', description: 'The Unified CCX line is restricted on the Cisco Unified Communications Manager.' },
    { value: 88032, name: 'CCX_AGENT_LINE_ON_MULTIPLE_DEVICES', description: 'The Unified CCX agent line is on multiple devices.' },
    { value: 88033, name: 'CCX_USER_OPERATION_FAILED', description: 'The Unified CCX user operation failed.' },
    { value: 88034, name: 'CCX_PROVIDER_OPERATION_FAILED', description: 'The Unified CCX provider operation failed.' },
    { value: 88035, name: 'CCX_PASSWORD_LOCKED', description: 'The Unified CCX password is locked.' },
    { value: 88036, name: 'CCX_PASSWORD_EXPIRED', description: 'The Unified CCX password has expired.' },
    { value: 88037, name: 'CCX_PASSWORD_EXPIRED_SUCCESS', description: 'The Unified CCX password has successfully expired.' },
    { value: 88038, name: 'CCX_PASSWORD_HACKED_LOCKED', description: 'The Unified CCX password has been hacked and is locked.' },
    { value: 88039, name: 'CCX_PASSWORD_INACTIVE_LOCKED', description: 'The Unified CCX password is inactive and is locked.' },
    { value: 88040, name: 'CCX_PASSWORD_MUST_CHANGE', description: 'The Unified CCX password must be changed.' },
    { value: 88041, name: 'CCX_AGENT_DEVICE_IPv6', description: 'Agent login is not supported for IPv6-enabled devices.' },
    { value: 88042, name: 'CCX_TRANSFER_FAILED_DUE_TO_CCM_PROBLEM', description: 'External transfer is restricted due to logical partitioning policy.' },
    { value: 88043, name: 'CCX_CONFERENCE_FAILED_DUE_TO_CCM_PROBLEM', description: 'Conference is unavailable due to logical partitioning policy.' },
    { value: 88044, name: 'CCX_AGENT_LOGIN_NOTSUPPORTED_JALENABLEDPHONE', description: 'Agent login is not supported for JAL-enabled phones. This field is not applicable from Unified CCX 8.0(1) release onward.' },
    { value: 88045, name: 'CCX_AGENT_LOGIN_NOTSUPPORTED_DTALENABLEDPHONE', description: 'Agent login is not supported for DTAL-enabled phones. This field is not applicable from Unified CCX 8.0(1) release onward.' },
    { value: 88046, name: 'CCX_BIB_NOT_CONFIGURED', description: 'Built-In Bridge is not turned on in the agent phone.' },
    { value: 88047, name: 'CCX_AGENT_DEVICE_NOT_SUPPORTED', description: 'Agent phone is earlier than Cisco IP Phone 7960 series, hence it does not support Silent Monitoring call.' },
    { value: 88048, name: 'CCX_SILENT_MONITOR_OR_RECORDING_SETTINGS_NOT_CONFIGURED', description: 'Silent Monitoring or Recording capability of the Unified CCX RmCm Application User is removed in Cisco Unified Communications Manager.' },
    { value: 88049, name: 'CCX_SILENT_MONITOR_OR_RECORDING_AGENT_CALL_STATE_NOT_TALKING', description: 'Agent phone ICD line to be monitored or recorded is not in the Talking state (on hold, ringing, and other states).' },
    { value: 88050, name: 'CCX_AGENT_NOT_ASSOCIATED', description: 'Agent is not associated with the supervisor.' },
    { value: 88051, name: 'CCX_RECORDING_ALREADY_INPROGRESS', description: 'Agent phone ICD line to be recorded is already participating in another recording session.' },
    { value: 88052, name: 'CCX_RECORDING_CONFIG_NOT_MATCHING', description: 'Agent phone ICD line to be recorded does not have correct recording configuration in Cisco Unified Communications Manager.' },
    { value: 88053, name: 'CCX_BIB_RESOURCE_NOT_AVAILABLE', description: 'Agent phone Built-In Bridge resource is not available.' },
    { value: 88054, name: 'CCX_ILLEGAL_CALL_STATE', description: 'Call at the agent phone ICD line cannot perform the operation in its current state.' },
    { value: 88055, name: 'CCX_CALLMANAGER_OPERATION_TIMEOUT', description: 'Cisco Unified Communications Manager operation timed out (failed).' },
    { value: 88056, name: 'CCX_MONITORING_ALREADY_INPROGRESS', description: 'Agent phone line to be monitored is already participating in another monitoring session.' },
    { value: 88057, name: 'CCX_RECORDING_LICENSE_LIMIT_EXCEEDED', description: 'Number of concurrent recordings exceeds the value of recording count available in the Recording License.' },
  ],
};

// guide: the value column is headed "Mask value", but the values are distinct codes, not bits:
// CCX_SHUTDOWN 0x300 equals CCX_INITIALIZING | CCX_SHUTTING_DOWN (0x100 | 0x200), 0x500 and 0x600
// are likewise combinations. Hence kind 'enum'.
// decision: open — Table 18 says any non-zero CCXStatus indicates a failure (so 0 is the normal
// value) while Table 199 lists only 0x100–0x600; see docs/spec-notes.md.
export const CCXStatus: ConstTable = {
  id: 'CCXStatus',
  title: 'Unified CCX Status Values',
  source: 'Table 199',
  kind: 'enum',
  closed: false,
  entries: [
    { value: 0x00000100, name: 'CCX_INITIALIZING', description: 'The server is initializing' },
    { value: 0x00000200, name: 'CCX_SHUTTING_DOWN', description: 'The server is shutting down' },
    { value: 0x00000300, name: 'CCX_SHUTDOWN', description: 'The server is shut down' },
    { value: 0x00000400, name: 'CCX_IN_SERVICE', description: 'The server is in service' },
    { value: 0x00000500, name: 'CCX_PARTIAL_SERVICE', description: 'The server is in Partial Service' },
    { value: 0x00000600, name: 'CCX_OUT_OF_SERVICE', description: 'The server failed to initialize' },
  ],
};

// guide: the table prints no names (only meanings) for 15, 29 and 30; names here are derived from
// the meanings. It "lists all" values but does not list 0, which every chapter 11 flow shows
// (CalledPartyDisposition: 0 / CD_INVALID). It marks 28 reserved on a row of its own, next to
// 16-27. Values above 52 are neither named nor reserved.
export const Disposition: ConstTable = {
  id: 'Disposition',
  title: 'Call-Party Disposition Values',
  source: 'Table 200',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0, name: 'CD_INVALID', source: 'chapter 11 flows (CalledPartyDisposition: CD_INVALID)' },
    { value: 15, name: 'DISPOSITION_REDIRECTED', description: 'Redirected' },
    { value: 29, name: 'DISPOSITION_ANNOUNCED_TRANSFER', description: 'Announced Transfer' },
    { value: 30, name: 'DISPOSITION_CONFERENCED', description: 'Conferenced' },
  ],
  reserved: [
    [1, 14],
    [16, 27],
    [28, 28],
    [31, 52],
  ],
};

// guide: chapter 3 says an inconsistent agent-mode OPEN_REQ is answered with
// E_CTI_INCONSISTENT_AGENT_DATA, a status this table does not list (no value is given anywhere).
// guide: E_CTI_INVALID_PERIPHERAL_ID (7) is described as "One of the reserved fields in the
// fixed part of the message is incorrect." E_CTI_INVALID_TIMEOUT: "a value that less than 20
// seconds" (sic).
export const StatusCode: ConstTable = {
  id: 'StatusCode',
  title: 'Error Status Codes',
  source: 'Table 201',
  kind: 'enum',
  closed: true,
  entries: [
    { value: 0, name: 'E_CTI_NO_ERROR', description: 'No error occurred.' },
    { value: 1, name: 'E_CTI_INVALID_VERSION', description: 'The server does not support the protocol version number requested by the client.' },
    { value: 2, name: 'E_CTI_INVALID_MESSAGE_TYPE', description: 'A message with an invalid message type field was received.' },
    { value: 3, name: 'E_CTI_INVALID_FIELD', description: 'A message with an invalid floating field tag was received.' },
    { value: 4, name: 'E_CTI_SESSION_NOT_OPEN', description: 'No session is currently open on the connection.' },
    { value: 5, name: 'E_CTI_SESSION_ALREADY_OPEN', description: 'A session is already open on the connection.' },
    { value: 6, name: 'E_CTI_REQUIRED_DATA_MISSING', description: 'The request did not include one or more floating items that are required.' },
    { value: 7, name: 'E_CTI_INVALID_PERIPHERAL_ID', description: 'One of the reserved fields in the fixed part of the message is incorrect.' },
    { value: 8, name: 'E_CTI_INVALID_AGENT_DATA', description: 'The provided agent data item(s) are not valid.' },
    { value: 9, name: 'E_CTI_AGENT_NOT_LOGGED_ON', description: 'The indicated agent is not currently logged on.' },
    { value: 10, name: 'E_CTI_DEVICE_IN_USE', description: 'The indicated agent IP phone is already associated with a different client.' },
    { value: 11, name: 'E_CTI_NEW_SESSION_OPENED', description: 'This session is being terminated due to a new session open request from the client.' },
    { value: 13, name: 'E_CTI_INVALID_CALLID', description: 'A request message was received with an invalid CallID value.' },
    { value: 17, name: 'E_CTI_UNSPECIFIED_FAILURE', description: 'An unspecified error occurred.' },
    { value: 18, name: 'E_CTI_INVALID_TIMEOUT', description: 'The IdleTimeout field contains a value that less than 20 seconds (4 times the minimum heartbeat interval of 5 seconds).' },
    { value: 23, name: 'E_CTI_INVALID_FIELD_LENGTH', description: 'A floating field exceeds the allowable length for that field type.' },
    { value: 92, name: 'E_CTI_SERVER_NOT_MASTER', description: 'The server is a standby server.' },
    { value: 93, name: 'E_CTI_INVALID_CSQ', description: 'The specified CSQ is invalid.' },
    { value: 94, name: 'E_CTI_JTAPI_CCM_PROBLEM', description: 'Indicates a JTAPI or Cisco Unified Communications Manager problem.' },
    { value: 96, name: 'E_CTI_AUTO_CONFIG_RESET', description: 'The client needs to resend the CONFIG_REQUEST_KEY_EVENT and the CONFIG_REQUEST_EVENT message.' },
  ],
  reserved: [[12, 12], [14, 16], [19, 22], [24, 91], [95, 95]],
};

// Open: the guide lists the codes Unified CCX itself uses; clients may define their own reason
// codes (SET_AGENT_STATE_REQ EventReasonCode).
// guide: the introduction calls this table "Table 1" (so does AGENT_STATE_EVENT's
// EventReasonCode). Rows 32746 and 32747 are printed out of order; 32745, 32748 and 32749 are
// not listed. EMAIL_CONTACT_NOT_ACCEPTED is 32743; ACCX_MASTERSHIP_CHANGE (32744) has no
// description. CCX_FAILURE, CM_FAILOVER, EMAIL_..., ACCX_... lack the AGT_ prefix of the others.
export const AgentStateReasonCode: ConstTable = {
  id: 'AgentStateReasonCode',
  title: 'Reason Codes for Agent State Change',
  source: 'Table 202',
  kind: 'enum',
  closed: false,
  entries: [
    { value: 32767, name: 'AGT_RELOGON', description: 'The Agent logs in again.' },
    { value: 32766, name: 'AGT_CLOSE_CAD', description: 'The Agent closes the CAD' },
    { value: 32765, name: 'AGT_CONN_DOWN', description: 'Connection between the Unified CCX and CAD is down.' },
    { value: 32764, name: 'CCX_FAILURE', description: 'Unified CCX failure.' },
    { value: 32763, name: 'AGT_RNA', description: 'The Agent did not answer the call.' },
    { value: 32762, name: 'AGT_OFFHOOK', description: 'The Agent goes off-hook.' },
    { value: 32761, name: 'AGT_NON_ICD', description: 'The Agent receives a direct non-business call.' },
    { value: 32760, name: 'AGT_LOGON', description: 'The Agent logs in.' },
    { value: 32759, name: 'AGT_PHONE_DOWN', description: "The Agent's phone is down." },
    { value: 32758, name: 'AGT_WORK_TIMER_EXP', description: "The Agent's work timer expired." },
    { value: 32757, name: 'CM_FAILOVER', description: 'Call Manager failover.' },
    { value: 32756, name: 'AGT_PHONE_UP', description: "The Agent's phone is up." },
    { value: 32755, name: 'AGT_CALL_ENDED', description: "The Agent's Call ended." },
    { value: 32754, name: 'AGT_DEVICE_RESTRICTED', description: "The Agent's device is restricted." },
    { value: 32753, name: 'AGT_LINE_RESTRICTED', description: "The Agent's line is restricted." },
    { value: 32752, name: 'AGT_CANCEL_RESERVATION', description: 'The Agent cancels reservation for preview outbound call.' },
    { value: 32751, name: 'AGT_SKIPS', description: 'The Agent skips the preview outbound call.' },
    { value: 32750, name: 'AGT_ICD_EXTENSION_CHANGED', description: "The Agent's ICD extension has changed." },
    { value: 32746, name: 'AGT_RESERVED_OUTBOUND_DIRECT_PREVIEW', description: 'The Agent is reserved for a preview outbound call.' },
    { value: 32747, name: 'AGT_RESERVED_OUTBOUND', description: 'The Agent is reserved for a progressive or predictive outbound call.' },
    { value: 32743, name: 'EMAIL_CONTACT_NOT_ACCEPTED', description: 'Auto accept of email failed.' },
    { value: 32744, name: 'ACCX_MASTERSHIP_CHANGE' },
  ],
};

// ---------------------------------------------------------------------------------------------
// Table 198: special values
// ---------------------------------------------------------------------------------------------

/**
 * All of Table 198 ("Special Values").
 * guide: MAX_CSQ_COUNT is described only as "In AGENT_STATE_EVENT message" (Table 56 allows up
 * to 99 CSQ records, QUERY_AGENT_STATE_CONF Table 60 only 20); MAX_AGENTS "In AGENT_TEAM_CONFIG
 * message", a message that does not exist (TEAM_CONFIG_EVENT NumRecords allows up to 64);
 * NULL_APPLICATION "Indicates that no Service is supplied" (ICM wording); NULL_LINEHANDLE "In
 * message constants", while no field of the guide is a line handle.
 */
export const SPECIAL_VALUES = {
  MAX_NUM_DEVICES: 16,
  MAX_CSQ_COUNT: 99,
  MAX_AGENTS: 64,
  NULL_CALL_ID: 0xffffffff,
  NULL_APPLICATION: 0xffffffff,
  NULL_CSQ: 0xffffffff,
  NULL_LINEHANDLE: 0xffff,
} as const;

// The chapter 11 flows print NULL IDs as signed numbers (ApplicationID: -1, CSQID: -1).
export const CallIDSpecial: ConstTable = {
  id: 'CallIDSpecial',
  title: 'Special Values: call ID',
  source: 'Table 198',
  kind: 'enum',
  closed: false,
  entries: [{ value: 0xffffffff, name: 'NULL_CALL_ID', description: 'Indicates that no call ID is supplied.' }],
};

export const ApplicationIDSpecial: ConstTable = {
  id: 'ApplicationIDSpecial',
  title: 'Special Values: application ID',
  source: 'Table 198',
  kind: 'enum',
  closed: false,
  entries: [{ value: 0xffffffff, name: 'NULL_APPLICATION', description: 'Indicates that no Service is supplied.' }],
};

export const CSQIDSpecial: ConstTable = {
  id: 'CSQIDSpecial',
  title: 'Special Values: CSQ ID',
  source: 'Table 198',
  kind: 'enum',
  closed: false,
  entries: [{ value: 0xffffffff, name: 'NULL_CSQ', description: 'Indicates that no CSQ is supplied.' }],
};

// ---------------------------------------------------------------------------------------------

/** Every constant table, in guide order (ids unique). */
export const CONSTANT_TABLES: readonly ConstTable[] = [
  AgentState,
  NextAgentState,
  CTIServiceMask,
  CallEventMask,
  AgentStateMask,
  ConfigMask,
  ConfigKeyStatus,
  ConfigType,
  ConfigEndStatus,
  ConfigRecordType,
  MRDomainID,
  AgentType,
  ConfigDeviceType,
  TeamOperation,
  TeamAgentFlags,
  TeamRecordType,
  TeamMemberType,
  TeamConfigParam,
  TeamConfigStatus,
  ForcedFlag,
  AgentCapacity,
  RTPDirection,
  RTPType,
  RTPBitRate,
  EchoCancellation,
  ConsultType,
  SupervisoryAction,
  DeviceType,
  LocalConnectionState,
  EventCause,
  SystemEventID,
  ConnectionDeviceType,
  AudioCodec,
  CallType,
  ControlFailureCode,
  CCXErrorCode,
  CallIDSpecial,
  ApplicationIDSpecial,
  CSQIDSpecial,
  CCXStatus,
  Disposition,
  StatusCode,
  AgentStateReasonCode,
];

const BY_ID: ReadonlyMap<string, ConstTable> = new Map(CONSTANT_TABLES.map((t) => [t.id, t]));

/** The constant table with the given id, if any. */
export function constantTable(id: string): ConstTable | undefined {
  return BY_ID.get(id);
}
