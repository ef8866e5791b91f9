/**
 * encode(): a message of named fields → bytes, driven only by the compiled table.
 * Floating fields are written in the order of the `fields` object, so a decoded canonical
 * message encodes back to its original bytes.
 */
import { messageDefByName, undefinedMessageByName } from '../messages/index.js';
import type { FieldRecord, FieldValue, NamedArrayValue, NamedVariableValue } from './decode.js';
import { HEADER_LENGTH, REDACTED } from './framing.js';
import { Kind, planByName, type FieldSlot, type FixedLayout, type FixedSlot, type MessagePlan, type ScopePlan } from './plan.js';
import { ByteWriter, fromHex } from './wire.js';

/** A message that can be encoded: what decode() returns, or the same written by hand. */
export interface EncodableMessage {
  readonly type: string;
  readonly fields: FieldRecord;
  /** Wire order of the top-level floating fields, when not the order of `fields`. */
  readonly floatingOrder?: readonly string[];
  readonly extras?: ReadonlyArray<{ readonly id: number; readonly hex: string }>;
  /** Body of a message type without a body definition. */
  readonly bodyHex?: string;
}

/** The message cannot be represented on the wire as given. */
export class EncodeError extends Error {
  override readonly name = 'EncodeError';
}

/** The writer every encode() fills (encode is not re-entrant; the result is a copy). */
const scratch = new ByteWriter();

export function encode(message: EncodableMessage): Uint8Array {
  const plan = planByName(message.type);
  if (!plan) return encodeOpaque(message);
  return write(plan, message).result();
}

/**
 * encode() without the copy: the bytes as a Buffer over the encoder's scratch memory, valid
 * only until the next encode — for a caller that decodes them at once (a high-level trace
 * made into a message); the decoder keeps no view of its input.
 */
export function encodeTransient(message: EncodableMessage): Buffer {
  const plan = planByName(message.type);
  if (!plan) {
    const bytes = encodeOpaque(message);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return write(plan, message).view();
}

/** The message written into the scratch writer. */
function write(plan: MessagePlan, message: EncodableMessage): ByteWriter {
  const w = scratch;
  w.reset();
  w.u32(0);
  w.u32(plan.def.id);
  const layout = layoutFor(plan, message.fields);
  writeFixed(w, layout, message.fields, message.type);
  writeScope(w, plan.top, message.fields, plan.fixedNames, message.type, message.floatingOrder);
  for (const extra of message.extras ?? []) {
    const data = fromHex(extra.hex);
    if (!data) throw new EncodeError(`extra field ${extra.id}: "${extra.hex}" is not hex`);
    writeTlv(w, extra.id, data, `extra field ${extra.id}`);
  }
  w.patchU32(0, w.length - HEADER_LENGTH);
  return w;
}

function encodeOpaque(message: EncodableMessage): Uint8Array {
  const match = /^(?:RESERVED|UNKNOWN)_(\d+)$/.exec(message.type);
  const id = match ? Number(match[1]) : undefinedMessageByName(message.type)?.id;
  if (id === undefined || !Number.isInteger(id) || id < 0 || id > 0xffffffff || messageDefByName(message.type)) {
    throw new EncodeError(`unknown message type ${JSON.stringify(message.type)}`);
  }
  const body = fromHex(message.bodyHex ?? '');
  if (!body) throw new EncodeError(`${message.type}: bodyHex is not hex`);
  const w = new ByteWriter();
  w.u32(body.length);
  w.u32(id);
  w.bytes(body);
  return w.result();
}

/** The newest layout whose version-specific fields are all present (the base layout otherwise). */
function layoutFor(plan: MessagePlan, fields: FieldRecord): FixedLayout {
  for (const layout of plan.layouts) {
    if (layout.slots.every((s) => s.def.since === undefined || fields[s.name] !== undefined)) return layout;
  }
  return plan.layouts[plan.layouts.length - 1]!;
}

const RANGES: Readonly<Partial<Record<Kind, readonly [number, number]>>> = {
  [Kind.CHAR]: [-128, 127],
  [Kind.UCHAR]: [0, 0xff],
  [Kind.SHORT]: [-0x8000, 0x7fff],
  [Kind.USHORT]: [0, 0xffff],
  [Kind.INT]: [-0x80000000, 0x7fffffff],
  [Kind.UINT]: [0, 0xffffffff],
  [Kind.TIME]: [0, 0xffffffff],
};

/** Bytes a number of this kind takes on the wire. */
function numberSize(kind: Kind): number {
  return kind === Kind.CHAR || kind === Kind.UCHAR ? 1 : kind === Kind.SHORT || kind === Kind.USHORT || kind === Kind.BOOL ? 2 : 4;
}

/** `type.name`, the field an EncodeError names (made only when one is thrown). */
function fieldName(type: string, name: string): string {
  return `${type}.${name}`;
}

function writeNumber(w: ByteWriter, kind: Kind, value: FieldValue, type: string, name: string): void {
  if (kind === Kind.BOOL) {
    if (typeof value !== 'boolean') throw new EncodeError(`${fieldName(type, name)}: a BOOL must be true or false, not ${JSON.stringify(value)}`);
    w.u16(value ? 1 : 0);
    return;
  }
  const range = RANGES[kind]!;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range[0] || value > range[1]) {
    throw new EncodeError(`${fieldName(type, name)}: ${JSON.stringify(value)} is not an integer in ${range[0]}…${range[1]}`);
  }
  if (kind === Kind.CHAR || kind === Kind.UCHAR) w.u8(value);
  else if (kind === Kind.SHORT || kind === Kind.USHORT) w.u16(value);
  else w.u32(value >>> 0);
}

function writeFixed(w: ByteWriter, layout: FixedLayout, fields: FieldRecord, type: string): void {
  for (const slot of layout.slots) {
    let value = fields[slot.name];
    if (value === undefined) {
      if (!slot.reserved) throw new EncodeError(`${fieldName(type, slot.name)}: fixed field missing`);
      value = slot.documented ?? defaultFor(slot);
    }
    if (slot.kind === Kind.UNSPEC) {
      const bytes = typeof value === 'string' ? fromHex(value) : undefined;
      if (!bytes || bytes.length !== slot.size) throw new EncodeError(`${fieldName(type, slot.name)}: expected ${slot.size} bytes as hex`);
      w.bytes(bytes);
    } else {
      writeNumber(w, slot.kind, value, type, slot.name);
    }
  }
}

function defaultFor(slot: FixedSlot): FieldValue {
  if (slot.kind === Kind.BOOL) return false;
  if (slot.kind === Kind.UNSPEC) return '00'.repeat(slot.size);
  return 0;
}

function writeScope(
  w: ByteWriter,
  scope: ScopePlan,
  obj: FieldRecord,
  skip: ReadonlySet<string> | undefined,
  type: string,
  order?: readonly string[],
): void {
  const keys = order ? [...order, ...Object.keys(obj).filter((k) => !order.includes(k))] : Object.keys(obj);
  for (const key of keys) {
    const value = obj[key];
    if (skip?.has(key) || value === undefined) continue;
    const item = scope.itemByKey.get(key);
    if (item === undefined) throw new EncodeError(`${type}: ${key} is not a field of ${scope.group ? `a ${scope.key} record` : type}`);
    if ('itemByKey' in item) {
      if (!Array.isArray(value)) throw new EncodeError(`${type}.${key}: expected an array of records`);
      for (const record of value) {
        if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new EncodeError(`${type}.${key}: a record must be an object`);
        writeScope(w, item, record as FieldRecord, undefined, type);
      }
      continue;
    }
    if (item.repeats) {
      if (!Array.isArray(value)) throw new EncodeError(`${type}.${key}: expected an array`);
      for (const element of value) writeField(w, item, element, type);
    } else {
      writeField(w, item, value, type);
    }
  }
}

function writeField(w: ByteWriter, slot: FieldSlot, value: FieldValue, type: string): void {
  const id = slot.def.id;
  if (slot.def.secret && value === REDACTED) throw new EncodeError(`${fieldName(type, slot.name)}: the value is redacted; decode with showSecrets to re-encode it`);
  switch (slot.kind) {
    case Kind.STRING: {
      if (typeof value !== 'string') throw new EncodeError(`${fieldName(type, slot.name)}: expected a string`);
      const at = openTlv(w, id);
      closeTlv(w, at, w.utf8z(value), type, slot.name);
      return;
    }
    case Kind.UNSPEC: {
      const bytes = typeof value === 'string' ? fromHex(value) : undefined;
      if (!bytes) throw new EncodeError(`${fieldName(type, slot.name)}: expected lowercase hex`);
      writeTlv(w, id, bytes, fieldName(type, slot.name));
      return;
    }
    case Kind.NAMEDVAR: {
      const v = value as Partial<NamedVariableValue>;
      if (typeof v !== 'object' || typeof v.VariableName !== 'string' || typeof v.VariableValue !== 'string') {
        throw new EncodeError(`${fieldName(type, slot.name)}: expected { VariableName, VariableValue }`);
      }
      const at = openTlv(w, id);
      const n = w.utf8z(v.VariableName);
      closeTlv(w, at, n + w.utf8z(v.VariableValue), type, slot.name);
      return;
    }
    case Kind.NAMEDARRAY: {
      const v = value as Partial<NamedArrayValue>;
      if (typeof v !== 'object' || typeof v.VariableIndex !== 'number' || typeof v.VariableName !== 'string' || typeof v.VariableValue !== 'string') {
        throw new EncodeError(`${fieldName(type, slot.name)}: expected { VariableIndex, VariableName, VariableValue }`);
      }
      if (!Number.isInteger(v.VariableIndex) || v.VariableIndex < 0 || v.VariableIndex > 255) throw new EncodeError(`${fieldName(type, slot.name)}: VariableIndex is a UCHAR`);
      const at = openTlv(w, id);
      w.u8(v.VariableIndex);
      const n = w.utf8z(v.VariableName);
      closeTlv(w, at, 1 + n + w.utf8z(v.VariableValue), type, slot.name);
      return;
    }
    default: {
      // Checked before anything is written: the number's size is the kind's.
      w.u8(id);
      w.u8(numberSize(slot.kind));
      writeNumber(w, slot.kind, value, type, slot.name);
    }
  }
}

/** Writes a TLV's id and a length to patch; returns where the length byte is. */
function openTlv(w: ByteWriter, id: number): number {
  w.u8(id);
  w.u8(0);
  return w.length - 1;
}

/** Patches the length of a TLV opened by openTlv, `length` bytes of data after it. */
function closeTlv(w: ByteWriter, at: number, length: number, type: string, name: string): void {
  if (length > 255) throw new EncodeError(`${fieldName(type, name)}: ${length} bytes do not fit a floating field (255 at most)`);
  w.patchU8(at, length);
}

function writeTlv(w: ByteWriter, id: number, data: Uint8Array, what: string): void {
  if (data.length > 255) throw new EncodeError(`${what}: ${data.length} bytes do not fit a floating field (255 at most)`);
  w.u8(id);
  w.u8(data.length);
  w.bytes(data);
}
