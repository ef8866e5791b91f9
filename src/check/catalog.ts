/** The rule catalog: every rule's ID, severity, spec reference and rationale (`ccxcti check --list-rules`). */
import { RULE_CATEGORIES, type RuleMeta } from './rule.js';
import { RULE_IMPLS } from './rules/index.js';

function buildCatalog(): readonly RuleMeta[] {
  const all = RULE_IMPLS.flatMap((impl) => impl.rules);
  const seen = new Set<string>();
  for (const r of all) {
    if (!/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/.test(r.id)) throw new Error(`rule ID ${r.id} is not upper-case words joined by hyphens`);
    if (seen.has(r.id)) throw new Error(`rule ID ${r.id} is defined twice`);
    seen.add(r.id);
  }
  const order = (r: RuleMeta): number => RULE_CATEGORIES.indexOf(r.category);
  return [...all].sort((a, b) => order(a) - order(b) || all.indexOf(a) - all.indexOf(b));
}

export const RULE_CATALOG: readonly RuleMeta[] = buildCatalog();

const BY_ID: ReadonlyMap<string, RuleMeta> = new Map(RULE_CATALOG.map((r) => [r.id, r]));

export function ruleById(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}
