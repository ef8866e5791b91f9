/**
 * Neutral structures produced from the text of an ICD_CTI trace record (guide chapter 11,
 * "Example Trace Log-File Excerpts" and "Call-Event Message Flows as Seen in the Log Files").
 *
 * "Neutral" means: nothing here knows the CTI message table. Keys are kept exactly as the log
 * (or the guide's flow table) writes them (`monitorID`, `ConnectionDeviceID`, `ANI³`,
 * `CsqID[0]`), values are kept as the text that was written. Mapping these names onto the
 * guide's field names and wire types is the job of the message-table owner.
 */

/** How bad a finding is. `error`: part of the text could not be understood at all. */
export type TraceSeverity = 'error' | 'warning' | 'info';

/** One finding about the text of a trace; positions are relative to the parsed text. */
/** Findings kept for one record's text; beyond them one more says how many were left out. */
export const MAX_TRACE_DIAGNOSTICS = 50;

/**
 * `diagnostics` cut to the first MAX_TRACE_DIAGNOSTICS (a damaged text can give one per
 * character), then one saying how many more there were (`dropped` besides those in the list).
 */
export function capTraceDiagnostics(diagnostics: TraceDiagnostic[], dropped = 0): TraceDiagnostic[] {
  const more = dropped + Math.max(0, diagnostics.length - MAX_TRACE_DIAGNOSTICS);
  if (more === 0) return diagnostics;
  const kept = diagnostics.slice(0, MAX_TRACE_DIAGNOSTICS);
  const last = kept[kept.length - 1];
  kept.push({
    severity: 'info',
    code: 'TRACE-MORE-FINDINGS',
    message: `${more} more finding${more === 1 ? '' : 's'} about this text left out (the first ${MAX_TRACE_DIAGNOSTICS} are shown)`,
    offset: last?.offset ?? 0,
    line: last?.line ?? 1,
  });
  return kept;
}

export interface TraceDiagnostic {
  readonly severity: TraceSeverity;
  /** Stable, upper-case code, e.g. `TRACE-UNCLOSED-BRACE`, `DUMP-SHORT-ROW`. */
  readonly code: string;
  readonly message: string;
  /**
   * The message without the input text it quotes, for a record that may hold a secret
   * (src/pipeline/log/secret-text.ts): present when `message` quotes the input.
   */
  readonly unquoted?: string;
  /** 0-based character offset in the parsed text. */
  readonly offset: number;
  /** 1-based line in the parsed text (add `record.line - 1` to get the file line). */
  readonly line: number;
}

/** One `key: value` (or `key=value`) pair of a high-level trace, in the order written. */
export interface TracePair {
  /** The key exactly as written, without the trailing colon and without an `[n]` suffix. */
  readonly key: string;
  /** `n` of an indexed key such as `CsqID[0]` / `ConnectedPartyDCallID[1]`. */
  readonly index?: number;
  /**
   * The value: `null` when the log wrote the word `null` (the field is absent),
   * `''` when nothing was written (`ConnectionDeviceID: ,`), otherwise the raw text.
   */
  readonly value: string | null;
  /** The value's text exactly as written (from its first to its last character). */
  readonly raw: string;
  /** 1-based line of the key in the parsed text. */
  readonly line: number;
}

/** One named variable of an expanded-call-context block (`ExpandedCallContxt: <TotalBytes: n> ...`). */
export interface EccVariable {
  /** Variable name as written; may contain dots (`user.layout`). */
  readonly name: string;
  /** Raw value text; `''` when empty. */
  readonly value: string;
  readonly line: number;
}

/**
 * A message written as text: the `{ length=-1 type=X, k: v, ... }` form of a high-level trace
 * (`shape: 'braced'`) or the `MsgType: X k: v ...` form of the guide's flow tables
 * (`shape: 'flow'`).
 */
export interface HighLevelTrace {
  readonly kind: 'high';
  readonly shape: 'braced' | 'flow';
  /**
   * What the processor did, as written before the braces without the trailing colon:
   * `got an event message`, `sending`, `got a request message`. `''` for flow blocks.
   */
  readonly verb: string;
  /** The component that wrote the trace (`CSOutboundMsgProcessor`), when written. */
  readonly processor?: string;
  /** `type=` (braced) or `MsgType:` (flow) value as written; `''` if none was found. */
  readonly messageName: string;
  /** The `length=` attribute (`-1` in the guide's example), when written as an integer. */
  readonly length?: number;
  /** Every `name=value` attribute before the first pair, as written (`length`, `type`, ...). */
  readonly attrs: ReadonlyArray<{ readonly key: string; readonly value: string }>;
  /** The fields, in order. ECC variables are not repeated here (see `ecc`). */
  readonly pairs: readonly TracePair[];
  /** Named variables of the expanded call context, in order. */
  readonly ecc?: readonly EccVariable[];
  /** The key that introduced `ecc` (`ExpandedCallContxt`). */
  readonly eccKey?: string;
  /** The `<TotalBytes: n>` figure of the ECC block. */
  readonly eccTotalBytes?: number;
  /** True when the text ends in `...` ("more fields omitted" in the guide's tables). */
  readonly truncated: boolean;
  /**
   * True when the record ends before the trace's closing `}` (a log cut short, `grep -A`):
   * the fields past the cut are unknown; a last value with no comma after it is left out.
   */
  readonly cut?: true;
  /** 1-based line of the parsed text where the message starts. */
  readonly line: number;
}

/** One row of a hex dump, with the offset the dump states (or infers, see `offsetStated`). */
export interface DumpRow {
  /** Offset of the row's first byte within the dumped block. */
  readonly offset: number;
  /** The row's bytes. Can be fewer than the gap to the next row's offset (a damaged dump). */
  readonly bytes: readonly number[];
  /** The ASCII gutter as written (possibly lossy), when present. */
  readonly gutter?: string;
  /** 1-based line in the parsed text. */
  readonly line: number;
  /** False when the row had no `xxxx:` offset column and the offset was inferred. */
  readonly offsetStated: boolean;
}

/** A message dumped as bytes (`writing...` / `reading...` followed by `MHDR:` and `MDATA:`). */
export interface LowLevelTrace {
  readonly kind: 'low';
  /** From the words before the dump: `writing`/`sending` → write, `reading`/`received` → read. */
  readonly direction: 'write' | 'read' | 'unknown';
  /** Those words as written, e.g. `writing...`. */
  readonly verb: string;
  /** Rows of the 8-byte message header (length, type). */
  readonly mhdr: readonly DumpRow[];
  /** Rows of the message body. */
  readonly mdata: readonly DumpRow[];
  readonly line: number;
}

export type CtiTrace = HighLevelTrace | LowLevelTrace;

/** Everything found in one text: usually one trace; flow-table text can hold several. */
export interface CtiTraceParseResult {
  readonly traces: CtiTrace[];
  readonly diagnostics: TraceDiagnostic[];
}
