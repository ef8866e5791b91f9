/** What every report format is written from. */
import type { CheckResult } from '../checker.js';
import type { RuleMeta } from '../rule.js';
import type { RuleLevel, Severity } from '../severity.js';

export interface ReportContext {
  readonly result: CheckResult;
  /** The input names as given on the command line. */
  readonly inputs: readonly string[];
  readonly catalog: readonly RuleMeta[];
  readonly levels: ReadonlyMap<string, RuleLevel>;
  /** The lowest severity that fails the check (exit code 1). */
  readonly failOn: Severity;
  readonly toolVersion: string;
}

/** A location as text: `capture.pcapng:frame 233`, `MIVR01.log:line 7091923`. */
export function sourceText(source: { readonly file: string; readonly frame?: number; readonly line?: number }): string {
  if (source.frame !== undefined) return `${source.file}:frame ${source.frame}`;
  if (source.line !== undefined) return `${source.file}:line ${source.line}`;
  return source.file;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
