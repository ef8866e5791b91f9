/**
 * Property tests of the codec: round trips over generated messages of every type, and
 * decode() never throws — on arbitrary bytes nor on mutated valid messages.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, type DecodedMessage } from '../../src/protocol/codec/decode.js';
import { encode } from '../../src/protocol/codec/encode.js';
import { planByName } from '../../src/protocol/codec/plan.js';
import { MESSAGE_DEFS } from '../../src/protocol/messages/index.js';
import { anyMessageArb, messageArbFor } from '../support/message-arbitraries.js';

/** Total never-throw cases: at least 100,000 in CI (FUZZ_RUNS raises or lowers it locally). */
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

describe('round trip over generated messages', () => {
  for (const def of MESSAGE_DEFS) {
    it(`${def.name}: decode(encode(m)) equals m, and encode(decode(b)) equals b`, () => {
      fc.assert(
        fc.property(messageArbFor(planByName(def.name)!), ({ message, version }) => {
          const bytes = encode(message);
          const decoded = decode(bytes, { version, showSecrets: true });
          expect(decoded.type).toBe(def.name);
          expect(decoded.fields).toEqual(message.fields);
          expect(decoded.extras).toBeUndefined();
          expect(Buffer.from(encode(decoded)).equals(Buffer.from(bytes))).toBe(true);
        }),
        { numRuns: 60 },
      );
    });
  }
});

/** Checks the invariants every decode result keeps, whatever the input (plain checks: hot). */
function assertWellFormed(result: DecodedMessage, input: Uint8Array): void {
  const fail = (why: string): never => {
    throw new Error(`${why}: ${JSON.stringify(result).slice(0, 500)} for ${Buffer.from(input).toString('hex').slice(0, 200)}`);
  };
  if (result.type === 'DECODER_FAILURE') fail('the decoder threw internally');
  if (!Array.isArray(result.diagnostics)) fail('no diagnostics array');
  const limit = Math.max(input.length, 8 + (result.bodyLength ?? 0));
  for (const d of result.diagnostics) {
    if (!(d.offset >= 0 && d.offset <= limit)) fail(`diagnostic offset ${d.offset} outside 0…${limit}`);
    if (d.severity !== 'error' && d.severity !== 'warning' && d.severity !== 'info') fail('bad severity');
  }
  JSON.stringify(result);
}

const typeIds = MESSAGE_DEFS.map((d) => d.id);

/** Bytes that look like a message header of a known type, then arbitrary body bytes. */
const headerLike = fc
  .tuple(fc.constantFrom(...typeIds, 0, 22, 68, 121, 0xffffffff), fc.uint8Array({ maxLength: 400 }), fc.integer({ min: -8, max: 8 }))
  .map(([type, body, skew]) => {
    const out = new Uint8Array(8 + body.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, Math.max(0, body.length + skew));
    view.setUint32(4, type);
    out.set(body, 8);
    return out;
  });

type Mutation = (b: Uint8Array) => Uint8Array;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([i, x]): Mutation => (b) => {
    const c = b.slice();
    if (c.length) c[i % c.length]! ^= x;
    return c;
  }),
  fc.nat().map((n): Mutation => (b) => b.slice(0, n % (b.length + 1))),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([i, ins]): Mutation => (b) => {
    const at = i % (b.length + 1);
    const c = new Uint8Array(b.length + ins.length);
    c.set(b.subarray(0, at));
    c.set(ins, at);
    c.set(b.subarray(at), at + ins.length);
    return c;
  }),
  fc.tuple(fc.nat(), fc.nat({ max: 16 })).map(([i, n]): Mutation => (b) => {
    const at = i % (b.length + 1);
    return Uint8Array.from([...b.subarray(0, at), ...b.subarray(Math.min(b.length, at + n))]);
  }),
  fc.integer({ min: 0, max: 0xffffffff }).map((len): Mutation => (b) => {
    const c = b.slice();
    if (c.length >= 4) new DataView(c.buffer, c.byteOffset).setUint32(0, len);
    return c;
  }),
);

describe('decode never throws', () => {
  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.option(fc.integer({ min: 0, max: 20 })), (bytes, version) => {
        assertWellFormed(decode(bytes, version === null ? {} : { version }), bytes);
      }),
      { numRuns: Math.ceil(FUZZ_RUNS * 0.3) },
    );
  });

  it('on header-like bytes of every type with arbitrary bodies', () => {
    fc.assert(
      fc.property(headerLike, (bytes) => assertWellFormed(decode(bytes), bytes)),
      { numRuns: Math.ceil(FUZZ_RUNS * 0.3) },
    );
  });

  it('on mutated valid messages', () => {
    // A pool of valid messages of every type, generated once; the property mutates them.
    const pool = fc.sample(anyMessageArb, { numRuns: 600, seed: 42 }).map((g) => encode(g.message));
    fc.assert(
      fc.property(fc.constantFrom(...pool), fc.array(mutation, { minLength: 1, maxLength: 4 }), (valid, mutations) => {
        let bytes = valid;
        for (const m of mutations) bytes = m(bytes);
        assertWellFormed(decode(bytes), bytes);
        assertWellFormed(decode(bytes, { version: 14, showSecrets: true }), bytes);
      }),
      { numRuns: Math.ceil(FUZZ_RUNS * 0.4) },
    );
  });
});

describe('encode writes strings as UTF-8 in place', () => {
  // FAILURE_EVENT: a fixed UINT Status, then a floating Text (FieldDataID 7, STRING) — bytes built
  // here by hand from the guide's layout, with TextEncoder for the text.
  const expected = (status: number, text: string): Uint8Array => {
    const utf8 = new TextEncoder().encode(text);
    const out = Buffer.alloc(8 + 4 + 2 + utf8.length + 1);
    out.writeUInt32BE(out.length - 8, 0);
    out.writeUInt32BE(planByName('FAILURE_EVENT')!.def.id, 4);
    out.writeUInt32BE(status, 8);
    out[12] = 7;
    out[13] = utf8.length + 1;
    out.set(utf8, 14);
    return out;
  };
  const unit = fc.constantFrom('a', 'Z', ' ', 'é', '€', '😀', '\ud800', '\udc00', '\u0000', '\u007f', '\u0080');

  it('any text (astral, lone surrogates, NUL) is written as TextEncoder writes it, NUL-terminated', () => {
    fc.assert(
      fc.property(fc.nat(), fc.string({ unit, maxLength: 120 }), (status, text) => {
        const size = new TextEncoder().encode(text).length + 1;
        if (size > 255) {
          expect(() => encode({ type: 'FAILURE_EVENT', fields: { Status: status, Text: text } })).toThrow(`FAILURE_EVENT.Text: ${size} bytes do not fit a floating field (255 at most)`);
          return;
        }
        const bytes = encode({ type: 'FAILURE_EVENT', fields: { Status: status, Text: text } });
        // The result is the caller's: a later encode does not change it.
        encode({ type: 'FAILURE_EVENT', fields: { Status: 1, Text: 'x'.repeat(200) } });
        expect(Buffer.from(bytes).toString('hex')).toBe(Buffer.from(expected(status, text)).toString('hex'));
      }),
      { numRuns: 2000 },
    );
  });

  it('a failed encode leaves nothing behind for the next', () => {
    expect(() => encode({ type: 'FAILURE_EVENT', fields: { Status: 1, Text: 'é'.repeat(200) } })).toThrow('do not fit');
    expect(() => encode({ type: 'FAILURE_EVENT', fields: { Status: -1, Text: 'a' } })).toThrow('FAILURE_EVENT.Status: -1 is not an integer in 0…4294967295');
    expect(Buffer.from(encode({ type: 'FAILURE_EVENT', fields: { Status: 3, Text: 'ok' } })).toString('hex')).toBe(Buffer.from(expected(3, 'ok')).toString('hex'));
  });
});
