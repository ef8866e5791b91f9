/**
 * The exact windows of level pairing (src/pipeline/log/level-pairing.ts; docs/test-gaps.md,
 * "Level pairing"): twins lie within WINDOW_TRACES (256) candidates and WINDOW_MS (2000 ms)
 * of log time of each other, and at most WINDOW_SAME_TYPE (32) candidates of one type wait.
 */
import { describe, expect, it } from 'vitest';
import { LevelPairer, WINDOW_MS, WINDOW_SAME_TYPE, WINDOW_TRACES } from '../../src/pipeline/log/level-pairing.js';
import type { Instant } from '../../src/timeline/instant.js';
import type { TimelineEvent } from '../../src/timeline/types.js';
import { msAt, traceCandidate } from './candidates.js';

/** A pairer fed through `push`, numbering the candidates' lines from 1. */
function pairer(): { p: LevelPairer; out: TimelineEvent[]; push: (level: 'high' | 'low', callId: number, at: Instant, type?: string) => number } {
  const p = new LevelPairer(undefined);
  const out: TimelineEvent[] = [];
  let line = 0;
  return {
    p,
    out,
    push(level, callId, at, type = 'END_CALL_EVENT') {
      p.push(traceCandidate(level, { CallID: callId }, at, { type, line: ++line }), out);
      return line;
    },
  };
}

/** `ms` milliseconds and `ns` nanoseconds after second 1000. */
const at = (ms: number, ns = 0): Instant => {
  const t = msAt(ms);
  return { sec: t.sec, nsec: t.nsec + ns };
};

describe('the windows are what the module says', () => {
  it('has the documented sizes', () => {
    expect([WINDOW_TRACES, WINDOW_MS, WINDOW_SAME_TYPE]).toEqual([256, 2000, 32]);
  });
});

describe('trace window: 256 candidates', () => {
  // Fillers are candidates of another type (so they neither pair with nor crowd out the
  // waiting END_CALL_EVENT), all at the same log time.
  for (const first of ['high', 'low'] as const) {
    const second = first === 'high' ? 'low' : 'high';

    it(`pairs twins 256 candidates apart (${first} first)`, () => {
      const { p, out, push } = pairer();
      push(first, 1, at(0));
      for (let i = 0; i < WINDOW_TRACES - 1; i++) push('low', 1000 + i, at(0), 'AGENT_STATE_EVENT');
      const twinLine = push(second, 1, at(0));
      expect(twinLine).toBe(1 + WINDOW_TRACES); // index 256 when the first is index 0
      p.flush(out);
      expect(p.stats.paired).toBe(1);
      const ends = out.filter((e) => e.kind === 'message' && e.message.type === 'END_CALL_EVENT');
      expect(ends).toHaveLength(1);
      // The pair sits where the dump was.
      expect(ends[0]!.source.line).toBe(first === 'low' ? 1 : twinLine);
    });

    it(`does not pair twins 257 candidates apart (${first} first)`, () => {
      const { p, out, push } = pairer();
      push(first, 1, at(0));
      for (let i = 0; i < WINDOW_TRACES; i++) push('low', 1000 + i, at(0), 'AGENT_STATE_EVENT');
      const twinLine = push(second, 1, at(0));
      p.flush(out);
      expect(p.stats.paired).toBe(0);
      const ends = out.filter((e) => e.kind === 'message' && e.message.type === 'END_CALL_EVENT');
      expect(ends.map((e) => e.source.line)).toEqual([1, twinLine]);
    });
  }

  it('a candidate stops waiting as soon as 256 more candidates came (no twin can come any more)', () => {
    const { p, out, push } = pairer();
    push('high', 1, at(0));
    for (let i = 0; i < WINDOW_TRACES - 1; i++) push('low', 1000 + i, at(0), 'AGENT_STATE_EVENT');
    expect(out).toEqual([]); // line 1 still waits: the next candidate could be its twin
    push('low', 2000, at(0), 'AGENT_STATE_EVENT');
    expect(out[0]?.source.line).toBe(1);
    p.flush(out);
    expect(p.stats.paired).toBe(0);
  });
});

describe('time window: 2000 ms', () => {
  it('pairs twins exactly 2000 ms apart, even after another candidate at that same instant', () => {
    const { p, out, push } = pairer();
    push('high', 1, at(0));
    push('low', 77, at(2000), 'AGENT_STATE_EVENT');
    const lowLine = push('low', 1, at(2000));
    p.flush(out);
    expect(p.stats.paired).toBe(1);
    expect(out.map((e) => e.source.line)).toEqual([2, lowLine]);
  });

  it('does not pair twins 2000 ms + 1 ns apart', () => {
    const { p, out, push } = pairer();
    push('high', 1, at(0));
    push('low', 1, at(2000, 1));
    p.flush(out);
    expect(p.stats.paired).toBe(0);
    expect(out.map((e) => e.source.line)).toEqual([1, 2]);
  });

  it('a candidate stops waiting as soon as one more than 2000 ms later comes', () => {
    const { p, out, push } = pairer();
    push('high', 1, at(0));
    push('low', 77, at(2000), 'AGENT_STATE_EVENT');
    expect(out).toEqual([]);
    push('low', 78, at(2000, 1), 'AGENT_STATE_EVENT');
    expect(out.map((e) => e.source.line)).toEqual([1]);
    p.flush(out);
    expect(p.stats.paired).toBe(0);
  });

  it('counts the window both ways: a twin logged with an earlier time (clock stepped back)', () => {
    const exact = pairer();
    exact.push('high', 1, at(2000));
    exact.push('low', 1, at(0));
    exact.p.flush(exact.out);
    expect(exact.p.stats.paired).toBe(1);
    expect(exact.out.map((e) => e.source.line)).toEqual([2]);

    const beyond = pairer();
    beyond.push('high', 1, at(2000, 1));
    beyond.push('low', 1, at(0));
    beyond.p.flush(beyond.out);
    expect(beyond.p.stats.paired).toBe(0);
    expect(beyond.out.map((e) => e.source.line)).toEqual([1, 2]);
  });
});

describe('same-type window: 32 waiting candidates', () => {
  it('with 32 waiting, the oldest still pairs', () => {
    const { p, out, push } = pairer();
    for (let id = 0; id < WINDOW_SAME_TYPE; id++) push('high', id, at(id));
    const lowLine = push('low', 0, at(40));
    p.flush(out);
    expect(p.stats.paired).toBe(1);
    expect(out.map((e) => e.source.line)).toEqual([...Array.from({ length: WINDOW_SAME_TYPE - 1 }, (_, i) => i + 2), lowLine]);
  });

  it('a 33rd makes the oldest a message of its own; the second oldest still pairs', () => {
    const { p, out, push } = pairer();
    for (let id = 0; id <= WINDOW_SAME_TYPE; id++) push('high', id, at(id));
    expect(out.map((e) => e.source.line)).toEqual([1]); // settled as soon as the 33rd came
    const low1 = push('low', 1, at(40)); // the twin of line 2
    const low0 = push('low', 0, at(41)); // line 1 no longer waits
    p.flush(out);
    expect(p.stats.paired).toBe(1);
    // Line 1 and the dump of CallID 0 are messages of their own; line 2 is replaced by its dump.
    expect(out.map((e) => e.source.line)).toEqual([1, ...Array.from({ length: WINDOW_SAME_TYPE - 1 }, (_, i) => i + 3), low1, low0]);
  });
});
