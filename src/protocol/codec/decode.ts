/**
 * decode(): bytes of one CTI message (8-byte MHDR + body) → named fields, labels and
 * diagnostics. Driven only by the compiled table (plan.ts). Never throws, whatever the input.
 */
import { fieldIdName } from '../field-ids.js';
import { FAST_DECODERS, type FastDecoder } from '../generated/fast-decoders.js';
import { messageTypeName, SECRET_FIELD_IDS, SECRET_MESSAGE_IDS, undefinedMessageById } from '../messages/index.js';
import { interpretOutboundVariable } from '../outbound.js';
import { diagnostic, type Diagnostic, type DiagnosticCode } from './diagnostics.js';
import { enumStatus, hex32, int64Label, maskLabel, primaryActual, timeLabel, type Label } from './labels.js';
import { Kind, KIND_SIZE, isNumericKind, planById, type FieldSlot, type FixedLayout, type FixedSlot, type LabelTable, type MessagePlan, type ScopePlan } from './plan.js';
import { HEADER_LENGTH, MAX_PLAUSIBLE_BODY, REDACTED } from './framing.js';
import { WITHHELD, withholdBytes } from './secret-bytes.js';
import { indexOfByte, readI16, readI32, readI8, readU16, readU32, readUtf8, toHex } from './wire.js';

export { HEADER_LENGTH, MAX_PLAUSIBLE_BODY, REDACTED };

export interface NamedVariableValue {
  VariableName: string;
  VariableValue: string;
}

export interface NamedArrayValue {
  VariableIndex: number;
  VariableName: string;
  VariableValue: string;
}

export type FieldValue = number | boolean | string | NamedVariableValue | NamedArrayValue | FieldRecord | FieldValue[];

/**
 * Fields by name. An absent field is either missing or present with the value `undefined`
 * (the generated fast path builds one stable object shape per message type); JSON output
 * omits both alike.
 */
export interface FieldRecord {
  [name: string]: FieldValue | undefined;
}

/** A floating field the message does not allow, or a second copy of a single one. */
export interface ExtraField {
  readonly id: number;
  readonly name?: string;
  readonly offset: number;
  readonly hex: string;
}

export interface DecodedMessage {
  type: string;
  /** `null` only when the header itself is truncated. */
  typeId: number | null;
  bodyLength: number | null;
  fields: FieldRecord;
  labels: Record<string, Label>;
  diagnostics: Diagnostic[];
  extras?: ExtraField[];
  bodyHex?: string;
  /** For messages whose fixed part changed with the protocol version: the layout read. */
  layoutVersion?: number;
  /** True when that layout was inferred from what fits (no version given). */
  layoutInferred?: boolean;
  /**
   * `fields` lists fields in the order of the guide's table. When the floating fields came
   * in another order, this lists their keys in wire order (first occurrences); the encoder
   * follows it, so such a message still re-encodes byte for byte.
   */
  floatingOrder?: string[];
}

export interface ByteRange {
  readonly offset: number;
  readonly length: number;
}

export interface DecodeOptions {
  /** The session's protocol version (from OPEN_REQ); omit to infer layouts from what fits. */
  readonly version?: number;
  /** Show ClientPassword / AgentPassword instead of `<redacted>`. */
  readonly showSecrets?: boolean;
  /** Message-relative byte ranges that are unknown (holes of a hex dump): never decoded. */
  readonly missing?: readonly ByteRange[];
  /**
   * Use the generated fast path where it applies (default). `false` runs only the reference
   * decoder — the fast path must always give the same result (test/protocol/fast-path.test.ts).
   */
  readonly fastPath?: boolean;
}

/**
 * Whether the generated fast path decodes these bytes by itself (for tests and benchmarks;
 * `decode` gives the same result either way).
 */
export function fastPathTakes(b: Uint8Array, options: DecodeOptions = {}): boolean {
  if (b.length < HEADER_LENGTH || options.missing?.length) return false;
  const bodyLength = readU32(b, 0);
  const typeId = readU32(b, 4);
  const plan = planById(typeId);
  if (!plan || b.length - HEADER_LENGTH !== bodyLength || (plan.maxBody !== undefined && bodyLength > plan.maxBody)) return false;
  const { index } = chooseLayout(plan, b, b.length, options.version);
  const fast = FAST_DECODERS.get(typeId)?.[index];
  const m: DecodedMessage = { type: plan.def.name, typeId, bodyLength, fields: {}, labels: {}, diagnostics: [] };
  return fast !== undefined && fast(b, b.length, m, options);
}

/** Decodes one message. `bytes` starts at the message header. */
export function decode(bytes: Uint8Array, options: DecodeOptions = {}): DecodedMessage {
  try {
    return decodeUnchecked(bytes, options);
  } catch (err) {
    // A bug, never the input's fault: still never throw to the caller.
    return {
      type: 'DECODER_FAILURE',
      typeId: bytes.length >= 8 ? readU32(bytes, 4) : null,
      bodyLength: bytes.length >= 4 ? readU32(bytes, 0) : null,
      fields: {},
      labels: {},
      diagnostics: [diagnostic('BYTES_MISSING', `internal decoder failure: ${String(err)}`, 0)],
      bodyHex: bytes.length >= 8 && withholdBytes(readU32(bytes, 4), bytes, 8, bytes.length, true, options.showSecrets) ? '' : toHex(bytes, Math.min(8, bytes.length)),
    };
  }
}

/** What the decoder needs per MessageTypeID, found with one array lookup for IDs below 256. */
interface TypeEntry {
  readonly name: string;
  readonly plan: MessagePlan | undefined;
  readonly fast: readonly FastDecoder[] | undefined;
}

const TYPE_ENTRIES: ReadonlyArray<TypeEntry> = Array.from({ length: 256 }, (_, id) => ({
  name: messageTypeName(id),
  plan: planById(id),
  fast: FAST_DECODERS.get(id),
}));

function typeEntry(id: number): TypeEntry {
  return id < 256 ? TYPE_ENTRIES[id]! : { name: messageTypeName(id), plan: planById(id), fast: FAST_DECODERS.get(id) };
}

/** Placeholders of a fast-path candidate: the fast decoder replaces both before success. */
const NO_FIELDS: FieldRecord = Object.freeze({}) as FieldRecord;
const NO_LABELS: Record<string, Label> = Object.freeze({}) as Record<string, Label>;

function decodeUnchecked(b: Uint8Array, options: DecodeOptions): DecodedMessage {
  const diagnostics: Diagnostic[] = [];
  if (b.length < HEADER_LENGTH) {
    diagnostics.push(diagnostic('HEADER_TRUNCATED', `only ${b.length} of the 8 header bytes are present`, 0));
    return {
      type: 'TRUNCATED_HEADER',
      typeId: null,
      bodyLength: b.length >= 4 ? readU32(b, 0) : null,
      fields: {},
      labels: {},
      diagnostics,
      bodyHex: '',
    };
  }
  const bodyLength = readU32(b, 0);
  const typeId = readU32(b, 4);
  const present = b.length - HEADER_LENGTH;
  const entry = typeEntry(typeId);
  const type = entry.name;

  // The common case first: a whole message of a defined type, decoded by its generated fast path.
  const plan = entry.plan;
  if (plan !== undefined && present === bodyLength && entry.fast !== undefined && options.fastPath !== false && options.missing === undefined) {
    if (plan.maxBody === undefined || bodyLength <= plan.maxBody) {
      const bodyEnd = HEADER_LENGTH + bodyLength;
      const candidate: DecodedMessage = { type, typeId, bodyLength, fields: NO_FIELDS, labels: NO_LABELS, diagnostics };
      if (plan.layouts.length === 1) {
        if (entry.fast[0]!(b, bodyEnd, candidate, options)) return candidate;
      } else if (options.version === undefined) {
        // Inference prefers the newest layout that parses cleanly; a successful strict fast
        // parse with the newest layout is exactly that, so try it before probing every layout.
        candidate.layoutVersion = plan.layouts[0]!.version;
        candidate.layoutInferred = true;
        if (entry.fast[0]!(b, bodyEnd, candidate, options)) return candidate;
        const choice = chooseLayout(plan, b, bodyEnd, undefined);
        if (choice.index !== 0) {
          candidate.layoutVersion = choice.layout.version;
          if (entry.fast[choice.index]!(b, bodyEnd, candidate, options)) return candidate;
        }
      } else {
        const choice = chooseLayout(plan, b, bodyEnd, options.version);
        candidate.layoutVersion = choice.layout.version;
        if (entry.fast[choice.index]!(b, bodyEnd, candidate, options)) return candidate;
      }
    }
  }

  if (bodyLength > MAX_PLAUSIBLE_BODY) {
    const shownEnd = Math.min(b.length, HEADER_LENGTH + 4096);
    const hidden = withholdBytes(typeId, b, HEADER_LENGTH, shownEnd, true, options.showSecrets);
    const why = SECRET_MESSAGE_IDS.has(typeId) ? `a ${type} carries a secret` : 'the bytes may hold a ClientPassword or AgentPassword; --show-secrets shows them';
    diagnostics.push(
      diagnostic(
        'BODY_LENGTH_ABSURD',
        `BodyLength ${bodyLength} is beyond any plausible message (${MAX_PLAUSIBLE_BODY} at most); the body is not decoded${hidden ? ` (nor shown: ${why})` : ''}`,
        0,
      ),
    );
    const damaged: DecodedMessage = { type, typeId, bodyLength, fields: {}, labels: {}, diagnostics };
    // A message of a type without a body definition always has bodyHex (empty when withheld).
    if (!hidden) damaged.bodyHex = toHex(b, HEADER_LENGTH, shownEnd);
    else if (plan === undefined) damaged.bodyHex = '';
    return damaged;
  }
  const bodyEnd = HEADER_LENGTH + Math.min(bodyLength, present);
  if (present < bodyLength) {
    diagnostics.push(
      diagnostic('BODY_TRUNCATED', `BodyLength is ${bodyLength} but only ${present} bytes of body are present; decoding what is there`, b.length),
    );
  } else if (present > bodyLength) {
    reportTrailing(b, bodyLength, options.missing, diagnostics);
  }
  // Within the body only: a dump's hole can run past BodyLength, and its zero fill there is
  // neither the body's bytes nor trailing ones (a fixed field past the body is FIXED_PART_SHORT).
  const missing = options.missing && options.missing.length > 0 ? clipRanges(options.missing, HEADER_LENGTH + bodyLength) : undefined;
  if (missing) reportMissing(missing, bodyLength, bodyEnd, diagnostics);

  if (!plan) {
    const undefinedDef = undefinedMessageById(typeId);
    const code: DiagnosticCode = undefinedDef === undefined ? 'UNKNOWN_MESSAGE_TYPE' : undefinedDef.status === 'reserved' ? 'RESERVED_MESSAGE_TYPE' : 'UNDEFINED_MESSAGE_BODY';
    const what =
      code === 'UNKNOWN_MESSAGE_TYPE'
        ? `MessageTypeID ${typeId} is not listed by the guide; body skipped`
        : code === 'RESERVED_MESSAGE_TYPE'
          ? `MessageTypeID ${typeId} is reserved (Table 11); body skipped as chapter 11 says`
          : `${type} (${typeId}) is named in Tables 10/11 but its body is never defined; body shown as hex`;
    // The input's bytes only: not the fill of a missing tail (a message a capture cut short).
    const hexEnd = missing ? presentEnd(missing, bodyEnd) : bodyEnd;
    const hidden = withholdBytes(typeId, b, HEADER_LENGTH, hexEnd, hexEnd < HEADER_LENGTH + bodyLength, options.showSecrets);
    diagnostics.push(diagnostic(code, hidden ? `${what}; the body is ${WITHHELD}` : what, 4));
    return { type, typeId, bodyLength, fields: {}, labels: {}, diagnostics, bodyHex: hidden ? '' : toHex(b, HEADER_LENGTH, hexEnd) };
  }

  const { layout, inferred } = chooseLayout(plan, b, bodyEnd, options.version);
  const message: DecodedMessage = { type, typeId, bodyLength, fields: {}, labels: {}, diagnostics };
  if (plan.maxBody !== undefined && bodyLength > plan.maxBody) {
    diagnostics.push(
      diagnostic('BODY_OVER_GUIDE_MAXIMUM', `BodyLength ${bodyLength} exceeds the ${plan.maxBody} bytes the guide's table allows for ${type}`, 0),
    );
  }
  if (plan.layouts.length > 1) {
    message.layoutVersion = layout.version;
    if (inferred) message.layoutInferred = true;
  }
  const floatingStart = decodeFixed(layout, b, bodyEnd, message);
  new FloatingParser(plan, b, floatingStart, bodyEnd, message, options, missing).run();
  if (missing) dropMissingFixed(layout, missing, message);
  putInTableOrder(plan, layout, message);
  return message;
}

/**
 * Rebuilds `fields` (and every record) in the order of the guide's table, noting the wire
 * order of the floating fields in `floatingOrder` when it differs.
 */
function putInTableOrder(plan: MessagePlan, layout: FixedLayout, message: DecodedMessage): void {
  const wire = message.fields;
  const fields: FieldRecord = {};
  for (const slot of layout.slots) if (wire[slot.name] !== undefined) fields[slot.name] = wire[slot.name];
  const tableKeys = [...plan.top.itemByKey.keys()];
  for (const key of tableKeys) {
    const value = wire[key];
    if (value !== undefined) fields[key] = reorderRecords(plan.top.itemByKey.get(key)!, value);
  }
  const wireKeys = Object.keys(wire).filter((k) => plan.top.itemByKey.has(k));
  const inTable = tableKeys.filter((k) => wire[k] !== undefined);
  if (wireKeys.some((k, i) => k !== inTable[i])) message.floatingOrder = wireKeys;
  message.fields = fields;
}

function reorderRecords(item: FieldSlot | ScopePlan, value: FieldValue): FieldValue {
  if (!('itemByKey' in item) || !Array.isArray(value)) return value;
  return value.map((record) => {
    const rec = record as FieldRecord;
    const out: FieldRecord = {};
    for (const [key, member] of item.itemByKey) if (rec[key] !== undefined) out[key] = reorderRecords(member, rec[key]!);
    return out;
  });
}

/**
 * One BYTES_MISSING per range, counted within the body: a dump's hole can run past BodyLength
 * (a row far beyond it), and a dump can also stop short of it (BODY_TRUNCATED): the bytes
 * present are those of the body the input holds (up to `bodyEnd`) outside the ranges.
 */
function reportMissing(missing: readonly ByteRange[], bodyLength: number, bodyEnd: number, out: Diagnostic[]): void {
  const end = HEADER_LENGTH + bodyLength;
  let present = bodyEnd - HEADER_LENGTH;
  for (const range of missing) present -= Math.max(0, Math.min(range.offset + range.length, bodyEnd) - Math.max(range.offset, HEADER_LENGTH));
  for (const range of missing) {
    const length = Math.min(range.offset + range.length, end) - range.offset;
    if (length <= 0) continue;
    const body = range.offset - HEADER_LENGTH;
    out.push(
      diagnostic(
        'BYTES_MISSING',
        `${length} byte${length === 1 ? '' : 's'} at body offset ${body} (0x${body.toString(16).padStart(4, '0')}) missing from the input: ` +
          `${present} of the ${bodyLength} bytes BodyLength announces are present; fields over them are not decoded`,
        range.offset,
      ),
    );
  }
}

/**
 * TRAILING_BYTES for the bytes the input holds past the body, at the first of
 * them: not the zero fill of a missing range (a dump's hole running past BodyLength).
 */
function reportTrailing(b: Uint8Array, bodyLength: number, missing: readonly ByteRange[] | undefined, out: Diagnostic[]): void {
  const bodyEnd = HEADER_LENGTH + bodyLength;
  let count = 0;
  let first = -1;
  let at = bodyEnd;
  const past = missing ? [...missing].filter((r) => r.offset + r.length > bodyEnd).sort((x, y) => x.offset - y.offset) : [];
  for (const r of past) {
    const start = Math.max(at, Math.min(r.offset, b.length));
    if (start > at && first < 0) first = at;
    count += start - at;
    at = Math.max(at, Math.min(r.offset + r.length, b.length));
  }
  if (at < b.length && first < 0) first = at;
  count += b.length - at;
  if (count > 0) out.push(diagnostic('TRAILING_BYTES', `${count} bytes follow the end of the message (BodyLength ${bodyLength})`, first));
}

/** The ranges cut at `end` (those starting at or after it dropped); undefined if none is left. */
function clipRanges(ranges: readonly ByteRange[], end: number): readonly ByteRange[] | undefined {
  if (ranges.every((r) => r.offset + r.length <= end)) return ranges;
  const clipped = ranges.filter((r) => r.offset < end).map((r) => ({ offset: r.offset, length: Math.min(r.length, end - r.offset) }));
  return clipped.length > 0 ? clipped : undefined;
}

/** Where the bytes before `end` stop being missing: `end` less any missing ranges that reach it. */
function presentEnd(missing: readonly ByteRange[], end: number): number {
  let at = end;
  let moved = true;
  while (moved && at > HEADER_LENGTH) {
    moved = false;
    for (const r of missing) {
      if (r.offset < at && r.offset + r.length >= at) {
        at = Math.max(HEADER_LENGTH, r.offset);
        moved = true;
      }
    }
  }
  return at;
}

function overlaps(missing: readonly ByteRange[], start: number, end: number): boolean {
  for (const r of missing) if (r.offset < end && start < r.offset + r.length) return true;
  return false;
}

/**
 * Fixed fields over missing bytes are not decoded: dropped, with what was said of the value
 * read there (a reserved or unknown value: the bytes are not the sender's), and named in one
 * BYTES_MISSING.
 */
function dropMissingFixed(layout: FixedLayout, missing: readonly ByteRange[], message: DecodedMessage): void {
  const dropped: string[] = [];
  const droppedAt = new Set<number>();
  let first = -1;
  for (const slot of layout.slots) {
    const start = HEADER_LENGTH + slot.offset;
    if (!overlaps(missing, start, start + slot.size)) continue;
    delete message.fields[slot.name];
    delete message.labels[slot.name];
    dropped.push(slot.name);
    droppedAt.add(start);
    if (first < 0) first = start;
  }
  if (dropped.length === 0) return;
  message.diagnostics = message.diagnostics.filter((d) => d.code === 'BYTES_MISSING' || !droppedAt.has(d.offset));
  const what = dropped.length === 1 ? `${dropped[0]} is` : `${dropped.length} fixed fields (${dropped.join(', ')}) are`;
  message.diagnostics.push(diagnostic('BYTES_MISSING', `${what} not decoded: some of ${dropped.length === 1 ? 'its' : 'their'} bytes are missing from the input`, first));
}

// ---------------------------------------------------------------------------------------
// Layout choice
// ---------------------------------------------------------------------------------------

function chooseLayout(plan: MessagePlan, b: Uint8Array, bodyEnd: number, version: number | undefined): { layout: FixedLayout; inferred: boolean; index: number } {
  const layouts = plan.layouts;
  if (layouts.length === 1) return plan.only;
  if (version !== undefined) {
    const wanted = Math.max(10, version);
    const found = layouts.findIndex((l) => l.version <= wanted);
    const index = found < 0 ? layouts.length - 1 : found;
    return { layout: layouts[index]!, inferred: false, index };
  }
  const bodyLen = bodyEnd - HEADER_LENGTH;
  let best = layouts.length - 1;
  let bestScore = Number.POSITIVE_INFINITY;
  layouts.forEach((layout, i) => {
    if (layout.length > bodyLen) return;
    const score = probeFloating(plan.top, b, HEADER_LENGTH + layout.length, bodyEnd);
    if (score < bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return { layout: layouts[best]!, inferred: true, index: best };
}

/**
 * A cheap check of how well a floating part parses: 0 when every field is well-formed and
 * allowed; higher for unknown IDs, wrong numeric sizes and a chain that does not end exactly.
 */
function probeFloating(top: ScopePlan, b: Uint8Array, start: number, end: number): number {
  let score = 0;
  let p = start;
  while (p < end) {
    if (p + 2 > end) return score + 1000;
    const id = b[p]!;
    const len = b[p + 1]!;
    if (p + 2 + len > end) return score + 1000;
    const slot = findAnySlot(top, id);
    if (!slot) score += 10;
    else if (isNumericKind(slot.kind) && len !== KIND_SIZE[slot.kind] && !(len <= slot.def.maxSize && len > KIND_SIZE[slot.kind]!)) score += 5;
    p += 2 + len;
  }
  return score;
}

function findAnySlot(scope: ScopePlan, id: number): FieldSlot | undefined {
  const entry = scope.byId[id];
  if (!entry) return undefined;
  return entry.kind === 'field' ? entry.slots[0] : findAnySlot(entry.scope, id);
}

// ---------------------------------------------------------------------------------------
// Fixed part
// ---------------------------------------------------------------------------------------

/** Decodes the fixed part into `message`; returns the offset where the floating part starts. */
function decodeFixed(layout: FixedLayout, b: Uint8Array, bodyEnd: number, message: DecodedMessage): number {
  const fields = message.fields;
  const labels = message.labels;
  const slots = layout.slots;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    const at = HEADER_LENGTH + slot.offset;
    if (at + slot.size > bodyEnd) {
      const body = bodyEnd - HEADER_LENGTH;
      message.diagnostics.push(
        diagnostic(
          'FIXED_PART_SHORT',
          `the body has ${body} bytes but the fixed part of ${message.type} needs ${layout.length}; ${slot.name} and the fields after it are missing`,
          at,
        ),
      );
      return bodyEnd;
    }
    let value: number | boolean | string;
    switch (slot.kind) {
      case Kind.CHAR:
        value = readI8(b, at);
        break;
      case Kind.UCHAR:
        value = b[at]!;
        break;
      case Kind.SHORT:
        value = readI16(b, at);
        break;
      case Kind.USHORT:
        value = readU16(b, at);
        break;
      case Kind.INT:
        value = readI32(b, at);
        break;
      case Kind.UINT:
      case Kind.TIME:
        value = readU32(b, at);
        break;
      case Kind.BOOL: {
        const raw = readU16(b, at);
        if (raw > 1) message.diagnostics.push(diagnostic('BOOL_NOT_0_OR_1', `${slot.name} holds ${raw}; a BOOL is 0 or 1`, at));
        value = raw !== 0;
        break;
      }
      default:
        value = toHex(b, at, at + slot.size);
    }
    fields[slot.name] = value;
    if (slot.reserved && slot.documented !== undefined && value !== slot.documented) {
      message.diagnostics.push(diagnostic('RESERVED_VALUE', `${slot.name} holds ${show(value)}; the guide documents ${show(slot.documented)}`, at));
    }
    if (slot.labels && typeof value === 'number') labelCoded(slot.labels, value, slot.name, labels, message.diagnostics, at);
    else if (slot.kind === Kind.TIME && typeof value === 'number' && !slot.reserved) labels[slot.name] = timeLabel(value);
  }
  return HEADER_LENGTH + layout.length;
}

function show(v: number | boolean | string): string {
  if (typeof v === 'number') return v > 9 ? `${v} (0x${v.toString(16)})` : String(v);
  return JSON.stringify(v);
}

/** Labels an enum or mask value and diagnoses values its table does not know. */
function labelCoded(table: LabelTable, value: number, path: string, labels: Record<string, Label>, diags: Diagnostic[], offset: number): void {
  if (table.table.kind === 'mask') {
    const { names, unknownBits } = maskLabel(table, value);
    if (unknownBits !== 0) {
      names.push(hex32(unknownBits));
      if (table.table.closed) {
        diags.push(diagnostic('VALUE_NOT_IN_TABLE', `${path} has bits ${hex32(unknownBits)} that ${table.table.source} does not name`, offset));
      }
    }
    labels[path] = names;
    return;
  }
  const name = table.names.get(value);
  if (name !== undefined) {
    labels[path] = name;
    return;
  }
  const status = enumStatus(table, value);
  if (status === 'reserved') {
    diags.push(diagnostic('VALUE_RESERVED', `${path} = ${value} is marked reserved in ${table.table.source}`, offset));
  } else if (status === 'unlisted') {
    diags.push(diagnostic('VALUE_NOT_IN_TABLE', `${path} = ${value} is not listed in ${table.table.source}`, offset));
  }
}

// ---------------------------------------------------------------------------------------
// Floating part
// ---------------------------------------------------------------------------------------

/** One open scope while parsing: the message's top level or a record being filled. */
interface OpenScope {
  readonly scope: ScopePlan;
  readonly obj: FieldRecord;
  /** Which of the scope's fields this instance holds (by FieldSlot.index). */
  readonly present: Uint8Array;
  /** Label path prefix: '' at the top, 'Records[0].' inside a record. */
  readonly prefix: string;
  /** Offset of the record's first field (for diagnostics). */
  readonly offset: number;
}

const NAMED_VARIABLE_LIMIT = 2000;

class FloatingParser {
  private readonly stack: OpenScope[];
  /** Some floating fields were not read (their bytes, or the way to them, are missing from the input). */
  private unread = false;
  private namedBytes = 0;
  private namedOffset = -1;

  constructor(
    private readonly plan: MessagePlan,
    private readonly b: Uint8Array,
    private readonly start: number,
    private readonly end: number,
    private readonly message: DecodedMessage,
    private readonly options: DecodeOptions,
    private readonly missing: readonly ByteRange[] | undefined,
  ) {
    this.stack = [{ scope: plan.top, obj: message.fields, present: new Uint8Array(plan.top.fields.length), prefix: '', offset: start }];
  }

  run(): void {
    const b = this.b;
    const end = this.end;
    let p = this.start;
    while (p < end) {
      if (p + 2 > end) {
        this.diag('FLOATING_FIELD_TRUNCATED', `1 byte (0x${toHex(b, p, p + 1)}) is left where a floating field needs at least its 2-byte FieldDataID and FieldDataLength`, p);
        break;
      }
      const id = b[p]!;
      const len = b[p + 1]!;
      const dataStart = p + 2;
      const dataEnd = dataStart + len;
      if (this.missing && overlaps(this.missing, p, p + 2)) {
        this.diag('BYTES_MISSING', 'the floating part cannot be followed past bytes missing from the input', p);
        this.unread = true;
        break;
      }
      if (this.missing && overlaps(this.missing, dataStart, Math.min(dataEnd, end))) {
        // Bytes of it are missing from the input (and, running past the body, its length cannot be judged).
        this.diag('BYTES_MISSING', `${this.nameOf(id)}[${id}] is not decoded: some of its bytes are missing from the input`, p);
        this.unread = true;
        if (dataEnd > end) break;
      } else if (dataEnd > end) {
        const name = this.nameOf(id);
        // The bytes left may be (or hold) a secret's: the field's own, or fields within them.
        const secret = !this.options.showSecrets && SECRET_FIELD_IDS.has(id);
        const rest = dataStart >= end ? 'none' : secret || withholdBytes(this.plan.def.id, b, dataStart, end, false, this.options.showSecrets) ? 'not shown: a secret may be among them' : toHex(b, dataStart, end);
        this.diag('FLOATING_FIELD_TRUNCATED', `${name}[${id}] announces ${len} bytes but only ${end - dataStart} remain in the body (${rest}); not decoded`, p);
        break;
      } else {
        this.place(id, p, dataStart, dataEnd);
      }
      p = dataEnd;
    }
    this.validateScope(this.plan.top, this.message.fields, '', this.start, true);
    if (this.namedBytes > NAMED_VARIABLE_LIMIT) {
      this.diag(
        'NAMED_VARIABLES_OVER_LIMIT',
        `NamedVariable and NamedArray fields take ${this.namedBytes} bytes together; the guide allows ${NAMED_VARIABLE_LIMIT}`,
        this.namedOffset,
      );
    }
  }

  private nameOf(id: number): string {
    const entry = this.plan.top.byId[id];
    if (entry) {
      let scope: ScopePlan = this.plan.top;
      let e = entry;
      while (e.kind === 'group') {
        scope = e.scope;
        const next = scope.byId[id];
        if (!next) break;
        e = next;
      }
      if (e.kind === 'field') return e.slots[e.slots.length - 1]!.name;
    }
    return fieldIdName(id) ?? 'field';
  }

  private diag(code: DiagnosticCode, message: string, offset: number): void {
    this.message.diagnostics.push(diagnostic(code, message, offset));
  }

  /** Puts one floating field into the right scope, opening and closing records as needed. */
  private place(id: number, at: number, dataStart: number, dataEnd: number): void {
    const stack = this.stack;
    for (let i = stack.length - 1; i >= 0; i--) {
      const level = stack[i]!;
      const entry = level.scope.byId[id];
      if (entry === undefined) continue;
      if (entry.kind === 'group') {
        stack.length = i + 1;
        this.openRecord(level, entry.scope, at);
        this.place(id, at, dataStart, dataEnd);
        return;
      }
      const slots = entry.slots;
      const first = slots[0]!;
      if (first.repeats) {
        stack.length = i + 1;
        this.assignRepeating(level, first, at, dataStart, dataEnd);
        return;
      }
      if (filledCount(level.present, slots) < slots.length) {
        stack.length = i + 1;
        this.assign(level, slots, at, dataStart, dataEnd);
        return;
      }
      if (i === 0) {
        this.extra(id, at, dataEnd, 'FIELD_DUPLICATE', `${first.name}[${id}] appears again; the guide allows it once`);
        return;
      }
      // The record already holds this field: it is complete; the parent opens the next one.
    }
    const name = fieldIdName(id);
    this.extra(
      id,
      at,
      dataEnd,
      'FIELD_NOT_ALLOWED',
      `FieldDataID ${id}${name ? ` (${name} in Table 188)` : ' (not in Table 188)'} is not a field of ${this.message.type}`,
    );
  }

  private openRecord(parent: OpenScope, scope: ScopePlan, at: number): void {
    const key = scope.key;
    let list = parent.obj[key] as FieldRecord[] | undefined;
    if (list === undefined) {
      list = [];
      parent.obj[key] = list;
    }
    const obj: FieldRecord = {};
    list.push(obj);
    this.stack.push({ scope, obj, present: new Uint8Array(scope.fields.length), prefix: `${parent.prefix}${key}[${list.length - 1}].`, offset: at });
  }

  /** A field kept as hex in extras (a secret's field only when secrets are shown); `text` is the diagnostic's reason. */
  private extra(id: number, at: number, dataEnd: number, code: DiagnosticCode, text: string): void {
    if (SECRET_FIELD_IDS.has(id) && !this.options.showSecrets) {
      this.diag(code, `${text} (a secret: not kept, shown only with the secrets)`, at);
      return;
    }
    const name = fieldIdName(id);
    const extras = (this.message.extras ??= []);
    extras.push({ id, ...(name !== undefined ? { name } : {}), offset: at, hex: toHex(this.b, at + 2, dataEnd) });
    this.diag(code, `${text} (kept in extras)`, at);
  }

  private assignRepeating(level: OpenScope, slot: FieldSlot, at: number, dataStart: number, dataEnd: number): void {
    const value = this.value(slot, at, dataStart, dataEnd);
    if (value === undefined) return;
    let list = level.obj[slot.name] as FieldValue[] | undefined;
    if (list === undefined) {
      list = [];
      level.obj[slot.name] = list;
    }
    const index = list.length;
    list.push(value);
    if (slot.kind === Kind.NAMEDVAR || slot.kind === Kind.NAMEDARRAY) {
      if (this.namedOffset < 0) this.namedOffset = at;
      this.namedBytes += dataEnd - at;
      if (slot.kind === Kind.NAMEDVAR && typeof value === 'object' && 'VariableName' in value) {
        const named = value as NamedVariableValue;
        const outbound = interpretOutboundVariable(named.VariableName, named.VariableValue);
        if (outbound) this.message.labels[`${level.prefix}${slot.name}[${index}]`] = outbound.meaning;
      }
    }
  }

  private assign(level: OpenScope, slots: readonly FieldSlot[], at: number, dataStart: number, dataEnd: number): void {
    const slot = slots[slots.length - 1]!;
    const value = this.value(slot, at, dataStart, dataEnd);
    if (value === undefined) return;
    if (slots.length === 1) {
      level.obj[slot.name] = value;
      level.present[slot.index] = 1;
      this.label(slot, value, level.prefix, at);
      return;
    }
    for (const s of slots) if (!level.present[s.index]) {
      level.present[s.index] = 1;
      break;
    }
    // Several slots share this FieldDataID (CONFIG_CSQ_EVENT's reserved[184] and CSQID[184]):
    // the values keep their wire order and take the last slots, so one occurrence is CSQID.
    const filled = slots.filter((s) => level.obj[s.name] !== undefined);
    const renamed = new Map<string, string>();
    filled.forEach((s, k) => renamed.set(s.name, slots[slots.length - filled.length - 1 + k]!.name));
    const entries = Object.entries(level.obj).map(([k, v]): [string, FieldValue | undefined] => [renamed.get(k) ?? k, v]);
    for (const k of Object.keys(level.obj)) delete level.obj[k];
    for (const [k, v] of entries) level.obj[k] = v;
    for (const [from, to] of renamed) {
      delete this.message.labels[`${level.prefix}${from}`];
      const moved = slots.find((s) => s.name === to)!;
      this.label(moved, level.obj[to]!, level.prefix, at);
    }
    level.obj[slot.name] = value;
    this.label(slot, value, level.prefix, at);
  }

  /** Labels a field of the scope whose label-path prefix is `prefix` ('' at the top level). */
  private label(slot: FieldSlot, value: FieldValue, prefix: string, at: number): void {
    const def = slot.def;
    if (typeof value === 'number') {
      if (slot.labels) labelCoded(slot.labels, value, prefix === '' ? slot.name : prefix + slot.name, this.message.labels, this.message.diagnostics, at);
      else if (slot.kind === Kind.TIME) this.message.labels[prefix + slot.name] = timeLabel(value);
    } else if (typeof value === 'string') {
      if (def.display === 'int64' && value.length === 16) this.message.labels[prefix + slot.name] = int64Label(value);
      else if (def.deviceId && value.indexOf('.') > 0 && (this.options.version === undefined || this.options.version >= 14)) {
        const split = primaryActual(value);
        if (split) this.message.labels[prefix + slot.name] = split;
      }
    }
    if (def.reserved?.value !== undefined && !sameDocumented(value, def.reserved.value)) {
      const path = prefix + slot.name;
      this.diag('RESERVED_VALUE', `${path} holds ${JSON.stringify(value)}; the guide documents ${JSON.stringify(def.reserved.value)}`, at);
    }
  }

  /** The value of one floating field, or undefined when it cannot be read (kept in extras). */
  private value(slot: FieldSlot, at: number, dataStart: number, dataEnd: number): FieldValue | undefined {
    const len = dataEnd - dataStart;
    const def = slot.def;
    const version = this.options.version;
    if (def.since !== undefined && version !== undefined && version < def.since) {
      this.diag('FIELD_NEWER_THAN_VERSION', `${def.name}[${def.id}] was introduced in version ${def.since}; the session uses version ${version}`, at);
    }
    if (len > def.maxSize) {
      this.diag('FIELD_TOO_LONG', `${def.name}[${def.id}] holds ${len} bytes; the guide allows at most ${def.maxSize}`, at);
    }
    // A secret is read and checked as any field; only its value (and bytes quoted) is withheld.
    const hidden = def.secret === true && !this.options.showSecrets;
    const value = this.read(slot, at, dataStart, dataEnd, hidden);
    return hidden && value !== undefined ? REDACTED : value;
  }

  /** The value of one floating field (see `value`); `hidden`: its bytes are not quoted in diagnostics. */
  private read(slot: FieldSlot, at: number, dataStart: number, dataEnd: number, hidden: boolean): FieldValue | undefined {
    const b = this.b;
    const len = dataEnd - dataStart;
    const def = slot.def;
    const kind = slot.kind;
    if (isNumericKind(kind)) {
      const size = KIND_SIZE[kind]!;
      if (len !== size) {
        if (kind === Kind.BOOL && len > size && len <= def.maxSize) {
          // Table 43 sizes AutoWork 4 while a BOOL is 2 bytes: the wider form is read too.
          return indexOfNonZero(b, dataStart, dataEnd) >= 0;
        }
        this.extra(def.id, at, dataEnd, 'FIELD_SIZE_MISMATCH', `${def.name}[${def.id}] is a ${def.type} of ${size} bytes but holds ${len}`);
        return undefined;
      }
      switch (kind) {
        case Kind.CHAR:
          return readI8(b, dataStart);
        case Kind.UCHAR:
          return b[dataStart]!;
        case Kind.SHORT:
          return readI16(b, dataStart);
        case Kind.USHORT:
          return readU16(b, dataStart);
        case Kind.INT:
          return readI32(b, dataStart);
        case Kind.BOOL: {
          const raw = readU16(b, dataStart);
          if (raw > 1) this.diag('BOOL_NOT_0_OR_1', `${def.name}[${def.id}] holds ${raw}; a BOOL is 0 or 1`, at);
          return raw !== 0;
        }
        default:
          return readU32(b, dataStart);
      }
    }
    if (kind === Kind.UNSPEC) return toHex(b, dataStart, dataEnd);
    if (kind === Kind.STRING) return this.string(def.name, def.id, at, dataStart, dataEnd, hidden);
    return this.named(slot, at, dataStart, dataEnd);
  }

  private string(name: string, id: number, at: number, dataStart: number, dataEnd: number, hidden = false): string {
    const b = this.b;
    const nul = indexOfByte(b, 0, dataStart, dataEnd);
    let textEnd = dataEnd;
    if (nul < 0) {
      this.diag('STRING_NOT_TERMINATED', `${name}[${id}] has no terminating NUL`, at);
    } else {
      textEnd = nul;
      if (nul !== dataEnd - 1) {
        this.diag('STRING_DATA_AFTER_NUL', `${name}[${id}] has ${dataEnd - 1 - nul} byte(s) after its NUL (${hidden ? 'not shown: a secret' : toHex(b, nul + 1, dataEnd)})`, at);
      }
    }
    const { text, invalid } = readUtf8(b, dataStart, textEnd);
    if (invalid) this.diag('STRING_INVALID_UTF8', `${name}[${id}] is not valid UTF-8`, at);
    return text;
  }

  private named(slot: FieldSlot, at: number, dataStart: number, dataEnd: number): FieldValue | undefined {
    const b = this.b;
    const isArray = slot.kind === Kind.NAMEDARRAY;
    const nameStart = isArray ? dataStart + 1 : dataStart;
    const nameNul = nameStart <= dataEnd ? indexOfByte(b, 0, nameStart, dataEnd) : -1;
    const valueNul = nameNul < 0 ? -1 : indexOfByte(b, 0, nameNul + 1, dataEnd);
    if ((isArray && dataEnd - dataStart < 1) || nameNul < 0 || valueNul < 0) {
      this.extra(
        slot.def.id,
        at,
        dataEnd,
        'NAMED_VARIABLE_MALFORMED',
        `${slot.name}[${slot.def.id}] does not hold ${isArray ? 'an index, ' : ''}a NUL-terminated name and a NUL-terminated value`,
      );
      return undefined;
    }
    if (valueNul !== dataEnd - 1) {
      this.diag('STRING_DATA_AFTER_NUL', `${slot.name}[${slot.def.id}] has ${dataEnd - 1 - valueNul} byte(s) after its value's NUL`, at);
    }
    const name = readUtf8(b, nameStart, nameNul);
    const value = readUtf8(b, nameNul + 1, valueNul);
    if (name.invalid || value.invalid) this.diag('STRING_INVALID_UTF8', `${slot.name}[${slot.def.id}] is not valid UTF-8`, at);
    if (nameNul + 1 - nameStart > 33) this.diag('FIELD_TOO_LONG', `${slot.name} name "${name.text}" is longer than 32 characters (Table 186)`, at);
    if (valueNul - nameNul > 211) this.diag('FIELD_TOO_LONG', `${slot.name} ${name.text}: value longer than 210 bytes (Table 186)`, at);
    if (isArray) return { VariableIndex: b[dataStart]!, VariableName: name.text, VariableValue: value.text };
    return { VariableName: name.text, VariableValue: value.text };
  }

  /**
   * Required fields, conditions, counts and maxima of one scope instance (and its records).
   * When floating fields went unread (bytes missing from the input), what is absent may be in
   * them: only the maxima are checked then.
   */
  private validateScope(scope: ScopePlan, obj: FieldRecord, prefix: string, offset: number, top: boolean): void {
    const type = this.message.type;
    const judged = !this.unread;
    if (judged) for (const slot of scope.checks) {
      if (obj[slot.name] !== undefined || (slot.sameId.length > 1 && slot.sameId.some((s) => obj[s.name] !== undefined))) continue;
      const presence = slot.def.presence;
      if (presence === 'required') {
        this.diag('REQUIRED_FIELD_MISSING', `${prefix}${slot.name}[${slot.def.id}] is required in ${type} but absent`, offset);
      } else if (typeof presence === 'object' && 'field' in presence.requiredWhen) {
        const cond = presence.requiredWhen;
        const v = this.message.fields[cond.field];
        if (typeof v === 'number' && cond.in.includes(v)) {
          this.diag('REQUIRED_FIELD_MISSING', `${slot.name}[${slot.def.id}] is required in ${type} when ${cond.field} is ${v}, but absent`, offset);
        }
      }
    }
    if (judged && top && this.plan.def.atLeastOne) {
      for (const names of this.plan.def.atLeastOne) {
        if (!names.some((n) => obj[n] !== undefined)) {
          this.diag('AT_LEAST_ONE_MISSING', `${type} needs at least one of ${names.join(', ')}; none is present`, offset);
        }
      }
    }
    for (const c of scope.counted) {
      this.checkCount(obj, c.key, c.countedBy, c.max, prefix, offset, judged);
      if (c.scope === undefined) continue;
      const records = obj[c.key] as FieldRecord[] | undefined;
      if (records) for (let i = 0; i < records.length; i++) this.validateScope(c.scope, records[i]!, `${prefix}${c.key}[${i}].`, offset, false);
    }
  }

  /** `judged`: whether the list is judged against its count (not when fields went unread); maxima always are. */
  private checkCount(obj: FieldRecord, key: string, countedBy: string, max: number | undefined, prefix: string, offset: number, judged: boolean): void {
    const list = obj[key];
    const count = Array.isArray(list) ? list.length : 0;
    const counter = obj[countedBy];
    const at = this.fixedOffset(countedBy) ?? offset;
    if (typeof counter === 'number') {
      if (judged && counter !== count) {
        this.diag('COUNT_MISMATCH', `${prefix}${countedBy} is ${counter} but ${count} ${key} ${count === 1 ? 'is' : 'are'} present`, at);
      }
      if (max !== undefined && counter > max) {
        this.diag('COUNT_OVER_MAXIMUM', `${prefix}${countedBy} is ${counter}; the guide allows at most ${max}`, at);
      }
    } else if (judged && count > 0) {
      this.diag('COUNT_MISMATCH', `${count} ${prefix}${key} present but no ${countedBy} counts them`, offset);
    }
    if (max !== undefined && count > max && counter !== count) {
      this.diag('COUNT_OVER_MAXIMUM', `${count} ${prefix}${key} present; the guide allows at most ${max}`, offset);
    }
  }

  private fixedOffset(name: string): number | undefined {
    for (const layout of this.plan.layouts) {
      const slot = layout.slots.find((s: FixedSlot) => s.name === name);
      if (slot) return HEADER_LENGTH + slot.offset;
    }
    return undefined;
  }
}

function filledCount(present: Uint8Array, slots: readonly FieldSlot[]): number {
  if (slots.length === 1) return present[slots[0]!.index]!;
  let n = 0;
  for (const s of slots) n += present[s.index]!;
  return n;
}

function indexOfNonZero(b: Uint8Array, start: number, end: number): number {
  for (let i = start; i < end; i++) if (b[i] !== 0) return i;
  return -1;
}

function sameDocumented(value: FieldValue, documented: number | boolean | string): boolean {
  if (typeof value === 'string' && typeof documented === 'string') return value.trim() === documented.trim();
  return value === documented;
}
