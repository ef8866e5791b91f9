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

/** Parsed traces of a record stream (non-ICD_CTI records and non-messages are skipped). */
export async function* readCtiTraces(records: AsyncIterable<MivrRecord> | MivrRecordStream): AsyncGenerator<CtiTraceRecord> {
  let pending: MivrRecord[] = [];
  const flush = (): CtiTraceRecord | undefined => {
    if (pending.length === 0) return undefined;
    const r = parseCtiRecord(pending.length === 1 ? pending[0] : joined(pending));
    pending = [];
    return r;
  };
  for await (const batch of asBatches(records)) {
    for (const record of batch) {
      if (pending.length > 0 && isDumpFragment(record, pending[0])) {
        pending.push(record);
        continue;
      }
      const done = flush();
      if (done) yield done;
      if (record.facility === CTI_FACILITY && DIRECTION_ONLY.test(record.text)) {
        pending.push(record);
        continue;
      }
      const r = parseCtiRecord(record);
      if (r) yield r; // at once: results stay short-lived (young generation)
    }
  }
  const done = flush();
  if (done) yield done;
}
