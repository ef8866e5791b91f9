/**
 * Generates src/protocol/generated/fast-decoders.ts from the message table: one specialised
 * decoder per message type and fixed-part layout (object literals, named stores, a switch on
 * FieldDataID). Each is a fast path: it returns false wherever the reference decoder
 * (decode.ts) would report anything, and the reference decoder then decodes the message.
 */
import { HEADER_LENGTH } from '../../src/protocol/codec/framing.js';
import { Kind, KIND_SIZE, allPlans, type FieldSlot, type FixedLayout, type MessagePlan, type ScopePlan } from '../../src/protocol/codec/plan.js';
import type { DocumentedValue } from '../../src/protocol/types.js';

const READER: Partial<Record<Kind, string>> = {
  [Kind.CHAR]: 'rt.i8',
  [Kind.UCHAR]: '',
  [Kind.SHORT]: 'rt.i16',
  [Kind.USHORT]: 'rt.u16',
  [Kind.INT]: 'rt.i32',
  [Kind.UINT]: 'rt.u32',
  [Kind.TIME]: 'rt.u32',
};

function readExpr(kind: Kind, at: string): string {
  if (kind === Kind.UCHAR) return `b[${at}]!`;
  if (kind === Kind.BOOL) return `rt.u16(b, ${at}) !== 0`;
  return `${READER[kind]!}(b, ${at})`;
}

const prop = (name: string): string => (/^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`);
const lit = (v: DocumentedValue): string => JSON.stringify(v);

class Emitter {
  readonly lines: string[] = [];
  private depth = 0;
  line(s = ''): void {
    this.lines.push(s === '' ? '' : `${'  '.repeat(this.depth)}${s}`);
  }
  open(s: string): void {
    this.line(s);
    this.depth++;
  }
  close(s = '}'): void {
    this.depth--;
    this.line(s);
  }
}

/** Label-table constants referenced by the generated code. */
class Tables {
  readonly used = new Set<string>();
  /** Precomputed label paths: constant name → [key, suffix]. */
  readonly paths = new Map<string, readonly [string, string]>();
  ref(id: string): string {
    this.used.add(id);
    return `T_${id}`;
  }
  /** An expression for the label path `<key>[<index>]<suffix>` using a precomputed table. */
  path(key: string, index: string, suffix: string): string {
    const name = `P_${(key + suffix).replace(/\W+/g, '_')}`;
    this.paths.set(name, [key, suffix]);
    return `rt.pathAt(${name}, ${index}, ${JSON.stringify(key)}, ${JSON.stringify(suffix)})`;
  }
}

interface GroupInfo {
  readonly scope: ScopePlan;
  readonly number: number;
  readonly parent: GroupInfo | undefined;
}

function functionName(plan: MessagePlan, layout: FixedLayout): string {
  return `fast_${plan.def.name}_v${layout.version}`;
}

/** The record groups of the top scope (depth 1) and their nested groups (depth 2). */
function groupInfos(top: ScopePlan): Map<ScopePlan, GroupInfo> {
  const infos = new Map<ScopePlan, GroupInfo>();
  for (const g of top.groups) {
    for (const s of top.fields) {
      if (g.byId[s.def.id] !== undefined) throw new Error(`${s.name}[${s.def.id}] is both a top-level field and a member of ${g.key}`);
    }
  }
  let n = 0;
  for (const g of top.groups) {
    const info: GroupInfo = { scope: g, number: ++n, parent: undefined };
    infos.set(g, info);
    for (const g2 of g.groups) {
      if (g2.groups.length > 0) throw new Error(`${g2.key}: records nested deeper than two levels are not generated`);
      infos.set(g2, { scope: g2, number: ++n, parent: info });
    }
    if (g.groups.length > 1) throw new Error(`${g.key}: more than one nested record group`);
  }
  for (const info of infos.values()) {
    if (info.scope.fields.length > 30) throw new Error(`${info.scope.key}: too many members for a presence mask`);
    if (info.parent) {
      for (const s of info.scope.fields) {
        if (info.parent.scope.fields.some((p) => p.def.id === s.def.id)) throw new Error(`${info.scope.key}: shares an ID with its parent record`);
      }
    }
  }
  return infos;
}

/** Emits the code reading one floating field's value into `v` (bailing where the reference decoder would diagnose). */
function emitValue(e: Emitter, slot: FieldSlot): void {
  const def = slot.def;
  if (def.since !== undefined) e.line(`if (o.version !== undefined && o.version < ${def.since}) return false;`);
  e.line(`if (de - ds > ${def.maxSize}) return false;`);
  const secret = def.secret === true;
  const read = (target: string): void => {
    switch (slot.kind) {
      case Kind.STRING:
        e.line("if (t === '') t = rt.latin1(b, end);");
        e.line(`${target} = rt.str(b, ds, de, t);`);
        e.line(`if (${target.replace(/^const /, '')} === undefined) return false;`);
        return;
      case Kind.UNSPEC:
        e.line(`${target} = rt.hex(b, ds, de);`);
        return;
      case Kind.NAMEDVAR:
        e.line("if (t === '') t = rt.latin1(b, end);");
        e.line(`${target} = rt.namedVar(b, ds, de, t);`);
        e.line(`if (${target.replace(/^const /, '')} === undefined) return false;`);
        return;
      case Kind.NAMEDARRAY:
        e.line("if (t === '') t = rt.latin1(b, end);");
        e.line(`${target} = rt.namedArr(b, ds, de, t);`);
        e.line(`if (${target.replace(/^const /, '')} === undefined) return false;`);
        return;
      case Kind.BOOL:
        e.line(`if (de - ds !== 2 || rt.u16(b, ds) > 1) return false;`);
        e.line(`${target} = rt.u16(b, ds) !== 0;`);
        return;
      default:
        e.line(`if (de - ds !== ${KIND_SIZE[slot.kind]}) return false;`);
        e.line(`${target} = ${readExpr(slot.kind, 'ds')};`);
    }
  };
  if (secret) {
    // Read (and checked: a bail-out leaves the diagnostics to the reference decoder) whether shown or not.
    read('const s');
    e.line('const v = o.showSecrets ? s : rt.REDACTED;');
  } else {
    read('const v');
  }
}

/** Emits labels and reserved-value checks of one floating field stored as `v` at label path `pathExpr`. */
function emitLabels(e: Emitter, slot: FieldSlot, pathExpr: string, tables: Tables): void {
  const def = slot.def;
  if (slot.labels) {
    const t = tables.ref(slot.labels.table.id);
    if (slot.labels.table.kind === 'mask') {
      e.line(`{ const n = rt.maskNames(${t}, v); if (n === undefined) return false; L[${pathExpr}] = n; }`);
    } else {
      e.line(`{ const n = (v < 512 ? ${t}.small[v] : undefined) ?? rt.enumName(${t}, v); if (n === undefined) return false; if (n !== null) L[${pathExpr}] = n; }`);
    }
  } else if (slot.kind === Kind.TIME) {
    e.line(`L[${pathExpr}] = rt.timeLabel(v);`);
  } else if (def.display === 'int64') {
    e.line(`rt.int64(L, ${pathExpr}, v);`);
  } else if (def.deviceId) {
    e.line(`if (v.indexOf('.') > 0) rt.deviceLabel(L, ${pathExpr}, v, o.version);`);
  }
  const documented = def.reserved?.value;
  if (documented !== undefined && !def.secret) {
    if (typeof documented === 'string') e.line(`if (!rt.sameText(v, ${lit(documented)})) return false;`);
    else e.line(`if (v !== ${lit(documented)}) return false;`);
  }
}

/** Reads the fixed part into locals `k<i>`; returns the label entries (name → local) it computed. */
function emitFixed(e: Emitter, layout: FixedLayout, tables: Tables): Array<readonly [string, string]> {
  const end = HEADER_LENGTH + layout.length;
  const labels: Array<readonly [string, string]> = [];
  e.line(`if (end < ${end}) return false;`);
  layout.slots.forEach((slot, i) => {
    const at = HEADER_LENGTH + slot.offset;
    const k = `k${i}`;
    if (slot.kind === Kind.BOOL) {
      e.line(`const ${k}raw = rt.u16(b, ${at});`);
      e.line(`if (${k}raw > 1) return false;`);
      e.line(`const ${k} = ${k}raw !== 0;`);
    } else if (slot.kind === Kind.UNSPEC) {
      e.line(`const ${k} = rt.hex(b, ${at}, ${at + slot.size});`);
    } else {
      e.line(`const ${k} = ${readExpr(slot.kind, String(at))};`);
    }
    if (slot.reserved && slot.documented !== undefined) e.line(`if (${k} !== ${lit(slot.documented)}) return false;`);
    if (slot.labels && slot.kind !== Kind.UNSPEC && slot.kind !== Kind.BOOL) {
      const t = tables.ref(slot.labels.table.id);
      if (slot.labels.table.kind === 'mask') {
        e.line(`const l${i} = rt.maskNames(${t}, ${k});`);
        e.line(`if (l${i} === undefined) return false;`);
      } else {
        e.line(`const l${i} = (${k} < 512 ? ${t}.small[${k}] : undefined) ?? rt.enumName(${t}, ${k});`);
        e.line(`if (l${i} === undefined) return false;`);
      }
      labels.push([slot.name, `l${i}`]);
    } else if (slot.kind === Kind.TIME && !slot.reserved) {
      e.line(`const l${i} = rt.timeLabel(${k});`);
      labels.push([slot.name, `l${i}`]);
    }
  });
  return labels;
}

/** The local holding a top-level item (field, repeating field or record list). */
const local = (index: number): string => `x${index}`;

/** Notes the first occurrence of top-level item `i`: its sequence number, and whether it breaks table order. */
const seq = (i: number): string => `s${i} = ++n; if (${i} < last) disorder = true; else last = ${i};`;

function emitTopCase(e: Emitter, slot: FieldSlot, itemIndex: number, tables: Tables, hasGroups: boolean): void {
  const x = local(itemIndex);
  if (slot.repeats) {
    emitValue(e, slot);
    e.line(`if (${x} === undefined) { ${x} = []; ${seq(itemIndex)} }`);
    if (slot.kind === Kind.NAMEDVAR) e.line(`rt.outboundLabel(L, ${tables.path(slot.name, `${x}.length`, '')}, v);`);
    e.line(`${x}.push(v);`);
    if (slot.kind === Kind.NAMEDVAR || slot.kind === Kind.NAMEDARRAY) e.line('named += de - p;');
  } else {
    if (slot.sameId.length > 1) throw new Error(`${slot.name}: a FieldDataID shared at the top level is not generated`);
    e.line(`if (${x} !== undefined) return false;`);
    emitValue(e, slot);
    e.line(`${x} = v;`);
    e.line(seq(itemIndex));
    emitLabels(e, slot, JSON.stringify(slot.name), tables);
  }
  if (hasGroups) e.line('r1 = undefined; r2 = undefined;');
}

/** A record literal with every member of the scope undefined (one stable shape per record type). */
function recordLiteral(scope: ScopePlan): string {
  const keys = [...scope.fields.map((f) => f.name), ...scope.groups.map((g) => g.key)];
  return `{ ${keys.map((k) => `${JSON.stringify(k)}: undefined`).join(', ')} }`;
}

function emitRecordCase(e: Emitter, slot: FieldSlot, info: GroupInfo, itemIndex: number, tables: Tables): void {
  const scope = info.scope;
  const target = slot.sameId[slot.sameId.length - 1]!;
  const bit = 1 << target.index;
  if (info.parent === undefined) {
    const x = local(itemIndex);
    emitValue(e, target);
    if (slot.sameId.length === 2) {
      // Two slots share the FieldDataID (CONFIG_CSQ_EVENT: reserved[184] then CSQID[184]): a
      // second occurrence in the same record makes the first the reserved one.
      const first = slot.sameId[0]!;
      const firstBit = 1 << first.index;
      e.open(`if (r1 !== undefined && r1g === ${info.number} && (r1m & ${bit}) !== 0 && (r1m & ${firstBit}) === 0) {`);
      e.line(`const earlier = r1${prop(target.name)} as number;`);
      if (first.def.reserved?.value !== undefined) e.line(`if (earlier !== ${lit(first.def.reserved.value)}) return false;`);
      if (target.labels) e.line(`if (rt.enumName(${tables.ref(target.labels.table.id)}, earlier) !== null) return false;`);
      e.line(`r1${prop(first.name)} = earlier; r1m |= ${firstBit};`);
      e.line(`r1${prop(target.name)} = v;`);
      emitLabels(e, target, tables.path(scope.key, 'r1i', `.${target.name}`), tables);
      e.line('break;');
      e.close();
    } else if (slot.sameId.length > 2) {
      throw new Error(`${slot.name}: more than two slots share a FieldDataID`);
    }
    e.open(`if (r1 === undefined || r1g !== ${info.number} || (r1m & ${bit}) !== 0) {`);
    e.line(`if (${x} === undefined) { ${x} = []; ${seq(itemIndex)} }`);
    e.line(`r1 = ${recordLiteral(scope)}; r1g = ${info.number}; r1m = 0; r1i = ${x}.length; ${x}.push(r1);`);
    e.close();
    e.line('r2 = undefined;');
    e.line(`r1!${prop(target.name)} = v; r1m |= ${bit};`);
    emitLabels(e, target, tables.path(scope.key, 'r1i', `.${target.name}`), tables);
    return;
  }
  const parent = info.parent;
  if (slot.sameId.length > 1) throw new Error(`${slot.name}: a shared FieldDataID in a nested record is not generated`);
  e.line(`if (r1 === undefined || r1g !== ${parent.number}) return false;`);
  emitValue(e, target);
  e.open(`if (r2 === undefined || (r2m & ${bit}) !== 0) {`);
  e.line(`let a = r1${prop(scope.key)} as FieldRecord[] | undefined;`);
  e.line(`if (a === undefined) { a = []; r1${prop(scope.key)} = a; }`);
  e.line(`r2 = ${recordLiteral(scope)}; r2m = 0; r2i = a.length; a.push(r2);`);
  e.close();
  e.line(`r2!${prop(target.name)} = v; r2m |= ${bit};`);
  emitLabels(e, target, `${tables.path(parent.scope.key, 'r1i', '.')} + ${tables.path(scope.key, 'r2i', `.${target.name}`)}`, tables);
}

/** How generated code refers to a field of a scope instance (a local at the top level). */
type Ref = (name: string) => string;

/** Post-parse checks of one scope instance (required, conditions, counts, records). */
function emitValidation(e: Emitter, scope: ScopePlan, ref: Ref, fixedRef: Ref, plan: MessagePlan, top: boolean, depth: number): void {
  for (const slot of scope.checks) {
    const present = slot.sameId.map((s) => `${ref(s.name)} !== undefined`).join(' || ');
    const presence = slot.def.presence;
    if (presence === 'required') e.line(`if (!(${present})) return false;`);
    else if (typeof presence === 'object' && 'field' in presence.requiredWhen) {
      const cond = presence.requiredWhen;
      e.line(`if (!(${present}) && (${cond.in.map((v) => `${fixedRef(cond.field)} === ${v}`).join(' || ')})) return false;`);
    }
  }
  if (top && plan.def.atLeastOne) {
    for (const names of plan.def.atLeastOne) e.line(`if (${names.map((n) => `${ref(n)} === undefined`).join(' && ')}) return false;`);
  }
  for (const c of scope.counted) {
    const n = `n${depth}_${c.key.replace(/\W/g, '')}`;
    e.line(`const ${n} = (${ref(c.key)} as unknown[] | undefined)?.length ?? 0;`);
    const counter = ref(c.countedBy);
    const over = c.max !== undefined ? ` || (${counter} as number) > ${c.max}` : '';
    e.line(`if (typeof ${counter} === 'number' ? (${counter} !== ${n}${over}) : ${n} > 0) return false;`);
    if (c.scope !== undefined) {
      const rec = `q${depth + 1}`;
      e.open(`for (const ${rec} of (${ref(c.key)} as FieldRecord[] | undefined) ?? []) {`);
      const recRef: Ref = (name) => `${rec}${prop(name)}`;
      emitValidation(e, c.scope, recRef, fixedRef, plan, false, depth + 1);
      e.close();
    }
  }
}

function emitDecoder(e: Emitter, plan: MessagePlan, layout: FixedLayout, tables: Tables): void {
  const top = plan.top;
  const infos = groupInfos(top);
  const hasGroups = infos.size > 0;
  const hasNested = [...infos.values()].some((i) => i.parent !== undefined);
  const hasNamed = top.fields.some((s) => s.kind === Kind.NAMEDVAR || s.kind === Kind.NAMEDARRAY);
  const items = [...top.itemByKey.keys()];
  const fixedIndex = new Map(layout.slots.map((s, i) => [s.name, i]));
  const fixedRef: Ref = (name) => {
    const i = fixedIndex.get(name);
    if (i !== undefined) return `k${i}`;
    const j = items.indexOf(name);
    if (j < 0) return 'undefined';
    return local(j);
  };
  e.line(`/** ${plan.def.name} (${plan.def.id}), version-${layout.version} layout: Table${plan.def.spec.tables.length > 1 ? 's' : ''} ${plan.def.spec.tables.join(', ')}. */`);
  e.open(`function ${functionName(plan, layout)}(b: Uint8Array, end: number, m: DecodedMessage, o: FastOptions): boolean {`);
  const fixedLabels = emitFixed(e, layout, tables);
  e.line(`const L: Record<string, Label | undefined> = { ${fixedLabels.map(([n, l]) => `${JSON.stringify(n)}: ${l} ?? undefined`).join(', ')} };`);
  const start = HEADER_LENGTH + layout.length;
  const fixedEntries = layout.slots.map((s, i) => `${JSON.stringify(s.name)}: k${i}`);
  if (plan.def.floating.length === 0) {
    e.line(`if (end !== ${start}) return false;`);
    e.line(`m.fields = { ${fixedEntries.join(', ')} };`);
    e.line('m.labels = L as Record<string, Label>;');
    e.line('return true;');
    e.close();
    return;
  }
  for (const [i, key] of items.entries()) {
    const item = top.itemByKey.get(key)!;
    const type = 'itemByKey' in item ? 'FieldRecord[]' : item.repeats ? `${valueType(item)}[]` : valueType(item);
    e.line(`let ${local(i)}: ${type} | undefined;`);
    e.line(`let s${i} = 0;`);
  }
  e.line('let n = 0;');
  e.line('let disorder = false;');
  if (hasGroups) {
    e.line('let r1: FieldRecord | undefined;');
    e.line('let r1g = 0;');
    e.line('let r1m = 0;');
    e.line('let r1i = 0;');
    e.line('let r2: FieldRecord | undefined;');
    if (hasNested) {
      e.line('let r2m = 0;');
      e.line('let r2i = 0;');
    }
  }
  if (hasNamed) e.line('let named = 0;');
  // The message as latin1, made on the first string field (string values are cut from it).
  if (flattenKinds(top).some((k) => k === Kind.STRING || k === Kind.NAMEDVAR || k === Kind.NAMEDARRAY)) e.line("let t = '';");
  e.line('let last = -1;');
  e.line(`let p = ${start};`);
  e.open('while (p < end) {');
  e.line('if (p + 2 > end) return false;');
  e.line('const ds = p + 2;');
  e.line('const de = ds + b[p + 1]!;');
  e.line('if (de > end) return false;');
  e.open('switch (b[p]) {');
  for (let id = 0; id < 256; id++) {
    const entry = top.byId[id];
    if (!entry) continue;
    e.open(`case ${id}: {`);
    if (entry.kind === 'field') {
      const slot = entry.slots[0]!;
      emitTopCase(e, slot, items.indexOf(slot.name), tables, hasGroups);
    } else {
      let scope = entry.scope;
      let inner = scope.byId[id]!;
      while (inner.kind === 'group') {
        scope = inner.scope;
        inner = scope.byId[id]!;
      }
      emitRecordCase(e, inner.slots[0]!, infos.get(scope)!, items.indexOf(entry.scope.key), tables);
    }
    e.line('break;');
    e.close();
  }
  e.line('default:');
  e.line('  return false;');
  e.close();
  e.line('p = de;');
  e.close();
  if (hasNamed) e.line('if (named > 2000) return false;');
  if (hasGroups && !hasNested) e.line('void r2;');
  emitValidation(e, top, fixedRef, fixedRef, plan, true, 0);
  const floatingEntries = items.map((key, i) => `${JSON.stringify(key)}: ${local(i)}`);
  e.line(`m.fields = { ${[...fixedEntries, ...floatingEntries].join(', ')} } as FieldRecord;`);
  e.line(`if (disorder) m.floatingOrder = rt.wireOrder([${items.map((key, i) => `s${i}`).join(', ')}], ${JSON.stringify(items)});`);
  e.line('m.labels = L as Record<string, Label>;');
  e.line('return true;');
  e.close();
}

/** The TypeScript type of one floating field's value. */
function valueType(slot: FieldSlot): string {
  switch (slot.kind) {
    case Kind.STRING:
    case Kind.UNSPEC:
      return 'string';
    case Kind.BOOL:
      return 'boolean';
    case Kind.NAMEDVAR:
      return 'NamedVariableValue';
    case Kind.NAMEDARRAY:
      return 'NamedArrayValue';
    default:
      return 'number';
  }
}

function flattenKinds(scope: ScopePlan): Kind[] {
  return [...scope.fields.map((f) => f.kind), ...scope.groups.flatMap(flattenKinds)];
}

/** The whole generated module, as text. */
export function generateFastDecoders(): string {
  const body = new Emitter();
  const tables = new Tables();
  const registry: string[] = [];
  for (const plan of allPlans()) {
    for (const layout of plan.layouts) {
      emitDecoder(body, plan, layout, tables);
      body.line();
    }
    registry.push(`  [${plan.def.id}, [${plan.layouts.map((l) => functionName(plan, l)).join(', ')}]],`);
  }
  const head = [
    '// GENERATED by scripts/generate.ts from the message table (src/protocol/messages) — do not edit.',
    '// Fast-path decoders: each returns false where the reference decoder (codec/decode.ts) would',
    '// report anything; test/protocol/fast-path.test.ts checks both always agree.',
    "import type { DecodedMessage, FieldRecord, NamedArrayValue, NamedVariableValue } from '../codec/decode.js';",
    "import type { Label } from '../codec/labels.js';",
    "import * as rt from '../codec/fast-runtime.js';",
    "import { labelTable, type LabelTable } from '../codec/plan.js';",
    '',
    'export interface FastOptions {',
    '  readonly version?: number | undefined;',
    '  readonly showSecrets?: boolean | undefined;',
    '}',
    '',
    'export type FastDecoder = (b: Uint8Array, end: number, m: DecodedMessage, o: FastOptions) => boolean;',
    '',
    'function table(id: string): LabelTable {',
    '  const t = labelTable(id);',
    "  if (!t) throw new Error(`constant table ${id} is missing`);",
    '  return t;',
    '}',
    '',
    ...[...tables.used].sort().map((id) => `const T_${id} = table(${JSON.stringify(id)});`),
    ...[...tables.paths].sort(([a], [b]) => a.localeCompare(b)).map(([name, [key, suffix]]) => `const ${name} = rt.indexedPaths(${JSON.stringify(key)}, ${JSON.stringify(suffix)});`),
    '',
  ];
  const tail = [
    '/** Fast decoders by MessageTypeID, one per fixed-part layout in plan order (newest first). */',
    'export const FAST_DECODERS: ReadonlyMap<number, readonly FastDecoder[]> = new Map<number, readonly FastDecoder[]>([',
    ...registry,
    ']);',
    '',
  ];
  return [...head, ...body.lines, ...tail].join('\n');
}
