/**
 * fast-check arbitraries of CTI messages, generated from the message table: every message
 * type, every layout, random subsets and orders of floating fields, records and repeats.
 */
import fc from 'fast-check';
import type { FieldRecord, FieldValue } from '../../src/protocol/codec/decode.js';
import type { EncodableMessage } from '../../src/protocol/codec/encode.js';
import { Kind, planByName, type FieldSlot, type FixedLayout, type FixedSlot, type MessagePlan, type ScopePlan } from '../../src/protocol/codec/plan.js';
import { MESSAGE_DEFS } from '../../src/protocol/messages/index.js';

export interface GeneratedMessage {
  readonly message: EncodableMessage;
  /** The protocol version whose layout the message uses. */
  readonly version: number;
}

const utf8 = new TextEncoder();
const byteLength = (s: string): number => utf8.encode(s).length;

/** Text without NUL whose UTF-8 form has at most `maxBytes` bytes. */
export function textArb(maxBytes: number): fc.Arbitrary<string> {
  return fc
    .string({ unit: fc.oneof(fc.constantFrom('a', 'Z', '0', '9', ' ', '.', '-', '_', '#'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: Math.max(0, maxBytes) })
    .map((s) => s.replace(/\u0000/g, ''))
    .filter((s) => byteLength(s) <= maxBytes);
}

const hexArb = (maxBytes: number): fc.Arbitrary<string> =>
  fc.uint8Array({ maxLength: maxBytes }).map((b) => Buffer.from(b).toString('hex'));

const RANGES: Readonly<Partial<Record<Kind, readonly [number, number]>>> = {
  [Kind.CHAR]: [-128, 127],
  [Kind.UCHAR]: [0, 0xff],
  [Kind.SHORT]: [-0x8000, 0x7fff],
  [Kind.USHORT]: [0, 0xffff],
  [Kind.INT]: [-0x80000000, 0x7fffffff],
  [Kind.UINT]: [0, 0xffffffff],
  [Kind.TIME]: [0, 0xffffffff],
};

function numberArb(kind: Kind): fc.Arbitrary<number | boolean> {
  if (kind === Kind.BOOL) return fc.boolean();
  const [min, max] = RANGES[kind]!;
  return fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max, Math.max(min, 0)));
}

function fixedArb(slot: FixedSlot): fc.Arbitrary<FieldValue> {
  if (slot.kind === Kind.UNSPEC) return fc.uint8Array({ minLength: slot.size, maxLength: slot.size }).map((b) => Buffer.from(b).toString('hex'));
  const random = numberArb(slot.kind);
  if (slot.documented === undefined) return random;
  return fc.oneof({ weight: 3, arbitrary: fc.constant(slot.documented as FieldValue) }, { weight: 1, arbitrary: random });
}

function floatingValueArb(slot: FieldSlot): fc.Arbitrary<FieldValue> {
  const max = Math.min(slot.def.maxSize, 255);
  switch (slot.kind) {
    case Kind.STRING:
      return textArb(max - 1);
    case Kind.UNSPEC:
      return hexArb(max);
    case Kind.NAMEDVAR:
      return fc
        .record({ VariableName: textArb(32), VariableValue: textArb(210) })
        .filter((v) => byteLength(v.VariableName) + byteLength(v.VariableValue) + 2 <= 251);
    case Kind.NAMEDARRAY:
      return fc
        .record({ VariableIndex: fc.integer({ min: 0, max: 255 }), VariableName: textArb(32), VariableValue: textArb(210) })
        .filter((v) => byteLength(v.VariableName) + byteLength(v.VariableValue) + 3 <= 252);
    default:
      return numberArb(slot.kind);
  }
}

type Unit = { readonly key: string; readonly value: FieldValue };

/**
 * One scope's floating content: a random subset of its items. Records keep their members in
 * table order and always start with their first member, so consecutive records are
 * distinguishable on the wire (as in every real message of the guide).
 */
function scopeArb(scope: ScopePlan, isRecord: boolean, shuffle: boolean): fc.Arbitrary<Unit[]> {
  const parts: fc.Arbitrary<Unit[]>[] = [];
  const handledIds = new Set<number>();
  scope.fields.forEach((slot, index) => {
    if (slot.repeats) {
      parts.push(fc.array(floatingValueArb(slot), { maxLength: 3 }).map((values) => (values.length ? [{ key: slot.name, value: values }] : [])));
      return;
    }
    if (slot.sameId.length > 1) {
      // Slots sharing a FieldDataID: the k occurrences take the last k slots.
      if (handledIds.has(slot.def.id)) return;
      handledIds.add(slot.def.id);
      const slots = slot.sameId;
      parts.push(
        fc.integer({ min: 0, max: slots.length }).chain((k) =>
          fc.tuple(...slots.slice(slots.length - k).map((s) => floatingValueArb(s).map((value): Unit => ({ key: s.name, value })))),
        ),
      );
      return;
    }
    const unit = floatingValueArb(slot).map((value): Unit[] => [{ key: slot.name, value }]);
    parts.push(isRecord && index === 0 ? unit : fc.option(unit, { nil: undefined }).map((u) => u ?? []));
  });
  for (const child of scope.groups) {
    parts.push(
      fc.array(scopeArb(child, true, false), { maxLength: 3 }).map((records) =>
        records.length ? [{ key: child.key, value: records.map((units) => Object.fromEntries(units.map((u) => [u.key, u.value])) as FieldRecord) }] : [],
      ),
    );
  }
  const all = fc.tuple(...parts).map((lists) => lists.flat());
  if (!shuffle) return all;
  return all.chain((units) => fc.shuffledSubarray(units, { minLength: units.length, maxLength: units.length }));
}

/** Sets every count field of the scope to the number of records / repeats present. */
function fixCounts(scope: ScopePlan, obj: FieldRecord): void {
  for (const slot of scope.fields) {
    if (slot.repeats) {
      const list = obj[slot.name];
      obj[slot.def.repeats!.countedBy] = Array.isArray(list) ? list.length : 0;
    }
  }
  for (const child of scope.groups) {
    const list = obj[child.key];
    const counter = child.group!.countedBy;
    const count = Array.isArray(list) ? list.length : 0;
    if (count > 0 || obj[counter] !== undefined || !scope.itemByKey.has(counter)) obj[counter] = count;
    if (Array.isArray(list)) {
      list.forEach((rec, i) => {
        fixCounts(child, rec as FieldRecord);
        list[i] = inTableOrder(child, rec as FieldRecord);
      });
    }
  }
}

/** A record's members in the table's order (records are canonical only so). */
function inTableOrder(scope: ScopePlan, rec: FieldRecord): FieldRecord {
  const out: FieldRecord = {};
  for (const key of scope.itemByKey.keys()) if (rec[key] !== undefined) out[key] = rec[key];
  return out;
}

function layoutArb(plan: MessagePlan): fc.Arbitrary<FixedLayout> {
  return fc.constantFrom(...plan.layouts);
}

export function messageArbFor(plan: MessagePlan): fc.Arbitrary<GeneratedMessage> {
  return layoutArb(plan).chain((layout) =>
    fc
      .tuple(fc.tuple(...layout.slots.map((s) => fixedArb(s))), scopeArb(plan.top, false, true), fc.boolean())
      .map(([fixedValues, units, consistentCounts]): GeneratedMessage => {
        const fields: FieldRecord = {};
        layout.slots.forEach((s, i) => (fields[s.name] = fixedValues[i]!));
        for (const u of units) fields[u.key] = u.value;
        if (consistentCounts) {
          fixCounts(plan.top, fields);
          // A floating counter set by fixCounts must sit before its records: re-insert in order.
          reorderFloatingCounters(plan.top, fields);
        }
        return { message: { type: plan.def.name, fields }, version: layout.version };
      })
      .filter((g) => estimateBody(g.message.fields) < 60000),
  );
}

/** Floating count fields (NumPeripherals) added by fixCounts go right before their records. */
function reorderFloatingCounters(scope: ScopePlan, obj: FieldRecord): void {
  for (const child of scope.groups) {
    const counter = child.group!.countedBy;
    if (!scope.itemByKey.has(counter) || obj[child.key] === undefined) continue;
    const entries = Object.entries(obj).filter(([k]) => k !== counter);
    const value = obj[counter]!;
    for (const k of Object.keys(obj)) delete obj[k];
    for (const [k, v] of entries) {
      if (k === child.key) obj[counter] = value;
      obj[k] = v;
    }
  }
}

function estimateBody(value: FieldValue): number {
  if (typeof value === 'string') return value.length * 4 + 3;
  if (typeof value !== 'object') return 4;
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + estimateBody(v), 0);
  return Object.values(value).reduce<number>((n, v) => n + estimateBody(v as FieldValue), 0);
}

/** A message of any type of the table. */
export const anyMessageArb: fc.Arbitrary<GeneratedMessage> = fc.constantFrom(...MESSAGE_DEFS.map((d) => d.name)).chain((name) => messageArbFor(planByName(name)!));
