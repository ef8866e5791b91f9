/**
 * Writes a large capture of conformant CTI traffic, streaming (constant memory), for the
 * capture and check benchmarks: a Unified CCX server on 10.0.0.1:42027 with many client
 * sessions — a few bridge-mode clients that see every call and agent-state change, and one
 * agent-mode desktop per agent that sees only its agent's — carrying the call flows of
 * chapter 11 (queued and answered, transferred, conferenced, outbound preview), MAKE_CALL_REQ
 * and agent-state changes, built with our encoder by scripts/samples/cti-flows.ts. What a real
 * server and its clients would send, so that `ccxcti check` finds nothing in it
 * (test/bench/cti-capture-generator.test.ts):
 *
 * - Sessions (chapter 3) open with a TCP handshake and OPEN_REQ / OPEN_CONF (a desktop's
 *   OPEN_CONF gives its agent's current state); every client sends HEARTBEAT_REQ every 20 s
 *   (its IdleTimeout of 80 s is four times that), answered at once; now and then a desktop
 *   closes (CLOSE_REQ, CLOSE_CONF, then the client resets the connection) and its agent's
 *   desktop opens a new session on a new connection. Clients acknowledge with pure ACKs.
 * - Each flow is one agent's call (two agents for a transfer or conference): its events go to
 *   the bridges and to those agents' desktops, its requests come from the first agent's
 *   desktop. CallIDs are handed out once each, increasing; InvokeIDs increase per session.
 * - Agent states chain across flows (chapter 5, Figure 7): an agent who is not Ready when a
 *   call is routed to it (or who is consulted for a transfer) first makes itself Ready with
 *   SET_AGENT_STATE_REQ, so no agent is reserved from Not Ready, Work or Talking.
 *
 * Every flow is encoded as it is sent (each message once, however many sessions receive it):
 * the IDs differ from flow to flow, so there is no pool to replay.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { encode, type EncodableMessage } from '../../src/protocol/codec/encode.js';
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
  /** Agents, each with an agent-mode session open at any time (default 400, at least 2). */
  readonly agents?: number;
  /** Bridge-mode sessions open at any time (default 4). */
  readonly bridges?: number;
  readonly seed?: number;
  /**
   * Mean time between two writes, in microseconds (default 40: a 1 GiB capture spans about five
   * minutes; at least 10, above the 2 µs a handshake takes). Tests raise it so that a few MB
   * span minutes of heartbeats.
   */
  readonly meanGapMicros?: number;
  /** The chance, after each flow, that one desktop closes its session and opens a new one (default 0.01). */
  readonly reopenChance?: number;
}

/** The clients' heartbeat interval: a quarter of the IdleTimeout they send (chapter 3). */
export const HEARTBEAT_SECONDS = F.IDLE_TIMEOUT_SECONDS / 4;

const CALL: F.InboundCall = { caller: '2005', trigger: '7000', ctiPort: '9019', csq: 1, app: 2 };
const FIRST_CALL_ID = 16_800_000;
const FLOW_KINDS = 5;

interface Session {
  readonly conv: TcpConversationWriter;
  unacked: number;
  /** The next InvokeID the client uses. */
  invoke: number;
  /** When the next HEARTBEAT_REQ is due. */
  dueSec: number;
  dueNsec: number;
}

/** One agent: who it is, its state as the server last reported it, and its desktop's session. */
interface AgentSeat {
  readonly agent: F.Agent;
  readonly party: F.Party;
  state: number;
  session: Session;
}

/** Writes the capture to `path` (classic pcap, nanosecond timestamps). */
export function generateCtiCapture(path: string, options: GeneratorOptions): GeneratedCapture {
  const agentCount = options.agents ?? 400;
  if (agentCount < 2) throw new Error('generateCtiCapture: at least 2 agents (a transfer needs two)');
  const rnd = prng(options.seed ?? 20151120);
  const gapMicros = options.meanGapMicros ?? 40;
  if (!(gapMicros >= 10)) throw new Error('generateCtiCapture: meanGapMicros is at least 10');
  const gapNs = Math.round(gapMicros * 1000);
  const reopenChance = options.reopenChance ?? 0.01;
  const fd = openSync(path, 'w');
  const w = new PcapWriter((block) => void writeSync(fd, block), { nanosecond: true, tcpChecksum: false, blockBytes: 8 << 20 });
  const server = { addr: ipv4Word('10.0.0.1'), port: 42027 };
  let sec = 1_700_000_000;
  let nsec = 0;
  // Uniform in [gap/2, 3 gap/2): the mean is the gap (20-60 µs by default).
  const tick = (): void => {
    nsec += gapNs / 2 + Math.floor(rnd() * gapNs);
    if (nsec >= 1e9) {
      sec += Math.floor(nsec / 1e9);
      nsec %= 1e9;
    }
  };
  let messages = 0;
  let payloadBytes = 0;
  let sessions = 0;
  let nextPort = 20000;
  let nextCallId = FIRST_CALL_ID;

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
  const sendMessages = (s: Session, from: 'client' | 'server', list: readonly EncodableMessage[]): void => {
    send(s, from, Buffer.concat(list.map((m) => encode(m))), list.length);
  };

  /** Opens a session: a bridge-mode client's, or the desktop of `agent`, whose state is `state`. */
  const open = (index: number, agent?: F.Agent, state = F.AGENT_NOT_READY): Session => {
    sessions++;
    const port = nextPort;
    nextPort = nextPort >= 60000 ? 20000 : nextPort + 1;
    const conv = new TcpConversationWriter(
      w,
      { addr: ipv4Word(`10.1.${(index >> 8) & 255}.${index & 255}`), port, seq: Math.floor(rnd() * 0xffffffff) },
      { ...server, seq: Math.floor(rnd() * 0xffffffff) },
    );
    // The first heartbeat is due one interval after the session opens.
    const s: Session = { conv, unacked: 0, invoke: 1, dueSec: sec + HEARTBEAT_SECONDS, dueNsec: nsec };
    tick();
    conv.handshake(sec, nsec);
    const mode = agent ? 'agent' : 'bridge';
    const invokeId = s.invoke++;
    // Desktops speak version 14, bridges 13 (the MAKE_CALL_REQ of a desktop has the version-14 layout).
    sendMessages(s, 'client', [F.openRequest(invokeId, agent ? 14 : 13, mode, agent)]);
    // A desktop is told its agent's current state.
    sendMessages(s, 'server', [F.openConf(invokeId, mode, agent, state)]);
    return s;
  };
  const close = (s: Session): void => {
    const invokeId = s.invoke++;
    sendMessages(s, 'client', [F.closeReq(invokeId)]);
    sendMessages(s, 'server', [F.closeConf(invokeId)]);
    // "On receipt of the CLOSE_CONF message, the client resets the TCP connection."
    tick();
    s.conv.reset(sec, nsec, 'client');
  };
  /** The heartbeat of a session whose HEARTBEAT_REQ is due (chapter 3: sent whatever else the client sends). */
  const heartbeat = (s: Session): void => {
    while (s.dueSec < sec || (s.dueSec === sec && s.dueNsec <= nsec)) {
      const invokeId = s.invoke++;
      sendMessages(s, 'client', [F.heartbeatReq(invokeId)]);
      sendMessages(s, 'server', [F.heartbeatConf(invokeId)]);
      // One interval after the last due time, not after it was sent: the intervals stay equal.
      s.dueSec += HEARTBEAT_SECONDS;
    }
  };

  const bridges: Session[] = [];
  for (let i = 0; i < (options.bridges ?? 4); i++) bridges.push(open(1000 + i));
  const seats: AgentSeat[] = [];
  for (let i = 0; i < agentCount; i++) {
    const agent: F.Agent = { extension: String(3000 + i), id: `agt${3000 + i}` };
    // An agent who logs in is first Not Ready (chapter 5, Figure 7).
    seats.push({ agent, party: `agent:${agent.extension}`, state: F.AGENT_NOT_READY, session: open(i, agent, F.AGENT_NOT_READY) });
  }
  const byExtension = new Map(seats.map((seat) => [seat.agent.extension, seat]));

  /** The bursts of one flow for agents `a` and `b`; `b` takes part in transfers and conferences only. */
  const flowBursts = (kind: number, a: AgentSeat, b: AgentSeat): F.Burst[] => {
    const out: F.Burst[] = [];
    // A call is routed to a Ready agent only (Figure 7: Ready, then Reserved): an agent who is
    // not Ready makes itself Ready first, as its desktop would.
    const ready = (seat: AgentSeat): void => {
      if (seat.state !== F.AGENT_READY) out.push(...F.setAgentState(seat.agent, seat.session.invoke++, F.AGENT_READY));
    };
    const call = nextCallId;
    const s = a.session;
    if (kind === 0) {
      ready(a);
      nextCallId += 2;
      out.push(...F.queuedAndAnsweredCall(a.agent, CALL, { call, call2: call + 1 }, s.invoke, true), ...F.callerHangsUp(a.agent, CALL, call));
      s.invoke += 1;
    } else if (kind === 1) {
      ready(a);
      ready(b);
      nextCallId += 2;
      out.push(...F.queuedAndAnsweredCall(a.agent, CALL, { call, call2: 0 }, s.invoke, false), ...F.transferredCall(a.agent, b.agent, CALL, call, call + 1, s.invoke));
      s.invoke += 2;
    } else if (kind === 2) {
      ready(a);
      nextCallId += 2;
      out.push(...F.queuedAndAnsweredCall(a.agent, CALL, { call, call2: 0 }, s.invoke, true), ...F.conferencedCall(a.agent, b.agent, CALL, call, call + 1, s.invoke + 1));
      s.invoke += 3;
    } else if (kind === 3) {
      ready(a);
      nextCallId += 2;
      out.push(...F.outboundPreviewCall(a.agent, '4085550000', call, call + 1, s.invoke));
      s.invoke += 1;
    } else {
      nextCallId += 1;
      out.push(...F.setAgentState(a.agent, s.invoke, F.AGENT_READY), ...F.makeCall(a.agent, '4085551234', call, s.invoke + 1, 14), ...F.setAgentState(a.agent, s.invoke + 3, F.AGENT_NOT_READY, 5));
      s.invoke += 4;
    }
    return out;
  };

  let flow = 0;
  while (w.bytes < options.targetBytes) {
    const ia = Math.floor(rnd() * agentCount);
    const a = seats[ia]!;
    const b = seats[(ia + 1 + Math.floor(rnd() * (agentCount - 1))) % agentCount]!;
    for (const burst of flowBursts(flow++ % FLOW_KINDS, a, b)) {
      const bytes = Buffer.concat(burst.messages.map((m) => encode(m)));
      const count = burst.messages.length;
      if (burst.from === 'client') {
        send(burst.parties[0] === b.party ? b.session : a.session, 'client', bytes, count);
        continue;
      }
      if (burst.parties.includes('bridge')) for (const s of bridges) send(s, 'server', bytes, count);
      if (burst.parties.includes(a.party)) send(a.session, 'server', bytes, count);
      if (burst.parties.includes(b.party)) send(b.session, 'server', bytes, count);
      // The state the server reports is the agent's state from now on.
      for (const m of burst.messages) {
        if (m.type !== 'AGENT_STATE_EVENT') continue;
        const seat = byExtension.get(String(m.fields.AgentExtension));
        if (seat) seat.state = Number(m.fields.AgentState);
      }
    }
    for (const s of bridges) heartbeat(s);
    for (const seat of seats) heartbeat(seat.session);
    // Now and then a desktop closes its session and opens a new one.
    if (rnd() < reopenChance) {
      const k = Math.floor(rnd() * agentCount);
      const seat = seats[k]!;
      close(seat.session);
      seat.session = open(k, seat.agent, seat.state);
    }
  }
  for (const s of [...bridges, ...seats.map((seat) => seat.session)]) close(s);
  w.flush();
  closeSync(fd);
  return { path, bytes: w.bytes, packets: w.packets, messages, payloadBytes, sessions };
}
