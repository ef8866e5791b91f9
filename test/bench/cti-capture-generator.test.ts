/**
 * The benchmarks' generated CTI capture (bench/capture/cti-capture-generator.ts) is traffic a
 * real Unified CCX server and its clients would send: decoded and checked in process, it gives
 * no finding at all, and what the checker cannot see whole (each CallID once, InvokeIDs
 * increasing per session, desktops told only of their agent, heartbeats at the interval the
 * IdleTimeout says, a reopened desktop told its agent's state) is asserted on the messages.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCtiCapture, HEARTBEAT_SECONDS, type GeneratorOptions } from '../../bench/capture/cti-capture-generator.js';
import { captureSource, Checker, openInput, type CheckResult, type TimelineMessage } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'ccxcti-generator-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Checked {
  readonly result: CheckResult;
  readonly messages: TimelineMessage[];
}

/** Generates a capture, then decodes and checks it as `ccxcti check` does (keeping the messages). */
async function generateAndCheck(name: string, options: GeneratorOptions): Promise<Checked> {
  const path = join(dir, `${name}.pcap`);
  generateCtiCapture(path, options);
  const source = captureSource(await openInput(path, new PassThrough()), { ports: [42027], showSecrets: false });
  const checker = new Checker();
  const messages: TimelineMessage[] = [];
  for await (const batch of source.batches) {
    for (const event of batch) {
      checker.push(event);
      if (event.kind === 'message') messages.push(event);
    }
  }
  return { result: checker.finish(source.sessions()), messages };
}

function describeFindings(result: CheckResult): string {
  const lines = [...result.byRule].map(([rule, n]) => `${rule}: ${n}`);
  const first = result.findings.slice(0, 5).map((f) => `${f.rule} ${f.message}`);
  return [...lines, ...first].join('\n');
}

const seconds = (m: TimelineMessage): number => m.at!.sec + m.at!.nsec / 1e9;

function bySession(messages: readonly TimelineMessage[]): Map<string, TimelineMessage[]> {
  const out = new Map<string, TimelineMessage[]>();
  for (const m of messages) {
    const list = out.get(m.session!) ?? [];
    list.push(m);
    out.set(m.session!, list);
  }
  return out;
}

const isBridge = (session: readonly TimelineMessage[]): boolean => session[0]?.message.type === 'OPEN_REQ' && session[0].message.fields.AgentID === undefined;

describe('the generated CTI capture is conformant traffic', () => {
  it('as the benchmarks generate it (400 desktops, 4 bridges): no finding', async () => {
    const { result } = await generateAndCheck('bench', { targetBytes: 3 << 20 });
    expect(result.messages).toBeGreaterThan(20_000);
    expect(result.counts, describeFindings(result)).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });

  // Few agents, so that each takes part in many flows one after the other; a slow clock, so that
  // a few MB span minutes of heartbeats; desktops closing and reopening often.
  const busy: GeneratorOptions = { targetBytes: 4 << 20, agents: 12, bridges: 2, meanGapMicros: 10_000, reopenChance: 0.04, seed: 7 };
  let checked: Promise<Checked> | undefined;
  const busyCapture = (): Promise<Checked> => (checked ??= generateAndCheck('busy', busy));

  it('with few agents, minutes of heartbeats and desktops reopening: no finding', async () => {
    const { result, messages } = await busyCapture();
    expect(result.counts, describeFindings(result)).toEqual({ errors: 0, warnings: 0, infos: 0 });
    // What the checker judged is there: many flows per agent, reopened desktops, heartbeats.
    const count = (type: string): number => messages.filter((m) => m.message.type === type).length;
    expect(count('BEGIN_CALL_EVENT')).toBeGreaterThan(1000);
    expect(seconds(messages.at(-1)!) - seconds(messages[0]!)).toBeGreaterThan(200);
    expect(count('OPEN_REQ')).toBeGreaterThanOrEqual(busy.agents! + busy.bridges! + 8);
    expect(count('HEARTBEAT_REQ')).toBeGreaterThan(5 * (busy.agents! + busy.bridges!));
  });

  it('hands out each CallID once, increasing, and InvokeIDs increasing per session', async () => {
    const { messages } = await busyCapture();
    for (const [id, session] of bySession(messages)) {
      const invokeIds = session.filter((m) => m.direction === 'client-to-server').map((m) => Number(m.message.fields.InvokeID));
      expect(invokeIds.every((v, i) => i === 0 || v > invokeIds[i - 1]!), id).toBe(true);
      if (!isBridge(session)) continue;
      // A bridge sees every call: its BEGIN_CALL_EVENTs are every call there was.
      const callIds = session.filter((m) => m.message.type === 'BEGIN_CALL_EVENT').map((m) => Number(m.message.fields.CallID));
      expect(callIds.length).toBeGreaterThan(500);
      expect(callIds.every((v, i) => i === 0 || v > callIds[i - 1]!), id).toBe(true);
    }
  });

  it("tells a desktop only of its own agent's state, and a reopened desktop its agent's state", async () => {
    const { messages } = await busyCapture();
    const lastState = new Map<string, number>();
    let reopened = 0;
    const firstBridge = messages.find((m) => m.message.type === 'OPEN_REQ' && m.message.fields.AgentID === undefined)!.session;
    const desktopOf = new Map<string, string>();
    for (const m of messages) {
      const f = m.message.fields;
      if (m.message.type === 'OPEN_REQ' && f.AgentID !== undefined) desktopOf.set(m.session!, String(f.AgentID));
      if (m.message.type === 'OPEN_CONF' && desktopOf.has(m.session!)) {
        const agent = desktopOf.get(m.session!)!;
        if (lastState.has(agent)) {
          reopened++;
          expect(f.AgentState, agent).toBe(lastState.get(agent));
        }
      }
      if (m.message.type !== 'AGENT_STATE_EVENT') continue;
      if (m.session === firstBridge) lastState.set(String(f.AgentID), Number(f.AgentState));
      const own = desktopOf.get(m.session!);
      if (own !== undefined) expect(f.AgentID).toBe(own);
    }
    expect(reopened).toBeGreaterThanOrEqual(8);
  });

  it('has every client send HEARTBEAT_REQ at the interval its IdleTimeout is four times', async () => {
    const { messages } = await busyCapture();
    let judged = 0;
    for (const [id, session] of bySession(messages)) {
      const idle = Number(session[0]!.message.fields.IdleTimeout);
      expect(idle).toBe(4 * HEARTBEAT_SECONDS);
      const beats = session.filter((m) => m.message.type === 'HEARTBEAT_REQ').map(seconds);
      const span = seconds(session.at(-1)!) - seconds(session[0]!);
      // A session beats once per interval it lasts.
      expect(Math.abs(beats.length - Math.floor(span / HEARTBEAT_SECONDS)), id).toBeLessThanOrEqual(1);
      for (let i = 1; i < beats.length; i++) expect(Math.abs(beats[i]! - beats[i - 1]! - HEARTBEAT_SECONDS), id).toBeLessThan(1);
      if (beats.length >= 4) judged++;
    }
    expect(judged).toBeGreaterThanOrEqual(busy.agents! + busy.bridges!);
  });

  it('is the same capture for the same seed and another for another seed', () => {
    const make = (name: string, seed: number): Buffer => {
      const path = join(dir, `${name}.pcap`);
      generateCtiCapture(path, { targetBytes: 256 << 10, agents: 20, seed });
      return readFileSync(path);
    };
    const a = make('seed-a', 11);
    expect(make('seed-a2', 11).equals(a)).toBe(true);
    expect(make('seed-b', 12).equals(a)).toBe(false);
  });
});
