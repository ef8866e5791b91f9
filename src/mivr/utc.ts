/** Local record time → UTC `{ sec, nsec }`, and back to ISO text for display. */
import type { UtcTime } from './types.js';

/**
 * UTC instant of a local time written with a zone `offsetMinutes` east of UTC.
 * `month` is 0-based; `nsec` is the fraction of the second in nanoseconds.
 */
export function localToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  nsec: number,
  offsetMinutes: number,
): UtcTime {
  const ms = Date.UTC(year, month, day, hour, minute, second);
  return { sec: ms / 1000 - offsetMinutes * 60, nsec };
}

/** `2015-11-20T14:43:59.435Z` (milliseconds; finer digits are shown when present). */
export function formatUtc(t: UtcTime): string {
  const base = new Date(t.sec * 1000).toISOString().slice(0, 19);
  const frac = String(t.nsec).padStart(9, '0');
  const shown = t.nsec % 1_000_000 === 0 ? frac.slice(0, 3) : frac.replace(/0+$/, '');
  return `${base}.${shown}Z`;
}

/** Orders two instants (negative when `a` is earlier). */
export function compareUtc(a: UtcTime, b: UtcTime): number {
  return a.sec !== b.sec ? a.sec - b.sec : a.nsec - b.nsec;
}
