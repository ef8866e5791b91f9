/**
 * Values of a high-level trace (text) → typed field values, by the field's wire type and
 * constant table: `16777488` → 16777488, `-1` in a UINT → 0xFFFFFFFF, `N/A` → NULL (every bit
 * set), `CALLTYPE_RESERVATION` → 18, `RESERVED` → AGENT_STATE_RESERVED (8), `true` → true.
 * Names are matched as the table spells them, then through the trace aliases
 * (`src/protocol/trace-names.ts`), then by a unique ending (`TALKING` → AGENT_STATE_TALKING).
 */
import { NULL_VALUE_WORDS, TRACE_VALUE_ALIASES } from '../trace-names.js';
import { Kind, type LabelTable } from './plan.js';

export type TextValue =
  | { readonly ok: true; readonly value: number | boolean | string }
  | { readonly ok: false; readonly reason: string; /** The symbolic name as written, kept as the label. */ readonly label?: string };

const MAX_FLOATING_DATA = 255;

const BITS: Readonly<Partial<Record<Kind, number>>> = {
  [Kind.CHAR]: 8,
  [Kind.UCHAR]: 8,
  [Kind.SHORT]: 16,
  [Kind.USHORT]: 16,
  [Kind.INT]: 32,
  [Kind.UINT]: 32,
  [Kind.TIME]: 32,
};

const SIGNED = new Set<Kind>([Kind.CHAR, Kind.SHORT, Kind.INT]);

/** Inclusive range of an integer kind. */
function range(kind: Kind): readonly [number, number] {
  const bits = BITS[kind] ?? 32;
  return SIGNED.has(kind) ? [-(2 ** (bits - 1)), 2 ** (bits - 1) - 1] : [0, 2 ** bits - 1];
}

/** Per kind (indexed by Kind): lowest and highest value, signedness, bits (computed once). */
const KINDS = 12;
const LOW: number[] = [];
const HIGH: number[] = [];
const IS_SIGNED: boolean[] = [];
const KIND_BITS: number[] = [];
for (let k = 0; k < KINDS; k++) {
  const kind = k as Kind;
  [LOW[k], HIGH[k]] = range(kind);
  IS_SIGNED[k] = SIGNED.has(kind);
  KIND_BITS[k] = BITS[kind] ?? 32;
}

const KIND_NAMES = ['CHAR', 'UCHAR', 'SHORT', 'USHORT', 'INT', 'UINT', 'BOOL', 'TIME', 'UNSPEC', 'STRING', 'NAMEDVAR', 'NAMEDARRAY'];

export function kindName(kind: Kind): string {
  return KIND_NAMES[kind] ?? 'value';
}

/**
 * An integer written in decimal (`-1`, `16777488`) or hex (`0x1f`), fitted to the kind: a
 * negative number in an unsigned field is its two's complement (`-1` → 0xFFFF in a USHORT).
 */
function integer(text: string, kind: Kind): number | undefined {
  let n: number;
  const plain = plainDigits(text);
  if (plain >= 0) {
    // The common case: 1 to 9 digits, never negative, so only the top of the range can fail.
    return plain <= HIGH[kind] ? plain : undefined;
  }
  if (/^[-+]?\d{1,20}$/.test(text)) n = Number(text);
  else if (/^0x[0-9a-f]{1,16}$/i.test(text)) n = parseInt(text.slice(2), 16);
  else return undefined;
  if (!Number.isSafeInteger(n)) return undefined;
  if (n < 0 && !IS_SIGNED[kind]) {
    const bits = KIND_BITS[kind];
    if (n < -(2 ** (bits - 1))) return undefined;
    n += 2 ** bits;
  }
  return n >= LOW[kind] && n <= HIGH[kind] ? n : undefined;
}

/** The value of 1 to 9 plain decimal digits (the common case, without a regex), or -1. */
function plainDigits(text: string): number {
  const n = text.length;
  if (n === 0 || n > 9) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Every bit of the kind set: the guide's NULL values (NULL_CALL_ID 0xFFFFFFFF, 0xFFFF …). */
function allOnes(kind: Kind): number {
  return IS_SIGNED[kind] ? -1 : 2 ** KIND_BITS[kind] - 1;
}

/** Upper case, blanks and hyphens as `_` (`CALLTYPE RESERVATION` → CALLTYPE_RESERVATION). */
function symbol(text: string): string {
  return text.trim().toUpperCase().replace(/[\s-]+/g, '_');
}

/** Suffix index of a table: `TALKING` → 4 for AgentState (unique endings only). */
const endings = new WeakMap<LabelTable, ReadonlyMap<string, number | null>>();

function endingsOf(table: LabelTable): ReadonlyMap<string, number | null> {
  let map = endings.get(table);
  if (map) return map;
  const built = new Map<string, number | null>();
  for (const [value, name] of table.names) {
    for (let i = name.indexOf('_'); i >= 0; i = name.indexOf('_', i + 1)) {
      const tail = name.slice(i + 1);
      if (tail === '') continue;
      const seen = built.get(tail);
      built.set(tail, seen === undefined || seen === value ? value : null);
    }
  }
  map = built;
  endings.set(table, map);
  return map;
}

/** A symbolic name → its value in the table (exact, alias, unique ending). */
/** Name → value of a table (the first value of a name, in table order). */
const values = new WeakMap<LabelTable, ReadonlyMap<string, number>>();

function valuesOf(table: LabelTable): ReadonlyMap<string, number> {
  let map = values.get(table);
  if (map) return map;
  const built = new Map<string, number>();
  for (const [value, name] of table.names) if (!built.has(name)) built.set(name, value);
  map = built;
  values.set(table, map);
  return map;
}

export function valueByName(table: LabelTable, written: string): number | undefined {
  const name = symbol(written);
  const byName = valuesOf(table);
  const exact = byName.get(name);
  if (exact !== undefined) return exact;
  const alias = TRACE_VALUE_ALIASES[name];
  if (alias !== undefined) {
    const v = byName.get(alias);
    if (v !== undefined) return v;
  }
  const ending = endingsOf(table).get(name);
  return ending === null ? undefined : ending;
}

function isNullWord(text: string): boolean {
  const t = text.trim().toUpperCase();
  return NULL_VALUE_WORDS.includes(t);
}

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** A numeric, BOOL or TIME field's value from its text. */
function numeric(raw: string, kind: Kind, table: LabelTable | undefined): TextValue {
  const text = raw.trim();
  if (kind === Kind.BOOL) {
    const t = text.toLowerCase();
    if (t === 'true' || t === '1' || t === 'yes') return { ok: true, value: true };
    if (t === 'false' || t === '0' || t === 'no') return { ok: true, value: false };
    return { ok: false, reason: `"${raw}" is not a BOOL (true/false)` };
  }
  if (text === '') return { ok: false, reason: `no value given for a ${kindName(kind)}` };
  const n = integer(text, kind);
  if (n !== undefined) return { ok: true, value: n };
  if (isNullWord(text)) return { ok: true, value: allOnes(kind) };
  if (/^[-+]?(?:\d+|0x[0-9a-f]+)$/i.test(text)) {
    const [lo, hi] = range(kind);
    return { ok: false, reason: `${text} does not fit a ${kindName(kind)} (${lo}…${hi}${SIGNED.has(kind) ? '' : ', or -1 for every bit set'})` };
  }
  if (table) {
    const v = valueByName(table, text);
    if (v !== undefined) {
      const fitted = integer(String(v), kind);
      if (fitted !== undefined) return { ok: true, value: fitted };
    }
    return { ok: false, reason: `"${text}" is not a name of ${table.table.source} (${table.table.id})`, label: text };
  }
  return { ok: false, reason: `"${text}" is not a number (${kindName(kind)}) and the field has no table of names`, label: text };
}

/**
 * The value of the two commonest cases without a result object (a trace gives ~15 values):
 * a short STRING, or plain decimal digits that fit an integer kind. Undefined: ask
 * valueFromText, which gives the same value in these cases (only faster, by allocating less).
 */
export function quickValue(raw: string, kind: Kind): number | string | undefined {
  if (kind === Kind.STRING) return raw.length * 3 + 1 <= MAX_FLOATING_DATA ? raw : undefined;
  if (kind > Kind.TIME || kind === Kind.BOOL) return undefined;
  const plain = plainDigits(raw);
  return plain >= 0 && plain <= HIGH[kind]! ? plain : undefined;
}

/**
 * The typed value of a fixed or floating field (not NAMEDVAR / NAMEDARRAY) from its text;
 * `maxData` is the most bytes the value may take on the wire (255 for a floating field).
 */
export function valueFromText(raw: string, kind: Kind, table: LabelTable | undefined, maxData = MAX_FLOATING_DATA): TextValue {
  if (kind === Kind.STRING) {
    // At most 3 UTF-8 bytes per UTF-16 unit: short strings always fit.
    if (raw.length * 3 + 1 > maxData && utf8Length(raw) + 1 > maxData) return { ok: false, reason: `a string of ${utf8Length(raw)} bytes does not fit a floating field (${maxData - 1} at most)` };
    return { ok: true, value: raw };
  }
  if (kind === Kind.UNSPEC) {
    const hex = raw.trim().replace(/^0x/i, '').replace(/[\s:-]/g, '').toLowerCase();
    if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/.test(hex)) return { ok: false, reason: `"${raw}" is not hex (UNSPEC)` };
    if (hex.length / 2 > maxData) return { ok: false, reason: `${hex.length / 2} bytes do not fit the field (${maxData} at most)` };
    return { ok: true, value: hex };
  }
  if (kind === Kind.NAMEDVAR || kind === Kind.NAMEDARRAY) return { ok: false, reason: `a ${kindName(kind)} is not written as one value` };
  return numeric(raw, kind, table);
}

/** Whether a named variable fits one floating field (name and value, each with its NUL). */
export function namedVariableFits(name: string, value: string): boolean {
  return utf8Length(name) + utf8Length(value) + 2 <= MAX_FLOATING_DATA;
}
