/**
 * Writes a capture of ALL the traffic of a Unified CCX server (what a support engineer gets
 * capturing without a port filter), streaming, for the mixed-traffic benchmark and the audit
 * of the CTI heuristics on non-CTI traffic:
 *
 * - RTP voice: UDP between the server (10.0.0.1) and phones/gateways, 172-byte payloads
 *   (12-byte RTP header + 160 bytes of G.711), 50 packets/s per direction of each call,
 *   calls replaced now and then (with a SIP INVITE / BYE over UDP 5060);
 * - SIP over UDP 5060 (text), and SIP over TCP 5060;
 * - TCP streams with random binary payloads (HTTPS 443, 8443), HTTP (8080: a text request,
 *   a text response header and a random binary body), JDBC (Informix 1504) and JTAPI (2748)
 *   long-lived connections — some already open when the capture starts (no SYN: the CTI
 *   heuristics search them for a message start), many short connections (handshake, a few
 *   exchanges, FIN; some end with RST, some vanish without an end);
 * - optionally "structured" binary streams (length-prefixed records of small big-endian
 *   integers), a harder case for the heuristics than random bytes;
 * - CTI: the traffic of cti-capture-generator.ts (sessions on 42027 with handshakes and
 *   OPEN_REQ), generated into a temporary file and spliced in record by record with the
 *   capture's clock; a share of its sessions is moved to port 42100 (found by heuristics).
 *
 * Shares are of file bytes and kept exactly by a deficit scheduler: each packet is of the
 * kind furthest below its share. Time advances with the bytes at `rateMBps`.
 *
 *   npm run build && node dist/bench/capture/mixed-capture-generator.js OUT.pcap [MB] [seed]
 *     env: MIXED_CTI_SHARE (0.01), MIXED_STRUCTURED_SHARE (0), MIXED_OPEN (300 TCP connections open at once),
 *          MIXED_LOST_END (0.05: share of short connections whose end is not captured),
 *          MIXED_CONN_BYTES (100000: short connections carry 200 bytes to this many, log-uniformly)
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from '../codec/message-mix.js';
import { ipv4Word, PcapWriter, TcpConversationWriter } from '../../scripts/samples/pcap-writer.js';
import { generateCtiCapture } from './cti-capture-generator.js';

export interface MixedOptions {
  /** Stop once the file is at least this big. */
  readonly targetBytes: number;
  readonly seed?: number;
  /** Share of the file's bytes that is CTI (default 0.01). */
  readonly ctiShare?: number;
  /** Share of the CTI sessions moved from 42027 to 42100 (default 0.25). */
  readonly ctiAltPortShare?: number;
  /** Share of structured binary TCP streams (default 0). */
  readonly structuredShare?: number;
  /** TCP connections (other than CTI) open at any time (default 300). */
  readonly openConnections?: number;
  /** Share of the short TCP connections whose end (FIN/RST) is never captured (default 0.05). */
  readonly lostEndShare?: number;
  /** Short TCP connections carry 200 bytes to this many, log-uniformly (default 100,000). */
  readonly maxConnectionBytes?: number;
  /** Capture rate, for the clock (default 5 MB/s). */
  readonly rateMBps?: number;
}

export interface MixedCapture {
  readonly path: string;
  readonly bytes: number;
  readonly packets: number;
  /** File bytes by kind. */
  readonly bytesByKind: Record<string, number>;
  readonly tcpConnections: number;
  readonly rtpCalls: number;
  readonly ctiMessages: number;
  readonly ctiSessions: number;
}

const SERVER = ipv4Word('10.0.0.1');
const KINDS = ['rtp', 'sipUdp', 'tcpRandom', 'tcpStructured', 'cti'] as const;
type Kind = (typeof KINDS)[number];

/** A pool of random bytes payloads are sliced from (fast; slices at random offsets). */
function randomPool(rnd: () => number, bytes: number): Uint8Array {
  const words = new Uint32Array(bytes >>> 2);
  for (let i = 0; i < words.length; i++) words[i] = Math.floor(rnd() * 4294967296);
  return new Uint8Array(words.buffer);
}

/** Length-prefixed records of small big-endian integers and short strings. */
function structuredPayload(rnd: () => number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const v = new DataView(out.buffer);
  let p = 0;
  while (p + 8 <= length) {
    const body = Math.min(length - p - 8, 4 * Math.floor(rnd() * 40));
    v.setUint32(p, body);
    v.setUint32(p + 4, 1 + Math.floor(rnd() * 300));
    p += 8;
    const end = p + body;
    while (p + 4 <= end) {
      const r = rnd();
      if (r < 0.5) v.setUint32(p, Math.floor(rnd() * 1000));
      else if (r < 0.7) v.setUint32(p, 0);
      else for (let k = 0; k < 4; k++) out[p + k] = 0x61 + Math.floor(rnd() * 26);
      p += 4;
    }
    p = end;
  }
  return out;
}

const SIP_METHODS = ['INVITE', 'ACK', 'BYE', 'OPTIONS', 'REGISTER', 'SIP/2.0 200 OK', 'SIP/2.0 100 Trying', 'SIP/2.0 180 Ringing'];

function sipText(rnd: () => number, call: number): Uint8Array {
  const m = SIP_METHODS[Math.floor(rnd() * SIP_METHODS.length)]!;
  const first = m.startsWith('SIP/') ? `${m}\r\n` : `${m} sip:${3000 + (call % 400)}@10.0.0.1:5060 SIP/2.0\r\n`;
  let text =
    first +
    `Via: SIP/2.0/UDP 10.3.0.${call % 250}:5060;branch=z9hG4bK${call.toString(16)}${Math.floor(rnd() * 1e9).toString(16)}\r\n` +
    `From: <sip:2005@10.3.0.${call % 250}>;tag=${Math.floor(rnd() * 1e9)}\r\nTo: <sip:${3000 + (call % 400)}@10.0.0.1>\r\n` +
    `Call-ID: ${call}-${Math.floor(rnd() * 1e9)}@10.3.0.${call % 250}\r\nCSeq: 101 ${m.split(' ')[0]}\r\n` +
    `User-Agent: Cisco-CUCM12.5\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n`;
  const pad = Math.floor(rnd() * 600);
  text += `X-Cisco-Pad: ${'x'.repeat(pad)}\r\n\r\n`;
  return Buffer.from(text, 'latin1');
}

interface RtpCall {
  readonly a: number;
  readonly aPort: number;
  readonly bPort: number;
  readonly ssrc: [number, number];
  seq: [number, number];
  ts: [number, number];
  left: number;
  dir: 0 | 1;
}

type EndKind = 'fin' | 'rst' | 'lost' | 'never';

interface TcpConn {
  readonly conv: TcpConversationWriter;
  readonly structured: boolean;
  readonly text: boolean;
  /** Bytes still to send; Infinity for long-lived connections. */
  left: number;
  /** The current exchange: who sends, how many bytes left in it. */
  from: 'client' | 'server';
  burst: number;
  unacked: number;
  readonly end: EndKind;
  started: boolean;
}

const SERVER_PORTS = [443, 443, 443, 8443, 8080, 1504, 2748, 5060];

/** Writes the capture to `path` (classic pcap, nanosecond timestamps). */
export function generateMixedCapture(path: string, options: MixedOptions): MixedCapture {
  const seed = options.seed ?? 20251124;
  const rnd = prng(seed);
  const target = options.targetBytes;
  const ctiShare = options.ctiShare ?? 0.01;
  const structuredShare = options.structuredShare ?? 0;
  const openTarget = options.openConnections ?? 300;
  const lostEnd = options.lostEndShare ?? 0.05;
  const maxConnBytes = options.maxConnectionBytes ?? 100_000;
  const nsPerByte = 1e9 / ((options.rateMBps ?? 5) * 1e6);
  const shares: Record<Kind, number> = {
    cti: ctiShare,
    rtp: 0.45,
    sipUdp: 0.03,
    tcpStructured: structuredShare,
    tcpRandom: 0,
  };
  shares.tcpRandom = Math.max(0, 1 - shares.cti - shares.rtp - shares.sipUdp - shares.tcpStructured);

  // CTI: generated apart, spliced in record by record.
  const ctiPath = join(tmpdir(), `ccxcti-mixed-cti-${process.pid}.pcap`);
  let cti: Uint8Array;
  let ctiMessages = 0;
  let ctiSessions = 0;
  try {
    const g = generateCtiCapture(ctiPath, { targetBytes: Math.max(64 * 1024, Math.ceil(target * ctiShare * 1.05)), agents: 40, bridges: 2, seed: seed + 1 });
    ctiMessages = g.messages;
    ctiSessions = g.sessions;
    cti = readFileSync(ctiPath);
  } finally {
    rmSync(ctiPath, { force: true });
  }
  const ctiView = new DataView(cti.buffer, cti.byteOffset, cti.byteLength);
  let ctiPos = 24;
  const altShare = options.ctiAltPortShare ?? 0.25;

  const fd = openSync(path, 'w');
  const w = new PcapWriter((block) => void writeSync(fd, block), { nanosecond: true, tcpChecksum: false, blockBytes: 8 << 20 });
  const pool = randomPool(rnd, 8 << 20);
  const slice = (n: number): Uint8Array => {
    const at = Math.floor(rnd() * (pool.length - n));
    return pool.subarray(at, at + n);
  };
  const bytesByKind: Record<string, number> = {};
  for (const k of KINDS) bytesByKind[k] = 0;
  let sec = 1_763_900_000;
  let nsec = 0;
  const advance = (bytes: number): void => {
    nsec += Math.floor(bytes * nsPerByte * (0.5 + rnd()));
    if (nsec >= 1e9) {
      sec += Math.floor(nsec / 1e9);
      nsec %= 1e9;
    }
  };

  // RTP calls.
  let rtpCalls = 0;
  const sipCall = (call: number): void => {
    const payload = sipText(rnd, call);
    w.udp(sec, nsec, ipv4Word(`10.3.0.${call % 250}`), SERVER, 5060, 5060, payload);
    bytesByKind.sipUdp! += 16 + 42 + payload.length;
  };
  const newCall = (): RtpCall => {
    rtpCalls++;
    return {
      a: ipv4Word(`10.3.${(rtpCalls >> 8) & 255}.${rtpCalls & 255}`),
      aPort: 16384 + 2 * Math.floor(rnd() * 8000),
      bPort: 16384 + 2 * Math.floor(rnd() * 8000),
      ssrc: [Math.floor(rnd() * 0xffffffff), Math.floor(rnd() * 0xffffffff)],
      seq: [Math.floor(rnd() * 65536), Math.floor(rnd() * 65536)],
      ts: [Math.floor(rnd() * 0xffffffff), Math.floor(rnd() * 0xffffffff)],
      left: 2 * 50 * (20 + Math.floor(rnd() * 300)),
      dir: 0,
    };
  };
  const calls: RtpCall[] = [];
  for (let i = 0; i < 80; i++) calls.push(newCall());
  let callTurn = 0;
  const rtpHeader = new Uint8Array(172);
  const rtpView = new DataView(rtpHeader.buffer);
  const rtp = (): void => {
    const k = callTurn++ % calls.length;
    let c = calls[k]!;
    if (c.left <= 0) {
      sipCall(rtpCalls); // BYE of the old call…
      c = calls[k] = newCall();
      sipCall(rtpCalls); // …INVITE of the new one
    }
    const d = c.dir;
    c.dir = d === 0 ? 1 : 0;
    c.left--;
    rtpHeader.set(slice(160), 12);
    rtpHeader[0] = 0x80;
    rtpHeader[1] = 0; // PCMU
    rtpView.setUint16(2, c.seq[d]);
    rtpView.setUint32(4, c.ts[d] >>> 0);
    rtpView.setUint32(8, c.ssrc[d]);
    c.seq[d] = (c.seq[d] + 1) & 0xffff;
    c.ts[d] = (c.ts[d] + 160) >>> 0;
    if (d === 0) w.udp(sec, nsec, c.a, SERVER, c.aPort, c.bPort, rtpHeader);
    else w.udp(sec, nsec, SERVER, c.a, c.bPort, c.aPort, rtpHeader);
    bytesByKind.rtp! += 16 + 42 + 172;
  };

  // TCP connections.
  let tcpConnections = 0;
  let nextClient = 0;
  const openConn = (structured: boolean, initial: boolean): TcpConn => {
    tcpConnections++;
    const serverPort = structured ? (rnd() < 0.5 ? 1504 : 2748) : SERVER_PORTS[Math.floor(rnd() * SERVER_PORTS.length)]!;
    // Long-lived connections (JDBC, JTAPI, a few HTTPS) only among those open from the start:
    // a tenth of the pool; the rest are short and replaced as they end.
    const longLived = initial && (structured || rnd() < 0.1);
    const n = nextClient++;
    const client = { addr: ipv4Word(`10.2.${(n >> 8) & 63}.${n & 255}`), port: 32768 + (Math.floor(n / 16384) % 28000), seq: Math.floor(rnd() * 0xffffffff) };
    // Server side listening: the server is 10.0.0.1 (HTTPS, JTAPI client connections are outgoing too: no matter).
    const conv = new TcpConversationWriter(w, client, { addr: SERVER, port: serverPort, seq: Math.floor(rnd() * 0xffffffff) });
    const size = Math.floor(Math.exp(Math.log(200) + rnd() * (Math.log(maxConnBytes) - Math.log(200))));
    const r = rnd();
    const end: EndKind = longLived ? 'never' : r < lostEnd ? 'lost' : r < lostEnd + 0.1 ? 'rst' : 'fin';
    const c: TcpConn = {
      conv,
      structured,
      text: serverPort === 8080 || serverPort === 5060,
      left: longLived ? Infinity : size,
      from: 'server', // the first burst (toggled) is the client's: it speaks first
      burst: 0,
      unacked: 0,
      end,
      started: false,
    };
    // Connections open when the capture starts (half of the long-lived ones) show no handshake.
    if (initial && longLived && rnd() < 0.5) c.started = true;
    return c;
  };
  const conns: TcpConn[] = [];
  const structuredConns: TcpConn[] = [];
  for (let i = 0; i < openTarget; i++) conns.push(openConn(false, true));
  if (structuredShare > 0) for (let i = 0; i < 20; i++) structuredConns.push(openConn(true, true));
  let kindBytes = 0;
  const tcpPacket = (list: TcpConn[], structured: boolean, kind: Kind): void => {
    const k = Math.floor(rnd() * list.length);
    let c = list[k]!;
    const before = w.bytes;
    if (!c.started) {
      c.conv.handshake(sec, nsec);
      c.started = true;
    } else if (c.left <= 0) {
      if (c.end === 'fin') c.conv.fin(sec, nsec, rnd() < 0.5 ? 'client' : 'server');
      else if (c.end === 'rst') {
        const s = c.conv.server;
        const cl = c.conv.client;
        w.tcp(sec, nsec, s.addr, cl.addr, s.port, cl.port, s.seq, cl.seq, 0x14, new Uint8Array(0));
      }
      c = list[k] = openConn(structured, false);
      c.conv.handshake(sec, nsec);
      c.started = true;
    } else {
      if (c.burst <= 0) {
        c.from = c.from === 'client' ? 'server' : 'client';
        c.burst = c.from === 'client' ? 100 + Math.floor(rnd() * 1500) : 200 + Math.floor(rnd() * 60_000);
        if (c.left !== Infinity) c.burst = Math.min(c.burst, Math.max(1, c.left));
      }
      const n = Math.min(1448, c.burst);
      let payload: Uint8Array;
      if (c.structured) payload = structuredPayload(rnd, n);
      else if (c.text && c.from === 'client') payload = Buffer.from(`GET /adminapi/resource/${Math.floor(rnd() * 1e6)} HTTP/1.1\r\nHost: 10.0.0.1\r\n\r\n`.padEnd(n, 'x').slice(0, n), 'latin1');
      else payload = slice(n);
      c.conv.data(sec, nsec, c.from, payload);
      c.burst -= n;
      c.left -= n;
      if (++c.unacked >= 2) {
        c.conv.ack(sec, nsec, c.from === 'client' ? 'server' : 'client');
        c.unacked = 0;
      }
    }
    bytesByKind[kind]! += w.bytes - before;
  };

  const ctiPacket = (): boolean => {
    if (ctiPos + 16 > cti.length) return false;
    const capLen = ctiView.getUint32(ctiPos + 8, true);
    const origLen = ctiView.getUint32(ctiPos + 12, true);
    const frame = Uint8Array.from(cti.subarray(ctiPos + 16, ctiPos + 16 + capLen));
    ctiPos += 16 + capLen;
    // Sessions of a share of the clients (by the last byte of their address) go to port 42100.
    const fv = new DataView(frame.buffer);
    const srcLast = frame[14 + 15]!;
    const dstLast = frame[14 + 19]!;
    const client = fv.getUint16(14 + 20) === 42027 ? dstLast : srcLast;
    if ((client * 37) % 100 < altShare * 100) {
      if (fv.getUint16(14 + 20) === 42027) fv.setUint16(14 + 20, 42100);
      if (fv.getUint16(14 + 22) === 42027) fv.setUint16(14 + 22, 42100);
    }
    w.raw(sec, nsec, frame, origLen);
    bytesByKind.cti! += 16 + capLen;
    return true;
  };

  let ctiDone = false;
  while (w.bytes < target) {
    const total = w.bytes;
    let best: Kind = 'tcpRandom';
    let deficit = -Infinity;
    for (const k of KINDS) {
      if (shares[k] === 0 || (k === 'cti' && ctiDone)) continue;
      const d = shares[k] * total - bytesByKind[k]!;
      if (d > deficit) {
        deficit = d;
        best = k;
      }
    }
    const before = w.bytes;
    switch (best) {
      case 'rtp':
        rtp();
        break;
      case 'sipUdp':
        sipCall(Math.floor(rnd() * 100000));
        break;
      case 'tcpRandom':
        tcpPacket(conns, false, 'tcpRandom');
        break;
      case 'tcpStructured':
        tcpPacket(structuredConns, true, 'tcpStructured');
        break;
      case 'cti':
        if (!ctiPacket()) ctiDone = true;
        break;
    }
    kindBytes = w.bytes - before;
    advance(kindBytes);
  }
  w.flush();
  closeSync(fd);
  return { path, bytes: w.bytes, packets: w.packets, bytesByKind, tcpConnections, rtpCalls, ctiMessages, ctiSessions };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [out, mb, seed] = process.argv.slice(2);
  if (out === undefined) {
    console.error('usage: node dist/bench/capture/mixed-capture-generator.js OUT.pcap [MB=100] [seed]');
    process.exit(2);
  }
  const env = process.env;
  const t0 = process.hrtime.bigint();
  const r = generateMixedCapture(out, {
    targetBytes: Number(mb ?? 100) * 1e6,
    seed: seed === undefined ? undefined : Number(seed),
    ctiShare: env.MIXED_CTI_SHARE === undefined ? undefined : Number(env.MIXED_CTI_SHARE),
    structuredShare: env.MIXED_STRUCTURED_SHARE === undefined ? undefined : Number(env.MIXED_STRUCTURED_SHARE),
    openConnections: env.MIXED_OPEN === undefined ? undefined : Number(env.MIXED_OPEN),
    lostEndShare: env.MIXED_LOST_END === undefined ? undefined : Number(env.MIXED_LOST_END),
    maxConnectionBytes: env.MIXED_CONN_BYTES === undefined ? undefined : Number(env.MIXED_CONN_BYTES),
  });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const shares = Object.entries(r.bytesByKind)
    .map(([k, v]) => `${k} ${((100 * v) / r.bytes).toFixed(2)}%`)
    .join(', ');
  console.log(
    `${r.path}: ${(r.bytes / 1e6).toFixed(1)} MB, ${r.packets} packets (${shares}); ${r.tcpConnections} TCP connections besides CTI, ${r.rtpCalls} RTP calls; ` +
      `CTI pool ${r.ctiMessages} messages in ${r.ctiSessions} sessions (not all spliced); ${secs.toFixed(1)} s`,
  );
}
