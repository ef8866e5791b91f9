/**
 * ICD_CTI records as the trace parser takes them: a low-level trace is normally one record
 * (`writing...` with the MHDR/MDATA rows as its continuation lines), but when a log writes
 * every dump line as a record of its own, the fragments that follow a `writing...` /
 * `reading...` record in the same file are joined first. Also: a parse result placed at
 * file:line. No parser here (cti-traces.ts parses; the log source parses with the fast
 * scanner and loads the reference parser only when needed).
 */
import type { CtiTrace, CtiTraceParseResult } from '../../grammar/cti-trace-types.js';
import { nanosBetween } from '../timeline/instant.js';
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

/** A dump line written as a record of its own, right after `prev` in its file (no line between: a diagnostic's line stays right). */
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

/** A `writing...` record and the dump fragments joined to it so far. */
interface Run {
  readonly parts: MivrRecord[];
  open: boolean;
}

/**
 * A run waits this long for its next fragment while records of other files come (files that
 * overlap in time, read merged: mivr/set-merge.ts): more than JOIN_WAIT_MS of log time, or
 * JOIN_WAIT_RECORDS records waiting behind it.
 */
export const JOIN_WAIT_MS = 1000;
export const JOIN_WAIT_RECORDS = 256;

/**
 * Records in, records to parse out, in order: a record, or a `writing...` record joined with
 * the dump fragments that follow it in its file. Feed every record to `push`, then `flush`.
 *
 * A run is ended by the next record of its file that is not a fragment of it. Records of other
 * files (the files of a set that overlap in time are read merged, their records interleaved)
 * neither end it nor join it: they wait behind it, so the order stays, until it ends — or, its
 * file being read to its end or its fragments lost, until it waited JOIN_WAIT_MS of log time or
 * JOIN_WAIT_RECORDS records. Read one file at a time, nothing ever waits.
 */
export class CtiRecordJoiner {
  /** Records and runs not given yet, in order (from `head`). */
  private queue: Array<MivrRecord | Run> = [];
  private head = 0;
  /** The open run of each file. */
  private readonly runs = new Map<string, Run>();

  /** Appends to `out` the records this one completes (usually itself, or the join it ended). */
  push(record: MivrRecord, out: MivrRecord[]): void {
    const run = this.runs.get(record.file);
    if (run !== undefined) {
      if (isDumpFragment(record, run.parts[run.parts.length - 1]!)) {
        run.parts.push(record);
        return;
      }
      this.end(run, record.file);
    }
    if (isDirectionOnly(record)) {
      const started: Run = { parts: [record], open: true };
      this.runs.set(record.file, started);
      this.queue.push(started);
    } else if (this.head === this.queue.length) {
      out.push(record);
      return;
    } else {
      this.queue.push(record);
    }
    this.giveReady(out, record);
  }

  /** The runs still open, at the end of the input. */
  flush(out: MivrRecord[]): void {
    for (const [file, run] of this.runs) this.end(run, file);
    this.giveReady(out, undefined);
  }

  private end(run: Run, file: string): void {
    run.open = false;
    this.runs.delete(file);
  }

  /** Gives what is no longer waiting for a run; a run that waited too long (for `now`) ends. */
  private giveReady(out: MivrRecord[], now: MivrRecord | undefined): void {
    const q = this.queue;
    while (this.head < q.length) {
      const item = q[this.head]!;
      if ('parts' in item) {
        if (item.open) {
          const last = item.parts[item.parts.length - 1]!;
          const waited = now !== undefined && (q.length - this.head - 1 >= JOIN_WAIT_RECORDS || nanosBetween(last.timestamp, now.timestamp) > JOIN_WAIT_MS * 1e6);
          if (!waited) break;
          this.end(item, last.file);
        }
        out.push(item.parts.length === 1 ? item.parts[0]! : joined(item.parts));
      } else {
        out.push(item);
      }
      this.head++;
    }
    if (this.head === q.length) {
      q.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > q.length) {
      this.queue = q.slice(this.head);
      this.head = 0;
    }
  }
}
