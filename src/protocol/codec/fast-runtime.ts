/**
 * Helpers of the generated fast-path decoders (generated/fast-decoders.ts). Each returns
 * `undefined` where the reference decoder (decode.ts) would report a diagnostic: the fast
 * path then gives up and the reference decoder decodes the message instead.
 */
import type { NamedArrayValue, NamedVariableValue } from './decode.js';
import { int64Label, maskLabel, primaryActual, timeLabel, unnamedStatus, type Label } from './labels.js';
import type { LabelTable } from './plan.js';
import { readUtf8 } from './wire.js';
import { latin1Slice } from '../../util/latin1.js';
import { interpretOutboundVariable } from '../outbound.js';

export { readU16 as u16, readU32 as u32, readI16 as i16, readI32 as i32, readI8 as i8 } from './wire.js';
import { toHex } from './wire.js';

/** Lowercase hex of `b[start, end)`: native for longer runs, in JS for short ones. */
export function hex(b: Uint8Array, start: number, end: number): string {
  if (end - start <= 12) return toHex(b, start, end);
  return (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength)).toString('hex', start, end);
}
export { timeLabel };
export { REDACTED } from './framing.js';

/**
 * The message's bytes `[0, end)` as a latin1 string: one native call per message, from which
 * `str` cuts every ASCII string field with `substring` (no per-field native call).
 */
export function latin1(b: Uint8Array, end: number): string {
  return latin1Slice(b, 0, end);
}

/**
 * A STRING whose only NUL is its last byte and whose bytes are valid UTF-8. `t` is
 * `latin1(b, …)`: ASCII fields are cut from it.
 */
export function str(b: Uint8Array, start: number, end: number, t: string): string | undefined {
  if (end <= start || b[end - 1] !== 0) return undefined;
  const last = end - 1;
  for (let i = start; i < last; i++) {
    const c = b[i]!;
    if (c === 0) return undefined;
    if (c >= 0x80) {
      for (let j = i + 1; j < last; j++) if (b[j] === 0) return undefined;
      const u = readUtf8(b, start, last);
      return u.invalid ? undefined : u.text;
    }
  }
  return t.substring(start, last);
}

/** NUL-terminated name then NUL-terminated value, nothing after (Table 186). */
export function namedVar(b: Uint8Array, start: number, end: number, t: string): NamedVariableValue | undefined {
  return namedParts(b, start, end, t);
}

/** Index, then NUL-terminated name and value (Table 187). */
export function namedArr(b: Uint8Array, start: number, end: number, t: string): NamedArrayValue | undefined {
  if (end - start < 1) return undefined;
  const parts = namedParts(b, start + 1, end, t);
  return parts && { VariableIndex: b[start]!, VariableName: parts.VariableName, VariableValue: parts.VariableValue };
}

function namedParts(b: Uint8Array, nameStart: number, end: number, t: string): NamedVariableValue | undefined {
  let nameNul = -1;
  let ascii = true;
  for (let i = nameStart; i < end; i++) {
    const c = b[i]!;
    if (c === 0) {
      nameNul = i;
      break;
    }
    if (c >= 0x80) ascii = false;
  }
  if (nameNul < 0 || b[end - 1] !== 0 || end - 1 === nameNul) return undefined;
  for (let i = nameNul + 1; i < end - 1; i++) {
    const c = b[i]!;
    if (c === 0) return undefined;
    if (c >= 0x80) ascii = false;
  }
  if (nameNul + 1 - nameStart > 33 || end - 1 - nameNul > 211) return undefined;
  if (ascii) return { VariableName: t.substring(nameStart, nameNul), VariableValue: t.substring(nameNul + 1, end - 1) };
  const name = readUtf8(b, nameStart, nameNul);
  const value = readUtf8(b, nameNul + 1, end - 1);
  if (name.invalid || value.invalid) return undefined;
  return { VariableName: name.text, VariableValue: value.text };
}

/**
 * Label paths `<key>[i]<suffix>` for i = 0…127, built once: label keys of records and
 * repeated fields are then the same string objects every time (cheap keyed stores).
 */
export function indexedPaths(key: string, suffix: string): readonly string[] {
  return Array.from({ length: 128 }, (_, i) => `${key}[${i}]${suffix}`);
}

/** `paths[i]`, or the path built on the spot past the precomputed ones. */
export function pathAt(paths: readonly string[], i: number, key: string, suffix: string): string {
  return i < paths.length ? paths[i]! : `${key}[${i}]${suffix}`;
}

/**
 * The label of an enum value: its name; `null` when the table is open and simply does not
 * name it; `undefined` when the reference decoder would diagnose it (reserved / unlisted).
 */
export function enumName(table: LabelTable, value: number): string | null | undefined {
  const name = value < table.small.length ? table.small[value] : table.names.get(value);
  if (name !== undefined) return name;
  // Not named (`small` holds every name below its length): no second lookup among the names.
  return unnamedStatus(table, value) === 'open' ? null : undefined;
}

/** Mask names, or `undefined` when a closed table would diagnose unknown bits. */
export function maskNames(table: LabelTable, value: number): string[] | undefined {
  const { names, unknownBits } = maskLabel(table, value);
  if (unknownBits !== 0) {
    if (table.table.closed) return undefined;
    names.push(`0x${unknownBits.toString(16).padStart(8, '0')}`);
  }
  return names;
}

/** The Primary.Actual label of a device-ID string, when the version allows it. */
export function deviceLabel(labels: Record<string, Label | undefined>, path: string, value: string, version: number | undefined): void {
  if (value.indexOf('.') <= 0 || (version !== undefined && version < 14)) return;
  const split = primaryActual(value);
  if (split) labels[path] = split;
}

export function int64(labels: Record<string, Label | undefined>, path: string, hexValue: string): void {
  if (hexValue.length === 16) labels[path] = int64Label(hexValue);
}

/** The meaning of an outbound BA* named variable, as its label. */
export function outboundLabel(labels: Record<string, Label | undefined>, path: string, v: NamedVariableValue): void {
  const outbound = interpretOutboundVariable(v.VariableName, v.VariableValue);
  if (outbound) labels[path] = outbound.meaning;
}

/** Whether a reserved STRING holds its documented value (blank-insensitive). */
export function sameText(value: string, documented: string): boolean {
  return value.trim() === documented.trim();
}

/** The keys of the items with a non-zero sequence number, in sequence order. */
export function wireOrder(sequence: readonly number[], keys: readonly string[]): string[] {
  // The fast decoders number the items present 1, 2, 3… as they first come: each number is a
  // place in the result, no sort needed. Any other numbering is sorted as before.
  let count = 0;
  let top = 0;
  for (let i = 0; i < sequence.length; i++) {
    const n = sequence[i]!;
    if (n > 0) {
      count++;
      if (n > top) top = n;
    }
  }
  if (top !== count) return sortedOrder(sequence, keys);
  const out = new Array<string>(count);
  for (let i = 0; i < sequence.length; i++) {
    const n = sequence[i]!;
    if (n > 0) {
      if (out[n - 1] !== undefined) return sortedOrder(sequence, keys);
      out[n - 1] = keys[i]!;
    }
  }
  return out;
}

function sortedOrder(sequence: readonly number[], keys: readonly string[]): string[] {
  return keys
    .map((key, i) => [sequence[i]!, key] as const)
    .filter(([n]) => n > 0)
    .sort((a, b) => a[0] - b[0])
    .map(([, key]) => key);
}
