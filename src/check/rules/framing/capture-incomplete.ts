/**
 * A session whose streams the capture did not hold whole (gaps, a snapshot length cutting
 * segments, undecodable ranges): its messages there are missing, and the rules drop the findings
 * such a loss could explain. One finding per session says so, so a report on an incomplete
 * capture does not read as a clean one.
 */
import { defineRule, type RuleMeta } from '../../rule.js';

const INCOMPLETE: RuleMeta = {
  id: 'CAPTURE-INCOMPLETE',
  severity: 'warning',
  category: 'framing',
  spec: 'chapter 2, Message Structure and Syntax (a session is a stream of whole messages)',
  title: 'Session not captured whole',
  rationale: 'Bytes of the session are missing from the capture or undecodable: messages are missing there, and findings the loss could explain are not reported. A fault of the input, not necessarily of either side, hence a warning.',
  needsSession: true,
};

function bytes(n: number): string {
  return `${n} byte${n === 1 ? '' : 's'}`;
}

export const captureIncomplete = defineRule(INCOMPLETE, {
  inputEnd(end, ctx) {
    for (const [id, damage] of end.firstDamage) {
      // A session of which no message was decoded has nothing to point at.
      if (damage.anchor === undefined) continue;
      const lost = end.summaries.get(id)?.unaccountedBytes;
      const sides = lost === undefined ? '' : ` ${bytes(lost['client-to-server'] + lost['server-to-client'])} (client-to-server ${lost['client-to-server']}, server-to-client ${lost['server-to-client']}) of`;
      const where = `${damage.source.file}${damage.source.frame !== undefined ? ` frame ${damage.source.frame}` : ''}`;
      ctx.report(
        INCOMPLETE,
        damage.anchor,
        `the capture lost${sides} this session's streams (gaps, undecodable ranges), the first at ${where} (${damage.code}${damage.direction !== undefined ? `, ${damage.direction}` : ''}); ` +
          'messages there are missing, and findings the loss could explain are not reported',
      );
    }
  },
});
