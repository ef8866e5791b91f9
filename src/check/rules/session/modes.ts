/** The two client modes and the services of OPEN_REQ / OPEN_CONF (chapter 3, Table 22). */
import { nonEmpty, num } from '../../fields.js';
import { SERVICE } from '../../model/session.js';
import { defineRule, type RuleMeta } from '../../rule.js';

const AGENT_FIELDS = ['AgentExtension', 'AgentID', 'AgentInstrument'] as const;

const EXCLUSIVE: RuleMeta = {
  id: 'SESSION-MODE-EXCLUSIVE',
  severity: 'error',
  category: 'session',
  spec: 'chapter 3, Two Client Modes for Connecting with Unified CCX; Table 22',
  title: 'Agent mode and bridge mode both requested',
  rationale: 'CTI_SERVICE_CLIENT_EVENTS and CTI_SERVICE_ALL_EVENTS are mutually exclusive.',
};

export const sessionModeExclusive = defineRule(EXCLUSIVE, {
  on: ['OPEN_REQ'],
  check(m, ctx) {
    const services = num(m.fields, 'ServicesRequested') ?? 0;
    if (services & SERVICE.CLIENT_EVENTS && services & SERVICE.ALL_EVENTS) {
      ctx.report(EXCLUSIVE, m.ref, 'ServicesRequested has both CTI_SERVICE_CLIENT_EVENTS (agent mode) and CTI_SERVICE_ALL_EVENTS (bridge mode)');
    }
  },
});

const AGENT_IDENTITY: RuleMeta = {
  id: 'SESSION-AGENT-MODE-IDENTITY',
  severity: 'error',
  category: 'session',
  spec: 'Table 13 (AgentExtension, AgentInstrument, AgentID: required for agent mode)',
  title: 'Agent mode without an agent',
  rationale: 'For agent mode at least one of AgentExtension, AgentID or AgentInstrument must be provided.',
};

export const sessionAgentModeIdentity = defineRule(AGENT_IDENTITY, {
  on: ['OPEN_REQ'],
  check(m, ctx) {
    const services = num(m.fields, 'ServicesRequested') ?? 0;
    if (!(services & SERVICE.CLIENT_EVENTS) || services & SERVICE.ALL_EVENTS) return;
    if (AGENT_FIELDS.every((name) => nonEmpty(m.fields, name) === undefined)) {
      ctx.report(AGENT_IDENTITY, m.ref, 'agent mode (CTI_SERVICE_CLIENT_EVENTS) but none of AgentExtension, AgentID, AgentInstrument is given');
    }
  },
});

const BRIDGE_FIELDS: RuleMeta = {
  id: 'SESSION-BRIDGE-MODE-AGENT-FIELDS',
  severity: 'warning',
  category: 'session',
  spec: 'OPEN_REQ note (page 73): "Do not set agent-mode fields for a bridge-mode client"',
  title: 'Bridge mode names an agent',
  rationale: 'A bridge-mode client receives every agent; agent fields in its OPEN_REQ are meaningless (the server ignores them): a warning.',
};

export const sessionBridgeModeAgentFields = defineRule(BRIDGE_FIELDS, {
  on: ['OPEN_REQ'],
  check(m, ctx) {
    const services = num(m.fields, 'ServicesRequested') ?? 0;
    if (!(services & SERVICE.ALL_EVENTS) || services & SERVICE.CLIENT_EVENTS) return;
    const given = AGENT_FIELDS.filter((name) => nonEmpty(m.fields, name) !== undefined);
    if (given.length > 0) ctx.report(BRIDGE_FIELDS, m.ref, `bridge mode (CTI_SERVICE_ALL_EVENTS) with agent-mode fields: ${given.join(', ')}`);
  },
});

const GRANTED: RuleMeta = {
  id: 'SESSION-SERVICES-GRANTED',
  severity: 'error',
  category: 'session',
  spec: 'Table 14 (ServicesGranted); chapter 3, How the Client Selects the Types of Messages Wanted',
  title: 'Service granted that was not requested',
  rationale: 'Services granted can be less than those requested, never more.',
  needsSession: true,
};

export const sessionServicesGranted = defineRule(GRANTED, {
  on: ['OPEN_CONF'],
  check(m, ctx) {
    const open = m.session?.open;
    const granted = num(m.fields, 'ServicesGranted');
    if (!open || granted === undefined || num(m.fields, 'InvokeID') !== open.invokeId) return;
    const extra = granted & ~open.services;
    if (extra !== 0) {
      ctx.report(GRANTED, m.ref, `ServicesGranted 0x${granted.toString(16)} has bits 0x${(extra >>> 0).toString(16)} that ServicesRequested 0x${open.services.toString(16)} (OPEN_REQ #${open.ref.index}) did not ask for`);
    }
  },
});
