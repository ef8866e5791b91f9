/** Each message goes one way (Table 10, "Sent by"). */
import { defineRule, type RuleMeta } from '../../rule.js';

const META: RuleMeta = {
  id: 'MSG-WRONG-DIRECTION',
  severity: 'error',
  category: 'framing',
  spec: 'Table 10 ("Sent by")',
  title: 'Message sent in the wrong direction',
  rationale: 'Table 10 says who sends each message; a client message from the server (or the reverse) is never valid.',
};

export const msgWrongDirection = defineRule(META, {
  check(m, ctx) {
    const sentBy = m.def?.sentBy;
    if (m.direction === undefined || sentBy === undefined || sentBy === 'either') return;
    // The server's HEARTBEAT_REQ has a rule of its own (SESSION-SERVER-HEARTBEAT).
    if (m.type === 'HEARTBEAT_REQ') return;
    const actual = m.direction === 'client-to-server' ? 'client' : 'server';
    if (actual !== sentBy) ctx.report(META, m.ref, `${m.type} sent by the ${actual}; Table 10 has it sent by the ${sentBy}`);
  },
});
