/** Symbolic labels of decoded values: enum names, mask bit names, times, keys, device IDs. */
import type { LabelTable } from './plan.js';

export interface PrimaryActual {
  readonly primary: string;
  readonly actual: string;
}

export type Label = string | string[] | PrimaryActual;

export type ValueStatus = 'named' | 'reserved' | 'unlisted' | 'open';

/** How a coded value stands against its table. */
export function enumStatus(table: LabelTable, value: number): ValueStatus {
  if (table.names.has(value)) return 'named';
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

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** A TIME value (seconds since 1970 UTC) as ISO 8601, e.g. 2015-11-20T14:43:59Z. */
export function timeLabel(seconds: number): string {
  // Civil date from days since the epoch (H. Hinnant's algorithm): no Date object per label.
  const days = Math.floor(seconds / 86400);
  const secs = seconds - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const h = Math.floor(secs / 3600);
  const min = Math.floor((secs % 3600) / 60);
  return `${y}-${two(m)}-${two(d)}T${two(h)}:${two(min)}:${two(secs % 60)}Z`;
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
