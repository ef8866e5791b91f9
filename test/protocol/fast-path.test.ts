/**
 * The generated fast-path decoders (src/protocol/generated) must give exactly what the
 * reference decoder gives — same JSON, key order included — for every input, and must
 * actually be taken for valid traffic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, fastPathTakes, type DecodeOptions } from '../../src/protocol/codec/decode.js';
import { encode } from '../../src/protocol/codec/encode.js';
import { messageMix } from '../../bench/codec/message-mix.js';
import { anyMessageArb } from '../support/message-arbitraries.js';
import { vectors as a } from '../vectors/call-control.js';
import { vectors as b } from '../vectors/call-events-misc.js';
import { vectors as c } from '../vectors/session-config-agent.js';
import { vectorBytes } from '../vectors/hex.js';

function sameAsReference(bytes: Uint8Array, options: DecodeOptions): void {
  const fast = decode(bytes, options);
  const reference = decode(bytes, { ...options, fastPath: false });
  expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
}

const optionsArb: fc.Arbitrary<DecodeOptions> = fc.record(
  { version: fc.constantFrom(10, 11, 12, 13, 14), showSecrets: fc.boolean() },
  { requiredKeys: [] },
);

describe('fast path = reference decoder', () => {
  it('on generated messages of every type (any field order, any options)', () => {
    fc.assert(
      fc.property(anyMessageArb, optionsArb, ({ message }, options) => sameAsReference(encode(message), options)),
      { numRuns: 3000 },
    );
  });

  it('on mutated messages', () => {
    const pool = fc.sample(anyMessageArb, { numRuns: 300, seed: 7 }).map((g) => encode(g.message));
    fc.assert(
      fc.property(fc.constantFrom(...pool), fc.nat(), fc.integer({ min: 1, max: 255 }), optionsArb, (bytes, at, x, options) => {
        const mutated = bytes.slice();
        mutated[8 + (at % Math.max(1, mutated.length - 8))]! ^= x;
        sameAsReference(mutated, options);
      }),
      { numRuns: 5000 },
    );
  });

  it('on every hand-written vector', () => {
    for (const v of [...a, ...b, ...c]) {
      sameAsReference(vectorBytes(v.hex), { ...(v.version !== undefined ? { version: v.version } : {}), showSecrets: v.showSecrets === true });
    }
  });

  it('is taken for at least 95% of a corpus of valid messages of every type', () => {
    for (const profile of ['typical', 'full'] as const) {
      const corpus = messageMix(3000, 3, profile);
      const taken = corpus.filter((m) => fastPathTakes(m)).length;
      expect(taken / corpus.length, profile).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('is taken for every hand-written vector without diagnostics', () => {
    for (const v of [...a, ...b, ...c]) {
      if ((v.expect.diagnostics ?? []).length > 0) continue;
      const options = { ...(v.version !== undefined ? { version: v.version } : {}), showSecrets: v.showSecrets === true };
      expect(fastPathTakes(vectorBytes(v.hex), options), v.name).toBe(true);
    }
  });
});
