/**
 * Hand-written vectors for the call-control messages of chapter 9 (Tables 103–161).
 *
 * Written byte by byte from the guide's tables (not from src/, not from any encoder).
 * Every vector: 8-byte MHDR (BodyLength UINT, MessageTypeID UINT, big-endian), then the
 * fixed part in table order, then floating fields (FieldDataID UCHAR, FieldDataLength UCHAR,
 * data). STRING data always includes its terminating NUL in FieldDataLength.
 *
 * Values used throughout:
 *   CallID 16777488 = 01 00 01 10, 16777489 = 01 00 01 11, 16777490 = 01 00 01 12,
 *   16777500 = 01 00 01 1c; agent extension "2006" = 32 30 30 36 00,
 *   "2007" = 32 30 30 37 00, supervisor "3001" = 33 30 30 31 00,
 *   customer "5551212" = 35 35 35 31 32 31 32 00.
 *   ConnectionDeviceType CONNECTION_ID_STATIC = 0, CONNECTION_ID_NONE = 0xffff (Table 193).
 *
 * Named variables used:
 *   NAMEDVAR  CustomerName=Smith: 43 75 73 74 6f 6d 65 72 4e 61 6d 65 00 (13) + 53 6d 69 74 68 00 (6) = 19 = 0x13
 *   NAMEDVAR  Priority=High:      50 72 69 6f 72 69 74 79 00 (9) + 48 69 67 68 00 (5)           = 14 = 0x0e
 *   NAMEDARRAY Orders[i]=A100:    i (1) + 4f 72 64 65 72 73 00 (7) + 41 31 30 30 00 (5)          = 13 = 0x0d
 */
import type { HandVector } from './types.js';

const CUSTOMER_NAME_SMITH = { VariableName: 'CustomerName', VariableValue: 'Smith' };
const PRIORITY_HIGH = { VariableName: 'Priority', VariableValue: 'High' };

export const vectors: HandVector[] = [
  // ───────────────────────────── CONTROL_FAILURE_CONF (35) ─────────────────────────────
  {
    name: 'CONTROL_FAILURE_CONF, CF_NO_HELD_CALL with CCX error code and Text',
    source: 'Tables 103, 104, 196, 197',
    // body = fixed 4+2+4 = 10, Text 2+13 = 15 → 25 = 0x19
    hex: `
      00 00 00 19   -- BodyLength = 25
      00 00 00 23   -- MessageTypeID = 35 (CONTROL_FAILURE_CONF)
      00 00 00 05   -- InvokeID = 5
      00 19         -- FailureCode = 25 (CF_NO_HELD_CALL)
      00 01 57 f6   -- UnifiedCCXErrorCode = 88054 (CCX_ILLEGAL_CALL_STATE)
      07 0d         -- Text[7], length 13
      4e 6f 20 68 65 6c 64 20 63 61 6c 6c 00   -- "No held call"
    `,
    expect: {
      type: 'CONTROL_FAILURE_CONF',
      typeId: 35,
      bodyLength: 25,
      fields: {
        InvokeID: 5,
        FailureCode: 25,
        UnifiedCCXErrorCode: 88054,
        Text: 'No held call',
      },
    },
  },
  {
    name: 'CONTROL_FAILURE_CONF, fixed part only (Text omitted)',
    source: 'Tables 103, 104, 196',
    // body = 4+2+4 = 10 = 0x0a
    hex: `
      00 00 00 0a   -- BodyLength = 10
      00 00 00 23   -- MessageTypeID = 35 (CONTROL_FAILURE_CONF)
      00 00 00 06   -- InvokeID = 6
      00 0d         -- FailureCode = 13 (CF_INVALID_CSTA_CONNECTION_ID)
      00 00 00 00   -- UnifiedCCXErrorCode = 0 (CCX_DEFAULT_ERROR_CODE)
    `,
    expect: {
      type: 'CONTROL_FAILURE_CONF',
      typeId: 35,
      bodyLength: 10,
      fields: { InvokeID: 6, FailureCode: 13, UnifiedCCXErrorCode: 0 },
    },
  },

  // ───────────────────────────── ALTERNATE_CALL_REQ (40) ─────────────────────────────
  {
    name: 'ALTERNATE_CALL_REQ, active and other connection with AgentInstrument',
    source: 'Tables 105, 106',
    // body = fixed 4+4+4+4+2+2 = 20, floating 3 × (2+5) = 21 → 41 = 0x29
    hex: `
      00 00 00 29   -- BodyLength = 41
      00 00 00 28   -- MessageTypeID = 40 (ALTERNATE_CALL_REQ)
      00 00 00 0b   -- InvokeID = 11
      00 00 00 01   -- Reserved1 = 1
      01 00 01 11   -- ActiveCallID = 16777489
      01 00 01 10   -- OtherCallID = 16777488
      00 00         -- ActiveConnectionDeviceType = 0 (CONNECTION_ID_STATIC)
      00 00         -- OtherConnectionDeviceType = 0 (CONNECTION_ID_STATIC)
      32 05 32 30 30 36 00   -- ActiveConnectionDeviceID[50] = "2006"
      34 05 32 30 30 36 00   -- OtherConnectionDeviceID[52] = "2006"
      06 05 32 30 30 36 00   -- AgentInstrument[6] = "2006"
    `,
    expect: {
      type: 'ALTERNATE_CALL_REQ',
      typeId: 40,
      bodyLength: 41,
      fields: {
        InvokeID: 11,
        Reserved1: 1,
        ActiveCallID: 16777489,
        OtherCallID: 16777488,
        ActiveConnectionDeviceType: 0,
        OtherConnectionDeviceType: 0,
        ActiveConnectionDeviceID: '2006',
        OtherConnectionDeviceID: '2006',
        AgentInstrument: '2006',
      },
    },
  },

  // ───────────────────────────── ALTERNATE_CALL_CONF (41) ─────────────────────────────
  {
    name: 'ALTERNATE_CALL_CONF',
    source: 'Table 107',
    hex: `
      00 00 00 04   -- BodyLength = 4
      00 00 00 29   -- MessageTypeID = 41 (ALTERNATE_CALL_CONF)
      00 00 00 0b   -- InvokeID = 11
    `,
    expect: { type: 'ALTERNATE_CALL_CONF', typeId: 41, bodyLength: 4, fields: { InvokeID: 11 } },
  },

  // ───────────────────────────── ANSWER_CALL_REQ (42) ─────────────────────────────
  {
    name: 'ANSWER_CALL_REQ, with ConnectionDeviceID and AgentInstrument',
    source: 'Tables 108, 109',
    // body = fixed 4+4+4+2 = 14, floating 2 × 7 = 14 → 28 = 0x1c
    hex: `
      00 00 00 1c   -- BodyLength = 28
      00 00 00 2a   -- MessageTypeID = 42 (ANSWER_CALL_REQ)
      00 00 00 0c   -- InvokeID = 12
      00 00 00 01   -- Reserved1 = 1
      01 00 01 10   -- CallID = 16777488
      00 00         -- ConnectionDeviceType = 0 (CONNECTION_ID_STATIC)
      19 05 32 30 30 36 00   -- ConnectionDeviceID[25] = "2006"
      06 05 32 30 30 36 00   -- AgentInstrument[6] = "2006"
    `,
    expect: {
      type: 'ANSWER_CALL_REQ',
      typeId: 42,
      bodyLength: 28,
      fields: {
        InvokeID: 12,
        Reserved1: 1,
        CallID: 16777488,
        ConnectionDeviceType: 0,
        ConnectionDeviceID: '2006',
        AgentInstrument: '2006',
      },
    },
  },
  {
    name: 'ANSWER_CALL_REQ, no alerting call ID (0xffffffff, CONNECTION_ID_NONE), AgentInstrument only',
    source: 'Tables 108, 109, 193',
    // body = 14 + 7 = 21 = 0x15
    hex: `
      00 00 00 15   -- BodyLength = 21
      00 00 00 2a   -- MessageTypeID = 42 (ANSWER_CALL_REQ)
      00 00 00 0d   -- InvokeID = 13
      00 00 00 01   -- Reserved1 = 1
      ff ff ff ff   -- CallID = 0xffffffff (not provided)
      ff ff         -- ConnectionDeviceType = 0xffff (CONNECTION_ID_NONE)
      06 05 32 30 30 36 00   -- AgentInstrument[6] = "2006"
    `,
    expect: {
      type: 'ANSWER_CALL_REQ',
      typeId: 42,
      bodyLength: 21,
      fields: {
        InvokeID: 13,
        Reserved1: 1,
        CallID: 4294967295,
        ConnectionDeviceType: 65535,
        AgentInstrument: '2006',
      },
    },
  },

  // ───────────────────────────── ANSWER_CALL_CONF (43) ─────────────────────────────
  {
    name: 'ANSWER_CALL_CONF',
    source: 'Table 110',
    hex: `
      00 00 00 04   -- BodyLength = 4
      00 00 00 2b   -- MessageTypeID = 43 (ANSWER_CALL_CONF)
      00 00 00 0c   -- InvokeID = 12
    `,
    expect: { type: 'ANSWER_CALL_CONF', typeId: 43, bodyLength: 4, fields: { InvokeID: 12 } },
  },

  // ───────────────────────────── CLEAR_CALL_REQ (44) ─────────────────────────────
  {
    name: 'CLEAR_CALL_REQ, with AgentInstrument',
    source: 'Tables 111, 112',
    // body = fixed 4+4+4+2 = 14, floating 2 × 7 = 14 → 28 = 0x1c
    hex: `
      00 00 00 1c   -- BodyLength = 28
      00 00 00 2c   -- MessageTypeID = 44 (CLEAR_CALL_REQ)
      00 00 00 0e   -- InvokeID = 14
      00 00 00 01   -- Reserved1 = 1
      01 00 01 10   -- CallID = 16777488
      00 00         -- ConnectionDeviceType = 0 (CONNECTION_ID_STATIC)
      19 05 32 30 30 36 00   -- ConnectionDeviceID[25] = "2006"
      06 05 32 30 30 36 00   -- AgentInstrument[6] = "2006"
    `,
    expect: {
      type: 'CLEAR_CALL_REQ',
      typeId: 44,
      bodyLength: 28,
      fields: {
        InvokeID: 14,
        Reserved1: 1,
        CallID: 16777488,
        ConnectionDeviceType: 0,
        ConnectionDeviceID: '2006',
        AgentInstrument: '2006',
      },
    },
  },

  // ───────────────────────────── CLEAR_CALL_CONF (45) ─────────────────────────────
  {
    name: 'CLEAR_CALL_CONF',
    source: 'Table 113',
    hex: `
      00 00 00 04   -- BodyLength = 4
      00 00 00 2d   -- MessageTypeID = 45 (CLEAR_CALL_CONF)
      00 00 00 0e   -- InvokeID = 14
    `,
    expect: { type: 'CLEAR_CALL_CONF', typeId: 45, bodyLength: 4, fields: { InvokeID: 14 } },
  },

  // ───────────────────────────── CLEAR_CONNECTION_REQ (46) ─────────────────────────────
  {
    name: 'CLEAR_CONNECTION_REQ, with AgentInstrument',
    source: 'Tables 114, 115',
    // body = 14 + 14 = 28 = 0x1c
    hex: `
      00 00 00 1c   -- BodyLength = 28
      00 00 00 2e   -- MessageTypeID = 46 (CLEAR_CONNECTION_REQ)
      00 00 00 0f   -- InvokeID = 15
      00 00 00 01   -- Reserved1 = 1
      01 00 01 10   -- CallID = 16777488
      00 00         -- ConnectionDeviceType = 0 (CONNECTION_ID_STATIC)
      19 05 32 30 30 36 00   -- ConnectionDeviceID[25] = "2006"
      06 05 32 30 30 36 00   -- AgentInstrument[6] = "2006"
    `,
    expect: {
      type: 'CLEAR_CONNECTION_REQ',
      typeId: 46,
      bodyLength: 28,
      fields: {
        InvokeID: 15,
        Reserved1: 1,
        CallID: 16777488,
        ConnectionDeviceType: 0,
        ConnectionDeviceID: '2006',
        AgentInstrument: '2006',
      },
    },
  },
  {
    name: 'CLEAR_CONNECTION_REQ, required ConnectionDeviceID only',
    source: 'Tables 114, 115',
    // body = 14 + 7 = 21 = 0x15
    hex: `
      00 00 00 15   -- BodyLength = 21
      00 00 00 2e   -- MessageTypeID = 46 (CLEAR_CONNECTION_REQ)
      00 00 00 10   -- InvokeID = 16
      00 00 00 01   -- Reserved1 = 1
      01 00 01 11   -- CallID = 16777489
      00 00         -- ConnectionDeviceType = 0 (CONNECTION_ID_STATIC)
      19 05 32 30 30 37 00   -- ConnectionDeviceID[25] = "2007"
    `,
    expect: {
      type: 'CLEAR_CONNECTION_REQ',
      typeId: 46,
      bodyLength: 21,
      fields: {
        InvokeID: 16,
        Reserved1: 1,
        CallID: 16777489,
        ConnectionDeviceType: 0,
        ConnectionDeviceID: '2007',
      },
    },
  },

  // ───────────────────────────── CLEAR_CONNECTION_CONF (47) ─────────────────────────────
  {
    name: 'CLEAR_CONNECTION_CONF',
    source: 'Table 116',
    hex: `
      00 00 00 04   -- BodyLength = 4
      00 00 00 2f   -- MessageTypeID = 47 (CLEAR_CONNECTION_CONF)
      00 00 00 0f   -- InvokeID = 15
    `,
    expect: { type: 'CLEAR_CONNECTION_CONF', typeId: 47, bodyLength: 4, fields: { InvokeID: 15 } },
  },

  // ───────────────────────────── CONFERENCE_CALL_REQ (48) ─────────────────────────────
  {
    name: 'CONFERENCE_CALL_REQ, held + active connection, no named variables',
    source: 'Tables 117, 118',
    // fixed = 4+4+4+4+2+2 + 8×2 (USHORT reserved) + 2×2 (BOOL reserved) + 2+2 = 44
    // floating = 3 × 7 = 21 → body 65 = 0x41
    hex: `
      00 00 00 41   -- BodyLength = 65
      00 00 00 30   -- MessageTypeID = 48 (CONFERENCE_CALL_REQ)
      00 00 00 14   -- InvokeID = 20
      00 00 00 01   -- Reserved1 = 1 (UINT)
      01 00 01 10   -- HeldCallID = 16777488
      01 00 01 11   -- ActiveCallID = 16777489
      00 00         -- HeldConnectionDeviceType = 0 (CONNECTION_ID_STATIC)
      00 00         -- ActiveConnectionDeviceType = 0 (CONNECTION_ID_STATIC)
      00 00         -- Reserved2 = 0 (USHORT)
      00 00         -- Reserved3 = 0 (USHORT)
      00 00         -- Reserved4 = 0 (USHORT)
      00 00         -- Reserved5 = 0 (USHORT)
      00 00         -- Reserved6 = 0 (USHORT)
      00 00         -- Reserved7 = 0 (USHORT)
      00 00         -- Reserved8 = 0 (USHORT)
      00 00         -- Reserved9 = 0 (USHORT)
      00 00         -- Reserved10 = false (BOOL)
      00 00         -- Reserved11 = false (BOOL)
      00 00         -- NumNamedVariables = 0
      00 00         -- NumNamedArrays = 0
      32 05 32 30 30 36 00   -- ActiveConnectionDeviceID[50] = "2006"
      35 05 32 30 30 36 00   -- HeldConnectionDeviceID[53] = "2006"
      06 05 32 30 30 36 00   -- AgentInstrument[6] = "2006"
    `,
    expect: {
      type: 'CONFERENCE_CALL_REQ',
      typeId: 48,
      bodyLength: 65,
      fields: {
        InvokeID: 20,
        Reserved1: 1,
        HeldCallID: 16777488,
        ActiveCallID: 16777489,
        HeldConnectionDeviceType: 0,
        ActiveConnectionDeviceType: 0,
        Reserved2: 0,
        Reserved3: 0,
        Reserved4: 0,
        Reserved5: 0,
        Reserved6: 0,
        Reserved7: 0,
        Reserved8: 0,
        Reserved9: 0,
        Reserved10: false,
        Reserved11: false,
        NumNamedVariables: 0,
        NumNamedArrays: 0,
        ActiveConnectionDeviceID: '2006',
        HeldConnectionDeviceID: '2006',
        AgentInstrument: '2006',
      },
    },
  },
  {
    name: 'CONFERENCE_CALL_REQ, DialedNumber instead of held connection, call data, named variable and array',
    source: 'Tables 117, 118, 186, 187',
    // fixed 44; floating: Active 7 + AgentInstrument 7 + DialedNumber 7 + CallVariable1 8
    //   + CallWrapupData 8 + NamedVariable 2+19 = 21 + NamedArray 2+13 = 15 + AccountCode 6 = 79
    // body = 44 + 79 = 123 = 0x7b
    hex: `
      00 00 00 7b   -- BodyLength = 123
      00 00 00 30   -- MessageTypeID = 48 (CONFERENCE_CALL_REQ)
      00 00 00 15   -- InvokeID = 21
      00 00 00 01   -- Reserved1 = 1 (UINT)
      01 00 01 10   -- HeldCallID = 16777488
      01 00 01 11   -- ActiveCallID = 16777489
      00 00         -- HeldConnectionDeviceType = 0
      00 00         -- ActiveConnectionDeviceType = 0
      00 00         -- Reserved2 = 0
      00 00         -- Reserved3 = 0
      00 00         -- Reserved4 = 0
      00 00         -- Reserved5 = 0
      00 00         -- Reserved6 = 0
      00 00         -- Reserved7 = 0
      00 00         -- Reserved8 = 0
      00 00         -- Reserved9 = 0
      00 00         -- Reserved10 = false (BOOL)
      00 00         -- Reserved11 = false (BOOL)
      00 01         -- NumNamedVariables = 1
      00 01         -- NumNamedArrays = 1
      32 05 32 30 30 36 00   -- ActiveConnectionDeviceID[50] = "2006"
      06 05 32 30 30 36 00   -- AgentInstrument[6] = "2006"
      0b 05 32 30 30 37 00   -- DialedNumber[11] = "2007"
      0d 06 31 32 33 34 35 00   -- CallVariable1[13] = "12345"
      2e 06 53 61 6c 65 73 00   -- CallWrapupData[46] = "Sales"
      52 13                  -- NamedVariable[82], length 19
      43 75 73 74 6f 6d 65 72 4e 61 6d 65 00   --   VariableName = "CustomerName"
      53 6d 69 74 68 00      --   VariableValue = "Smith"
      53 0d                  -- NamedArray[83], length 13
      00                     --   VariableIndex = 0
      4f 72 64 65 72 73 00   --   VariableName = "Orders"
      41 31 30 30 00         --   VariableValue = "A100"
      4e 04 37 37 37 00      -- AccountCode[78] = "777"
    `,
    expect: {
      type: 'CONFERENCE_CALL_REQ',
      typeId: 48,
      bodyLength: 123,
      fields: {
        InvokeID: 21,
        Reserved1: 1,
        HeldCallID: 16777488,
        ActiveCallID: 16777489,
        HeldConnectionDeviceType: 0,
        ActiveConnectionDeviceType: 0,
        Reserved2: 0,
        Reserved3: 0,
        Reserved4: 0,
        Reserved5: 0,
        Reserved6: 0,
        Reserved7: 0,
        Reserved8: 0,
        Reserved9: 0,
        Reserved10: false,
        Reserved11: false,
        NumNamedVariables: 1,
        NumNamedArrays: 1,
        ActiveConnectionDeviceID: '2006',
        AgentInstrument: '2006',
        DialedNumber: '2007',
        CallVariable1: '12345',
        CallWrapupData: 'Sales',
        NamedVariable: [CUSTOMER_NAME_SMITH],
        NamedArray: [{ VariableIndex: 0, VariableName: 'Orders', VariableValue: 'A100' }],
        AccountCode: '777',
      },
    },
  },

  // ───────────────────────────── CONFERENCE_CALL_CONF (49) ─────────────────────────────
  {
    name: 'CONFERENCE_CALL_CONF, 3 connected parties',
    source: 'Tables 119, 120, 189',
    // fixed = 4+4+2+2+2+2 = 16; NewConnectionDeviceID 7;
    // party 1: 39 (2+4) + 40 (2+2) + 41 "5551212" (2+8) = 20; parties 2, 3: 6+4+7 = 17 each
    // body = 16 + 7 + 20 + 17 + 17 = 77 = 0x4d
    hex: `
      00 00 00 4d   -- BodyLength = 77
      00 00 00 31   -- MessageTypeID = 49 (CONFERENCE_CALL_CONF)
      00 00 00 15   -- InvokeID = 21
      01 00 01 10   -- NewCallID = 16777488
      00 00         -- NewConnectionDeviceType = 0 (CONNECTION_ID_STATIC)
      00 03         -- NumParties = 3
      ff ff         -- Reserved1 = 0xffff
      00 03         -- Reserved2 = 3
      2f 05 32 30 30 36 00   -- NewConnectionDeviceID[47] = "2006"
      27 04 01 00 01 10      -- ConnectedPartyCallID[39] = 16777488        (party 1)
      28 02 00 00            -- ConnectedPartyDeviceType[40] = 0 (DEVID_DEVICE_IDENTIFIER)
      29 08 35 35 35 31 32 31 32 00   -- ConnectedPartyDeviceID[41] = "5551212"
      27 04 01 00 01 10      -- ConnectedPartyCallID[39] = 16777488        (party 2)
      28 02 00 4c            -- ConnectedPartyDeviceType[40] = 76 (DEVID_AGENT_DEVICE)
      29 05 32 30 30 36 00   -- ConnectedPartyDeviceID[41] = "2006"
      27 04 01 00 01 10      -- ConnectedPartyCallID[39] = 16777488        (party 3)
      28 02 00 00            -- ConnectedPartyDeviceType[40] = 0 (DEVID_DEVICE_IDENTIFIER)
      29 05 32 30 30 37 00   -- ConnectedPartyDeviceID[41] = "2007"
    `,
    expect: {
      // ConnectedPartyDeviceType takes Table 193 values (Table 88); 76 is a Table 189 DeviceType (info only).
      diagnostics: ['VALUE_NOT_IN_TABLE'],
      type: 'CONFERENCE_CALL_CONF',
      typeId: 49,
      bodyLength: 77,
      fields: {
        InvokeID: 21,
        NewCallID: 16777488,
        NewConnectionDeviceType: 0,
        NumParties: 3,
        Reserved1: 65535,
        Reserved2: 3,
        NewConnectionDeviceID: '2006',
        ConnectedParties: [
          { ConnectedPartyCallID: 16777488, ConnectedPartyDeviceType: 0, ConnectedPartyDeviceID: '5551212' },
          { ConnectedPartyCallID: 16777488, ConnectedPartyDeviceType: 76, ConnectedPartyDeviceID: '2006' },
          { ConnectedPartyCallID: 16777488, ConnectedPartyDeviceType: 0, ConnectedPartyDeviceID: '2007' },
        ],
      },
    },
  },

  // ───────────────────────────── CONSULT_CALL_REQ (50) ─────────────────────────────
  {
    name: 'CONSULT_CALL_REQ, transfer consult with call variables, named variable and named array',
    source: 'Tables 121, 122, 186, 187',
    // fixed = 4+4+4+2 + 2+2 (reserved) + 2 (ConsultType) + 4×2 (reserved) + 2×2 (BOOL) + 2+2 = 36
    // floating = Active 7 + DialedNumber 7 + AgentInstrument 7 + CallVariable1 8 + CallVariable2 7
    //   + CallVariable10 6 + CallWrapupData 10 + NamedVariable 21 + NamedArray 15 + AccountCode 6 = 94
    // body = 36 + 94 = 130 = 0x82
    hex: `
      00 00 00 82   -- BodyLength = 130
      00 00 00 32   -- MessageTypeID = 50 (CONSULT_CALL_REQ)
      00 00 00 1e   -- InvokeID = 30
      00 00 00 01   -- Reserved1 = 1 (UINT)
      01 00 01 10   -- ActiveCallID = 16777488
      00 00         -- ActiveConnectionDeviceType = 0 (CONNECTION_ID_STATIC)
      00 00         -- Reserved2 = 0 (USHORT)
      00 00         -- Reserved3 = 0 (USHORT)
      00 01         -- ConsultType = 1 (Transfer)
      00 00         -- Reserved4 = 0 (USHORT)
      00 00         -- Reserved5 = 0 (USHORT)
      00 00         -- Reserved6 = 0 (USHORT)
      00 00         -- Reserved7 = 0 (USHORT)
      00 00         -- Reserved8 = false (BOOL)
      00 00         -- Reserved9 = false (BOOL)
      00 01         -- NumNamedVariables = 1
      00 01         -- NumNamedArrays = 1
      32 05 32 30 30 36 00   -- ActiveConnectionDeviceID[50] = "2006"
      0b 05 32 30 30 37 00   -- DialedNumber[11] = "2007"
      06 05 32 30 30 36 00   -- AgentInstrument[6] = "2006"
      0d 06 31 32 33 34 35 00   -- CallVariable1[13] = "12345"
      0e 05 47 6f 6c 64 00      -- CallVariable2[14] = "Gold"
      16 04 56 49 50 00         -- CallVariable10[22] = "VIP"
      2e 08 42 69 6c 6c 69 6e 67 00   -- CallWrapupData[46] = "Billing"
      52 13                  -- NamedVariable[82], length 19
      43 75 73 74 6f 6d 65 72 4e 61 6d 65 00   --   VariableName = "CustomerName"
      53 6d 69 74 68 00      --   VariableValue = "Smith"
      53 0d                  -- NamedArray[83], length 13
      01                     --   VariableIndex = 1
      4f 72 64 65 72 73 00   --   VariableName = "Orders"
      41 32 30 30 00         --   VariableValue = "A200"
      4e 04 37 37 37 00      -- AccountCode[78] = "777"
    `,
    expect: {
      type: 'CONSULT_CALL_REQ',
      typeId: 50,
      bodyLength: 130,
      fields: {
        InvokeID: 30,
        Reserved1: 1,
        ActiveCallID: 16777488,
        ActiveConnectionDeviceType: 0,
        Reserved2: 0,
        Reserved3: 0,
        ConsultType: 1,
        Reserved4: 0,
        Reserved5: 0,
        Reserved6: 0,
        Reserved7: 0,
        Reserved8: false,
        Reserved9: false,
        NumNamedVariables: 1,
        NumNamedArrays: 1,
        ActiveConnectionDeviceID: '2006',
        DialedNumber: '2007',
        AgentInstrument: '2006',
        CallVariable1: '12345',
        CallVariable2: 'Gold',
        CallVariable10: 'VIP',
        CallWrapupData: 'Billing',
        NamedVariable: [CUSTOMER_NAME_SMITH],
        NamedArray: [{ VariableIndex: 1, VariableName: 'Orders', VariableValue: 'A200' }],
        AccountCode: '777',
      },
    },
  },
  {
    name: 'CONSULT_CALL_REQ, conference consult, required floating fields only',
    source: 'Tables 121, 122',
    // body = 36 + Active 7 + DialedNumber 10 = 53 = 0x35
    hex: `
      00 00 00 35   -- BodyLength = 53
      00 00 00 32   -- MessageTypeID = 50 (CONSULT_CALL_REQ)
      00 00 00 1f   -- InvokeID = 31
      00 00 00 01   -- Reserved1 = 1
      01 00 01 10   -- ActiveCallID = 16777488
      00 00         -- ActiveConnectionDeviceType = 0
      00 00         -- Reserved2 = 0
      00 00         -- Reserved3 = 0
      00 02         -- ConsultType = 2 (Conference)
      00 00         -- Reserved4 = 0
      00 00         -- Reserved5 = 0
      00 00         -- Reserved6 = 0
      00 00         -- Reserved7 = 0
      00 00         -- Reserved8 = false (BOOL)
      00 00         -- Reserved9 = false (BOOL)
      00 00         -- NumNamedVariables = 0
      00 00         -- NumNamedArrays = 0
      32 05 32 30 30 36 00   -- ActiveConnectionDeviceID[50] = "2006"
      0b 08 35 35 35 31 32 31 32 00   -- DialedNumber[11] = "5551212"
    `,
    expect: {
      type: 'CONSULT_CALL_REQ',
      typeId: 50,
      bodyLength: 53,
      fields: {
        InvokeID: 31,
        Reserved1: 1,
        ActiveCallID: 16777488,
        ActiveConnectionDeviceType: 0,
        Reserved2: 0,
        Reserved3: 0,
        ConsultType: 2,
        Reserved4: 0,
        Reserved5: 0,
        Reserved6: 0,
        Reserved7: 0,
        Reserved8: false,
        Reserved9: false,
        NumNamedVariables: 0,
        NumNamedArrays: 0,
        ActiveConnectionDeviceID: '2006',
        DialedNumber: '5551212',
      },
    },
  },

  // ───────────────────────────── CONSULT_CALL_CONF (51) ─────────────────────────────
  {
    name: 'CONSULT_CALL_CONF',
    source: 'Tables 123, 124',
    // body = 4+4+2+2+2 = 14 + 7 = 21 = 0x15
    hex: `
      00 00 00 15   -- BodyLength = 21
      00 00 00 33   -- MessageTypeID = 51 (CONSULT_CALL_CONF)
      00 00 00 1e   -- InvokeID = 30
      01 00 01 11   -- NewCallID = 16777489
      00 00         -- NewConnectionDeviceType = 0 (CONNECTION_ID_STATIC)
      ff ff         -- Reserved1 = 0xffff
      00 03         -- Reserved2 = 3
      2f 05 32 30 30 36 00   -- NewConnectionDeviceID[47] = "2006"
    `,
    expect: {
      type: 'CONSULT_CALL_CONF',
      typeId: 51,
      bodyLength: 21,
      fields: {
        InvokeID: 30,
        NewCallID: 16777489,
        NewConnectionDeviceType: 0,
        Reserved1: 65535,
        Reserved2: 3,
        NewConnectionDeviceID: '2006',
      },
    },
  },

  // ───────────────────────────── HOLD_CALL_REQ (54) ─────────────────────────────
  {
    name: 'HOLD_CALL_REQ, with AgentInstrument',
    source: 'Tables 125, 126',
    // body = 4+4+4+2+2 = 16 + 2 × 7 = 30 = 0x1e
    hex: `
      00 00 00 1e   -- BodyLength = 30
      00 00 00 36   -- MessageTypeID = 54 (HOLD_CALL_REQ)
      00 00 00 28   -- InvokeID = 40
      00 00 00 01   -- Reserved1 = 1 (UINT)
      01 00 01 10   -- CallID = 16777488
      00 00         -- ConnectionDeviceType = 0 (CONNECTION_ID_STATIC)
      00 00         -- Reserved2 = false (BOOL)
      19 05 32 30 30 36 00   -- ConnectionDeviceID[25] = "2006"
      06 05 32 30 30 36 00   -- AgentInstrument[6] = "2006"
    `,
    expect: {
      type: 'HOLD_CALL_REQ',
      typeId: 54,
      bodyLength: 30,
      fields: {
        InvokeID: 40,
        Reserved1: 1,
        CallID: 16777488,
        ConnectionDeviceType: 0,
        Reserved2: false,
        ConnectionDeviceID: '2006',
        AgentInstrument: '2006',
      },
    },
  },

  // ───────────────────────────── HOLD_CALL_CONF (55) ─────────────────────────────
  {
    name: 'HOLD_CALL_CONF',
    source: 'Table 127',
    hex: `
      00 00 00 04   -- BodyLength = 4
      00 00 00 37   -- MessageTypeID = 55 (HOLD_CALL_CONF)
      00 00 00 28   -- InvokeID = 40
    `,
    expect: { type: 'HOLD_CALL_CONF', typeId: 55, bodyLength: 4, fields: { InvokeID: 40 } },
  },

  // ───────────────────────────── MAKE_CALL_REQ (56) ─────────────────────────────
  ...makeCallReqV10(),
  ...makeCallReqV14(),

  // ───────────────────────────── MAKE_CALL_CONF (57) ─────────────────────────────
  {
    name: 'MAKE_CALL_CONF',
    source: 'Tables 130, 131',
    // body = 4+4+2+2+2 = 14 + 7 = 21 = 0x15
    hex: `
      00 00 00 15   -- BodyLength = 21
      00 00 00 39   -- MessageTypeID = 57 (MAKE_CALL_CONF)
      00 00 00 32   -- InvokeID = 50
      01 00 01 12   -- NewCallID = 16777490
      00 00         -- NewConnectionDeviceType = 0 (CONNECTION_ID_STATIC)
      ff ff         -- Reserved1 = 0xffff
      00 03         -- Reserved2 = 3
      2f 05 32 30 30 36 00   -- NewConnectionDeviceID[47] = "2006"
    `,
    expect: {
      type: 'MAKE_CALL_CONF',
      typeId: 57,
      bodyLength: 21,
      fields: {
        InvokeID: 50,
        NewCallID: 16777490,
        NewConnectionDeviceType: 0,
        Reserved1: 65535,
        Reserved2: 3,
        NewConnectionDeviceID: '2006',
      },
    },
  },

  // ───────────────────────────── RECONNECT_CALL_REQ (60) ─────────────────────────────
  {
    name: 'RECONNECT_CALL_REQ, with AgentInstrument',
    source: 'Tables 132, 133',
    // body = 4+4+4+4+2+2 = 20 + 3 × 7 = 41 = 0x29
    hex: `
      00 00 00 29   -- BodyLength = 41
      00 00 00 3c   -- MessageTypeID = 60 (RECONNECT_CALL_REQ)
      00 00 00 3c   -- InvokeID = 60
      00 00 00 01   -- Reserved1 = 1
      01 00 01 11   -- ActiveCallID = 16777489
      01 00 01 10   -- HeldCallID = 16777488
      00 00         -- ActiveConnectionDeviceType = 0
      00 00         -- HeldConnectionDeviceType = 0
      32 05 32 30 30 36 00   -- ActiveConnectionDeviceID[50] = "2006"
      35 05 32 30 30 36 00   -- HeldConnectionDeviceID[53] = "2006"
      06 05 32 30 30 36 00   -- AgentInstrument[6] = "2006"
    `,
    expect: {
      type: 'RECONNECT_CALL_REQ',
      typeId: 60,
      bodyLength: 41,
      fields: {
        InvokeID: 60,
        Reserved1: 1,
        ActiveCallID: 16777489,
        HeldCallID: 16777488,
        ActiveConnectionDeviceType: 0,
        HeldConnectionDeviceType: 0,
        ActiveConnectionDeviceID: '2006',
        HeldConnectionDeviceID: '2006',
        AgentInstrument: '2006',
      },
    },
  },

  // ───────────────────────────── RECONNECT_CALL_CONF (61) ─────────────────────────────
  {
    name: 'RECONNECT_CALL_CONF',
    source: 'Table 134',
    hex: `
      00 00 00 04   -- BodyLength = 4
      00 00 00 3d   -- MessageTypeID = 61 (RECONNECT_CALL_CONF)
      00 00 00 3c   -- InvokeID = 60
    `,
    expect: { type: 'RECONNECT_CALL_CONF', typeId: 61, bodyLength: 4, fields: { InvokeID: 60 } },
  },

  // ───────────────────────────── RETRIEVE_CALL_REQ (62) ─────────────────────────────
  {
    name: 'RETRIEVE_CALL_REQ, with AgentInstrument',
    source: 'Tables 135, 136',
    // body = 4+4+4+2 = 14 + 2 × 7 = 28 = 0x1c
    hex: `
      00 00 00 1c   -- BodyLength = 28
      00 00 00 3e   -- MessageTypeID = 62 (RETRIEVE_CALL_REQ)
      00 00 00 3e   -- InvokeID = 62
      00 00 00 01   -- Reserved1 = 1
      01 00 01 10   -- HeldCallID = 16777488
      00 00         -- HeldConnectionDeviceType = 0
      35 05 32 30 30 36 00   -- HeldConnectionDeviceID[53] = "2006"
      06 05 32 30 30 36 00   -- AgentInstrument[6] = "2006"
    `,
    expect: {
      type: 'RETRIEVE_CALL_REQ',
      typeId: 62,
      bodyLength: 28,
      fields: {
        InvokeID: 62,
        Reserved1: 1,
        HeldCallID: 16777488,
        HeldConnectionDeviceType: 0,
        HeldConnectionDeviceID: '2006',
        AgentInstrument: '2006',
      },
    },
  },

  // ───────────────────────────── RETRIEVE_CALL_CONF (63) ─────────────────────────────
  {
    name: 'RETRIEVE_CALL_CONF',
    source: 'Table 137',
    hex: `
      00 00 00 04   -- BodyLength = 4
      00 00 00 3f   -- MessageTypeID = 63 (RETRIEVE_CALL_CONF)
      00 00 00 3e   -- InvokeID = 62
    `,
    expect: { type: 'RETRIEVE_CALL_CONF', typeId: 63, bodyLength: 4, fields: { InvokeID: 62 } },
  },

  // ───────────────────────────── TRANSFER_CALL_REQ (64) ─────────────────────────────
  {
    name: 'TRANSFER_CALL_REQ, consult transfer with call data, 1 named variable, 2 named array elements',
    source: 'Tables 138, 139, 186, 187',
    // fixed = 4+4+4+4+2+2 + 6×2 (reserved USHORT) + 2×2 (reserved BOOL) + 2+2 = 40
    // floating = Active 7 + Held 7 + AgentInstrument 7 + CallVariable1 8 + CallWrapupData 8
    //   + NamedVariable 21 + NamedArray 15 + NamedArray 15 + AccountCode 6 = 94
    // body = 40 + 94 = 134 = 0x86
    hex: `
      00 00 00 86   -- BodyLength = 134
      00 00 00 40   -- MessageTypeID = 64 (TRANSFER_CALL_REQ)
      00 00 00 46   -- InvokeID = 70
      00 00 00 01   -- Reserved1 = 1 (UINT)
      01 00 01 11   -- ActiveCallID = 16777489
      01 00 01 10   -- HeldCallID = 16777488
      00 00         -- ActiveConnectionDeviceType = 0
      00 00         -- HeldConnectionDeviceType = 0
      00 00         -- Reserved2 = 0 (USHORT)
      00 00         -- Reserved3 = 0 (USHORT)
      00 00         -- Reserved4 = 0 (USHORT)
      00 00         -- Reserved5 = 0 (USHORT)
      00 00         -- Reserved6 = 0 (USHORT)
      00 00         -- Reserved7 = 0 (USHORT)
      00 00         -- Reserved8 = false (BOOL)
      00 00         -- Reserved9 = false (BOOL)
      00 01         -- NumNamedVariables = 1
      00 02         -- NumNamedArrays = 2
      32 05 32 30 30 36 00   -- ActiveConnectionDeviceID[50] = "2006"
      35 05 32 30 30 36 00   -- HeldConnectionDeviceID[53] = "2006"
      06 05 32 30 30 36 00   -- AgentInstrument[6] = "2006"
      0d 06 31 32 33 34 35 00   -- CallVariable1[13] = "12345"
      2e 06 53 61 6c 65 73 00   -- CallWrapupData[46] = "Sales"
      52 13                  -- NamedVariable[82], length 19
      43 75 73 74 6f 6d 65 72 4e 61 6d 65 00   --   VariableName = "CustomerName"
      53 6d 69 74 68 00      --   VariableValue = "Smith"
      53 0d                  -- NamedArray[83], length 13
      00                     --   VariableIndex = 0
      4f 72 64 65 72 73 00   --   VariableName = "Orders"
      41 31 30 30 00         --   VariableValue = "A100"
      53 0d                  -- NamedArray[83], length 13
      01                     --   VariableIndex = 1
      4f 72 64 65 72 73 00   --   VariableName = "Orders"
      41 32 30 30 00         --   VariableValue = "A200"
      4e 04 37 37 37 00      -- AccountCode[78] = "777"
    `,
    expect: {
      type: 'TRANSFER_CALL_REQ',
      typeId: 64,
      bodyLength: 134,
      fields: {
        InvokeID: 70,
        Reserved1: 1,
        ActiveCallID: 16777489,
        HeldCallID: 16777488,
        ActiveConnectionDeviceType: 0,
        HeldConnectionDeviceType: 0,
        Reserved2: 0,
        Reserved3: 0,
        Reserved4: 0,
        Reserved5: 0,
        Reserved6: 0,
        Reserved7: 0,
        Reserved8: false,
        Reserved9: false,
        NumNamedVariables: 1,
        NumNamedArrays: 2,
        ActiveConnectionDeviceID: '2006',
        HeldConnectionDeviceID: '2006',
        AgentInstrument: '2006',
        CallVariable1: '12345',
        CallWrapupData: 'Sales',
        NamedVariable: [CUSTOMER_NAME_SMITH],
        NamedArray: [
          { VariableIndex: 0, VariableName: 'Orders', VariableValue: 'A100' },
          { VariableIndex: 1, VariableName: 'Orders', VariableValue: 'A200' },
        ],
        AccountCode: '777',
      },
    },
  },
  {
    name: 'TRANSFER_CALL_REQ, DialedNumber instead of HeldConnectionDeviceID',
    source: 'Tables 138, 139',
    // body = 40 + Active 7 + AgentInstrument 7 + DialedNumber 7 = 61 = 0x3d
    hex: `
      00 00 00 3d   -- BodyLength = 61
      00 00 00 40   -- MessageTypeID = 64 (TRANSFER_CALL_REQ)
      00 00 00 47   -- InvokeID = 71
      00 00 00 01   -- Reserved1 = 1
      01 00 01 11   -- ActiveCallID = 16777489
      01 00 01 10   -- HeldCallID = 16777488
      00 00         -- ActiveConnectionDeviceType = 0
      00 00         -- HeldConnectionDeviceType = 0
      00 00         -- Reserved2 = 0
      00 00         -- Reserved3 = 0
      00 00         -- Reserved4 = 0
      00 00         -- Reserved5 = 0
      00 00         -- Reserved6 = 0
      00 00         -- Reserved7 = 0
      00 00         -- Reserved8 = false (BOOL)
      00 00         -- Reserved9 = false (BOOL)
      00 00         -- NumNamedVariables = 0
      00 00         -- NumNamedArrays = 0
      32 05 32 30 30 36 00   -- ActiveConnectionDeviceID[50] = "2006"
      06 05 32 30 30 36 00   -- AgentInstrument[6] = "2006"
      0b 05 32 30 30 37 00   -- DialedNumber[11] = "2007"
    `,
    expect: {
      type: 'TRANSFER_CALL_REQ',
      typeId: 64,
      bodyLength: 61,
      fields: {
        InvokeID: 71,
        Reserved1: 1,
        ActiveCallID: 16777489,
        HeldCallID: 16777488,
        ActiveConnectionDeviceType: 0,
        HeldConnectionDeviceType: 0,
        Reserved2: 0,
        Reserved3: 0,
        Reserved4: 0,
        Reserved5: 0,
        Reserved6: 0,
        Reserved7: 0,
        Reserved8: false,
        Reserved9: false,
        NumNamedVariables: 0,
        NumNamedArrays: 0,
        ActiveConnectionDeviceID: '2006',
        AgentInstrument: '2006',
        DialedNumber: '2007',
      },
    },
  },

  // ───────────────────────────── TRANSFER_CALL_CONF (65) ─────────────────────────────
  {
    name: 'TRANSFER_CALL_CONF, 2 connected parties',
    source: 'Tables 140, 141 (ConnectedParties 39/40/41 as in Table 120)',
    // fixed = 4+4+2+2+2+2 = 16; NewConnectionDeviceID 7;
    // party 1: 6 + 4 + (2+8) = 20; party 2: 6 + 4 + 7 = 17
    // body = 16 + 7 + 20 + 17 = 60 = 0x3c
    hex: `
      00 00 00 3c   -- BodyLength = 60
      00 00 00 41   -- MessageTypeID = 65 (TRANSFER_CALL_CONF)
      00 00 00 46   -- InvokeID = 70
      01 00 01 10   -- NewCallID = 16777488
      00 00         -- NewConnectionDeviceType = 0 (CONNECTION_ID_STATIC)
      00 02         -- NumParties = 2
      ff ff         -- Reserved1 = 0xffff
      00 03         -- Reserved2 = 3
      2f 05 32 30 30 37 00   -- NewConnectionDeviceID[47] = "2007"
      27 04 01 00 01 10      -- ConnectedPartyCallID[39] = 16777488        (party 1)
      28 02 00 00            -- ConnectedPartyDeviceType[40] = 0 (DEVID_DEVICE_IDENTIFIER)
      29 08 35 35 35 31 32 31 32 00   -- ConnectedPartyDeviceID[41] = "5551212"
      27 04 01 00 01 10      -- ConnectedPartyCallID[39] = 16777488        (party 2)
      28 02 00 00            -- ConnectedPartyDeviceType[40] = 0 (DEVID_DEVICE_IDENTIFIER)
      29 05 32 30 30 37 00   -- ConnectedPartyDeviceID[41] = "2007"
    `,
    expect: {
      type: 'TRANSFER_CALL_CONF',
      typeId: 65,
      bodyLength: 60,
      fields: {
        InvokeID: 70,
        NewCallID: 16777488,
        NewConnectionDeviceType: 0,
        NumParties: 2,
        Reserved1: 65535,
        Reserved2: 3,
        NewConnectionDeviceID: '2007',
        ConnectedParties: [
          { ConnectedPartyCallID: 16777488, ConnectedPartyDeviceType: 0, ConnectedPartyDeviceID: '5551212' },
          { ConnectedPartyCallID: 16777488, ConnectedPartyDeviceType: 0, ConnectedPartyDeviceID: '2007' },
        ],
      },
    },
  },

  // ───────────────────────────── SEND_DTMF_SIGNAL_REQ (91) ─────────────────────────────
  {
    name: 'SEND_DTMF_SIGNAL_REQ, explicit tone timing, with AgentInstrument',
    source: 'Tables 142, 143',
    // fixed = 4+4+4+2+2+4 = 20; floating = 7 + DTMFString (2+6) 8 + 7 = 22 → 42 = 0x2a
    hex: `
      00 00 00 2a   -- BodyLength = 42
      00 00 00 5b   -- MessageTypeID = 91 (SEND_DTMF_SIGNAL_REQ)
      00 00 00 5b   -- InvokeID = 91
      00 00 00 01   -- Reserved1 = 1
      01 00 01 10   -- CallID = 16777488
      00 00         -- ConnectionDeviceType = 0
      00 64         -- ToneDuration = 100 ms
      00 00 00 32   -- PauseDuration = 50 ms
      19 05 32 30 30 36 00   -- ConnectionDeviceID[25] = "2006"
      43 06 31 32 33 34 23 00   -- DTMFString[67] = "1234#"
      06 05 32 30 30 36 00   -- AgentInstrument[6] = "2006"
    `,
    expect: {
      type: 'SEND_DTMF_SIGNAL_REQ',
      typeId: 91,
      bodyLength: 42,
      fields: {
        InvokeID: 91,
        Reserved1: 1,
        CallID: 16777488,
        ConnectionDeviceType: 0,
        ToneDuration: 100,
        PauseDuration: 50,
        ConnectionDeviceID: '2006',
        DTMFString: '1234#',
        AgentInstrument: '2006',
      },
    },
  },
  {
    name: 'SEND_DTMF_SIGNAL_REQ, default timing (0), required fields only',
    source: 'Tables 142, 143',
    // body = 20 + 7 + DTMFString (2+3) 5 = 32 = 0x20
    hex: `
      00 00 00 20   -- BodyLength = 32
      00 00 00 5b   -- MessageTypeID = 91 (SEND_DTMF_SIGNAL_REQ)
      00 00 00 5c   -- InvokeID = 92
      00 00 00 01   -- Reserved1 = 1
      01 00 01 10   -- CallID = 16777488
      00 00         -- ConnectionDeviceType = 0
      00 00         -- ToneDuration = 0 (default)
      00 00 00 00   -- PauseDuration = 0 (default)
      19 05 32 30 30 36 00   -- ConnectionDeviceID[25] = "2006"
      43 03 2a 39 00         -- DTMFString[67] = "*9"
    `,
    expect: {
      type: 'SEND_DTMF_SIGNAL_REQ',
      typeId: 91,
      bodyLength: 32,
      fields: {
        InvokeID: 92,
        Reserved1: 1,
        CallID: 16777488,
        ConnectionDeviceType: 0,
        ToneDuration: 0,
        PauseDuration: 0,
        ConnectionDeviceID: '2006',
        DTMFString: '*9',
      },
    },
  },

  // ───────────────────────────── SEND_DTMF_SIGNAL_CONF (92) ─────────────────────────────
  {
    name: 'SEND_DTMF_SIGNAL_CONF',
    source: 'Table 144',
    hex: `
      00 00 00 04   -- BodyLength = 4
      00 00 00 5c   -- MessageTypeID = 92 (SEND_DTMF_SIGNAL_CONF)
      00 00 00 5b   -- InvokeID = 91
    `,
    expect: { type: 'SEND_DTMF_SIGNAL_CONF', typeId: 92, bodyLength: 4, fields: { InvokeID: 91 } },
  },

  // ───────────────────────────── SET_CALL_DATA_REQ (26) ─────────────────────────────
  {
    name: 'SET_CALL_DATA_REQ, inbound call: ANI, digits, call variables, wrap-up, 2 named variables, 1 named array, account',
    source: 'Tables 145, 146, 186, 187, 195',
    // fixed = 4+4+2+4+2+2+2+2+4+4 = 30
    // floating = ConnectionDeviceID 7 + ANI 10 + CallerEnteredDigits 4 + CallVariable1 8 + CallVariable5 7
    //   + CallVariable10 6 + CallWrapupData 10 + NamedVariable 21 + NamedVariable 16 + NamedArray 15
    //   + CustomerAccountNumber (2+9) 11 = 115
    // body = 30 + 115 = 145 = 0x91
    hex: `
      00 00 00 91   -- BodyLength = 145
      00 00 00 1a   -- MessageTypeID = 26 (SET_CALL_DATA_REQ)
      00 00 00 65   -- InvokeID = 101
      00 00 00 01   -- Reserved1 = 1 (UINT)
      00 00         -- ConnectionDeviceType = 0 (CONNECTION_ID_STATIC)
      01 00 01 10   -- CallID = 16777488
      00 02         -- NumNamedVariables = 2
      00 01         -- NumNamedArrays = 1
      00 01         -- CallType = 1 (CALLTYPE_CCX_IN)
      00 00         -- CalledPartyDisposition = 0
      00 00 00 00   -- Reserved2 = 0 (UINT)
      00 00 00 01   -- Reserved3 = 1 (UINT)
      19 05 32 30 30 36 00   -- ConnectionDeviceID[25] = "2006"
      08 08 35 35 35 31 32 31 32 00   -- ANI[8] = "5551212"
      0c 02 31 00            -- CallerEnteredDigits[12] = "1"
      0d 06 31 32 33 34 35 00   -- CallVariable1[13] = "12345"
      11 05 45 61 73 74 00      -- CallVariable5[17] = "East"
      16 04 56 49 50 00         -- CallVariable10[22] = "VIP"
      2e 08 42 69 6c 6c 69 6e 67 00   -- CallWrapupData[46] = "Billing"
      52 13                  -- NamedVariable[82], length 19
      43 75 73 74 6f 6d 65 72 4e 61 6d 65 00   --   VariableName = "CustomerName"
      53 6d 69 74 68 00      --   VariableValue = "Smith"
      52 0e                  -- NamedVariable[82], length 14
      50 72 69 6f 72 69 74 79 00   --   VariableName = "Priority"
      48 69 67 68 00         --   VariableValue = "High"
      53 0d                  -- NamedArray[83], length 13
      02                     --   VariableIndex = 2
      4f 72 64 65 72 73 00   --   VariableName = "Orders"
      41 33 30 30 00         --   VariableValue = "A300"
      60 09 41 43 2d 39 39 38 31 32 00   -- CustomerAccountNumber[96] = "AC-99812"
    `,
    expect: {
      type: 'SET_CALL_DATA_REQ',
      typeId: 26,
      bodyLength: 145,
      fields: {
        InvokeID: 101,
        Reserved1: 1,
        ConnectionDeviceType: 0,
        CallID: 16777488,
        NumNamedVariables: 2,
        NumNamedArrays: 1,
        CallType: 1,
        CalledPartyDisposition: 0,
        Reserved2: 0,
        Reserved3: 1,
        ConnectionDeviceID: '2006',
        ANI: '5551212',
        CallerEnteredDigits: '1',
        CallVariable1: '12345',
        CallVariable5: 'East',
        CallVariable10: 'VIP',
        CallWrapupData: 'Billing',
        NamedVariable: [CUSTOMER_NAME_SMITH, PRIORITY_HIGH],
        NamedArray: [{ VariableIndex: 2, VariableName: 'Orders', VariableValue: 'A300' }],
        CustomerAccountNumber: 'AC-99812',
      },
      labels: { CallType: 'CALLTYPE_CCX_IN' },
    },
  },
  {
    name: 'SET_CALL_DATA_REQ, outbound reservation accepted: BAResponse = "Accept"',
    source: 'Tables 145, 146, 186, 8, 9, 195',
    // fixed 30; ConnectionDeviceID 7; NamedVariable "BAResponse"(11) + "Accept"(7) = 18 → 2+18 = 20
    // body = 30 + 7 + 20 = 57 = 0x39
    hex: `
      00 00 00 39   -- BodyLength = 57
      00 00 00 1a   -- MessageTypeID = 26 (SET_CALL_DATA_REQ)
      00 00 00 66   -- InvokeID = 102
      00 00 00 01   -- Reserved1 = 1
      00 00         -- ConnectionDeviceType = 0
      01 00 01 12   -- CallID = 16777490 (reservation call)
      00 01         -- NumNamedVariables = 1
      00 00         -- NumNamedArrays = 0
      00 12         -- CallType = 18 (CALLTYPE_RESERVATION)
      00 00         -- CalledPartyDisposition = 0
      00 00 00 00   -- Reserved2 = 0
      00 00 00 01   -- Reserved3 = 1
      19 05 32 30 30 36 00   -- ConnectionDeviceID[25] = "2006"
      52 12                  -- NamedVariable[82], length 18
      42 41 52 65 73 70 6f 6e 73 65 00   --   VariableName = "BAResponse"
      41 63 63 65 70 74 00   --   VariableValue = "Accept"
    `,
    expect: {
      type: 'SET_CALL_DATA_REQ',
      typeId: 26,
      bodyLength: 57,
      fields: {
        InvokeID: 102,
        Reserved1: 1,
        ConnectionDeviceType: 0,
        CallID: 16777490,
        NumNamedVariables: 1,
        NumNamedArrays: 0,
        CallType: 18,
        CalledPartyDisposition: 0,
        Reserved2: 0,
        Reserved3: 1,
        ConnectionDeviceID: '2006',
        NamedVariable: [{ VariableName: 'BAResponse', VariableValue: 'Accept' }],
      },
      labels: { CallType: 'CALLTYPE_RESERVATION' },
    },
  },
  {
    name: 'SET_CALL_DATA_REQ, outbound preview call: BAResponse = "Callback 11202015 14:30"',
    source: 'Tables 145, 146, 186, 8, 9, 195',
    // NamedVariable "BAResponse"(11) + "Callback 11202015 14:30"(24) = 35 = 0x23 → 2+35 = 37
    // body = 30 + 7 + 37 = 74 = 0x4a
    hex: `
      00 00 00 4a   -- BodyLength = 74
      00 00 00 1a   -- MessageTypeID = 26 (SET_CALL_DATA_REQ)
      00 00 00 67   -- InvokeID = 103
      00 00 00 01   -- Reserved1 = 1
      00 00         -- ConnectionDeviceType = 0
      01 00 01 1c   -- CallID = 16777500 (preview call)
      00 01         -- NumNamedVariables = 1
      00 00         -- NumNamedArrays = 0
      00 11         -- CallType = 17 (CALLTYPE_PREVIEW)
      00 00         -- CalledPartyDisposition = 0
      00 00 00 00   -- Reserved2 = 0
      00 00 00 01   -- Reserved3 = 1
      19 05 32 30 30 36 00   -- ConnectionDeviceID[25] = "2006"
      52 23                  -- NamedVariable[82], length 35
      42 41 52 65 73 70 6f 6e 73 65 00   --   VariableName = "BAResponse"
      43 61 6c 6c 62 61 63 6b 20   --   VariableValue = "Callback "
      31 31 32 30 32 30 31 35 20   --                   "11202015 "
      31 34 3a 33 30 00            --                   "14:30" + NUL
    `,
    expect: {
      type: 'SET_CALL_DATA_REQ',
      typeId: 26,
      bodyLength: 74,
      fields: {
        InvokeID: 103,
        Reserved1: 1,
        ConnectionDeviceType: 0,
        CallID: 16777500,
        NumNamedVariables: 1,
        NumNamedArrays: 0,
        CallType: 17,
        CalledPartyDisposition: 0,
        Reserved2: 0,
        Reserved3: 1,
        ConnectionDeviceID: '2006',
        NamedVariable: [{ VariableName: 'BAResponse', VariableValue: 'Callback 11202015 14:30' }],
      },
      labels: { CallType: 'CALLTYPE_PREVIEW' },
    },
  },

  // ───────────────────────────── SET_CALL_DATA_CONF (27) ─────────────────────────────
  {
    name: 'SET_CALL_DATA_CONF',
    source: 'Table 147',
    hex: `
      00 00 00 04   -- BodyLength = 4
      00 00 00 1b   -- MessageTypeID = 27 (SET_CALL_DATA_CONF)
      00 00 00 65   -- InvokeID = 101
    `,
    expect: { type: 'SET_CALL_DATA_CONF', typeId: 27, bodyLength: 4, fields: { InvokeID: 101 } },
  },

  // ───────────────────────────── SUPERVISE_CALL_REQ (124) ─────────────────────────────
  {
    name: 'SUPERVISE_CALL_REQ, SUPERVISOR_MONITOR without supervisor call, identified by extension/instrument/agent ID',
    source: 'Tables 148, 149, 150',
    // fixed = 4+4+4+4+2+2+2 = 22
    // floating = AgentConnectionDeviceID 7 + AgentExtension 7 + AgentInstrument 7
    //   + SupervisorInstrument 7 + AgentID (2+7) 9 = 37
    // body = 22 + 37 = 59 = 0x3b
    hex: `
      00 00 00 3b   -- BodyLength = 59
      00 00 00 7c   -- MessageTypeID = 124 (SUPERVISE_CALL_REQ)
      00 00 00 7c   -- InvokeID = 124
      00 00 00 01   -- Reserved1 = 1
      01 00 01 10   -- AgentCallID = 16777488
      ff ff ff ff   -- SupervisorCallID = 0xffffffff (no supervisor call)
      00 00         -- AgentConnectionDeviceType = 0 (CONNECTION_ID_STATIC)
      ff ff         -- SupervisorConnectionDeviceType = 0xffff (CONNECTION_ID_NONE)
      00 01         -- SupervisoryAction = 1 (SUPERVISOR_MONITOR)
      5a 05 32 30 30 36 00   -- AgentConnectionDeviceID[90] = "2006"
      04 05 32 30 30 36 00   -- AgentExtension[4] = "2006"
      06 05 32 30 30 36 00   -- AgentInstrument[6] = "2006"
      55 05 33 30 30 31 00   -- SupervisorInstrument[85] = "3001"
      c2 07 6a 73 6d 69 74 68 00   -- AgentID[194] = "jsmith"
    `,
    expect: {
      type: 'SUPERVISE_CALL_REQ',
      typeId: 124,
      bodyLength: 59,
      fields: {
        InvokeID: 124,
        Reserved1: 1,
        AgentCallID: 16777488,
        SupervisorCallID: 4294967295,
        AgentConnectionDeviceType: 0,
        SupervisorConnectionDeviceType: 65535,
        SupervisoryAction: 1,
        AgentConnectionDeviceID: '2006',
        AgentExtension: '2006',
        AgentInstrument: '2006',
        SupervisorInstrument: '3001',
        AgentID: 'jsmith',
      },
    },
  },
  {
    name: 'SUPERVISE_CALL_REQ, SUPERVISOR_BARGE_IN from an existing supervisor call',
    source: 'Tables 148, 149, 150',
    // body = 22 + AgentConnectionDeviceID 7 + SupervisorConnectionDeviceID 7 + SupervisorInstrument 7 = 43 = 0x2b
    hex: `
      00 00 00 2b   -- BodyLength = 43
      00 00 00 7c   -- MessageTypeID = 124 (SUPERVISE_CALL_REQ)
      00 00 00 7d   -- InvokeID = 125
      00 00 00 01   -- Reserved1 = 1
      01 00 01 10   -- AgentCallID = 16777488
      01 00 01 1c   -- SupervisorCallID = 16777500
      00 00         -- AgentConnectionDeviceType = 0
      00 00         -- SupervisorConnectionDeviceType = 0
      00 03         -- SupervisoryAction = 3 (SUPERVISOR_BARGE_IN)
      5a 05 32 30 30 36 00   -- AgentConnectionDeviceID[90] = "2006"
      5b 05 33 30 30 31 00   -- SupervisorConnectionDeviceID[91] = "3001"
      55 05 33 30 30 31 00   -- SupervisorInstrument[85] = "3001"
    `,
    expect: {
      type: 'SUPERVISE_CALL_REQ',
      typeId: 124,
      bodyLength: 43,
      fields: {
        InvokeID: 125,
        Reserved1: 1,
        AgentCallID: 16777488,
        SupervisorCallID: 16777500,
        AgentConnectionDeviceType: 0,
        SupervisorConnectionDeviceType: 0,
        SupervisoryAction: 3,
        AgentConnectionDeviceID: '2006',
        SupervisorConnectionDeviceID: '3001',
        SupervisorInstrument: '3001',
      },
    },
  },

  // ───────────────────────────── SUPERVISE_CALL_CONF (125) ─────────────────────────────
  {
    name: 'SUPERVISE_CALL_CONF',
    source: 'Tables 151, 152',
    // body = 4+4+2 = 10 + 7 = 17 = 0x11
    hex: `
      00 00 00 11   -- BodyLength = 17
      00 00 00 7d   -- MessageTypeID = 125 (SUPERVISE_CALL_CONF)
      00 00 00 7c   -- InvokeID = 124
      01 00 01 10   -- CallID = 16777488
      00 00         -- ConnectionDeviceType = 0
      19 05 32 30 30 36 00   -- ConnectionDeviceID[25] = "2006"
    `,
    expect: {
      type: 'SUPERVISE_CALL_CONF',
      typeId: 125,
      bodyLength: 17,
      fields: {
        InvokeID: 124,
        CallID: 16777488,
        ConnectionDeviceType: 0,
        ConnectionDeviceID: '2006',
      },
    },
  },

  // ───────────────────────────── SUPERVISOR_ASSIST_REQ (118) ─────────────────────────────
  {
    name: 'SUPERVISOR_ASSIST_REQ, about a call, all floating fields',
    source: 'Tables 153, 154',
    // body = 4+4+4+2 = 14 + 7 + 7 + 7 + 9 = 44 = 0x2c
    hex: `
      00 00 00 2c   -- BodyLength = 44
      00 00 00 76   -- MessageTypeID = 118 (SUPERVISOR_ASSIST_REQ)
      00 00 00 76   -- InvokeID = 118
      00 00 00 01   -- Reserved1 = 1
      01 00 01 10   -- CallID = 16777488
      00 00         -- ConnectionDeviceType = 0
      19 05 32 30 30 36 00   -- ConnectionDeviceID[25] = "2006"
      04 05 32 30 30 36 00   -- AgentExtension[4] = "2006"
      06 05 32 30 30 36 00   -- AgentInstrument[6] = "2006"
      c2 07 6a 73 6d 69 74 68 00   -- AgentID[194] = "jsmith"
    `,
    expect: {
      type: 'SUPERVISOR_ASSIST_REQ',
      typeId: 118,
      bodyLength: 44,
      fields: {
        InvokeID: 118,
        Reserved1: 1,
        CallID: 16777488,
        ConnectionDeviceType: 0,
        ConnectionDeviceID: '2006',
        AgentExtension: '2006',
        AgentInstrument: '2006',
        AgentID: 'jsmith',
      },
    },
  },
  {
    name: 'SUPERVISOR_ASSIST_REQ, no related call (0xffffffff), empty ConnectionDeviceID',
    source: 'Tables 153, 154, 193',
    // body = 14 + ConnectionDeviceID (2+1) 3 + AgentID 9 = 26 = 0x1a
    hex: `
      00 00 00 1a   -- BodyLength = 26
      00 00 00 76   -- MessageTypeID = 118 (SUPERVISOR_ASSIST_REQ)
      00 00 00 77   -- InvokeID = 119
      00 00 00 01   -- Reserved1 = 1
      ff ff ff ff   -- CallID = 0xffffffff (no related call)
      ff ff         -- ConnectionDeviceType = 0xffff (CONNECTION_ID_NONE)
      19 01 00               -- ConnectionDeviceID[25] = "" (NUL only)
      c2 07 6a 73 6d 69 74 68 00   -- AgentID[194] = "jsmith"
    `,
    expect: {
      type: 'SUPERVISOR_ASSIST_REQ',
      typeId: 118,
      bodyLength: 26,
      fields: {
        InvokeID: 119,
        Reserved1: 1,
        CallID: 4294967295,
        ConnectionDeviceType: 65535,
        ConnectionDeviceID: '',
        AgentID: 'jsmith',
      },
    },
  },

  // ───────────────────────────── SUPERVISOR_ASSIST_CONF (119) ─────────────────────────────
  {
    name: 'SUPERVISOR_ASSIST_CONF',
    source: 'Tables 155, 156',
    // body = 4+4+2+2+2 = 14 + 7 = 21 = 0x15
    hex: `
      00 00 00 15   -- BodyLength = 21
      00 00 00 77   -- MessageTypeID = 119 (SUPERVISOR_ASSIST_CONF)
      00 00 00 76   -- InvokeID = 118
      01 00 01 12   -- CallID = 16777490 (the new assist call)
      00 00         -- ConnectionDeviceType = 0
      ff ff         -- Reserved1 = 0xffff
      00 00         -- Reserved2 = 0
      19 05 32 30 30 36 00   -- ConnectionDeviceID[25] = "2006"
    `,
    expect: {
      type: 'SUPERVISOR_ASSIST_CONF',
      typeId: 119,
      bodyLength: 21,
      fields: {
        InvokeID: 118,
        CallID: 16777490,
        ConnectionDeviceType: 0,
        Reserved1: 65535,
        Reserved2: 0,
        ConnectionDeviceID: '2006',
      },
    },
  },

  // ───────────────────────────── SUPERVISOR_ASSIST_EVENT (120) ─────────────────────────────
  {
    name: 'SUPERVISOR_ASSIST_EVENT, with Text',
    source: 'Tables 157, 158',
    // fixed = 4+4+2+4 = 14; floating = 7 + ClientID 9 + Text (2+27) 29 = 45 → 59 = 0x3b
    hex: `
      00 00 00 3b   -- BodyLength = 59
      00 00 00 78   -- MessageTypeID = 120 (SUPERVISOR_ASSIST_EVENT)
      00 00 00 01   -- Reserved1 = 1 (UINT)
      01 00 01 10   -- CallID = 16777488
      00 00         -- ConnectionDeviceType = 0
      00 00 00 00   -- Reserved2 = 0 (UINT)
      19 05 32 30 30 36 00   -- ConnectionDeviceID[25] = "2006"
      01 07 6a 73 6d 69 74 68 00   -- ClientID[1] = "jsmith"
      07 1b                  -- Text[7], length 27
      43 75 73 74 6f 6d 65 72 20 61 73 6b 73 20   --   "Customer asks "
      66 6f 72 20 61 20 72 65 66 75 6e 64 00      --   "for a refund" + NUL
    `,
    expect: {
      type: 'SUPERVISOR_ASSIST_EVENT',
      typeId: 120,
      bodyLength: 59,
      fields: {
        Reserved1: 1,
        CallID: 16777488,
        ConnectionDeviceType: 0,
        Reserved2: 0,
        ConnectionDeviceID: '2006',
        ClientID: 'jsmith',
        Text: 'Customer asks for a refund',
      },
    },
  },
  {
    name: 'SUPERVISOR_ASSIST_EVENT, version 14 Primary.Actual ConnectionDeviceID "2006.2106"',
    source: 'Tables 157, 158; Primary.Actual Field Format (chapter 9)',
    version: 14,
    // body = 14 + ConnectionDeviceID (2+10) 12 + ClientID 9 = 35 = 0x23
    hex: `
      00 00 00 23   -- BodyLength = 35
      00 00 00 78   -- MessageTypeID = 120 (SUPERVISOR_ASSIST_EVENT)
      00 00 00 01   -- Reserved1 = 1
      01 00 01 10   -- CallID = 16777488
      00 00         -- ConnectionDeviceType = 0
      00 00 00 00   -- Reserved2 = 0
      19 0a 32 30 30 36 2e 32 31 30 36 00   -- ConnectionDeviceID[25] = "2006.2106"
      01 07 6a 73 6d 69 74 68 00   -- ClientID[1] = "jsmith"
    `,
    expect: {
      type: 'SUPERVISOR_ASSIST_EVENT',
      typeId: 120,
      bodyLength: 35,
      fields: {
        Reserved1: 1,
        CallID: 16777488,
        ConnectionDeviceType: 0,
        Reserved2: 0,
        ConnectionDeviceID: '2006.2106',
        ClientID: 'jsmith',
      },
      labels: { ConnectionDeviceID: { primary: '2006', actual: '2106' } },
    },
  },

  // ───────────────────────────── BAD_CALL_REQ (139) ─────────────────────────────
  {
    name: 'BAD_CALL_REQ, with AgentID',
    source: 'Tables 159, 160',
    // fixed = 4+4+2+4 = 14 (ConnectionDeviceType comes before CallID); floating 7 + 9 → 30 = 0x1e
    hex: `
      00 00 00 1e   -- BodyLength = 30
      00 00 00 8b   -- MessageTypeID = 139 (BAD_CALL_REQ)
      00 00 00 8b   -- InvokeID = 139
      00 00 00 01   -- Reserved1 = 1
      00 00         -- ConnectionDeviceType = 0
      01 00 01 10   -- CallID = 16777488
      19 05 32 30 30 36 00   -- ConnectionDeviceID[25] = "2006"
      c2 07 6a 73 6d 69 74 68 00   -- AgentID[194] = "jsmith"
    `,
    expect: {
      type: 'BAD_CALL_REQ',
      typeId: 139,
      bodyLength: 30,
      fields: {
        InvokeID: 139,
        Reserved1: 1,
        ConnectionDeviceType: 0,
        CallID: 16777488,
        ConnectionDeviceID: '2006',
        AgentID: 'jsmith',
      },
    },
  },

  // ───────────────────────────── BAD_CALL_CONF (140) ─────────────────────────────
  {
    name: 'BAD_CALL_CONF',
    source: 'Table 161',
    hex: `
      00 00 00 04   -- BodyLength = 4
      00 00 00 8c   -- MessageTypeID = 140 (BAD_CALL_CONF)
      00 00 00 8b   -- InvokeID = 139
    `,
    expect: { type: 'BAD_CALL_CONF', typeId: 140, bodyLength: 4, fields: { InvokeID: 139 } },
  },
];

/**
 * MAKE_CALL_REQ, version-10 layout (no trailing reserved UINT): once with `version: 10`, once
 * without `version` (layout inferred). Table 128, 129.
 *
 * fixed = 4+4 + 8×2 (reserved USHORT) + 2×2 (reserved BOOL) + 2+2 = 32
 * floating = AgentInstrument 7 + DialedNumber (2+8) 10 + CallVariable1 8 + CallVariable3 (2+8) 10
 *   + CallWrapupData 8 + NamedVariable 21 + NamedVariable (2+14) 16 + AccountCode 6 = 86
 * body = 32 + 86 = 118 = 0x76
 */
function makeCallReqV10(): HandVector[] {
  const hex = `
      00 00 00 76   -- BodyLength = 118
      00 00 00 38   -- MessageTypeID = 56 (MAKE_CALL_REQ)
      00 00 00 32   -- InvokeID = 50
      00 00 00 01   -- Reserved1 = 1 (UINT)
      00 00         -- Reserved2 = 0 (USHORT)
      00 00         -- Reserved3 = 0 (USHORT)
      00 00         -- Reserved4 = 0 (USHORT)
      00 00         -- Reserved5 = 0 (USHORT)
      00 00         -- Reserved6 = 0 (USHORT)
      00 00         -- Reserved7 = 0 (USHORT)
      00 00         -- Reserved8 = 0 (USHORT)
      00 00         -- Reserved9 = 0 (USHORT)
      00 00         -- Reserved10 = false (BOOL)
      00 00         -- Reserved11 = false (BOOL)
      00 02         -- NumNamedVariables = 2
      00 00         -- NumNamedArrays = 0
      06 05 32 30 30 36 00   -- AgentInstrument[6] = "2006"
      0b 08 35 35 35 31 32 31 32 00   -- DialedNumber[11] = "5551212"
      0d 06 31 32 33 34 35 00   -- CallVariable1[13] = "12345"
      0f 08 52 65 6e 65 77 61 6c 00   -- CallVariable3[15] = "Renewal"
      2e 06 53 61 6c 65 73 00   -- CallWrapupData[46] = "Sales"
      52 13                  -- NamedVariable[82], length 19
      43 75 73 74 6f 6d 65 72 4e 61 6d 65 00   --   VariableName = "CustomerName"
      53 6d 69 74 68 00      --   VariableValue = "Smith"
      52 0e                  -- NamedVariable[82], length 14
      50 72 69 6f 72 69 74 79 00   --   VariableName = "Priority"
      48 69 67 68 00         --   VariableValue = "High"
      4e 04 37 37 37 00      -- AccountCode[78] = "777"
  `;
  const expect = {
    type: 'MAKE_CALL_REQ',
    typeId: 56,
    bodyLength: 118,
    fields: {
      InvokeID: 50,
      Reserved1: 1,
      Reserved2: 0,
      Reserved3: 0,
      Reserved4: 0,
      Reserved5: 0,
      Reserved6: 0,
      Reserved7: 0,
      Reserved8: 0,
      Reserved9: 0,
      Reserved10: false,
      Reserved11: false,
      NumNamedVariables: 2,
      NumNamedArrays: 0,
      AgentInstrument: '2006',
      DialedNumber: '5551212',
      CallVariable1: '12345',
      CallVariable3: 'Renewal',
      CallWrapupData: 'Sales',
      NamedVariable: [CUSTOMER_NAME_SMITH, PRIORITY_HIGH],
      AccountCode: '777',
    },
  };
  return [
    {
      name: 'MAKE_CALL_REQ, version-10 layout (no NULL_CSQ), version 10 given',
      source: 'Tables 128, 129, 186',
      version: 10,
      hex,
      expect,
    },
    {
      name: 'MAKE_CALL_REQ, version-10 layout (no NULL_CSQ), version inferred',
      source: 'Tables 128, 129, 186',
      hex,
      expect,
    },
  ];
}

/**
 * MAKE_CALL_REQ, version-14 layout (trailing reserved UINT = NULL_CSQ 0xFFFFFFFF): once with
 * `version: 14`, once without. Tables 128, 129, 198.
 *
 * fixed = 32 + 4 = 36
 * floating = AgentInstrument 7 + DialedNumber 10 + NamedArray (2+13) 15 = 32
 * body = 36 + 32 = 68 = 0x44
 */
function makeCallReqV14(): HandVector[] {
  const hex = `
      00 00 00 44   -- BodyLength = 68
      00 00 00 38   -- MessageTypeID = 56 (MAKE_CALL_REQ)
      00 00 00 33   -- InvokeID = 51
      00 00 00 01   -- Reserved1 = 1 (UINT)
      00 00         -- Reserved2 = 0 (USHORT)
      00 00         -- Reserved3 = 0 (USHORT)
      00 00         -- Reserved4 = 0 (USHORT)
      00 00         -- Reserved5 = 0 (USHORT)
      00 00         -- Reserved6 = 0 (USHORT)
      00 00         -- Reserved7 = 0 (USHORT)
      00 00         -- Reserved8 = 0 (USHORT)
      00 00         -- Reserved9 = 0 (USHORT)
      00 00         -- Reserved10 = false (BOOL)
      00 00         -- Reserved11 = false (BOOL)
      00 00         -- NumNamedVariables = 0
      00 01         -- NumNamedArrays = 1
      ff ff ff ff   -- Reserved12 = 0xffffffff (NULL_CSQ, version 14 and later)
      06 05 32 30 30 36 00   -- AgentInstrument[6] = "2006"
      0b 08 35 35 35 31 32 31 32 00   -- DialedNumber[11] = "5551212"
      53 0d                  -- NamedArray[83], length 13
      00                     --   VariableIndex = 0
      4f 72 64 65 72 73 00   --   VariableName = "Orders"
      41 31 30 30 00         --   VariableValue = "A100"
  `;
  const expect = {
    type: 'MAKE_CALL_REQ',
    typeId: 56,
    bodyLength: 68,
    fields: {
      InvokeID: 51,
      Reserved1: 1,
      Reserved2: 0,
      Reserved3: 0,
      Reserved4: 0,
      Reserved5: 0,
      Reserved6: 0,
      Reserved7: 0,
      Reserved8: 0,
      Reserved9: 0,
      Reserved10: false,
      Reserved11: false,
      NumNamedVariables: 0,
      NumNamedArrays: 1,
      Reserved12: 4294967295,
      AgentInstrument: '2006',
      DialedNumber: '5551212',
      NamedArray: [{ VariableIndex: 0, VariableName: 'Orders', VariableValue: 'A100' }],
    },
  };
  return [
    {
      name: 'MAKE_CALL_REQ, version-14 layout (reserved UINT NULL_CSQ), version 14 given',
      source: 'Tables 128, 129, 187, 198',
      version: 14,
      hex,
      expect,
    },
    {
      name: 'MAKE_CALL_REQ, version-14 layout (reserved UINT NULL_CSQ), version inferred',
      source: 'Tables 128, 129, 187, 198',
      hex,
      expect,
    },
  ];
}
