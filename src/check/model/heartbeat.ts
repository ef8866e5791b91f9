/**
 * The heartbeat of one session (chapter 3, "How a Session is Maintained"): the recent
 * HEARTBEAT_REQs with when the next one was sent and when each was confirmed, and the first
 * intervals between them. Whether a heartbeat went unconfirmed is judged by the times, not by
 * the order of the timeline: a gap in one direction of a capture delays that direction's
 * messages in the timeline but not their times.
 */
import type { MessageRef } from '../rule.js';

/** Intervals sampled to estimate the session's heartbeat interval. */
export const HEARTBEAT_SAMPLE = 9;
/** Heartbeats kept; the oldest is judged when it leaves. */
export const HEARTBEAT_RING = 32;

export interface Beat {
  readonly invokeId: number;
  readonly ref: MessageRef;
  readonly timeMs: number | undefined;
  /** When the next HEARTBEAT_REQ was sent. */
  nextReqMs?: number;
  confirmed: boolean;
  /** When its HEARTBEAT_CONF (or FAILURE_CONF) came. */
  confMs?: number;
}

export interface IntervalSample {
  readonly gapMs: number;
  /** The HEARTBEAT_REQ that ended the gap. */
  readonly ref: MessageRef;
}

/** Confirmed before the next HEARTBEAT_REQ was sent (or no next one yet). */
export function confirmedInTime(b: Beat): boolean {
  if (!b.confirmed) return b.nextReqMs === undefined;
  return b.nextReqMs === undefined || b.confMs === undefined || b.confMs <= b.nextReqMs;
}

export class HeartbeatState {
  /** The recent heartbeats, oldest first. */
  readonly beats: Beat[] = [];
  /** Whether the last heartbeat to leave `beats` was confirmed in time (undefined: none left yet). */
  previousInTime: boolean | undefined;
  /** The first intervals between consecutive HEARTBEAT_REQs. */
  readonly sample: IntervalSample[] = [];
  lastReqMs: number | undefined;
  requests = 0;

  request(invokeId: number, ref: MessageRef, timeMs: number | undefined): void {
    this.requests++;
    const last = this.beats.at(-1);
    if (last && timeMs !== undefined) last.nextReqMs = timeMs;
    if (timeMs !== undefined && this.lastReqMs !== undefined && this.sample.length < HEARTBEAT_SAMPLE) this.sample.push({ gapMs: timeMs - this.lastReqMs, ref });
    if (timeMs !== undefined) this.lastReqMs = timeMs;
    this.beats.push({ invokeId, ref, timeMs, confirmed: false });
    if (this.beats.length > HEARTBEAT_RING) this.previousInTime = confirmedInTime(this.beats.shift()!);
  }

  /** A HEARTBEAT_CONF (or FAILURE_CONF) for `invokeId`: false when no heartbeat waits for it. */
  confirm(invokeId: number, timeMs: number | undefined): boolean {
    for (let i = this.beats.length - 1; i >= 0; i--) {
      const b = this.beats[i]!;
      if (b.invokeId === invokeId && !b.confirmed) {
        b.confirmed = true;
        if (timeMs !== undefined) b.confMs = timeMs;
        return true;
      }
    }
    return false;
  }

  /** The median sampled interval, once at least three intervals were seen. */
  estimate(): IntervalSample | undefined {
    if (this.sample.length < 3) return undefined;
    const sorted = [...this.sample].sort((a, b) => a.gapMs - b.gapMs);
    return sorted[Math.floor((sorted.length - 1) / 2)];
  }
}
