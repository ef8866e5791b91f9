/**
 * The display filter's meaning: a parsed expression (filter-syntax.ts) compiled into a test
 * of one timeline message. Names are checked against the message table when the filter is
 * compiled, so a typo is an error with a suggestion, not a filter that silently shows nothing.
 *
 * - A field is a message field under its JSON name (`CallID`, `AgentID`, `CallVariable1`),
 *   or a path into records and named variables (`CSQs.CSQID`, `NamedVariable.VariableName`),
 *   or one of the lower-case PSEUDO_FIELDS (`type`, `session`, `call`, `diagnostic`, …).
 * - A message type's name alone (`BEGIN_CALL_EVENT`) means `type == BEGIN_CALL_EVENT`.
 * - A field that repeats (arrays, records) matches when any of its values does; a field alone
 *   tests that the message has it. A comparison of a field the message lacks is false, `!=`
 *   included (as in Wireshark): `!(CallID == 5)` also takes messages without a CallID.
 * - Values: numbers compare with numbers, and with strings holding that number (`AgentExtension
 *   == 4020`); words and strings compare with strings and with the symbolic labels of enums
 *   and masks (`CallType == CALLTYPE_CCX_IN`, `ServicesRequested == CTI_SERVICE_CLIENT_EVENTS`).
 *   `contains` is a substring test; `matches` (`~`) a case-insensitive regular expression.
 */
import type { FieldValue } from '../protocol/codec/decode.js';
import type { Label } from '../protocol/codec/labels.js';
import { allPlans, type ScopePlan } from '../protocol/codec/plan.js';
import type { TimelineMessage } from '../timeline/types.js';
import { FilterError, parseFilter, type CompareOp, type FieldRef, type FilterNode, type FilterValue } from './filter-syntax.js';

/** A value of a field in one message, with its label when the table names it. */
interface Item {
  readonly value: number | string | boolean;
  readonly label?: Label | undefined;
}

type Values = (m: TimelineMessage, index: number) => Item[];

/** What the message table knows: message types, field names at the top and inside records. */
interface Names {
  readonly types: ReadonlySet<string>;
  readonly top: ReadonlySet<string>;
  readonly nested: ReadonlySet<string>;
  readonly callIds: readonly string[];
}

let names: Names | undefined;

function tableNames(): Names {
  if (names) return names;
  const types = new Set<string>();
  const top = new Set<string>();
  const nested = new Set<string>(['VariableName', 'VariableValue', 'VariableIndex']);
  const walk = (scope: ScopePlan): void => {
    for (const g of scope.groups) {
      for (const k of g.itemByKey.keys()) nested.add(k);
      walk(g);
    }
  };
  for (const plan of allPlans()) {
    types.add(plan.def.name);
    for (const layout of plan.layouts) for (const slot of layout.slots) top.add(slot.name);
    for (const k of plan.top.itemByKey.keys()) top.add(k);
    walk(plan.top);
  }
  const callIds = [...top].filter((n) => n.endsWith('CallID')).sort();
  names = { types, top, nested, callIds };
  return names;
}

const one = (value: number | string | boolean | undefined | null): Item[] => (value === undefined || value === null ? [] : [{ value }]);

/** The lower-case names that are about the message rather than a field of it (described in src/cli/decode-help.ts). */
export const PSEUDO_FIELDS: Readonly<Record<string, Values>> = {
  type: (m) => one(m.message.type),
  typeId: (m) => one(m.message.typeId),
  bodyLength: (m) => one(m.message.bodyLength),
  session: (m) => one(m.session),
  direction: (m) => one(m.direction),
  file: (m) => one(m.source.file),
  frame: (m) => one(m.source.frame),
  line: (m) => one(m.source.line),
  version: (m) => one(m.version),
  /** The position in decode's output without a filter (as check findings give it). */
  index: (_m, index) => [{ value: index }],
  /** Any call ID field (CallID, PrimaryCallID, NewCallID, …). */
  call: (m) => callValues(m),
  /** The codes of the diagnostics the message carries. */
  diagnostic: (m) => m.message.diagnostics.map((d) => ({ value: d.code })),
};

function callValues(m: TimelineMessage): Item[] {
  const out: Item[] = [];
  for (const name of tableNames().callIds) {
    const v = m.message.fields[name];
    if (typeof v === 'number') out.push({ value: v });
  }
  return out;
}

/** Values at `path` below `value`, whose label key is `key`; arrays give each element. */
function collect(value: FieldValue | undefined, key: string, path: readonly string[], at: number, labels: Readonly<Record<string, Label>>, out: Item[]): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) collect(value[i], `${key}[${i}]`, path, at, labels, out);
    return;
  }
  if (typeof value === 'object') {
    if (at === path.length) {
      out.push({ value: true, label: labels[key] }); // a record or named variable: present
      return;
    }
    const name = path[at]!;
    collect((value as Record<string, FieldValue | undefined>)[name], `${key}.${name}`, path, at + 1, labels, out);
    return;
  }
  if (at === path.length) out.push({ value, label: labels[key] });
}

function editDistance(a: string, b: string): number {
  const d: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const keep = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = keep;
    }
  }
  return d[b.length]!;
}

function suggestion(name: string, known: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    if (k.toLowerCase() === name.toLowerCase()) return ` (did you mean ${k}?)`;
    const dist = editDistance(name, k);
    if (dist < bestDistance) {
      bestDistance = dist;
      best = k;
    }
  }
  return best !== undefined ? ` (did you mean ${best}?)` : '';
}

function isTypeName(word: string): boolean {
  return tableNames().types.has(word) || /^(UNKNOWN|RESERVED)_\d+$/.test(word);
}

/** How to read a field's values from a message; throws on a name the table does not know. */
function resolveField(f: FieldRef): Values {
  const [first, ...rest] = f.path as [string, ...string[]];
  const pseudo = Object.hasOwn(PSEUDO_FIELDS, first) ? PSEUDO_FIELDS[first] : undefined;
  if (pseudo && rest.length === 0) return pseudo;
  const t = tableNames();
  if (!t.top.has(first)) {
    const known = [...t.top, ...Object.keys(PSEUDO_FIELDS)];
    throw new FilterError(`no message field or filter field is called ${first}${suggestion(first, known)}`, f.offset, first.length);
  }
  let offset = f.offset + first.length + 1;
  for (const name of rest) {
    if (!t.nested.has(name)) throw new FilterError(`no record field is called ${name}${suggestion(name, t.nested)}`, offset, name.length);
    offset += name.length + 1;
  }
  return (m) => {
    const out: Item[] = [];
    collect(m.message.fields[first], first, rest, 0, m.message.labels, out);
    return out;
  };
}

function labelHas(label: Label | undefined, text: string, test: (s: string) => boolean = (s) => s === text): boolean {
  if (label === undefined) return false;
  if (typeof label === 'string') return test(label);
  if (Array.isArray(label)) return label.some(test);
  return test(label.primary) || test(label.actual);
}

const NUMERIC_TEXT = /^\s*-?(?:0[xX][0-9a-fA-F]+|[0-9]+)\s*$/;

/** The item's value as a number, if it is one or a string holding one. */
function asNumber(v: number | string | boolean): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && NUMERIC_TEXT.test(v)) return Number(v.trim());
  return undefined;
}

function order(op: CompareOp, a: number | string, b: number | string): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

/** One value of a field against the filter's value (any-of semantics is the caller's). */
function itemTest(op: CompareOp, value: FilterValue, regex: RegExp | undefined): (item: Item) => boolean {
  if (op === 'matches') return (item) => regex!.test(String(item.value)) || labelHas(item.label, '', (s) => regex!.test(s));
  if (value.kind === 'number') {
    const n = value.value;
    if (op === 'contains') return (item) => String(item.value).includes(value.text);
    if (op === '==' || op === '!=') return (item) => asNumber(item.value) === n;
    return (item) => {
      const v = asNumber(item.value);
      return v !== undefined && order(op, v, n);
    };
  }
  const text = value.value;
  if (op === 'contains') return (item) => (typeof item.value === 'string' && item.value.includes(text)) || labelHas(item.label, text, (s) => s.includes(text));
  if (op === '==' || op === '!=') return (item) => (typeof item.value !== 'boolean' && String(item.value) === text) || labelHas(item.label, text);
  return (item) => typeof item.value === 'string' && order(op, item.value, text);
}

type Test = (m: TimelineMessage, index: number) => boolean;

function compile(node: FilterNode): Test {
  switch (node.kind) {
    case 'and': {
      const l = compile(node.left);
      const r = compile(node.right);
      return (m, i) => l(m, i) && r(m, i);
    }
    case 'or': {
      const l = compile(node.left);
      const r = compile(node.right);
      return (m, i) => l(m, i) || r(m, i);
    }
    case 'not': {
      const o = compile(node.operand);
      return (m, i) => !o(m, i);
    }
    case 'exists': {
      const f = node.field;
      if (f.path.length === 1 && isTypeName(f.text)) return (m) => m.message.type === f.text;
      if (/^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(f.text)) throw new FilterError(`no message type is called ${f.text}${suggestion(f.text, tableNames().types)}`, f.offset, f.text.length);
      const values = resolveField(f);
      return (m, i) => values(m, i).length > 0;
    }
    case 'compare': {
      const v = node.value;
      if (node.field.text === 'type' && v.kind !== 'number' && (node.op === '==' || node.op === '!=') && !isTypeName(v.value)) {
        throw new FilterError(`no message type is called ${v.value}${suggestion(v.value, tableNames().types)}`, node.valueOffset, v.kind === 'string' ? v.value.length + 2 : v.value.length);
      }
      let regex: RegExp | undefined;
      if (node.op === 'matches') {
        const source = node.value.kind === 'number' ? node.value.text : node.value.value;
        try {
          regex = new RegExp(source, 'i');
        } catch (err) {
          throw new FilterError(`not a regular expression: ${(err as Error).message}`, node.valueOffset, source.length);
        }
      }
      const test = itemTest(node.op, node.value, regex);
      const negate = node.op === '!=';
      const values = resolveField(node.field);
      return (m, i) => {
        const items = values(m, i);
        if (items.length === 0) return false;
        const hit = items.some(test);
        return negate ? !hit : hit;
      };
    }
  }
}

/** A compiled display filter: is the message (at its position in the timeline) shown? */
export type MessageFilter = Test;

/** The filter for an expression, or a FilterError saying where and why it is not one. */
export function compileFilter(text: string): MessageFilter {
  return compile(parseFilter(text));
}

/** The error under the expression, tshark style: the expression, then a caret line. */
export function describeFilterError(text: string, err: FilterError): string {
  const start = Math.min(err.offset, text.length);
  const width = Math.max(1, Math.min(err.length, text.length - start));
  return `${err.message}\n  ${text}\n  ${' '.repeat(start)}^${'~'.repeat(width - 1)}`;
}
