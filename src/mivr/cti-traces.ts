/**
 * ICD_CTI records → parsed traces (the grammar in `grammar/`), with diagnostics placed at
 * file:line.
 *
 * A low-level trace is normally one record (`writing...` with the MHDR/MDATA rows as its
 * continuation lines). When a log writes every dump line as a record of its own, the
 * fragments that follow a `writing...` / `reading...` record in the same file are joined
 * before parsing (`readCtiTraces` does this, with cti-record-joiner.ts; `parseCtiRecord` sees
 * one record only).
 */
import { ctiTraceShape, parseCtiTraceText } from '../../grammar/cti-trace-grammar.js';
import { CTI_FACILITY, ctiTraceRecord, CtiRecordJoiner, type CtiTraceRecord } from './cti-record-joiner.js';
import type { MivrRecord, MivrRecordStream } from './types.js';

export { CTI_FACILITY, type CtiTraceRecord } from './cti-record-joiner.js';

/** Parses an ICD_CTI record; undefined when it is not ICD_CTI or holds no message trace. */
export function parseCtiRecord(record: MivrRecord): CtiTraceRecord | undefined {
  if (record.facility !== CTI_FACILITY) return undefined;
  const shape = ctiTraceShape(record.text);
  if (shape === undefined) return undefined;
  return ctiTraceRecord(record, parseCtiTraceText(record.text, shape));
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
  private readonly joiner = new CtiRecordJoiner();
  private readonly completed: MivrRecord[] = [];

  private parseCompleted(out: CtiTraceRecord[]): void {
    for (const record of this.completed) {
      const r = parseCtiRecord(record);
      if (r) out.push(r);
    }
    this.completed.length = 0;
  }

  /** Appends to `out` the records this one completes (usually none or one: itself, or the join it ended). */
  push(record: MivrRecord, out: CtiTraceRecord[]): void {
    this.joiner.push(record, this.completed);
    this.parseCompleted(out);
  }

  /** A pending `writing...` record and its fragments, at the end of the input. */
  flush(out: CtiTraceRecord[]): void {
    this.joiner.flush(this.completed);
    this.parseCompleted(out);
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
