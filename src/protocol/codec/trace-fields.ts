/**
 * Which field of a message a trace key names: the trace names of `trace-names.ts` (per-message
 * overrides, the call events' reserved prefix, aliases) first, then the table's own names
 * without regard to case. Compiled once per message type from its plan.
 */
import {
  CALL_EVENT_PREFIX_NAMES,
  CALL_EVENT_PREFIX_VALUES,
  ECC_FIELD,
  ECC_KEYS,
  FOOTNOTE_MARKERS,
  TRACE_FIELD_ALIASES,
  TRACE_FIELD_OVERRIDES,
  TRACE_MESSAGE_ALIASES,
  TRACE_VALUE_TABLES,
} from '../trace-names.js';
import { labelTable, planById, planByName, type FieldSlot, type FixedSlot, type LabelTable, type MessagePlan, type ScopePlan } from './plan.js';

export type TraceTarget =
  /** A fixed field (in at least one of the message's layouts). */
  | { readonly kind: 'fixed'; readonly name: string; readonly slot: FixedSlot; /** Names of its values (the slot's, or TRACE_VALUE_TABLES'). */ readonly labels: LabelTable | undefined }
  /** A floating field at the message's top level. */
  | { readonly kind: 'field'; readonly slot: FieldSlot }
  /** A member of a record of the top level (`CsqID[0]` → CSQs[0].CSQID). */
  | { readonly kind: 'member'; readonly group: ScopePlan; readonly slot: FieldSlot };

export interface TraceFieldIndex {
  readonly plan: MessagePlan;
  /** The field a trace key names (`indexed`: written with `[n]`), or undefined. */
  resolve(key: string, indexed: boolean): TraceTarget | undefined;
  /** The NamedVariable field an expanded-call-context block fills, if the message has one. */
  readonly ecc: FieldSlot | undefined;
}

const lower = (s: string): string => s.toLowerCase();

function lowerKeys(map: Readonly<Record<string, string>>): Map<string, string> {
  return new Map(Object.entries(map).map(([k, v]) => [lower(k), v]));
}

const ALIASES = lowerKeys(TRACE_FIELD_ALIASES);
const PREFIX = lowerKeys(CALL_EVENT_PREFIX_NAMES);
const OVERRIDES = new Map(Object.entries(TRACE_FIELD_OVERRIDES).map(([m, map]) => [m, lowerKeys(map)]));
const ECC_NAMES = new Set(ECC_KEYS.map(lower));

/** Whether the message's fixed part starts with the call events' reserved prefix (0, 1, 21). */
function hasCallEventPrefix(plan: MessagePlan): boolean {
  const slots = plan.layouts[plan.layouts.length - 1]!.slots;
  return CALL_EVENT_PREFIX_VALUES.every((v, i) => slots[i] !== undefined && slots[i].reserved && slots[i].documented === v);
}

/** Whether a key introduces an expanded-call-context block. */
export function isEccKey(key: string): boolean {
  return ECC_NAMES.has(lower(key));
}

/** A key without the PDF's footnote markers (`ANI³` → `ANI`). */
export function withoutFootnote(key: string): string {
  return key.replace(FOOTNOTE_MARKERS, '');
}

function compile(plan: MessagePlan): TraceFieldIndex {
  const byName = new Map<string, TraceTarget>();
  const members = new Map<string, TraceTarget>();
  const valueTables = TRACE_VALUE_TABLES[plan.def.name] ?? {};
  for (const layout of plan.layouts) {
    for (const slot of layout.slots) {
      const labels = slot.labels ?? labelTable(valueTables[slot.name]);
      if (!byName.has(lower(slot.name))) byName.set(lower(slot.name), { kind: 'fixed', name: slot.name, slot, labels });
    }
  }
  for (const [key, item] of plan.top.itemByKey) {
    if ('itemByKey' in item) {
      for (const [member, slot] of item.itemByKey) {
        if (!('itemByKey' in slot) && !members.has(lower(member))) members.set(lower(member), { kind: 'member', group: item, slot });
      }
    } else if (!byName.has(lower(key))) {
      byName.set(lower(key), { kind: 'field', slot: item });
    }
  }
  const overrides = OVERRIDES.get(plan.def.name);
  const prefix = hasCallEventPrefix(plan);
  const cache = new Map<string, TraceTarget | null>();
  const eccItem = plan.top.itemByKey.get(ECC_FIELD);
  return {
    plan,
    ecc: eccItem !== undefined && !('itemByKey' in eccItem) ? eccItem : undefined,
    resolve(key: string, indexed: boolean): TraceTarget | undefined {
      const cacheKey = indexed ? `${key}[]` : key;
      const cached = cache.get(cacheKey);
      if (cached !== undefined) return cached ?? undefined;
      const k = lower(withoutFootnote(key));
      const name = lower(overrides?.get(k) ?? (prefix ? PREFIX.get(k) : undefined) ?? ALIASES.get(k) ?? k);
      // An indexed key (`CsqID[0]`) names a record member first; a plain key a field first.
      const target = indexed ? (members.get(name) ?? byName.get(name)) : (byName.get(name) ?? members.get(name));
      if (cache.size < 512) cache.set(cacheKey, target ?? null);
      return target;
    },
  };
}

const indexes = new Map<string, TraceFieldIndex>();

/** The field index of a message type (by the guide's name). */
export function traceFieldIndex(type: string): TraceFieldIndex | undefined {
  let index = indexes.get(type);
  if (index) return index;
  const plan = planByName(type);
  if (!plan) return undefined;
  index = compile(plan);
  indexes.set(type, index);
  return index;
}

const messageNames = new Map<string, string | null>();

/**
 * The guide's message name for a name as a trace prints it: `BEGIN_CALL_EVENT`,
 * `CallDequeuedEvent`, `Call_DATA_UPDATE_EVENT`, `callDequeuedEvent`, or the MessageTypeID.
 */
export function messageNameFromTrace(written: string): string | undefined {
  const cached = messageNames.get(written);
  if (cached !== undefined) return cached ?? undefined;
  const found = lookupMessageName(written.trim());
  if (messageNames.size < 1024) messageNames.set(written, found ?? null);
  return found;
}

function lookupMessageName(name: string): string | undefined {
  if (planByName(name)) return name;
  const alias = TRACE_MESSAGE_ALIASES[name];
  if (alias !== undefined) return alias;
  if (/^\d{1,10}$/.test(name)) return planById(Number(name))?.def.name;
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toUpperCase();
  return planByName(snake) ? snake : undefined;
}
