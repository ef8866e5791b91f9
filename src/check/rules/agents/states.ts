/** Agent states and their transitions (chapter 5, Table 3, "The Causes of Agent-State Transitions"). */
import { constantTable } from '../../../protocol/constants.js';
import { num } from '../../fields.js';
import { AGENT, agentKey } from '../../model/agents.js';
import { defineRule, type RuleMeta } from '../../rule.js';

function stateName(value: number): string {
  return constantTable('AgentState')?.entries.find((e) => e.value === value)?.name ?? String(value);
}

/** States an agent can be reported in (Table 3 without the request value LOGIN and the CSQ-only BUSY_OTHER). */
const REPORTED = new Set<number>([AGENT.LOGOUT, AGENT.NOT_READY, AGENT.READY, AGENT.TALKING, AGENT.WORK, AGENT.RESERVED, AGENT.UNKNOWN]);

const VALUE: RuleMeta = {
  id: 'AGENT-STATE-VALUE',
  severity: 'warning',
  category: 'agents',
  spec: 'chapter 5, Table 3',
  title: 'Agent state the guide does not report',
  rationale: 'AGENT_STATE_LOGIN is only a request value and BUSY_OTHER only a CSQ state of QUERY_AGENT_STATE_CONF; other values are not states.',
};

export const agentStateValue = defineRule(VALUE, {
  on: ['AGENT_STATE_EVENT', 'QUERY_AGENT_STATE_CONF'],
  check(m, ctx) {
    const state = num(m.fields, 'AgentState');
    if (state !== undefined && !REPORTED.has(state)) ctx.report(VALUE, m.ref, `${m.type} reports AgentState ${stateName(state)}, not a state an agent is reported in (Table 3)`);
  },
});

/** States a client may request (Table 3: TALKING and RESERVED are set by the ACD). */
const REQUESTABLE = new Set<number>([AGENT.LOGIN, AGENT.LOGOUT, AGENT.NOT_READY, AGENT.READY, AGENT.WORK]);

const SET_VALUE: RuleMeta = {
  id: 'AGENT-SET-STATE-VALUE',
  severity: 'warning',
  category: 'agents',
  spec: 'chapter 5, Table 3 and Table 5; Table 62 (ForcedFlag)',
  title: 'SET_AGENT_STATE_REQ asks for a state a client cannot set',
  rationale: 'Talking and Reserved are set automatically by the ACD; ForcedFlag 2 (authentication only) goes with AGENT_STATE_LOGIN, ForcedFlag 1 with AGENT_STATE_LOGIN or AGENT_STATE_LOGOUT only.',
};

export const agentSetStateValue = defineRule(SET_VALUE, {
  on: ['SET_AGENT_STATE_REQ'],
  check(m, ctx) {
    const state = num(m.fields, 'AgentState');
    if (state !== undefined && !REQUESTABLE.has(state)) ctx.report(SET_VALUE, m.ref, `SET_AGENT_STATE_REQ asks for ${stateName(state)}, which only the ACD sets or which is no state`);
    const forced = num(m.fields, 'ForcedFlag');
    if (forced === 2 && state !== undefined && state !== AGENT.LOGIN) {
      ctx.report(SET_VALUE, m.ref, `ForcedFlag 2 (authentication only) with ${stateName(state)}; it is used with AGENT_STATE_LOGIN`);
    } else if (forced === 1 && state !== undefined && state !== AGENT.LOGIN && state !== AGENT.LOGOUT) {
      ctx.report(SET_VALUE, m.ref, `ForcedFlag 1 (force) with ${stateName(state)}; it is used only with AGENT_STATE_LOGIN or AGENT_STATE_LOGOUT (Table 62)`);
    }
  },
});

/**
 * Transitions the guide rules out. Everything else is allowed: the guide describes example
 * transitions (Figure 7), not a complete state machine, and the chapter-11 flows show
 * Ready → Talking, Talking → Ready and Talking → Not Ready.
 */
const FORBIDDEN: ReadonlyMap<number, { readonly to: ReadonlySet<number>; readonly why: string }> = new Map([
  [AGENT.LOGOUT, { to: new Set<number>([AGENT.READY, AGENT.TALKING, AGENT.WORK, AGENT.RESERVED]), why: 'an agent who logs in is first recorded as Not Ready (Figure 7)' }],
  [AGENT.NOT_READY, { to: new Set<number>([AGENT.RESERVED, AGENT.WORK]), why: 'a Not Ready agent is not available for routed calls, and Work follows a call' }],
  [AGENT.READY, { to: new Set<number>([AGENT.WORK]), why: 'Work follows a call (Table 3, AGENT_STATE_WORK)' }],
  [AGENT.WORK, { to: new Set<number>([AGENT.RESERVED]), why: 'an agent in Work is unavailable to receive routed calls' }],
  [AGENT.TALKING, { to: new Set<number>([AGENT.RESERVED]), why: 'only an available (Ready) agent is reserved for a routed call' }],
]);

/** Table 24 bits of the states the transitions involve (logout, not ready, ready, talking, work, reserved). */
const TRANSITION_MASK = 0x2 | 0x4 | 0x8 | 0x10 | 0x20 | 0x100;

const TRANSITION: RuleMeta = {
  id: 'AGENT-STATE-TRANSITION',
  severity: 'warning',
  category: 'agents',
  spec: 'chapter 5, The Causes of Agent-State Transitions (Figure 7) and Table 3',
  title: 'Agent state transition the guide rules out',
  rationale: 'E.g. Logout straight to Ready, or Not Ready to Reserved; a warning because the guide gives examples rather than a full state machine. Not judged when the AgentStateMask hides states.',
};

export const agentStateTransition = defineRule(TRANSITION, {
  on: ['AGENT_STATE_EVENT'],
  check(m, ctx) {
    const open = m.session?.open;
    if (open && (open.agentMask & TRANSITION_MASK) !== TRANSITION_MASK) return;
    const key = agentKey(m);
    const state = num(m.fields, 'AgentState');
    if (key === undefined || state === undefined) return;
    const before = m.scope.agents.get(key);
    // Agent events may be missing from a gap since the previous one.
    if (!before || m.session?.damagedAfter(before.index)) return;
    const rule = FORBIDDEN.get(before.state);
    if (rule?.to.has(state)) {
      ctx.report(TRANSITION, m.ref, `${key.slice(key.indexOf(':') + 1)}: ${stateName(before.state)} (#${before.index}) → ${stateName(state)}; ${rule.why}`);
    }
  },
});

const LOGOUT_TALKING: RuleMeta = {
  id: 'AGENT-LOGOUT-WHILE-TALKING',
  severity: 'info',
  category: 'agents',
  spec: 'chapter 5, About Forced Agent Logout and Forced Agent Login',
  title: 'Agent logged out while talking',
  rationale: 'Possible only with ForcedFlag 1 (or another agent forcing a login on the extension): worth knowing, not wrong.',
};

export const agentLogoutWhileTalking = defineRule(LOGOUT_TALKING, {
  on: ['AGENT_STATE_EVENT'],
  check(m, ctx) {
    const key = agentKey(m);
    if (key === undefined || num(m.fields, 'AgentState') !== AGENT.LOGOUT) return;
    const before = m.scope.agents.get(key);
    if (before?.state === AGENT.TALKING && !m.session?.damagedAfter(before.index)) ctx.report(LOGOUT_TALKING, m.ref, `${key.slice(key.indexOf(':') + 1)} logged out while talking (#${before.index}): a forced logout`);
  },
});
