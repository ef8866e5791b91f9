/**
 * How the MIVR high-level traces (guide chapter 11) name things, mapped onto the message table.
 *
 * The guide warns that "some field names used in a Unified CCX high-level trace log file are
 * different from the ones used in this document" and that some fields a trace names are
 * reserved in the tables. This file is that correspondence, as data kept beside the table:
 * everything chapter 11 prints is listed (test/protocol/trace-names.test.ts checks every key
 * and symbolic value of the chapter against it); any other name is matched to the table's field
 * names without regard to case (`numNamedArrays` → `NumNamedArrays`).
 *
 * Decisions (docs/spec-notes.md 7.3): `ani2` is `ani` with the PDF's footnote marker 2, like
 * the flows' `ANI³`; trailing superscript digits are footnote markers too.
 */

/** Trace field name (any case) → the table's field name, for every message. */
export const TRACE_FIELD_ALIASES: Readonly<Record<string, string>> = {
  // Example 1 (high-level trace of a BEGIN_CALL_EVENT)
  connectionCallID: 'CallID',
  ani2: 'ANI', // footnote marker 2 of the PDF (spec-notes 7.3)
  dnis: 'DNIS',
  dialedNumber: 'DialedNumber',
  callerEnteredDigits: 'CallerEnteredDigits',
  calledPartyDisposition: 'CalledPartyDisposition',
  callType: 'CallType',
  connectionDeviceID: 'ConnectionDeviceID',
  numCTIClients: 'NumCTIClients',
  numNamedVars: 'NumNamedVariables',
  numNamedArrays: 'NumNamedArrays',
  callVar1: 'CallVariable1',
  callVar2: 'CallVariable2',
  callVar3: 'CallVariable3',
  callVar4: 'CallVariable4',
  callVar5: 'CallVariable5',
  callVar6: 'CallVariable6',
  callVar7: 'CallVariable7',
  callVar8: 'CallVariable8',
  callVar9: 'CallVariable9',
  callVar10: 'CallVariable10',
  wrapupData: 'CallWrapupData',
  // The call-event flows
  LastRedirectedDeviceType: 'LastRedirectDeviceType',
  LastRedirectedDeviceID: 'LastRedirectDeviceID',
  NewConnectionCallID: 'NewCallID',
  AddedDeviceID: 'AddedPartyDeviceID',
  AlertingDevice: 'AlertingDeviceID',
  ConnectedPartyDCallID: 'ConnectedPartyCallID', // sic, the transfer and conference flows
  CsqID: 'CSQID',
};

/**
 * Names of the call events' first three fixed fields, which the tables mark reserved
 * (`Reserved1` UINT 0, `Reserved2` UINT 1, `Reserved3` USHORT 21): trace name → table name,
 * in every message whose fixed part starts with that reserved prefix.
 */
export const CALL_EVENT_PREFIX_NAMES: Readonly<Record<string, string>> = {
  monitorID: 'Reserved1',
  peripheralID: 'Reserved2',
  peripheralType: 'Reserved3',
};

/** The documented values of that prefix (how a message is recognised as having it). */
export const CALL_EVENT_PREFIX_VALUES: readonly number[] = [0, 1, 21];

/**
 * Names that mean another field in one message only (the field became reserved, or the trace
 * keeps an internal name): message → trace name → table name.
 */
export const TRACE_FIELD_OVERRIDES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // Tables 79/80, revision 1.5: ConnectionDeviceType / ConnectionDeviceID became reserved (spec-notes 5.3).
  CALL_CLEARED_EVENT: { ConnectionDeviceType: 'Reserved4', ConnectionDeviceID: 'Reserved_25' },
  // The outbound flows print QueryRuleID where Table 69 has its last reserved UINT.
  CALL_DATA_UPDATE_EVENT: { QueryRuleID: 'Reserved4' },
};

/**
 * Constant tables for the symbolic values of reserved fields that a trace still prints under
 * their old name: message → field → table (`ConnectionDeviceType: CONNECTION_ID_STATIC` in a
 * CALL_CLEARED_EVENT is Reserved4 = 0).
 */
export const TRACE_VALUE_TABLES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  CALL_CLEARED_EVENT: { Reserved4: 'ConnectionDeviceType' },
};

/** Keys that introduce an expanded-call-context block: its variables are NamedVariable fields. */
export const ECC_KEYS: readonly string[] = ['ExpandedCallContxt', 'ExpandedCallContext', 'ECC'];

/** The field the variables of an expanded-call-context block become. */
export const ECC_FIELD = 'NamedVariable';

/**
 * Symbolic values the traces print that the constant tables spell differently: printed name →
 * the table's name. Applied only where the table has that name.
 */
export const TRACE_VALUE_ALIASES: Readonly<Record<string, string>> = {
  // Table 189 has DEVID_AGENT_DEVICE (76); the outbound flows print the longer name.
  DEVID_AGENT_DEVICE_IDENTIFIER: 'DEVID_AGENT_DEVICE',
  // Table 190's LCS_ALERTING, printed "LCS_ALERTIN" (sic).
  LCS_ALERTIN: 'LCS_ALERTING',
  // Agent states as the outbound flows print them (Table 3 names them AGENT_STATE_*).
  AVAILABLE: 'AGENT_STATE_READY',
  WORK_NOT_READY: 'AGENT_STATE_WORK',
};

/** Words that stand for the NULL value of a numeric field: every bit set (0xFFFFFFFF, 0xFFFF…). */
export const NULL_VALUE_WORDS: readonly string[] = ['N/A'];

/**
 * Message names as traces may print them, when not the guide's (`CallDequeuedEvent`): the
 * generic rule turns CamelCase into the guide's upper-case form; this lists the exceptions.
 */
export const TRACE_MESSAGE_ALIASES: Readonly<Record<string, string>> = {};

/** Trailing footnote markers of the PDF (`ANI³`). */
export const FOOTNOTE_MARKERS = /[\u00b9\u00b2\u00b3\u2070-\u2079]+$/;
