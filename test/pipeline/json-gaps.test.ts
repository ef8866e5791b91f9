/**
 * Mutation-testing gaps of the JSON byte writer (docs/test-gaps.md, third round): values at
 * the edges that the property tests of json-bytes.test.ts and fast-json.test.ts are unlikely
 * to draw. The expected bytes are always jsonText's (JSON.stringify's, terminal-unsafe characters
 * escaped), or instantToIso's for instants.
 */
import { jsonText } from '../../src/render/escape.js';
import { describe, expect, it } from 'vitest';
import { GrowingByteSink, writeJsonNumber, writeJsonString, type ByteSink } from '../../src/pipeline/json-bytes.js';
import { timelineMessageJsonText, writeIsoInstant } from '../../src/pipeline/fast-json.js';
import { writeJsonValue } from '../../src/pipeline/json-values.js';
import { timelineMessageJson } from '../../src/pipeline/message-json.js';
import type { DecodedMessage } from '../../src/protocol/codec/decode.js';
import { instantToIso, type Instant } from '../../src/timeline/instant.js';
import type { TimelineMessage } from '../../src/timeline/types.js';
import { ChunkedSink } from './chunked-sink.js';

function bytesOf(write: (out: ByteSink) => void, size: number): string {
  const sink = new ChunkedSink(size);
  write(sink);
  return sink.bytes().toString('latin1');
}

const utf8 = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

describe('numbers at every digit-count boundary', () => {
  // 10^k - 1, 10^k and 10^k + 1 for every k up to 10, and the int32 / uint32 edges.
  const edges: number[] = [];
  for (let k = 1; k <= 10; k++) edges.push(10 ** k - 1, 10 ** k, 10 ** k + 1);
  edges.push(2 ** 31 - 1, 2 ** 31, 2 ** 31 + 1, 2 ** 32 - 2, 2 ** 32 - 1, 2 ** 32, -0, -1, -(2 ** 31), 2 ** 53 + 2, 1e21, 0.5, 4294967294.5);

  it('are written as JSON.stringify writes them, whatever the buffer', () => {
    for (const size of [1, 3, 16]) {
      for (const n of edges) expect(bytesOf((out) => writeJsonNumber(out, n), size), `${n}`).toBe(JSON.stringify(n));
    }
  });

  it('inside arrays and objects too', () => {
    const v = { list: edges, nested: edges.map((n) => ({ n })) };
    expect(bytesOf((out) => writeJsonValue(out, v), 7)).toBe(utf8(jsonText(v)));
  });
});

describe('strings', () => {
  // U+2028 / U+2029, DEL, C1 and bidi controls are escaped (jsonText: JSON.stringify leaves them raw), lone surrogates too.
  const odd = ['\u2028', '\u2029', '\u009b', '\u202e', '\u200b', '\ud800', '\udfff', '\udbff\udfff', '\u007f', '\u001f', '\u0000', '\u00e9', '\u20ac', '\ud83d\ude00'];

  it('short and long, with one odd character at the start, in the middle and at the end', () => {
    for (const c of odd) {
      for (const len of [0, 1, 46, 47, 48, 49, 200]) {
        for (const s of [c + 'a'.repeat(len), 'a'.repeat(len >> 1) + c + 'a'.repeat(len - (len >> 1)), 'a'.repeat(len) + c]) {
          expect(bytesOf((out) => writeJsonString(out, s), 5), JSON.stringify(s)).toBe(utf8(jsonText(s)));
        }
      }
    }
  });

  it('a long string into a growing sink much smaller than it', () => {
    for (const s of ['x'.repeat(5000), 'é'.repeat(3000), `${'y'.repeat(4000)}"\u2028\ud800`]) {
      const out = new GrowingByteSink(16);
      writeJsonValue(out, { s, list: [s, 1] });
      expect(out.text()).toBe(jsonText({ s, list: [s, 1] }));
    }
  });
});

describe('toJSON of a bigint', () => {
  it('is called, as JSON.stringify calls it, when BigInt.prototype has one', () => {
    // With the member's key, as JSON.stringify passes it ('' at the top, the index in an array).
    const proto = BigInt.prototype as unknown as { toJSON?: (this: bigint, key: string) => string };
    proto.toJSON = function (this: bigint, key: string): string {
      return `${key}=${this.toString()}n`;
    };
    try {
      const v = { a: 12n, list: [1n, { b: 2n }] };
      expect(bytesOf((out) => writeJsonValue(out, v), 8)).toBe(JSON.stringify(v));
      expect(bytesOf((out) => writeJsonValue(out, 3n), 8)).toBe(JSON.stringify(3n));
    } finally {
      delete proto.toJSON;
    }
  });
});

describe('instants', () => {
  it('that are not well formed are written as instantToIso prints them', () => {
    const odd: Instant[] = [
      { sec: 1_700_000_000, nsec: 1e9 },
      { sec: 1_700_000_000, nsec: 1.5 },
      { sec: 1_700_000_000, nsec: -1000 },
      { sec: 1_700_000_000, nsec: 999_999_999 },
      { sec: -1, nsec: 5 },
      { sec: -62_167_219_200, nsec: 0 },
    ];
    for (const t of odd) expect(bytesOf((out) => writeIsoInstant(out, t), 6), JSON.stringify(t)).toBe(JSON.stringify(instantToIso(t)));
  });

  it('a timeline message whose time RFC 3339 cannot write (year 10000, or before year 0) has no ts', () => {
    const message = { type: 'HEARTBEAT_REQ', fields: { InvokeID: 1 } } as unknown as DecodedMessage;
    for (const at of [
      { sec: 253_402_300_800, nsec: 0 },
      { sec: -62_167_219_201, nsec: 0 },
      { sec: 1.5, nsec: 0 },
      { sec: 253_402_300_799, nsec: 999_999_999 },
    ]) {
      const item: TimelineMessage = { kind: 'message', message, at, source: { file: 'f.pcap', frame: 1 } };
      expect(timelineMessageJsonText(item, 3)).toBe(jsonText(timelineMessageJson(item, { index: 3 })));
    }
  });
});
