/** Typed reads of decoded fields: rules and models never trust the shape of `fields`. */
import type { FieldRecord, FieldValue } from '../protocol/codec/decode.js';

export function num(fields: FieldRecord, name: string): number | undefined {
  const v = fields[name];
  return typeof v === 'number' ? v : undefined;
}

export function str(fields: FieldRecord, name: string): string | undefined {
  const v = fields[name];
  return typeof v === 'string' ? v : undefined;
}

/** A non-empty string field, or undefined. */
export function nonEmpty(fields: FieldRecord, name: string): string | undefined {
  const v = str(fields, name);
  return v === undefined || v === '' ? undefined : v;
}

export function bool(fields: FieldRecord, name: string): boolean | undefined {
  const v = fields[name];
  return typeof v === 'boolean' ? v : undefined;
}

function isRecord(v: FieldValue | undefined): v is FieldRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The records of a repeating group (`ConnectedParties`, `CSQs`, `Records`, ...). */
export function records(fields: FieldRecord, key: string): FieldRecord[] {
  const v = fields[key];
  if (!Array.isArray(v)) return [];
  const out: FieldRecord[] = [];
  for (const item of v) if (isRecord(item)) out.push(item);
  return out;
}

/** The length of a repeating field's array (0 when absent). */
export function count(fields: FieldRecord, key: string): number {
  const v = fields[key];
  return Array.isArray(v) ? v.length : 0;
}

/** The value of one named variable, if the message carries it. */
export function namedVariable(fields: FieldRecord, name: string): string | undefined {
  const v = fields['NamedVariable'];
  if (!Array.isArray(v)) return undefined;
  for (const item of v) {
    if (isRecord(item) && item['VariableName'] === name && typeof item['VariableValue'] === 'string') return item['VariableValue'];
  }
  return undefined;
}

/**
 * The BAResponse ECC variable: Table 8 names it BAResponse, but the chapter-8 text, Table 9's
 * title and the chapter-11 accepted flow print BResponse (spec-notes 7.9): either name is read.
 */
export function baResponse(fields: FieldRecord): string | undefined {
  return namedVariable(fields, 'BAResponse') ?? namedVariable(fields, 'BResponse');
}

/** CallIDs that mean "no call" (NULL_CALL_ID 0xFFFFFFFF, and 0 as the flows print for "none"). */
export function isRealCallId(id: number | undefined): id is number {
  return id !== undefined && id !== 0xffffffff && id !== 0;
}
