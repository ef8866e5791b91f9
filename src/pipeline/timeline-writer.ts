/**
 * Streams a timeline to an output as text, JSON or NDJSON, holding only one batch and a
 * bounded buffer in memory (a 1 GB capture prints without growing).
 */
import type { Writable } from 'node:stream';
import { jsonText } from '../render/escape.js';
import { messageText } from '../render/message-text.js';
import { inputDiagnosticLine, timelineMessageLine } from '../render/timeline-text.js';
import type { InputDiagnostic, SessionSummary, TimelineBatch, TimelineMessage } from '../timeline/types.js';
import { writeTimelineMessageJson } from './fast-json.js';
import { fragment, writeFragment } from './json-bytes.js';
import { inputDiagnosticJson, sessionJson } from './message-json.js';
import { OutputSink } from './output-sink.js';

export type TimelineFormat = 'text' | 'json' | 'ndjson';

/** What goes before each message of the JSON document. */
const NEWLINE = fragment('\n');
const COMMA_NEWLINE = fragment(',\n');

/** Input diagnostics kept for the JSON document; the rest are counted. */
const MAX_KEPT_DIAGNOSTICS = 10_000;

export interface TimelineWriteResult {
  readonly messages: number;
  readonly inputDiagnostics: number;
  readonly errors: number;
  /** Writing failed (the reader went away: EPIPE, a full disk…); the rest was not written. */
  readonly outputError?: Error;
}

/** ", 87 bytes unaccounted (server-to-client)" when gaps or undecodable ranges were found. */
function unaccounted(s: SessionSummary): string {
  const c = s.unaccountedBytes['client-to-server'];
  const v = s.unaccountedBytes['server-to-client'];
  if (c + v === 0) return '';
  const where = [c > 0 ? `${c} client-to-server` : '', v > 0 ? `${v} server-to-client` : ''].filter((x) => x !== '').join(', ');
  return `, bytes unaccounted (gaps, undecodable): ${where}`;
}

/** Which messages to write: a display filter, and how many at most. */
export interface TimelineSelection {
  /** Whether the message at `index` (its position among all messages) is written. */
  readonly filter?: (message: TimelineMessage, index: number) => boolean;
  /** Stop reading once this many messages are written. */
  readonly count?: number;
  /** Hand the output over after each batch (an input that is a pipe: what is read is shown at once). */
  readonly live?: boolean;
  /** Text: each message's line followed by its whole tree (fields, labels, diagnostics). */
  readonly verbose?: boolean;
}

/** The tree under a message's line in verbose text, indented past the index column. */
const VERBOSE_INDENT = '        ';

export async function writeTimeline(
  batches: AsyncIterable<TimelineBatch>,
  sessions: () => readonly SessionSummary[],
  format: TimelineFormat,
  out: Writable,
  err: Writable,
  selection: TimelineSelection = {},
): Promise<TimelineWriteResult> {
  const sink = new OutputSink(out);
  const filter = selection.filter;
  const count = selection.count ?? Infinity;
  /** Messages read (each one's index is its position among them), and messages written. */
  let read = 0;
  let messages = 0;
  let diagnostics = 0;
  let errors = 0;
  const kept: InputDiagnostic[] = [];
  if (format === 'json') sink.write('{"messages":[');
  reading: for await (const batch of batches) {
    for (const event of batch) {
      if (event.kind === 'message') {
        const index = read++;
        if (filter !== undefined && !filter(event, index)) continue;
        if (format === 'ndjson') {
          writeTimelineMessageJson(sink, event, index);
          sink.newline();
        } else if (format === 'text') {
          sink.line(timelineMessageLine(event, index));
          if (selection.verbose === true) sink.line(`${VERBOSE_INDENT}${messageText(event.message).replaceAll('\n', `\n${VERBOSE_INDENT}`)}\n`);
        }
        else {
          writeFragment(sink, messages > 0 ? COMMA_NEWLINE : NEWLINE);
          writeTimelineMessageJson(sink, event, index);
        }
        if (++messages >= count) break reading; // -c: nothing more is read
      } else {
        diagnostics++;
        if (event.severity === 'error') errors++;
        if (format === 'text') sink.line(inputDiagnosticLine(event));
        else if (format === 'json') {
          if (kept.length < MAX_KEPT_DIAGNOSTICS) kept.push(event);
        } else err.write(`ccxcti: ${inputDiagnosticLine(event).trim()}\n`);
      }
      if (sink.blocked) await sink.drain();
    }
    if (sink.failed !== undefined) break; // nobody reads any more: stop reading the inputs too
    if (selection.live === true) await sink.flush();
  }
  const all = sessions();
  if (format === 'json') {
    sink.write(`\n],"diagnostics":[${kept.map((d) => jsonText(inputDiagnosticJson(d))).join(',\n')}]`);
    if (diagnostics > kept.length) sink.write(`,"diagnosticsOmitted":${diagnostics - kept.length}`);
    sink.write(`,"sessions":[${all.map((s) => jsonText(sessionJson(s))).join(',\n')}]}\n`);
  } else if (format === 'text') {
    const shown = filter !== undefined || count !== Infinity ? ` shown of ${read} read` : '';
    sink.write(`\n${messages} message${messages === 1 ? '' : 's'}${shown}, ${all.length} session${all.length === 1 ? '' : 's'}, ${diagnostics} input diagnostic${diagnostics === 1 ? '' : 's'}\n`);
    for (const s of all) {
      sink.write(
        `  ${s.id}: client ${s.client.addr}:${s.client.port} (${s.roleBasis}${s.heuristic ? ', found by heuristics' : ''}), ` +
          `version ${s.version ?? '?'} (${s.versionBasis})${s.mode ? `, ${s.mode} mode` : ''}, ${s.messages} messages` +
          `${s.closedBy ? `, closed by ${s.closedBy}` : ''}${unaccounted(s)}\n`,
      );
    }
  }
  await sink.flush();
  sink.detach();
  return { messages, inputDiagnostics: diagnostics, errors, ...(sink.failed !== undefined ? { outputError: sink.failed } : {}) };
}
