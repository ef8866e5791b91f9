/** Every decoded message, whatever the input, validates against schemas/decoded-message.schema.json. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHexInput } from '../../src/hexinput/parse-hex.js';
import { decode } from '../../src/protocol/codec/decode.js';
import { encode } from '../../src/protocol/codec/encode.js';
import { anyMessageArb } from '../support/message-arbitraries.js';
import { assertValid } from '../support/schema-validator.js';
import { vectors as a } from '../vectors/call-control.js';
import { vectors as b } from '../vectors/call-events-misc.js';
import { vectors as c } from '../vectors/session-config-agent.js';
import { vectorBytes } from '../vectors/hex.js';

const SCHEMA = 'decoded-message.schema.json';
/** What the CLI prints: the JSON text, parsed back. */
const printed = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('decoded messages validate against the generated schema', () => {
  it('every hand-written vector, secrets shown and redacted', () => {
    for (const v of [...a, ...b, ...c]) {
      const bytes = vectorBytes(v.hex);
      assertValid(SCHEMA, printed(decode(bytes, v.version !== undefined ? { version: v.version } : {})));
      assertValid(SCHEMA, printed(decode(bytes, { showSecrets: true })));
    }
  });

  it("the guide's Example 2 dump (a message with a missing byte)", () => {
    const text = readFileSync(fileURLToPath(new URL('../fixtures/guide/example2-low-level.txt', import.meta.url)), 'utf8');
    const parsed = parseHexInput(text);
    if (!parsed.ok) throw new Error(parsed.error);
    assertValid(SCHEMA, printed(decode(parsed.input.bytes, { missing: parsed.input.missing })));
  });

  it('generated messages of every type', () => {
    fc.assert(fc.property(anyMessageArb, ({ message }) => assertValid(SCHEMA, printed(decode(encode(message))))), { numRuns: 1500 });
  });

  it('random and mutated bytes', () => {
    const pool = fc.sample(anyMessageArb, { numRuns: 200, seed: 11 }).map((g) => encode(g.message));
    fc.assert(
      fc.property(fc.constantFrom(...pool), fc.nat(), fc.integer({ min: 1, max: 255 }), fc.nat(), (bytes, at, x, cut) => {
        const mutated = bytes.slice(0, Math.max(0, bytes.length - (cut % 6)));
        if (mutated.length > 0) mutated[at % mutated.length]! ^= x;
        assertValid(SCHEMA, printed(decode(mutated)));
      }),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => assertValid(SCHEMA, printed(decode(bytes)))), { numRuns: 2000 });
  });
});
