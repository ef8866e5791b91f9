/**
 * Streams a timeline to an output as text, JSON or NDJSON, holding only one batch and a
 * bounded buffer in memory (a 1 GB capture prints without growing).
 */
import type { Writable } from 'node:stream';
import { inputDiagnosticLine, timelineMessageLine } from '../render/timeline-text.js';
import type { InputDiagnostic, SessionSummary, TimelineBatch } from '../timeline/types.js';
import { timelineMessageJsonText } from './fast-json.js';
import { inputDiagnosticJson, sessionJson } from './message-json.js';

export type TimelineFormat = 'text' | 'json' | 'ndjson';

const FLUSH_AT = 256 * 1024;
/** Input diagnostics kept for the JSON document; the rest are counted. */
const MAX_KEPT_DIAGNOSTICS = 10_000;

export interface TimelineWriteResult {
  readonly messages: number;
  readonly inputDiagnostics: number;
  readonly errors: number;
}

class Sink {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly out: Writable) {}
  async write(s: string): Promise<void> {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= FLUSH_AT) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.out.write(chunk)) await new Promise<void>((resolve) => this.out.once('drain', resolve));
  }
}

export async function writeTimeline(
  batches: AsyncIterable<TimelineBatch>,
  sessions: () => readonly SessionSummary[],
  format: TimelineFormat,
  out: Writable,
  err: Writable,
): Promise<TimelineWriteResult> {
  const sink = new Sink(out);
  let messages = 0;
  let diagnostics = 0;
  let errors = 0;
  const kept: InputDiagnostic[] = [];
  if (format === 'json') await sink.write('{"messages":[');
  for await (const batch of batches) {
    for (const event of batch) {
      if (event.kind === 'message') {
        const index = messages++;
        if (format === 'text') await sink.write(`${timelineMessageLine(event, index)}\n`);
        else if (format === 'ndjson') await sink.write(`${timelineMessageJsonText(event, index)}\n`);
        else await sink.write(`${index > 0 ? ',' : ''}\n${timelineMessageJsonText(event, index)}`);
        continue;
      }
      diagnostics++;
      if (event.severity === 'error') errors++;
      if (format === 'text') await sink.write(`${inputDiagnosticLine(event)}\n`);
      else if (format === 'json') {
        if (kept.length < MAX_KEPT_DIAGNOSTICS) kept.push(event);
      } else err.write(`ccxcti: ${inputDiagnosticLine(event).trim()}\n`);
    }
  }
  const all = sessions();
  if (format === 'json') {
    await sink.write(`\n],"diagnostics":[${kept.map((d) => JSON.stringify(inputDiagnosticJson(d))).join(',\n')}]`);
    if (diagnostics > kept.length) await sink.write(`,"diagnosticsOmitted":${diagnostics - kept.length}`);
    await sink.write(`,"sessions":[${all.map((s) => JSON.stringify(sessionJson(s))).join(',\n')}]}\n`);
  } else if (format === 'text') {
    await sink.write(`\n${messages} message${messages === 1 ? '' : 's'}, ${all.length} session${all.length === 1 ? '' : 's'}, ${diagnostics} input diagnostic${diagnostics === 1 ? '' : 's'}\n`);
    for (const s of all) {
      await sink.write(
        `  ${s.id}: client ${s.client.addr}:${s.client.port} (${s.roleBasis}${s.heuristic ? ', found by heuristics' : ''}), ` +
          `version ${s.version ?? '?'} (${s.versionBasis})${s.mode ? `, ${s.mode} mode` : ''}, ${s.messages} messages` +
          `${s.closedBy ? `, closed by ${s.closedBy}` : ''}\n`,
      );
    }
  }
  await sink.flush();
  return { messages, inputDiagnostics: diagnostics, errors };
}
