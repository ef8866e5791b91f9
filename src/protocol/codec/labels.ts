/** Symbolic labels of decoded values: enum names, mask bit names, times, keys, device IDs. */
import { civilParts } from '../../util/civil-time.js';
import type { LabelTable } from './plan.js';

export interface PrimaryActual {
  readonly primary: string;
  readonly actual: string;
}

export type Label = string | string[] | PrimaryActual;

export type ValueStatus = 'named' | 'reserved' | 'unlisted' | 'open';

/** How a coded value stands against its table. */
export function enumStatus(table: LabelTable, value: number): ValueStatus {
  return table.names.has(value) ? 'named' : unnamedStatus(table, value);
}

/** enumStatus of a value already known to have no name (no lookup of it among the names). */
export function unnamedStatus(table: LabelTable, value: number): Exclude<ValueStatus, 'named'> {
  const reserved = table.table.reserved;
  if (reserved) for (const [lo, hi] of reserved) if (value >= lo && value <= hi) return 'reserved';
  return table.table.closed ? 'unlisted' : 'open';
}

export interface MaskLabel {
  readonly names: string[];
  /** Bits set in the value that the table does not name. */
  readonly unknownBits: number;
}

export function maskLabel(table: LabelTable, value: number): MaskLabel {
  const names: string[] = [];
  for (const [bit, name] of table.bits) if ((value & bit) >>> 0 === bit && bit !== 0) names.push(name);
  return { names, unknownBits: (value & ~table.allBits) >>> 0 };
}

export function hex32(v: number): string {
  return `0x${v.toString(16).padStart(8, '0')}`;
}

/** A TIME value (seconds since 1970 UTC) as ISO 8601, e.g. 2015-11-20T14:43:59Z. */
export function timeLabel(seconds: number): string {
  const { date, time } = civilParts(seconds);
  return `${date}T${time}Z`;
}

/** An 8-byte key given as 16 hex digits, as its unsigned decimal value. */
export function int64Label(hex: string): string {
  return hex.length === 0 ? '0' : BigInt(`0x${hex}`).toString(10);
}

/** The version-14 Primary.Actual form `1000.1001`, split; undefined for any other shape. */
export function primaryActual(value: string): PrimaryActual | undefined {
  const dot = value.indexOf('.');
  if (dot <= 0 || dot === value.length - 1 || value.indexOf('.', dot + 1) !== -1) return undefined;
  return { primary: value.slice(0, dot), actual: value.slice(dot + 1) };
}
