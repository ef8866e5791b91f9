/**
 * ICD_CTI records → parsed traces (the grammar in `grammar/`), with diagnostics placed at
 * file:line.
 *
 * A low-level trace is normally one record (`writing...` with the MHDR/MDATA rows as its
 * continuation lines). When a log writes every dump line as a record of its own, the
 * fragments that follow a `writing...` / `reading...` record in the same file are joined
 * before parsing (`readCtiTraces` does this; `parseCtiRecord` sees one record only).
 */
import { ctiTraceShape, parseCtiTraceText } from '../../grammar/cti-trace-grammar.js';
import type { CtiTrace } from '../../grammar/cti-trace-types.js';
import type { MivrDiagnostic, MivrRecord, MivrRecordStream } from './types.js';

export const CTI_FACILITY = 'ICD_CTI';

/** One record with the traces found in it. */
export interface CtiTraceRecord {
  readonly record: MivrRecord;
  readonly traces: CtiTrace[];
  /** Findings about the trace text, at file:line. */
  readonly diagnostics: MivrDiagnostic[];
}

/** Parses an ICD_CTI record; undefined when it is not ICD_CTI or holds no message trace. */
export function parseCtiRecord(record: MivrRecord): CtiTraceRecord | undefined {
  if (record.facility !== CTI_FACILITY) return undefined;
  const shape = ctiTraceShape(record.text);
  if (shape === undefined) return undefined;
  const parsed = parseCtiTraceText(record.text, shape);
  if (parsed.traces.length === 0 && parsed.diagnostics.length === 0) return undefined;
  return {
    record,
    traces: parsed.traces,
    diagnostics: parsed.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      file: record.file,
      line: record.line + d.line - 1,
    })),
  };
}

const DIRECTION_ONLY = /^\s*(?:writing|reading|read|received|sending|sent|wrote)\.\.\.\s*$/i;
const DUMP_FRAGMENT = /^\s*(?:M(?:HDR|DATA)[ \t]*:|[0-9A-Fa-f]{4,8}:[ \t])/;

function isDumpFragment(record: MivrRecord, head: MivrRecord): boolean {
  return record.facility === CTI_FACILITY && record.file === head.file && DUMP_FRAGMENT.test(record.text);
}

function joined(parts: readonly MivrRecord[]): MivrRecord {
  const head = parts[0];
  const last = parts[parts.length - 1];
  return {
    ...head,
    text: parts.map((p) => p.text).join('\n'),
    lineCount: last.line + last.lineCount - head.line,
  };
}

function isRecordStream(records: AsyncIterable<MivrRecord> | MivrRecordStream): records is MivrRecordStream {
  return typeof (records as Partial<MivrRecordStream>).batches === 'function';
}

async function* asBatches(records: AsyncIterable<MivrRecord> | MivrRecordStream): AsyncGenerator<readonly MivrRecord[]> {
  if (isRecordStream(records)) {
    yield* records.batches();
    return;
  }
  for await (const r of records) yield [r];
}

/**
 * Records in, parsed traces out, synchronously: joins the dump fragments that follow a
 * `writing...` / `reading...` record of the same file (see the module comment). Feed every
 * record in order to `push` (it returns the records completed by this one), then `flush`.
 */
export class CtiTraceAssembler {
  private pending: MivrRecord[] = [];

  private take(): CtiTraceRecord | undefined {
    const parts = this.pending;
    if (parts.length === 0) return undefined;
    this.pending = [];
    return parseCtiRecord(parts.length === 1 ? parts[0] : joined(parts));
  }

  /** Appends to `out` the records this one completes (usually none or one: itself, or the join it ended). */
  push(record: MivrRecord, out: CtiTraceRecord[]): void {
    if (this.pending.length > 0 && isDumpFragment(record, this.pending[0])) {
      this.pending.push(record);
      return;
    }
    const done = this.take();
    if (done) out.push(done);
    if (record.facility === CTI_FACILITY && DIRECTION_ONLY.test(record.text)) {
      this.pending.push(record);
      return;
    }
    const r = parseCtiRecord(record);
    if (r) out.push(r);
  }

  /** A pending `writing...` record and its fragments, at the end of the input. */
  flush(out: CtiTraceRecord[]): void {
    const done = this.take();
    if (done) out.push(done);
  }
}

/**
 * Parsed traces of a record stream, a batch per batch of records read (non-ICD_CTI records and
 * non-messages are skipped; a batch may be empty). Cheaper than `readCtiTraces` for large logs:
 * one asynchronous step per read chunk instead of one per record.
 */
export async function* readCtiTraceBatches(records: AsyncIterable<MivrRecord> | MivrRecordStream): AsyncGenerator<CtiTraceRecord[]> {
  const assembler = new CtiTraceAssembler();
  for await (const batch of asBatches(records)) {
    const out: CtiTraceRecord[] = [];
    for (const record of batch) assembler.push(record, out);
    yield out;
  }
  const out: CtiTraceRecord[] = [];
  assembler.flush(out);
  if (out.length > 0) yield out;
}

/** Parsed traces of a record stream (non-ICD_CTI records and non-messages are skipped). */
export async function* readCtiTraces(records: AsyncIterable<MivrRecord> | MivrRecordStream): AsyncGenerator<CtiTraceRecord> {
  for await (const batch of readCtiTraceBatches(records)) yield* batch;
}
