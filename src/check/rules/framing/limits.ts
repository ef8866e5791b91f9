/**
 * The guide's maximum numbers of repeated records: 16 connected parties, 20 CSQs (99 in
 * AGENT_STATE_EVENT, 30 per configured agent), 10 configuration records, 64 team members,
 * 16 snapshot calls and devices. A count above the maximum breaks receivers whose arrays
 * are sized by the guide: an error.
 */
import type { FieldRecord } from '../../../protocol/codec/decode.js';
import { MESSAGE_DEFS } from '../../../protocol/messages/index.js';
import type { FloatingItemDef, RecordGroupDef } from '../../../protocol/types.js';
import { num, records } from '../../fields.js';
import type { MessageRef, RuleContext, RuleImpl, RuleMeta } from '../../rule.js';

const limit = (id: string, spec: string, title: string, rationale: string): RuleMeta => ({ id, severity: 'error', category: 'framing', spec, title, rationale });

export const LIMIT_PARTIES = limit('LIMIT-PARTIES', 'Tables 87, 90, 119, 141 (NumParties: up to 16)', 'More than 16 connected parties', 'NumParties and the ConnectedParty records may not exceed 16.');
export const LIMIT_CSQS = limit(
  'LIMIT-CSQS',
  'Tables 56, 60, 95, 97 (20 CSQs; 99 in AGENT_STATE_EVENT, Table 198 MAX_CSQ_COUNT); Table 47 (30 per agent)',
  'More CSQ records than allowed',
  'CSQ lists have documented maxima (docs/spec-notes.md 4.8).',
);
export const LIMIT_CONFIG_RECORDS = limit('LIMIT-CONFIG-RECORDS', 'Tables 42, 44, 46, 48 (NumRecords: at most 10)', 'More than 10 configuration records', 'A configuration message carries at most 10 records.');
export const LIMIT_TEAM_MEMBERS = limit('LIMIT-TEAM-MEMBERS', 'Table 51 (NumRecords: at most 64)', 'More than 64 team member records', 'A TEAM_CONFIG_EVENT carries at most 64 member records.');
export const LIMIT_OTHER_RECORDS = limit('LIMIT-OTHER-RECORDS', 'Tables 15, 178, 182 (NumPeripherals, NumCallDevices, NumCalls)', 'More records than allowed', 'Snapshot call/device lists hold at most 16 entries; OPEN_CONF one peripheral.');

function ruleFor(messageType: string, group: RecordGroupDef): RuleMeta {
  if (group.key === 'ConnectedParties') return LIMIT_PARTIES;
  if (group.key === 'CSQs') return LIMIT_CSQS;
  if (group.key === 'Records') return messageType === 'TEAM_CONFIG_EVENT' ? LIMIT_TEAM_MEMBERS : LIMIT_CONFIG_RECORDS;
  return LIMIT_OTHER_RECORDS;
}

function groupsOf(items: readonly FloatingItemDef[]): RecordGroupDef[] {
  return items.filter((i): i is RecordGroupDef => i.kind === 'group');
}

function hasMax(groups: readonly RecordGroupDef[]): boolean {
  return groups.some((g) => g.max !== undefined || hasMax(groupsOf(g.members)));
}

/** Top-level record groups of each message type that has a documented maximum somewhere. */
const GROUPS: ReadonlyMap<string, readonly RecordGroupDef[]> = new Map(
  MESSAGE_DEFS.map((d) => [d.name, groupsOf(d.floating)] as const).filter(([, groups]) => hasMax(groups)),
);

function checkLevel(type: string, fields: FieldRecord, groups: readonly RecordGroupDef[], at: MessageRef, ctx: RuleContext, where: string): void {
  for (const g of groups) {
    const list = records(fields, g.key);
    if (g.max !== undefined) {
      const counted = num(fields, g.countedBy);
      const n = Math.max(list.length, counted ?? 0);
      if (n > g.max) {
        const what = counted !== undefined && counted > g.max ? `${g.countedBy} is ${counted}` : `${list.length} ${g.key} records`;
        ctx.report(ruleFor(type, g), at, `${type}${where}: ${what}; the guide allows at most ${g.max}`);
      }
    }
    const nested = groupsOf(g.members);
    if (nested.length > 0) list.forEach((r, i) => checkLevel(type, r, nested, at, ctx, `${where} ${g.key}[${i}]`));
  }
}

export const recordLimits: RuleImpl = {
  rules: [LIMIT_PARTIES, LIMIT_CSQS, LIMIT_CONFIG_RECORDS, LIMIT_TEAM_MEMBERS, LIMIT_OTHER_RECORDS],
  on: [...GROUPS.keys()],
  check(m, ctx) {
    const groups = GROUPS.get(m.type);
    if (groups) checkLevel(m.type, m.fields, groups, m.ref, ctx, '');
  },
};
