/**
 * What the checker makes per message and per finding (docs/conformance.md, memory): a finding
 * beyond its rule's cap is counted without being made, and the model reuses the records of
 * agents, answered requests and calls instead of making new ones that would outlive V8's young
 * generation and pile up as garbage in the old one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Checker } from '../../src/check/checker.js';
import { FindingStore } from '../../src/check/findings.js';
import { AgentTable } from '../../src/check/model/agents.js';
import { CallModel, CallModelPool, CallTable, LCS } from '../../src/check/model/calls.js';
import { OutboundTracker } from '../../src/check/model/outbound.js';
import { RequestTracker } from '../../src/check/model/requests.js';
import { defineRule, type MessageRef, type RuleMeta } from '../../src/check/rule.js';
import type { MessageView } from '../../src/check/view.js';
import { messageDefByName } from '../../src/protocol/messages/index.js';
import { Timeline } from './support.js';

const ref = (index: number): MessageRef => ({ index, type: 'X', source: { file: 'f' } });

describe('findings beyond the cap', () => {
  it('are counted only; the kept ones are as before (`call` only when given)', () => {
    const store = new FindingStore(2);
    for (let i = 0; i < 5; i++) store.add('R-ONE', i % 2 === 0 ? 'error' : 'warning', 'spec', ref(i), `finding ${i}`, i === 1 ? 7 : undefined);
    store.add('R-TWO', 'info', 'spec', ref(9), 'plain');
    expect(store.omitted).toBe(3);
    expect(store.counts).toEqual({ errors: 3, warnings: 2, infos: 1 });
    expect([...store.byRule()]).toEqual([
      ['R-ONE', 5],
      ['R-TWO', 1],
    ]);
    expect(store.sorted()).toEqual([
      { rule: 'R-ONE', severity: 'error', message: 'finding 0', spec: 'spec', at: ref(0) },
      { rule: 'R-ONE', severity: 'warning', message: 'finding 1', spec: 'spec', at: ref(1), call: 7 },
      { rule: 'R-TWO', severity: 'info', message: 'plain', spec: 'spec', at: ref(9) },
    ]);
    // The reports write the finding's keys in this order.
    expect(Object.keys(store.sorted()[0]!)).toEqual(['rule', 'severity', 'message', 'spec', 'at']);
    expect(Object.keys(store.sorted()[1]!)).toEqual(['rule', 'severity', 'message', 'spec', 'at', 'call']);
  });
});

/** A view of an AGENT_STATE_EVENT, as much of it as the agent table reads. */
function agentState(index: number, agentId: string, state: number): MessageView {
  return { index, type: 'AGENT_STATE_EVENT', fields: { AgentID: agentId, AgentState: state }, timeMs: index * 1000 } as unknown as MessageView;
}

describe('agent table', () => {
  it('updates an agent’s record in place, and a change still makes the agent the most recently used', () => {
    const table = new AgentTable();
    table.agents.setCap(3);
    table.apply(agentState(0, 'a', 2));
    const record = table.get('id:a');
    table.apply(agentState(1, 'b', 2));
    table.apply(agentState(2, 'c', 2));
    table.apply(agentState(3, 'a', 3));
    expect(table.get('id:a')).toBe(record);
    expect(record).toEqual({ state: 3, index: 3 });
    // The same state again changes nothing (nor recency).
    table.apply(agentState(4, 'b', 2));
    expect(table.get('id:b')?.index).toBe(1);
    // A fourth agent evicts the least recently changed: b (a changed at #3, c came at #2).
    table.apply(agentState(5, 'd', 2));
    expect([...table.agents.entries()].map(([k]) => k)).toEqual(['id:c', 'id:a', 'id:d']);
  });
});

/** A view of a client request or a server confirmation, as much of it as the tracker reads. */
function request(index: number, type: string, invokeId: number): MessageView {
  const def = messageDefByName(type)!;
  return { index, type, def, fields: { InvokeID: invokeId }, timeMs: index, direction: def.role === 'request' ? 'client-to-server' : 'server-to-client', ref: ref(index) } as unknown as MessageView;
}

describe('request tracker', () => {
  it('keeps the 64 most recently answered requests, reusing the record of the one it forgets', () => {
    const tracker = new RequestTracker();
    let index = 0;
    for (let id = 1; id <= 64; id++) {
      tracker.apply(request(index++, 'HOLD_CALL_REQ', id));
      tracker.apply(request(index++, 'HOLD_CALL_CONF', id));
    }
    const first = tracker.answered.get(1)!;
    expect(first).toEqual({ type: 'HOLD_CALL_REQ', answeredBy: 'HOLD_CALL_CONF', index: 1 });
    tracker.apply(request(index++, 'ANSWER_CALL_REQ', 65));
    tracker.apply(request(index++, 'FAILURE_CONF', 65));
    expect(tracker.answered.size).toBe(64);
    expect(tracker.answered.has(1)).toBe(false);
    expect(tracker.answered.get(65)).toBe(first);
    expect(first).toEqual({ type: 'ANSWER_CALL_REQ', answeredBy: 'FAILURE_CONF', index: 129 });
    expect(tracker.answered.get(2)).toEqual({ type: 'HOLD_CALL_REQ', answeredBy: 'HOLD_CALL_CONF', index: 3 });
  });
});

/** What can be read of a call's model (its connections at `devices`). */
function observe(c: CallModel, devices: readonly string[]): unknown {
  return {
    id: c.id,
    began: c.began,
    firstEvent: c.firstEvent,
    mergedBy: c.mergedBy,
    lastMs: c.lastMs,
    callType: c.callType,
    baStatus: c.baStatus,
    cleared: c.cleared,
    connectionCleared: c.connectionCleared,
    signatures: c.signatures,
    live: c.liveConnections(),
    connections: devices.map((d) => (c.connectionOf(d) ? { ...c.connectionOf(d) } : undefined)),
  };
}

/** A call event's view, as much of it as the call model reads. */
function callEvent(index: number, type: string): MessageView {
  return { index, type } as unknown as MessageView;
}

describe('call models', () => {
  const DEVICES = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5'];

  it('a reset model reads as a new one, whatever it held (and reset knows every field a model has)', () => {
    const used = new CallModel(1);
    used.began = true;
    used.noteFirstEvent(callEvent(3, 'CALL_DELIVERED_EVENT'));
    used.noteMergedBy(callEvent(4, 'CALL_TRANSFERRED_EVENT'));
    used.lastMs = 12;
    used.callType = 18;
    used.baStatus = 'D';
    used.cleared = true;
    used.connectionCleared = true;
    used.signatures = new Set(['x']);
    for (const d of DEVICES.slice(0, 4)) {
      const c = used.connection(d)!;
      c.lcs = LCS.CONNECT;
      c.monitored = true;
      c.delivered = 5;
      c.established = 6;
    }
    used.dropConnection('d1');
    const fresh = new CallModel(9);
    expect(observe(used.reset(9), DEVICES)).toEqual(observe(fresh, DEVICES));
    // A field added to the model must be reset too: the test lists them.
    expect(Object.keys(fresh).sort()).toEqual(
      ['baStatus', 'began', 'callType', 'cleared', 'connCount', 'connectionCleared', 'conns', 'firstIndex', 'firstType', 'id', 'lastMs', 'mergedIndex', 'mergedType', 'pool', 'signatures'].sort(),
    );
    // Its connections are made again from the ones it kept, as new ones.
    expect(used.connection('d7')).toEqual({ device: 'd7', lcs: LCS.NONE, monitored: undefined, delivered: undefined, established: undefined });
    expect(used.liveConnections()).toEqual([]);
  });

  type ConnOp = { readonly op: 'add' | 'drop'; readonly device: string } | { readonly op: 'dropAll' } | { readonly op: 'keep'; readonly devices: readonly string[] } | { readonly op: 'reset' };

  it('connections behave as a plain list of them, through drops, keeps and resets (the dropped ones reused)', () => {
    const device = fc.constantFrom(...DEVICES);
    const op: fc.Arbitrary<ConnOp> = fc.oneof(
      { weight: 5, arbitrary: fc.record({ op: fc.constant('add' as const), device }) },
      { weight: 3, arbitrary: fc.record({ op: fc.constant('drop' as const), device }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('dropAll' as const) }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant('keep' as const), devices: fc.subarray(DEVICES) }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('reset' as const) }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        // From a pool: the connections of a clearing or a reset go to it, and new ones come back from it.
        const model = new CallModelPool().take(1);
        let list: Array<{ device: string; lcs: number; monitored?: boolean }> = [];
        let n = 0;
        for (const o of ops) {
          n++;
          if (o.op === 'add') {
            const c = model.connection(o.device)!;
            let r = list.find((x) => x.device === o.device);
            if (!r) list.push((r = { device: o.device, lcs: LCS.NONE }));
            // Each touched connection gets a state of its own, and every other one is monitored.
            c.lcs = r.lcs = n % 7;
            if (n % 2 === 0) c.monitored = r.monitored = true;
          } else if (o.op === 'drop') {
            model.dropConnection(o.device);
            const i = list.findIndex((x) => x.device === o.device);
            if (i >= 0) list.splice(i, 1);
          } else if (o.op === 'dropAll') {
            model.dropConnections();
            list = [];
          } else if (o.op === 'keep') {
            model.keepOnly(new Set(o.devices));
            list = list.filter((x) => o.devices.includes(x.device));
          } else {
            model.reset(1);
            list = [];
          }
          const live = list.filter((x) => x.monitored && x.lcs !== LCS.NULL && x.lcs !== LCS.FAIL).map((x) => x.device);
          expect(model.liveConnections()).toEqual(live);
          for (const d of DEVICES) expect(model.connectionOf(d)?.lcs).toBe(list.find((x) => x.device === d)?.lcs);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('an agent-mode table reuses the model of the call it evicts for the next new call', () => {
    const table = new CallTable('session');
    table.live.setCap(2);
    const delivered = (index: number, callId: number): MessageView =>
      ({ index, type: 'CALL_DELIVERED_EVENT', callId, fields: { CallID: callId, ConnectionDeviceID: 'x', LocalConnectionState: 2 }, direction: 'server-to-client', timeMs: index }) as unknown as MessageView;
    table.apply(delivered(0, 100));
    const first = table.get(100)!;
    table.apply(delivered(1, 101));
    table.apply(delivered(2, 102)); // evicts 100
    expect(table.get(100)).toBeUndefined();
    table.apply(delivered(3, 103)); // evicts 101; made from 100's model
    expect(table.get(103)).toBe(first);
    expect(first.firstEvent).toEqual({ index: 3, type: 'CALL_DELIVERED_EVENT' });
    expect(first.connectionOf('x')).toEqual({ device: 'x', lcs: 2, monitored: true, delivered: 3, established: undefined });
  });
});

describe('message views', () => {
  it('the checker fills one view in for each message in turn, each rule seeing its message', () => {
    const META: RuleMeta = { id: 'TEST-VIEWS', severity: 'info', category: 'framing', spec: 's', title: 't', rationale: 'r' };
    const views = new Set<MessageView>();
    const seen: string[] = [];
    const rule = defineRule(META, {
      check(m) {
        views.add(m);
        seen.push(`${m.index} ${m.type} ${m.ref.index} ${m.session?.id === undefined ? '-' : 's'} ${m.call?.id ?? '-'}`);
      },
    });
    const t = new Timeline().open().s('BEGIN_CALL_EVENT', { CallID: 77 }).s('CALL_DELIVERED_EVENT', { CallID: 77, ConnectionDeviceID: '3000', LocalConnectionState: 2 });
    const checker = new Checker({ rules: [rule] });
    checker.pushAll(t.events);
    checker.finish();
    expect(seen).toEqual(['0 OPEN_REQ 0 s -', '1 OPEN_CONF 1 s -', '2 BEGIN_CALL_EVENT 2 s -', '3 CALL_DELIVERED_EVENT 3 s 77']);
    expect(views.size).toBe(1);
  });
});

describe('reservation answers', () => {
  it('the deadline queue is emptied once nothing waits for a clearing (its stale answers held their messages)', () => {
    const tracker = new OutboundTracker();
    const calls = new CallTable('session');
    const answer = (index: number, callId: number): MessageView =>
      ({ index, type: 'SET_CALL_DATA_REQ', direction: 'client-to-server', fields: { CallID: callId, NamedVariable: [{ VariableName: 'BAResponse', VariableValue: 'Accept' }] }, timeMs: index, ref: ref(index) }) as unknown as MessageView;
    const cleared = (index: number, callId: number): MessageView =>
      ({ index, type: 'CALL_CONNECTION_CLEARED_EVENT', direction: 'server-to-client', fields: { CallID: callId }, timeMs: index, ref: ref(index) }) as unknown as MessageView;
    let index = 0;
    for (let callId = 100; callId < 110; callId++) {
      tracker.apply(answer(index++, callId), calls);
      tracker.apply(cleared(index++, callId), calls);
      expect([tracker.size, tracker.queued]).toEqual([0, 0]);
    }
    // While one still waits, the others' stale entries may stay (the rule drops them from the head); all go when it is cleared.
    tracker.apply(answer(index++, 200), calls);
    tracker.apply(answer(index++, 201), calls);
    tracker.apply(cleared(index++, 201), calls);
    expect([tracker.size, tracker.pendingFor(200)?.callId]).toEqual([1, 200]);
    tracker.apply(cleared(index++, 200), calls);
    expect([tracker.size, tracker.queued]).toEqual([0, 0]);
  });
});

describe('call model pool', () => {
  it('a session that ends leaves its calls’ models to the next sessions, and the pool keeps at most 1024', () => {
    const pool = new CallModelPool();
    const first = new CallTable('session', pool);
    const view = (index: number, callId: number): MessageView =>
      ({ index, type: 'CALL_DELIVERED_EVENT', callId, fields: { CallID: callId, ConnectionDeviceID: 'x', LocalConnectionState: 2 }, direction: 'server-to-client', timeMs: index }) as unknown as MessageView;
    for (let i = 0; i < 3; i++) first.apply(view(i, 500 + i));
    const models = [...first.live.values()];
    first.release();
    expect(pool.size).toBe(3);
    const next = new CallTable('session', pool);
    next.apply(view(10, 900));
    expect(models).toContain(next.get(900));
    expect(next.get(900)?.firstEvent).toEqual({ index: 10, type: 'CALL_DELIVERED_EVENT' });
    expect(pool.size).toBe(2);
    for (let i = 0; i < 2000; i++) pool.give(new CallModel(i));
    expect(pool.size).toBe(1024);
  });
});

describe('call model pool in the checker', () => {
  it('a session dropped after 10 minutes of silence leaves its calls’ models for the sessions after it', () => {
    const checker = new Checker();
    const t = new Timeline().open({ ServicesRequested: 0x10 });
    for (let i = 0; i < 5; i++) t.s('CALL_DELIVERED_EVENT', { CallID: 1000 + i, ConnectionDeviceID: '2006', LocalConnectionState: 2 }, { dt: 0.01 });
    checker.pushAll(t.events);
    expect(checker.footprint()).toMatchObject({ liveCalls: 5, spareCalls: 0 });
    const later = new Timeline('10.1.1.6:50000-10.1.1.2:42027#1');
    for (let i = 0; i < 8200; i++) later.s('SYSTEM_EVENT', { SystemEventID: 3 }, { t: 700 + i * 0.01 });
    checker.pushAll(later.events);
    expect(checker.footprint()).toMatchObject({ scopes: 1, liveCalls: 0, spareCalls: 5 });
    // The next session's calls take them.
    const next = new Timeline('10.1.1.7:50000-10.1.1.2:42027#1');
    for (let i = 0; i < 3; i++) next.s('CALL_DELIVERED_EVENT', { CallID: 2000 + i, ConnectionDeviceID: '2007', LocalConnectionState: 2 }, { t: 800 + i });
    checker.pushAll(next.events);
    expect(checker.footprint()).toMatchObject({ liveCalls: 3, spareCalls: 2 });
  });
});
