/**
 * Compiles the declarative table into what the decoder and encoder walk: fixed layouts with
 * offsets per protocol version, floating scopes indexed by FieldDataID, label tables.
 * Done once, at first use; the codec itself never looks at the guide's prose.
 */
import { CONSTANT_TABLES } from '../constants.js';
import { MESSAGE_DEFS, fixedLayoutVersions } from '../messages/index.js';
import type {
  ConstTable,
  DocumentedValue,
  FixedFieldDef,
  FixedWireType,
  FloatingFieldDef,
  FloatingItemDef,
  FloatingWireType,
  MessageDef,
  RecordGroupDef,
} from '../types.js';

/** Wire types as small integers for fast switches. */
export const Kind = {
  CHAR: 0,
  UCHAR: 1,
  SHORT: 2,
  USHORT: 3,
  INT: 4,
  UINT: 5,
  BOOL: 6,
  TIME: 7,
  UNSPEC: 8,
  STRING: 9,
  NAMEDVAR: 10,
  NAMEDARRAY: 11,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

const KIND_OF: Readonly<Record<FixedWireType | FloatingWireType, Kind>> = {
  CHAR: Kind.CHAR,
  UCHAR: Kind.UCHAR,
  SHORT: Kind.SHORT,
  USHORT: Kind.USHORT,
  INT: Kind.INT,
  UINT: Kind.UINT,
  BOOL: Kind.BOOL,
  TIME: Kind.TIME,
  UNSPEC: Kind.UNSPEC,
  STRING: Kind.STRING,
  NAMEDVAR: Kind.NAMEDVAR,
  NAMEDARRAY: Kind.NAMEDARRAY,
};

/** Byte size of the numeric kinds (0 for variable-size kinds). */
export const KIND_SIZE: readonly number[] = [1, 1, 2, 2, 4, 4, 2, 4, 0, 0, 0, 0];

export function isNumericKind(kind: Kind): boolean {
  return kind <= Kind.TIME;
}

/** A constant table compiled for lookups. */
export interface LabelTable {
  readonly table: ConstTable;
  readonly names: ReadonlyMap<number, string>;
  /** Names of the values below 512, by value (a faster lookup for the common small codes). */
  readonly small: ReadonlyArray<string | undefined>;
  /** Mask tables: the named bits in table order. */
  readonly bits: ReadonlyArray<readonly [number, string]>;
  readonly allBits: number;
}

function compileTable(table: ConstTable): LabelTable {
  const names = new Map<number, string>();
  for (const e of table.entries) if (!names.has(e.value)) names.set(e.value, e.name);
  const bits = table.kind === 'mask' ? table.entries.map((e) => [e.value, e.name] as const) : [];
  let allBits = 0;
  for (const [bit] of bits) allBits = (allBits | bit) >>> 0;
  const small: Array<string | undefined> = new Array<string | undefined>(512).fill(undefined);
  for (const [value, name] of names) if (value < small.length) small[value] = name;
  return { table, names, small, bits, allBits };
}

const LABEL_TABLES = new Map<string, LabelTable>(CONSTANT_TABLES.map((t) => [t.id, compileTable(t)]));

export function labelTable(id: string | undefined): LabelTable | undefined {
  return id === undefined ? undefined : LABEL_TABLES.get(id);
}

export interface FixedSlot {
  readonly def: FixedFieldDef;
  readonly name: string;
  readonly kind: Kind;
  /** Offset within the body. */
  readonly offset: number;
  readonly size: number;
  readonly labels: LabelTable | undefined;
  readonly reserved: boolean;
  readonly documented: DocumentedValue | undefined;
}

export interface FixedLayout {
  /** Lowest protocol version this layout applies to (10 for the base layout). */
  readonly version: number;
  readonly slots: readonly FixedSlot[];
  readonly length: number;
}

export interface FieldSlot {
  readonly def: FloatingFieldDef;
  /** Position in its scope's `fields`. */
  readonly index: number;
  readonly name: string;
  readonly kind: Kind;
  readonly labels: LabelTable | undefined;
  readonly repeats: boolean;
  readonly scope: ScopePlan;
  /** Slots of the same scope sharing this FieldDataID, in table order (length ≥ 1). */
  readonly sameId: readonly FieldSlot[];
}

export type ScopeEntry = { readonly kind: 'field'; readonly slots: readonly FieldSlot[] } | { readonly kind: 'group'; readonly scope: ScopePlan };

export interface ScopePlan {
  /** `null` for the message's top level. */
  readonly group: RecordGroupDef | null;
  readonly parent: ScopePlan | null;
  /** Path prefix of label keys for records of this scope's group (the group key). */
  readonly key: string;
  /** Indexed by FieldDataID 0–255. */
  readonly byId: ReadonlyArray<ScopeEntry | undefined>;
  readonly fields: readonly FieldSlot[];
  readonly groups: readonly ScopePlan[];
  /** The field names the scope's items take, by JSON key (fields and group keys). */
  readonly itemByKey: ReadonlyMap<string, FieldSlot | ScopePlan>;
  /** Fields whose presence is checked after parsing: required, or required on a condition. */
  readonly checks: readonly FieldSlot[];
  /** Repeating fields and records with their count field and documented maximum. */
  readonly counted: ReadonlyArray<{ readonly key: string; readonly countedBy: string; readonly max: number | undefined; readonly scope: ScopePlan | undefined }>;
}

export interface MessagePlan {
  readonly def: MessageDef;
  /** Newest first. */
  readonly layouts: readonly FixedLayout[];
  readonly top: ScopePlan;
  /** The largest body the guide allows (undefined: unbounded by the guide). */
  readonly maxBody: number | undefined;
  /** Fixed field names of every layout (for the encoder). */
  readonly fixedNames: ReadonlySet<string>;
  /** The layout choice of a message with a single layout (shared, not allocated per decode). */
  readonly only: { readonly layout: FixedLayout; readonly inferred: false; readonly index: 0 };
}

function compileLayout(def: MessageDef, version: number): FixedLayout {
  const slots: FixedSlot[] = [];
  let offset = 0;
  for (const field of def.fixed) {
    if ((field.since ?? 0) > version) continue;
    slots.push({
      def: field,
      name: field.name,
      kind: KIND_OF[field.type],
      offset,
      size: field.size,
      labels: labelTable(field.values),
      reserved: field.reserved !== undefined,
      documented: field.reserved?.value,
    });
    offset += field.size;
  }
  return { version: Math.max(10, version), slots, length: offset };
}

function compileScope(items: readonly FloatingItemDef[], group: RecordGroupDef | null, parent: ScopePlan | null): ScopePlan {
  const byId: Array<ScopeEntry | undefined> = new Array<ScopeEntry | undefined>(256).fill(undefined);
  const fields: FieldSlot[] = [];
  const groups: ScopePlan[] = [];
  const itemByKey = new Map<string, FieldSlot | ScopePlan>();
  const checks: FieldSlot[] = [];
  const counted: Array<ScopePlan['counted'][number]> = [];
  const scope: ScopePlan = { group, parent, key: group?.key ?? '', byId, fields, groups, itemByKey, checks, counted };
  const sameIds = new Map<number, FieldSlot[]>();
  for (const item of items) {
    if (item.kind === 'group') {
      const child = compileScope(item.members, item, scope);
      groups.push(child);
      counted.push({ key: item.key, countedBy: item.countedBy, max: item.max, scope: child });
      itemByKey.set(item.key, child);
      for (let id = 0; id < 256; id++) {
        if (child.byId[id] !== undefined && byId[id] === undefined) byId[id] = { kind: 'group', scope: child };
      }
      continue;
    }
    const list = sameIds.get(item.id) ?? [];
    sameIds.set(item.id, list);
    const slot: FieldSlot = {
      def: item,
      index: fields.length,
      name: item.name,
      kind: KIND_OF[item.type],
      labels: labelTable(item.values),
      repeats: item.repeats !== undefined,
      scope,
      sameId: list,
    };
    list.push(slot);
    fields.push(slot);
    if (item.presence === 'required' || (typeof item.presence === 'object' && 'field' in item.presence.requiredWhen)) checks.push(slot);
    if (item.repeats) counted.push({ key: item.name, countedBy: item.repeats.countedBy, max: item.repeats.max, scope: undefined });
    itemByKey.set(item.name, slot);
    byId[item.id] = { kind: 'field', slots: list };
  }
  return scope;
}

/** The body bytes the floating items can take at most (undefined when unbounded). */
function maxFloatingBytes(items: readonly FloatingItemDef[]): number | undefined {
  let total = 0;
  let named = 0;
  for (const item of items) {
    if (item.kind === 'group') {
      const per = maxFloatingBytes(item.members);
      if (per === undefined || item.max === undefined) return undefined;
      total += per * item.max;
    } else if (item.repeats) {
      if (item.type === 'NAMEDVAR' || item.type === 'NAMEDARRAY') named = 2000;
      else if (item.repeats.max === undefined) return undefined;
      else total += item.repeats.max * (2 + item.maxSize);
    } else {
      total += 2 + item.maxSize;
    }
  }
  return total + named;
}

function compileMessage(def: MessageDef): MessagePlan {
  const layouts = fixedLayoutVersions(def)
    .map((v) => compileLayout(def, v))
    .reverse();
  const top = compileScope(def.floating, null, null);
  const floatingMax = maxFloatingBytes(def.floating);
  const maxBody = floatingMax === undefined ? undefined : layouts[0]!.length + floatingMax;
  return { def, layouts, top, maxBody, fixedNames: new Set(def.fixed.map((f) => f.name)), only: { layout: layouts[0]!, inferred: false, index: 0 } };
}

let plans: Map<number, MessagePlan> | undefined;
let plansByName: Map<string, MessagePlan> | undefined;

function ensurePlans(): Map<number, MessagePlan> {
  if (!plans) {
    plans = new Map(MESSAGE_DEFS.map((d) => [d.id, compileMessage(d)]));
    plansByName = new Map([...plans.values()].map((p) => [p.def.name, p]));
  }
  return plans;
}

export function planById(id: number): MessagePlan | undefined {
  return ensurePlans().get(id);
}

export function planByName(name: string): MessagePlan | undefined {
  ensurePlans();
  return plansByName!.get(name);
}

/** Every plan, in table order. */
export function allPlans(): MessagePlan[] {
  return [...ensurePlans().values()];
}
