/** The pairing of high- and low-level candidates (src/pipeline/log/level-pairing.ts), unit by unit. */
import { describe, expect, it } from 'vitest';
import type { DecodedMessage, FieldRecord } from '../../src/protocol/codec/decode.js';
import { LevelPairer, WINDOW_SAME_TYPE } from '../../src/pipeline/log/level-pairing.js';
import type { TraceCandidate } from '../../src/pipeline/log/trace-messages.js';
import type { InputDiagnostic, TimelineEvent } from '../../src/timeline/types.js';
import { msAt, traceCandidate } from './candidates.js';

let line = 0;
function candidate(level: 'high' | 'low', fields: FieldRecord, ms: number, type = 'END_CALL_EVENT', decoded: DecodedMessage | string | undefined = undefined): TraceCandidate {
  return traceCandidate(level, fields, msAt(ms), { type, line: ++line, ...(decoded !== undefined ? { decoded } : {}) });
}

const lines = (events: readonly TimelineEvent[]): Array<number | undefined> => events.map((e) => e.source.line);

describe('LevelPairer', () => {
  it('keeps log order: the pair sits where the dump was, diagnostics pass in place', () => {
    line = 0;
    const p = new LevelPairer(undefined);
    const out: TimelineEvent[] = [];
    const diag: InputDiagnostic = { kind: 'diagnostic', severity: 'info', code: 'X', message: 'x', at: { sec: 1000, nsec: 1 }, source: { file: 'x.log', line: 99 } };
    p.push(candidate('high', { CallID: 1 }, 0), out); // line 1
    p.push(diag, out);
    p.push(candidate('low', { CallID: 2 }, 1), out); // line 2
    p.push(candidate('low', { CallID: 1 }, 2), out); // line 3: the twin of line 1
    p.flush(out);
    expect(lines(out)).toEqual([99, 2, 3]);
    expect(p.stats).toEqual({ high: 1, low: 2, paired: 1 });
  });

  it('reports the fields the trace names with another value', () => {
    const p = new LevelPairer(undefined);
    const out: TimelineEvent[] = [];
    p.push(candidate('low', { CallID: 1, ConnectionDeviceType: 0 }, 0), out);
    p.push(candidate('high', { CallID: 1, ConnectionDeviceType: 1 }, 0), out);
    p.flush(out);
    expect(out).toHaveLength(1);
    const m = out[0]!;
    expect(m.kind === 'message' && m.message.diagnostics.map((d) => d.code)).toEqual(['TRACE_LEVELS_DISAGREE']);
  });

  it('pairs when only one side carries an identifying field (a trace omits what its dump has)', () => {
    for (const [high, low] of [
      [{ CallID: 1 }, { CallID: 1, AgentInstrument: '3000' }],
      [{ CallID: 1, AgentInstrument: '3000' }, { CallID: 1 }],
    ] as const) {
      const p = new LevelPairer(undefined);
      const out: TimelineEvent[] = [];
      p.push(candidate('high', high, 0), out);
      p.push(candidate('low', low, 1), out);
      p.flush(out);
      expect(p.stats.paired).toBe(1);
      expect(out).toHaveLength(1);
    }
  });

  it('two identical messages pair in order: the first trace with the first dump', () => {
    line = 0;
    const p = new LevelPairer(undefined);
    const out: TimelineEvent[] = [];
    // Same type and identity; the traces differ in a field they name (DialedNumber).
    p.push(candidate('high', { CallID: 1, DialedNumber: '100' }, 0), out); // line 1
    p.push(candidate('high', { CallID: 1, DialedNumber: '200' }, 1), out); // line 2
    const low1 = candidate('low', { CallID: 1, DialedNumber: '100' }, 2); // line 3
    const low2 = candidate('low', { CallID: 1, DialedNumber: '200' }, 3); // line 4
    p.push(low1, out);
    p.push(low2, out);
    p.flush(out);
    expect(p.stats.paired).toBe(2);
    expect(lines(out)).toEqual([3, 4]);
    expect(out.every((e) => e.kind === 'message' && e.message.diagnostics.length === 0)).toBe(true);
  });

  // A lone trace (its dump not logged) followed by another message of the same type and
  // identity logged at both levels: the dump is the second message's, not the first's.
  for (const dumpFirst of [false, true]) {
    it(`pairs a dump with the waiting trace that agrees with it, not an older one that does not (${dumpFirst ? 'dumps' : 'traces'} first)`, () => {
      line = 0;
      const p = new LevelPairer(undefined);
      const out: TimelineEvent[] = [];
      const side = (level: 'high' | 'low'): 'high' | 'low' => (dumpFirst ? (level === 'high' ? 'low' : 'high') : level);
      p.push(candidate(side('high'), { CallID: 1, NumNamedVariables: 10, CallType: 17 }, 0, 'CALL_DATA_UPDATE_EVENT'), out); // line 1: alone
      p.push(candidate(side('high'), { CallID: 1, NumNamedVariables: 1, CallType: 18 }, 1, 'CALL_DATA_UPDATE_EVENT'), out); // line 2
      p.push(candidate(side('low'), { CallID: 1, NumNamedVariables: 1, CallType: 18 }, 2, 'CALL_DATA_UPDATE_EVENT'), out); // line 3: line 2's twin
      p.flush(out);
      expect(p.stats.paired).toBe(1);
      expect(lines(out)).toEqual(dumpFirst ? [1, 2] : [1, 3]);
      const fields = out.map((e) => (e.kind === 'message' ? e.message.fields['NumNamedVariables'] : undefined));
      expect(fields).toEqual([10, 1]);
      expect(out.every((e) => e.kind === 'message' && e.message.diagnostics.length === 0)).toBe(true);
    });
  }

  it('without a twin that agrees, the oldest of the same identity is taken, and the differences reported', () => {
    line = 0;
    const p = new LevelPairer(undefined);
    const out: TimelineEvent[] = [];
    p.push(candidate('high', { CallID: 1, DialedNumber: '100' }, 0), out); // line 1
    p.push(candidate('high', { CallID: 1, DialedNumber: '200' }, 1), out); // line 2
    p.push(candidate('low', { CallID: 1, DialedNumber: '300' }, 2), out); // line 3
    p.flush(out);
    expect(p.stats.paired).toBe(1);
    expect(lines(out)).toEqual([2, 3]);
    const pair = out[1]!;
    expect(pair.kind === 'message' && pair.message.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('x.log:1) gives "100"')]);
  });

  it('lets no more than WINDOW_SAME_TYPE candidates of a type wait, and emits them in order', () => {
    line = 0;
    const p = new LevelPairer(13);
    const out: TimelineEvent[] = [];
    for (let i = 0; i < WINDOW_SAME_TYPE + 8; i++) p.push(candidate('high', { CallID: i }, i), out);
    expect(out.length).toBe(8);
    p.flush(out);
    expect(lines(out)).toEqual(Array.from({ length: WINDOW_SAME_TYPE + 8 }, (_, i) => i + 1));
    expect(out.every((e) => e.kind === 'message' && e.version === 13)).toBe(true);
  });

  it('a waiting candidate older than the time window is a message of its own', () => {
    const p = new LevelPairer(undefined);
    const out: TimelineEvent[] = [];
    p.push(candidate('high', { CallID: 1 }, 0), out);
    expect(out).toHaveLength(0);
    p.push(candidate('low', { CallID: 1 }, 5000), out);
    expect(out).toHaveLength(1);
    p.flush(out);
    expect(out).toHaveLength(2);
    expect(p.stats.paired).toBe(0);
  });

  it('a trace that cannot be finished into a message becomes a diagnostic', () => {
    const p = new LevelPairer(undefined);
    const out: TimelineEvent[] = [];
    p.push(candidate('high', { CallID: 1 }, 0, 'END_CALL_EVENT', 'high-level trace not decoded: because'), out);
    p.flush(out);
    expect(out).toEqual([expect.objectContaining({ kind: 'diagnostic', code: 'LOG_TRACE_NOT_DECODED', message: 'high-level trace not decoded: because' })]);
  });
});
