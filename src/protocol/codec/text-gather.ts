/**
 * The pairs of a message written as text → typed values per field of the message table: fixed
 * fields, top-level floating fields, records (`CsqID[0]` → CSQs[0].CSQID), the named variables
 * of an expanded-call-context block; and what does not fit (unknown keys, values, repeats),
 * as diagnostics. No bytes yet: from-text.ts makes and decodes them.
 */
import type { FieldRecord, FieldValue, NamedVariableValue } from './decode.js';
import { diagnostic, type Diagnostic } from './diagnostics.js';
import type { Label } from './labels.js';
import { Kind, type FieldSlot, type FixedSlot, type LabelTable } from './plan.js';
import { namedVariableFits, quickValue, valueFromText } from './text-values.js';
import type { TraceFieldIndex, TraceTarget } from './trace-fields.js';
import type { TextMessage } from './from-text.js';

/** Records per message beyond which an index (`CsqID[7000]`) is taken as damage. */
const MAX_RECORD_INDEX = 255;

export type Scalar = number | boolean | string;

/** What the pairs of the text give, gathered per field. */
export class Gathered {
  readonly fixed = new Map<string, Scalar>();
  readonly floating = new Map<string, FieldValue>();
  readonly records = new Map<string, FieldRecord[]>();
  readonly mentioned = new Set<string>();
  readonly labels: Record<string, Label> = {};
  readonly unknown: string[] = [];
  /** Fields given a value that does not fit (reported on their own). */
  readonly invalid = new Set<string>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly type: string,
    /** Show ClientPassword / AgentPassword values in diagnostics too (`--show-secrets`). */
    private readonly showSecrets = false,
  ) {}

  /** A value that does not fit its field, left out; a secret's value is not quoted unless secrets are shown. */
  leftOut(written: string, where: string, slot: FieldSlot, reason: string): void {
    const why = slot.def.secret === true && !this.showSecrets ? `the value given does not fit a ${slot.def.type} (not shown: a secret)` : reason;
    this.note('TRACE_VALUE_INVALID', `${written} (${where}): ${why}; left out`);
  }

  note(code: 'TRACE_VALUE_INVALID' | 'TRACE_FIELD_REPEATED' | 'TRACE_FIELD_UNKNOWN' | 'TRACE_FIELDS_ABSENT' | 'INPUT_NOTE', message: string): void {
    this.diagnostics.push(diagnostic(code, message, 0));
  }

  repeated(written: string): void {
    this.note('TRACE_FIELD_REPEATED', `${written} is given again in the trace of ${this.type}; the first value is kept`);
  }
}

function fixedValue(slot: FixedSlot, labels: LabelTable | undefined, raw: string): ReturnType<typeof valueFromText> {
  if (slot.kind !== Kind.UNSPEC) return valueFromText(raw, slot.kind, labels);
  const v = valueFromText(raw, Kind.UNSPEC, undefined, slot.size);
  if (v.ok && typeof v.value === 'string' && v.value.length !== slot.size * 2) return { ok: false, reason: `"${raw}" is not ${slot.size} bytes of hex` };
  return v;
}

/** The record a member of a pair goes to: `[n]` names it; without, the last record unless it has the member. */
function recordFor(g: Gathered, target: Extract<TraceTarget, { kind: 'member' }>, index: number | undefined): FieldRecord | undefined {
  const key = target.group.key;
  let list = g.records.get(key);
  if (!list) {
    list = [];
    g.records.set(key, list);
  }
  if (index === undefined) {
    const last = list[list.length - 1];
    if (last && last[target.slot.name] === undefined) return last;
    const fresh: FieldRecord = {};
    list.push(fresh);
    return fresh;
  }
  if (index > MAX_RECORD_INDEX) return undefined;
  while (list.length <= index) list.push({});
  return list[index];
}

export function gather(index: TraceFieldIndex, text: TextMessage, g: Gathered): void {
  for (const pair of text.pairs) {
    const indexed = pair.index !== undefined;
    const written = indexed ? `${pair.key}[${pair.index}]` : pair.key;
    const target = index.resolve(pair.key, indexed);
    if (!target) {
      g.unknown.push(written);
      continue;
    }
    const topKey = target.kind === 'fixed' ? target.name : target.kind === 'field' ? target.slot.name : target.group.key;
    g.mentioned.add(topKey);
    if (pair.value === null) continue;
    if (target.kind === 'fixed') {
      // The commonest values need no result object (quickValue); the others are read in full.
      const quick = quickValue(pair.value, target.slot.kind);
      const v = quick === undefined ? fixedValue(target.slot, target.labels, pair.value) : undefined;
      if (v !== undefined && !v.ok) {
        g.note('TRACE_VALUE_INVALID', `${written} (${target.name}): ${v.reason}; left out`);
        g.invalid.add(target.name);
        if (v.label !== undefined && g.labels[target.name] === undefined) g.labels[target.name] = v.label;
      } else if (g.fixed.has(target.name)) g.repeated(written);
      else g.fixed.set(target.name, v !== undefined ? v.value : quick!);
      continue;
    }
    const slot = target.slot;
    if (slot.repeats) {
      g.note('TRACE_VALUE_INVALID', `${written} (${slot.name}): a repeating field is not written as one value; left out`);
      continue;
    }
    const quick = quickValue(pair.value, slot.kind);
    const v = quick === undefined ? valueFromText(pair.value, slot.kind, slot.labels) : undefined;
    if (target.kind === 'field') {
      if (v !== undefined && !v.ok) {
        g.leftOut(written, slot.name, slot, v.reason);
        if (v.label !== undefined && g.labels[slot.name] === undefined) g.labels[slot.name] = v.label;
      } else if (g.floating.has(slot.name)) g.repeated(written);
      else g.floating.set(slot.name, v !== undefined ? v.value : quick!);
      continue;
    }
    const record = recordFor(g, target, pair.index);
    if (!record) {
      g.note('TRACE_VALUE_INVALID', `${written}: record index ${pair.index} is beyond ${MAX_RECORD_INDEX}; left out`);
      continue;
    }
    const list = g.records.get(target.group.key)!;
    const path = `${target.group.key}[${list.indexOf(record)}].${slot.name}`;
    if (v !== undefined && !v.ok) {
      g.leftOut(written, path, slot, v.reason);
      if (v.label !== undefined && g.labels[path] === undefined) g.labels[path] = v.label;
    } else if (record[slot.name] !== undefined) g.repeated(written);
    else record[slot.name] = v !== undefined ? v.value : quick!;
  }
  if (text.ecc !== undefined || text.eccKey !== undefined) {
    const eccKey = text.eccKey ?? 'ExpandedCallContxt';
    if (!index.ecc) {
      g.unknown.push(eccKey);
    } else {
      g.mentioned.add(index.ecc.name);
      const vars: NamedVariableValue[] = [];
      for (const variable of text.ecc ?? []) {
        if (namedVariableFits(variable.name, variable.value)) vars.push({ VariableName: variable.name, VariableValue: variable.value });
        else g.note('TRACE_VALUE_INVALID', `${eccKey} variable ${variable.name}: name and value do not fit one floating field (255 bytes); left out`);
      }
      if (vars.length > 0) g.floating.set(index.ecc.name, vars);
    }
  }
}
