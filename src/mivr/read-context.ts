/**
 * State shared by the files of one read: options resolved once, statistics, diagnostics,
 * the year tracker (so years carry over from one rotated file to the next), facility counts.
 */
import { DiagnosticSink } from './diagnostic-sink.js';
import { FacilityTable } from './facility-table.js';
import { parseTzOption } from './timezones.js';
import type { MivrReadOptions, MivrReadStats } from './types.js';
import { YearTracker } from './year.js';

export const DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;
export const DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_DIAGNOSTICS = 1000;
export const DEFAULT_FACILITIES: readonly string[] = ['ICD_CTI'];

export interface ReadContext {
  readonly stats: MivrReadStats;
  readonly diagnostics: DiagnosticSink;
  readonly years: YearTracker;
  readonly facilities: FacilityTable;
  /** Minutes east of UTC from the `tz` option, or undefined (use each record's zone). */
  readonly tzOverride?: number;
  readonly maxLineBytes: number;
  readonly maxRecordBytes: number;
  /** Keys of once-per-read notices already given (unknown zones, assumed year). */
  readonly notices: Set<string>;
  /** Zone text → minutes east of UTC (undefined: unknown). */
  readonly zones: Map<string, number | undefined>;
}

export function newStats(): MivrReadStats {
  return {
    files: [],
    bytesRead: 0,
    bytesDecoded: 0,
    lines: 0,
    records: 0,
    recordsEmitted: 0,
    recordsRepeated: 0,
    facilityCounts: new Map(),
    linesBeforeFirstRecord: 0,
    garbageLines: 0,
    malformedHeaders: 0,
    diagnostics: [],
    diagnosticsDropped: 0,
  };
}

/** Resolves the options; throws RangeError for an unknown `tz` (a usage error). */
export function createReadContext(options: MivrReadOptions = {}): ReadContext {
  const tzOverride = options.tz !== undefined ? parseTzOption(options.tz) : undefined;
  const stats = newStats();
  const wanted = options.facilities ?? DEFAULT_FACILITIES;
  const keep = wanted === 'all' ? (): boolean => true : (f: string): boolean => wanted.includes(f);
  return {
    stats,
    diagnostics: new DiagnosticSink(stats, options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS, options.onDiagnostic),
    years: new YearTracker({ year: options.year, mtime: options.mtime, now: options.now }),
    facilities: new FacilityTable(keep, wanted === 'all' ? undefined : keep),
    tzOverride,
    maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
    maxRecordBytes: options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES,
    notices: new Set(),
    zones: new Map(),
  };
}
