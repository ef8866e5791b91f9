/**
 * One ICD_CTI record's parsed traces → messages (candidates for the timeline) and input
 * diagnostics. High-level traces and flow blocks are read by the text decoder
 * (protocol/codec/from-text.ts) — finished into a decoded message only if no dump of the same
 * message takes its place; low-level dumps are placed by their stated offsets
 * (hexinput/place-rows.ts, shared with `ccxcti hex`) and decoded as bytes, holes honoured.
 */
import type { HighLevelTrace, LowLevelTrace } from '../../../grammar/cti-trace-types.js';
import { assembleDump, type HexNote } from '../../hexinput/place-rows.js';
import type { CtiTraceRecord, MivrDiagnostic } from '../../mivr/index.js';
import { decode, type DecodedMessage, type FieldRecord } from '../../protocol/codec/decode.js';
import { diagnostic } from '../../protocol/codec/diagnostics.js';
import { readText } from '../../protocol/codec/from-text.js';
import type { Instant } from '../../timeline/instant.js';
import type { Direction, InputDiagnostic, SourceRef } from '../../timeline/types.js';
import { cleanDumpBytes } from './dump-bytes.js';
import { dumpDirection, traceDirection } from './trace-direction.js';
import { recordMayHoldSecret } from './secret-text.js';

/** What a diagnostic says instead of quoting text that may spell a secret. */
const QUOTE_WITHHELD = 'the text is not quoted: it may hold a password; --show-secrets shows it';

/** A message read from one trace, before high- and low-level twins are paired. */
export interface TraceCandidate {
  readonly level: 'high' | 'low';
  readonly type: string;
  /** What pairing compares: the dump's decoded fields, or the fields the trace gives. */
  readonly fields: FieldRecord;
  /** High level: the top-level fields the text names (given or `null`). */
  readonly mentioned?: ReadonlySet<string>;
  /**
   * The decoded message, or why there is none. A trace is finished into one only when it is
   * a message of its own (its dump is not logged): the pipeline asks for it then.
   */
  message(): DecodedMessage | string;
  readonly at: Instant;
  readonly direction?: Direction;
  readonly source: SourceRef;
  /**
   * Low level: the dump stops before its BodyLength (the log cut it short): the message's
   * bytes the dump holds (header included), as a capture's `capturedLength`.
   */
  readonly capturedLength?: number;
  /** High level: the trace is cut short (its `{` not closed). */
  readonly cut?: true;
}

export interface TraceDecodeOptions {
  readonly version?: number;
  readonly showSecrets: boolean;
}

/** A stable input-diagnostic code from the MIVR layer's (`DUMP-SHORT-ROW` → `DUMP_SHORT_ROW`). */
export function inputCode(code: string): string {
  const c = code.toUpperCase().replace(/[^A-Z0-9_]+/g, '_');
  return /^[A-Z]/.test(c) ? c : `LOG_${c}`;
}

/** A MIVR diagnostic (file:line) as an input diagnostic of the timeline. */
export function mivrInputDiagnostic(d: MivrDiagnostic, at?: Instant): InputDiagnostic {
  return {
    kind: 'diagnostic',
    severity: d.severity,
    code: inputCode(d.code),
    message: d.endLine !== undefined && d.endLine !== d.line ? `${d.message} (lines ${d.line}–${d.endLine})` : d.message,
    ...(at !== undefined ? { at } : {}),
    source: { file: d.file, line: d.line },
  };
}

function high(trace: HighLevelTrace, at: Instant, source: SourceRef, options: TraceDecodeOptions): TraceCandidate | InputDiagnostic {
  const r = readText(trace, { ...(options.version !== undefined ? { version: options.version } : {}), showSecrets: options.showSecrets });
  if (!r.ok) {
    return { kind: 'diagnostic', severity: 'warning', code: 'LOG_TRACE_NOT_DECODED', message: `high-level trace not decoded: ${r.reason}`, at, source };
  }
  const read = r.read;
  const direction = traceDirection(trace.processor, trace.verb, read.type);
  let decoded: DecodedMessage | string | undefined;
  return {
    level: 'high',
    type: read.type,
    fields: read.given,
    mentioned: read.mentioned,
    message: () => {
      if (decoded === undefined) {
        const d = read.decode();
        decoded = d.ok ? d.message : `high-level trace not decoded: ${d.reason}`;
      }
      return decoded;
    },
    at,
    ...(direction ? { direction } : {}),
    source,
    ...(trace.cut === true ? { cut: true as const } : {}),
  };
}

function low(trace: LowLevelTrace, at: Instant, source: SourceRef, options: TraceDecodeOptions): TraceCandidate | InputDiagnostic {
  const notes: HexNote[] = [];
  const assembled = cleanDumpBytes(trace.mhdr, trace.mdata) ?? assembleDump(trace.mhdr, trace.mdata, notes);
  if (!assembled.ok) {
    return { kind: 'diagnostic', severity: 'warning', code: 'LOG_DUMP_NOT_DECODED', message: `low-level dump not decoded: ${assembled.error}`, at, source };
  }
  const message = decode(assembled.bytes, {
    ...(options.version !== undefined ? { version: options.version } : {}),
    showSecrets: options.showSecrets,
    ...(assembled.missing.length > 0 ? { missing: assembled.missing } : {}),
  });
  // How the dump was read (short rows, MDATA vs BodyLength) comes first, as for `ccxcti hex`.
  if (notes.length > 0) message.diagnostics = [...notes.map((n) => diagnostic('INPUT_NOTE', n.message, 0)), ...message.diagnostics];
  const direction = dumpDirection(trace.direction, message.type);
  // The bytes missing at the dump's end (the log cut it short): the message is cut as a
  // capture cuts one, its fields past the cut unknown.
  const tail = assembled.missing.find((r) => r.offset + r.length === assembled.bytes.length && r.offset > 0);
  const captured = tail !== undefined && assembled.bytes.length === 8 + assembled.bodyLength ? tail.offset : undefined;
  return { level: 'low', type: message.type, fields: message.fields, message: () => message, at, ...(direction ? { direction } : {}), source, ...(captured !== undefined ? { capturedLength: captured } : {}) };
}

/**
 * The candidates and diagnostics of one record, in order: the record's trace diagnostics
 * first, then one entry per trace. Source lines are the trace's first line in the file.
 */
export function traceRecordEvents(r: CtiTraceRecord, options: TraceDecodeOptions, out: Array<TraceCandidate | InputDiagnostic>): void {
  const at = r.record.timestamp;
  // Text quoted from a record that may spell a secret is left out unless secrets are shown.
  const withhold = !options.showSecrets && r.diagnostics.some((d) => d.unquoted !== undefined) && recordMayHoldSecret(r);
  for (const d of r.diagnostics) out.push(mivrInputDiagnostic(withhold && d.unquoted !== undefined ? { ...d, message: `${d.unquoted} (${QUOTE_WITHHELD})` } : d, at));
  for (const trace of r.traces) {
    const source: SourceRef = { file: r.record.file, line: r.record.line + trace.line - 1 };
    out.push(trace.kind === 'high' ? high(trace, at, source, options) : low(trace, at, source, options));
  }
}
