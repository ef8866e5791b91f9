/**
 * MIVR logs → the timeline (issue 4). The logs of one directory form one rotated set
 * (mivr/rotated.ts), and directories holding the same server's logs one set
 * (log/server-sets.ts): a record given twice is read once. Every ICD_CTI record holding a
 * message trace gives timeline messages:
 *
 * - `at`: the record's time (`--year`, `--tz` as the MIVR reader applies them);
 * - `direction`: log/trace-direction.ts (`writing...` = server-to-client, `reading...` =
 *   client-to-server; high-level traces by their processor and verb);
 * - no `session` (a server log mixes all its clients); `version` only when
 *   `--protocol-version` is given;
 * - `source`: the file and the line where the trace starts.
 *
 * A message traced at both levels is one message (log/level-pairing.ts). Everything that is
 * not a message — other records, garbage lines, damaged traces — is counted or reported as an
 * input diagnostic, never thrown; a `LOG_SUMMARY` diagnostic closes the source with the counts.
 *
 * Traces are parsed by the fast scanner; the reference (chevrotain) parser is loaded the first
 * time the scanner is unsure, so a log of clean traces never loads it.
 */
import { ctiTraceShape, fastParseCtiTraceText, loadReferenceParser, type ReferenceParser } from '../../grammar/cti-trace-fast.js';
import { CTI_FACILITY, CtiRecordJoiner, ctiTraceRecord, type CtiTraceRecord } from '../mivr/cti-record-joiner.js';
import { readMivrLogSet, readPeekedMivrLogSet, type PeekedMivrInput } from '../mivr/rotated.js';
import { parseTzOption } from '../mivr/timezones.js';
import type { MivrDiagnostic, MivrReadOptions, MivrRecord } from '../mivr/types.js';
import type { InputDiagnostic, SourceOptions, TimelineBatch, TimelineEvent, TimelineSource } from '../timeline/types.js';
import { LevelPairer } from './log/level-pairing.js';
import { toMivrInputs } from './log/log-inputs.js';
import { announcesMissingTrace, MissingTraces } from './log/missing-traces.js';
import { serverLogSets } from './log/server-sets.js';
import { mivrInputDiagnostic, traceRecordEvents, type TraceCandidate } from './log/trace-messages.js';
import type { OpenedInput } from './open-input.js';
import { plural } from '../util/plural.js';

/** A source per server: the logs' sets (a directory's logs each), those of one server joined. */
export async function logSources(sets: readonly (readonly OpenedInput[])[], options: SourceOptions): Promise<TimelineSource[]> {
  const tzOverride = options.tz !== undefined ? parseTzOption(options.tz) : undefined;
  return (await serverLogSets(sets, tzOverride)).map((set) => logSource(set.inputs, options, set.peeked));
}

/** One set's source; `peeked`: its files as MIVR inputs peeked already (log/server-sets.ts). */
export function logSource(inputs: readonly OpenedInput[], options: SourceOptions, peeked?: readonly PeekedMivrInput[]): TimelineSource {
  const mivrDiagnostics: MivrDiagnostic[] = [];
  const readOptions: MivrReadOptions = {
    ...(options.year !== undefined ? { year: options.year } : {}),
    ...(options.tz !== undefined ? { tz: options.tz } : {}),
    onDiagnostic: (d) => mivrDiagnostics.push(d),
  };
  const records = peeked !== undefined ? readPeekedMivrLogSet(peeked, readOptions) : readMivrLogSet(toMivrInputs(inputs), readOptions);
  const decodeOptions = { ...(options.protocolVersion !== undefined ? { version: options.protocolVersion } : {}), showSecrets: options.showSecrets };
  const pairer = new LevelPairer(options.protocolVersion);
  let ctiRecords = 0;
  let withoutMessage = 0;
  const missingTraces = new MissingTraces();

  const handle = (traced: CtiTraceRecord[], pending: Array<TraceCandidate | InputDiagnostic>, out: TimelineEvent[]): void => {
    for (const t of traced) {
      ctiRecords++;
      if (t.traces.length === 0) withoutMessage++;
      traceRecordEvents(t, decodeOptions, pending);
    }
    traced.length = 0;
    for (const item of pending) pairer.push(item, out);
    pending.length = 0;
  };

  const takeMivrDiagnostics = (out: TimelineEvent[]): void => {
    for (const d of mivrDiagnostics) out.push(mivrInputDiagnostic(d));
    mivrDiagnostics.length = 0;
  };

  let reference: ReferenceParser | undefined;
  /** Parses the records to parse (ICD_CTI, dump fragments joined) into `traced`. */
  const parse = async (toParse: MivrRecord[], traced: CtiTraceRecord[]): Promise<void> => {
    for (const record of toParse) {
      if (record.facility !== CTI_FACILITY) continue;
      const shape = ctiTraceShape(record.text);
      if (shape === undefined) {
        if (announcesMissingTrace(record.text)) missingTraces.add(record);
        continue;
      }
      const parsed = fastParseCtiTraceText(record.text, shape) ?? (reference ??= await loadReferenceParser())(record.text, shape);
      const t = ctiTraceRecord(record, parsed);
      if (t) traced.push(t);
    }
    toParse.length = 0;
  };

  async function* batches(): AsyncGenerator<TimelineBatch> {
    const joiner = new CtiRecordJoiner();
    const toParse: MivrRecord[] = [];
    const traced: CtiTraceRecord[] = [];
    const pending: Array<TraceCandidate | InputDiagnostic> = [];
    for await (const batch of records.batches()) {
      const out: TimelineEvent[] = [];
      takeMivrDiagnostics(out);
      for (const record of batch) joiner.push(record, toParse);
      await parse(toParse, traced);
      handle(traced, pending, out);
      if (out.length > 0) yield out;
    }
    const out: TimelineEvent[] = [];
    joiner.flush(toParse);
    await parse(toParse, traced);
    handle(traced, pending, out);
    pairer.flush(out);
    takeMivrDiagnostics(out);
    out.push(...missingTraces.diagnostics());
    const s = records.stats;
    const p = pairer.stats;
    const cti = s.facilityCounts.get('ICD_CTI') ?? 0;
    // Records read twice (only ICD_CTI records are compared) are counted as read, once as skipped.
    const repeated = s.recordsRepeated > 0 ? `, ${s.recordsRepeated} of them read before and skipped` : '';
    out.push({
      kind: 'diagnostic',
      severity: 'info',
      code: 'LOG_SUMMARY',
      message:
        `${plural(s.files.length, 'log file')}, ${plural(s.records, 'record')} (${cti} ICD_CTI${repeated}); ` +
        `${plural(p.high + p.low, 'message trace')} (${p.high} high-level, ${p.low} low-level), ${p.paired} logged at both levels and taken once; ` +
        `${withoutMessage} ICD_CTI records with a trace too damaged to read, ${cti - s.recordsRepeated - ctiRecords} with no message trace; ` +
        `${plural(s.garbageLines, 'garbage line')}`,
      source: { file: s.files[0] ?? inputs[0]?.name ?? '-' },
    });
    yield out;
  }

  return { batches: batches(), sessions: () => [] };
}
