/**
 * Capture timestamps: seconds since 1970-01-01 UTC plus nanoseconds, kept exact
 * (a double cannot hold nanoseconds since 1970, so the two parts are separate numbers).
 */

export interface CaptureTimestamp {
  /** Whole seconds since the Unix epoch (UTC); may be negative for odd files. */
  readonly sec: number;
  /** Nanoseconds within the second, 0 ≤ nsec < 1e9. */
  readonly nsec: number;
}

export const ZERO_TIMESTAMP: CaptureTimestamp = Object.freeze({ sec: 0, nsec: 0 });

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareTimestamps(a: CaptureTimestamp, b: CaptureTimestamp): number {
  return a.sec !== b.sec ? a.sec - b.sec : a.nsec - b.nsec;
}

/** Seconds as a double (loses sub-microsecond precision for current dates). */
export function timestampToSeconds(ts: CaptureTimestamp): number {
  return ts.sec + ts.nsec / 1e9;
}

/** ISO 8601 UTC with nanoseconds, e.g. `2024-05-01T12:00:00.123456789Z`. */
export function formatTimestampIso(ts: CaptureTimestamp): string {
  const iso = new Date(ts.sec * 1000).toISOString(); // yyyy-mm-ddThh:mm:ss.000Z
  return `${iso.slice(0, 19)}.${String(ts.nsec).padStart(9, '0')}Z`;
}
