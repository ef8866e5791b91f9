/**
 * Inputs not read whole, so that a report on them does not read as a clean one:
 * - CAPTURE-INCOMPLETE: a session whose streams the capture did not hold whole (gaps, a
 *   snapshot length cutting segments, undecodable ranges): its messages there are missing, and
 *   the rules drop the findings such a loss could explain. One finding per session.
 * - CAPTURE-FILE-DAMAGED: a capture file with records or blocks that could not be read (the
 *   packets they held are missing; what the sessions lost of it is CAPTURE-INCOMPLETE too). One
 *   finding per file.
 * - LOG-INCOMPLETE: a MIVR log with traces or records that could not be read (their messages
 *   are missing). One finding per file.
 */
import { plural } from '../../../util/plural.js';
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

export const captureIncomplete = defineRule(INCOMPLETE, {
  inputEnd(end, ctx) {
    for (const [id, damage] of end.firstDamage) {
      const where = `${damage.source.file}${damage.source.frame !== undefined ? ` frame ${damage.source.frame}` : ''}`;
      const cut = damage.cut;
      if (cut !== undefined && damage.anchor !== undefined) {
        ctx.report(
          INCOMPLETE,
          damage.anchor,
          `the capture ends inside this session's ${cut.type} (${cut.captured} of its ${cut.total} bytes captured) at ${where}${damage.direction !== undefined ? ` (${damage.direction})` : ''}; ` +
            'its fields past the cut are unknown, and findings the loss could explain are not reported',
        );
        continue;
      }
      const lost = end.summaries.get(id)?.unaccountedBytes;
      if (lost !== undefined && lost['client-to-server'] + lost['server-to-client'] === 0) continue;
      const sides = lost === undefined ? '' : ` ${plural(lost['client-to-server'] + lost['server-to-client'], 'byte')} (client-to-server ${lost['client-to-server']}, server-to-client ${lost['server-to-client']}) of`;
      // A session of which no message was decoded: the finding points at the damage itself.
      const none = damage.anchor === undefined ? 'no message of the session could be decoded; ' : '';
      ctx.report(
        INCOMPLETE,
        damage.anchor ?? { session: id, source: damage.source, ...(damage.at !== undefined ? { at: damage.at } : {}) },
        `${none}the capture lost${sides} this session's streams (gaps, undecodable ranges), the first at ${where} (${damage.code}${damage.direction !== undefined ? `, ${damage.direction}` : ''}); ` +
          'messages there are missing, and findings the loss could explain are not reported',
      );
    }
  },
});

const LOG_INCOMPLETE: RuleMeta = {
  id: 'LOG-INCOMPLETE',
  severity: 'warning',
  category: 'framing',
  spec: 'chapter 11, Debugging a Unified CCX Client Program (trace files)',
  title: 'Log not read whole',
  rationale: 'Traces or records of the log could not be read (damaged, cut, not decodable): any messages they held are missing, and findings may stem from their absence. A fault of the input, hence a warning.',
};

export const logIncomplete = defineRule(LOG_INCOMPLETE, {
  inputEnd(end, ctx) {
    for (const [file, damage] of end.damagedLogs) {
      const more = damage.count > 1 ? ` and ${damage.count - 1} more` : '';
      // A file of which no message was decoded: the finding points at the first damage's line.
      const none = damage.anchor === undefined ? 'no message of the file could be decoded; ' : '';
      ctx.report(
        LOG_INCOMPLETE,
        damage.anchor ?? { source: { file, line: damage.line } },
        `${none}${plural(damage.count, 'place')} in ${file} could not be read (traces, records): the first at line ${damage.line} (${damage.code}: ${damage.message})${more}; any messages they held are missing`,
      );
    }
  },
});

const CAPTURE_FILE_DAMAGED: RuleMeta = {
  id: 'CAPTURE-FILE-DAMAGED',
  severity: 'warning',
  category: 'framing',
  spec: 'chapter 2, Message Structure and Syntax (a session is a stream of whole messages)',
  title: 'Capture file not read whole',
  rationale:
    'Records or blocks of the capture file could not be read (cut short, overwritten, damaged): the packets they held are missing, and with them any messages no session reports as lost (a file cut inside its last record, a capture with no packet read). A fault of the input, hence a warning.',
};

export const captureFileDamaged = defineRule(CAPTURE_FILE_DAMAGED, {
  inputEnd(end, ctx) {
    for (const [file, damage] of end.damagedCaptures) {
      const more = damage.count > 1 ? ` and ${damage.count - 1} more` : '';
      // A file of which no message was decoded: the finding points at the file.
      const none = damage.anchor === undefined ? 'no message of the file could be decoded; ' : '';
      ctx.report(
        CAPTURE_FILE_DAMAGED,
        damage.anchor ?? { source: { file } },
        `${none}${plural(damage.count, 'damaged place')} in ${file}: the first ${damage.code} (${damage.message})${more}; the packets there are missing`,
      );
    }
  },
});
