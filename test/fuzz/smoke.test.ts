/**
 * A short seeded run of the fuzzer (scripts/fuzz, `npm run fuzz` for a campaign): mutated
 * captures, logs and hex texts through decode, check and hex in process, each input checked
 * for the fuzzer's invariants (no throw, JSON that parses, the same message count in every
 * format, no control character in text, secrets redacted, every stream byte accounted for). Inputs of one seed are fixed, so
 * a failure here is reproducible: `generate(corpus, target, SEED, i)`.
 */
import { describe, expect, it } from 'vitest';
import { execute } from '../../scripts/fuzz/execute.js';
import { generate, loadCorpus, type Target } from '../../scripts/fuzz/inputs.js';
import { ROOT } from '../../scripts/schemas.js';

const SEED = 20261124;
const corpus = loadCorpus(ROOT);

describe('fuzz smoke run', () => {
  it('finds the seeds', () => {
    expect(corpus.capture.length).toBeGreaterThanOrEqual(5);
    expect(corpus.log.length).toBeGreaterThanOrEqual(9);
    expect(corpus.hex.length).toBeGreaterThan(100);
  });

  for (const [target, count] of [
    ['capture', 16],
    ['log', 24],
    ['hex', 60],
  ] as Array<[Target, number]>) {
    it(`${count} mutated ${target} inputs keep the invariants`, async () => {
      const failures: string[] = [];
      for (let i = 0; i < count; i++) {
        // Schema validation and the --show-secrets comparison are left to campaigns (the validators take seconds to compile).
        const failure = await execute(generate(corpus, target, SEED, i), false);
        if (failure !== undefined) failures.push(`#${i}: ${failure.detail.slice(0, 500)}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
