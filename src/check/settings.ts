/**
 * Which rules run and at which severity: defaults from the catalog, then a JSON config file
 * (`--config FILE`, else `.ccxcti.json` in the current directory), then the command line
 * (`--rule ID=level`, `--disable ID`), later settings winning. A rule is named by its ID or
 * by a prefix ending in `*` (`FIELD-*`, `*`).
 */
import type { RuleMeta } from './rule.js';
import { isRuleLevel, isSeverity, type RuleLevel, type Severity } from './severity.js';

/** A bad rule setting: the command line reports it as a usage error (exit 2). */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

export interface RuleSetting {
  /** A rule ID or a prefix ending in `*`. */
  readonly pattern: string;
  readonly level: RuleLevel;
  /** Where the setting comes from, for error messages (`--rule`, `.ccxcti.json`). */
  readonly origin: string;
}

export interface CheckSettings {
  readonly rules: readonly RuleSetting[];
  readonly failOn?: Severity;
}

/** `ID=level` of `--rule`. */
export function parseRuleOption(text: string, origin = '--rule'): RuleSetting {
  const at = text.lastIndexOf('=');
  if (at <= 0) throw new SettingsError(`${origin} takes ID=off|error|warning|info (not ${JSON.stringify(text)})`);
  const pattern = text.slice(0, at).trim().toUpperCase();
  const level = text.slice(at + 1).trim().toLowerCase();
  if (!isRuleLevel(level)) throw new SettingsError(`${origin} ${pattern}: the level must be off, error, warning or info (not ${JSON.stringify(level)})`);
  return { pattern, level, origin };
}

export function parseFailOn(value: unknown, origin = '--fail-on'): Severity {
  if (!isSeverity(value)) throw new SettingsError(`${origin} must be error, warning or info (not ${JSON.stringify(value)})`);
  return value;
}

function matches(pattern: string, id: string): boolean {
  return pattern.endsWith('*') ? id.startsWith(pattern.slice(0, -1)) : id === pattern;
}

/** Each rule's level after applying `settings` in order; a pattern that names no rule is an error. */
export function resolveLevels(catalog: readonly RuleMeta[], settings: readonly RuleSetting[]): Map<string, RuleLevel> {
  const levels = new Map<string, RuleLevel>(catalog.map((r) => [r.id, r.severity]));
  for (const s of settings) {
    let hit = false;
    for (const r of catalog) {
      if (matches(s.pattern, r.id)) {
        levels.set(r.id, s.level);
        hit = true;
      }
    }
    if (!hit) throw new SettingsError(`${s.origin}: no rule ${s.pattern} (see ccxcti check --list-rules)`);
  }
  return levels;
}

/**
 * The settings of a config file's JSON:
 * `{ "failOn": "warning", "rules": { "FIELD-RESERVED-VALUE": "off", "CALL-*": "error" } }`.
 */
export function settingsFromJson(json: unknown, origin: string): CheckSettings {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new SettingsError(`${origin}: the configuration must be a JSON object`);
  const rules: RuleSetting[] = [];
  let failOn: Severity | undefined;
  for (const [key, value] of Object.entries(json)) {
    if (key === '$schema') continue;
    if (key === 'failOn') {
      failOn = parseFailOn(value, `${origin}: failOn`);
    } else if (key === 'rules') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SettingsError(`${origin}: "rules" must map rule IDs to off, error, warning or info`);
      for (const [pattern, level] of Object.entries(value)) {
        if (typeof level !== 'string' || !isRuleLevel(level.toLowerCase())) {
          throw new SettingsError(`${origin}: rule ${pattern}: the level must be off, error, warning or info (not ${JSON.stringify(level)})`);
        }
        rules.push({ pattern: pattern.toUpperCase(), level: level.toLowerCase() as RuleLevel, origin });
      }
    } else {
      throw new SettingsError(`${origin}: unknown key ${JSON.stringify(key)} (allowed: failOn, rules)`);
    }
  }
  return failOn === undefined ? { rules } : { rules, failOn };
}
