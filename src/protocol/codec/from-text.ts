/**
 * decodeText(): a message written as text — a MIVR high-level trace
 * (`{ length=-1 type=BEGIN_CALL_EVENT, monitorID: 0, … }`) or a flow block of the guide's
 * chapter 11 (`MsgType: … Field: value`) — → the same `DecodedMessage` the byte decoder gives.
 *
 * How: every key is mapped onto a field of the message table (trace-fields.ts, with the trace
 * names of trace-names.ts), every value is typed by the field's wire type and constant table
 * (text-values.ts); the fields are then written as the bytes they stand for and decoded by the
 * codec itself, so values, labels, records, counts and the checks are exactly those of a
 * captured message. Fixed fields the text does not give are written as neutral placeholders
 * and taken out of the result with everything said about their bytes: they stay absent,
 * nothing is invented (a `null` value means absent too).
 *
 * Diagnostics about the text (unknown keys, values that do not fit, repeated fields, what the
 * trace leaves out) come first; then the codec's. All have offset 0: a text has no bytes.
 */
import { decode, REDACTED, type ByteRange, type DecodedMessage, type FieldRecord } from './decode.js';
import { diagnostic, type Diagnostic } from './diagnostics.js';
import { encodeTransient } from './encode.js';
import { HEADER_LENGTH } from './framing.js';
import { Kind, type FixedLayout, type FixedSlot, type MessagePlan } from './plan.js';
import { Gathered, gather, type Scalar } from './text-gather.js';
import { messageNameFromTrace, traceFieldIndex } from './trace-fields.js';

/** One `key: value` of the text (`value` null: the text says the field is absent). */
export interface TextPair {
  readonly key: string;
  readonly index?: number;
  readonly value: string | null;
}

/** One variable of an expanded-call-context block. */
export interface TextVariable {
  readonly name: string;
  readonly value: string;
}

/** A message written as text (grammar/cti-trace-types.ts `HighLevelTrace` is one). */
export interface TextMessage {
  readonly messageName: string;
  readonly pairs: readonly TextPair[];
  readonly ecc?: readonly TextVariable[];
  readonly eccKey?: string;
  /** The text ends in `...` (fields omitted). */
  readonly truncated: boolean;
  /** The text was cut short (a trace whose `{` is not closed): the fields past the cut are unknown. */
  readonly cut?: boolean;
  /** The `length=` the trace states (`-1`: not known). */
  readonly length?: number;
}

export interface TextDecodeOptions {
  /** The session's protocol version, when known (picks the fixed layout). */
  readonly version?: number;
  readonly showSecrets?: boolean;
}

export type TextDecodeResult =
  | {
      readonly ok: true;
      readonly message: DecodedMessage;
      /** Top-level field keys the text names (given a value or `null`). */
      readonly mentioned: ReadonlySet<string>;
    }
  | { readonly ok: false; readonly reason: string };

/** Codec diagnostics about fields left out, which a trace ending in `...` explains. */
const OMISSION_CODES = new Set<string>(['REQUIRED_FIELD_MISSING', 'AT_LEAST_ONE_MISSING', 'COUNT_MISMATCH']);

/**
 * The value written for a fixed field the text does not give (computed once per field); it is
 * dropped again after decoding. A neutral value: the documented one, or a name of the field's table that no
 * condition of the message depends on (so the codec's fast path applies and no check fires).
 */
const placeholders = new WeakMap<FixedSlot, Scalar>();

function placeholder(slot: FixedSlot, plan: MessagePlan): Scalar {
  let value = placeholders.get(slot);
  if (value === undefined) {
    value = neutralValue(slot, plan);
    placeholders.set(slot, value);
  }
  return value;
}

function neutralValue(slot: FixedSlot, plan: MessagePlan): Scalar {
  if (slot.documented !== undefined) return slot.documented;
  if (slot.kind === Kind.BOOL) return false;
  if (slot.kind === Kind.UNSPEC) return '00'.repeat(slot.size);
  const avoid = new Set<number>();
  for (const check of plan.top.checks) {
    const p = check.def.presence;
    if (typeof p === 'object' && 'field' in p.requiredWhen && p.requiredWhen.field === slot.name) for (const v of p.requiredWhen.in) avoid.add(v);
  }
  const max = 2 ** (8 * slot.size) - 1;
  if (slot.labels && slot.labels.table.kind === 'enum') {
    for (const value of slot.labels.names.keys()) if (value <= max && !avoid.has(value) && (slot.kind !== Kind.CHAR && slot.kind !== Kind.SHORT && slot.kind !== Kind.INT ? true : value <= max >>> 1)) return value;
  }
  for (let v = 0; v <= 255; v++) if (!avoid.has(v)) return v;
  return 0;
}

const slotNameSets = new WeakMap<FixedLayout, ReadonlySet<string>>();

/** The names of a layout's fixed fields (computed once per layout). */
function slotNames(layout: FixedLayout): ReadonlySet<string> {
  let names = slotNameSets.get(layout);
  if (!names) {
    names = new Set(layout.slots.map((s) => s.name));
    slotNameSets.set(layout, names);
  }
  return names;
}

/** The oldest layout holding every fixed field the text gives (the version's when known). */
function chooseLayout(plan: MessagePlan, given: ReadonlyMap<string, Scalar>, version: number | undefined): FixedLayout {
  const layouts = plan.layouts;
  if (layouts.length === 1) return layouts[0]!;
  if (version !== undefined) {
    const wanted = Math.max(10, version);
    return layouts.find((l) => l.version <= wanted) ?? layouts[layouts.length - 1]!;
  }
  for (let i = layouts.length - 1; i >= 0; i--) {
    const layout = layouts[i]!;
    const names = slotNames(layout);
    let all = true;
    for (const name of given.keys()) {
      if (!names.has(name)) {
        all = false;
        break;
      }
    }
    if (all) return layout;
  }
  return layouts[0]!;
}

interface Assembled {
  /** The fields to encode (placeholders where the text gives nothing), in table order. */
  readonly fields: FieldRecord;
  /** Byte ranges of the fixed fields the text lacks (written as placeholders), and their names. */
  readonly missing: ByteRange[];
  readonly holes: string[];
  /** Those of them the text does not mention with a value (the others had values that did not fit). */
  readonly absent: string[];
}

interface Given {
  /** The fields the text gives, as decoding will show them (secrets redacted unless shown), in table order. */
  readonly given: FieldRecord;
  /** Keys of the top-level floating fields and records the text gives, in table order. */
  readonly floating: readonly string[];
}

const orders = new WeakMap<MessagePlan, ReadonlyMap<string, number>>();

/** Position of each top-level floating item (field or record group) in the message's table. */
function tableOrder(plan: MessagePlan): ReadonlyMap<string, number> {
  let order = orders.get(plan);
  if (!order) {
    order = new Map([...plan.top.itemByKey.keys()].map((k, i) => [k, i]));
    orders.set(plan, order);
  }
  return order;
}

/** Inserts `key` into `keys`, kept in increasing `ranks` (parallel arrays). */
function insertByRank(keys: string[], ranks: number[], key: string, rank: number): void {
  let i = keys.length;
  keys.push(key);
  ranks.push(rank);
  while (i > 0 && ranks[i - 1]! > rank) {
    keys[i] = keys[i - 1]!;
    ranks[i] = ranks[i - 1]!;
    i--;
  }
  keys[i] = key;
  ranks[i] = rank;
}

/** The fields the text gives, in table order (and a note for fixed fields the layout lacks). */
function givenFields(plan: MessagePlan, layout: FixedLayout, g: Gathered, showSecrets: boolean): Given {
  const given: FieldRecord = {};
  let present = 0;
  for (const slot of layout.slots) {
    const v = g.fixed.get(slot.name);
    if (v !== undefined) {
      given[slot.name] = v;
      present++;
    }
  }
  if (g.fixed.size > present) {
    for (const name of g.fixed.keys()) {
      if (!layout.slots.some((s) => s.name === name)) g.note('TRACE_FIELD_UNKNOWN', `${name} is not a field of the version-${layout.version} layout of ${plan.def.name}; left out`);
    }
  }
  // The floating fields and records given, in table order: an insertion sort by table
  // position (a trace gives a handful; no comparator closure, no sort scratch arrays).
  const order = tableOrder(plan);
  const keys: string[] = [];
  const ranks: number[] = [];
  for (const key of g.floating.keys()) insertByRank(keys, ranks, key, order.get(key)!);
  for (const key of g.records.keys()) insertByRank(keys, ranks, key, order.get(key)!);
  const floating: string[] = [];
  for (const key of keys) {
    const item = plan.top.itemByKey.get(key)!;
    if ('itemByKey' in item) {
      const records = g.records.get(key)!.filter((r) => Object.keys(r).length > 0);
      if (records.length === 0) continue;
      given[key] = records.map((r) => {
        const ordered: FieldRecord = {};
        for (const [member, slot] of item.itemByKey) if (r[member] !== undefined) ordered[member] = 'def' in slot && slot.def.secret && !showSecrets ? REDACTED : r[member];
        return ordered;
      });
      floating.push(key);
      continue;
    }
    const v = g.floating.get(key)!;
    given[key] = item.def.secret && !showSecrets ? REDACTED : v;
    floating.push(key);
  }
  return { given, floating };
}

/**
 * The fields to encode, in table order, and the byte ranges of the fixed fields the text lacks
 * (made only when the message is decoded: a trace whose dump is logged too never needs them).
 */
function assemble(plan: MessagePlan, layout: FixedLayout, g: Gathered, given: Given): Assembled {
  const fields: FieldRecord = {};
  const missing: ByteRange[] = [];
  const holes: string[] = [];
  const absent: string[] = [];
  for (const slot of layout.slots) {
    const v = g.fixed.get(slot.name);
    if (v !== undefined) {
      fields[slot.name] = v;
      continue;
    }
    fields[slot.name] = placeholder(slot, plan);
    holes.push(slot.name);
    if (!g.invalid.has(slot.name)) absent.push(slot.name);
    const offset = HEADER_LENGTH + slot.offset;
    const last = missing[missing.length - 1];
    if (last && last.offset + last.length === offset) missing[missing.length - 1] = { offset: last.offset, length: last.length + slot.size };
    else missing.push({ offset, length: slot.size });
  }
  for (const key of given.floating) {
    // Records are encoded as given (the same arrays); a floating field with its own value.
    fields[key] = g.floating.has(key) ? g.floating.get(key)! : given.given[key];
  }
  return { fields, missing, holes, absent };
}

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

function inRanges(offset: number, ranges: readonly ByteRange[]): boolean {
  for (const r of ranges) if (offset >= r.offset && offset < r.offset + r.length) return true;
  return false;
}

/**
 * A text read against the table, before any byte is made: the typed fields it gives
 * (`given`, what decoding will show) and the names it mentions. `decode()` finishes it into the
 * DecodedMessage; a caller that only compares fields (a trace whose dump is also logged)
 * need not.
 */
export class TextRead {
  constructor(
    readonly type: string,
    /** The fields the text gives, in table order, as the decoded message will hold them. */
    readonly given: FieldRecord,
    /** Top-level field keys the text names (given a value or `null`). */
    readonly mentioned: ReadonlySet<string>,
    private readonly plan: MessagePlan,
    private readonly layout: FixedLayout,
    private readonly gathered: Gathered,
    private readonly textFields: Given,
    private readonly text: Pick<TextMessage, 'truncated' | 'length' | 'cut'>,
    private readonly options: TextDecodeOptions,
  ) {}

  /** The decoded message: the fields written as bytes and decoded by the codec. Never throws. */
  decode(): TextDecodeResult {
    const { type, plan, layout, options, text } = this;
    const g = this.gathered;
    const { fields, missing, holes, absent } = assemble(plan, layout, g, this.textFields);
    let bytes: Buffer;
    try {
      // Over the encoder's scratch memory (no copy): decoded right away, before any other encode.
      bytes = encodeTransient({ type, fields });
    } catch (err) {
      return { ok: false, reason: `the values of the trace cannot make a ${type}: ${(err as Error).message}` };
    }
    const version = options.version ?? (plan.layouts.length > 1 ? layout.version : undefined);
    // The placeholders are neutral values, so the codec's fast path decodes most traces; they
    // are taken out again here (with anything said about their bytes).
    // As a Buffer (a view, no copy): the decoder reads strings from a Buffer without making a view per field.
    const decoded = decode(bytes, { ...(version !== undefined ? { version } : {}), showSecrets: options.showSecrets === true });
    const decodedLabels = decoded.labels;
    for (const name of holes) {
      if (decoded.fields[name] !== undefined) decoded.fields[name] = undefined;
      if (Object.hasOwn(decodedLabels, name)) delete decodedLabels[name];
    }
    const notes: Diagnostic[] = [];
    const computed = decoded.bodyLength ?? bytes.length - HEADER_LENGTH;
    const stated = text.length !== undefined && text.length >= 0 ? text.length : undefined;
    if (stated === undefined) {
      notes.push(diagnostic('INPUT_NOTE', `read from a trace: BodyLength ${computed} is the length of the fields the trace gives (the trace does not state it)`, 0));
    } else if (stated !== computed) {
      notes.push(diagnostic('INPUT_NOTE', `read from a trace: it states length=${stated}; the fields it gives take ${computed} bytes`, 0));
    }
    if (absent.length > 0 || g.invalid.size > 0) {
      const what = absent.length > 0 ? absent.join(', ') : 'none but those with values that do not fit';
      notes.push(diagnostic('TRACE_FIELDS_ABSENT', `fixed fields not given by the trace, so absent (nothing invented): ${what}`, 0));
    }
    if (text.truncated) notes.push(diagnostic('INPUT_NOTE', 'the trace ends in "...": fields were omitted; those not given are absent', 0));
    if (text.cut === true) notes.push(diagnostic('INPUT_NOTE', 'the trace is cut short (its { is not closed): the fields past the cut are unknown; those not given are absent', 0));
    // A trace that omits fields ("...") or was cut short: what is missing is no finding then.
    const omitted = text.truncated || text.cut === true;
    const codec =
      decoded.diagnostics.length === 0
        ? decoded.diagnostics
        : decoded.diagnostics
            .filter((d) => !inRanges(d.offset, missing) && !(omitted && OMISSION_CODES.has(d.code)))
            .map((d) => (d.offset === 0 ? d : { ...d, offset: 0 }));
    const message: DecodedMessage = {
      type,
      typeId: plan.def.id,
      bodyLength: stated ?? computed,
      fields: decoded.fields,
      // The labels the text names come first (values that did not fit), then the decoded ones.
      labels: hasKeys(g.labels) ? { ...g.labels, ...decodedLabels } : decodedLabels,
      diagnostics: [...g.diagnostics, ...notes, ...codec],
    };
    if (decoded.extras) message.extras = decoded.extras;
    if (decoded.layoutVersion !== undefined) {
      message.layoutVersion = decoded.layoutVersion;
      if (options.version === undefined) message.layoutInferred = true;
    }
    return { ok: true, message, mentioned: this.mentioned };
  }
}

export type TextReadResult = { readonly ok: true; readonly read: TextRead } | { readonly ok: false; readonly reason: string };

/** Reads a message written as text against the table (no bytes yet). Never throws. */
export function readText(text: TextMessage, options: TextDecodeOptions = {}): TextReadResult {
  const type = messageNameFromTrace(text.messageName);
  if (type === undefined) {
    return { ok: false, reason: text.messageName === '' ? 'the trace names no message type' : `"${text.messageName}" is not a message type the guide defines` };
  }
  const index = traceFieldIndex(type)!;
  const plan = index.plan;
  const g = new Gathered(type, options.showSecrets === true);
  gather(index, text, g);
  if (g.unknown.length > 0) {
    g.note('TRACE_FIELD_UNKNOWN', `${g.unknown.join(', ')}: not ${g.unknown.length === 1 ? 'a field' : 'fields'} of ${type} in the guide's table (internal to the trace); left out`);
  }
  const layout = chooseLayout(plan, g.fixed, options.version);
  const given = givenFields(plan, layout, g, options.showSecrets === true);
  // Only what decode() reads of the text is kept: a read waiting for its twin holds no pairs.
  const stated = { truncated: text.truncated, ...(text.length !== undefined ? { length: text.length } : {}), ...(text.cut === true ? { cut: true } : {}) };
  return { ok: true, read: new TextRead(type, given.given, g.mentioned, plan, layout, g, given, stated, options) };
}

/** Decodes a message written as text. Never throws. */
export function decodeText(text: TextMessage, options: TextDecodeOptions = {}): TextDecodeResult {
  const r = readText(text, options);
  return r.ok ? r.read.decode() : r;
}
