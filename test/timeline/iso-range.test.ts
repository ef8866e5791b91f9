/** Instants outside the years RFC 3339 can write (a damaged capture's timestamps) leave `ts` out of the JSON. */
import { describe, expect, it } from 'vitest';
import { timelineMessageJsonText } from '../../src/pipeline/fast-json.js';
import { timelineMessageJson } from '../../src/pipeline/message-json.js';
import { decode } from '../../src/protocol/codec/decode.js';
import { isoRepresentable } from '../../src/timeline/instant.js';
import type { TimelineMessage } from '../../src/timeline/types.js';

describe('timestamps RFC 3339 cannot write', () => {
  it('years 0000–9999 are representable, others are not', () => {
    expect(isoRepresentable({ sec: 0, nsec: 0 })).toBe(true);
    expect(isoRepresentable({ sec: 253_402_300_799, nsec: 999_999_999 })).toBe(true); // 9999-12-31T23:59:59
    expect(isoRepresentable({ sec: 253_402_300_800, nsec: 0 })).toBe(false); // 10000-01-01
    expect(isoRepresentable({ sec: -62_167_219_200, nsec: 0 })).toBe(true); // 0000-01-01
    expect(isoRepresentable({ sec: -62_167_219_201, nsec: 0 })).toBe(false);
  });

  it('a message in the year 58866 has no ts in either JSON writer, and both agree', () => {
    const bytes = Buffer.from('0000000400000004' + '00000001', 'hex'); // CLOSE_CONF, InvokeID 1
    for (const sec of [1_795_656_000, 1_795_656_000_000]) {
      const item = {
        kind: 'message',
        message: decode(bytes),
        at: { sec, nsec: 5 },
        direction: 'server-to-client',
        source: { file: 'x.pcapng', frame: 1 },
      } as unknown as TimelineMessage;
      const fast = JSON.parse(timelineMessageJsonText(item, 0)) as Record<string, unknown>;
      expect(fast).toEqual(JSON.parse(JSON.stringify(timelineMessageJson(item, { index: 0 }))));
      if (sec > 253_402_300_799) expect(fast).not.toHaveProperty('ts');
      else expect(fast.ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    }
  });
});
