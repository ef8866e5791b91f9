/**
 * Small constructors that keep the message table (`messages/*.ts`) short and readable.
 * They only build plain data of the types in `types.ts`; no behaviour lives here.
 */
import {
  WIRE_TYPE_SIZE,
  type DocumentedValue,
  type FixedFieldDef,
  type FixedWireType,
  type FloatingFieldDef,
  type FloatingItemDef,
  type FloatingWireType,
  type MessageDef,
  type Presence,
  type RecordGroupDef,
} from './types.js';

interface FixedOptions {
  /** Name as printed, when it differs from the JSON name. */
  readonly guideName?: string;
  readonly values?: string;
  readonly since?: number;
  /** Byte size, only for fixed UNSPEC. */
  readonly size?: number;
}

function fixedSize(type: FixedWireType, size: number | undefined): number {
  if (type === 'UNSPEC') {
    if (size === undefined) throw new Error('fixed UNSPEC needs a size');
    return size;
  }
  return WIRE_TYPE_SIZE[type];
}

/** A named fixed field. */
export function f(name: string, type: FixedWireType, doc: string, options: FixedOptions = {}): FixedFieldDef {
  return {
    kind: 'fixed',
    name,
    guideName: options.guideName ?? name,
    type,
    size: fixedSize(type, options.size),
    ...(options.values !== undefined ? { values: options.values } : {}),
    ...(options.since !== undefined ? { since: options.since } : {}),
    doc,
  };
}

const RESERVED_PLACEHOLDER = '';

/**
 * A reserved fixed field with its documented value. Its JSON name (`Reserved<n>`) is given
 * by `message()`, which numbers the reserved fields of a message in order.
 */
export function r(type: FixedWireType, value: DocumentedValue | undefined, options: FixedOptions & { readonly doc?: string } = {}): FixedFieldDef {
  return {
    kind: 'fixed',
    name: RESERVED_PLACEHOLDER,
    guideName: options.guideName ?? 'reserved',
    type,
    size: fixedSize(type, options.size),
    reserved: value === undefined ? {} : { value },
    ...(options.values !== undefined ? { values: options.values } : {}),
    ...(options.since !== undefined ? { since: options.since } : {}),
    doc: options.doc ?? reservedDoc(value),
  };
}

function reservedDoc(value: DocumentedValue | undefined): string {
  return value === undefined ? 'Reserved; the guide says to ignore the value.' : `Reserved; the guide documents the value ${describeValue(value)}.`;
}

function describeValue(value: DocumentedValue): string {
  if (typeof value === 'number') {
    return value > 9 ? `${value} (0x${value.toString(16)})` : String(value);
  }
  return JSON.stringify(value);
}

interface FloatingOptions {
  readonly guideName?: string;
  readonly values?: string;
  readonly since?: number;
  readonly deviceId?: boolean;
  readonly secret?: boolean;
  readonly display?: 'int64';
  readonly repeats?: { readonly max?: number; readonly countedBy: string };
}

/** A floating field: FieldDataID, JSON name, wire type, maximum data size, presence. */
export function fl(
  id: number,
  name: string,
  type: FloatingWireType,
  maxSize: number,
  presence: Presence,
  doc: string,
  options: FloatingOptions = {},
): FloatingFieldDef {
  return {
    kind: 'floating',
    id,
    name,
    guideName: options.guideName ?? name,
    type,
    maxSize,
    presence,
    ...(options.values !== undefined ? { values: options.values } : {}),
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.deviceId ? { deviceId: true } : {}),
    ...(options.secret ? { secret: true } : {}),
    ...(options.display !== undefined ? { display: options.display } : {}),
    ...(options.repeats !== undefined ? { repeats: options.repeats } : {}),
    doc,
  };
}

/** A reserved floating field (`Reserved_<id>`) with its documented value. */
export function flr(
  id: number,
  type: FloatingWireType,
  maxSize: number,
  value: DocumentedValue | undefined,
  presence: Presence = 'unspecified',
  options: { readonly since?: number; readonly doc?: string } = {},
): FloatingFieldDef {
  return {
    kind: 'floating',
    id,
    name: `Reserved_${id}`,
    guideName: `reserved[${id}]`,
    type,
    maxSize,
    presence,
    reserved: value === undefined ? {} : { value },
    ...(options.since !== undefined ? { since: options.since } : {}),
    doc: options.doc ?? reservedDoc(value),
  };
}

/** A record of floating fields that occurs once per element of the array `key`. */
export function group(
  key: string,
  countedBy: string,
  max: number | undefined,
  doc: string,
  members: ReadonlyArray<FloatingFieldDef | RecordGroupDef>,
): RecordGroupDef {
  return { kind: 'group', key, countedBy, ...(max !== undefined ? { max } : {}), members, doc };
}

type MessageInput = Omit<MessageDef, 'fixed' | 'floating'> & {
  readonly fixed: readonly FixedFieldDef[];
  readonly floating?: readonly FloatingItemDef[];
};

/** A message definition; numbers its reserved fixed fields `Reserved1`, `Reserved2`, … */
export function message(input: MessageInput): MessageDef {
  let reservedCount = 0;
  const fixed = input.fixed.map((field) => {
    if (field.reserved === undefined || field.name !== RESERVED_PLACEHOLDER) return field;
    reservedCount += 1;
    return { ...field, name: `Reserved${reservedCount}` };
  });
  return { ...input, fixed, floating: input.floating ?? [] };
}

// ---------------------------------------------------------------------------------------
// Pieces many messages share, written once.
// ---------------------------------------------------------------------------------------

const PRIMARY_ACTUAL = ' In version 14 it may take the Primary.Actual form (for example 1000.1001).';

/** A device-ID STRING field that follows the version-14 Primary.Actual rules. */
export function device(id: number, name: string, maxSize: number, presence: Presence, doc: string, options: FloatingOptions = {}): FloatingFieldDef {
  return fl(id, name, 'STRING', maxSize, presence, doc + PRIMARY_ACTUAL, { ...options, deviceId: true });
}

/** InvokeID of a request. */
export const invokeIdRequest = (): FixedFieldDef =>
  f('InvokeID', 'UINT', 'A unique ID generated by the CTI client for each request message; returned in the corresponding confirmation.');

/** InvokeID of a confirmation. */
export const invokeIdConfirmation = (): FixedFieldDef =>
  f('InvokeID', 'UINT', 'The InvokeID of the corresponding request message.');

/** CallVariable1 … CallVariable10 (FieldDataIDs 13–22), STRING 40, optional. */
export function callVariables(docSuffix = ''): FloatingFieldDef[] {
  const fields: FloatingFieldDef[] = [];
  for (let n = 1; n <= 10; n++) {
    fields.push(fl(12 + n, `CallVariable${n}`, 'STRING', 40, 'optional', `Call-related variable data.${docSuffix}`));
  }
  return fields;
}

/** CallWrapupData[46], STRING 40, optional. */
export const callWrapupData = (doc = 'Call-related wrapup data.'): FloatingFieldDef =>
  fl(46, 'CallWrapupData', 'STRING', 40, 'optional', doc);

/** NamedVariable[82] and NamedArray[83], counted by NumNamedVariables / NumNamedArrays. */
export function namedVariablesAndArrays(): FloatingFieldDef[] {
  return [
    fl(82, 'NamedVariable', 'NAMEDVAR', 251, 'optional', 'Call-related variable data that has a variable name defined in the Unified CCX Editor (Table 186).', {
      repeats: { countedBy: 'NumNamedVariables' },
    }),
    fl(83, 'NamedArray', 'NAMEDARRAY', 252, 'optional', 'Call-related variable data that has an array variable name defined in the Unified CCX Editor (Table 187).', {
      repeats: { countedBy: 'NumNamedArrays' },
    }),
  ];
}

/** The count fields of named variables and arrays (fixed part). */
export const numNamedVariables = (): FixedFieldDef =>
  f('NumNamedVariables', 'USHORT', 'The number of NamedVariable floating fields present in the floating part of the message.');
export const numNamedArrays = (): FixedFieldDef =>
  f('NumNamedArrays', 'USHORT', 'The number of NamedArray floating fields present in the floating part of the message.');

/** The ConnectedParty triples of conference and transfer messages (IDs 39, 40, 41). */
export function connectedParties(countedBy: string): RecordGroupDef {
  return group('ConnectedParties', countedBy, 16, 'One record per active connection of the call.', [
    fl(39, 'ConnectedPartyCallID', 'UINT', 4, 'optional', 'The Call ID value assigned to one of the call parties.', { values: 'CallIDSpecial' }),
    fl(40, 'ConnectedPartyDeviceType', 'USHORT', 2, 'optional', 'The type of the following ConnectedPartyDeviceID.', {
      values: 'ConnectionDeviceType',
    }),
    device(41, 'ConnectedPartyDeviceID', 64, 'optional', 'The device ID of one of the call parties.'),
  ]);
}

/** The agent-state CSQ records (IDs 62, 63, 64, 65). */
export function agentCsqRecords(max: number, reserved63: number): RecordGroupDef {
  return group('CSQs', 'NumCSQs', max, 'One record per CSQ whose agent state is reported.', [
    fl(62, 'CSQID', 'UINT', 4, 'unspecified', 'The ID of the CSQ affected by the state change.', { values: 'CSQIDSpecial' }),
    flr(63, 'UINT', 4, reserved63),
    flr(64, 'USHORT', 2, 0),
    fl(65, 'CSQState', 'USHORT', 2, 'unspecified', 'The state of the agent with respect to the CSQ (Table 3).', { values: 'AgentState' }),
  ]);
}

/** The first three fixed fields of every call event: reserved 0, 1 and 21. */
export function callEventPrefix(): FixedFieldDef[] {
  return [r('UINT', 0), r('UINT', 1), r('USHORT', 21)];
}

/** ConnectionDeviceType fixed field (Table 193). */
export const connectionDeviceType = (doc = 'The type of device ID supplied in the ConnectionDeviceID floating field.'): FixedFieldDef =>
  f('ConnectionDeviceType', 'USHORT', doc, { values: 'ConnectionDeviceType' });

/** CallID fixed field. */
export const callId = (doc = 'The Call ID value assigned to this call by Unified CCX.'): FixedFieldDef =>
  f('CallID', 'UINT', doc, { values: 'CallIDSpecial' });

/** A DeviceType fixed field (Table 189) for the named floating device ID. */
export const deviceType = (name: string, target: string): FixedFieldDef =>
  f(name, 'USHORT', `Indicates the type of the device ID supplied in the ${target} floating field.`, { values: 'DeviceType' });

export const localConnectionState = (): FixedFieldDef =>
  f('LocalConnectionState', 'USHORT', 'The local end state of the connection (Table 190).', { values: 'LocalConnectionState' });

export const eventCause = (): FixedFieldDef =>
  f('EventCause', 'USHORT', 'A reason or explanation for the event occurrence (Table 191).', { values: 'EventCause' });

/** ConnectionDeviceID[25]. */
export const connectionDeviceId = (presence: Presence = 'required', doc = 'The ID of the connection between the call and the device.'): FloatingFieldDef =>
  device(25, 'ConnectionDeviceID', 64, presence, doc);

/** AgentInstrument[6]. */
export const agentInstrument = (presence: Presence = 'optional', doc = "The agent's IP phone number."): FloatingFieldDef =>
  fl(6, 'AgentInstrument', 'STRING', 64, presence, doc);

export const agentExtension = (presence: Presence = 'optional', doc = "The agent's IP phone extension."): FloatingFieldDef =>
  fl(4, 'AgentExtension', 'STRING', 16, presence, doc);

export const agentId = (presence: Presence = 'optional', doc = "The agent's Unified CCX login ID."): FloatingFieldDef =>
  fl(194, 'AgentID', 'STRING', 32, presence, doc);

export const text = (maxSize: number, presence: Presence, doc: string): FloatingFieldDef => fl(7, 'Text', 'STRING', maxSize, presence, doc);
