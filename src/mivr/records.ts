/**
 * Reading MIVR records from one byte stream (a file, possibly gzip).
 *
 * ```ts
 * const records = readMivrRecords(createReadStream('MIVR01.log'), 'MIVR01.log', { mtime });
 * for await (const r of records) console.log(r.seq, r.facility, r.text);
 * console.log(records.stats.facilityCounts);
 * ```
 */
import { decompressIfGzip } from './gzip.js';
import { LineSplitter } from './line-splitter.js';
import { createReadContext, type ReadContext } from './read-context.js';
import { RecordAssembler } from './record-assembler.js';
import type { MivrReadOptions, MivrReadStats, MivrRecord, MivrRecordStream } from './types.js';
import type { YearTracker } from './year.js';

/** A record stream that can be iterated once. */
export class RecordStream implements MivrRecordStream {
  private used = false;

  constructor(
    readonly stats: MivrReadStats,
    private readonly generate: () => AsyncGenerator<MivrRecord[]>,
  ) {}

  batches(): AsyncIterable<MivrRecord[]> {
    if (this.used) throw new Error('a MIVR record stream can be iterated only once');
    this.used = true;
    const generator = this.generate();
    return { [Symbol.asyncIterator]: () => generator };
  }

  [Symbol.asyncIterator](): AsyncIterator<MivrRecord> {
    const batches = this.batches()[Symbol.asyncIterator]();
    let batch: MivrRecord[] = [];
    let i = 0;
    return {
      next: async (): Promise<IteratorResult<MivrRecord>> => {
        while (i >= batch.length) {
          const r = await batches.next();
          if (r.done) return { done: true, value: undefined };
          batch = r.value;
          i = 0;
        }
        return { done: false, value: batch[i++] };
      },
      return: async (): Promise<IteratorResult<MivrRecord>> => {
        await batches.return?.();
        return { done: true, value: undefined };
      },
    };
  }
}

/**
 * Records of one file, a batch per chunk read, into a shared read context (single files and
 * rotated sets); `years`: the file's year tracker when it is not the read's own.
 */
export async function* readFileRecords(ctx: ReadContext, source: AsyncIterable<Uint8Array>, file: string, years?: YearTracker): AsyncGenerator<MivrRecord[]> {
  const stats = ctx.stats;
  stats.files.push(file);
  const assembler = new RecordAssembler(ctx, file, years);
  const splitter = new LineSplitter(assembler, ctx.maxLineBytes);
  const chunks = decompressIfGzip(source, {
    onRaw: (n) => {
      stats.bytesRead += n;
    },
    onGzipError: (e) => {
      ctx.diagnostics.add({
        severity: 'error',
        code: 'MIVR-GZIP-ERROR',
        message: `gzip data damaged or truncated after ${stats.bytesDecoded} decoded bytes: ${e.message}`,
        file,
        line: splitter.lines + 1,
      });
    },
  });
  let linesBefore = 0;
  let fileBytes = 0;
  try {
    for await (const chunk of chunks) {
      fileBytes += chunk.byteLength;
      stats.bytesDecoded += chunk.byteLength;
      splitter.push(chunk);
      assembler.endChunk();
      stats.lines += splitter.lines - linesBefore;
      linesBefore = splitter.lines;
      if (assembler.out.length > 0) yield assembler.take();
    }
  } catch (err) {
    // A file that cannot be read at all is the caller's error; a read error (or damaged gzip
    // data decompressed upstream) mid-way is a finding: what was read counts.
    if (fileBytes === 0) throw err;
    ctx.diagnostics.add({
      severity: 'error',
      code: 'MIVR-READ-ERROR',
      message: `reading stopped after ${fileBytes} bytes: ${err instanceof Error ? err.message : String(err)}`,
      file,
      line: splitter.lines + 1,
    });
  }
  splitter.end();
  assembler.end();
  stats.lines += splitter.lines - linesBefore;
  if (assembler.out.length > 0) yield assembler.take();
}

/**
 * Records of one MIVR log. `facilities` selects what is emitted (default ICD_CTI); every
 * record is counted in `stats.facilityCounts`. Damage is reported in `stats.diagnostics`,
 * and so is a source that fails mid-way (read error: the records read until then count);
 * a source that fails before its first byte, or an unknown `tz` option, throws.
 */
export function readMivrRecords(source: AsyncIterable<Uint8Array>, file: string, options: MivrReadOptions = {}): MivrRecordStream {
  const ctx = createReadContext(options);
  return new RecordStream(ctx.stats, () => readFileRecords(ctx, source, file));
}
