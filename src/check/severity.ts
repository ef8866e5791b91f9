/** Severities of conformance findings and the levels a rule can be set to. */

export type Severity = 'error' | 'warning' | 'info';

/** A rule's configured level: a severity, or `off`. */
export type RuleLevel = Severity | 'off';

const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** Whether `s` is at or above `threshold` (error ≥ warning ≥ info). */
export function atOrAbove(s: Severity, threshold: Severity): boolean {
  return RANK[s] >= RANK[threshold];
}

export function isSeverity(value: unknown): value is Severity {
  return value === 'error' || value === 'warning' || value === 'info';
}

export function isRuleLevel(value: unknown): value is RuleLevel {
  return value === 'off' || isSeverity(value);
}
