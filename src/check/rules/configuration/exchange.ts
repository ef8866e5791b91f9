/** The configuration exchange (chapter 4): keys first, records inside blocks, partial statuses, retries. */
import { num } from '../../fields.js';
import { CONFIG_TYPE_INITIAL, CONFIG_TYPE_UPDATE } from '../../model/config-state.js';
import { defineRule, type RuleMeta } from '../../rule.js';

const RECORDS = ['CONFIG_CSQ_EVENT', 'CONFIG_APPLICATION_EVENT', 'CONFIG_AGENT_EVENT', 'CONFIG_DEVICE_EVENT'];

const BEFORE_KEYS: RuleMeta = {
  id: 'CONFIG-REQUEST-BEFORE-KEYS',
  severity: 'warning',
  category: 'configuration',
  spec: 'chapter 4, Share Configuration Data (steps 2-5); Table 35',
  title: 'CONFIG_REQUEST_EVENT before the keys',
  rationale: 'The client asks for the keys, compares them, then sends CONFIG_REQUEST_EVENT ("may be sent ... after it receives the CONFIG_KEY_EVENT"): a warning.',
  needsSession: true,
};

export const configRequestBeforeKeys = defineRule(BEFORE_KEYS, {
  on: ['CONFIG_REQUEST_EVENT'],
  check(m, ctx) {
    const s = m.session;
    if (s?.fromStart && !s.config.keysReceived && m.direction !== 'server-to-client') {
      ctx.reportUnlessDamaged(s, -1, BEFORE_KEYS, m.ref, 'CONFIG_REQUEST_EVENT before any CONFIG_KEY_EVENT: request and compare the configuration keys first');
    }
  },
});

const KEYS_UNREQUESTED: RuleMeta = {
  id: 'CONFIG-KEYS-UNREQUESTED',
  severity: 'warning',
  category: 'configuration',
  spec: 'chapter 4, Share Configuration Data (step 3); Table 32',
  title: 'CONFIG_KEY_EVENT without a request',
  rationale: 'CONFIG_KEY_EVENT is the answer to CONFIG_REQUEST_KEY_EVENT; judged for sessions seen from their start.',
  needsSession: true,
};

export const configKeysUnrequested = defineRule(KEYS_UNREQUESTED, {
  on: ['CONFIG_KEY_EVENT'],
  check(m, ctx) {
    const s = m.session;
    if (s?.fromStart && s.config.keyRequests === 0) ctx.reportUnlessDamaged(s, -1, KEYS_UNREQUESTED, m.ref, 'CONFIG_KEY_EVENT without an outstanding CONFIG_REQUEST_KEY_EVENT');
  },
});

const OUTSIDE_BLOCK: RuleMeta = {
  id: 'CONFIG-RECORD-OUTSIDE-BLOCK',
  severity: 'error',
  category: 'configuration',
  spec: 'chapter 4, Share Configuration Data (steps 6 and 7)',
  title: 'Configuration record outside CONFIG_BEGIN/END',
  rationale: 'Initial data and updates alike come in a CONFIG_BEGIN_EVENT ... CONFIG_END_EVENT block, whose records are consistent with each other.',
  needsSession: true,
};

export const configRecordOutsideBlock = defineRule(OUTSIDE_BLOCK, {
  on: RECORDS,
  check(m, ctx) {
    if (m.session?.config.block === 'closed') ctx.report(OUTSIDE_BLOCK, m.ref, `${m.type} outside a CONFIG_BEGIN_EVENT ... CONFIG_END_EVENT block`);
  },
});

const UNBALANCED: RuleMeta = {
  id: 'CONFIG-BLOCK-UNBALANCED',
  severity: 'warning',
  category: 'configuration',
  spec: 'chapter 4, Share Configuration Data (step 6); Tables 37 and 39',
  title: 'CONFIG_BEGIN_EVENT / CONFIG_END_EVENT out of pairs',
  rationale: 'A block opens with CONFIG_BEGIN_EVENT and closes with CONFIG_END_EVENT; a lone CONFIG_END_EVENT is legal only as the answer to a CONFIG_REQUEST_EVENT.',
  needsSession: true,
};

export const configBlockUnbalanced = defineRule(UNBALANCED, {
  on: ['CONFIG_BEGIN_EVENT', 'CONFIG_END_EVENT'],
  check(m, ctx) {
    const s = m.session;
    const c = s?.config;
    if (!s || !c) return;
    if (m.type === 'CONFIG_BEGIN_EVENT' && c.block === 'open') ctx.report(UNBALANCED, m.ref, 'CONFIG_BEGIN_EVENT while a block is still open (no CONFIG_END_EVENT since the last CONFIG_BEGIN_EVENT)');
    // The CONFIG_REQUEST_EVENT it answers may be held back in the timeline by a gap.
    if (m.type === 'CONFIG_END_EVENT' && c.block === 'closed' && !c.requestPending) {
      ctx.reportUnlessDamaged(s, -1, UNBALANCED, m.ref, 'CONFIG_END_EVENT without CONFIG_BEGIN_EVENT and not answering a CONFIG_REQUEST_EVENT');
    }
  },
});

const PARTIAL: RuleMeta = {
  id: 'CONFIG-PARTIAL-STATUS',
  severity: 'warning',
  category: 'configuration',
  spec: 'chapter 4, Share Configuration Data (note: status 5 until all the data is sent)',
  title: 'Initial upload block ended with status 0 before the final block',
  rationale: 'Every block of a multi-block initial upload but the last ends with CONFIG_PARTIAL (5); the last with 0.',
  needsSession: true,
};

export const configPartialStatus = defineRule(PARTIAL, {
  on: ['CONFIG_BEGIN_EVENT'],
  check(m, ctx) {
    const upload = m.session?.config.upload;
    if (!upload || upload.phase !== 'completed' || num(m.fields, 'ConfigType') !== CONFIG_TYPE_INITIAL || !upload.lastEnd) return;
    ctx.report(PARTIAL, upload.lastEnd, `CONFIG_END_EVENT status ${upload.lastEndStatus ?? '?'} ended the initial upload, yet another initial block follows (#${m.index}): it should have said CONFIG_PARTIAL (5)`);
  },
});

const INCOMPLETE: RuleMeta = {
  id: 'CONFIG-UPLOAD-INCOMPLETE',
  severity: 'warning',
  category: 'configuration',
  spec: 'chapter 4, Share Configuration Data (note: status 5 until all the data is sent)',
  title: 'Initial upload stopped at a partial block',
  rationale: 'After CONFIG_PARTIAL (5) more blocks follow until one ends with 0; a new request, an update block or CLOSE_REQ means the upload never finished.',
  needsSession: true,
};

export const configUploadIncomplete = defineRule(INCOMPLETE, {
  on: ['CONFIG_REQUEST_EVENT', 'CONFIG_BEGIN_EVENT', 'CLOSE_REQ'],
  check(m, ctx) {
    const upload = m.session?.config.upload;
    if (!upload || upload.phase !== 'active' || upload.lastEndStatus !== 5 || !upload.lastEnd) return;
    if (m.type === 'CONFIG_BEGIN_EVENT' && num(m.fields, 'ConfigType') !== CONFIG_TYPE_UPDATE) return;
    ctx.report(INCOMPLETE, upload.lastEnd, `the initial upload ended with CONFIG_PARTIAL (5) and was never completed: ${m.type} #${m.index} came next`);
  },
});

const RETRY: RuleMeta = {
  id: 'CONFIG-RETRY-TOO-SOON',
  severity: 'warning',
  category: 'configuration',
  spec: 'chapter 4, Error Handling',
  title: 'Configuration restarted less than 10 s after an error',
  rationale: '"It is required that the client waits for at least 10 seconds" before starting over; a warning because a restart can have other reasons.',
  needsSession: true,
};

export const configRetryTooSoon = defineRule(RETRY, {
  on: ['CONFIG_REQUEST_KEY_EVENT'],
  check(m, ctx) {
    const c = m.session?.config;
    if (!c || c.lastErrorMs === undefined || m.timeMs === undefined || !c.lastError) return;
    const gap = m.timeMs - c.lastErrorMs;
    if (gap >= 0 && gap < 10_000) ctx.report(RETRY, m.ref, `configuration restarted ${(gap / 1000).toFixed(1)} s after the error of ${c.lastError.type} #${c.lastError.index}; wait at least 10 s`);
  },
});

const OFFLINE: RuleMeta = {
  id: 'CONFIG-REQUEST-WHILE-OFFLINE',
  severity: 'warning',
  category: 'configuration',
  spec: 'chapter 4, Share Configuration Data (step 1)',
  title: 'Configuration requested while Unified CCX is offline',
  rationale: 'The client cannot send a configuration request before the server is online (OPEN_CONF or SYSTEM_EVENT).',
  needsSession: true,
};

export const configRequestWhileOffline = defineRule(OFFLINE, {
  on: ['CONFIG_REQUEST_KEY_EVENT', 'CONFIG_REQUEST_EVENT'],
  check(m, ctx) {
    if (m.session?.online === false) ctx.report(OFFLINE, m.ref, `${m.type} while Unified CCX is offline (UnifiedCCXOnline false or SYS_CCX_OFFLINE)`);
  },
});

const TEAM: RuleMeta = {
  id: 'CONFIG-TEAM-EVENT-UNREQUESTED',
  severity: 'warning',
  category: 'configuration',
  spec: 'chapter 4, Share Agent Team Configuration Data (steps 2-4)',
  title: 'TEAM_CONFIG_EVENT before any TEAM_CONFIG_REQ',
  rationale: 'Team data is requested explicitly; updates follow only after the TEAM_CONFIG_REQ / TEAM_CONFIG_CONF exchange.',
  needsSession: true,
};

export const configTeamEventUnrequested = defineRule(TEAM, {
  on: ['TEAM_CONFIG_EVENT'],
  check(m, ctx) {
    const s = m.session;
    if (s?.fromStart && !s.config.teamRequested) ctx.reportUnlessDamaged(s, -1, TEAM, m.ref, 'TEAM_CONFIG_EVENT although the client never sent TEAM_CONFIG_REQ');
  },
});
