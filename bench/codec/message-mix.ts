/**
 * A deterministic mix of valid messages of every type of the table, encoded — the corpus the
 * codec benchmark decodes. Built from the table with a seeded generator (no test framework).
 */
import { encode } from '../../src/protocol/codec/encode.js';
import type { FieldRecord, FieldValue } from '../../src/protocol/codec/decode.js';
import { Kind, allPlans, type FieldSlot, type FixedLayout, type LabelTable, type MessagePlan, type ScopePlan } from '../../src/protocol/codec/plan.js';

/** Mulberry32: a small seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['2006', '2005', '9019', '7000', 'agt2006', 'LoadCamp', 'John,Doe', 'AC111', 'Sales CSQ', 'OODefault', '16777507', '10.10.10.25'];

/** A value from the field's constant table, so the message is valid. */
function coded(table: LabelTable, rnd: () => number): number {
  const entries = table.table.entries;
  if (table.table.kind === 'mask') {
    let v = 0;
    for (const e of entries) if (rnd() < 0.3) v = (v | e.value) >>> 0;
    return v;
  }
  return entries[Math.floor(rnd() * entries.length)]!.value;
}

function value(slot: FieldSlot, rnd: () => number): FieldValue {
  const word = WORDS[Math.floor(rnd() * WORDS.length)]!;
  const documented = slot.def.reserved?.value;
  if (documented !== undefined) return documented;
  if (slot.labels && slot.labels.table.closed) return coded(slot.labels, rnd);
  switch (slot.kind) {
    case Kind.STRING:
      return word.slice(0, Math.max(0, slot.def.maxSize - 1));
    case Kind.UNSPEC:
      return '00000000000000' + Math.floor(rnd() * 200).toString(16).padStart(2, '0');
    case Kind.NAMEDVAR:
      return { VariableName: rnd() < 0.3 ? 'BAStatus' : 'user.layout', VariableValue: rnd() < 0.3 ? 'DO' : word };
    case Kind.NAMEDARRAY:
      return { VariableIndex: Math.floor(rnd() * 4), VariableName: 'arr', VariableValue: word };
    case Kind.BOOL:
      return rnd() < 0.5;
    case Kind.CHAR:
    case Kind.UCHAR:
      return Math.floor(rnd() * 100);
    case Kind.SHORT:
    case Kind.USHORT:
      return Math.floor(rnd() * 1000);
    default:
      return Math.floor(rnd() * 1e6);
  }
}

function isRequired(slot: FieldSlot): boolean {
  const p = slot.def.presence;
  return p === 'required' || (typeof p === 'object' && 'field' in p.requiredWhen);
}

function fillScope(scope: ScopePlan, rnd: () => number, obj: FieldRecord, probability: number): void {
  for (const slot of scope.fields) {
    if (slot.sameId.length > 1 && slot !== slot.sameId[slot.sameId.length - 1]) continue;
    if (slot.repeats) {
      const n = rnd() < probability ? 1 + Math.floor(rnd() * 2) : 0;
      if (n > 0) obj[slot.name] = Array.from({ length: n }, () => value(slot, rnd));
      obj[slot.def.repeats!.countedBy] = n;
    } else if ((slot === scope.fields[0] && scope.group !== null) || isRequired(slot)) {
      obj[slot.name] = value(slot, rnd);
    } else if (rnd() < probability) {
      obj[slot.name] = value(slot, rnd);
    }
  }
  for (const child of scope.groups) {
    const n = Math.min(child.group!.max ?? 2, rnd() < Math.max(probability, 0.5) ? 1 + Math.floor(rnd() * 2) : 0);
    if (n > 0) {
      obj[child.key] = Array.from({ length: n }, () => {
        const rec: FieldRecord = {};
        fillScope(child, rnd, rec, probability);
        return rec;
      });
    }
    obj[child.group!.countedBy] = n;
  }
}

function message(plan: MessagePlan, layout: FixedLayout, rnd: () => number, probability: number): Uint8Array {
  const fields: FieldRecord = {};
  for (const slot of layout.slots) {
    fields[slot.name] =
      slot.documented ??
      (slot.kind === Kind.BOOL
        ? rnd() < 0.5
        : slot.kind === Kind.UNSPEC
          ? '00'.repeat(slot.size)
          : slot.labels && slot.labels.table.closed
            ? coded(slot.labels, rnd)
            : slot.kind === Kind.TIME
              ? 1448030639 + Math.floor(rnd() * 1e6)
              : Math.floor(rnd() * 100));
  }
  fillScope(plan.top, rnd, fields, probability);
  for (const names of plan.def.atLeastOne ?? []) {
    if (!names.some((n) => fields[n] !== undefined)) {
      const slot = plan.top.itemByKey.get(names[0]!);
      if (slot && !('itemByKey' in slot)) fields[slot.name] = value(slot, rnd);
    }
  }
  // Count fields filled by fillScope may be floating ones; fixed ones were set above and overwritten.
  return encode({ type: plan.def.name, fields });
}

/**
 * How many optional floating fields a corpus fills: `typical` — each optional field with
 * probability 0.25 (the chapter-11 flows carry a few optional fields: ANI, DNIS, a device
 * or two); `full` — each with probability 0.6, named variables and records more often.
 */
export type MixProfile = 'typical' | 'full';

/** `count` encoded messages cycling through every type and layout. */
export function messageMix(count: number, seed = 1, profile: MixProfile = 'typical'): Uint8Array[] {
  const probability = profile === 'typical' ? 0.25 : 0.6;
  const rnd = prng(seed);
  const kinds = allPlans().flatMap((plan) => plan.layouts.map((layout) => ({ plan, layout })));
  const out: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const { plan, layout } = kinds[i % kinds.length]!;
    out.push(message(plan, layout, rnd, probability));
  }
  return out;
}
