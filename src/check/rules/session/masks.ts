/**
 * The masks and services of OPEN_REQ decide what the server may send (chapter 3, "How the
 * Client Selects the Types of Messages Wanted"; chapter 4).
 */
import { constantTable } from '../../../protocol/constants.js';
import { num } from '../../fields.js';
import { maskValue, SELECTED } from '../../model/masks.js';
import { SERVICE } from '../../model/session.js';
import { defineRule, type RuleMeta } from '../../rule.js';

/** Agent states with a Table 24 bit (1 << state, docs/spec-notes.md 2.10). */
const AGENT_STATE_BITS = new Map<number, string>(
  (constantTable('AgentStateMask')?.entries ?? []).map((e) => [Math.log2(e.value), e.name] as const),
);

const MASKED: RuleMeta = {
  id: 'SESSION-EVENT-MASKED',
  severity: 'error',
  category: 'session',
  spec: 'chapter 3, How the Client Selects the Types of Messages Wanted; Tables 23-25',
  title: 'Event the client masked out',
  rationale: 'The OPEN_REQ masks ensure clients do not receive unexpected messages; SYSTEM_EVENT is never masked.',
  needsSession: true,
};

export const sessionEventMasked = defineRule(MASKED, {
  on: [...SELECTED.keys(), 'AGENT_STATE_EVENT'],
  check(m, ctx) {
    const open = m.session?.open;
    if (!open || m.direction === 'client-to-server') return;
    if (m.type === 'AGENT_STATE_EVENT') {
      const state = num(m.fields, 'AgentState');
      const name = state === undefined ? undefined : AGENT_STATE_BITS.get(state);
      if (state !== undefined && name !== undefined && (open.agentMask & (1 << state)) === 0) {
        ctx.report(MASKED, m.ref, `AGENT_STATE_EVENT with AgentState ${state}, which AgentStateMask 0x${open.agentMask.toString(16)} (OPEN_REQ #${open.ref.index}) masks out (${name})`);
      }
      return;
    }
    const sel = SELECTED.get(m.type);
    if (sel && (maskValue(open, sel.field) & sel.bit) === 0) {
      ctx.report(MASKED, m.ref, `${m.type}, which ${sel.field} 0x${maskValue(open, sel.field).toString(16)} (OPEN_REQ #${open.ref.index}) masks out (${sel.name})`);
    }
  },
});

/** Configuration data (CONFIG_KEY_EVENT and CONFIG_END_EVENT also answer clients without the service). */
const CONFIG_DATA = ['CONFIG_BEGIN_EVENT', 'CONFIG_CSQ_EVENT', 'CONFIG_APPLICATION_EVENT', 'CONFIG_AGENT_EVENT', 'CONFIG_DEVICE_EVENT'];

const CONFIG_SERVICE: RuleMeta = {
  id: 'SESSION-CONFIG-WITHOUT-SERVICE',
  severity: 'error',
  category: 'session',
  spec: 'chapter 4, Share Configuration Data (step 1)',
  title: 'Configuration data without CTI_SERVICE_CONFIG_EVENTS',
  rationale: 'The server does not provide configuration data unless the client requested CTI_SERVICE_CONFIG_EVENTS (and it was granted).',
  needsSession: true,
};

export const sessionConfigWithoutService = defineRule(CONFIG_SERVICE, {
  on: CONFIG_DATA,
  check(m, ctx) {
    const services = m.session?.services();
    if (services === undefined || m.direction === 'client-to-server') return;
    if (!(services & SERVICE.CONFIG_EVENTS)) ctx.report(CONFIG_SERVICE, m.ref, `${m.type} in a session without CTI_SERVICE_CONFIG_EVENTS (services 0x${services.toString(16)})`);
  },
});

const TEAM_SERVICE: RuleMeta = {
  id: 'SESSION-TEAM-WITHOUT-SUPERVISOR',
  severity: 'error',
  category: 'session',
  spec: 'chapter 4, Share Agent Team Configuration Data (step 1)',
  title: 'Team data without CTI_SERVICE_SUPERVISOR',
  rationale: 'The server does not provide team configuration data unless the client requested CTI_SERVICE_SUPERVISOR (and it was granted).',
  needsSession: true,
};

export const sessionTeamWithoutSupervisor = defineRule(TEAM_SERVICE, {
  on: ['TEAM_CONFIG_EVENT'],
  check(m, ctx) {
    const services = m.session?.services();
    if (services === undefined || m.direction === 'client-to-server') return;
    if (!(services & SERVICE.SUPERVISOR)) ctx.report(TEAM_SERVICE, m.ref, `TEAM_CONFIG_EVENT in a session without CTI_SERVICE_SUPERVISOR (services 0x${services.toString(16)})`);
  },
});
