/** Every catalog rule fires on its case and stays silent on the close variant (test/check/rule-cases.ts). */
import { describe, expect, it } from 'vitest';
import { RULE_CATALOG } from '../../src/check/catalog.js';
import { RULE_CASES } from './rule-cases.js';
import { describeFindings, findingsOf, runCheck } from './support.js';

describe('every rule of the catalog', () => {
  it('has a case that fires and one that stays silent', () => {
    const missing = RULE_CATALOG.map((r) => r.id).filter((id) => !RULE_CASES[id]);
    expect(missing).toEqual([]);
    const unknown = Object.keys(RULE_CASES).filter((id) => !RULE_CATALOG.some((r) => r.id === id));
    expect(unknown).toEqual([]);
  });

  for (const rule of RULE_CATALOG) {
    const c = RULE_CASES[rule.id];
    if (!c) continue;
    it(`${rule.id} fires`, () => {
      const result = runCheck(c.fires());
      const found = findingsOf(result, rule.id);
      expect(found.length, describeFindings(result)).toBeGreaterThan(0);
      for (const f of found) {
        expect(f.severity).toBe(rule.severity);
        expect(f.spec).toBe(rule.spec);
        expect(f.message.length).toBeGreaterThan(0);
      }
    });
    it(`${rule.id} stays silent`, () => {
      const result = runCheck(c.silent());
      expect(findingsOf(result, rule.id), describeFindings(result)).toEqual([]);
    });
  }
});
