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

/** `n` (an integer, 0 ≤ n < 10^width) with leading zeros to `width` digits. */
function digits(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '000000000'.slice(0, width - s.length) + s;
}

/** The fraction digits: nine when the nanoseconds need them, six otherwise (microseconds). */
function fraction(nsec: number): string {
  return nsec % 1000 === 0 ? digits(nsec / 1000, 6) : digits(nsec, 9);
}

/** Timelines are in time order: the date and time of the previous second are reused. */
let cachedSecond = Number.NaN;
let cachedDate = '';
let cachedTime = '';

function civil(sec: number): void {
  if (sec !== cachedSecond) {
    const { date, time } = civilParts(sec);
    cachedSecond = sec;
    cachedDate = date;
    cachedTime = time;
  }
}

/** Seconds of 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years RFC 3339 can write. */
export const RFC3339_FIRST_SECOND = -62_167_219_200;
export const RFC3339_LAST_SECOND = 253_402_300_799;

/**
 * Whether `instantToIso` gives a valid RFC 3339 date-time: years 0000–9999. A damaged
 * capture (a corrupted timestamp or if_tsresol) can put a packet in the year 58866; JSON
 * outputs then leave `ts` out rather than print a date-time their schema rejects.
 */
export function isoRepresentable(t: Instant): boolean {
  return t.sec >= RFC3339_FIRST_SECOND && t.sec <= RFC3339_LAST_SECOND && Number.isInteger(t.sec);
}

/** RFC 3339 UTC, e.g. `2015-11-20T14:43:59.435000Z` (nanoseconds kept when present). */
export function instantToIso(t: Instant): string {
  civil(t.sec);
  return `${cachedDate}T${cachedTime}.${fraction(t.nsec)}Z`;
}

/** For text output: `2015-11-20 14:43:59.435000`. */
export function instantToText(t: Instant): string {
  civil(t.sec);
  return `${cachedDate} ${cachedTime}.${fraction(t.nsec)}`;
}
