/**
 * MIVR logs → the timeline (issue 4). All logs of one run form one rotated set
 * (mivr/rotated.ts). Every ICD_CTI record holding a message trace gives timeline messages:
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
 */
import { CtiTraceAssembler, readMivrLogSet, type CtiTraceRecord, type MivrDiagnostic } from '../mivr/index.js';
import type { InputDiagnostic, SourceOptions, TimelineBatch, TimelineEvent, TimelineSource } from '../timeline/types.js';
import { LevelPairer } from './log/level-pairing.js';
import { toMivrInputs } from './log/log-inputs.js';
import { mivrInputDiagnostic, traceRecordEvents, type TraceCandidate } from './log/trace-messages.js';
import type { OpenedInput } from './open-input.js';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function logSource(inputs: readonly OpenedInput[], options: SourceOptions): TimelineSource {
  const mivrDiagnostics: MivrDiagnostic[] = [];
  const records = readMivrLogSet(toMivrInputs(inputs), {
    ...(options.year !== undefined ? { year: options.year } : {}),
    ...(options.tz !== undefined ? { tz: options.tz } : {}),
    onDiagnostic: (d) => mivrDiagnostics.push(d),
  });
  const decodeOptions = { ...(options.protocolVersion !== undefined ? { version: options.protocolVersion } : {}), showSecrets: options.showSecrets };
  const pairer = new LevelPairer(options.protocolVersion);
  let ctiRecords = 0;
  let withoutMessage = 0;

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

  async function* batches(): AsyncGenerator<TimelineBatch> {
    const assembler = new CtiTraceAssembler();
    const traced: CtiTraceRecord[] = [];
    const pending: Array<TraceCandidate | InputDiagnostic> = [];
    for await (const batch of records.batches()) {
      const out: TimelineEvent[] = [];
      takeMivrDiagnostics(out);
      for (const record of batch) assembler.push(record, traced);
      handle(traced, pending, out);
      if (out.length > 0) yield out;
    }
    const out: TimelineEvent[] = [];
    assembler.flush(traced);
    handle(traced, pending, out);
    pairer.flush(out);
    takeMivrDiagnostics(out);
    const s = records.stats;
    const p = pairer.stats;
    const cti = s.facilityCounts.get('ICD_CTI') ?? 0;
    out.push({
      kind: 'diagnostic',
      severity: 'info',
      code: 'LOG_SUMMARY',
      message:
        `${plural(s.files.length, 'log file')}, ${plural(s.records, 'record')} (${cti} ICD_CTI); ` +
        `${plural(p.high + p.low, 'message trace')} (${p.high} high-level, ${p.low} low-level), ${p.paired} logged at both levels and taken once; ` +
        `${withoutMessage} ICD_CTI records with a trace too damaged to read, ${cti - ctiRecords} with no message trace; ` +
        `${plural(s.garbageLines, 'garbage line')}`,
      source: { file: s.files[0] ?? inputs[0]?.name ?? '-' },
    });
    yield out;
  }

  return { batches: batches(), sessions: () => [] };
}
