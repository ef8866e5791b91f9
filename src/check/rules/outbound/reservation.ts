/**
 * The reservation call is cleared after Accept, Reject, Reject-Close or Cancel Reservation
 * (chapter 8, Outbound Call Events, step 3).
 */
import { num } from '../../fields.js';
import { CLEARING_WINDOW_MS, type PendingClearing } from '../../model/outbound.js';
import { defineRule, type MessageRef, type RuleContext, type RuleMeta } from '../../rule.js';

const NOT_CLEARED: RuleMeta = {
  id: 'OUTBOUND-RESERVATION-NOT-CLEARED',
  severity: 'warning',
  category: 'outbound',
  spec: 'chapter 8, Outbound Call Events (step 3)',
  title: 'Reservation call not cleared after the answer',
  rationale:
    'After Accept, Reject, Reject-Close or Cancel Reservation Unified CCX sends CALL_CONNECTION_CLEARED_EVENT for the reservation call; the guide gives no delay (15 s is allowed) and its own reject flow clears another CallID, hence a warning. Not expected after an answer the server refused (FAILURE_CONF, CONTROL_FAILURE_CONF) nor by a client that masked CALL_CONNECTION_CLEARED_EVENT out.',
};

function report(ctx: RuleContext, p: PendingClearing, why: string, at?: MessageRef): void {
  ctx.report(NOT_CLEARED, at ?? p.ref, `reservation call ${p.callId} was not cleared after BAResponse "${p.response}" (#${p.ref.index}): ${why}`, p.callId);
}

export const outboundReservationNotCleared = defineRule(NOT_CLEARED, {
  check(m, ctx) {
    const tracker = m.scope.outbound;
    if (tracker.size === 0) return;
    // The tracker hands each expired reservation to this rule once: taken first, one whose
    // END_CALL_EVENT comes after its window is reported once, for the window.
    if (m.timeMs !== undefined) {
      for (const p of tracker.takeExpired(m.timeMs)) {
        // The clearing may be in bytes the input lost.
        if (!m.session?.damagedAfter(p.ref.index)) report(ctx, p, `no CALL_CONNECTION_CLEARED_EVENT within ${CLEARING_WINDOW_MS / 1000} s`);
      }
    }
    if (m.type === 'END_CALL_EVENT') {
      const id = num(m.fields, 'CallID');
      const p = id === undefined ? undefined : tracker.pendingFor(id);
      if (p && !m.session?.damagedAfter(p.ref.index)) report(ctx, p, `END_CALL_EVENT #${m.index} came without CALL_CONNECTION_CLEARED_EVENT`);
    }
  },
  scopeEnd(scope, ctx) {
    const last = scope.lastMs;
    for (const p of scope.outbound.takeAll()) {
      if (scope.session?.damagedAfter(p.ref.index)) continue;
      if (last !== undefined && p.deadlineMs !== undefined && last > p.deadlineMs) report(ctx, p, `no CALL_CONNECTION_CLEARED_EVENT within ${CLEARING_WINDOW_MS / 1000} s`);
    }
  },
});
