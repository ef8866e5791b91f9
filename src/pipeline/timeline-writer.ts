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

/** Output is gathered in buffers of this size (a few hundred lines) before it is written. */
const CHUNK_BYTES = 1 << 18;
/** Input diagnostics kept for the JSON document; the rest are counted. */
const MAX_KEPT_DIAGNOSTICS = 10_000;

export interface TimelineWriteResult {
  readonly messages: number;
  readonly inputDiagnostics: number;
  readonly errors: number;
  /** Writing failed (the reader went away: EPIPE, a full disk…); the rest was not written. */
  readonly outputError?: Error;
}

/**
 * The output buffer: text is encoded (UTF-8) straight into a 1 MiB buffer, which is handed to
 * the stream when full — no per-line promise, no joining of many small strings. `write` is
 * synchronous; when the stream asks to wait (backpressure), `blocked` is set and the caller
 * awaits `drain()` before going on.
 */
class Sink {
  private buf: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private pos = 0;
  blocked = false;
  /** Set when the stream failed: nothing more is written. */
  failed: Error | undefined;
  private wake: (() => void) | null = null;

  constructor(private readonly out: Writable) {
    out.on('error', this.onError);
  }

  private readonly onError = (err: Error): void => {
    this.failed ??= err;
    this.blocked = false;
    this.wake?.();
  };

  /** Stops listening to the stream. */
  detach(): void {
    this.out.off('error', this.onError);
  }

  write(s: string): void {
    if (this.failed !== undefined) return;
    // Worst case 3 bytes per UTF-16 unit.
    if (this.pos + s.length * 3 > this.buf.length) {
      this.emit();
      if (s.length * 3 > this.buf.length) {
        if (!this.out.write(s)) this.blocked = true;
        return;
      }
    }
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  /** A line: the text and a newline. */
  line(s: string): void {
    this.write(s);
    if (this.pos >= this.buf.length) this.emit();
    this.buf[this.pos++] = 0x0a;
  }

  async drain(): Promise<void> {
    if (!this.blocked || this.failed !== undefined) return;
    await new Promise<void>((resolve) => {
      this.wake = resolve;
      this.out.once('drain', resolve);
    });
    this.wake = null;
    this.blocked = false;
  }

  async flush(): Promise<void> {
    this.emit();
    await this.drain();
  }

  private emit(): void {
    if (this.pos === 0 || this.failed !== undefined) {
      this.pos = 0;
      return;
    }
    const chunk = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
    this.pos = 0;
    if (!this.out.write(chunk)) this.blocked = true;
  }
}

/** ", 87 bytes unaccounted (server-to-client)" when gaps or undecodable ranges were found. */
function unaccounted(s: SessionSummary): string {
  const c = s.unaccountedBytes['client-to-server'];
  const v = s.unaccountedBytes['server-to-client'];
  if (c + v === 0) return '';
  const where = [c > 0 ? `${c} client-to-server` : '', v > 0 ? `${v} server-to-client` : ''].filter((x) => x !== '').join(', ');
  return `, bytes unaccounted (gaps, undecodable): ${where}`;
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
  if (format === 'json') sink.write('{"messages":[');
  for await (const batch of batches) {
    for (const event of batch) {
      if (event.kind === 'message') {
        const index = messages++;
        if (format === 'ndjson') sink.line(timelineMessageJsonText(event, index));
        else if (format === 'text') sink.line(timelineMessageLine(event, index));
        else {
          sink.write(index > 0 ? ',\n' : '\n');
          sink.write(timelineMessageJsonText(event, index));
        }
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
  }
  const all = sessions();
  if (format === 'json') {
    sink.write(`\n],"diagnostics":[${kept.map((d) => JSON.stringify(inputDiagnosticJson(d))).join(',\n')}]`);
    if (diagnostics > kept.length) sink.write(`,"diagnosticsOmitted":${diagnostics - kept.length}`);
    sink.write(`,"sessions":[${all.map((s) => JSON.stringify(sessionJson(s))).join(',\n')}]}\n`);
  } else if (format === 'text') {
    sink.write(`\n${messages} message${messages === 1 ? '' : 's'}, ${all.length} session${all.length === 1 ? '' : 's'}, ${diagnostics} input diagnostic${diagnostics === 1 ? '' : 's'}\n`);
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
