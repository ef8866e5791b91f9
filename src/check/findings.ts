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

  /**
   * Counts a finding, and keeps it while its rule is under the cap. The finding object is made
   * only when kept: one made for every finding, its text with it, was the checker's largest
   * source of old-generation garbage on a capture with many findings beyond the cap (the first
   * findings made at that place in the code are kept, and V8 then allocates the later ones
   * straight in the old generation).
   */
  add(rule: string, severity: Severity, spec: string, at: FindingPlace, message: string, call?: number): void {
    if (severity === 'error') this.counts.errors++;
    else if (severity === 'warning') this.counts.warnings++;
    else this.counts.infos++;
    const n = (this.perRule.get(rule) ?? 0) + 1;
    this.perRule.set(rule, n);
    if (n > this.maxPerRule) {
      this.omitted++;
      return;
    }
    this.kept.push(call !== undefined ? { rule, severity, message, spec, at, call } : { rule, severity, message, spec, at });
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
