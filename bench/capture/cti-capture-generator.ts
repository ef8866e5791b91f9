/**
 * Writes a large capture of realistic CTI traffic, streaming (constant memory), for the
 * capture benchmark: a Unified CCX server on 10.0.0.1:42027 with many client sessions — a
 * few bridge-mode clients that see every call, and agent-mode desktops that see their
 * agent's calls — carrying the call flows of chapter 11 (queued and answered, transferred,
 * conferenced, outbound preview), MAKE_CALL_REQ, agent-state changes and heartbeats, built
 * with our encoder by scripts/samples/cti-flows.ts. Sessions open with a handshake and an
 * OPEN_REQ, and are now and then closed and replaced. Clients acknowledge with pure ACKs.
 *
 * The flows are encoded once into a pool (a few hundred distinct calls) and replayed with
 * fresh TCP sequence numbers: encoding is not what is measured.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { encode } from '../../src/protocol/codec/encode.js';
import { prng } from '../codec/message-mix.js';
import * as F from '../../scripts/samples/cti-flows.js';
import { ipv4Word, PcapWriter, TcpConversationWriter } from '../../scripts/samples/pcap-writer.js';

export interface GeneratedCapture {
  readonly path: string;
  readonly bytes: number;
  readonly packets: number;
  readonly messages: number;
  readonly payloadBytes: number;
  readonly sessions: number;
}

export interface GeneratorOptions {
  /** Stop once the file is at least this big. */
  readonly targetBytes: number;
  /** Agent-mode sessions open at any time (default 400). */
  readonly agents?: number;
  /** Bridge-mode sessions open at any time (default 4). */
  readonly bridges?: number;
  readonly seed?: number;
}


/** One burst of a pooled flow, encoded: who gets it (an agent index, or -1 = bridges only). */
interface EncodedBurst {
  readonly from: 'client' | 'server';
  /** Server bursts: whether the bridge-mode clients get it. */
  readonly bridge: boolean;
  /** Receivers (server) / sender (client) among the flow's agents: 0 the agent, 1 the second agent. */
  readonly agents: readonly number[];
  readonly bytes: Uint8Array;
  readonly messages: number;
}

/** The pool: `variants` calls of the five kinds, for varying agents, encoded once. */
function buildPool(variants: number): EncodedBurst[][] {
  const pool: EncodedBurst[][] = [];
  const call: F.InboundCall = { caller: '2005', trigger: '7000', ctiPort: '9019', csq: 1, app: 2 };
  for (let v = 0; v < variants; v++) {
    const a: F.Agent = { extension: String(3000 + (v % 400)), id: `agt${3000 + (v % 400)}` };
    const b: F.Agent = { extension: String(3000 + ((v * 7 + 13) % 400)), id: `agt${3000 + ((v * 7 + 13) % 400)}` };
    const id = 16_800_000 + v * 10;
    const kind = v % 5;
    const bursts =
      kind === 0
        ? [...F.queuedAndAnsweredCall(a, call, { call: id, call2: id + 1 }, v, true), ...F.callerHangsUp(a, call, id)]
        : kind === 1
          ? [...F.queuedAndAnsweredCall(a, call, { call: id, call2: 0 }, v, false), ...F.transferredCall(a, b, call, id, id + 2, v + 1)]
          : kind === 2
            ? [...F.queuedAndAnsweredCall(a, call, { call: id, call2: 0 }, v, true), ...F.conferencedCall(a, b, call, id, id + 2, v + 1)]
            : kind === 3
              ? F.outboundPreviewCall(a, '4085550000', id, id + 1, v)
              : [...F.setAgentState(a, v, F.AGENT_READY), ...F.makeCall(a, '4085551234', id, v + 1, 14), ...F.setAgentState(a, v + 3, F.AGENT_NOT_READY, 5)];
    const pa = `agent:${a.extension}`;
    const pb = `agent:${b.extension}`;
    pool.push(
      bursts.map((burst) => ({
        from: burst.from,
        bridge: burst.parties.includes('bridge'),
        agents: [burst.parties.includes(pa) ? 0 : -1, burst.parties.includes(pb) && pb !== pa ? 1 : -1].filter((x) => x >= 0),
        bytes: Buffer.concat(burst.messages.map((m) => encode(m))),
        messages: burst.messages.length,
      })),
    );
  }
  return pool;
}

interface Session {
  readonly conv: TcpConversationWriter;
  readonly agent: F.Agent | null;
  unacked: number;
  heartbeatDue: number;
  invoke: number;
}

/** Writes the capture to `path` (classic pcap, nanosecond timestamps). */
export function generateCtiCapture(path: string, options: GeneratorOptions): GeneratedCapture {
  const rnd = prng(options.seed ?? 20151120);
  const fd = openSync(path, 'w');
  const w = new PcapWriter((block) => void writeSync(fd, block), { nanosecond: true, tcpChecksum: false, blockBytes: 8 << 20 });
  const pool = buildPool(300);
  const server = { addr: ipv4Word('10.0.0.1'), port: 42027 };
  let sec = 1_700_000_000;
  let nsec = 0;
  const tick = (): void => {
    nsec += 20_000 + Math.floor(rnd() * 40_000);
    if (nsec >= 1e9) {
      nsec -= 1e9;
      sec++;
    }
  };
  let messages = 0;
  let payloadBytes = 0;
  let sessions = 0;
  let nextPort = 20000;
  const open = (bridge: boolean, index: number): Session => {
    sessions++;
    const port = nextPort;
    nextPort = nextPort >= 60000 ? 20000 : nextPort + 1;
    const conv = new TcpConversationWriter(
      w,
      { addr: ipv4Word(`10.1.${(index >> 8) & 255}.${index & 255}`), port, seq: Math.floor(rnd() * 0xffffffff) },
      { ...server, seq: Math.floor(rnd() * 0xffffffff) },
    );
    const agent = bridge ? null : { extension: String(3000 + (index % 400)), id: `agt${3000 + (index % 400)}` };
    const s: Session = { conv, agent, unacked: 0, heartbeatDue: sec + 30, invoke: 1 };
    tick();
    conv.handshake(sec, nsec);
    const party = bridge ? 'bridge' : `agent:${agent!.extension}`;
    for (const b of F.openSession(party, s.invoke++, bridge ? 13 : 14, bridge ? 'bridge' : 'agent', agent ?? undefined)) {
      const bytes = Buffer.concat(b.messages.map((m) => encode(m)));
      tick();
      conv.data(sec, nsec, b.from, bytes);
      messages += b.messages.length;
      payloadBytes += bytes.length;
    }
    return s;
  };
  const close = (s: Session): void => {
    for (const b of F.closeSession('x', s.invoke++)) {
      const bytes = Buffer.concat(b.messages.map((m) => encode(m)));
      tick();
      s.conv.data(sec, nsec, b.from, bytes);
      messages += b.messages.length;
      payloadBytes += bytes.length;
    }
    tick();
    s.conv.fin(sec, nsec);
  };
  const send = (s: Session, from: 'client' | 'server', bytes: Uint8Array, count: number): void => {
    tick();
    for (let off = 0; off < bytes.length; off += 1448) s.conv.data(sec, nsec, from, bytes.subarray(off, Math.min(bytes.length, off + 1448)));
    messages += count;
    payloadBytes += bytes.length;
    if (from === 'server' && ++s.unacked >= 2) {
      tick();
      s.conv.ack(sec, nsec, 'client');
      s.unacked = 0;
    }
  };
  const agentCount = options.agents ?? 400;
  const bridges: Session[] = [];
  const agents: Session[] = [];
  for (let i = 0; i < (options.bridges ?? 4); i++) bridges.push(open(true, 1000 + i));
  for (let i = 0; i < agentCount; i++) agents.push(open(false, i));
  let flow = 0;
  while (w.bytes < options.targetBytes) {
    const bursts = pool[flow++ % pool.length]!;
    const a = Math.floor(rnd() * agentCount);
    const b = (a + 1 + Math.floor(rnd() * (agentCount - 1))) % agentCount;
    const slots = [agents[a]!, agents[b]!];
    for (const burst of bursts) {
      if (burst.from === 'server') {
        if (burst.bridge) for (const s of bridges) send(s, 'server', burst.bytes, burst.messages);
        for (const k of burst.agents) send(slots[k]!, 'server', burst.bytes, burst.messages);
      } else {
        const k = burst.agents[0] ?? 0;
        send(slots[k]!, 'client', burst.bytes, burst.messages);
      }
    }
    // Heartbeats of the sessions that are due; now and then a desktop restarts.
    for (const s of [...bridges, agents[a]!]) {
      if (sec >= s.heartbeatDue) {
        s.heartbeatDue = sec + 30;
        const id = s.invoke++;
        send(s, 'client', encode(F.heartbeatReq(id)), 1);
        send(s, 'server', encode(F.heartbeatConf(id)), 1);
      }
    }
    if (rnd() < 0.01) {
      const k = Math.floor(rnd() * agentCount);
      close(agents[k]!);
      agents[k] = open(false, k);
    }
  }
  for (const s of [...bridges, ...agents]) close(s);
  w.flush();
  closeSync(fd);
  return { path, bytes: w.bytes, packets: w.packets, messages, payloadBytes, sessions };
}
