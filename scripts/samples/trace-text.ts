/**
 * A message as the MIVR log writes it, in the shapes of the guide's chapter 11: the
 * high-level trace (`CSOutboundMsgProcessor: got an event message: { length=-1 type=…,
 * monitorID: 0, … }`, Example 1) with the trace's field names, and the low-level dump
 * (`writing...` / `MHDR:` / `MDATA:` rows, Example 2). Used by the log samples and the
 * benchmark's log generator.
 */
import { labelTable, planByName } from '../../src/protocol/codec/plan.js';
import type { FieldRecord, FieldValue, NamedVariableValue } from '../../src/protocol/codec/decode.js';
import { CALL_EVENT_PREFIX_NAMES, TRACE_FIELD_ALIASES, TRACE_FIELD_OVERRIDES, TRACE_VALUE_ALIASES } from '../../src/protocol/trace-names.js';

/** Table name → the name the trace prints (the inverse of trace-names.ts; `ani`, not `ani2`). */
const TRACE_NAME = new Map<string, string>();
/** Record members the flows print under their own names (`CsqID[0]`, `ConnectedPartyDCallID[1]`). */
const MEMBER_NAME = new Map<string, string>([
  ['CSQID', 'CsqID'],
  ['ConnectedPartyCallID', 'ConnectedPartyDCallID'],
]);
for (const [trace, table] of Object.entries(TRACE_FIELD_ALIASES)) {
  if (trace === 'ani2' || MEMBER_NAME.get(table) === trace || TRACE_NAME.has(table)) continue;
  TRACE_NAME.set(table, trace);
}
TRACE_NAME.set('ANI', 'ani');
/** The guide's spelling of a symbolic value (`DEVID_AGENT_DEVICE_IDENTIFIER`, `LCS_ALERTIN`, `AVAILABLE`). */
const VALUE_SPELLING = new Map(Object.entries(TRACE_VALUE_ALIASES).map(([printed, table]) => [table, printed]));

function traceName(type: string, field: string, prefix: boolean): string | undefined {
  const override = Object.entries(TRACE_FIELD_OVERRIDES[type] ?? {}).find(([, table]) => table === field);
  if (override) return override[0];
  if (prefix) {
    const p = Object.entries(CALL_EVENT_PREFIX_NAMES).find(([, table]) => table === field);
    if (p) return p[0];
  }
  if (/^Reserved/.test(field)) return undefined; // internal names the guide does not give
  return TRACE_NAME.get(field) ?? field;
}

export interface TraceTextOptions {
  /** Coded values by their names (`CALLTYPE_RESERVATION`, `N/A`), as the outbound flows print them. */
  readonly symbolic?: boolean;
  /** The processor and verb before the braces. */
  readonly preamble?: string;
  /** Break the line after about this many characters (0: one line). */
  readonly width?: number;
}

function valueText(value: number | boolean | string, values: string | undefined, size: number, symbolic: boolean): string {
  if (typeof value !== 'number') return String(value);
  if (size === 4 && value === 0xffffffff) return symbolic ? 'N/A' : '-1';
  if (symbolic) {
    const name = labelTable(values)?.names.get(value);
    if (name !== undefined) return VALUE_SPELLING.get(name) ?? (values === 'AgentState' ? name.replace(/^AGENT_STATE_/, '') : name);
  }
  return String(value);
}

function named(vars: readonly NamedVariableValue[]): string {
  const total = vars.reduce((n, v) => n + v.VariableName.length + v.VariableValue.length + 4, 0);
  return `<TotalBytes: ${total}> ${vars.map((v) => `${v.VariableName}: ${v.VariableValue}`).join(' ')}`;
}

/** The high-level (text) trace of a message (its fields as `buildMessage` gives them). */
export function highLevelTrace(type: string, fields: FieldRecord, options: TraceTextOptions = {}): string {
  const plan = planByName(type);
  if (!plan) throw new Error(`unknown message type ${type}`);
  const symbolic = options.symbolic === true;
  const layout = plan.layouts[plan.layouts.length - 1]!;
  const slots = layout.slots;
  const prefix = slots.length >= 3 && slots[0]!.documented === 0 && slots[1]!.documented === 1 && slots[2]!.documented === 21;
  const pairs: string[] = [];
  for (const slot of slots) {
    const name = traceName(type, slot.name, prefix);
    const v = fields[slot.name];
    if (name === undefined || v === undefined || typeof v === 'object') continue;
    pairs.push(`${name}: ${valueText(v, slot.def.values, slot.size, symbolic)}`);
  }
  for (const [key, item] of plan.top.itemByKey) {
    const v: FieldValue | undefined = fields[key];
    if ('itemByKey' in item) {
      const records = (v as FieldRecord[] | undefined) ?? [];
      records.forEach((record, i) => {
        for (const [member, slot] of item.itemByKey) {
          const mv = record[member];
          if (!('def' in slot) || mv === undefined || typeof mv === 'object' || /^Reserved/.test(member)) continue;
          // Record members keep the table's case (`ConnectedPartyDeviceType[0]`), with the trace's names where it has its own.
          pairs.push(`${MEMBER_NAME.get(member) ?? TRACE_NAME.get(member) ?? member}[${i}]: ${valueText(mv, slot.def.values, slot.def.maxSize, symbolic)}`);
        }
      });
      continue;
    }
    if (item.def.type === 'NAMEDVAR') {
      if (Array.isArray(v) && v.length > 0) pairs.push(`ExpandedCallContxt: ${named(v as NamedVariableValue[])}`);
      continue;
    }
    if (item.repeats || item.def.type === 'UNSPEC') continue;
    const name = traceName(type, key, false);
    if (name === undefined) continue;
    pairs.push(`${name}: ${v === undefined ? 'null' : typeof v === 'object' ? 'null' : valueText(v, item.def.values, item.def.maxSize, symbolic)}`);
  }
  const preamble = options.preamble ?? 'CSOutboundMsgProcessor: got an event message:';
  const body = `{ length=-1 type=${type}, ${pairs.join(', ')} }`;
  const width = options.width ?? 72;
  if (width <= 0) return `${preamble} ${body}`;
  // Wrap after a comma, as the guide's Example 1 is printed.
  const lines: string[] = [];
  let line = '';
  for (const part of body.split(/(?<=, )/)) {
    if (line.length + part.length > width && line !== '') {
      lines.push(line.trimEnd());
      line = '';
    }
    line += part;
  }
  lines.push(line);
  return `${preamble}\n${lines.join('\n')}`;
}

const hex2 = (b: number): string => b.toString(16).padStart(2, '0').toUpperCase();
const shown = (b: number): string => (b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : '.');

/** Rows `0010: 00 01 … .....2006` of a block of bytes. */
function rows(bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (let o = 0; o < bytes.length; o += 16) {
    const row = [...bytes.subarray(o, o + 16)];
    out.push(`${o.toString(16).padStart(4, '0')}: ${row.map(hex2).join(' ')} ${row.map(shown).join('')}`);
  }
  return out;
}

/** The low-level dump of a message's bytes (header + body), as Example 2 prints it. */
export function lowLevelDump(bytes: Uint8Array, verb: 'writing...' | 'reading...' = 'writing...'): string {
  const header = rows(bytes.subarray(0, 8));
  const body = rows(bytes.subarray(8));
  return [`${verb}`, `MHDR:    ${header[0] ?? ''}`, `MDATA:   ${body[0] ?? ''}`, ...body.slice(1)].join('\n');
}
