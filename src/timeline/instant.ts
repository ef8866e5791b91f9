import { civilParts } from '../util/civil-time.js';

/** A point in time with nanosecond precision: seconds since 1970 UTC plus nanoseconds. */
export interface Instant {
  readonly sec: number;
  /** 0 … 999,999,999 */
  readonly nsec: number;
}

export function compareInstants(a: Instant, b: Instant): number {
  return a.sec !== b.sec ? a.sec - b.sec : a.nsec - b.nsec;
}

/** Nanoseconds from `a` to `b` as a number (exact below ~104 days). */
export function nanosBetween(a: Instant, b: Instant): number {
  return (b.sec - a.sec) * 1e9 + (b.nsec - a.nsec);
}

export function secondsBetween(a: Instant, b: Instant): number {
  return (b.sec - a.sec) + (b.nsec - a.nsec) / 1e9;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The fraction digits: nine when the nanoseconds need them, six otherwise (microseconds). */
function fraction(nsec: number): string {
  return nsec % 1000 === 0 ? pad(nsec / 1000, 6) : pad(nsec, 9);
}

let isoSecond = Number.NaN;
let isoPrefix = '';

/** RFC 3339 UTC, e.g. `2015-11-20T14:43:59.435000Z` (nanoseconds kept when present). */
export function instantToIso(t: Instant): string {
  // Timelines are in time order: the date and time of the previous second are reused.
  if (t.sec !== isoSecond) {
    const { date, time } = civilParts(t.sec);
    isoSecond = t.sec;
    isoPrefix = `${date}T${time}.`;
  }
  return `${isoPrefix}${fraction(t.nsec)}Z`;
}

/** For text output: `2015-11-20 14:43:59.435000`. */
export function instantToText(t: Instant): string {
  const { date, time } = civilParts(t.sec);
  return `${date} ${time}.${fraction(t.nsec)}`;
}
