/** Rule settings: levels from the catalog, patterns, configuration JSON; the bounded map under the model. */
import { describe, expect, it } from 'vitest';
import { RULE_CATALOG } from '../../src/check/catalog.js';
import { BoundedMap } from '../../src/check/model/bounded-map.js';
import { parseFailOn, parseRuleOption, resolveLevels, SettingsError, settingsFromJson } from '../../src/check/settings.js';
import { atOrAbove } from '../../src/check/severity.js';

describe('rule settings', () => {
  it('start from the catalog severities; later settings win; patterns end in *', () => {
    const levels = resolveLevels(RULE_CATALOG, [parseRuleOption('CALL-*=info'), parseRuleOption('call-event-after-end=OFF'), { pattern: '*', level: 'error', origin: 'x' }, parseRuleOption('AGENT-STATE-VALUE=warning')]);
    expect(levels.get('CALL-EVENT-AFTER-END')).toBe('error');
    expect(levels.get('AGENT-STATE-VALUE')).toBe('warning');
    expect(levels.get('FIELD-RESERVED-VALUE')).toBe('error');
    expect(resolveLevels(RULE_CATALOG, []).get('FIELD-RESERVED-VALUE')).toBe('info');
    expect(resolveLevels(RULE_CATALOG, [parseRuleOption('CALL-*=info')]).get('CALL-EVENT-AFTER-END')).toBe('info');
  });

  it('reject unknown rules, bad levels and bad shapes', () => {
    expect(() => resolveLevels(RULE_CATALOG, [parseRuleOption('NOPE=off')])).toThrow(SettingsError);
    expect(() => parseRuleOption('CALL-EVENT-AFTER-END')).toThrow(SettingsError);
    expect(() => parseRuleOption('=off')).toThrow(SettingsError);
    expect(() => parseRuleOption('CALL-EVENT-AFTER-END=loud')).toThrow(SettingsError);
    expect(() => parseFailOn('fatal')).toThrow(SettingsError);
    expect(() => settingsFromJson([], 'f')).toThrow(SettingsError);
    expect(() => settingsFromJson({ rules: [] }, 'f')).toThrow(SettingsError);
    expect(() => settingsFromJson({ rules: { X: 1 } }, 'f')).toThrow(SettingsError);
    expect(() => settingsFromJson({ extra: true }, 'f')).toThrow(SettingsError);
    expect(settingsFromJson({ $schema: 'x', failOn: 'info', rules: { 'CALL-*': 'Warning' } }, 'f')).toEqual({ failOn: 'info', rules: [{ pattern: 'CALL-*', level: 'warning', origin: 'f' }] });
  });

  it('severity order', () => {
    expect(atOrAbove('error', 'warning')).toBe(true);
    expect(atOrAbove('info', 'warning')).toBe(false);
    expect(atOrAbove('warning', 'warning')).toBe(true);
  });
});

describe('BoundedMap', () => {
  it('evicts the least recently set or touched entry beyond its cap', () => {
    const evicted: number[] = [];
    const m = new BoundedMap<number, string>(3, (k) => evicted.push(k));
    m.set(1, 'a');
    m.set(2, 'b');
    m.set(3, 'c');
    m.touch(1);
    m.set(4, 'd');
    expect(evicted).toEqual([2]);
    expect([...m.entries()].map(([k]) => k)).toEqual([3, 1, 4]);
    expect(m.size).toBe(3);
    expect(m.oldest()?.[0]).toBe(3);
  });

  it('keeps recency from the time it is half full (touching below that moves nothing)', () => {
    const m = new BoundedMap<number, string>(8);
    m.set(1, 'a');
    m.set(2, 'b');
    expect(m.touch(1)).toBe('a');
    expect([...m.entries()].map(([k]) => k)).toEqual([1, 2]);
  });
});

describe('docs/conformance.md', () => {
  it('lists every rule of the catalog with its severity', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/conformance.md', import.meta.url), 'utf8');
    for (const r of RULE_CATALOG) expect(doc, r.id).toContain(`| \`${r.id}\` | ${r.severity} |`);
  });
});
