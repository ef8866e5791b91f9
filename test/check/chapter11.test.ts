/**
 * The guide's chapter-11 flows are real vendor traffic: no error-level finding, whatever way
 * they reach the checker. Mutations of them that break one rule of the guide raise that rule
 * and no other error.
 */
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/protocol/codec/decode.js';
import { encode } from '../../src/protocol/codec/encode.js';
import type { TimelineEvent, TimelineMessage } from '../../src/timeline/types.js';
import { buildMessage, CHAPTER_11_FLOWS, toTimeline, type Flow, type FlowStep, type TimelineOptions } from '../fixtures/flows/chapter11.js';
import { ALL_CALL_EVENTS, describeFindings, errorRules, findingsOf, runCheck, scenario } from './support.js';

function flow(id: string): Flow {
  const f = CHAPTER_11_FLOWS.find((x) => x.id === id);
  if (!f) throw new Error(`no flow ${id}`);
  return f;
}

/** A flow with its steps changed. */
function mutate(id: string, change: (steps: FlowStep[]) => FlowStep[]): Flow {
  const f = flow(id);
  return { ...f, steps: change([...f.steps]) };
}

const isStep = (type: string, fields: Record<string, unknown> = {}) => (s: FlowStep): boolean =>
  s.type === type && Object.entries(fields).every(([k, v]) => s.fields[k] === v);

function indexOf(steps: readonly FlowStep[], type: string, fields: Record<string, unknown> = {}): number {
  const i = steps.findIndex(isStep(type, fields));
  if (i < 0) throw new Error(`no ${type} ${JSON.stringify(fields)}`);
  return i;
}

/** Moves the step at `from` to just after the step at `after` (indices before the move). */
function moveAfter(steps: FlowStep[], from: number, after: number): FlowStep[] {
  const step = steps[from]!;
  const out = steps.filter((_, i) => i !== from);
  out.splice(after > from ? after : after + 1, 0, step);
  return out;
}

/** The timeline with its OPEN_REQ (first message) rebuilt with other fields. */
function withOpen(timeline: TimelineMessage[], fields: Record<string, unknown>): TimelineMessage[] {
  const [open, ...rest] = timeline;
  if (!open || open.message.type !== 'OPEN_REQ') throw new Error('the timeline does not start with OPEN_REQ');
  const message = decode(encode(buildMessage('OPEN_REQ', { ...open.message.fields, ...fields })), { version: 13, showSecrets: true });
  return [{ ...open, message }, ...rest];
}

/** The messages as a MIVR log gives them: no session, no direction. */
function asLog(events: readonly TimelineMessage[]): TimelineEvent[] {
  return events.map(({ session: _s, direction: _d, version: _v, ...rest }) => ({ ...rest, source: { file: 'MIVR01.log', line: (rest.source.frame ?? 1) * 3 } }));
}

describe('the chapter-11 flows give no error-level finding', () => {
  const variants: Array<[string, TimelineOptions, boolean]> = [
    ['as a capture of a bridge session', {}, false],
    ['without the OPEN_REQ / OPEN_CONF', { open: false }, false],
    ['without the implied client requests', { implied: false }, false],
    ['with a second between messages', { stepMs: 1000 }, false],
    ['as MIVR log messages (no session)', {}, true],
  ];
  for (const f of CHAPTER_11_FLOWS) {
    for (const [name, options, log] of variants) {
      it(`${f.id}, ${name}`, () => {
        const timeline = toTimeline(f, options);
        const result = runCheck(scenario(log ? asLog(timeline) : timeline));
        expect(errorRules(result), describeFindings(result)).toEqual([]);
        // Nor warnings: what the flows show is what the guide allows.
        expect(result.counts.warnings, describeFindings(result)).toBe(0);
      });
    }
  }

  it('CALL_DATA_UPDATE_EVENT before BEGIN_CALL_EVENT (outbound flow, steps 4-5) is accepted', () => {
    const result = runCheck(scenario(toTimeline(flow('outbound-accepted'))));
    expect(findingsOf(result, 'CALL-BEGIN-NOT-FIRST')).toEqual([]);
  });
});

describe('mutations of the flows raise the rule meant for them and no other error', () => {
  const expectOnly = (events: readonly TimelineEvent[], rule: string): void => {
    const result = runCheck(scenario(events));
    expect(errorRules(result), describeFindings(result)).toEqual([rule]);
  };

  it('an order the guide forbids: CALL_DELIVERED_EVENT after CALL_ESTABLISHED_EVENT at 2006', () => {
    const f = mutate('queued-and-answered', (steps) => moveAfter(steps, indexOf(steps, 'CALL_DELIVERED_EVENT', { ConnectionDeviceID: '2006' }), indexOf(steps, 'CALL_ESTABLISHED_EVENT', { ConnectionDeviceID: '2006' })));
    expectOnly(toTimeline(f), 'CALL-DELIVERED-AFTER-ESTABLISHED');
  });

  it("an order the guide forbids: the consult call's CALL_DELIVERED_EVENT after CALL_TRANSFERRED_EVENT", () => {
    const f = mutate('transferred', (steps) => {
      const transfer = indexOf(steps, 'CALL_TRANSFERRED_EVENT');
      const moved = [steps[indexOf(steps, 'CALL_DELIVERED_EVENT', { CallID: 16777535 })]!, steps[indexOf(steps, 'CALL_ESTABLISHED_EVENT', { CallID: 16777535 })]!];
      const rest = steps.filter((s) => !moved.includes(s));
      rest.splice(rest.indexOf(steps[transfer]!) + 1, 0, ...moved);
      return rest;
    });
    expectOnly(toTimeline(f), 'CALL-DELIVERED-AFTER-MERGE');
  });

  it('a missing confirmation: SET_CALL_DATA_REQ never answered', () => {
    const f = mutate('outbound-accepted', (steps) => steps.filter((s) => s.type !== 'SET_CALL_DATA_CONF'));
    expectOnly(toTimeline(f, { stepMs: 1000 }), 'REQUEST-UNANSWERED');
  });

  it('an event after END_CALL_EVENT', () => {
    const f = mutate('queued-and-answered', (steps) => moveAfter(steps, indexOf(steps, 'CALL_CLEARED_EVENT'), indexOf(steps, 'END_CALL_EVENT')));
    expectOnly(toTimeline(f), 'CALL-EVENT-AFTER-END');
  });

  it('an event the client masked out: CALL_HELD_EVENT without CALL_HELD_MASK', () => {
    expectOnly(withOpen(toTimeline(flow('transferred')), { CallMsgMask: ALL_CALL_EVENTS & ~0x8 }), 'SESSION-EVENT-MASKED');
  });

  it('an event the client masked out: "talking" AGENT_STATE_EVENT without AGENT_TALKING_MASK', () => {
    expectOnly(withOpen(toTimeline(flow('queued-and-answered')), { AgentStateMask: 0x1ff & ~0x10 }), 'SESSION-EVENT-MASKED');
  });

  for (const idle of [10, 19, 120, 300]) {
    it(`a bad IdleTimeout: ${idle} s`, () => {
      expectOnly(withOpen(toTimeline(flow('conferenced')), { IdleTimeout: idle }), 'SESSION-IDLE-TIMEOUT-RANGE');
    });
  }

  it('a reservation call never cleared after Accept: a warning, no error', () => {
    const f = mutate('outbound-accepted', (steps) => steps.filter((s) => !(s.fields['CallID'] === 16800097 && /CLEARED|END_CALL/.test(s.type))));
    // 2 s between messages: the flow goes on for more than 15 s after the Accept.
    const result = runCheck(scenario(toTimeline(f, { stepMs: 2000 })));
    expect(errorRules(result), describeFindings(result)).toEqual([]);
    expect(findingsOf(result, 'OUTBOUND-RESERVATION-NOT-CLEARED')).toHaveLength(1);
  });

  it('an agent transition the guide rules out (Logout → Ready): a warning, no error', () => {
    const f = mutate('queued-and-answered', (steps) => {
      const ready = indexOf(steps, 'AGENT_STATE_EVENT', { AgentState: 3 });
      const logout: FlowStep = { ...steps[ready]!, fields: { ...steps[ready]!.fields, AgentState: 1, CSQState: 1 } };
      return [...steps.slice(0, ready), logout, ...steps.slice(ready)];
    });
    const result = runCheck(scenario(toTimeline(f)));
    expect(errorRules(result), describeFindings(result)).toEqual([]);
    expect(findingsOf(result, 'AGENT-STATE-TRANSITION')).toHaveLength(1);
  });
});
