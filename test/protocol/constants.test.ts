import { describe, expect, it } from 'vitest';
import {
  CONSTANT_TABLES,
  SPECIAL_VALUES,
  constantTable,
} from '../../src/protocol/constants.js';
import { FIELD_IDS, fieldIdName } from '../../src/protocol/field-ids.js';
import type { ConstTable } from '../../src/protocol/types.js';

function table(id: string): ConstTable {
  const t = constantTable(id);
  if (t === undefined) throw new Error(`no constant table ${id}`);
  return t;
}

function valueOf(id: string, name: string): number | undefined {
  return table(id).entries.find((e) => e.name === name)?.value;
}

function nameOf(id: string, value: number): string | undefined {
  return table(id).entries.find((e) => e.value === value)?.name;
}

function isReserved(t: ConstTable, v: number): boolean {
  return (t.reserved ?? []).some(([lo, hi]) => v >= lo && v <= hi);
}

describe('constant tables: structure', () => {
  it('table ids are unique', () => {
    const ids = CONSTANT_TABLES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('constantTable() finds every table by id', () => {
    for (const t of CONSTANT_TABLES) expect(constantTable(t.id)).toBe(t);
    expect(constantTable('NoSuchTable')).toBeUndefined();
  });

  for (const t of CONSTANT_TABLES) {
    describe(t.id, () => {
      it('has entries, a source and a title', () => {
        expect(t.entries.length).toBeGreaterThan(0);
        expect(t.source).toMatch(/^Tables? \d+/);
        expect(t.title.length).toBeGreaterThan(0);
      });

      it('values are unique unsigned 32-bit integers', () => {
        const values = t.entries.map((e) => e.value);
        expect(new Set(values).size).toBe(values.length);
        for (const v of values) {
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(0xffffffff);
        }
      });

      it('names are unique and non-empty', () => {
        const names = t.entries.map((e) => e.name);
        expect(new Set(names).size).toBe(names.length);
        for (const n of names) expect(n).not.toBe('');
        // Reserved rows belong in `reserved`, not in entries.
        for (const n of names) expect(n.toLowerCase()).not.toBe('reserved');
      });

      if (t.kind === 'mask') {
        it('mask entries are single bits', () => {
          // No exception exists today: every mask table of the guide uses single bits
          // (Table 199 "Mask value"s are codes and that table is an enum).
          for (const e of t.entries) {
            expect(e.value).toBeGreaterThan(0);
            expect(e.value & (e.value - 1)).toBe(0);
          }
        });
      }

      it('reserved ranges are well formed, ordered and disjoint', () => {
        const r = t.reserved ?? [];
        for (const [lo, hi] of r) expect(lo).toBeLessThanOrEqual(hi);
        for (let i = 1; i < r.length; i++) expect(r[i]![0]).toBeGreaterThan(r[i - 1]![1]);
      });

      it('no entry value falls into a reserved range of its own table', () => {
        for (const e of t.entries) expect(isReserved(t, e.value), `${e.name} = ${e.value}`).toBe(false);
      });
    });
  }
});

describe('constant tables: closed / open', () => {
  it('only the special-value tables, the reason codes and the two decided tables are open', () => {
    const open = CONSTANT_TABLES.filter((t) => !t.closed)
      .map((t) => t.id)
      .sort();
    // CCXStatus and RTPBitRate: decisions recorded in docs/spec-notes.md.
    expect(open).toEqual(['AgentStateReasonCode', 'ApplicationIDSpecial', 'CCXStatus', 'CSQIDSpecial', 'CallIDSpecial', 'RTPBitRate']);
  });

  it('kinds: masks are the OPEN_REQ masks, AgentFlags and AgentCapacity', () => {
    const masks = CONSTANT_TABLES.filter((t) => t.kind === 'mask')
      .map((t) => t.id)
      .sort();
    expect(masks).toEqual([
      'AgentCapacity',
      'AgentStateMask',
      'CTIServiceMask',
      'CallEventMask',
      'ConfigMask',
      'TeamAgentFlags',
    ]);
    expect(table('CCXStatus').kind).toBe('enum');
  });
});

describe('constant tables: entry counts (counted in the guide)', () => {
  const counts: Record<string, number> = {
    AgentState: 9,
    NextAgentState: 10,
    CTIServiceMask: 7,
    CallEventMask: 19,
    AgentStateMask: 9,
    ConfigMask: 4,
    ConfigKeyStatus: 4,
    ConfigEndStatus: 6,
    DeviceType: 7,
    LocalConnectionState: 8,
    EventCause: 23,
    SystemEventID: 4,
    ConnectionDeviceType: 3,
    AudioCodec: 19,
    CallType: 15,
    ControlFailureCode: 95,
    CCXErrorCode: 58,
    CCXStatus: 6,
    Disposition: 4,
    StatusCode: 20,
    AgentStateReasonCode: 22,
    SupervisoryAction: 4,
    CallIDSpecial: 1,
    ApplicationIDSpecial: 1,
    CSQIDSpecial: 1,
    ConfigType: 2,
    ConfigRecordType: 3,
    TeamRecordType: 2,
    AgentType: 2,
    TeamOperation: 3,
    TeamMemberType: 2,
    TeamAgentFlags: 3,
    TeamConfigParam: 2,
    TeamConfigStatus: 2,
    RTPDirection: 3,
    RTPType: 3,
    RTPBitRate: 2,
    EchoCancellation: 2,
    ConsultType: 3,
    ForcedFlag: 3,
    AgentCapacity: 1,
    MRDomainID: 2,
    ConfigDeviceType: 4,
  };
  it('every table is counted', () => {
    expect(CONSTANT_TABLES.map((t) => t.id).sort()).toEqual(Object.keys(counts).sort());
  });
  for (const [id, n] of Object.entries(counts)) {
    it(`${id} has ${n} entries`, () => expect(table(id).entries.length).toBe(n));
  }
});

describe('constant tables: spot checks against the guide text', () => {
  it('Table 3 AgentState', () => {
    expect(valueOf('AgentState', 'AGENT_STATE_LOGIN')).toBe(0);
    expect(valueOf('AgentState', 'AGENT_STATE_WORK')).toBe(5);
    expect(valueOf('AgentState', 'BUSY_OTHER')).toBe(7);
    expect(valueOf('AgentState', 'AGENT_STATE_UNKNOWN')).toBe(9);
    expect(nameOf('AgentState', 6)).toBeUndefined();
  });

  it('Tables 22-25 masks', () => {
    expect(valueOf('CTIServiceMask', 'CTI_SERVICE_ALL_EVENTS')).toBe(0x10);
    expect(valueOf('CTIServiceMask', 'CTI_SERVICE_CONFIG_EVENTS')).toBe(0x00040000);
    const ctrl = table('CTIServiceMask').entries.find((e) => e.name === 'CTI_AGENT_STATE_CONTROL_ONLY');
    expect(ctrl?.value).toBe(0x00002000);
    expect(ctrl?.since).toBe(12);
    expect(valueOf('CallEventMask', 'BEGIN_CALL_MASK')).toBe(0x00002000);
    expect(valueOf('CallEventMask', 'CALL_DEQUEUED_MASK')).toBe(0x00040000);
    expect(valueOf('CallEventMask', 'RTP_STOPPED_MASK')).toBe(0x00400000);
    expect(valueOf('AgentStateMask', 'AGENT_RESERVED_MASK')).toBe(0x100);
    expect(valueOf('AgentStateMask', 'AGENT_TALKING_PENDING_NOT_READY_MASK')).toBe(0x80);
    expect(valueOf('ConfigMask', 'CONFIG_AGENT_MASK')).toBe(1);
    expect(valueOf('ConfigMask', 'CONFIG_CSQ_MASK')).toBe(2);
    expect(valueOf('ConfigMask', 'CONFIG_APPLICATION_MASK')).toBe(4);
    expect(valueOf('ConfigMask', 'CONFIG_DEVICE_MASK')).toBe(8);
  });

  it('Tables 34 and 41 give CONFIG_UNKNOWN_DATA different values (as printed)', () => {
    expect(valueOf('ConfigKeyStatus', 'CONFIG_UNKNOWN_DATA')).toBe(3);
    expect(valueOf('ConfigKeyStatus', 'CONFIG_NO_KEY_SUPPORT')).toBe(2);
    expect(valueOf('ConfigEndStatus', 'CONFIG_UNKNOWN_DATA')).toBe(2);
    expect(valueOf('ConfigEndStatus', 'CONFIG_PARTIAL')).toBe(5);
  });

  it('Table 189 DeviceType', () => {
    expect(valueOf('DeviceType', 'DEVID_NONE')).toBe(0xffff);
    expect(valueOf('DeviceType', 'DEVID_CTI_PORT')).toBe(73);
    expect(valueOf('DeviceType', 'DEVID_AGENT_DEVICE')).toBe(76);
    expect(valueOf('DeviceType', 'DEVID_NON_ACD_DEVICE_IDENTIFIER')).toBe(78);
    expect(table('DeviceType').reserved).toEqual([
      [70, 70],
      [71, 71],
      [72, 72],
      [75, 75],
    ]);
  });

  it('Table 190 LocalConnectionState', () => {
    expect(valueOf('LocalConnectionState', 'LCS_NONE')).toBe(0xffff);
    expect(valueOf('LocalConnectionState', 'LCS_HOLD')).toBe(4);
    expect(valueOf('LocalConnectionState', 'LCS_FAIL')).toBe(6);
  });

  it('Table 191 EventCause', () => {
    expect(valueOf('EventCause', 'CEC_NONE')).toBe(0xffff);
    expect(valueOf('EventCause', 'CEC_NEW_CALL')).toBe(22);
    expect(valueOf('EventCause', 'CEC_SUPERVISOR_CLEAR')).toBe(45);
    expect(valueOf('EventCause', 'CEC_CALL_PARTY_UPDATE_IND')).toBe(50);
    expect(valueOf('EventCause', 'CECX_DROP_HANDLED_OTHER')).toBe(1014);
    const t = table('EventCause');
    expect(isReserved(t, 1001)).toBe(true);
    expect(isReserved(t, 1013)).toBe(true);
    expect(isReserved(t, 1056)).toBe(true);
    expect(isReserved(t, 40)).toBe(true);
    expect(isReserved(t, 1057)).toBe(false);
    expect(t.reserved).toHaveLength(13);
  });

  it('Tables 192-194', () => {
    expect(valueOf('SystemEventID', 'SYS_CCX_ONLINE')).toBe(3);
    expect(valueOf('SystemEventID', 'SYS_INSTRUMENT_BACK_IN_SERVICE')).toBe(11);
    expect(isReserved(table('SystemEventID'), 7)).toBe(true);
    expect(valueOf('ConnectionDeviceType', 'CONNECTION_ID_NONE')).toBe(0xffff);
    expect(valueOf('ConnectionDeviceType', 'CONNECTION_ID_DYNAMIC')).toBe(1);
    expect(valueOf('AudioCodec', 'G729ANNEXA')).toBe(11);
    expect(valueOf('AudioCodec', 'ACY_G729AASSN')).toBe(14);
    expect(valueOf('AudioCodec', 'ACTIVEVOICE')).toBe(18);
  });

  it('Table 195 CallType', () => {
    expect(valueOf('CallType', 'CALLTYPE_CCX_IN')).toBe(1);
    expect(valueOf('CallType', 'CALLTYPE_OUT')).toBe(9);
    expect(valueOf('CallType', 'CALLTYPE_RESERVATION')).toBe(18);
    expect(valueOf('CallType', 'CALLTYPE_SUPERVISOR_INTERCEPT')).toBe(24);
    expect(isReserved(table('CallType'), 22)).toBe(true);
    expect(isReserved(table('CallType'), 26)).toBe(true);
  });

  it('Table 196 ControlFailureCode (standard and extended)', () => {
    expect(valueOf('ControlFailureCode', 'CF_GENERIC_UNSPECIFIED')).toBe(0);
    expect(valueOf('ControlFailureCode', 'CF_SECURITY_VIOLATION')).toBe(19);
    expect(valueOf('ControlFailureCode', 'CF_GENERIC_STATE_INCOMPATIBILITY')).toBe(21);
    expect(valueOf('ControlFailureCode', 'CF_REQUESTS_ON_DEVICE_EXCEEDED_REJECTION')).toBe(79);
    expect(valueOf('ControlFailureCode', 'CF_INVALID_AGENT_ID_SPECIFIED')).toBe(256);
    expect(valueOf('ControlFailureCode', 'CF_REQUESTED_SERVICE_NOT_REGISTERED')).toBe(272);
    expect(valueOf('ControlFailureCode', 'CF_EXTENSION_NOT_UNIQUE')).toBe(293);
    expect(valueOf('ControlFailureCode', 'CF_UNSUPPORTED_IC_MESSAGE_REVISION')).toBe(1014);
    const noDesc = table('ControlFailureCode').entries.filter((e) => e.description === undefined);
    expect(noDesc.map((e) => e.name)).toEqual(['CF_NETWORK_TRANSFER_OR_CONSULT', 'CF_NETWORK_TRANSFER_OR_CONSULT_FAILED']);
    expect(table('ControlFailureCode').reserved).toEqual([
      [273, 282],
      [1006, 1006],
      [1012, 1012],
      [1015, 1015],
    ]);
    expect(nameOf('ControlFailureCode', 20)).toBeUndefined();
  });

  it('Table 197 CCXErrorCode', () => {
    expect(valueOf('CCXErrorCode', 'CCX_DEFAULT_ERROR_CODE')).toBe(0);
    expect(valueOf('CCXErrorCode', 'CCX_JTAPI_CCM_PROBLEM')).toBe(88001);
    expect(valueOf('CCXErrorCode', 'CCX_AGENT_DEVICE_IPv6')).toBe(88041);
    expect(valueOf('CCXErrorCode', 'CCX_RECORDING_LICENSE_LIMIT_EXCEEDED')).toBe(88057);
    // 88001..88057 without a gap
    const codes = table('CCXErrorCode')
      .entries.map((e) => e.value)
      .filter((v) => v !== 0);
    expect(codes).toEqual(Array.from({ length: 57 }, (_, i) => 88001 + i));
  });

  it('Table 198 special values', () => {
    expect(SPECIAL_VALUES).toEqual({
      MAX_NUM_DEVICES: 16,
      MAX_CSQ_COUNT: 99,
      MAX_AGENTS: 64,
      NULL_CALL_ID: 0xffffffff,
      NULL_APPLICATION: 0xffffffff,
      NULL_CSQ: 0xffffffff,
      NULL_LINEHANDLE: 0xffff,
    });
    expect(valueOf('CallIDSpecial', 'NULL_CALL_ID')).toBe(SPECIAL_VALUES.NULL_CALL_ID);
    expect(valueOf('ApplicationIDSpecial', 'NULL_APPLICATION')).toBe(SPECIAL_VALUES.NULL_APPLICATION);
    expect(valueOf('CSQIDSpecial', 'NULL_CSQ')).toBe(SPECIAL_VALUES.NULL_CSQ);
  });

  it('Table 199 CCXStatus codes are not bits', () => {
    expect(valueOf('CCXStatus', 'CCX_SHUTDOWN')).toBe(0x300);
    expect(valueOf('CCXStatus', 'CCX_OUT_OF_SERVICE')).toBe(0x600);
  });

  it('Table 200 Disposition', () => {
    const t = table('Disposition');
    expect(t.entries.map((e) => [e.value, e.name])).toEqual([
      [0, 'CD_INVALID'],
      [15, 'DISPOSITION_REDIRECTED'],
      [29, 'DISPOSITION_ANNOUNCED_TRANSFER'],
      [30, 'DISPOSITION_CONFERENCED'],
    ]);
    expect(t.entries[0]?.source).toMatch(/chapter 11/);
    for (const v of [1, 14, 16, 27, 28, 31, 52]) expect(isReserved(t, v)).toBe(true);
  });

  it('Table 201 StatusCode', () => {
    expect(valueOf('StatusCode', 'E_CTI_NO_ERROR')).toBe(0);
    expect(valueOf('StatusCode', 'E_CTI_INVALID_CALLID')).toBe(13);
    expect(valueOf('StatusCode', 'E_CTI_INVALID_FIELD_LENGTH')).toBe(23);
    expect(valueOf('StatusCode', 'E_CTI_SERVER_NOT_MASTER')).toBe(92);
    expect(valueOf('StatusCode', 'E_CTI_AUTO_CONFIG_RESET')).toBe(96);
    expect(isReserved(table('StatusCode'), 50)).toBe(true);
    expect(isReserved(table('StatusCode'), 95)).toBe(true);
  });

  it('Table 202 AgentStateReasonCode', () => {
    expect(valueOf('AgentStateReasonCode', 'AGT_RELOGON')).toBe(32767);
    expect(valueOf('AgentStateReasonCode', 'CM_FAILOVER')).toBe(32757);
    expect(valueOf('AgentStateReasonCode', 'AGT_RESERVED_OUTBOUND_DIRECT_PREVIEW')).toBe(32746);
    expect(valueOf('AgentStateReasonCode', 'AGT_RESERVED_OUTBOUND')).toBe(32747);
    expect(valueOf('AgentStateReasonCode', 'EMAIL_CONTACT_NOT_ACCEPTED')).toBe(32743);
    expect(valueOf('AgentStateReasonCode', 'ACCX_MASTERSHIP_CHANGE')).toBe(32744);
  });

  it('Table 150 SupervisoryAction, with the inferred SUPERVISOR_CLEAR', () => {
    expect(valueOf('SupervisoryAction', 'SUPERVISOR_MONITOR')).toBe(1);
    expect(valueOf('SupervisoryAction', 'SUPERVISOR_BARGE_IN')).toBe(3);
    expect(valueOf('SupervisoryAction', 'SUPERVISOR_INTERCEPT')).toBe(4);
    const clear = table('SupervisoryAction').entries.find((e) => e.name === 'SUPERVISOR_CLEAR');
    expect(clear?.value).toBe(0);
    expect(clear?.source).toMatch(/inferred/);
    expect(nameOf('SupervisoryAction', 2)).toBeUndefined();
  });

  it('chapter 9 field-text value lists', () => {
    expect(valueOf('ConfigType', 'CONFIG_TYPE_UPDATE')).toBe(2);
    expect(valueOf('ConfigRecordType', 'RECORD_TYPE_DELETE')).toBe(2);
    expect(nameOf('TeamRecordType', 1)).toBeUndefined();
    expect(valueOf('AgentType', 'AGENT_TYPE_SUPERVISOR')).toBe(2);
    expect(valueOf('TeamOperation', 'TEAM_OPERATION_CHANGE_TEAM')).toBe(3);
    expect(valueOf('TeamAgentFlags', 'AGENT_FLAG_SUPERVISOR')).toBe(4);
    expect(valueOf('TeamConfigParam', 'CONFIG_PARAM_UPDATES_ONLY')).toBe(2);
    expect(valueOf('TeamConfigStatus', 'TEAM_CONFIG_INTERNAL_ERROR')).toBe(1);
    expect(valueOf('RTPDirection', 'DIRECTION_BIDIRECTIONAL')).toBe(2);
    expect(valueOf('RTPType', 'RTP_TYPE_DATA')).toBe(2);
    expect(valueOf('RTPBitRate', 'RTPBitRateR6_4')).toBe(2);
    expect(valueOf('EchoCancellation', 'ECHO_CANCELLATION_ON')).toBe(1);
    expect(valueOf('ConsultType', 'CONSULT_TYPE_CONFERENCE')).toBe(2);
    const forced = table('ForcedFlag').entries.find((e) => e.value === 2);
    expect(forced?.since).toBe(12);
    expect(table('AgentCapacity').entries[0]).toMatchObject({ value: 1, since: 12 });
    expect(valueOf('MRDomainID', 'MR_DOMAIN_EMAIL')).toBe(1);
    expect(table('ConfigDeviceType').entries.map((e) => e.value)).toEqual([3, 5, 6, 7]);
  });
});

describe('Table 188 FieldDataIDs', () => {
  it('one entry per ID, ascending, unique', () => {
    const ids = FIELD_IDS.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    // 1..216 contiguous, then 224 and 228
    expect(ids).toEqual([...Array.from({ length: 216 }, (_, i) => i + 1), 224, 228]);
    expect(FIELD_IDS).toHaveLength(218);
  });

  it('expands CallVar1 through CallVar10', () => {
    for (let i = 1; i <= 10; i++) expect(fieldIdName(12 + i)).toBe(`CallVar${i}`);
  });

  it('spot checks', () => {
    expect(fieldIdName(1)).toBe('ClientID');
    expect(fieldIdName(5)).toBe('reserved');
    expect(fieldIdName(62)).toBe('CSQID');
    expect(fieldIdName(82)).toBe('NamedVariable');
    expect(fieldIdName(83)).toBe('NamedArray');
    expect(fieldIdName(133)).toBe('ApplicationName or CSQName');
    expect(fieldIdName(184)).toBe('CSQID, ApplicationID, or DeviceField0');
    expect(fieldIdName(194)).toBe('AgentID');
    expect(fieldIdName(202)).toBe('SecondaryConnectionCallID');
    expect(fieldIdName(208)).toBe('FltPeripheralID');
    expect(fieldIdName(216)).toBe('reserved');
    expect(fieldIdName(224)).toBe('MultilineAgentControl');
    expect(fieldIdName(228)).toBe('NumPeripherals');
    for (const id of [0, 217, 223, 225, 227, 229]) expect(fieldIdName(id)).toBeUndefined();
  });

  it('reserved count', () => {
    // Sum of the reserved rows of Table 188: 5, 48, 51, 54-55, 63-64, 66, 68-77, 79-80, 84, 86,
    // 88-89, 92-94, 97-108, 109-122, 124-125, 127-128, 130-131, 135-136, 139-149, 151-172,
    // 174-176, 181-182, 186-188, 192, 196-200, 201, 203, 207, 209-216.
    expect(FIELD_IDS.filter((e) => e.name === 'reserved')).toHaveLength(119);
  });
});
