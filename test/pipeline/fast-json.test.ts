/** Timeline messages written as JSON bytes are exactly the UTF-8 of jsonText(timelineMessageJson(…)) (JSON.stringify, terminal-unsafe characters escaped). */
import { jsonText } from '../../src/render/escape.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, type DecodedMessage } from '../../src/protocol/codec/decode.js';
import { encode } from '../../src/protocol/codec/encode.js';
import type { Label } from '../../src/protocol/codec/labels.js';
import { messageJsonText, timelineMessageJsonText, writeIsoInstant, writeTimelineMessageJson } from '../../src/pipeline/fast-json.js';
import { timelineMessageJson } from '../../src/pipeline/message-json.js';
import { instantToIso, type Instant } from '../../src/timeline/instant.js';
import type { SourceRef, TimelineMessage } from '../../src/timeline/types.js';
import { anyMessageArb, textArb } from '../support/message-arbitraries.js';
import { ChunkedSink } from './chunked-sink.js';

/** Bytes written into `size`-byte buffers, one latin1 character per byte. */
function written(item: TimelineMessage, index: number | undefined, size: number): string {
  const sink = new ChunkedSink(size);
  writeTimelineMessageJson(sink, item, index);
  return sink.bytes().toString('latin1');
}

function expected(item: TimelineMessage, index: number | undefined): string {
  return Buffer.from(jsonText(timelineMessageJson(item, index === undefined ? {} : { index })), 'utf8').toString('latin1');
}

/** A decoded message of any type: valid, or with one byte of its body changed (diagnostics, extras, bodyHex, floatingOrder…). */
const decodedArb: fc.Arbitrary<DecodedMessage> = fc
  .tuple(anyMessageArb, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean(), fc.boolean(), fc.option(fc.constantFrom(11, 12, 13, 14, 15), { nil: undefined }))
  .map(([{ message }, at, x, fastPath, showSecrets, version]) => {
    const bytes = encode(message);
    if (x > 0) bytes[8 + (at % Math.max(1, bytes.length - 8))]! ^= x;
    return decode(bytes, { fastPath, showSecrets, ...(version !== undefined ? { version } : {}) });
  });

/** Strings with quotes, controls, DEL, non-ASCII, astral characters and lone surrogates. */
const weirdArb = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('a', '"', '\\', '\n', '\u007f', 'é', '😀', '\ud800') }), fc.string({ minLength: 48, maxLength: 120 }));

const labelArb: fc.Arbitrary<Label> = fc.oneof(weirdArb, fc.array(weirdArb, { maxLength: 3 }), fc.record({ primary: weirdArb, actual: weirdArb }));

const instantArb: fc.Arbitrary<Instant> = fc.record({
  sec: fc.oneof(fc.integer({ min: 0, max: 4e9 }), fc.constantFrom(0, 1_700_000_000, 253402300799)),
  nsec: fc.oneof(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 999_999 }).map((us) => us * 1000)),
});

const sourceArb: fc.Arbitrary<SourceRef> = fc.oneof(
  fc.record({ file: textArb(30), frame: fc.nat() }),
  fc.record({ file: weirdArb, line: fc.nat() }),
  fc.record({ file: textArb(10) }),
);

/** A timeline message of a capture or a log, each optional member present or not. */
const itemArb: fc.Arbitrary<TimelineMessage> = fc
  .tuple(
    decodedArb,
    fc.record(
      {
        at: instantArb,
        direction: fc.constantFrom('client-to-server' as const, 'server-to-client' as const),
        session: fc.oneof(textArb(40), weirdArb),
        version: fc.integer({ min: 0, max: 20 }),
        streamOffset: fc.nat(),
      },
      { requiredKeys: [] },
    ),
    sourceArb,
    fc.option(fc.tuple(weirdArb, labelArb), { nil: undefined }),
    fc.boolean(),
  )
  .map(([m, optional, source, weird, shuffle]) => {
    let message = m;
    if (weird !== undefined) {
      message.fields.Weird = weird[0];
      message.labels.Weird = weird[1];
    }
    // Members in another order (as a message built from a log trace may have them).
    if (shuffle) message = Object.fromEntries(Object.entries(message).reverse()) as unknown as DecodedMessage;
    return { kind: 'message' as const, message, ...optional, source };
  });

describe('fast JSON = JSON.stringify', () => {
  it('for decoded messages of every type, valid or mutated, with any option', () => {
    fc.assert(
      fc.property(decodedArb, (m) => {
        expect(messageJsonText(m)).toBe(jsonText(m));
      }),
      { numRuns: 2000 },
    );
  });

  it('for timeline messages, whatever the buffer size: every optional member, odd strings and labels, frames and lines', () => {
    fc.assert(
      fc.property(itemArb, fc.option(fc.nat(), { nil: undefined }), fc.integer({ min: 1, max: 300 }), (item, index, size) => {
        expect(written(item, index, size)).toBe(expected(item, index));
      }),
      { numRuns: 3000 },
    );
  });

  it('as text, for strings with quotes, controls, non-ASCII and lone surrogates', () => {
    fc.assert(
      fc.property(itemArb, fc.option(fc.nat(), { nil: undefined }), (item, index) => {
        expect(timelineMessageJsonText(item, index)).toBe(jsonText(timelineMessageJson(item, index === undefined ? {} : { index })));
      }),
      { numRuns: 1000 },
    );
  });

  it('writes instants as instantToIso does, in any order, whatever the buffer size', () => {
    fc.assert(
      fc.property(fc.array(instantArb, { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 40 }), (instants, size) => {
        const sink = new ChunkedSink(size);
        for (const t of instants) writeIsoInstant(sink, t);
        expect(sink.bytes().toString('latin1')).toBe(instants.map((t) => JSON.stringify(instantToIso(t))).join(''));
      }),
      { numRuns: 1000 },
    );
  });

  it('writes a message with no member of its own without a leading comma', () => {
    const item = { kind: 'message', message: {} as DecodedMessage, source: { file: 'f' } } as TimelineMessage;
    expect(written(item, undefined, 8)).toBe('{"source":{"file":"f"}}');
    expect(written(item, 4, 8)).toBe('{"index":4,"source":{"file":"f"}}');
  });
});
