/**
 * ICD_CTI records that announce a message trace the log does not hold: a record whose header
 * line ends where its high-level trace should follow (`…ICD_CTI-7-UNK:` and nothing after), or
 * a `writing...` / `reading...` record without its MHDR/MDATA rows (the guide's examples 1 and
 * 2, chapter 11). What a log filtered with `grep ICD_CTI` (no `-A`) or cut line by line gives:
 * every message gone, and nothing else would say so.
 */
import type { MivrRecord } from '../../mivr/types.js';
import type { InputDiagnostic } from '../../timeline/types.js';
import { plural } from '../../util/plural.js';

/** Whether an ICD_CTI record holding no message trace announced one (its lines after the header are missing). */
export function announcesMissingTrace(text: string): boolean {
  const t = text.trim();
  return t === '' || t === 'writing...' || t === 'reading...';
}

interface FileCount {
  count: number;
  readonly first: MivrRecord;
}

/** Such records counted per file, said in one warning per file at the end. */
export class MissingTraces {
  private readonly byFile = new Map<string, FileCount>();

  add(record: MivrRecord): void {
    const known = this.byFile.get(record.file);
    if (known !== undefined) known.count++;
    else this.byFile.set(record.file, { count: 1, first: record });
  }

  /** One warning per file with such records (at its first), in the order the files were met. */
  diagnostics(): InputDiagnostic[] {
    return [...this.byFile.values()].map(({ count, first }) => ({
      kind: 'diagnostic',
      severity: 'warning',
      code: 'LOG_TRACE_MISSING',
      message:
        `${plural(count, 'ICD_CTI record')} announce${count === 1 ? 's' : ''} a message trace the log does not hold (the header line and nothing after it, ` +
        `or 'writing...' / 'reading...' without its dump rows), from this line on: the lines after the headers are missing (a log filtered by grep without -A?)`,
      at: first.timestamp,
      source: { file: first.file, line: first.line },
    }));
  }
}
