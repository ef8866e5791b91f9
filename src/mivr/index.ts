/**
 * MIVR trace logs → records → ICD_CTI traces.
 *
 * ```ts
 * import { mivrFileInputs, readMivrLogSet, readCtiTraces } from './mivr/index.js';
 * const records = readMivrLogSet(await mivrFileInputs(['MIVR01.log', 'MIVR02.log.gz']), { tz: 'EST' });
 * for await (const { record, traces, diagnostics } of readCtiTraces(records)) { ... }
 * console.log(records.stats.facilityCounts, records.stats.diagnostics);
 * ```
 */
export type {
  MivrDiagnostic,
  MivrInput,
  MivrReadOptions,
  MivrReadStats,
  MivrRecord,
  MivrRecordStream,
  MivrSeverity,
  UtcTime,
} from './types.js';
export { looksLikeMivrLog } from './detect.js';
export { isGzipMagic } from './gzip.js';
export { readMivrRecords } from './records.js';
export { readMivrLogSet, readPeekedMivrLogSet, orderPeeked, peekFirstRecord, peekMivrInputs, type PeekedMivrInput } from './rotated.js';
export { fileChunks, mivrFileInputs } from './file-inputs.js';
export { zoneOffsetMinutes, parseTzOption, knownZoneAbbreviations } from './timezones.js';
export { formatUtc, compareUtc } from './utc.js';
export { CTI_FACILITY, CtiTraceAssembler, parseCtiRecord, readCtiTraceBatches, readCtiTraces, type CtiTraceRecord } from './cti-traces.js';
export { parseCtiTraceText } from '../../grammar/cti-trace-grammar.js';
export type {
  CtiTrace,
  CtiTraceParseResult,
  DumpRow,
  EccVariable,
  HighLevelTrace,
  LowLevelTrace,
  TraceDiagnostic,
  TracePair,
} from '../../grammar/cti-trace-types.js';
