/** JSON outputs: JSON.stringify's text with the terminal-unsafe characters it leaves raw escaped (render/escape.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeJsonText, isTerminalUnsafe, jsonText } from '../../src/render/escape.js';

/** Strings rich in what a terminal interprets: C0, DEL, C1, separators, bidi, zero-width, and any other unit. */
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u001b', '\r', '\b', '\u0000', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029', '\u202e', '\u2066', '\u200b', '\ufeff', '\\', '"', 'a', 'é'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
});

const rawUnsafe = (text: string): string[] => [...text].filter((c) => isTerminalUnsafe(c) && c !== '\n');

describe('jsonText', () => {
  it('is the same JSON value as JSON.stringify, with no character a terminal interprets left raw', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        for (const text of [jsonText(s), jsonText({ [s]: [s, 1] }, 2)]) {
          expect(rawUnsafe(text)).toEqual([]);
        }
        expect(JSON.parse(jsonText(s))).toBe(s);
        expect(JSON.parse(jsonText({ [s]: [s, 1] }, 2))).toEqual({ [s]: [s, 1] });
      }),
      { seed: 20261124, numRuns: 2000 },
    );
  });
  it('escapes what JSON.stringify leaves raw, after a backslash too', () => {
    expect(escapeJsonText(JSON.stringify('\\\u009b\u202e\u007f'))).toBe('"\\\\\\u009b\\u202e\\u007f"');
    expect(jsonText('plain "text"')).toBe(JSON.stringify('plain "text"'));
  });
});
