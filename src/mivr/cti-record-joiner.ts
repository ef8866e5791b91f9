/**
 * ICD_CTI records as the trace parser takes them: a low-level trace is normally one record
 * (`writing...` with the MHDR/MDATA rows as its continuation lines), but when a log writes
 * every dump line as a record of its own, the fragments that follow a `writing...` /
 * `reading...` record in the same file are joined first. Also: a parse result placed at
 * file:line. No parser here (cti-traces.ts parses; the log source parses with the fast
 * scanner and loads the reference parser only when needed).
 */
import type { CtiTrace, CtiTraceParseResult } from '../../grammar/cti-trace-types.js';
import type { MivrDiagnostic, MivrRecord } from './types.js';

export const CTI_FACILITY = 'ICD_CTI';

/** One record with the traces found in it. */
export interface CtiTraceRecord {
  readonly record: MivrRecord;
  readonly traces: CtiTrace[];
  /** Findings about the trace text, at file:line. */
  readonly diagnostics: MivrDiagnostic[];
}

/** A record's parse result at file:line; undefined when it found neither trace nor finding. */
export function ctiTraceRecord(record: MivrRecord, parsed: CtiTraceParseResult): CtiTraceRecord | undefined {
  if (parsed.traces.length === 0 && parsed.diagnostics.length === 0) return undefined;
  return {
    record,
    traces: parsed.traces,
    diagnostics: parsed.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      ...(d.unquoted !== undefined ? { unquoted: d.unquoted } : {}),
      file: record.file,
      line: record.line + d.line - 1,
    })),
  };
}

const DIRECTION_ONLY = /^\s*(?:writing|reading|read|received|sending|sent|wrote)\.\.\.\s*$/i;
const DUMP_FRAGMENT = /^\s*(?:M(?:HDR|DATA)[ \t]*:|[0-9A-Fa-f]{4,8}:[ \t])/;

/** A dump line written as a record of its own, right after `prev` (no line between: a diagnostic's line stays right). */
function isDumpFragment(record: MivrRecord, prev: MivrRecord): boolean {
  return record.facility === CTI_FACILITY && record.file === prev.file && record.line === prev.line + prev.lineCount && DUMP_FRAGMENT.test(record.text);
}

/** A `writing...` / `reading...` record alone (its dump follows as records of their own). */
function isDirectionOnly(record: MivrRecord): boolean {
  return record.facility === CTI_FACILITY && DIRECTION_ONLY.test(record.text);
}

function joined(parts: readonly MivrRecord[]): MivrRecord {
  const head = parts[0];
  const last = parts[parts.length - 1];
  return {
    ...head,
    text: parts.map((p) => p.text).join('\n'),
    lineCount: last.line + last.lineCount - head.line,
  };
}

/**
 * Records in, records to parse out, in order: a record, or a `writing...` record joined with
 * the dump fragments that follow it. Feed every record to `push`, then `flush`.
 */
export class CtiRecordJoiner {
  private pending: MivrRecord[] = [];

  private take(out: MivrRecord[]): void {
    const parts = this.pending;
    if (parts.length === 0) return;
    this.pending = [];
    out.push(parts.length === 1 ? parts[0] : joined(parts));
  }

  /** Appends to `out` the records this one completes (usually itself, or the join it ended). */
  push(record: MivrRecord, out: MivrRecord[]): void {
    if (this.pending.length > 0) {
      if (isDumpFragment(record, this.pending[this.pending.length - 1])) {
        this.pending.push(record);
        return;
      }
      this.take(out);
    }
    if (isDirectionOnly(record)) {
      this.pending.push(record);
      return;
    }
    out.push(record);
  }

  /** A pending `writing...` record and its fragments, at the end of the input. */
  flush(out: MivrRecord[]): void {
    this.take(out);
  }
}
