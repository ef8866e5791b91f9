/** The outbound ECC variables' values (chapter 8, Tables 8 and 9). */
import { MESSAGE_DEFS, flattenFloating } from '../../../protocol/messages/index.js';
import { interpretOutboundVariable, matchBAResponse } from '../../../protocol/outbound.js';
import { baResponse, isRealCallId, namedVariable, num } from '../../fields.js';
import { defineRule, type RuleMeta } from '../../rule.js';

/** Messages that can carry named variables. */
const WITH_NAMED_VARIABLES = MESSAGE_DEFS.filter((d) => flattenFloating(d.floating).some((f) => f.name === 'NamedVariable')).map((d) => d.name);

function valueRule(variable: 'BAStatus' | 'BAResponse', meta: RuleMeta) {
  return defineRule(meta, {
    on: WITH_NAMED_VARIABLES,
    check(m, ctx) {
      const value = variable === 'BAResponse' ? baResponse(m.fields) : namedVariable(m.fields, variable);
      if (value !== undefined) {
        const meaning = interpretOutboundVariable(variable, value);
        if (meaning && !meaning.valid) {
          const id = num(m.fields, 'CallID');
          ctx.report(meta, m.ref, `${m.type}: ${meaning.meaning}`, isRealCallId(id) ? id : undefined);
        }
      }
    },
  });
}

export const outboundBAStatusValue = valueRule('BAStatus', {
  id: 'OUTBOUND-BASTATUS-VALUE',
  severity: 'warning',
  category: 'outbound',
  spec: 'chapter 8, Table 8 (BAStatus)',
  title: 'BAStatus not per Table 8',
  rationale: 'BAStatus is two characters: the mode D, C or Z, then O (outbound).',
});

export const outboundBAResponseValue = valueRule('BAResponse', {
  id: 'OUTBOUND-BARESPONSE-VALUE',
  severity: 'warning',
  category: 'outbound',
  spec: 'chapter 8, Table 9 (BAResponse)',
  title: 'BAResponse not per Table 9',
  rationale: 'The dialer understands the values of Table 9 only (Accept, Reject, ..., "Callback mmddyyyy hh:mm", "P#digits").',
});

const PHASE: RuleMeta = {
  id: 'OUTBOUND-BARESPONSE-PHASE',
  severity: 'warning',
  category: 'outbound',
  spec: 'chapter 8, Table 9 ("Values used to respond to the reservation call" / "during a preview call")',
  title: 'BAResponse for the wrong kind of call',
  rationale: 'Accept, Reject, Skip ... answer a reservation call; Reclassify, Callback ... apply during a preview call. Judged only where the call is known.',
};

export const outboundBAResponsePhase = defineRule(PHASE, {
  on: ['SET_CALL_DATA_REQ'],
  check(m, ctx) {
    if (m.direction === 'server-to-client') return;
    const response = baResponse(m.fields);
    const id = num(m.fields, 'CallID');
    const found = response === undefined || response === '' ? undefined : matchBAResponse(response);
    if (!found || !isRealCallId(id)) return;
    const call = m.scope.calls.get(id);
    if (!call) return;
    if (found.def.phase === 'reservation' && call.isPreview() && !call.isReservation()) {
      ctx.report(PHASE, m.ref, `BAResponse "${response}" answers a reservation call, but call ${id} is a preview call`, id);
    } else if (found.def.phase === 'preview' && call.isReservation() && !call.isPreview()) {
      ctx.report(PHASE, m.ref, `BAResponse "${response}" applies during a preview call, but call ${id} is a reservation call`, id);
    }
  },
});
