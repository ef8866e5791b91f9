/** Findings as they are reported, kept up to a cap per rule (every one is counted). */
import type { FindingPlace } from './rule.js';
import type { Severity } from './severity.js';

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly spec: string;
  /** The message the finding points at (else the place in an input, see InputPlace). */
  readonly at: FindingPlace;
  /** The call it concerns, for grouping in text reports. */
  readonly call?: number;
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** How many findings are at or above `threshold` (those that fail the check under `--fail-on`). */
export function countAtOrAbove(counts: FindingCounts, threshold: Severity): number {
  return threshold === 'error' ? counts.errors : threshold === 'warning' ? counts.errors + counts.warnings : counts.errors + counts.warnings + counts.infos;
}

/** Findings kept per rule by default; the rest are counted only. */
export const DEFAULT_MAX_FINDINGS_PER_RULE = 1000;

export class FindingStore {
  private readonly kept: Finding[] = [];
  private readonly perRule = new Map<string, number>();
  readonly counts: FindingCounts = { errors: 0, warnings: 0, infos: 0 };
  /** Findings counted but not kept. */
  omitted = 0;

  constructor(private readonly maxPerRule: number = DEFAULT_MAX_FINDINGS_PER_RULE) {}

  add(f: Finding): void {
    if (f.severity === 'error') this.counts.errors++;
    else if (f.severity === 'warning') this.counts.warnings++;
    else this.counts.infos++;
    const n = (this.perRule.get(f.rule) ?? 0) + 1;
    this.perRule.set(f.rule, n);
    if (n <= this.maxPerRule) this.kept.push(f);
    else this.omitted++;
  }

  /** How many findings each rule reported (kept or not). */
  byRule(): ReadonlyMap<string, number> {
    return this.perRule;
  }

  /** The kept findings in timeline order (then by rule); those at no message after the rest. */
  sorted(): Finding[] {
    return [...this.kept].sort((a, b) => (a.at.index ?? Infinity) - (b.at.index ?? Infinity) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  }
}
