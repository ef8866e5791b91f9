/**
 * Makes the capture samples of samples/ (see samples/README.md):
 *
 *   npx tsc -p tsconfig.json && node dist/scripts/samples/make-capture-samples.js [--out samples] [--synthetic-only | --ring]
 *
 * Real captures: the conversation below (scripts/samples/cti-flows.ts: sessions of chapter 3,
 * the call flows of chapter 11, agent-state and call-control requests) is encoded with our
 * encoder into a scripts/capture/capture-loopback.mjs script — one bridge-mode and two
 * agent-mode sessions on port 42027, a bridge-mode session on port 12028 (found by the
 * heuristics), a plain-text connection on port 18080 (to be ignored) — which is played over
 * 127.0.0.1 while dumpcap captures it, once as pcapng and once as classic pcap (-F pcap).
 * The script is kept next to the captures (cti-sessions.script.json): it is what was sent.
 *
 * A real ring-buffer set (`--ring` makes only it; it is made with the others too): the same
 * conversation, but the bridge server writes its first CALL_DATA_UPDATE_EVENT burst in two
 * writes cut inside that message ({@link ringScript}), captured by dumpcap's own ring buffer
 * (`-b packets:N`) into ring/cti-ring_<NNNNN>_<YYYYMMDDhhmmss>.pcapng. N is the frame number of
 * the first write's packet in a plain capture of the same script (loopback traffic played this
 * way is packet for packet the same each time), so the first file ends inside that message;
 * the set is checked to be so (checkRing of ring-check.ts) and captured again if it is not.
 *
 * A synthetic damaged capture (written by scripts/samples/pcap-writer.ts): a bridge session
 * captured mid-stream with a lost segment and a segment cut by the snapshot length. (Files
 * cut in the middle of a record are made by the tests: tshark, which cross-checks every
 * sample, refuses them.)
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode } from '../../src/protocol/codec/encode.js';
import * as F from './cti-flows.js';
import { ipv4Word, PcapWriter, TcpConversationWriter } from './pcap-writer.js';
import { checkRing, tcpPayloads, type RingSplit } from './ring-check.js';

interface Args {
  readonly out: string;
  readonly syntheticOnly: boolean;
  readonly ringOnly: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  let out = 'samples';
  let syntheticOnly = false;
  let ringOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out') out = argv[++i] ?? out;
    else if (a === '--synthetic-only') syntheticOnly = true;
    else if (a === '--ring') ringOnly = true;
    else {
      process.stderr.write(`make-capture-samples: unknown argument ${a}\nusage: make-capture-samples.js [--out DIR] [--synthetic-only | --ring]\n`);
      process.exit(2);
    }
  }
  return { out, syntheticOnly, ringOnly };
}

const AGENT_2006: F.Agent = { extension: '2006', id: 'agt2006' };
const AGENT_2007: F.Agent = { extension: '2007', id: 'agt2007' };
const AGENT_4020: F.Agent = { extension: '4020', id: 'chli4020' };
const CALL: F.InboundCall = { caller: '2005', trigger: '7000', ctiPort: '9019', csq: 1, app: 2 };

/** The sessions of the real capture, in the order they connect. */
export const SAMPLE_CONNECTIONS = [
  { party: 'bridge', port: 42027, version: 12, note: 'bridge-mode client (wallboard), protocol version 12' },
  { party: 'agent:2006', port: 42027, version: 14, note: 'agent-mode client of agent 2006, protocol version 14' },
  { party: 'agent:4020', port: 42027, version: 12, note: 'agent-mode client of agent 4020 (outbound), protocol version 12' },
  { party: 'proxy', port: 12028, version: 13, note: 'bridge-mode client through a proxy on port 12028 (found by the heuristics), version 13' },
  { party: 'http', port: 18080, version: 0, note: 'a plain-text (HTTP) connection on port 18080: not CTI, ignored' },
] as const;

type Step = F.Burst | { readonly raw: string; readonly from: 'client' | 'server'; readonly parties: readonly string[] };

/** The whole conversation, in the order it is played. */
export function sampleConversation(): Step[] {
  const steps: Step[] = [];
  const add = (...bursts: Step[]): void => void steps.push(...bursts);
  let invoke = 1;
  const inv = (n = 1): number => {
    const v = invoke;
    invoke += n;
    return v;
  };
  let callId = 16777507;
  add(...F.openSession('bridge', inv(), 12, 'bridge'));
  add(...F.openSession('agent:2006', inv(), 14, 'agent', AGENT_2006));
  add(...F.openSession('agent:4020', inv(), 12, 'agent', AGENT_4020));
  add(...F.openSession('proxy', inv(), 13, 'bridge'));
  add(...F.setAgentState(AGENT_2006, inv(), F.AGENT_READY));
  add(...F.setAgentState(AGENT_4020, inv(), F.AGENT_READY));
  add(...F.heartbeat('bridge', inv()));
  // A queued call, answered from the agent desktop; the caller hangs up.
  const c1 = callId++;
  add(...F.queuedAndAnsweredCall(AGENT_2006, CALL, { call: c1, call2: c1 + 1 }, inv(), true));
  add(...F.callerHangsUp(AGENT_2006, CALL, c1));
  add({ from: 'client', parties: ['http'], raw: Buffer.from('GET /health HTTP/1.1\r\nHost: ccx\r\n\r\n').toString('hex') });
  add({ from: 'server', parties: ['http'], raw: Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK').toString('hex') });
  add(...F.heartbeat('agent:2006', inv()));
  // A queued call answered on the phone, then transferred to agent 2007.
  const c2 = (callId += 25);
  add(...F.queuedAndAnsweredCall(AGENT_2006, CALL, { call: c2, call2: 0 }, inv(), false));
  add(...F.transferredCall(AGENT_2006, AGENT_2007, CALL, c2, c2 + 2, inv(2)));
  add(...F.heartbeat('proxy', inv()), { from: 'server', parties: ['proxy'], messages: [F.systemEvent(1448030639)] });
  // A queued call, then a conference with agent 2007.
  const c3 = (callId += 6);
  add(...F.queuedAndAnsweredCall(AGENT_2006, CALL, { call: c3, call2: 0 }, inv(), true));
  add(...F.conferencedCall(AGENT_2006, AGENT_2007, CALL, c3, c3 + 2, inv(2)));
  // The outbound subsystem: a preview call for agent 4020.
  add(...F.outboundPreviewCall(AGENT_4020, '4022', 16800097, 16800096, inv()));
  // Agent 2006 dials out (MAKE_CALL_REQ with the version-14 fixed part), then hangs up.
  add(...F.makeCall(AGENT_2006, '4085551234', 16800120, inv(2), 14));
  add(...F.queryAgentState(AGENT_2006, inv(), F.AGENT_READY));
  add(...F.heartbeat('bridge', inv()));
  add(...F.setAgentState(AGENT_2006, inv(), F.AGENT_NOT_READY, 12));
  add(...F.closeSession('agent:2006', inv()));
  add(...F.closeSession('agent:4020', inv()));
  add(...F.closeSession('proxy', inv()));
  add(...F.closeSession('bridge', inv()));
  return steps;
}

interface ScriptChunk {
  readonly conn: number;
  readonly from: 'client' | 'server';
  readonly hex: string;
  readonly delayMs: number;
  readonly noDelay: boolean;
  /** The messages of the chunk (for people reading the script). */
  readonly messages: readonly string[];
}

type LoopbackScript = { connections: Array<{ port: number; party: string; note: string }>; chunks: ScriptChunk[] };

/** The capture-loopback script of the conversation. */
export function loopbackScript(): LoopbackScript {
  const connIndex = new Map<string, number>(SAMPLE_CONNECTIONS.map((c, i) => [c.party, i]));
  const chunks: ScriptChunk[] = [];
  let k = 0;
  for (const step of sampleConversation()) {
    for (const party of step.parties) {
      const conn = connIndex.get(party);
      if (conn === undefined) continue; // e.g. agent 2007 has no desktop connected
      const hex = 'raw' in step ? step.raw : Buffer.concat(step.messages.map((m) => encode(m))).toString('hex');
      const messages = 'raw' in step ? ['(not CTI)'] : step.messages.map((m) => m.type);
      // Mostly a few milliseconds apart; now and then a longer pause; Nagle off on the server
      // for single events, on for the client (as a desktop library typically leaves it).
      chunks.push({ conn, from: step.from, hex, delayMs: k % 17 === 0 ? 25 : 2, noDelay: step.from === 'server', messages });
      k++;
    }
  }
  return {
    connections: SAMPLE_CONNECTIONS.map((c) => ({ port: c.port, party: c.party, note: c.note })),
    chunks,
  };
}

function capture(script: string, out: string, format: 'pcap' | 'pcapng', ring: readonly string[] = []): void {
  const r = spawnSync(process.execPath, ['scripts/capture/capture-loopback.mjs', '--script', script, '--out', out, '-F', format, ...ring.flatMap((b) => ['-b', b])], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`capture-loopback failed (${r.status}): ${r.stderr}`);
  process.stdout.write(`  ${out}: ${r.stdout.trim()}\n`);
}

// ---------------------------------------------------------------------------------------------
// The ring-buffer set (dumpcap -b packets:N)

/** Where the ring set goes (below --out) and dumpcap's -w name for it. */
const RING_DIR = 'ring';
const RING_PREFIX = 'cti-ring.pcapng';

export type { RingSplit } from './ring-check.js';

/**
 * The bridge server's first burst that starts with a CALL_DATA_UPDATE_EVENT, cut in the middle
 * of that message's body: the first write carries its header and half its body, the second the
 * rest of it and the burst's other messages.
 */
export function ringSplit(script: LoopbackScript = loopbackScript()): RingSplit {
  const chunk = script.chunks.findIndex((c) => c.conn === 0 && c.from === 'server' && c.messages[0] === 'CALL_DATA_UPDATE_EVENT');
  if (chunk < 0) throw new Error('the conversation has no CALL_DATA_UPDATE_EVENT for the bridge');
  const bytes = Buffer.from(script.chunks[chunk]!.hex, 'hex');
  const cut = 8 + Math.floor(bytes.readUInt32BE(0) / 2);
  return { chunk, first: bytes.subarray(0, cut), second: bytes.subarray(cut) };
}

/** The conversation with the {@link ringSplit} chunk written in two (Nagle off: two segments). */
export function ringScript(): LoopbackScript {
  const script = loopbackScript();
  const split = ringSplit(script);
  const whole = script.chunks[split.chunk]!;
  const [name, ...rest] = whole.messages;
  script.chunks.splice(
    split.chunk,
    1,
    { ...whole, hex: split.first.toString('hex'), noDelay: true, messages: [`${name!} (its first ${split.first.length} bytes)`] },
    { ...whole, delayMs: 0, hex: split.second.toString('hex'), noDelay: true, messages: [`${name!} (the rest)`, ...rest] },
  );
  return script;
}

function makeRing(out: string): void {
  const tmp = mkdtempSync(join(tmpdir(), 'ccxcti-ring-sample-'));
  try {
    const scriptPath = join(tmp, 'ring.script.json');
    writeFileSync(scriptPath, `${JSON.stringify(ringScript(), null, 1)}\n`);
    const split = ringSplit();
    const dir = join(out, RING_DIR);
    for (let attempt = 1; ; attempt++) {
      // A plain capture first: the number of the frame that carries the first write.
      const plain = join(tmp, `plain-${attempt}.pcapng`);
      capture(scriptPath, plain, 'pcapng');
      const read = tcpPayloads(plain);
      const perFile = read.payloads.findIndex((p) => p.equals(split.first)) + 1;
      if (perFile === 0) throw new Error(`the first write of the split message is in no packet of ${plain}${read.problem === undefined ? '' : ` (${read.problem})`}`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      capture(scriptPath, join(dir, RING_PREFIX), 'pcapng', [`packets:${perFile}`]);
      const files = readdirSync(dir)
        .sort()
        .map((n) => join(dir, n));
      for (const f of files) chmodSync(f, 0o644); // dumpcap writes 0600
      const problem = checkRing(files, split);
      if (problem === undefined) {
        process.stdout.write(`  ${dir}: ${files.length} files of ${perFile} packets (the last one fewer)\n`);
        return;
      }
      if (attempt === 3) throw new Error(`the ring set is not as wanted after ${attempt} captures: ${problem}`);
      process.stdout.write(`  ${dir}: ${problem}; capturing again\n`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Synthetic damaged captures

/**
 * A bridge session captured mid-stream (no SYN; the first segment starts 13 bytes into a
 * message), with one server segment lost (a gap) and one cut by the snapshot length.
 * Timestamps with nanoseconds (nanosecond pcap).
 */
export function damagedMidstreamCapture(): Uint8Array {
  const blocks: Uint8Array[] = [];
  const w = new PcapWriter((b) => blocks.push(b), { nanosecond: true });
  const conv = new TcpConversationWriter(w, { addr: ipv4Word('10.10.20.31'), port: 51234, seq: 0x7ffffff0 }, { addr: ipv4Word('10.10.20.5'), port: 42027, seq: 0xfffff000 });
  const sec = 1448030639; // 2015-11-20T14:43:59Z
  let nsec = 435_000_123;
  const tick = (): number => (nsec += 1_250_017);
  let invoke = 900;
  const agent: F.Agent = { extension: '2006', id: 'agt2006' };
  const bursts = [
    ...F.queuedAndAnsweredCall(agent, CALL, { call: 16777601, call2: 0 }, invoke++, false),
    ...F.heartbeat('bridge', invoke++),
    ...F.callerHangsUp(agent, CALL, 16777601),
    ...F.heartbeat('bridge', invoke++),
    ...F.queuedAndAnsweredCall(agent, CALL, { call: 16777640, call2: 0 }, invoke++, false),
  ].filter((b) => b.parties.includes('bridge'));
  bursts.forEach((b, i) => {
    const bytes = Buffer.concat(b.messages.map((m) => encode(m)));
    const from = b.from;
    if (i === 0) {
      // The capture starts here: the first 13 bytes of this burst were sent before.
      conv.data(sec, tick(), from, bytes.subarray(0, 13), { skip: true });
      conv.data(sec, tick(), from, bytes.subarray(13));
    } else if (i === 4) conv.data(sec, tick(), from, bytes, { skip: true }); // lost: a gap
    else if (i === 11) conv.data(sec, tick(), from, bytes, { captured: 30 }); // snap length
    else conv.data(sec, tick(), from, bytes);
    if (from === 'server' && i % 3 === 0) conv.ack(sec, tick(), 'client');
  });
  w.flush();
  return new Uint8Array(Buffer.concat(blocks));
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(args.out, { recursive: true });
  if (!args.ringOnly) {
    process.stdout.write('synthetic samples\n');
    const mid = join(args.out, 'damaged-midstream-gap.pcap');
    writeFileSync(mid, damagedMidstreamCapture());
    process.stdout.write(`  ${mid}\n`);
  }
  if (!args.syntheticOnly && !args.ringOnly) {
    process.stdout.write('real captures (dumpcap on lo)\n');
    const scriptPath = join(args.out, 'cti-sessions.script.json');
    writeFileSync(scriptPath, `${JSON.stringify(loopbackScript(), null, 1)}\n`);
    capture(scriptPath, join(args.out, 'cti-sessions.pcapng'), 'pcapng');
    capture(scriptPath, join(args.out, 'cti-sessions.pcap'), 'pcap');
  }
  if (!args.syntheticOnly) {
    process.stdout.write('a ring-buffer set (dumpcap -b packets:N on lo)\n');
    makeRing(args.out);
  }
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) main();
