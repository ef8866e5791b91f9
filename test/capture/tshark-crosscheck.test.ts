/**
 * Cross-check with tshark: for every capture in samples/, samples/ring/ (each file of the
 * dumpcap ring set on its own: connections that start or end mid-stream) and
 * test/capture/fixtures/, and for synthetic captures written here (reordering, duplicates,
 * retransmissions, IPv6, VLAN, SLL2, NULL, raw IP, IP fragments, port reuse, several pcapng
 * sections), every TCP stream's bytes in each direction equal what
 * `tshark -r FILE -q -z follow,tcp,raw,N` prints, and the frames (numbers, timestamps,
 * lengths) equal tshark's. Skipped when tshark is not installed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectCaptureFormat } from '../../src/capture/capture-format.js';
import { collectCapture, type CollectedConnection } from '../support/capture-events.js';
import { readFrames } from '../support/capture-frames.js';
import {
  ACK,
  ethernet,
  ETH_IPV4,
  ETH_IPV6,
  ipv4Fragments,
  nullLink,
  PSH,
  sll2,
  tcp,
  tcpPacket,
  writePcap,
  writePcapng,
  type WrittenPacket,
} from '../support/capture-writer.js';
import { buildTcpFlow, type FlowSegment } from '../support/tcp-flow.js';
import { tsharkFollowAll, tsharkFrames, tsharkVersion, type TsharkFollow } from '../support/tshark.js';

const version = tsharkVersion();
if (version === null) {
  console.warn('tshark-crosscheck: tshark is not installed — skipping the cross-check with tshark (apt-get install tshark)');
}

const SAMPLE_DIRS = ['samples', 'samples/ring', 'test/capture/fixtures'];

/** Capture files in the sample folders, recognised by content. */
function sampleCaptures(): string[] {
  const out: string[] = [];
  for (const dir of SAMPLE_DIRS) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const path = join(dir, name);
      if (!statSync(path).isFile()) continue;
      const head = readFileSync(path).subarray(0, 16);
      if (detectCaptureFormat(head).format !== 'unknown') out.push(path);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Synthetic captures

const rnd = (seed: number): (() => number) => {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
};

function bytes(n: number, seed: number): Uint8Array {
  const r = rnd(seed);
  return Uint8Array.from({ length: n }, () => Math.floor(r() * 256));
}

/**
 * Reorders adjacent segments of the same direction, duplicates some segments and adds
 * overlapping retransmissions. (Never moves data after a peer ACK that covers it: tshark's
 * follow drops such "spurious retransmissions", although their bytes were never seen before.)
 */
function disturb(segments: FlowSegment[], seed: number): FlowSegment[] {
  const r = rnd(seed);
  const hs = segments.slice(0, 3);
  const rest = segments.slice(3, -3);
  const tail = segments.slice(-3);
  const out: FlowSegment[] = [];
  for (const s of rest) {
    out.push(s);
    const p = s.tcp.payload;
    if (p !== undefined && p.length > 4 && r() < 0.15) {
      // Overlapping retransmission: the second half of this segment plus nothing new.
      const cut = Math.floor(p.length / 2);
      out.push({ ...s, tcp: { ...s.tcp, seq: (s.tcp.seq + cut) >>> 0, payload: p.subarray(cut) } });
    }
    if (r() < 0.1) out.push(s);
  }
  for (let i = 0; i + 1 < out.length; i++) {
    if (out[i].dir === out[i + 1].dir && r() < 0.3) [out[i], out[i + 1]] = [out[i + 1], out[i]];
  }
  return [...hs, ...out, ...tail];
}

function toPackets(segments: readonly FlowSegment[], frame: (ip: Uint8Array, v6: boolean) => Uint8Array, startSec: number): WrittenPacket[] {
  return segments.map((s, i) => ({ sec: startSec + Math.floor(i / 100), nsec: (i % 100) * 10_000_000 + 1234, data: frame(tcpPacket(s.src, s.dst, s.tcp), s.src.includes(':')) }));
}

function mixed(): Array<{ name: string; bytes: Uint8Array }> {
  const flowA = buildTcpFlow({
    client: { addr: '10.0.0.1', port: 40001 },
    server: { addr: '10.0.0.2', port: 42027 },
    isnClient: 0xfffff000,
    isnServer: 77,
    chunks: [
      { dir: 0, bytes: bytes(5000, 1) },
      { dir: 1, bytes: bytes(9000, 2) },
      { dir: 0, bytes: bytes(300, 3) },
      { dir: 1, bytes: bytes(40, 4) },
    ],
    mss: 700,
  });
  const flowB = buildTcpFlow({
    client: { addr: '10.0.0.3', port: 40002 },
    server: { addr: '10.0.0.2', port: 42027 },
    isnClient: 123456,
    isnServer: 0xffffffff,
    chunks: [
      { dir: 1, bytes: bytes(2500, 5) },
      { dir: 0, bytes: bytes(100, 6) },
    ],
    mss: 512,
  });
  const flowV6 = buildTcpFlow({
    client: { addr: '2001:db8::1', port: 50000 },
    server: { addr: 'fe80::2', port: 42027 },
    isnClient: 1,
    isnServer: 2,
    chunks: [
      { dir: 0, bytes: bytes(3000, 7) },
      { dir: 1, bytes: bytes(3000, 8) },
    ],
    mss: 1000,
  });
  const reuse1 = buildTcpFlow({ client: { addr: '10.0.0.9', port: 40009 }, server: { addr: '10.0.0.2', port: 42027 }, isnClient: 1000, isnServer: 2000, chunks: [{ dir: 0, bytes: bytes(100, 9) }] });
  const reuse2 = buildTcpFlow({ client: { addr: '10.0.0.9', port: 40009 }, server: { addr: '10.0.0.2', port: 42027 }, isnClient: 900000, isnServer: 5, chunks: [{ dir: 1, bytes: bytes(200, 10) }] });
  const interleaved: FlowSegment[] = [];
  const a = disturb(flowA, 11);
  const b = disturb(flowB, 12);
  const c = disturb(flowV6, 13);
  for (let i = 0; i < Math.max(a.length, b.length, c.length); i++) {
    if (i < a.length) interleaved.push(a[i]);
    if (i < b.length) interleaved.push(b[i]);
    if (i < c.length) interleaved.push(c[i]);
  }
  const all = [...interleaved, ...reuse1, ...reuse2];
  const eth = (ip: Uint8Array, v6: boolean): Uint8Array => ethernet(ip, v6 ? ETH_IPV6 : ETH_IPV4);
  const vlan = (ip: Uint8Array, v6: boolean): Uint8Array => ethernet(ip, v6 ? ETH_IPV6 : ETH_IPV4, [{ tpid: 0x8100, vid: 42 }]);
  const cooked = (ip: Uint8Array, v6: boolean): Uint8Array => sll2(ip, v6 ? ETH_IPV6 : ETH_IPV4);
  const bsd = (ip: Uint8Array, v6: boolean): Uint8Array => nullLink(ip, v6 ? 30 : 2, true);
  const raw = (ip: Uint8Array): Uint8Array => ip;

  // Mid-stream capture: drop the handshake of flow A.
  const midStream = disturb(flowA, 21).slice(3);

  // IP fragments carrying TCP segments.
  const frag: WrittenPacket[] = [];
  const flowF = buildTcpFlow({ client: { addr: '10.5.0.1', port: 40100 }, server: { addr: '10.5.0.2', port: 42027 }, isnClient: 5, isnServer: 6, chunks: [{ dir: 0, bytes: bytes(3000, 30) }, { dir: 1, bytes: bytes(10, 31) }], mss: 1400 });
  flowF.forEach((s, i) => {
    const seg = tcp(s.tcp, s.src, s.dst);
    const frags = seg.length > 600 ? ipv4Fragments({ src: s.src, dst: s.dst, protocol: 6, payload: seg, id: 100 + i }, 512) : ipv4Fragments({ src: s.src, dst: s.dst, protocol: 6, payload: seg, id: 100 + i }, 2048);
    if (i % 2 === 1) frags.reverse();
    for (const f of frags) frag.push({ sec: 1_700_000_100, nsec: frag.length * 1000, data: ethernet(f, ETH_IPV4) });
  });

  return [
    { name: 'ethernet-le-us.pcap', bytes: writePcap(toPackets(all, eth, 1_700_000_000), { linkType: 1, littleEndian: true }) },
    { name: 'vlan-be-ns.pcap', bytes: writePcap(toPackets(all, vlan, 1_700_000_000), { linkType: 1, littleEndian: false, nanosecond: true }) },
    { name: 'sll2-le-ns.pcap', bytes: writePcap(toPackets(all, cooked, 1_700_000_000), { linkType: 276, littleEndian: true, nanosecond: true }) },
    { name: 'null.pcap', bytes: writePcap(toPackets(all, bsd, 1_700_000_000), { linkType: 0 }) },
    { name: 'raw-midstream.pcap', bytes: writePcap(toPackets(midStream, raw, 1_700_000_000), { linkType: 101 }) },
    { name: 'fragments.pcap', bytes: writePcap(frag, { linkType: 1 }) },
    {
      name: 'sections.pcapng',
      bytes: writePcapng([
        {
          littleEndian: true,
          interfaces: [{ linkType: 1, tsresol: 9 }, { linkType: 276, tsresol: 0x80 | 20, tsoffset: 3600 }],
          blocks: toPackets(interleaved.slice(0, 60), eth, 1_700_000_000).map((p, i) =>
            i % 3 === 2
              ? { kind: 'epb' as const, interfaceId: 1, sec: p.sec, nsec: p.nsec, data: sll2(p.data.subarray(14), (p.data[12] << 8) | p.data[13]) }
              : i % 5 === 4
                ? { kind: 'opb' as const, interfaceId: 0, sec: p.sec, nsec: p.nsec, data: p.data }
                : { kind: 'epb' as const, interfaceId: 0, sec: p.sec, nsec: p.nsec, data: p.data },
          ),
        },
        {
          littleEndian: false,
          interfaces: [{ linkType: 101, tsresol: 3 }],
          blocks: [
            { kind: 'raw', blockType: 4, body: new Uint8Array(12) },
            ...toPackets(interleaved.slice(60), raw, 1_700_000_100).map((p) => ({ kind: 'epb' as const, interfaceId: 0, sec: p.sec, nsec: p.nsec, data: p.data })),
            { kind: 'raw', blockType: 5, body: new Uint8Array(20) },
          ],
        },
        { littleEndian: true, interfaces: [{ linkType: 1 }], blocks: toPackets([...reuse1, ...reuse2], eth, 1_700_000_200).map((p) => ({ kind: 'epb' as const, interfaceId: 0, sec: p.sec, nsec: p.nsec, data: p.data })) },
      ]),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Comparison

const endpointText = (e: { addr: string; port: number }): string => (e.addr.includes(':') ? `[${e.addr}]:${e.port}` : `${e.addr}:${e.port}`);

/** Our connection for tshark stream `f`: same endpoints, same rank among streams with those endpoints. */
function match(f: TsharkFollow, follows: readonly TsharkFollow[], ours: readonly CollectedConnection[]): { conn: CollectedConnection; flip: boolean } | null {
  const key = (x: string, y: string): string => [x, y].sort().join(' ');
  const k = key(f.node0, f.node1);
  const rank = follows.filter((g) => g.stream < f.stream && key(g.node0, g.node1) === k).length;
  const candidates = ours.filter((c) => key(endpointText(c.info.a), endpointText(c.info.b)) === k);
  const conn = candidates[rank];
  if (conn === undefined) return null;
  return { conn, flip: endpointText(conn.info.a) !== f.node0 };
}

function crossCheck(path: string): { streams: number; bytes: number; sameIds: number } {
  const bytes = new Uint8Array(readFileSync(path));
  // Frames: numbering, timestamps, lengths.
  const theirs = tsharkFrames(path);
  const ours = readFrames(bytes, [65536]).frames;
  expect(ours.map((f) => f.frame)).toEqual(theirs.map((f) => f.frame));
  ours.forEach((f, i) => {
    const t = theirs[i];
    if (t.epoch !== '') expect(`${f.sec}.${String(f.nsec).padStart(9, '0')}`).toBe(t.epoch);
    expect(f.bytes.length).toBe(t.capLen);
    expect(f.originalLength).toBe(t.len);
  });
  // Streams.
  const follows = tsharkFollowAll(path).filter((f) => f.node0 !== ':0');
  const result = collectCapture(bytes, {}, [100_000, 7, 65536]);
  expect(result.violations).toEqual([]);
  let total = 0;
  let sameIds = 0;
  for (const f of follows) {
    const m = match(f, follows, result.connections);
    expect(m, `tshark stream ${f.stream} (${f.node0} ↔ ${f.node1}) has no matching connection`).not.toBeNull();
    if (m === null) continue;
    const d0 = Uint8Array.from(m.conn.dirs[m.flip ? 1 : 0].data);
    const d1 = Uint8Array.from(m.conn.dirs[m.flip ? 0 : 1].data);
    expect(d0.length, `stream ${f.stream} node 0 length`).toBe(f.data[0].length);
    expect(d1.length, `stream ${f.stream} node 1 length`).toBe(f.data[1].length);
    expect(Buffer.from(d0).equals(Buffer.from(f.data[0])), `stream ${f.stream} node 0 bytes`).toBe(true);
    expect(Buffer.from(d1).equals(Buffer.from(f.data[1])), `stream ${f.stream} node 1 bytes`).toBe(true);
    total += d0.length + d1.length;
    if (m.conn.info.id === f.stream) sameIds++;
  }
  return { streams: follows.length, bytes: total, sameIds };
}

describe.skipIf(version === null)(`cross-check with ${version ?? 'tshark'}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccxcti-crosscheck-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const samples = sampleCaptures();
  if (samples.length === 0) console.warn('tshark-crosscheck: no capture in samples/ or test/capture/fixtures/');
  for (const path of samples) {
    it(`sample ${path}`, () => {
      const r = crossCheck(path);
      expect(r.streams).toBeGreaterThan(0);
    });
  }

  for (const synthetic of mixed()) {
    it(`synthetic ${synthetic.name}`, () => {
      const path = join(dir, synthetic.name);
      writeFileSync(path, synthetic.bytes);
      const r = crossCheck(path);
      expect(r.streams).toBeGreaterThan(0);
      expect(r.bytes).toBeGreaterThan(0);
      // Our connection ids follow tshark's tcp.stream numbering.
      expect(r.sameIds).toBe(r.streams);
    });
  }
});
