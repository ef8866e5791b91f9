/** The hand-written JSON serializer prints exactly what JSON.stringify prints. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/protocol/codec/decode.js';
import { encode } from '../../src/protocol/codec/encode.js';
import { messageJsonText, timelineMessageJsonText } from '../../src/pipeline/fast-json.js';
import { timelineMessageJson } from '../../src/pipeline/message-json.js';
import type { TimelineMessage } from '../../src/timeline/types.js';
import { anyMessageArb, textArb } from '../support/message-arbitraries.js';

describe('fast JSON text = JSON.stringify', () => {
  it('for decoded messages of every type, valid or mutated, with any option', () => {
    fc.assert(
      fc.property(anyMessageArb, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean(), ({ message }, at, x, fastPath) => {
        const bytes = encode(message);
        if (x > 0) bytes[8 + (at % Math.max(1, bytes.length - 8))]! ^= x;
        const m = decode(bytes, { fastPath });
        expect(messageJsonText(m)).toBe(JSON.stringify(m));
      }),
      { numRuns: 2000 },
    );
  });

  it('for timeline messages, strings with quotes, controls, non-ASCII and lone surrogates', () => {
    fc.assert(
      fc.property(
        anyMessageArb,
        fc.string({ unit: 'binary' }),
        fc.option(fc.nat(), { nil: undefined }),
        fc.record({ sec: fc.integer({ min: 0, max: 4e9 }), nsec: fc.integer({ min: 0, max: 999_999_999 }) }),
        textArb(30),
        ({ message }, weird, index, at, file) => {
          const m = decode(encode(message), { showSecrets: true });
          m.labels.Weird = weird;
          m.fields.Weird = weird;
          const item: TimelineMessage = { kind: 'message', message: m, at, direction: 'client-to-server', session: `${file}#1`, version: 14, source: { file, frame: 3 } };
          expect(timelineMessageJsonText(item, index)).toBe(JSON.stringify(timelineMessageJson(item, index === undefined ? {} : { index })));
        },
      ),
      { numRuns: 1500 },
    );
  });
});
