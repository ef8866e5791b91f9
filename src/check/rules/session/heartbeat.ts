/** How a session is maintained (chapter 3): heartbeats, their answers and their interval. */
import { confirmedInTime, HEARTBEAT_RING, type Beat } from '../../model/heartbeat.js';
import type { SessionModel } from '../../model/session.js';
import { defineRule, type RuleContext, type RuleImpl, type RuleMeta } from '../../rule.js';

const MISSED: RuleMeta = {
  id: 'SESSION-HEARTBEAT-MISSED',
  severity: 'warning',
  category: 'session',
  spec: 'chapter 3, How a Session is Maintained',
  title: 'HEARTBEAT_REQ not confirmed before the next one',
  rationale: 'The server answers each HEARTBEAT_REQ immediately; one miss is tolerated by the protocol, three are a failure.',
  needsSession: true,
};

const UNANSWERED: RuleMeta = {
  id: 'SESSION-HEARTBEAT-UNANSWERED',
  severity: 'error',
  category: 'session',
  spec: 'chapter 3, How a Session is Maintained',
  title: 'Three heartbeats unconfirmed',
  rationale: 'If three heartbeats go unconfirmed the session has failed and the client must reset the TCP connection.',
  needsSession: true,
};

/** At the end of the input, how long after a heartbeat its confirmation may still be on its way. */
const LAST_CONF_GRACE_MS = 5000;

/**
 * Judges the heartbeats `beats[from..to)` (beats before `from`: `previousInTime` says whether
 * the one just before was confirmed in time). `endMs`: the end of the session, for the last
 * heartbeats (undefined while the session goes on).
 */
function judge(s: SessionModel, beats: readonly Beat[], from: number, to: number, previousInTime: boolean | undefined, endMs: number | undefined, ctx: RuleContext): void {
  for (let i = from; i < to; i++) {
    const h = beats[i]!;
    if (h.nextReqMs !== undefined) {
      if (!h.confirmed) {
        ctx.reportUnlessDamaged(s, h.ref.index, MISSED, h.ref, `HEARTBEAT_REQ (InvokeID ${h.invokeId}) was never confirmed, and the client sent the next HEARTBEAT_REQ`);
      } else if (h.confMs !== undefined && h.confMs > h.nextReqMs) {
        ctx.report(MISSED, h.ref, `HEARTBEAT_CONF for InvokeID ${h.invokeId} came ${((h.confMs - (h.timeMs ?? h.confMs)) / 1000).toFixed(1)} s after its HEARTBEAT_REQ, after the next HEARTBEAT_REQ`);
      }
    }
    // A run of unconfirmed heartbeats is reported once, at its first heartbeat.
    const before = i === 0 ? previousInTime : confirmedInTime(beats[i - 1]!);
    const third = beats[i + 2];
    if (before === false || !third) continue;
    const deadline = third.nextReqMs ?? (endMs !== undefined && third.timeMs !== undefined && endMs - third.timeMs >= LAST_CONF_GRACE_MS ? endMs : undefined);
    if (deadline === undefined) continue;
    const run = [h, beats[i + 1]!, third];
    if (run.every((b) => !b.confirmed || (b.confMs !== undefined && b.confMs > deadline))) {
      ctx.reportUnlessDamaged(s, h.ref.index, UNANSWERED, third.ref, `3 HEARTBEAT_REQ without HEARTBEAT_CONF (InvokeIDs ${run.map((b) => b.invokeId).join(', ')}); the session has failed and the client must reset the connection`);
    }
  }
}

/** Each heartbeat is judged when it leaves the recent ones, the last ones when the session ends. */
export const sessionHeartbeats = {
  rules: [MISSED, UNANSWERED],
  needsSession: true,
  on: ['HEARTBEAT_REQ'],
  check(m, ctx) {
    const s = m.session;
    if (!s || m.direction === 'server-to-client') return;
    const hb = s.heartbeat;
    if (hb.beats.length === HEARTBEAT_RING) judge(s, hb.beats, 0, 1, hb.previousInTime, undefined, ctx);
  },
  sessionEnd(s, ctx, end) {
    const hb = s.heartbeat;
    judge(s, hb.beats, 0, hb.beats.length, hb.previousInTime, end.evidenceMs, ctx);
  },
} satisfies RuleImpl;

const SERVER_HEARTBEAT: RuleMeta = {
  id: 'SESSION-SERVER-HEARTBEAT',
  severity: 'error',
  category: 'session',
  spec: 'chapter 3, How a Session is Maintained',
  title: 'Server sent HEARTBEAT_REQ',
  rationale: 'The server does not initiate HEARTBEAT_REQ messages; it detects failures with IdleTimeout.',
};

export const sessionServerHeartbeat = defineRule(SERVER_HEARTBEAT, {
  on: ['HEARTBEAT_REQ'],
  check(m, ctx) {
    if (m.direction === 'server-to-client') ctx.report(SERVER_HEARTBEAT, m.ref, 'HEARTBEAT_REQ sent by the server; only clients send heartbeats');
  },
});

const INTERVAL_MAX: RuleMeta = {
  id: 'SESSION-HEARTBEAT-INTERVAL-MAX',
  severity: 'error',
  category: 'session',
  spec: 'chapter 3, How a Session is Maintained',
  title: 'Heartbeat interval above 30 s',
  rationale: 'A maximum heartbeat interval of 30 seconds is accepted by the server (judged on the median of the first intervals observed).',
  needsSession: true,
};

const INTERVAL_MIN: RuleMeta = {
  id: 'SESSION-HEARTBEAT-INTERVAL-MIN',
  severity: 'info',
  category: 'session',
  spec: 'Table 201 (E_CTI_INVALID_TIMEOUT: "the minimum heartbeat interval of 5 seconds")',
  title: 'Heartbeat interval below 5 s',
  rationale: 'The guide names 5 s as the minimum interval only in passing: info.',
  needsSession: true,
};

const IDLE_RATIO: RuleMeta = {
  id: 'SESSION-IDLE-TIMEOUT-HEARTBEAT',
  severity: 'warning',
  category: 'session',
  spec: 'chapter 3, How a Session is Maintained; Table 12 (IdleTimeout)',
  title: 'IdleTimeout is not 4 x the heartbeat interval',
  rationale: 'Chapter 3 says the client must set IdleTimeout to four times the heartbeat interval; Table 12 only asks for at least twice: a warning (docs/spec-notes.md 2.1).',
  needsSession: true,
};

/** Tolerance on timing measured from captures. */
const MAX_INTERVAL_MS = 31_000;
const MIN_INTERVAL_MS = 4_500;
const RATIO_LOW = 3.5;
const RATIO_HIGH = 4.5;

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

export const sessionHeartbeatIntervalMax = defineRule(INTERVAL_MAX, {
  sessionEnd(s, ctx) {
    const est = s.heartbeat.estimate();
    if (est && est.gapMs > MAX_INTERVAL_MS) {
      ctx.report(INTERVAL_MAX, est.ref, `heartbeat interval about ${seconds(est.gapMs)} s (median of ${s.heartbeat.sample.length} intervals); the server accepts at most 30 s`);
    }
  },
});

export const sessionHeartbeatIntervalMin = defineRule(INTERVAL_MIN, {
  sessionEnd(s, ctx) {
    const est = s.heartbeat.estimate();
    if (est && est.gapMs < MIN_INTERVAL_MS) {
      ctx.report(INTERVAL_MIN, est.ref, `heartbeat interval about ${seconds(est.gapMs)} s (median of ${s.heartbeat.sample.length} intervals); the guide's minimum is 5 s`);
    }
  },
});

export const sessionIdleTimeoutHeartbeat = defineRule(IDLE_RATIO, {
  sessionEnd(s, ctx) {
    const est = s.heartbeat.estimate();
    const idle = s.open?.idleTimeout;
    if (!est || !s.open || idle === undefined || est.gapMs <= 0) return;
    const ratio = (idle * 1000) / est.gapMs;
    if (ratio < RATIO_LOW || ratio > RATIO_HIGH) {
      ctx.report(
        IDLE_RATIO,
        s.open.ref,
        `IdleTimeout ${idle} s is ${ratio.toFixed(1)} x the observed heartbeat interval of about ${seconds(est.gapMs)} s; chapter 3 asks for 4 x`,
      );
    }
  },
});
