/** The state of calls and their connections (chapter 6; Table 190 LocalConnectionState). */
import { constantTable } from '../../../protocol/constants.js';
import { num } from '../../fields.js';
import { LCS } from '../../model/calls.js';
import { masksOut } from '../../model/masks.js';
import { defineRule, type RuleMeta } from '../../rule.js';

/**
 * The LocalConnectionState each event may carry besides LCS_NONE ("not applicable"), from
 * the meaning of the event and of the Table 190 values. Events whose connection may be
 * another party's (CALL_CONNECTION_CLEARED_EVENT, transfers, conferences, CALL_DEQUEUED_EVENT,
 * CALL_DIVERTED_EVENT) are not judged.
 */
const EXPECTED: Readonly<Record<string, readonly number[]>> = {
  CALL_SERVICE_INITIATED_EVENT: [LCS.INITIATE],
  CALL_ORIGINATED_EVENT: [LCS.INITIATE, LCS.CONNECT],
  CALL_DELIVERED_EVENT: [LCS.ALERTING, LCS.INITIATE, LCS.CONNECT, LCS.QUEUED],
  CALL_ESTABLISHED_EVENT: [LCS.CONNECT],
  CALL_HELD_EVENT: [LCS.HOLD],
  CALL_RETRIEVED_EVENT: [LCS.CONNECT],
  CALL_QUEUED_EVENT: [LCS.QUEUED, LCS.CONNECT],
  CALL_FAILED_EVENT: [LCS.FAIL, LCS.NULL],
  CALL_CLEARED_EVENT: [LCS.NULL],
};

function lcsName(value: number): string {
  return constantTable('LocalConnectionState')?.entries.find((e) => e.value === value)?.name ?? String(value);
}

const LCS_RULE: RuleMeta = {
  id: 'CALL-LCS-INCONSISTENT',
  severity: 'warning',
  category: 'calls',
  spec: 'Table 190 (LocalConnectionState); call-event tables of chapter 9',
  title: 'LocalConnectionState contradicts the event',
  rationale: 'The state of the local connection should be the one the event describes (e.g. LCS_HOLD for CALL_HELD_EVENT); the guide gives no table of them, hence a warning.',
};

export const callLcsInconsistent = defineRule(LCS_RULE, {
  on: Object.keys(EXPECTED),
  check(m, ctx) {
    const lcs = num(m.fields, 'LocalConnectionState');
    const allowed = EXPECTED[m.type];
    if (lcs === undefined || lcs === LCS.NONE || !allowed || allowed.includes(lcs)) return;
    ctx.report(LCS_RULE, m.ref, `${m.type} with LocalConnectionState ${lcsName(lcs)}; expected ${allowed.map(lcsName).join(' or ')} (or LCS_NONE)`, m.callId);
  },
});

const CLEARED_WITH_CONNECTIONS: RuleMeta = {
  id: 'CALL-CLEARED-WITH-CONNECTIONS',
  severity: 'warning',
  category: 'calls',
  spec: 'chapter 6, Table 6 (CALL_CLEARED_EVENT: "normally when the last device disconnects")',
  title: 'CALL_CLEARED_EVENT while connections remain',
  rationale:
    'A call is cleared when its last connection is ("normally", hence a warning). Only connections of monitored devices count (those with their own DELIVERED / SERVICE_INITIATED / ORIGINATED / HELD / RETRIEVED events: unmonitored parties never get CALL_CONNECTION_CLEARED_EVENT); a transfer or conference keeps only its ConnectedParties. Judged in bridge mode and logs.',
};

export const callClearedWithConnections = defineRule(CLEARED_WITH_CONNECTIONS, {
  on: ['CALL_CLEARED_EVENT'],
  check(m, ctx) {
    const id = m.callId;
    if (id === undefined || !m.call) return;
    const s = m.session;
    if (s && (s.mode() !== 'bridge' || masksOut(s.open, 'CALL_CONNECTION_CLEARED_EVENT'))) return;
    // CALL_CONNECTION_CLEARED_EVENTs may be missing from a gap.
    if (s?.damagedAfter(m.call.firstEvent?.index ?? 0)) return;
    const live = m.call.liveConnections();
    if (live.length > 0) ctx.report(CLEARED_WITH_CONNECTIONS, m.ref, `CALL_CLEARED_EVENT for call ${id} while the connection(s) at ${live.join(', ')} were never cleared`, id);
  },
});
