/** `ccxcti check --list-rules`: the catalog as text or JSON (schemas/rule-catalog.schema.json). */
import type { CatalogRule, RuleCatalog } from '../../../schemas/rule-catalog.js';
import type { RuleMeta } from '../rule.js';
import type { RuleLevel } from '../severity.js';

export function ruleCatalogJson(catalog: readonly RuleMeta[], levels: ReadonlyMap<string, RuleLevel>): RuleCatalog {
  return {
    rules: catalog.map(
      (r): CatalogRule => ({
        id: r.id,
        category: r.category,
        severity: r.severity,
        level: levels.get(r.id) ?? r.severity,
        title: r.title,
        spec: r.spec,
        rationale: r.rationale,
        needsSession: r.needsSession === true,
      }),
    ),
  };
}

export function writeRuleCatalogText(catalog: readonly RuleMeta[], levels: ReadonlyMap<string, RuleLevel>): string {
  let out = '';
  let category = '';
  for (const r of catalog) {
    if (r.category !== category) {
      category = r.category;
      out += `${out === '' ? '' : '\n'}${category}\n`;
    }
    const level = levels.get(r.id) ?? r.severity;
    const shown = level === r.severity ? level : `${level} (default ${r.severity})`;
    out += `  ${r.id.padEnd(36)} ${shown.padEnd(8)} ${r.title}${r.needsSession ? ' [sessions only]' : ''}\n`;
    out += `      ${r.spec}\n      ${r.rationale}\n`;
  }
  out += `\n${catalog.length} rules. Set a level with --rule ID=off|error|warning|info (ID may end in *), --disable ID, or a config file.\n`;
  return out;
}
