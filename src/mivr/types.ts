/**
 * Types of the MIVR log reader: records, options, statistics and diagnostics.
 *
 * A MIVR record is `<seq>: <Mon dd hh:mm:ss.mmm TZ> %MIVR-<FACILITY>-<level>-<MNEMONIC>:<text>`
 * followed by any number of continuation lines (wrapped text, hex dumps, Java stack traces).
 */

/** A UTC instant: whole seconds since 1970-01-01T00:00:00Z and nanoseconds within the second. */
export interface UtcTime {
  readonly sec: number;
  readonly nsec: number;
}

export type MivrSeverity = 'error' | 'warning' | 'info';

/** A finding about the input, always with the file and line it concerns. */
export interface MivrDiagnostic {
  readonly severity: MivrSeverity;
  /** Stable upper-case code, e.g. `MIVR-GARBAGE-LINES`, `MIVR-UNKNOWN-TZ`. */
  readonly code: string;
  readonly message: string;
  /** The message without the input text it quotes (a trace diagnostic's, grammar/cti-trace-types.ts). */
  readonly unquoted?: string;
  readonly file: string;
  /** 1-based line (first line of a run of lines). */
  readonly line: number;
  /** Last line of a run of lines, when the finding covers several. */
  readonly endLine?: number;
}

/** One log record. */
export interface MivrRecord {
  /** The record's sequence number (`7091923`). */
  readonly seq: number;
  /** The record's time in UTC (millisecond precision as written; finer digits are kept). */
  readonly timestamp: UtcTime;
  /** The local time as written, e.g. `Nov 20 10:43:59.435`. */
  readonly localTime: string;
  /** The zone as written in the record (`EDT`, `GMT+05:30`, ... or `''` when none). */
  readonly tzAbbrev: string;
  /** Offset from UTC that was applied, in minutes east of UTC (the `tz` option wins). */
  readonly utcOffsetMinutes: number;
  /** `MIVR` (other Cisco products write the same layout). */
  readonly product: string;
  /** `ICD_CTI`, `SS_TEL`, ... */
  readonly facility: string;
  /** Trace level (the digit after the facility). */
  readonly level: number;
  /** `UNK`, `EXCEPTION`, ... */
  readonly mnemonic: string;
  /** Text after `MNEMONIC:` plus the continuation lines, joined with `\n` (no `\r`). */
  readonly text: string;
  readonly file: string;
  /** 1-based line of the record's header. */
  readonly line: number;
  /** Number of lines the record occupies (header + continuation lines). */
  readonly lineCount: number;
}

export interface MivrReadOptions {
  /** Year of the first record (the records do not say). Wins over `mtime`. */
  readonly year?: number;
  /**
   * The file's modification time, i.e. roughly the time of its last record: the first record
   * gets the latest year that does not put it after this date. Defaults to "now".
   */
  readonly mtime?: Date;
  /** A zone that replaces the records' own (`EST`, `+0530`, `GMT+05:30`, ...). */
  readonly tz?: string;
  /** Facilities whose records are emitted (default `['ICD_CTI']`); the others are only counted. */
  readonly facilities?: 'all' | readonly string[];
  /** Lines longer than this are cut (with a diagnostic). Default 4 MiB. */
  readonly maxLineBytes?: number;
  /** Text of one record beyond this is dropped (with a diagnostic). Default 16 MiB. */
  readonly maxRecordBytes?: number;
  /** Diagnostics kept in `stats.diagnostics` (the rest are counted). Default 1000. */
  readonly maxDiagnostics?: number;
  /** Called for every diagnostic, also those beyond `maxDiagnostics`. */
  readonly onDiagnostic?: (d: MivrDiagnostic) => void;
  /** "Now" for the year fallback when neither `year` nor `mtime` is known (tests). */
  readonly now?: Date;
}

/** Counters of a read; final once the record stream is exhausted. */
export interface MivrReadStats {
  /** Files in the order they were read. */
  readonly files: string[];
  /** Bytes read from the sources (compressed size for gzip). */
  bytesRead: number;
  /** Bytes after decompression. */
  bytesDecoded: number;
  lines: number;
  /** Records found (all facilities). */
  records: number;
  /** Records emitted (the selected facilities). */
  recordsEmitted: number;
  /**
   * Records of the selected facilities read a second time (the same record already read from
   * this or another file of the set: mivr/repeated-records.ts) and skipped: counted in `records`,
   * not in `recordsEmitted`.
   */
  recordsRepeated: number;
  /** Records per facility (all facilities, emitted or not: those asked for and the first 1024 others of a read with names of at most 64 characters). */
  readonly facilityCounts: Map<string, number>;
  /** Lines before the first record of a file. */
  linesBeforeFirstRecord: number;
  /** Lines that belong to no record: malformed headers, binary lines and what follows them. */
  garbageLines: number;
  malformedHeaders: number;
  readonly diagnostics: MivrDiagnostic[];
  diagnosticsDropped: number;
}

/**
 * Records of one file or of a rotated set, with the statistics of the read. Iterate it (one
 * record at a time) or call `batches()` (the records of each chunk read; faster). Either
 * way, only once.
 */
export interface MivrRecordStream extends AsyncIterable<MivrRecord> {
  readonly stats: MivrReadStats;
  batches(): AsyncIterable<MivrRecord[]>;
}

/**
 * One file of a rotated set. With several inputs `open` is called twice (first to peek at the
 * first record for the ordering); a single input is opened once.
 */
export interface MivrInput {
  readonly name: string;
  open(): AsyncIterable<Uint8Array>;
  readonly mtime?: Date;
}
