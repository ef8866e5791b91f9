/**
 * LOG-RECORDS-REPEATED: a MIVR log whose records were given before (the rotated files with their
 * concatenation, a file and its gzip copy, the same server's logs collected into two
 * directories). The reader reads each record once (mivr/repeated-records.ts), so no finding
 * stems from the copies; this says that records were skipped, so that the counts add up. One
 * finding per file.
 */
import { defineRule, type RuleMeta } from '../../rule.js';

const LOG_RECORDS_REPEATED: RuleMeta = {
  id: 'LOG-RECORDS-REPEATED',
  severity: 'info',
  category: 'framing',
  spec: 'chapter 11, Debugging a Unified CCX Client Program (trace files)',
  title: 'Log records given twice',
  rationale:
    'Records of the log repeat records already read (the same sequence number, time, facility and text: a concatenation of the rotated files given with them, a copy, logs collected twice): they were read once, so nothing is lost or counted twice. Said so that the counts add up, hence info.',
};

export const logRecordsRepeated = defineRule(LOG_RECORDS_REPEATED, {
  inputEnd(end, ctx) {
    for (const [file, repeats] of end.repeatedLogs) ctx.report(LOG_RECORDS_REPEATED, { source: { file, line: repeats.line } }, repeats.message);
  },
});
