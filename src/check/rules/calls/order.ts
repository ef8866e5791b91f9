/**
 * The order guarantees the guide gives for call events (chapter 6 and the call-event
 * tables). Everything else about the order of call events is unspecified ("The Unspecified
 * Flow of Call-Event Messages") and is not checked.
 */
import { nonEmpty } from '../../fields.js';
import { masksOut } from '../../model/masks.js';
import { defineRule, type RuleMeta } from '../../rule.js';

const CALL_EVENTS_BUT_BEGIN = [
  'END_CALL_EVENT',
  'CALL_DATA_UPDATE_EVENT',
  'CALL_DELIVERED_EVENT',
  'CALL_ESTABLISHED_EVENT',
  'CALL_HELD_EVENT',
  'CALL_RETRIEVED_EVENT',
  'CALL_CLEARED_EVENT',
  'CALL_CONNECTION_CLEARED_EVENT',
  'CALL_ORIGINATED_EVENT',
  'CALL_FAILED_EVENT',
  'CALL_DIVERTED_EVENT',
  'CALL_SERVICE_INITIATED_EVENT',
  'CALL_QUEUED_EVENT',
  'CALL_DEQUEUED_EVENT',
  'RTP_STARTED_EVENT',
  'RTP_STOPPED_EVENT',
];

const BEGIN_NOT_FIRST: RuleMeta = {
  id: 'CALL-BEGIN-NOT-FIRST',
  severity: 'warning',
  category: 'calls',
  spec: 'BEGIN_CALL_EVENT (Table 65 text: "always precedes any other event messages for that call")',
  title: 'BEGIN_CALL_EVENT after other events of its call',
  rationale:
    'BEGIN_CALL_EVENT announces a call to the client first; a warning because several calls may share a CallID, and CALL_DATA_UPDATE_EVENT before it is allowed (the chapter-11 outbound flow sends one).',
  needsSession: true,
};

export const callBeginNotFirst = defineRule(BEGIN_NOT_FIRST, {
  on: ['BEGIN_CALL_EVENT'],
  check(m, ctx) {
    const id = m.callId;
    if (id === undefined || m.direction === 'client-to-server') return;
    const first = m.call?.firstEvent;
    // An END_CALL_EVENT may be missing from a gap since (the ID then reused by a new call).
    if (first && !m.session?.damagedAfter(first.index)) ctx.report(BEGIN_NOT_FIRST, m.ref, `BEGIN_CALL_EVENT for call ${id} after ${first.type} #${first.index} of the same call`, id);
  },
});

const AFTER_END: RuleMeta = {
  id: 'CALL-EVENT-AFTER-END',
  severity: 'error',
  category: 'calls',
  spec: 'END_CALL_EVENT (Table 67 text: "no further call-event messages for the call are sent to this client")',
  title: 'Call event after END_CALL_EVENT',
  rationale: 'END_CALL_EVENT dissolves the association of the call with the client; a new call with the same CallID starts with BEGIN_CALL_EVENT (judged only where BEGIN_CALL_EVENT is not masked).',
  needsSession: true,
};

export const callEventAfterEnd = defineRule(AFTER_END, {
  on: CALL_EVENTS_BUT_BEGIN,
  check(m, ctx) {
    const id = m.callId;
    if (id === undefined || m.call || m.direction === 'client-to-server') return;
    if (masksOut(m.session?.open, 'BEGIN_CALL_EVENT')) return;
    const end = m.scope.calls.ended.get(id);
    // A BEGIN_CALL_EVENT reusing the ID may be missing from a gap since.
    if (end !== undefined && !m.session?.damagedAfter(end)) ctx.report(AFTER_END, m.ref, `${m.type} for call ${id} after its END_CALL_EVENT #${end}`, id);
  },
});

const DELIVERED_AFTER_ESTABLISHED: RuleMeta = {
  id: 'CALL-DELIVERED-AFTER-ESTABLISHED',
  severity: 'error',
  category: 'calls',
  spec: 'chapter 6, Call Events ("the CALL_DELIVERED event is always before the CALL_ESTABLISHED event")',
  title: 'CALL_DELIVERED_EVENT after CALL_ESTABLISHED_EVENT at the same device',
  rationale: 'The one order of call events the guide guarantees. Not judged for a client that masked CALL_CONNECTION_CLEARED_EVENT out: it is not told that a connection ended, so a new one at the same device cannot be told apart.',
};

export const callDeliveredAfterEstablished = defineRule(DELIVERED_AFTER_ESTABLISHED, {
  on: ['CALL_DELIVERED_EVENT'],
  check(m, ctx) {
    const id = m.callId;
    const device = nonEmpty(m.fields, 'ConnectionDeviceID');
    if (id === undefined || device === undefined) return;
    // The CALL_CONNECTION_CLEARED_EVENT that ended the established connection is not sent to this client (Table 23).
    if (masksOut(m.session?.open, 'CALL_CONNECTION_CLEARED_EVENT')) return;
    const established = m.call?.connectionOf(device)?.established;
    if (established !== undefined) ctx.report(DELIVERED_AFTER_ESTABLISHED, m.ref, `CALL_DELIVERED_EVENT for call ${id} at ${device} after CALL_ESTABLISHED_EVENT #${established} at the same device`, id);
  },
});

const DELIVERED_AFTER_MERGE: RuleMeta = {
  id: 'CALL-DELIVERED-AFTER-MERGE',
  severity: 'error',
  category: 'calls',
  spec: 'CALL_CONFERENCED_EVENT and CALL_TRANSFERRED_EVENT (pages 123 and 125: sent after any CALL_DELIVERED_EVENT for the secondary call)',
  title: 'CALL_DELIVERED_EVENT of a secondary call after its transfer or conference',
  rationale: 'Unified CCX MUST send CALL_CONFERENCED_EVENT / CALL_TRANSFERRED_EVENT after any CALL_DELIVERED_EVENT of the secondary call, even for a blind conference.',
};

export const callDeliveredAfterMerge = defineRule(DELIVERED_AFTER_MERGE, {
  on: ['CALL_DELIVERED_EVENT'],
  check(m, ctx) {
    const id = m.callId;
    const call = m.call;
    if (id !== undefined && call?.mergedBy && !call.cleared) {
      ctx.report(DELIVERED_AFTER_MERGE, m.ref, `CALL_DELIVERED_EVENT for call ${id} after ${call.mergedBy.type} #${call.mergedBy.index} merged it as the secondary call`, id);
    }
  },
});
