/** The client's side of keeping and ending a session (chapter 3). */
import { CLIENT_TYPES } from '../../model/requests.js';
import { defineRule, type RuleMeta } from '../../rule.js';

const SILENT: RuleMeta = {
  id: 'SESSION-CLIENT-SILENT',
  severity: 'warning',
  category: 'session',
  spec: 'chapter 3, How a Session is Maintained',
  title: 'Client silent longer than its IdleTimeout',
  rationale: 'The client must send HEARTBEAT_REQ whenever it has sent nothing for the heartbeat interval; a silence beyond IdleTimeout means it did not (a capture can miss packets: warning).',
  needsSession: true,
};

export const sessionClientSilent = defineRule(SILENT, {
  on: CLIENT_TYPES,
  check(m, ctx) {
    const s = m.session;
    if (!s || m.direction !== 'client-to-server' || m.timeMs === undefined || s.lastClientMs === undefined) return;
    // Client messages may be missing from a gap since the last one.
    if (s.lastClientIndex !== undefined && s.damagedAfter(s.lastClientIndex)) return;
    const idle = s.open?.idleTimeout;
    if (idle === undefined || idle === 0 || s.closed || s.openResult === 'failed') return;
    const gap = m.timeMs - s.lastClientMs;
    if (gap > idle * 1000 + 1000) {
      ctx.report(SILENT, m.ref, `the client sent nothing for ${(gap / 1000).toFixed(1)} s before this ${m.type}, longer than its IdleTimeout of ${idle} s: heartbeats are missing`);
    }
  },
});

const CLOSE: RuleMeta = {
  id: 'SESSION-CLOSE-UNANSWERED',
  severity: 'warning',
  category: 'session',
  spec: 'chapter 3, How a Session is Ended',
  title: 'CLOSE_REQ not answered within 5 s',
  rationale: 'The server answers CLOSE_REQ with CLOSE_CONF; the client waits up to 5 s ("should"), hence a warning.',
  needsSession: true,
};

const CLOSE_WAIT_MS = 5000;

export const sessionCloseUnanswered = defineRule(CLOSE, {
  on: ['CLOSE_CONF'],
  check(m, ctx) {
    const close = m.session?.close;
    if (!close || close.confirmed || close.timeMs === undefined || m.timeMs === undefined) return;
    const late = m.timeMs - close.timeMs;
    if (late > CLOSE_WAIT_MS) ctx.report(CLOSE, close.ref, `CLOSE_CONF #${m.index} came ${(late / 1000).toFixed(1)} s after CLOSE_REQ; the client waits up to 5 s`);
  },
  sessionEnd(s, ctx, end) {
    const close = s.close;
    if (!close || close.confirmed || s.damagedAfter(close.ref.index) || close.timeMs === undefined || end.evidenceMs === undefined) return;
    if (end.evidenceMs - close.timeMs >= CLOSE_WAIT_MS) ctx.report(CLOSE, close.ref, 'no CLOSE_CONF within 5 s of CLOSE_REQ');
  },
});

const NOT_RESET: RuleMeta = {
  id: 'SESSION-NOT-RESET',
  severity: 'error',
  category: 'session',
  spec: 'chapter 3, How a Session is Initialized / Maintained / Ended',
  title: 'Client kept using a connection it must reset',
  rationale: 'After FAILURE_CONF to OPEN_REQ or HEARTBEAT_REQ, and on CLOSE_CONF, the client resets the TCP connection; messages in flight (2 s) are tolerated.',
  needsSession: true,
};

/** Client messages this long after the reason are not in flight any more. */
const IN_FLIGHT_MS = 2000;

export const sessionNotReset = defineRule(NOT_RESET, {
  on: CLIENT_TYPES,
  check(m, ctx) {
    const s = m.session;
    const due = s?.resetDue;
    if (!s || !due || m.direction !== 'client-to-server' || due.timeMs === undefined || m.timeMs === undefined) return;
    const deadline = due.timeMs + IN_FLIGHT_MS;
    // Only the first client message past the deadline is reported.
    if (m.timeMs > deadline && (s.lastClientMs === undefined || s.lastClientMs <= deadline)) {
      ctx.report(NOT_RESET, m.ref, `${m.type} ${((m.timeMs - due.timeMs) / 1000).toFixed(1)} s after ${due.reason} (#${due.ref.index}); the client must reset the TCP connection`);
    }
  },
});
