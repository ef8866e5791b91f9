/**
 * Sessions of a capture: client and server roles (SYN, port, requests, guess), CTI found on
 * other ports by the heuristics (and other traffic ignored), port reuse, the protocol version
 * of OPEN_REQ applied to the session's later messages, agent/bridge mode, capture order kept
 * while a session is undecided.
 */
import { describe, expect, it } from 'vitest';
import { OrderedOutput } from '../../src/pipeline/capture/ordered-output.js';
import type { TimelineEvent } from '../../src/timeline/types.js';
import * as F from '../../scripts/samples/cti-flows.js';
import { ACK, concatBytes, ethernet, ETH_IPV4, PSH, tcpPacket, writePcap } from '../support/capture-writer.js';
import { collectTimeline, conversationFlow, pcapOf, type Conversation } from '../support/cti-capture.js';
import { flowToEthernetPackets, type FlowSegment } from '../support/tcp-flow.js';

const AGENT: F.Agent = { extension: '2006', id: 'agt2006' };
const CALL: F.InboundCall = { caller: '2005', trigger: '7000', ctiPort: '9019', csq: 1, app: 2 };
const CLIENT = { addr: '10.1.1.5', port: 50311 };
const SERVER = { addr: '10.1.1.2', port: 42027 };

/** Bursts of a flow as conversation steps of one party's session. */
function steps(party: string, bursts: readonly F.Burst[]): Conversation['steps'] {
  return bursts.filter((b) => b.parties.includes(party)).map((b) => ({ from: b.from, messages: b.messages }));
}

function agentSession(version = 14): Conversation['steps'] {
  return [
    ...steps('agent:2006', F.openSession('agent:2006', 1, version, 'agent', AGENT)),
    ...steps('agent:2006', F.setAgentState(AGENT, 2, F.AGENT_READY)),
    ...steps('agent:2006', F.makeCall(AGENT, '4085551234', 16800120, 3, version)),
    ...steps('agent:2006', F.closeSession('agent:2006', 5)),
  ];
}

const capture = (...flows: FlowSegment[][]): Uint8Array => pcapOf(flows.flat());

describe('roles', () => {
  it('from the SYN: the sender of the SYN is the client, whatever the ports', () => {
    // The "client" here uses port 42027 as its source port: the SYN still decides.
    const r = collectTimeline(capture(conversationFlow({ client: { addr: '10.9.9.9', port: 42027 }, server: { addr: '10.1.1.2', port: 6000 }, steps: agentSession() })));
    expect(r.sessions).toHaveLength(1);
    expect(r.sessions[0]).toMatchObject({ id: '10.9.9.9:42027-10.1.1.2:6000#1', roleBasis: 'syn', heuristic: false, closedBy: 'fin' });
    expect(r.messages[0]).toMatchObject({ direction: 'client-to-server', message: { type: 'OPEN_REQ' } });
  });

  it('from the port when the SYN was not captured (the server speaks first here)', () => {
    const flow = conversationFlow({ client: CLIENT, server: SERVER, handshake: false, steps: agentSession().slice(2) });
    const serverFirst = [...flow.filter((s) => s.dir === 1).slice(0, 1), ...flow.filter((s, i) => !(s.dir === 1 && i === flow.findIndex((x) => x.dir === 1)))];
    const r = collectTimeline(capture(serverFirst));
    expect(r.sessions[0]).toMatchObject({ id: '10.1.1.5:50311-10.1.1.2:42027#1', roleBasis: 'port', client: CLIENT, server: SERVER });
    expect(r.messages.map((m) => m.direction)).toContain('client-to-server');
    for (const m of r.messages) expect(m.direction).toBe(m.message.type.endsWith('_REQ') ? 'client-to-server' : 'server-to-client');
  });

  it('from the requests when neither SYN nor port tells (heuristic session, server speaks first)', () => {
    const server = { addr: '10.1.1.2', port: 7777 };
    const bursts = [...F.queuedAndAnsweredCall(AGENT, CALL, { call: 5, call2: 0 }, 9, true), ...F.heartbeat('agent:2006', 10)];
    const flow = conversationFlow({ client: CLIENT, server, handshake: false, steps: steps('agent:2006', bursts) });
    const r = collectTimeline(capture(flow));
    expect(r.sessions).toHaveLength(1);
    expect(r.sessions[0]).toMatchObject({ id: '10.1.1.5:50311-10.1.1.2:7777#1', roleBasis: 'requests', heuristic: true });
    const answer = r.messages.find((m) => m.message.type === 'ANSWER_CALL_REQ');
    expect(answer?.direction).toBe('client-to-server');
    expect(r.messages[0]!.direction).toBe('server-to-client');
  });

  it('a guess (flagged) when nothing tells: the higher port is the client', () => {
    // Both ports are CTI ports, no SYN, and only messages any side may send.
    const setCallData = {
      type: 'SET_CALL_DATA_REQ',
      fields: { InvokeID: 1, ConnectionDeviceType: 0, CallID: 9, NumNamedVariables: 0, NumNamedArrays: 0, CallType: 1, CalledPartyDisposition: 0, ConnectionDeviceID: '2006' },
    };
    const flow = conversationFlow({ client: { addr: '10.1.1.5', port: 42028 }, server: SERVER, handshake: false, steps: [{ from: 'client', messages: [setCallData, setCallData] }] });
    const r = collectTimeline(capture(flow), { ports: [42027, 42028] });
    expect(r.sessions[0]).toMatchObject({ roleBasis: 'guess', client: { port: 42028 }, server: { port: 42027 } });
    expect(r.messages).toHaveLength(2);
  });
});

describe('heuristics on other ports', () => {
  it('a connection whose first message is an OPEN_REQ is a CTI session (heuristic), with IPv6 ids in brackets', () => {
    const r = collectTimeline(capture(conversationFlow({ client: { addr: '2001:db8::5', port: 50000 }, server: { addr: '2001:db8::2', port: 12028 }, steps: agentSession() })));
    expect(r.sessions).toHaveLength(1);
    expect(r.sessions[0]).toMatchObject({ id: '[2001:db8::5]:50000-[2001:db8::2]:12028#1', heuristic: true, roleBasis: 'syn', mode: 'agent' });
    expect(r.messages.length).toBeGreaterThan(5);
    expect(r.messages.every((m) => m.session === '[2001:db8::5]:50000-[2001:db8::2]:12028#1')).toBe(true);
  });

  it('two consecutive clean messages (no OPEN_REQ) also make a session', () => {
    const bursts = F.queuedAndAnsweredCall(AGENT, CALL, { call: 5, call2: 0 }, 9, false);
    const r = collectTimeline(capture(conversationFlow({ client: CLIENT, server: { addr: '10.1.1.2', port: 12028 }, steps: steps('agent:2006', bursts) })));
    expect(r.sessions).toHaveLength(1);
    expect(r.sessions[0]!.heuristic).toBe(true);
  });

  it('other traffic is ignored silently: text, binary look-alikes, one lone message', () => {
    const http = conversationFlow({
      client: { addr: '10.2.2.2', port: 40000 },
      server: { addr: '10.2.2.3', port: 8080 },
      steps: [],
    });
    const textFlow: FlowSegment[] = conversationFlow({ client: { addr: '10.2.2.2', port: 40001 }, server: { addr: '10.2.2.3', port: 8080 }, steps: [] }).slice(0, 3);
    const raw = (from: typeof CLIENT, to: typeof CLIENT, seq: number, ack: number, payload: Uint8Array): FlowSegment => ({
      dir: 0,
      src: from.addr,
      dst: to.addr,
      tcp: { srcPort: from.port, dstPort: to.port, seq, ack, flags: PSH | ACK, payload },
    });
    const c = { addr: '10.2.2.2', port: 40001 };
    const s = { addr: '10.2.2.3', port: 8080 };
    textFlow.push(raw(c, s, 1001, 5001, new TextEncoder().encode('GET / HTTP/1.1\r\nHost: x\r\n\r\n')));
    // A binary protocol whose first 8 bytes look like a header of a defined type but whose body does not decode.
    const bin = conversationFlow({ client: { addr: '10.2.2.4', port: 40002 }, server: { addr: '10.2.2.3', port: 9000 }, steps: [] }).slice(0, 3);
    bin.push(raw({ addr: '10.2.2.4', port: 40002 }, { addr: '10.2.2.3', port: 9000 }, 1001, 5001, Uint8Array.of(0, 0, 0, 8, 0, 0, 0, 23, 1, 2, 3, 4, 5, 6, 7, 8, 9)));
    // One lone clean message: not enough evidence.
    const lone = conversationFlow({ client: { addr: '10.2.2.5', port: 40003 }, server: { addr: '10.2.2.3', port: 9001 }, steps: [{ from: 'client', messages: [F.heartbeatReq(1)] }] });
    const r = collectTimeline(capture(http, textFlow, bin, lone));
    expect(r.sessions).toEqual([]);
    expect(r.events).toEqual([]);
  });

  it('a direction whose first message is not clean: its messages and the bytes not examined after them are each counted once', () => {
    // The client's first write starts with a message of an undefined type (its probe fails on
    // it) and holds a second message; its next write comes while it is suspended; then the
    // server's two clean messages make the session CTI. Found by the fuzzer (scripts/fuzz):
    // the undecodable run began at the failing message, so its bytes were a message and
    // undecodable at once.
    const unknown = { type: 'UNKNOWN_249', fields: {}, bodyHex: '00'.repeat(20) };
    const flow = conversationFlow({
      client: CLIENT,
      server: { addr: '10.1.1.2', port: 12028 },
      steps: [
        { from: 'client', messages: [unknown, F.heartbeatReq(1)] },
        { from: 'client', messages: [F.heartbeatReq(2)] },
        { from: 'server', messages: [F.heartbeatConf(1), F.heartbeatConf(2)] },
      ],
    });
    const r = collectTimeline(capture(flow));
    expect(r.sessions).toHaveLength(1);
    const ranges = r.events
      .filter((e) => e.direction === 'client-to-server' && e.streamOffset !== undefined)
      .map((e) => (e.kind === 'message' ? ['message', e.message.type, e.streamOffset, 8 + e.message.bodyLength!] : [e.code, e.streamOffset, e.length]));
    expect(ranges).toEqual([
      ['message', 'UNKNOWN_249', 0, 28],
      ['message', 'HEARTBEAT_REQ', 28, 12],
      ['STREAM_UNDECODABLE', 40, 12],
    ]);
    expect(r.sessions[0]!.unaccountedBytes['client-to-server']).toBe(12);
  });

  it('keeps capture order while a session is undecided', () => {
    // Session B (heuristic, mid-stream) sends one message, then session A (CTI port) sends,
    // then B's second message decides B: B's first message keeps its place.
    const a = conversationFlow({ client: CLIENT, server: SERVER, steps: steps('agent:2006', F.openSession('agent:2006', 1, 13, 'agent', AGENT)) });
    const b = conversationFlow({ client: { addr: '10.3.3.3', port: 50000 }, server: { addr: '10.3.3.4', port: 7000 }, handshake: false, steps: [{ from: 'server', messages: [F.heartbeatConf(1)] }, { from: 'server', messages: [F.heartbeatConf(2)] }] });
    const order = [b[0]!, ...a.slice(0, 4), b[1]!, ...a.slice(4), ...b.slice(2)];
    const r = collectTimeline(capture(order));
    expect(r.messages.map((m) => `${m.session!.startsWith('10.3') ? 'B' : 'A'} ${m.message.type}`)).toEqual(['B HEARTBEAT_CONF', 'A OPEN_REQ', 'B HEARTBEAT_CONF', 'A OPEN_CONF']);
    expect(r.sessions.map((s) => [s.id, s.roleBasis, s.heuristic])).toEqual([
      ['10.3.3.3:50000-10.3.3.4:7000#1', 'requests', true],
      ['10.1.1.5:50311-10.1.1.2:42027#1', 'syn', false],
    ]);
  });
});

describe('sessions', () => {
  it('port reuse: a new SYN on the same 4-tuple starts session #2', () => {
    const one = conversationFlow({ client: CLIENT, server: SERVER, steps: agentSession(), isnClient: 100, isnServer: 200 });
    const two = conversationFlow({ client: CLIENT, server: SERVER, steps: agentSession(13), isnClient: 900000, isnServer: 5 });
    const r = collectTimeline(capture(one, two));
    expect(r.sessions.map((s) => s.id)).toEqual(['10.1.1.5:50311-10.1.1.2:42027#1', '10.1.1.5:50311-10.1.1.2:42027#2']);
    expect(r.sessions.map((s) => s.version)).toEqual([14, 13]);
  });

  it('the version of OPEN_REQ applies to the later messages: MAKE_CALL_REQ read with the version-14 layout', () => {
    const r = collectTimeline(capture(conversationFlow({ client: CLIENT, server: SERVER, steps: agentSession(14) })));
    const makeCall = r.messages.find((m) => m.message.type === 'MAKE_CALL_REQ')!;
    expect(makeCall.version).toBe(14);
    expect(makeCall.message.layoutVersion).toBe(14);
    expect(makeCall.message.layoutInferred).toBeUndefined();
    expect(makeCall.message.fields.Reserved12).toBe(0xffffffff);
    expect(makeCall.message.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(r.sessions[0]).toMatchObject({ version: 14, versionBasis: 'OPEN_REQ', mode: 'agent' });
    // Every message of the session after OPEN_REQ carries the version.
    expect(r.messages.every((m) => m.version === 14)).toBe(true);
  });

  it('a version-12 session reads the same MAKE_CALL_REQ bytes (no Reserved12) with the base layout', () => {
    const r = collectTimeline(capture(conversationFlow({ client: CLIENT, server: SERVER, steps: agentSession(12) })));
    const makeCall = r.messages.find((m) => m.message.type === 'MAKE_CALL_REQ')!;
    expect(makeCall.message.layoutVersion).toBe(10);
    expect(makeCall.message.fields.Reserved12).toBeUndefined();
  });

  it('without OPEN_REQ: the assumed version (--protocol-version), else layouts inferred', () => {
    const flow = conversationFlow({ client: CLIENT, server: SERVER, steps: agentSession(14).slice(2) });
    const assumed = collectTimeline(capture(flow), { protocolVersion: 14 });
    expect(assumed.sessions[0]).toMatchObject({ version: 14, versionBasis: 'option' });
    expect(assumed.messages.find((m) => m.message.type === 'MAKE_CALL_REQ')).toMatchObject({ version: 14, message: { layoutVersion: 14 } });
    const inferred = collectTimeline(capture(flow));
    expect(inferred.sessions[0]).toMatchObject({ version: 14, versionBasis: 'inferred' });
    const m = inferred.messages.find((x) => x.message.type === 'MAKE_CALL_REQ')!;
    expect(m.version).toBeUndefined();
    expect(m.message).toMatchObject({ layoutVersion: 14, layoutInferred: true });
  });

  it('bridge mode from ServicesRequested; secrets redacted unless asked', () => {
    const flow = conversationFlow({ client: CLIENT, server: SERVER, steps: steps('bridge', F.openSession('bridge', 1, 13, 'bridge')) });
    const r = collectTimeline(capture(flow));
    expect(r.sessions[0]!.mode).toBe('bridge');
    expect(r.messages[0]!.message.fields.ClientPassword).toBe('<redacted>');
    const shown = collectTimeline(capture(flow), { showSecrets: true });
    expect(shown.messages[0]!.message.fields.ClientPassword).toBe(Buffer.from('bridge-secret').toString('hex'));
  });

  it('capture-layer diagnostics become input diagnostics with their codes', () => {
    const file = capture(conversationFlow({ client: CLIENT, server: SERVER, steps: agentSession() }));
    const r = collectTimeline(file.subarray(0, file.length - 5));
    expect(r.diagnostics.map((d) => d.code)).toContain('PCAP_TRUNCATED_RECORD');
    expect(r.diagnostics.find((d) => d.code === 'PCAP_TRUNCATED_RECORD')).toMatchObject({ severity: 'warning', source: { file: 'test.pcap' } });
  });

  it('messages carry the frame that completed them and its nanosecond time', () => {
    const flow = conversationFlow({ client: CLIENT, server: SERVER, steps: agentSession(), mss: 40 });
    const packets = flowToEthernetPackets(flow, 1_700_000_000).map((p, i) => ({ ...p, nsec: i * 1_000_001 + 7 }));
    const r = collectTimeline(writePcap(packets, { linkType: 1, nanosecond: true }));
    const open = r.messages[0]!; // OPEN_REQ of 103 bytes in 40-byte segments: frames 4, 5, 6
    expect(open.source.frame).toBe(6);
    expect(open.at).toEqual({ sec: 1_700_000_000, nsec: 5 * 1_000_001 + 7 });
    expect(open.streamOffset).toBe(0);
  });
});

describe('the ordered output', () => {
  const ev = (n: number): TimelineEvent => ({ kind: 'diagnostic', severity: 'info', code: `E${n}`, message: '', source: { file: 'x' } });

  it('keeps holds in place and forces a decision when too much waits', () => {
    const out = new OrderedOutput<number>(3);
    let forced = 0;
    const owner = {
      forceDecision: (): void => {
        forced++;
        out.resolve(hold, [ev(100)]);
      },
    };
    out.push(ev(1));
    const hold = out.park(owner, null, 7);
    out.push(ev(2));
    out.push(ev(3));
    expect(out.take().map((e) => (e as { code: string }).code)).toEqual(['E1']);
    out.maintain();
    expect(forced).toBe(0);
    out.push(ev(4));
    out.maintain();
    expect(forced).toBe(1);
    expect(out.take().map((e) => (e as { code: string }).code)).toEqual(['E100', 'E2', 'E3', 'E4']);
    expect(out.idle).toBe(true);
  });
});

describe('a raw IPv4 segment helper', () => {
  it('builds packets the pipeline reads (sanity of the test support)', () => {
    const pkt = ethernet(tcpPacket('10.0.0.1', '10.0.0.2', { srcPort: 1, dstPort: 42027, seq: 1, flags: PSH | ACK, payload: concatBytes(Uint8Array.of(0, 0, 0, 4, 0, 0, 0, 5), Uint8Array.of(0, 0, 0, 1)) }), ETH_IPV4);
    const r = collectTimeline(writePcap([{ sec: 1, nsec: 0, data: pkt }], { linkType: 1 }));
    // Mid-stream on the CTI port: one clean HEARTBEAT_REQ judged alone at the end of the stream.
    expect(r.messages.map((m) => m.message.type)).toEqual(['HEARTBEAT_REQ']);
  });
});
