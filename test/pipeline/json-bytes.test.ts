/** The JSON byte writer writes exactly the UTF-8 bytes of jsonText (JSON.stringify, terminal-unsafe characters escaped), whatever the buffer size. */
import { jsonText } from '../../src/render/escape.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fragment, GrowingByteSink, writeDigits, writeFragment, writeJsonNumber, writeJsonString, writeKnownString, writeText, type ByteSink } from '../../src/pipeline/json-bytes.js';
import { keyRoot } from '../../src/pipeline/json-keys.js';
import { writeJsonMembers, writeJsonObject, writeJsonValue } from '../../src/pipeline/json-values.js';
import { ChunkedSink } from './chunked-sink.js';

/** Writes into a sink of `size`-byte buffers; returns all the bytes, one latin1 character each (exact, and readable when they differ). */
function bytesOf(write: (out: ByteSink) => void, size: number): string {
  const sink = new ChunkedSink(size);
  write(sink);
  return sink.bytes().toString('latin1');
}

/** The UTF-8 bytes of jsonText(v), in the same form. */
const expected = (v: unknown): string => Buffer.from(JSON.stringify(v) === undefined ? '' : jsonText(v), 'utf8').toString('latin1');

/** Strings of every kind: printable ASCII, quotes, backslashes, controls, DEL, non-ASCII, astral, lone surrogates. */
const anyString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '"', '\\', '\n', '\u0000', '\u001f', '\u007f', '\u0080', 'é', '€', '\ud800', '\udc00', '😀') }),
  // Long strings (copied natively) with an odd character somewhere.
  fc
    .tuple(fc.string({ minLength: 40, maxLength: 300 }), fc.nat(), fc.constantFrom('', '"', '\\', '\t', '\u007f', 'é', '€', '😀', '\ud800', '\udfff'))
    .map(([s, at, odd]) => s.slice(0, at % (s.length + 1)) + odd + s.slice(at % (s.length + 1))),
);

const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.nat({ max: 0xffffffff }),
  fc.constantFrom(0, -0, 1, 9, 10, 99, 100, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 53, -1, 1e21, 1e-7, 0.1, 5e-324, NaN, Infinity, -Infinity, 4294967295.5),
);

/** Values JSON.stringify takes, including what it leaves out (undefined, functions, symbols) or turns (toJSON, Date). */
const { value: anyValue } = fc.letrec<{ value: unknown; object: unknown; array: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    anyString,
    anyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constant(() => 1),
    fc.constant(Symbol('s')),
    fc.date({ noInvalidDate: true }),
    fc.constantFrom<unknown>(
      new Number(3),
      new String('a"b'),
      new Boolean(false),
      new Map([[1, 2]]),
      new (class Point {
        x = 1;
        y = [2, undefined];
        get sum(): number {
          return 3;
        }
      })(),
      Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true }, hidden: { value: 3, enumerable: false } }) as unknown,
    ),
    tie('object'),
    tie('array'),
  ),
  object: fc.oneof(
    fc.dictionary(fc.oneof(anyString, fc.constantFrom('0', '1', '10', '4294967295', 'Reserved1', 'CallID', 'toJSON')), tie('value'), { maxKeys: 6 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('value'), { maxKeys: 3 }).map((o) => Object.assign(Object.create(null) as object, o)),
    tie('value').map((v) => ({ toJSON: () => v })),
    // JSON.stringify passes the member's key (an index as a string in arrays, '' at the top).
    fc.constant(null).map(() => ({ toJSON: (key: string) => ['key', key] })),
  ),
  array: fc.array(tie('value'), { maxLength: 5 }),
}));

describe('JSON bytes = JSON.stringify', () => {
  it('for any JSON value, whatever the buffer size', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 64 }), (v, size) => {
        expect(bytesOf((out) => writeJsonValue(out, v), size)).toEqual(expected(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('for strings, numbers, members left out, toJSON, null prototypes, integer-like keys', () => {
    fc.assert(
      fc.property(anyValue, fc.integer({ min: 1, max: 512 }), (v, size) => {
        // Top-level undefined / function / symbol have no JSON text; as array elements they are null.
        const wrapped = [v];
        expect(bytesOf((out) => writeJsonValue(out, wrapped), size)).toEqual(expected(wrapped));
      }),
      { numRuns: 3000 },
    );
  });

  it('for strings alone', () => {
    fc.assert(
      fc.property(anyString, fc.integer({ min: 1, max: 400 }), (s, size) => {
        expect(bytesOf((out) => writeJsonString(out, s), size)).toEqual(expected(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('for numbers alone', () => {
    fc.assert(
      fc.property(anyNumber, (n) => {
        expect(bytesOf((out) => writeJsonNumber(out, n), 3)).toBe(JSON.stringify(n));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes zero-padded digits of integers up to 10 digits', () => {
    const check = (n: number, width: number): void => {
      expect(bytesOf((out) => writeDigits(out, n, width), 7)).toBe(String(n).padStart(width, '0'));
    };
    for (const n of [0, 1, 9, 10, 99, 100, 12345, 99999, 100000, 2 ** 31 - 1, 2 ** 31, 4294967295, 9999999999]) check(n, Math.max(String(n).length, 10));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999999999 }), fc.integer({ min: 0, max: 3 }), (n, extra) => check(n, Math.min(10, String(n).length + extra))),
      { numRuns: 5000 },
    );
  });

  it('keeps member order and omissions when objects of one kind come with other keys (the key trie)', () => {
    const pool = ['a', 'b', 'Reserved1', 'CallID', 'x"y', 'é', '0', '7'];
    const kindArb = fc.array(
      fc.shuffledSubarray(pool).chain((keys) => fc.tuple(...keys.map((k) => fc.tuple(fc.constant(k), fc.oneof(fc.nat(), fc.constant(undefined), fc.string({ maxLength: 3 })))))),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(kindArb, fc.boolean(), (objects, reuse) => {
        // With reuse keys, the string values of those members (and of their objects) come from the known strings.
        const start = reuse ? keyRoot(['list', 'o', 'b']) : keyRoot();
        for (const entries of objects) {
          const o = Object.fromEntries(entries) as Record<string, unknown>;
          const nested = { list: [o, o], o };
          expect(bytesOf((out) => writeJsonObject(out, o, start), 5)).toEqual(expected(o));
          expect(bytesOf((out) => writeJsonObject(out, nested, start), 64)).toEqual(expected(nested));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('writes members after others with a comma, and tells whether it wrote any', () => {
    const out = new GrowingByteSink(4);
    writeText(out, '{"z":1');
    expect(writeJsonMembers(out, { a: undefined }, false)).toBe(false);
    expect(writeJsonMembers(out, { a: 1, b: 'x' }, false)).toBe(false);
    writeText(out, '}');
    expect(out.text()).toBe('{"z":1,"a":1,"b":"x"}');
    const empty = new GrowingByteSink(4);
    expect(writeJsonMembers(empty, { a: undefined, f: () => 0 }, true)).toBe(true);
    expect(empty.pos).toBe(0);
  });

  it('handles objects with more keys than the key cache holds', () => {
    const o: Record<string, number> = {};
    for (let i = 0; i < 21_000; i++) o[`key_${i}`] = i;
    expect(bytesOf((out) => writeJsonValue(out, o), 4096)).toEqual(expected(o));
    expect(bytesOf((out) => writeJsonValue(out, o), 4096)).toEqual(expected(o));
  });

  it('writes strings from a small set (cached) as JSON.stringify does, beyond the cache size too', () => {
    fc.assert(
      fc.property(fc.array(anyString, { maxLength: 20 }), fc.integer({ min: 1, max: 64 }), (list, size) => {
        const twice = [...list, ...list];
        expect(bytesOf((out) => twice.forEach((s) => writeKnownString(out, s)), size)).toBe(twice.map(expected).join(''));
      }),
      { numRuns: 500 },
    );
    const many = Array.from({ length: 5000 }, (_, i) => `session-${i}`);
    const all = [...many, ...many.slice(0, 100)];
    expect(bytesOf((out) => all.forEach((s) => writeKnownString(out, s)), 1024)).toBe(all.map(expected).join(''));
  });

  it('throws on a bigint as JSON.stringify does', () => {
    expect(() => bytesOf((out) => writeJsonValue(out, { n: 1n }), 16)).toThrow(TypeError);
  });

  it('writes fragments as their UTF-8 bytes, words past the end being scratch', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', 'abcde', ',"index":', '"é€😀":']) {
      const sink = new ChunkedSink(9);
      writeFragment(sink, fragment(text));
      writeFragment(sink, fragment(text));
      expect(sink.bytes().toString('utf8')).toBe(text + text);
    }
  });
});
