/**
 * Records given twice — a rotated set handed over with the concatenation of its files, the same
 * server's logs collected twice, `MIVR07.log` next to `MIVR07.log.gz` — are read once.
 *
 * The same record: the same sequence number, the same time as written (the local time and the
 * zone, as text), the same product, facility, level and mnemonic, and the same text with its
 * continuation lines — everything of the record but the file and line it was read from. Records
 * that differ in any of these (two servers' records of the same millisecond, a server's two
 * records of the same millisecond) are different records, however alike.
 *
 * Only recent records are remembered (`RecentRecords`): the last RECENT_RECORDS read, and no
 * more of them than RECENT_TEXT_CHARS characters of text, so memory stays flat whatever the
 * input's size; and only while files are read side by side (set-merge.ts): a record given out
 * while its file is the only one open has no copy to come. The set reader merges its files by record time (mivr/set-merge.ts), which brings
 * the copies of a record next to each other; a copy further back than the window (a
 * concatenation whose files are not in time order) is not recognised, and is read again.
 */
import type { MivrDiagnostic, MivrRecord } from './types.js';

/** Records remembered to recognise a copy. */
export const RECENT_RECORDS = 4096;
/** Characters of text of the remembered records (a few huge records must not hold memory). */
export const RECENT_TEXT_CHARS = 8 * 1024 * 1024;
/** Files named in a diagnostic as those the skipped records repeat; more are counted. */
const MAX_NAMED_FILES = 3;

/** Whether two records are the same record (see the module comment): all but file and line. */
export function sameRecord(a: MivrRecord, b: MivrRecord): boolean {
  return (
    a.seq === b.seq &&
    a.localTime === b.localTime &&
    a.tzAbbrev === b.tzAbbrev &&
    a.facility === b.facility &&
    a.level === b.level &&
    a.mnemonic === b.mnemonic &&
    a.product === b.product &&
    a.text === b.text
  );
}

/** The records read last, by sequence number, oldest forgotten first. */
export class RecentRecords {
  private readonly ring: Array<MivrRecord | undefined>;
  private oldest = 0;
  private size = 0;
  private chars = 0;
  /** Remembered records by sequence number (several when records of one number differ). */
  private readonly bySeq = new Map<number, MivrRecord | MivrRecord[]>();

  constructor(
    private readonly maxRecords = RECENT_RECORDS,
    private readonly maxChars = RECENT_TEXT_CHARS,
  ) {
    this.ring = new Array<MivrRecord | undefined>(maxRecords).fill(undefined);
  }

  /** Records remembered now (to test the bound). */
  get remembered(): number {
    return this.size;
  }

  /**
   * The earlier copy of `record` among the recent records; without one, `record` is remembered
   * if `remember` (see set-merge.ts for when a record need not be).
   */
  earlierCopy(record: MivrRecord, remember = true): MivrRecord | undefined {
    if (this.size === 0 && !remember) return undefined;
    const known = this.bySeq.get(record.seq);
    if (known !== undefined) {
      if (!Array.isArray(known)) {
        if (sameRecord(known, record)) return known;
      } else {
        for (const k of known) if (sameRecord(k, record)) return k;
      }
    }
    if (remember) this.remember(record);
    return undefined;
  }

  private remember(record: MivrRecord): void {
    const length = record.text.length;
    while (this.size > 0 && (this.size >= this.maxRecords || this.chars + length > this.maxChars)) this.forgetOldest();
    this.ring[(this.oldest + this.size) % this.maxRecords] = record;
    this.size++;
    this.chars += length;
    const known = this.bySeq.get(record.seq);
    if (known === undefined) this.bySeq.set(record.seq, record);
    else if (Array.isArray(known)) known.push(record);
    else this.bySeq.set(record.seq, [known, record]);
  }

  private forgetOldest(): void {
    const record = this.ring[this.oldest]!;
    this.ring[this.oldest] = undefined;
    this.oldest = (this.oldest + 1) % this.maxRecords;
    this.size--;
    this.chars -= record.text.length;
    const known = this.bySeq.get(record.seq);
    if (known === record) this.bySeq.delete(record.seq);
    else if (Array.isArray(known)) {
      const rest = known.filter((k) => k !== record);
      this.bySeq.set(record.seq, rest.length === 1 ? rest[0]! : rest);
    }
  }
}

/** `a`, `a and b`, `a, b and c`. */
function listed(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

interface FileRepeats {
  count: number;
  readonly line: number;
  endLine: number;
  /** Files holding the copies read first (files of the set: as many as it has). */
  readonly of: Set<string>;
}

/** The records skipped of each file, said in one diagnostic per file once it is read. */
export class RepeatedRecords {
  private readonly byFile = new Map<string, FileRepeats>();

  /** `record` was skipped: `earlier` is the copy read before it. */
  add(record: MivrRecord, earlier: MivrRecord): void {
    const endLine = record.line + record.lineCount - 1;
    const known = this.byFile.get(record.file);
    if (known === undefined) {
      this.byFile.set(record.file, { count: 1, line: record.line, endLine, of: new Set([earlier.file]) });
      return;
    }
    known.count++;
    known.endLine = endLine;
    known.of.add(earlier.file);
  }

  /** The diagnostic of a file read to its end, if records of it were skipped. */
  take(file: string): MivrDiagnostic | undefined {
    const r = this.byFile.get(file);
    if (r === undefined) return undefined;
    this.byFile.delete(file);
    const of = [...r.of];
    const more = of.length - MAX_NAMED_FILES;
    const names = more > 0 ? `${of.slice(0, MAX_NAMED_FILES).join(', ')} and ${more} more file${more === 1 ? '' : 's'}` : listed(of);
    const records = r.count === 1 ? '1 record repeats a record' : `${r.count} records repeat records`;
    return {
      severity: 'info',
      code: 'MIVR-DUPLICATE-RECORDS',
      message: `${records} already read from ${names} (the same sequence number, time, facility and text): skipped, each record is read once`,
      file,
      line: r.line,
      ...(r.endLine !== r.line ? { endLine: r.endLine } : {}),
    };
  }
}
