/** How a session is initialized (chapter 3): OPEN_REQ first, once, with a supported version. */
import { num } from '../../fields.js';
import { openIdentity } from '../../model/clients.js';
import { defineRule, type RuleMeta } from '../../rule.js';

const NOT_FIRST: RuleMeta = {
  id: 'SESSION-OPEN-NOT-FIRST',
  severity: 'error',
  category: 'session',
  spec: 'chapter 3, How a Session is Initialized',
  title: 'Session does not start with OPEN_REQ',
  rationale: 'Once the TCP connection is up the client initializes the session with OPEN_REQ; judged only where the capture holds the connection start (its SYN).',
  needsSession: true,
};

export const sessionOpenNotFirst = defineRule(NOT_FIRST, {
  inputEnd(end, ctx) {
    for (const [id, first] of end.notOpenedFirst) {
      if (end.summaries.get(id)?.roleBasis !== 'syn' || end.damaged.has(id)) continue;
      ctx.report(NOT_FIRST, first, `the session's first message is ${first.type}, not OPEN_REQ, although the capture holds the start of its TCP connection`);
    }
  },
});

const REPEATED: RuleMeta = {
  id: 'SESSION-OPEN-REPEATED',
  severity: 'error',
  category: 'session',
  spec: 'chapter 3, Two Client Modes for Connecting with Unified CCX',
  title: 'Second OPEN_REQ in an open session',
  rationale: 'Modes and masks are set when the session is initialized and cannot change during it: a new session is needed.',
  needsSession: true,
};

export const sessionOpenRepeated = defineRule(REPEATED, {
  on: ['OPEN_REQ'],
  check(m, ctx) {
    const s = m.session;
    if (s?.open && s.openResult === 'granted') ctx.report(REPEATED, m.ref, `OPEN_REQ again in a session opened by OPEN_REQ #${s.open.ref.index}; open a new session to change modes or masks`);
  },
});

const VERSION: RuleMeta = {
  id: 'SESSION-VERSION',
  severity: 'error',
  category: 'session',
  spec: 'chapter 3, How a Session is Initialized',
  title: 'Protocol version below 10',
  rationale: 'The minimum version number supported by Unified CCX is 10.',
};

export const sessionVersion = defineRule(VERSION, {
  on: ['OPEN_REQ'],
  check(m, ctx) {
    const v = num(m.fields, 'VersionNumber');
    if (v !== undefined && v < 10) ctx.report(VERSION, m.ref, `VersionNumber ${v}: Unified CCX supports version 10 and later`);
  },
});

const IDLE: RuleMeta = {
  id: 'SESSION-IDLE-TIMEOUT-RANGE',
  severity: 'error',
  category: 'session',
  spec: 'Table 12 (IdleTimeout: less than 120 s); Table 201 (E_CTI_INVALID_TIMEOUT: at least 20 s)',
  title: 'IdleTimeout outside 20-119 s',
  rationale: 'The server rejects an IdleTimeout under 20 s (4 x the minimum 5 s heartbeat) and Table 12 requires less than 120 s.',
};

export const sessionIdleTimeoutRange = defineRule(IDLE, {
  on: ['OPEN_REQ'],
  check(m, ctx) {
    const t = num(m.fields, 'IdleTimeout');
    if (t === undefined) return;
    if (t < 20) ctx.report(IDLE, m.ref, `IdleTimeout ${t} s: at least 20 s is required (E_CTI_INVALID_TIMEOUT, 4 x the minimum heartbeat interval of 5 s)`);
    else if (t >= 120) ctx.report(IDLE, m.ref, `IdleTimeout ${t} s: it must be less than 120 s (Table 12)`);
  },
});

const RETRY: RuleMeta = {
  id: 'SESSION-OPEN-RETRY-TOO-SOON',
  severity: 'info',
  category: 'session',
  spec: 'chapter 3, How a Session is Initialized',
  title: 'OPEN_REQ retried less than 10 s after a rejection',
  rationale: '"It is a good practice to wait for at least 10 seconds before retrying": advice, hence info.',
  needsSession: true,
};

export const sessionOpenRetryTooSoon = defineRule(RETRY, {
  on: ['OPEN_REQ'],
  check(m, ctx) {
    const s = m.session;
    if (!s || m.timeMs === undefined || m.direction === 'server-to-client') return;
    const failed = ctx.clients.failedOpen(openIdentity(s.id, m.fields));
    if (!failed || failed.sessionId === s.id || failed.timeMs === undefined) return;
    const gap = (m.timeMs - failed.timeMs) / 1000;
    if (gap >= 0 && gap < 10) ctx.report(RETRY, m.ref, `OPEN_REQ ${gap.toFixed(1)} s after the same client's OPEN_REQ was rejected (FAILURE_CONF #${failed.ref.index}); wait at least 10 s`);
  },
});
