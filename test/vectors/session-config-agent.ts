/**
 * Hand-written vectors: session, failure, configuration and agent-state messages, plus the
 * message IDs without a body definition (reserved, EMERGENCY_CALL_*, unlisted).
 *
 * Every byte below was written by hand from the guide's tables (chapter 9, Tables 12–64;
 * chapter 10, Tables 184–188), never by the project's encoder. Strings carry their NUL and
 * the NUL is counted in FieldDataLength; all integers are big-endian.
 */
import type { HandVector } from './types.js';

/** The same vector without `version`: the decoder must infer the layout from what fits. */
function inferred(v: HandVector): HandVector {
  const { version: _version, ...rest } = v;
  return { ...rest, name: `${v.name} (version inferred)` };
}

/** The same vector decoded without showSecrets: the secret must read "<redacted>". */
function redacted(v: HandVector, secret: string): HandVector {
  const { showSecrets: _show, ...rest } = v;
  return {
    ...rest,
    name: `${v.name} (secret redacted)`,
    expect: { ...v.expect, fields: { ...v.expect.fields, [secret]: '<redacted>' } },
  };
}

// ---------------------------------------------------------------------------------------
// Session messages (Tables 12–21)
// ---------------------------------------------------------------------------------------

const OPEN_REQ_BRIDGE: HandVector = {
  name: 'OPEN_REQ, bridge mode (ALL_EVENTS + CONFIG_EVENTS), version 14, empty ClientPassword',
  source: 'Tables 12, 13, 22, 23, 24, 25, 188',
  showSecrets: true,
  hex: `
    00 00 00 46                 -- MHDR BodyLength = 70 (44 fixed + 26 floating)
    00 00 00 03                 -- MHDR MessageTypeID = 3 (OPEN_REQ)
    00 00 00 01                 -- InvokeID = 1
    00 00 00 0e                 -- VersionNumber = 14
    00 00 00 50                 -- IdleTimeout = 80 s
    00 00 00 00                 -- reserved (Reserved1) = 0
    00 04 00 12                 -- ServicesRequested = CALL_DATA_UPDATE 0x2 | ALL_EVENTS 0x10 | CONFIG_EVENTS 0x40000
    00 65 ef ff                 -- CallMsgMask = 0x0065EFFF (every mask of Table 23)
    00 00 01 ff                 -- AgentStateMask = 0x1FF (every mask of Table 24)
    00 00 00 0f                 -- ConfigMsgMask = 0xF (agent, CSQ, application, device)
    00 00 00 00                 -- reserved (Reserved2) = 0
    00 00 00 00                 -- reserved (Reserved3) = 0
    00 00 00 00                 -- reserved (Reserved4) = 0
    01 09 62 72 69 64 67 65 30 31 00        -- ClientID[1] = "bridge01" (8 + NUL)
    02 00                                   -- ClientPassword[2] = UNSPEC, zero length
    03 0b 43 43 58 2d 42 72 69 64 67 65 00  -- ClientSignature[3] = "CCX-Bridge" (10 + NUL)
  `,
  expect: {
    type: 'OPEN_REQ',
    typeId: 3,
    bodyLength: 70,
    fields: {
      InvokeID: 1,
      VersionNumber: 14,
      IdleTimeout: 80,
      Reserved1: 0,
      ServicesRequested: 0x00040012,
      CallMsgMask: 0x0065efff,
      AgentStateMask: 0x1ff,
      ConfigMsgMask: 0xf,
      Reserved2: 0,
      Reserved3: 0,
      Reserved4: 0,
      ClientID: 'bridge01',
      ClientPassword: '',
      ClientSignature: 'CCX-Bridge',
    },
    labels: {
      ServicesRequested: [
        'CTI_SERVICE_CALL_DATA_UPDATE',
        'CTI_SERVICE_ALL_EVENTS',
        'CTI_SERVICE_CONFIG_EVENTS',
      ],
    },
  },
};

const OPEN_REQ_AGENT: HandVector = {
  name: 'OPEN_REQ, agent mode (CLIENT_EVENTS + CALL_DATA_UPDATE + CLIENT_CONTROL), version 12',
  source: 'Tables 12, 13, 22, 23, 24, 188',
  showSecrets: true,
  hex: `
    00 00 00 5f                 -- MHDR BodyLength = 95 (44 fixed + 51 floating)
    00 00 00 03                 -- MHDR MessageTypeID = 3 (OPEN_REQ)
    00 00 00 01                 -- InvokeID = 1
    00 00 00 0c                 -- VersionNumber = 12
    00 00 00 50                 -- IdleTimeout = 80 s
    00 00 00 00                 -- reserved (Reserved1) = 0
    00 00 00 07                 -- ServicesRequested = CLIENT_EVENTS 0x1 | CALL_DATA_UPDATE 0x2 | CLIENT_CONTROL 0x4
    00 01 ef ff                 -- CallMsgMask = 0x0001EFFF (DELIVERED .. SERVICE_INITIATED, BEGIN/END/DATA_UPDATE, FAILED)
    00 00 01 ff                 -- AgentStateMask = 0x1FF
    00 00 00 00                 -- ConfigMsgMask = 0
    00 00 00 00                 -- reserved (Reserved2) = 0
    00 00 00 00                 -- reserved (Reserved3) = 0
    00 00 00 00                 -- reserved (Reserved4) = 0
    01 07 61 67 65 6e 74 31 00              -- ClientID[1] = "agent1"
    02 06 73 65 63 72 65 74                 -- ClientPassword[2] = UNSPEC(6) "secret" bytes
    03 09 43 41 44 2d 31 32 2e 35 00        -- ClientSignature[3] = "CAD-12.5"
    04 05 32 30 30 36 00                    -- AgentExtension[4] = "2006"
    06 05 32 30 30 36 00                    -- AgentInstrument[6] = "2006"
    c2 07 61 67 65 6e 74 31 00              -- AgentID[194] = "agent1"
  `,
  expect: {
    type: 'OPEN_REQ',
    typeId: 3,
    bodyLength: 95,
    fields: {
      InvokeID: 1,
      VersionNumber: 12,
      IdleTimeout: 80,
      Reserved1: 0,
      ServicesRequested: 7,
      CallMsgMask: 0x0001efff,
      AgentStateMask: 0x1ff,
      ConfigMsgMask: 0,
      Reserved2: 0,
      Reserved3: 0,
      Reserved4: 0,
      ClientID: 'agent1',
      ClientPassword: '736563726574',
      ClientSignature: 'CAD-12.5',
      AgentExtension: '2006',
      AgentInstrument: '2006',
      AgentID: 'agent1',
    },
    labels: {
      ServicesRequested: [
        'CTI_SERVICE_CLIENT_EVENTS',
        'CTI_SERVICE_CALL_DATA_UPDATE',
        'CTI_SERVICE_CLIENT_CONTROL',
      ],
    },
  },
};

const OPEN_CONF_V10: HandVector = {
  name: 'OPEN_CONF, agent mode, version-10 style (no peripheral fields)',
  source: 'Tables 14, 15',
  version: 10,
  hex: `
    00 00 00 34                 -- MHDR BodyLength = 52 (26 fixed + 26 floating)
    00 00 00 04                 -- MHDR MessageTypeID = 4 (OPEN_CONF)
    00 00 00 01                 -- InvokeID = 1
    00 00 00 07                 -- ServicesGranted = 0x7
    00 00 00 00                 -- reserved (Reserved1) = 0
    00 00 00 00                 -- reserved (Reserved2) = 0
    00 00 00 00                 -- reserved TIME (Reserved3) = 0
    00 01                       -- Unified CCX Online (BOOL) = 1 (online)
    00 00                       -- reserved USHORT (Reserved4) = 0
    00 02                       -- AgentState = 2 (AGENT_STATE_NOT_READY)
    04 05 32 30 30 36 00        -- AgentExtension[4] = "2006"
    05 01 00                    -- reserved[5] = "" (Reserved_5)
    06 05 32 30 30 36 00        -- AgentInstrument[6] = "2006"
    c2 07 61 67 65 6e 74 31 00  -- AgentID[194] = "agent1"
  `,
  expect: {
    type: 'OPEN_CONF',
    typeId: 4,
    bodyLength: 52,
    fields: {
      InvokeID: 1,
      ServicesGranted: 7,
      Reserved1: 0,
      Reserved2: 0,
      Reserved3: 0,
      UnifiedCCXOnline: true,
      Reserved4: 0,
      AgentState: 2,
      AgentExtension: '2006',
      Reserved_5: '',
      AgentInstrument: '2006',
      AgentID: 'agent1',
    },
  },
};

const OPEN_CONF_V14: HandVector = {
  name: 'OPEN_CONF, agent mode, version 14 with NumPeripherals = 1',
  source: 'Tables 14, 15, 188',
  version: 14,
  hex: `
    00 00 00 42                 -- MHDR BodyLength = 66 (26 fixed + 40 floating)
    00 00 00 04                 -- MHDR MessageTypeID = 4 (OPEN_CONF)
    00 00 00 01                 -- InvokeID = 1
    00 00 00 07                 -- ServicesGranted = 0x7
    00 00 00 00                 -- reserved (Reserved1) = 0
    00 00 00 00                 -- reserved (Reserved2) = 0
    00 00 00 00                 -- reserved TIME (Reserved3) = 0
    00 01                       -- Unified CCX Online = 1
    00 00                       -- reserved (Reserved4) = 0
    00 02                       -- AgentState = 2 (NOT_READY)
    04 05 32 30 30 36 00        -- AgentExtension[4] = "2006"
    05 01 00                    -- reserved[5] = ""
    06 05 32 30 30 36 00        -- AgentInstrument[6] = "2006"
    c2 07 61 67 65 6e 74 31 00  -- AgentID[194] = "agent1"
    e4 02 00 01                 -- NumPeripherals[228] = 1
    d0 04 00 00 13 88           -- FltPeripheralID[208] = 5000
    e0 02 00 01                 -- MultilineAgentControl[224] = 1
  `,
  expect: {
    type: 'OPEN_CONF',
    typeId: 4,
    bodyLength: 66,
    fields: {
      InvokeID: 1,
      ServicesGranted: 7,
      Reserved1: 0,
      Reserved2: 0,
      Reserved3: 0,
      UnifiedCCXOnline: true,
      Reserved4: 0,
      AgentState: 2,
      AgentExtension: '2006',
      Reserved_5: '',
      AgentInstrument: '2006',
      AgentID: 'agent1',
      NumPeripherals: 1,
      Peripherals: [{ FltPeripheralID: 5000, MultilineAgentControl: 1 }],
    },
  },
};

const OPEN_CONF_V14_TWO: HandVector = {
  name: 'OPEN_CONF, version 14 with NumPeripherals = 2 (two Peripherals records)',
  source: 'Tables 14, 15, 188',
  version: 14,
  hex: `
    00 00 00 4c                 -- MHDR BodyLength = 76 (26 fixed + 50 floating)
    00 00 00 04                 -- MHDR MessageTypeID = 4 (OPEN_CONF)
    00 00 00 02                 -- InvokeID = 2
    00 00 00 07                 -- ServicesGranted = 0x7
    00 00 00 00                 -- reserved (Reserved1) = 0
    00 00 00 00                 -- reserved (Reserved2) = 0
    00 00 00 00                 -- reserved TIME (Reserved3) = 0
    00 00                       -- Unified CCX Online = 0 (offline)
    00 00                       -- reserved (Reserved4) = 0
    00 01                       -- AgentState = 1 (AGENT_STATE_LOGOUT)
    04 05 32 30 30 36 00        -- AgentExtension[4] = "2006"
    05 01 00                    -- reserved[5] = ""
    06 05 32 30 30 36 00        -- AgentInstrument[6] = "2006"
    c2 07 61 67 65 6e 74 31 00  -- AgentID[194] = "agent1"
    e4 02 00 02                 -- NumPeripherals[228] = 2
    d0 04 00 00 13 88           -- FltPeripheralID[208] = 5000     (record 1)
    e0 02 00 01                 -- MultilineAgentControl[224] = 1  (record 1)
    d0 04 00 00 13 89           -- FltPeripheralID[208] = 5001     (record 2)
    e0 02 00 00                 -- MultilineAgentControl[224] = 0  (record 2)
  `,
  expect: {
    // Table 15: "For Unified CCX, this is always 1" — two peripherals exceed the documented count.
    diagnostics: ['COUNT_OVER_MAXIMUM'],
    type: 'OPEN_CONF',
    typeId: 4,
    bodyLength: 76,
    fields: {
      InvokeID: 2,
      ServicesGranted: 7,
      Reserved1: 0,
      Reserved2: 0,
      Reserved3: 0,
      UnifiedCCXOnline: false,
      Reserved4: 0,
      AgentState: 1,
      AgentExtension: '2006',
      Reserved_5: '',
      AgentInstrument: '2006',
      AgentID: 'agent1',
      NumPeripherals: 2,
      Peripherals: [
        { FltPeripheralID: 5000, MultilineAgentControl: 1 },
        { FltPeripheralID: 5001, MultilineAgentControl: 0 },
      ],
    },
  },
};

const SESSION: HandVector[] = [
  OPEN_REQ_BRIDGE,
  OPEN_REQ_AGENT,
  redacted(OPEN_REQ_AGENT, 'ClientPassword'),
  OPEN_CONF_V10,
  inferred(OPEN_CONF_V10),
  OPEN_CONF_V14,
  inferred(OPEN_CONF_V14),
  OPEN_CONF_V14_TWO,
  inferred(OPEN_CONF_V14_TWO),
  {
    name: 'HEARTBEAT_REQ',
    source: 'Table 16',
    hex: `
      00 00 00 04               -- MHDR BodyLength = 4
      00 00 00 05               -- MHDR MessageTypeID = 5 (HEARTBEAT_REQ)
      00 00 00 2a               -- InvokeID = 42
    `,
    expect: { type: 'HEARTBEAT_REQ', typeId: 5, bodyLength: 4, fields: { InvokeID: 42 } },
  },
  {
    name: 'HEARTBEAT_CONF',
    source: 'Table 17',
    hex: `
      00 00 00 04               -- MHDR BodyLength = 4
      00 00 00 06               -- MHDR MessageTypeID = 6 (HEARTBEAT_CONF)
      00 00 00 2a               -- InvokeID = 42
    `,
    expect: { type: 'HEARTBEAT_CONF', typeId: 6, bodyLength: 4, fields: { InvokeID: 42 } },
  },
  {
    name: 'CLOSE_REQ, Status E_CTI_NO_ERROR',
    source: 'Tables 20, 201',
    hex: `
      00 00 00 08               -- MHDR BodyLength = 8
      00 00 00 07               -- MHDR MessageTypeID = 7 (CLOSE_REQ)
      00 00 00 2b               -- InvokeID = 43
      00 00 00 00               -- Status = 0 (E_CTI_NO_ERROR)
    `,
    expect: { type: 'CLOSE_REQ', typeId: 7, bodyLength: 8, fields: { InvokeID: 43, Status: 0 } },
  },
  {
    name: 'CLOSE_CONF',
    source: 'Table 21',
    hex: `
      00 00 00 04               -- MHDR BodyLength = 4
      00 00 00 08               -- MHDR MessageTypeID = 8 (CLOSE_CONF)
      00 00 00 2b               -- InvokeID = 43
    `,
    expect: { type: 'CLOSE_CONF', typeId: 8, bodyLength: 4, fields: { InvokeID: 43 } },
  },
  {
    name: 'SYSTEM_EVENT, SYS_CCX_ONLINE with Text, no device',
    source: 'Tables 18, 19, 189, 192',
    hex: `
      00 00 00 32               -- MHDR BodyLength = 50 (26 fixed + 24 floating)
      00 00 00 1f               -- MHDR MessageTypeID = 31 (SYSTEM_EVENT)
      00 00 00 00               -- CCXStatus = 0
      65 ec 87 80               -- CCXTime = 1710000000 (2024-03-09T16:00:00Z)
      00 00 00 03               -- SystemEventID = 3 (SYS_CCX_ONLINE)
      00 00 00 00               -- SystemEventArg1 = 0
      00 00 00 00               -- SystemEventArg2 = 0
      00 00 00 00               -- SystemEventArg3 = 0
      ff ff                     -- EventDeviceType = 0xFFFF (DEVID_NONE)
      07 16 55 6e 69 66 69 65 64 20 43 43 58 20 69 73 20 6f 6e 6c 69 6e 65 00
                                -- Text[7] = "Unified CCX is online" (21 + NUL)
    `,
    expect: {
      type: 'SYSTEM_EVENT',
      typeId: 31,
      bodyLength: 50,
      fields: {
        CCXStatus: 0,
        CCXTime: 1710000000,
        SystemEventID: 3,
        SystemEventArg1: 0,
        SystemEventArg2: 0,
        SystemEventArg3: 0,
        EventDeviceType: 0xffff,
        Text: 'Unified CCX is online',
      },
    },
  },
  {
    name: 'SYSTEM_EVENT, SYS_INSTRUMENT_OUT_OF_SERVICE with EventDeviceID',
    source: 'Tables 18, 19, 189, 192',
    hex: `
      00 00 00 21               -- MHDR BodyLength = 33 (26 fixed + 7 floating)
      00 00 00 1f               -- MHDR MessageTypeID = 31 (SYSTEM_EVENT)
      00 00 00 00               -- CCXStatus = 0
      65 ec 87 bc               -- CCXTime = 1710000060
      00 00 00 0a               -- SystemEventID = 10 (SYS_INSTRUMENT_OUT_OF_SERVICE)
      00 00 00 00               -- SystemEventArg1 = 0
      00 00 00 00               -- SystemEventArg2 = 0
      00 00 00 00               -- SystemEventArg3 = 0
      00 00                     -- EventDeviceType = 0 (DEVID_DEVICE_IDENTIFIER)
      ce 05 32 30 30 36 00      -- EventDeviceID[206] = "2006"
    `,
    expect: {
      type: 'SYSTEM_EVENT',
      typeId: 31,
      bodyLength: 33,
      fields: {
        CCXStatus: 0,
        CCXTime: 1710000060,
        SystemEventID: 10,
        SystemEventArg1: 0,
        SystemEventArg2: 0,
        SystemEventArg3: 0,
        EventDeviceType: 0,
        EventDeviceID: '2006',
      },
    },
  },
];

// ---------------------------------------------------------------------------------------
// Failure messages (Tables 26–29)
// ---------------------------------------------------------------------------------------

const FAILURE: HandVector[] = [
  {
    name: 'FAILURE_CONF, E_CTI_SERVER_NOT_MASTER with Text',
    source: 'Tables 26, 27, 201',
    hex: `
      00 00 00 19               -- MHDR BodyLength = 25 (8 fixed + 17 floating)
      00 00 00 01               -- MHDR MessageTypeID = 1 (FAILURE_CONF)
      00 00 00 01               -- InvokeID = 1
      00 00 00 5c               -- Status = 92 (E_CTI_SERVER_NOT_MASTER)
      07 0f 73 74 61 6e 64 62 79 20 73 65 72 76 65 72 00
                                -- Text[7] = "standby server" (14 + NUL)
    `,
    expect: {
      type: 'FAILURE_CONF',
      typeId: 1,
      bodyLength: 25,
      fields: { InvokeID: 1, Status: 92, Text: 'standby server' },
    },
  },
  {
    name: 'FAILURE_EVENT, E_CTI_AUTO_CONFIG_RESET with Text',
    source: 'Tables 28, 29, 201',
    hex: `
      00 00 00 1b               -- MHDR BodyLength = 27 (4 fixed + 23 floating)
      00 00 00 02               -- MHDR MessageTypeID = 2 (FAILURE_EVENT)
      00 00 00 60               -- Status = 96 (E_CTI_AUTO_CONFIG_RESET)
      07 15 72 65 6c 6f 61 64 20 63 6f 6e 66 69 67 75 72 61 74 69 6f 6e 00
                                -- Text[7] = "reload configuration" (20 + NUL)
    `,
    expect: {
      type: 'FAILURE_EVENT',
      typeId: 2,
      bodyLength: 27,
      fields: { Status: 96, Text: 'reload configuration' },
    },
  },
];

// ---------------------------------------------------------------------------------------
// Configuration messages (Tables 30–55)
// ---------------------------------------------------------------------------------------

const CONFIG_REQUEST_KEY_V10: HandVector = {
  name: 'CONFIG_REQUEST_KEY_EVENT, version 10 layout (no fixed part)',
  source: 'Tables 30, 31',
  version: 10,
  hex: `
    00 00 00 06                 -- MHDR BodyLength = 6 (0 fixed + 6 floating)
    00 00 00 e6                 -- MHDR MessageTypeID = 230 (CONFIG_REQUEST_KEY_EVENT)
    83 04 00 00 00 00           -- reserved[131] (UINT) = 0
  `,
  expect: {
    type: 'CONFIG_REQUEST_KEY_EVENT',
    typeId: 230,
    bodyLength: 6,
    fields: { Reserved_131: 0 },
  },
};

const CONFIG_REQUEST_KEY_V11: HandVector = {
  name: 'CONFIG_REQUEST_KEY_EVENT, version 11 layout (fixed reserved UINT)',
  source: 'Tables 30, 31',
  version: 11,
  hex: `
    00 00 00 0a                 -- MHDR BodyLength = 10 (4 fixed + 6 floating)
    00 00 00 e6                 -- MHDR MessageTypeID = 230 (CONFIG_REQUEST_KEY_EVENT)
    00 00 00 00                 -- reserved (Version 11, Reserved1) = 0
    83 04 00 00 00 00           -- reserved[131] (UINT) = 0
  `,
  expect: {
    type: 'CONFIG_REQUEST_KEY_EVENT',
    typeId: 230,
    bodyLength: 10,
    fields: { Reserved1: 0, Reserved_131: 0 },
  },
};

const CONFIG_REQUEST_V10: HandVector = {
  name: 'CONFIG_REQUEST_EVENT, version 10 layout, all four kinds requested',
  source: 'Tables 35, 36',
  version: 10,
  hex: `
    00 00 00 0a                 -- MHDR BodyLength = 10 (4 fixed + 6 floating)
    00 00 00 e8                 -- MHDR MessageTypeID = 232 (CONFIG_REQUEST_EVENT)
    00 00 00 0f                 -- ConfigurationMask = 0xF
    83 04 00 00 00 00           -- reserved[131] (UINT) = 0
  `,
  expect: {
    type: 'CONFIG_REQUEST_EVENT',
    typeId: 232,
    bodyLength: 10,
    fields: { ConfigurationMask: 15, Reserved_131: 0 },
  },
};

const CONFIG_REQUEST_V11: HandVector = {
  name: 'CONFIG_REQUEST_EVENT, version 11 layout (fixed reserved UINT), updates only',
  source: 'Tables 35, 36',
  version: 11,
  hex: `
    00 00 00 0e                 -- MHDR BodyLength = 14 (8 fixed + 6 floating)
    00 00 00 e8                 -- MHDR MessageTypeID = 232 (CONFIG_REQUEST_EVENT)
    00 00 00 00                 -- ConfigurationMask = 0 (no initial upload, updates only)
    00 00 00 00                 -- reserved (Version 11, Reserved1) = 0
    83 04 00 00 00 00           -- reserved[131] (UINT) = 0
  `,
  expect: {
    type: 'CONFIG_REQUEST_EVENT',
    typeId: 232,
    bodyLength: 14,
    fields: { ConfigurationMask: 0, Reserved1: 0, Reserved_131: 0 },
  },
};

const CONFIG_APPLICATION_V11: HandVector = {
  name: 'CONFIG_APPLICATION_EVENT, two records with version-11 fields',
  source: 'Tables 44, 45, 188',
  version: 11,
  hex: `
    00 00 00 9a                 -- MHDR BodyLength = 154 (2 fixed + 87 record 1 + 65 record 2)
    00 00 00 eb                 -- MHDR MessageTypeID = 235 (CONFIG_APPLICATION_EVENT)
    00 02                       -- NumRecords = 2
    -- record 1 (87 bytes)
    b7 02 00 00                 -- RecordType[183] = 0 (Add)
    d0 04 00 00 00 00           -- reserved[208] (Version 11) = 0
    b8 04 00 00 00 01           -- ApplicationID[184] = 1
    d5 04 00 00 00 00           -- reserved[213] (Version 11) = 0
    81 04 00 00 00 0a           -- MaxQueued[129] = 10
    ad 02 20 00                 -- reserved[173] = " "
    84 04 ff ff ff ff           -- PreviousApplicationID[132] = 0xFFFFFFFF (NULL_APPLICATION)
    85 09 53 61 6c 65 73 41 70 70 00                 -- ApplicationName[133] = "SalesApp"
    86 0e 53 61 6c 65 73 20 68 6f 74 6c 69 6e 65 00  -- Description[134] = "Sales hotline"
    ae 04 00 00 00 00           -- reserved[174] = 0
    af 04 00 00 00 00           -- reserved[175] = 0
    b0 02 20 00                 -- reserved[176] = " "
    d8 04 00 00 00 00           -- reserved[216] (Version 11) = 0
    -- record 2 (65 bytes; optional reserved[173] and Description[134] absent)
    b7 02 00 01                 -- RecordType[183] = 1 (Change)
    d0 04 00 00 00 00           -- reserved[208] = 0
    b8 04 00 00 00 02           -- ApplicationID[184] = 2
    d5 04 00 00 00 00           -- reserved[213] = 0
    81 04 00 00 00 14           -- MaxQueued[129] = 20
    84 04 00 00 00 05           -- PreviousApplicationID[132] = 5
    85 08 53 75 70 70 6f 72 74 00                    -- ApplicationName[133] = "Support"
    ae 04 00 00 00 00           -- reserved[174] = 0
    af 04 00 00 00 00           -- reserved[175] = 0
    b0 01 00                    -- reserved[176] = ""
    d8 04 00 00 00 00           -- reserved[216] = 0
  `,
  expect: {
    type: 'CONFIG_APPLICATION_EVENT',
    typeId: 235,
    bodyLength: 154,
    fields: {
      NumRecords: 2,
      Records: [
        {
          RecordType: 0,
          Reserved_208: 0,
          ApplicationID: 1,
          Reserved_213: 0,
          MaxQueued: 10,
          Reserved_173: ' ',
          PreviousApplicationID: 0xffffffff,
          ApplicationName: 'SalesApp',
          Description: 'Sales hotline',
          Reserved_174: 0,
          Reserved_175: 0,
          Reserved_176: ' ',
          Reserved_216: 0,
        },
        {
          RecordType: 1,
          Reserved_208: 0,
          ApplicationID: 2,
          Reserved_213: 0,
          MaxQueued: 20,
          PreviousApplicationID: 5,
          ApplicationName: 'Support',
          Reserved_174: 0,
          Reserved_175: 0,
          Reserved_176: '',
          Reserved_216: 0,
        },
      ],
    },
  },
};

const CONFIG_CSQ_V11: HandVector = {
  name: 'CONFIG_CSQ_EVENT, two version-11 records (reserved[184] then CSQID[184])',
  source: 'Tables 42, 43, 188',
  version: 11,
  hex: `
    00 00 00 83                 -- MHDR BodyLength = 131 (2 fixed + 66 record 1 + 63 record 2)
    00 00 00 ec                 -- MHDR MessageTypeID = 236 (CONFIG_CSQ_EVENT)
    00 02                       -- NumRecords = 2
    -- record 1 (66 bytes)
    b7 02 00 00                 -- RecordType[183] = 0 (Add)
    b8 04 00 00 00 00           -- reserved[184] (Version 11) = 0   -> Reserved_184
    b8 04 00 00 00 01           -- CSQID[184] = 1
    d5 04 00 00 00 00           -- reserved[213] (Version 11) = 0
    40 02 00 00                 -- reserved[64] = 0
    c0 04 00 00 00 00           -- reserved[192] = 0
    b9 02 00 01                 -- AutoWork[185] (BOOL, 2 bytes) = TRUE
    ad 02 20 00                 -- reserved[173] = " "
    85 0a 53 61 6c 65 73 5f 43 53 51 00   -- CSQName[133] = "Sales_CSQ"
    86 02 20 00                 -- Description[134] = " "
    d8 04 00 00 00 00           -- MR Domain ID[216] (Version 11) = 0 (Voice)
    b0 02 20 00                 -- reserved[176] = " "
    -- record 2 (63 bytes)
    b7 02 00 00                 -- RecordType[183] = 0 (Add)
    b8 04 00 00 00 00           -- reserved[184] = 0                 -> Reserved_184
    b8 04 00 00 00 02           -- CSQID[184] = 2
    d5 04 00 00 00 00           -- reserved[213] = 0
    40 02 00 00                 -- reserved[64] = 0
    c0 04 00 00 00 00           -- reserved[192] = 0
    b9 02 00 00                 -- AutoWork[185] = FALSE
    ad 01 00                    -- reserved[173] = ""
    85 0a 45 6d 61 69 6c 5f 43 53 51 00   -- CSQName[133] = "Email_CSQ"
    86 01 00                    -- Description[134] = ""
    d8 04 00 00 00 01           -- MR Domain ID[216] = 1 (Email)
    b0 01 00                    -- reserved[176] = ""
  `,
  expect: {
    type: 'CONFIG_CSQ_EVENT',
    typeId: 236,
    bodyLength: 131,
    fields: {
      NumRecords: 2,
      Records: [
        {
          RecordType: 0,
          Reserved_184: 0,
          CSQID: 1,
          Reserved_213: 0,
          Reserved_64: 0,
          Reserved_192: 0,
          AutoWork: true,
          Reserved_173: ' ',
          CSQName: 'Sales_CSQ',
          Description: ' ',
          MRDomainID: 0,
          Reserved_176: ' ',
        },
        {
          RecordType: 0,
          Reserved_184: 0,
          CSQID: 2,
          Reserved_213: 0,
          Reserved_64: 0,
          Reserved_192: 0,
          AutoWork: false,
          Reserved_173: '',
          CSQName: 'Email_CSQ',
          Description: '',
          MRDomainID: 1,
          Reserved_176: '',
        },
      ],
    },
  },
};

const CONFIG_AGENT_V11: HandVector = {
  name: 'CONFIG_AGENT_EVENT, two version-11 records with nested CSQs (NumCSQ 2 and 1)',
  source: 'Tables 46, 47, 188',
  version: 11,
  hex: `
    00 00 00 a5                 -- MHDR BodyLength = 165 (2 fixed + 87 record 1 + 76 record 2)
    00 00 00 ed                 -- MHDR MessageTypeID = 237 (CONFIG_AGENT_EVENT)
    00 02                       -- NumRecords = 2
    -- record 1 (87 bytes): agent
    b7 02 00 00                 -- RecordType[183] = 0 (Add)
    d0 04 00 00 00 00           -- reserved[208] (Version 11) = 0
    bd 02 00 01                 -- AgentType[189] = 1 (Agent)
    be 07 61 67 65 6e 74 31 00  -- LoginID[190] = "agent1"
    d6 02 20 00                 -- reserved[214] (Version 11) = " "
    cf 02 20 00                 -- reserved[207] (Version 11) = " "
    8a 06 53 6d 69 74 68 00     -- LastName[138] = "Smith"
    89 05 41 6e 6e 61 00        -- FirstName[137] = "Anna"
    ad 05 32 30 30 36 00        -- Extension[173] = "2006"
    86 02 20 00                 -- Description[134] = " "
    8d 04 00 00 00 00           -- reserved[141] = 0
    bf 02 00 02                 -- NumCSQ[191] = 2
    3e 04 00 00 00 01           -- CSQID[62] = 1      (pair 1)
    40 02 00 00                 -- reserved[64] = 0   (pair 1)
    3e 04 00 00 00 02           -- CSQID[62] = 2      (pair 2)
    40 02 00 00                 -- reserved[64] = 0   (pair 2)
    -- record 2 (76 bytes): supervisor
    b7 02 00 00                 -- RecordType[183] = 0 (Add)
    d0 04 00 00 00 00           -- reserved[208] = 0
    bd 02 00 02                 -- AgentType[189] = 2 (Supervisor)
    be 07 73 75 70 65 72 31 00  -- LoginID[190] = "super1"
    d6 02 20 00                 -- reserved[214] = " "
    cf 02 20 00                 -- reserved[207] = " "
    8a 06 4a 6f 6e 65 73 00     -- LastName[138] = "Jones"
    89 04 42 6f 62 00           -- FirstName[137] = "Bob"
    ad 05 32 30 31 30 00        -- Extension[173] = "2010"
    86 02 20 00                 -- Description[134] = " "
    8d 04 00 00 00 00           -- reserved[141] = 0
    bf 02 00 01                 -- NumCSQ[191] = 1
    3e 04 00 00 00 01           -- CSQID[62] = 1
    40 02 00 00                 -- reserved[64] = 0
  `,
  expect: {
    type: 'CONFIG_AGENT_EVENT',
    typeId: 237,
    bodyLength: 165,
    fields: {
      NumRecords: 2,
      Records: [
        {
          RecordType: 0,
          Reserved_208: 0,
          AgentType: 1,
          LoginID: 'agent1',
          Reserved_214: ' ',
          Reserved_207: ' ',
          LastName: 'Smith',
          FirstName: 'Anna',
          Extension: '2006',
          Description: ' ',
          Reserved_141: 0,
          NumCSQ: 2,
          CSQs: [
            { CSQID: 1, Reserved_64: 0 },
            { CSQID: 2, Reserved_64: 0 },
          ],
        },
        {
          RecordType: 0,
          Reserved_208: 0,
          AgentType: 2,
          LoginID: 'super1',
          Reserved_214: ' ',
          Reserved_207: ' ',
          LastName: 'Jones',
          FirstName: 'Bob',
          Extension: '2010',
          Description: ' ',
          Reserved_141: 0,
          NumCSQ: 1,
          CSQs: [{ CSQID: 1, Reserved_64: 0 }],
        },
      ],
    },
  },
};

const CONFIG_DEVICE_V11: HandVector = {
  name: 'CONFIG_DEVICE_EVENT, two version-11 records (agent device 3, route point 5)',
  source: 'Tables 48, 49, 50, 188',
  version: 11,
  hex: `
    00 00 00 85                 -- MHDR BodyLength = 133 (2 fixed + 66 record 1 + 65 record 2)
    00 00 00 ee                 -- MHDR MessageTypeID = 238 (CONFIG_DEVICE_EVENT)
    00 02                       -- NumRecords = 2
    -- record 1 (66 bytes): agent data
    b7 02 00 00                 -- RecordType[183] = 0 (Add)
    d0 04 00 00 00 00           -- reserved[208] (Version 11) = 0
    c3 02 00 03                 -- DeviceType[195] = 3 (agent data)
    81 04 00 00 00 00           -- MaxQueued[129] = 0 (not used for agents)
    b8 04 00 00 00 07           -- DeviceField0[184] = 7 (AgentRecordID)
    c1 04 00 00 00 00           -- DeviceField1[193] = 0 (not used)
    0b 07 61 67 65 6e 74 31 00  -- DeviceField2[11] = "agent1" (LoginID)
    0a 01 00                    -- reserved[10] = ""
    ad 05 32 30 30 36 00        -- DeviceField4[173] = "2006" (AgentExtension)
    86 0d 41 67 65 6e 74 20 61 67 65 6e 74 31 00   -- Description[134] = "Agent agent1"
    -- record 2 (65 bytes): route point data
    b7 02 00 00                 -- RecordType[183] = 0 (Add)
    d0 04 00 00 00 00           -- reserved[208] = 0
    c3 02 00 05                 -- DeviceType[195] = 5 (route point)
    81 04 00 00 00 0a           -- MaxQueued[129] = 10 (SessionLimit)
    b8 04 00 00 00 01           -- DeviceField0[184] = 1 (CallControlGroupID)
    c1 04 00 00 00 01           -- DeviceField1[193] = 1 (ApplicationID)
    0b 05 36 30 30 31 00        -- DeviceField2[11] = "6001" (RoutePoint)
    0a 01 00                    -- reserved[10] = ""
    ad 01 00                    -- DeviceField4[173] = "" (not used)
    86 12 53 61 6c 65 73 20 72 6f 75 74 65 20 70 6f 69 6e 74 00
                                -- Description[134] = "Sales route point" (17 + NUL)
  `,
  expect: {
    type: 'CONFIG_DEVICE_EVENT',
    typeId: 238,
    bodyLength: 133,
    fields: {
      NumRecords: 2,
      Records: [
        {
          RecordType: 0,
          Reserved_208: 0,
          DeviceType: 3,
          MaxQueued: 0,
          DeviceField0: 7,
          DeviceField1: 0,
          DeviceField2: 'agent1',
          Reserved_10: '',
          DeviceField4: '2006',
          Description: 'Agent agent1',
        },
        {
          RecordType: 0,
          Reserved_208: 0,
          DeviceType: 5,
          MaxQueued: 10,
          DeviceField0: 1,
          DeviceField1: 1,
          DeviceField2: '6001',
          Reserved_10: '',
          DeviceField4: '',
          Description: 'Sales route point',
        },
      ],
    },
  },
};

const CONFIG: HandVector[] = [
  CONFIG_REQUEST_KEY_V10,
  inferred(CONFIG_REQUEST_KEY_V10),
  CONFIG_REQUEST_KEY_V11,
  inferred(CONFIG_REQUEST_KEY_V11),
  {
    name: 'CONFIG_KEY_EVENT, CONFIG_SUCCESS with all four keys',
    source: 'Tables 32, 33, 34',
    hex: `
      00 00 00 2c               -- MHDR BodyLength = 44 (4 fixed + 4 x 10 floating)
      00 00 00 e7               -- MHDR MessageTypeID = 231 (CONFIG_KEY_EVENT)
      00 00 00 00               -- Status = 0 (CONFIG_SUCCESS)
      b1 08 00 00 00 00 00 00 00 15   -- ApplicationConfigKey[177] = 21
      b2 08 00 00 00 00 00 00 00 2a   -- CSQConfigKey[178] = 42
      b3 08 00 00 00 00 00 00 01 0c   -- AgentConfigKey[179] = 268
      b4 08 00 00 00 00 00 00 00 09   -- DeviceConfigKey[180] = 9
    `,
    expect: {
      type: 'CONFIG_KEY_EVENT',
      typeId: 231,
      bodyLength: 44,
      fields: {
        Status: 0,
        ApplicationConfigKey: '0000000000000015',
        CSQConfigKey: '000000000000002a',
        AgentConfigKey: '000000000000010c',
        DeviceConfigKey: '0000000000000009',
      },
    },
  },
  CONFIG_REQUEST_V10,
  inferred(CONFIG_REQUEST_V10),
  CONFIG_REQUEST_V11,
  inferred(CONFIG_REQUEST_V11),
  {
    name: 'CONFIG_BEGIN_EVENT, initial configuration with all four keys',
    source: 'Tables 37, 38',
    hex: `
      00 00 00 2e               -- MHDR BodyLength = 46 (6 fixed + 4 x 10 floating)
      00 00 00 e9               -- MHDR MessageTypeID = 233 (CONFIG_BEGIN_EVENT)
      00 01                     -- ConfigType = 1 (Initial Configuration)
      00 00 00 0f               -- ConfigurationMask = 0xF
      b1 08 00 00 00 00 00 00 00 15   -- ApplicationConfigKey[177] = 21
      b2 08 00 00 00 00 00 00 00 2a   -- CSQueueConfigKey[178] (-> CSQConfigKey) = 42
      b3 08 00 00 00 00 00 00 01 0c   -- AgentConfigKey[179] = 268
      b4 08 00 00 00 00 00 00 00 09   -- DeviceConfigKey[180] = 9
    `,
    expect: {
      type: 'CONFIG_BEGIN_EVENT',
      typeId: 233,
      bodyLength: 46,
      fields: {
        ConfigType: 1,
        ConfigurationMask: 15,
        ApplicationConfigKey: '0000000000000015',
        CSQConfigKey: '000000000000002a',
        AgentConfigKey: '000000000000010c',
        DeviceConfigKey: '0000000000000009',
      },
    },
  },
  {
    name: 'CONFIG_END_EVENT, CONFIG_SUCCESS without Text',
    source: 'Tables 39, 40, 41',
    hex: `
      00 00 00 04               -- MHDR BodyLength = 4
      00 00 00 ea               -- MHDR MessageTypeID = 234 (CONFIG_END_EVENT)
      00 00 00 00               -- Status = 0 (CONFIG_SUCCESS)
    `,
    expect: { type: 'CONFIG_END_EVENT', typeId: 234, bodyLength: 4, fields: { Status: 0 } },
  },
  {
    name: 'CONFIG_END_EVENT, CONFIG_PARTIAL with Text',
    source: 'Tables 39, 40, 41',
    hex: `
      00 00 00 18               -- MHDR BodyLength = 24 (4 fixed + 20 floating)
      00 00 00 ea               -- MHDR MessageTypeID = 234 (CONFIG_END_EVENT)
      00 00 00 05               -- Status = 5 (CONFIG_PARTIAL)
      07 12 6d 6f 72 65 20 64 61 74 61 20 66 6f 6c 6c 6f 77 73 00
                                -- Text[7] = "more data follows" (17 + NUL)
    `,
    expect: {
      type: 'CONFIG_END_EVENT',
      typeId: 234,
      bodyLength: 24,
      fields: { Status: 5, Text: 'more data follows' },
    },
  },
  CONFIG_APPLICATION_V11,
  inferred(CONFIG_APPLICATION_V11),
  CONFIG_CSQ_V11,
  inferred(CONFIG_CSQ_V11),
  {
    name: 'CONFIG_CSQ_EVENT, one version-10 record (single 184 = CSQID)',
    source: 'Tables 42, 43',
    hex: `
      00 00 00 34               -- MHDR BodyLength = 52 (2 fixed + 50 record)
      00 00 00 ec               -- MHDR MessageTypeID = 236 (CONFIG_CSQ_EVENT)
      00 01                     -- NumRecords = 1
      b7 02 00 01               -- RecordType[183] = 1 (Change)
      b8 04 00 00 00 03         -- CSQID[184] = 3
      40 02 00 00               -- reserved[64] = 0
      c0 04 00 00 00 00         -- reserved[192] = 0
      b9 02 00 01               -- AutoWork[185] = TRUE
      ad 02 20 00               -- reserved[173] = " "
      85 0c 53 75 70 70 6f 72 74 5f 43 53 51 00   -- CSQName[133] = "Support_CSQ"
      86 02 20 00               -- Description[134] = " "
      b0 02 20 00               -- reserved[176] = " "
    `,
    expect: {
      type: 'CONFIG_CSQ_EVENT',
      typeId: 236,
      bodyLength: 52,
      fields: {
        NumRecords: 1,
        Records: [
          {
            RecordType: 1,
            CSQID: 3,
            Reserved_64: 0,
            Reserved_192: 0,
            AutoWork: true,
            Reserved_173: ' ',
            CSQName: 'Support_CSQ',
            Description: ' ',
            Reserved_176: ' ',
          },
        ],
      },
    },
  },
  CONFIG_AGENT_V11,
  inferred(CONFIG_AGENT_V11),
  {
    name: 'CONFIG_AGENT_EVENT, one version-10 record (no 208/214/207), NumCSQ 1',
    source: 'Tables 46, 47',
    hex: `
      00 00 00 3e               -- MHDR BodyLength = 62 (2 fixed + 60 record)
      00 00 00 ed               -- MHDR MessageTypeID = 237 (CONFIG_AGENT_EVENT)
      00 01                     -- NumRecords = 1
      b7 02 00 01               -- RecordType[183] = 1 (Change)
      bd 02 00 01               -- AgentType[189] = 1 (Agent)
      be 07 61 67 65 6e 74 32 00   -- LoginID[190] = "agent2"
      8a 04 4c 65 65 00         -- LastName[138] = "Lee"
      89 04 4b 69 6d 00         -- FirstName[137] = "Kim"
      ad 05 32 30 30 37 00      -- Extension[173] = "2007"
      86 02 20 00               -- Description[134] = " "
      8d 04 00 00 00 00         -- reserved[141] = 0
      bf 02 00 01               -- NumCSQ[191] = 1
      3e 04 00 00 00 03         -- CSQID[62] = 3
      40 02 00 00               -- reserved[64] = 0
    `,
    expect: {
      type: 'CONFIG_AGENT_EVENT',
      typeId: 237,
      bodyLength: 62,
      fields: {
        NumRecords: 1,
        Records: [
          {
            RecordType: 1,
            AgentType: 1,
            LoginID: 'agent2',
            LastName: 'Lee',
            FirstName: 'Kim',
            Extension: '2007',
            Description: ' ',
            Reserved_141: 0,
            NumCSQ: 1,
            CSQs: [{ CSQID: 3, Reserved_64: 0 }],
          },
        ],
      },
    },
  },
  CONFIG_DEVICE_V11,
  inferred(CONFIG_DEVICE_V11),
  {
    name: 'CONFIG_DEVICE_EVENT, one version-10 record (CTI port 6, no reserved[208])',
    source: 'Tables 48, 49, 50',
    hex: `
      00 00 00 34               -- MHDR BodyLength = 52 (2 fixed + 50 record)
      00 00 00 ee               -- MHDR MessageTypeID = 238 (CONFIG_DEVICE_EVENT)
      00 01                     -- NumRecords = 1
      b7 02 00 02               -- RecordType[183] = 2 (Delete)
      c3 02 00 06               -- DeviceType[195] = 6 (CTI port)
      81 04 00 00 00 00         -- MaxQueued[129] = 0 (not used)
      b8 04 00 00 00 01         -- DeviceField0[184] = 1 (CallControlGroupID)
      c1 04 00 00 00 00         -- DeviceField1[193] = 0 (not used)
      0b 05 37 30 30 31 00      -- DeviceField2[11] = "7001" (CTIPortID)
      0a 01 00                  -- reserved[10] = ""
      ad 01 00                  -- DeviceField4[173] = ""
      86 09 43 54 49 20 70 6f 72 74 00   -- Description[134] = "CTI port"
    `,
    expect: {
      type: 'CONFIG_DEVICE_EVENT',
      typeId: 238,
      bodyLength: 52,
      fields: {
        NumRecords: 1,
        Records: [
          {
            RecordType: 2,
            DeviceType: 6,
            MaxQueued: 0,
            DeviceField0: 1,
            DeviceField1: 0,
            DeviceField2: '7001',
            Reserved_10: '',
            DeviceField4: '',
            Description: 'CTI port',
          },
        ],
      },
    },
  },
  {
    name: 'TEAM_CONFIG_REQ, initial configuration requested',
    source: 'Table 53',
    hex: `
      00 00 00 0e               -- MHDR BodyLength = 14
      00 00 00 f2               -- MHDR MessageTypeID = 242 (TEAM_CONFIG_REQ)
      00 00 00 05               -- InvokeID = 5
      00 01                     -- ConfigParam = 0x1 (initial configuration)
      00 00 00 00 00 00 00 00   -- reserved UNSPEC(8) (Reserved1) = 0
    `,
    expect: {
      type: 'TEAM_CONFIG_REQ',
      typeId: 242,
      bodyLength: 14,
      fields: { InvokeID: 5, ConfigParam: 1, Reserved1: '0000000000000000' },
    },
  },
  {
    name: 'TEAM_CONFIG_EVENT, Add Team with four member records',
    source: 'Tables 51, 52',
    hex: `
      00 00 00 6c               -- MHDR BodyLength = 108 (16 fixed + 13 + 21 + 21 + 21 + 16)
      00 00 00 f3               -- MHDR MessageTypeID = 243 (TEAM_CONFIG_EVENT)
      00 00 00 02               -- TeamID = 2
      00 04                     -- NumRecords = 4
      00 01                     -- Operation = 1 (Add Team)
      00 00 00 00 00 00 00 00   -- reserved UNSPEC(8) (Reserved1) = 0
      cc 0b 53 61 6c 65 73 20 54 65 61 6d 00   -- TeamName[204] = "Sales Team"
      -- record 1: primary supervisor
      c2 07 73 75 70 65 72 31 00   -- AgentID[194] = "super1"
      57 02 00 05               -- AgentFlags[87] = 0x0005 (Primary Supervisor | Supervisor)
      b7 02 00 00               -- RecordType[183] = 0 (Add)
      cd 02 00 01               -- MemberType[205] = 1 (Agent or Supervisor)
      -- record 2: agent
      c2 07 61 67 65 6e 74 31 00   -- AgentID[194] = "agent1"
      57 02 00 00               -- AgentFlags[87] = 0 (regular agent)
      b7 02 00 00               -- RecordType[183] = 0 (Add)
      cd 02 00 01               -- MemberType[205] = 1
      -- record 3: agent
      c2 07 61 67 65 6e 74 32 00   -- AgentID[194] = "agent2"
      57 02 00 00               -- AgentFlags[87] = 0
      b7 02 00 00               -- RecordType[183] = 0 (Add)
      cd 02 00 01               -- MemberType[205] = 1
      -- record 4: CSQ member (AgentID holds the CSQID)
      c2 02 31 00               -- AgentID[194] = "1"
      57 02 00 00               -- AgentFlags[87] = 0
      b7 02 00 00               -- RecordType[183] = 0 (Add)
      cd 02 00 02               -- MemberType[205] = 2 (CSQ member)
    `,
    expect: {
      type: 'TEAM_CONFIG_EVENT',
      typeId: 243,
      bodyLength: 108,
      fields: {
        TeamID: 2,
        NumRecords: 4,
        Operation: 1,
        Reserved1: '0000000000000000',
        TeamName: 'Sales Team',
        Records: [
          { AgentID: 'super1', AgentFlags: 5, RecordType: 0, MemberType: 1 },
          { AgentID: 'agent1', AgentFlags: 0, RecordType: 0, MemberType: 1 },
          { AgentID: 'agent2', AgentFlags: 0, RecordType: 0, MemberType: 1 },
          { AgentID: '1', AgentFlags: 0, RecordType: 0, MemberType: 2 },
        ],
      },
    },
  },
  {
    name: 'TEAM_CONFIG_EVENT, Remove Team (TeamName only, no records)',
    source: 'Tables 51, 52',
    hex: `
      00 00 00 1d               -- MHDR BodyLength = 29 (16 fixed + 13 floating)
      00 00 00 f3               -- MHDR MessageTypeID = 243 (TEAM_CONFIG_EVENT)
      00 00 00 02               -- TeamID = 2
      00 00                     -- NumRecords = 0
      00 02                     -- Operation = 2 (Remove Team)
      00 00 00 00 00 00 00 00   -- reserved UNSPEC(8) (Reserved1) = 0
      cc 0b 53 61 6c 65 73 20 54 65 61 6d 00   -- TeamName[204] = "Sales Team"
    `,
    expect: {
      type: 'TEAM_CONFIG_EVENT',
      typeId: 243,
      bodyLength: 29,
      fields: {
        TeamID: 2,
        NumRecords: 0,
        Operation: 2,
        Reserved1: '0000000000000000',
        TeamName: 'Sales Team',
      },
    },
  },
  {
    name: 'TEAM_CONFIG_CONF, success with Text',
    source: 'Tables 54, 55',
    hex: `
      00 00 00 1a               -- MHDR BodyLength = 26 (8 fixed + 18 floating)
      00 00 00 f4               -- MHDR MessageTypeID = 244 (TEAM_CONFIG_CONF)
      00 00 00 05               -- InvokeID = 5
      00 00 00 00               -- Status = 0 (Success)
      07 10 75 70 6c 6f 61 64 20 63 6f 6d 70 6c 65 74 65 00
                                -- Text[7] = "upload complete" (15 + NUL)
    `,
    expect: {
      type: 'TEAM_CONFIG_CONF',
      typeId: 244,
      bodyLength: 26,
      fields: { InvokeID: 5, Status: 0, Text: 'upload complete' },
    },
  },
];

// ---------------------------------------------------------------------------------------
// Agent-state messages (Tables 56–64)
// ---------------------------------------------------------------------------------------

const SET_AGENT_STATE_V10: HandVector = {
  name: 'SET_AGENT_STATE_REQ, version 10 layout, NOT_READY with reason code',
  source: 'Tables 62, 63, 3',
  version: 10,
  hex: `
    00 00 00 21                 -- MHDR BodyLength = 33 (17 fixed + 16 floating)
    00 00 00 26                 -- MHDR MessageTypeID = 38 (SET_AGENT_STATE_REQ)
    00 00 00 08                 -- InvokeID = 8
    00 00 00 01                 -- reserved (Reserved1) = 1
    00 02                       -- AgentState = 2 (AGENT_STATE_NOT_READY)
    00 00                       -- reserved (Reserved2) = 0
    00 00                       -- reserved (Reserved3) = 0
    00 16                       -- EventReasonCode = 22
    00                          -- ForcedFlag (UCHAR) = 0
    06 05 32 30 30 36 00        -- AgentInstrument[6] = "2006"
    c2 07 61 67 65 6e 74 31 00  -- AgentID[194] = "agent1"
  `,
  expect: {
    type: 'SET_AGENT_STATE_REQ',
    typeId: 38,
    bodyLength: 33,
    fields: {
      InvokeID: 8,
      Reserved1: 1,
      AgentState: 2,
      Reserved2: 0,
      Reserved3: 0,
      EventReasonCode: 22,
      ForcedFlag: 0,
      AgentInstrument: '2006',
      AgentID: 'agent1',
    },
  },
};

const SET_AGENT_STATE_V12_LOGIN: HandVector = {
  name: 'SET_AGENT_STATE_REQ, version 12 layout, LOGIN with AgentPassword and AgentCapacity',
  source: 'Tables 62, 63, 3',
  version: 12,
  showSecrets: true,
  hex: `
    00 00 00 2f                 -- MHDR BodyLength = 47 (21 fixed + 26 floating)
    00 00 00 26                 -- MHDR MessageTypeID = 38 (SET_AGENT_STATE_REQ)
    00 00 00 09                 -- InvokeID = 9
    00 00 00 01                 -- reserved (Reserved1) = 1
    00 00                       -- AgentState = 0 (AGENT_STATE_LOGIN)
    00 00                       -- reserved (Reserved2) = 0
    00 00                       -- reserved (Reserved3) = 0
    00 00                       -- EventReasonCode = 0
    00                          -- ForcedFlag (UCHAR) = 0
    00 00 00 01                 -- AgentCapacity (Version 12) = 0x1 (outbound enabled)
    06 05 32 30 30 36 00        -- AgentInstrument[6] = "2006"
    31 08 73 33 63 72 33 74 21 00   -- AgentPassword[49] = "s3cr3t!"
    c2 07 61 67 65 6e 74 31 00  -- AgentID[194] = "agent1"
  `,
  expect: {
    type: 'SET_AGENT_STATE_REQ',
    typeId: 38,
    bodyLength: 47,
    fields: {
      InvokeID: 9,
      Reserved1: 1,
      AgentState: 0,
      Reserved2: 0,
      Reserved3: 0,
      EventReasonCode: 0,
      ForcedFlag: 0,
      AgentCapacity: 1,
      AgentInstrument: '2006',
      AgentPassword: 's3cr3t!',
      AgentID: 'agent1',
    },
  },
};

const SET_AGENT_STATE_V12_AUTH: HandVector = {
  name: 'SET_AGENT_STATE_REQ, version 12, authentication only (ForcedFlag 2, instrument "unknown")',
  source: 'Tables 5, 62, 63',
  version: 12,
  showSecrets: true,
  hex: `
    00 00 00 33                 -- MHDR BodyLength = 51 (21 fixed + 30 floating)
    00 00 00 26                 -- MHDR MessageTypeID = 38 (SET_AGENT_STATE_REQ)
    00 00 00 0a                 -- InvokeID = 10
    00 00 00 01                 -- reserved (Reserved1) = 1
    00 00                       -- AgentState = 0 (AGENT_STATE_LOGIN)
    00 00                       -- reserved (Reserved2) = 0
    00 00                       -- reserved (Reserved3) = 0
    00 00                       -- EventReasonCode = 0
    02                          -- ForcedFlag = 2 (authentication only)
    00 00 00 00                 -- AgentCapacity (Version 12) = 0
    06 08 75 6e 6b 6e 6f 77 6e 00      -- AgentInstrument[6] = "unknown"
    31 09 70 61 73 73 77 6f 72 64 00   -- AgentPassword[49] = "password"
    c2 07 61 67 65 6e 74 31 00         -- AgentID[194] = "agent1"
  `,
  expect: {
    type: 'SET_AGENT_STATE_REQ',
    typeId: 38,
    bodyLength: 51,
    fields: {
      InvokeID: 10,
      Reserved1: 1,
      AgentState: 0,
      Reserved2: 0,
      Reserved3: 0,
      EventReasonCode: 0,
      ForcedFlag: 2,
      AgentCapacity: 0,
      AgentInstrument: 'unknown',
      AgentPassword: 'password',
      AgentID: 'agent1',
    },
  },
};

const AGENT_STATE: HandVector[] = [
  {
    name: 'AGENT_STATE_EVENT, READY, numCSQs = 0 (CSQ in the fixed part)',
    source: 'Tables 56, 57, 3',
    hex: `
      00 00 00 63               -- MHDR BodyLength = 99 (58 fixed + 41 floating)
      00 00 00 1e               -- MHDR MessageTypeID = 30 (AGENT_STATE_EVENT)
      00 00 00 00               -- reserved UINT (Reserved1) = 0
      00 00 00 01               -- reserved UINT (Reserved2) = 1
      00 00 00 00               -- reserved UINT (Reserved3) = 0
      00 15                     -- reserved USHORT (Reserved4) = 21
      00 03                     -- CSQState = 3 (AGENT_STATE_READY)
      00 00 00 00               -- StateDuration = 0
      00 00 00 01               -- CSQID = 1
      ff ff ff ff               -- reserved UINT (Reserved5) = 0xFFFFFFFF
      00 00                     -- reserved USHORT (Reserved6) = 0
      00 03                     -- AgentState = 3 (AGENT_STATE_READY)
      00 00                     -- EventReasonCode = 0
      00 00 00 01               -- reserved INT (Reserved7) = 1
      00 00 00 00               -- reserved UINT (Reserved8) = 0
      00 00                     -- reserved USHORT (Reserved9) = 0
      00 00 00 00               -- reserved UINT (Reserved10) = 0
      00 00 00 00               -- reserved INT (Reserved11) = 0
      00 00 00 01               -- reserved INT (Reserved12) = 1
      00 00                     -- numCSQs = 0
      17 09 43 41 44 2d 31 32 2e 35 00   -- CTIClientSignature[23] = "CAD-12.5"
      05 01 00                  -- reserved[5] = ""
      04 05 32 30 30 36 00      -- AgentExtension[4] = "2006"
      06 05 32 30 30 36 00      -- AgentInstrument[6] = "2006"
      c2 07 61 67 65 6e 74 31 00   -- AgentID[194] = "agent1"
      7b 02 00 09               -- NextAgentState[123] = 9 (AGENT_STATE_UNKNOWN)
    `,
    expect: {
      type: 'AGENT_STATE_EVENT',
      typeId: 30,
      bodyLength: 99,
      fields: {
        Reserved1: 0,
        Reserved2: 1,
        Reserved3: 0,
        Reserved4: 21,
        CSQState: 3,
        StateDuration: 0,
        CSQID: 1,
        Reserved5: 0xffffffff,
        Reserved6: 0,
        AgentState: 3,
        EventReasonCode: 0,
        Reserved7: 1,
        Reserved8: 0,
        Reserved9: 0,
        Reserved10: 0,
        Reserved11: 0,
        Reserved12: 1,
        NumCSQs: 0,
        CTIClientSignature: 'CAD-12.5',
        Reserved_5: '',
        AgentExtension: '2006',
        AgentInstrument: '2006',
        AgentID: 'agent1',
        NextAgentState: 9,
      },
    },
  },
  {
    name: 'AGENT_STATE_EVENT, WORK with Duration, numCSQs = 2 (two CSQ records)',
    source: 'Tables 56, 57, 3, 198',
    hex: `
      00 00 00 7f               -- MHDR BodyLength = 127 (58 fixed + 69 floating)
      00 00 00 1e               -- MHDR MessageTypeID = 30 (AGENT_STATE_EVENT)
      00 00 00 00               -- reserved UINT (Reserved1) = 0
      00 00 00 01               -- reserved UINT (Reserved2) = 1
      00 00 00 00               -- reserved UINT (Reserved3) = 0
      00 15                     -- reserved USHORT (Reserved4) = 21
      00 00                     -- CSQState = 0 (per-CSQ states are in the floating part)
      00 00 00 00               -- StateDuration = 0
      ff ff ff ff               -- CSQID = 0xFFFFFFFF (NULL_CSQ)
      ff ff ff ff               -- reserved UINT (Reserved5) = 0xFFFFFFFF
      00 00                     -- reserved USHORT (Reserved6) = 0
      00 05                     -- AgentState = 5 (AGENT_STATE_WORK)
      00 00                     -- EventReasonCode = 0
      00 00 00 01               -- reserved INT (Reserved7) = 1
      00 00 00 00               -- reserved UINT (Reserved8) = 0
      00 00                     -- reserved USHORT (Reserved9) = 0
      00 00 00 00               -- reserved UINT (Reserved10) = 0
      00 00 00 00               -- reserved INT (Reserved11) = 0
      00 00 00 01               -- reserved INT (Reserved12) = 1
      00 02                     -- numCSQs = 2
      05 01 00                  -- reserved[5] = ""
      04 05 32 30 30 36 00      -- AgentExtension[4] = "2006"
      c2 07 61 67 65 6e 74 31 00   -- AgentID[194] = "agent1"
      96 04 00 00 00 1e         -- Duration[150] = 30 s
      7b 02 00 03               -- NextAgentState[123] = 3 (AGENT_STATE_READY)
      3e 04 00 00 00 01         -- CSQID[62] = 1              (CSQ record 1)
      3f 04 ff ff ff ff         -- reserved[63] = 0xFFFFFFFF  (CSQ record 1)
      40 02 00 00               -- reserved[64] = 0           (CSQ record 1)
      41 02 00 05               -- CSQState[65] = 5 (WORK)    (CSQ record 1)
      3e 04 00 00 00 02         -- CSQID[62] = 2              (CSQ record 2)
      3f 04 ff ff ff ff         -- reserved[63] = 0xFFFFFFFF  (CSQ record 2)
      40 02 00 00               -- reserved[64] = 0           (CSQ record 2)
      41 02 00 05               -- CSQState[65] = 5 (WORK)    (CSQ record 2)
    `,
    expect: {
      type: 'AGENT_STATE_EVENT',
      typeId: 30,
      bodyLength: 127,
      fields: {
        Reserved1: 0,
        Reserved2: 1,
        Reserved3: 0,
        Reserved4: 21,
        CSQState: 0,
        StateDuration: 0,
        CSQID: 0xffffffff,
        Reserved5: 0xffffffff,
        Reserved6: 0,
        AgentState: 5,
        EventReasonCode: 0,
        Reserved7: 1,
        Reserved8: 0,
        Reserved9: 0,
        Reserved10: 0,
        Reserved11: 0,
        Reserved12: 1,
        NumCSQs: 2,
        Reserved_5: '',
        AgentExtension: '2006',
        AgentID: 'agent1',
        Duration: 30,
        NextAgentState: 3,
        CSQs: [
          { CSQID: 1, Reserved_63: 0xffffffff, Reserved_64: 0, CSQState: 5 },
          { CSQID: 2, Reserved_63: 0xffffffff, Reserved_64: 0, CSQState: 5 },
        ],
      },
    },
  },
  {
    name: 'QUERY_AGENT_STATE_REQ, all three agent identifiers',
    source: 'Tables 58, 59',
    hex: `
      00 00 00 27               -- MHDR BodyLength = 39 (16 fixed + 23 floating)
      00 00 00 24               -- MHDR MessageTypeID = 36 (QUERY_AGENT_STATE_REQ)
      00 00 00 07               -- InvokeID = 7
      00 00 00 01               -- reserved UINT (Reserved1) = 1
      00 00 00 01               -- reserved INT (Reserved2) = 1
      00 00 00 00               -- reserved INT (Reserved3) = 0
      04 05 32 30 30 36 00      -- AgentExtension[4] = "2006"
      06 05 32 30 30 36 00      -- AgentInstrument[6] = "2006"
      c2 07 61 67 65 6e 74 31 00   -- AgentID[194] = "agent1"
    `,
    expect: {
      type: 'QUERY_AGENT_STATE_REQ',
      typeId: 36,
      bodyLength: 39,
      fields: {
        InvokeID: 7,
        Reserved1: 1,
        Reserved2: 1,
        Reserved3: 0,
        AgentExtension: '2006',
        AgentInstrument: '2006',
        AgentID: 'agent1',
      },
    },
  },
  {
    name: 'QUERY_AGENT_STATE_CONF, READY with two CSQ records (READY, BUSY_OTHER)',
    source: 'Tables 60, 61, 3',
    hex: `
      00 00 00 60               -- MHDR BodyLength = 96 (30 fixed + 66 floating)
      00 00 00 25               -- MHDR MessageTypeID = 37 (QUERY_AGENT_STATE_CONF)
      00 00 00 07               -- InvokeID = 7
      00 03                     -- AgentState = 3 (AGENT_STATE_READY)
      00 02                     -- numCSQs = 2
      00 00 00 01               -- reserved INT (Reserved1) = 1
      00 00 00 00               -- reserved UINT (Reserved2) = 0
      00 00                     -- reserved USHORT (Reserved3) = 0
      00 00 00 00               -- reserved UINT (Reserved4) = 0
      00 00 00 00               -- reserved UINT (Reserved5) = 0
      00 00 00 01               -- reserved UINT (Reserved6) = 1
      05 01 00                  -- reserved[5] = ""
      04 05 32 30 30 36 00      -- AgentExtension[4] = "2006"
      06 05 32 30 30 36 00      -- AgentInstrument[6] = "2006"
      c2 07 61 67 65 6e 74 31 00   -- AgentID[194] = "agent1"
      3e 04 00 00 00 01         -- CSQID[62] = 1              (CSQ record 1)
      3f 04 00 00 00 00         -- reserved[63] = 0           (CSQ record 1)
      40 02 00 00               -- reserved[64] = 0           (CSQ record 1)
      41 02 00 03               -- CSQState[65] = 3 (READY)   (CSQ record 1)
      3e 04 00 00 00 02         -- CSQID[62] = 2              (CSQ record 2)
      3f 04 00 00 00 00         -- reserved[63] = 0           (CSQ record 2)
      40 02 00 00               -- reserved[64] = 0           (CSQ record 2)
      41 02 00 07               -- CSQState[65] = 7 (BUSY_OTHER) (CSQ record 2)
    `,
    expect: {
      type: 'QUERY_AGENT_STATE_CONF',
      typeId: 37,
      bodyLength: 96,
      fields: {
        InvokeID: 7,
        AgentState: 3,
        NumCSQs: 2,
        Reserved1: 1,
        Reserved2: 0,
        Reserved3: 0,
        Reserved4: 0,
        Reserved5: 0,
        Reserved6: 1,
        Reserved_5: '',
        AgentExtension: '2006',
        AgentInstrument: '2006',
        AgentID: 'agent1',
        CSQs: [
          { CSQID: 1, Reserved_63: 0, Reserved_64: 0, CSQState: 3 },
          { CSQID: 2, Reserved_63: 0, Reserved_64: 0, CSQState: 7 },
        ],
      },
    },
  },
  SET_AGENT_STATE_V10,
  inferred(SET_AGENT_STATE_V10),
  SET_AGENT_STATE_V12_LOGIN,
  inferred(SET_AGENT_STATE_V12_LOGIN),
  redacted(SET_AGENT_STATE_V12_LOGIN, 'AgentPassword'),
  SET_AGENT_STATE_V12_AUTH,
  inferred(SET_AGENT_STATE_V12_AUTH),
  {
    name: 'SET_AGENT_STATE_CONF',
    source: 'Table 64',
    hex: `
      00 00 00 04               -- MHDR BodyLength = 4
      00 00 00 27               -- MHDR MessageTypeID = 39 (SET_AGENT_STATE_CONF)
      00 00 00 09               -- InvokeID = 9
    `,
    expect: { type: 'SET_AGENT_STATE_CONF', typeId: 39, bodyLength: 4, fields: { InvokeID: 9 } },
  },
];

// ---------------------------------------------------------------------------------------
// Message IDs without a body definition (Tables 10, 11)
// ---------------------------------------------------------------------------------------

/** A message whose body the guide never defines: `fields: {}` and the body as `bodyHex`. */
function opaque(
  type: string,
  typeId: number,
  bodyLength: number,
  comment: string,
  hex: string,
  bodyHex: string,
): HandVector {
  return {
    name: `${type} (${comment})`,
    source: 'Tables 10, 11',
    hex,
    expect: {
      type,
      typeId,
      bodyLength,
      fields: {},
      bodyHex,
      // The decoder says why the body is shown as hex (docs/decoded-message.md).
      diagnostics: [type.startsWith('RESERVED_') ? 'RESERVED_MESSAGE_TYPE' : type.startsWith('UNKNOWN_') ? 'UNKNOWN_MESSAGE_TYPE' : 'UNDEFINED_MESSAGE_BODY'],
    },
  };
}

const NO_BODY_DEFINITION: HandVector[] = [
  opaque('RESERVED_68', 68, 4, 'reserved ID, 4-byte body', `
    00 00 00 04   -- MHDR BodyLength = 4
    00 00 00 44   -- MHDR MessageTypeID = 68 (reserved)
    00 00 00 01   -- body (undefined)
  `, '00000001'),
  opaque('RESERVED_69', 69, 6, 'reserved ID, 6-byte body', `
    00 00 00 06   -- MHDR BodyLength = 6
    00 00 00 45   -- MHDR MessageTypeID = 69 (reserved)
    00 00 00 02 00 00   -- body (undefined)
  `, '000000020000'),
  opaque('RESERVED_112', 112, 4, 'reserved ID, 4-byte body', `
    00 00 00 04   -- MHDR BodyLength = 4
    00 00 00 70   -- MHDR MessageTypeID = 112 (reserved)
    de ad be ef   -- body (undefined)
  `, 'deadbeef'),
  opaque('RESERVED_113', 113, 8, 'reserved ID, 8-byte body', `
    00 00 00 08   -- MHDR BodyLength = 8
    00 00 00 71   -- MHDR MessageTypeID = 113 (reserved)
    00 00 00 03 ff ff ff ff   -- body (undefined)
  `, '00000003ffffffff'),
  opaque('RESERVED_114', 114, 5, 'reserved ID, body that looks like a Text TLV', `
    00 00 00 05   -- MHDR BodyLength = 5
    00 00 00 72   -- MHDR MessageTypeID = 114 (reserved)
    07 03 6f 6b 00   -- body (undefined; must not be read as Text[7] = "ok")
  `, '07036f6b00'),
  opaque('RESERVED_115', 115, 1, 'reserved ID, 1-byte body', `
    00 00 00 01   -- MHDR BodyLength = 1
    00 00 00 73   -- MHDR MessageTypeID = 115 (reserved)
    00            -- body (undefined)
  `, '00'),
  opaque('RESERVED_126', 126, 8, 'reserved ID, 8-byte body', `
    00 00 00 08   -- MHDR BodyLength = 8
    00 00 00 7e   -- MHDR MessageTypeID = 126 (reserved)
    00 00 00 0a 00 00 00 0b   -- body (undefined)
  `, '0000000a0000000b'),
  opaque('RESERVED_127', 127, 3, 'reserved ID, 3-byte body', `
    00 00 00 03   -- MHDR BodyLength = 3
    00 00 00 7f   -- MHDR MessageTypeID = 127 (reserved)
    01 02 03      -- body (undefined)
  `, '010203'),
  opaque('RESERVED_128', 128, 2, 'reserved ID, 2-byte body', `
    00 00 00 02   -- MHDR BodyLength = 2
    00 00 00 80   -- MHDR MessageTypeID = 128 (reserved)
    ca fe         -- body (undefined)
  `, 'cafe'),
  opaque('RESERVED_134', 134, 0, 'reserved ID, empty body', `
    00 00 00 00   -- MHDR BodyLength = 0
    00 00 00 86   -- MHDR MessageTypeID = 134 (reserved)
                  -- (no body)
  `, ''),
  opaque('RESERVED_211', 211, 8, 'reserved ID, 8-byte body', `
    00 00 00 08   -- MHDR BodyLength = 8
    00 00 00 d3   -- MHDR MessageTypeID = 211 (reserved)
    00 00 00 01 00 00 00 00   -- body (undefined)
  `, '0000000100000000'),
  opaque('RESERVED_212', 212, 4, 'reserved ID, 4-byte body', `
    00 00 00 04   -- MHDR BodyLength = 4
    00 00 00 d4   -- MHDR MessageTypeID = 212 (reserved)
    ff ff ff ff   -- body (undefined)
  `, 'ffffffff'),
  opaque('RESERVED_213', 213, 4, 'reserved ID, 4-byte body', `
    00 00 00 04   -- MHDR BodyLength = 4
    00 00 00 d5   -- MHDR MessageTypeID = 213 (reserved)
    00 00 00 05   -- body (undefined)
  `, '00000005'),
  opaque('RESERVED_214', 214, 6, 'reserved ID, 6-byte body', `
    00 00 00 06   -- MHDR BodyLength = 6
    00 00 00 d6   -- MHDR MessageTypeID = 214 (reserved)
    00 01 00 02 00 03   -- body (undefined)
  `, '000100020003'),
  opaque('RESERVED_215', 215, 6, 'reserved ID, 6-byte body', `
    00 00 00 06   -- MHDR BodyLength = 6
    00 00 00 d7   -- MHDR MessageTypeID = 215 (reserved)
    12 34 56 78 9a bc   -- body (undefined)
  `, '123456789abc'),
  opaque('EMERGENCY_CALL_REQ', 121, 8, 'listed in Tables 10/11, never defined', `
    00 00 00 08   -- MHDR BodyLength = 8
    00 00 00 79   -- MHDR MessageTypeID = 121 (EMERGENCY_CALL_REQ)
    00 00 00 0b 00 00 00 01   -- body (undefined)
  `, '0000000b00000001'),
  opaque('EMERGENCY_CALL_CONF', 122, 4, 'listed in Tables 10/11, never defined', `
    00 00 00 04   -- MHDR BodyLength = 4
    00 00 00 7a   -- MHDR MessageTypeID = 122 (EMERGENCY_CALL_CONF)
    00 00 00 0b   -- body (undefined)
  `, '0000000b'),
  opaque('EMERGENCY_CALL_EVENT', 123, 11, 'listed in Tables 10/11, never defined', `
    00 00 00 0b   -- MHDR BodyLength = 11
    00 00 00 7b   -- MHDR MessageTypeID = 123 (EMERGENCY_CALL_EVENT)
    00 00 00 01 04 05 32 30 30 36 00   -- body (undefined)
  `, '0000000104053230303600'),
  opaque('UNKNOWN_22', 22, 8, 'ID 22 is not listed in Table 11', `
    00 00 00 08   -- MHDR BodyLength = 8
    00 00 00 16   -- MHDR MessageTypeID = 22 (unlisted)
    00 00 00 01 00 00 00 02   -- body (undefined)
  `, '0000000100000002'),
];

export const vectors: HandVector[] = [
  ...SESSION,
  ...FAILURE,
  ...CONFIG,
  ...AGENT_STATE,
  ...NO_BODY_DEFINITION,
];
