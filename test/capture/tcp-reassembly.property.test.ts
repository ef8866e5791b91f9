/**
 * Properties of TCP reassembly: any segmentation, reordering, duplication and (consistent)
 * overlap of both directions' byte streams yields exactly those streams; with segments
 * dropped, delivered bytes and gaps tile each stream exactly. ISNs near 2^32 included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectCapture, summariseEvents, type CollectedConnection } from '../support/capture-events.js';
import { ACK, ethernet, ETH_IPV4, ETH_IPV6, FIN, PSH, SYN, tcpPacket, writePcap, writeSimplePcapng } from '../support/capture-writer.js';
import { feedSegments, type FedSegment } from '../support/segment-feed.js';

interface FlowScenario {
  readonly streams: [Uint8Array, Uint8Array];
  readonly isn: [number, number];
  readonly handshake: boolean;
  readonly cuts: [number[], number[]];
  readonly overlaps: [Array<[number, number]>, Array<[number, number]>];
  readonly duplicates: number[];
  readonly finOnLastData: boolean;
}

const isnArb = fc.oneof(
  fc.integer({ min: 0xffffff00, max: 0xffffffff }),
  fc.constant(0xffffffff),
  fc.constant(0),
  fc.integer({ min: 0, max: 0xffffffff }),
);

const flowArb: fc.Arbitrary<FlowScenario> = fc.record({
  streams: fc.tuple(fc.uint8Array({ maxLength: 1500 }), fc.uint8Array({ maxLength: 1500 })),
  isn: fc.tuple(isnArb, isnArb),
  handshake: fc.boolean(),
  cuts: fc.tuple(fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 30 })),
  overlaps: fc.tuple(
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 600 })), { maxLength: 6 }),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 600 })), { maxLength: 6 }),
  ),
  duplicates: fc.array(fc.nat(), { maxLength: 8 }),
  finOnLastData: fc.boolean(),
});

interface PlannedSegment {
  readonly flow: number;
  readonly dir: 0 | 1;
  /** Stream offset range of the payload (start === end for control segments). */
  readonly start: number;
  readonly end: number;
  readonly seg: FedSegment;
  /** Handshake segments keep their place; droppable: a plain data copy. */
  readonly kind: 'handshake' | 'data' | 'fin' | 'first';
}

const endpoint = (flow: number, dir: 0 | 1): { addr: string; port: number } =>
  flow % 2 === 0
    ? { addr: dir === 0 ? '192.168.1.10' : '192.168.1.20', port: dir === 0 ? 40000 + flow : 42027 }
    : { addr: dir === 0 ? '2001:db8::10' : 'fe80::20', port: dir === 0 ? 50000 + flow : 42027 };

function planFlow(flow: number, sc: FlowScenario): PlannedSegment[] {
  const out: PlannedSegment[] = [];
  const base = [(sc.isn[0] + (sc.handshake ? 1 : 0)) >>> 0, (sc.isn[1] + (sc.handshake ? 1 : 0)) >>> 0];
  const make = (dir: 0 | 1, start: number, end: number, flags: number, kind: PlannedSegment['kind']): PlannedSegment => {
    const from = endpoint(flow, dir);
    const to = endpoint(flow, dir === 0 ? 1 : 0);
    const payload = sc.streams[dir].subarray(start, end);
    return {
      flow,
      dir,
      start,
      end,
      kind,
      seg: {
        src: from.addr,
        dst: to.addr,
        tcp: { srcPort: from.port, dstPort: to.port, seq: (base[dir] + start) >>> 0, ack: base[dir === 0 ? 1 : 0], flags, payload },
      },
    };
  };
  if (sc.handshake) {
    const c = endpoint(flow, 0);
    const s = endpoint(flow, 1);
    out.push({ flow, dir: 0, start: 0, end: 0, kind: 'handshake', seg: { src: c.addr, dst: s.addr, tcp: { srcPort: c.port, dstPort: s.port, seq: sc.isn[0], flags: SYN } } });
    out.push({
      flow,
      dir: 1,
      start: 0,
      end: 0,
      kind: 'handshake',
      seg: { src: s.addr, dst: c.addr, tcp: { srcPort: s.port, dstPort: c.port, seq: sc.isn[1], ack: base[0], flags: SYN | ACK } },
    });
  }
  for (const dir of [0, 1] as const) {
    const stream = sc.streams[dir];
    const len = stream.length;
    let off = 0;
    let k = 0;
    while (off < len) {
      const size = sc.cuts[dir][k++ % sc.cuts[dir].length];
      const end = Math.min(len, off + size);
      const last = end === len;
      const fin = last && sc.finOnLastData;
      out.push(make(dir, off, end, PSH | ACK | (fin ? FIN : 0), off === 0 ? 'first' : fin ? 'fin' : 'data'));
      off = end;
    }
    if (len === 0 || !sc.finOnLastData) out.push(make(dir, len, len, FIN | ACK, len === 0 ? 'first' : 'fin'));
    for (const [a, l] of sc.overlaps[dir]) {
      if (len === 0) break;
      const start = a % len;
      const end = Math.min(len, start + l);
      out.push(make(dir, start, end, ACK, 'data'));
    }
  }
  for (const d of sc.duplicates) {
    const candidates = out.filter((p) => p.kind === 'data' || p.kind === 'fin');
    if (candidates.length > 0) out.push(candidates[d % candidates.length]);
  }
  return out;
}

/**
 * Capture order: handshake segments first and in order; everything else shuffled by `keys`.
 * Without handshake the offset-0 segment of each direction comes first in that direction
 * (it defines stream offset 0).
 */
function order(planned: PlannedSegment[], keys: readonly number[]): PlannedSegment[] {
  const hs = planned.filter((p) => p.kind === 'handshake');
  const rest = planned.filter((p) => p.kind !== 'handshake');
  const keyed = rest.map((p, i) => ({ p, k: keys.length === 0 ? i : keys[i % keys.length] * 1000 + i }));
  keyed.sort((a, b) => a.k - b.k);
  const shuffled = keyed.map((x) => x.p);
  for (let i = 0; i < shuffled.length; i++) {
    const p = shuffled[i];
    if (p.kind !== 'first') continue;
    const firstOfDir = shuffled.findIndex((q) => q.flow === p.flow && q.dir === p.dir);
    if (firstOfDir < i) [shuffled[firstOfDir], shuffled[i]] = [shuffled[i], shuffled[firstOfDir]];
  }
  return [...hs, ...shuffled];
}

function interleave(flows: PlannedSegment[][], keys: readonly number[]): PlannedSegment[] {
  const out: PlannedSegment[] = [];
  const pos = flows.map(() => 0);
  let k = 0;
  while (out.length < flows.reduce((n, f) => n + f.length, 0)) {
    const pick = (keys[k++ % Math.max(1, keys.length)] ?? 0) % flows.length;
    for (let j = 0; j < flows.length; j++) {
      const f = (pick + j) % flows.length;
      if (pos[f] < flows[f].length) {
        out.push(flows[f][pos[f]++]);
        break;
      }
    }
  }
  return out;
}

/** Maps a collected connection's direction index to the scenario direction (0 = client). */
function scenarioDir(conn: CollectedConnection, collectedDir: 0 | 1, flow: number): 0 | 1 {
  const aIsClient = conn.info.a.port === endpoint(flow, 0).port && conn.info.a.addr === endpoint(flow, 0).addr;
  return (aIsClient ? collectedDir : 1 - collectedDir) as 0 | 1;
}

function flowOfConnection(conn: CollectedConnection): number {
  for (let f = 0; f < 4; f++) {
    const c = endpoint(f, 0);
    if ((conn.info.a.port === c.port && conn.info.a.addr === c.addr) || (conn.info.b.port === c.port && conn.info.b.addr === c.addr)) return f;
  }
  return -1;
}

const scenariosArb = fc.record({
  flows: fc.array(flowArb, { minLength: 1, maxLength: 3 }),
  keys: fc.array(fc.nat({ max: 10000 }), { minLength: 1, maxLength: 64 }),
});

describe('TCP reassembly properties', () => {
  it('any segmentation, reordering, duplication and consistent overlap yields the original streams', () => {
    fc.assert(
      fc.property(scenariosArb, ({ flows, keys }) => {
        const planned = interleave(
          flows.map((sc, f) => order(planFlow(f, sc), keys.map((k) => k * (f + 3)))),
          keys,
        );
        const result = summariseEvents(feedSegments(planned.map((p) => p.seg)));
        expect(result.violations).toEqual([]);
        expect(result.diagnostics).toEqual([]);
        expect(result.connections).toHaveLength(flows.length);
        for (const conn of result.connections) {
          const f = flowOfConnection(conn);
          const sc = flows[f];
          expect(conn.info.synSeen).toBe(sc.handshake);
          expect(conn.info.initiator).toBe(sc.handshake ? 'A' : null);
          expect(conn.closeReason).toBe('fin');
          for (const d of [0, 1] as const) {
            const original = sc.streams[scenarioDir(conn, d, f)];
            expect(conn.dirs[d].gaps).toEqual([]);
            expect(Uint8Array.from(conn.dirs[d].data)).toEqual(original);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('with segments dropped, delivered bytes and gaps tile each stream exactly (also with a tiny buffer)', () => {
    fc.assert(
      fc.property(
        scenariosArb,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 50 }),
        fc.constantFrom(4 << 20, 300, 1),
        ({ flows, keys }, dropMask, bufferLimit) => {
          const plannedAll = interleave(
            flows.map((sc, f) => order(planFlow(f, sc), keys)),
            keys,
          );
          // Drop plain data copies (never the handshake, the offset-0 segments or the FINs).
          let m = 0;
          const planned = plannedAll.filter((p) => p.kind !== 'data' || !dropMask[m++ % dropMask.length]);
          const result = summariseEvents(feedSegments(planned.map((p) => p.seg), { maxBufferedBytesPerDirection: bufferLimit }));
          expect(result.violations).toEqual([]);
          expect(result.diagnostics.filter((d) => d.code === 'TCP_OVERLAP_MISMATCH')).toEqual([]);
          for (const conn of result.connections) {
            const f = flowOfConnection(conn);
            const sc = flows[f];
            for (const d of [0, 1] as const) {
              const sd = scenarioDir(conn, d, f);
              const original = sc.streams[sd];
              const cd = conn.dirs[d];
              expect(cd.end).toBe(original.length);
              // Rebuild: data events at their offsets must equal the original there.
              const covered = new Uint8Array(original.length);
              let off = 0;
              let gi = 0;
              let di = 0;
              while (off < original.length) {
                const g = cd.gaps[gi];
                if (g !== undefined && g.streamOffset === off) {
                  covered.fill(1, off, off + g.length);
                  off += g.length;
                  gi++;
                } else {
                  expect(cd.data[di]).toBe(original[off]);
                  di++;
                  off++;
                }
              }
              expect(di).toBe(cd.data.length);
              expect(gi).toBe(cd.gaps.length);
              if (bufferLimit === 4 << 20) {
                // Without buffer pressure a gap holds only bytes no surviving segment carried.
                const received = new Uint8Array(original.length);
                for (const p of planned) if (p.flow === f && p.dir === sd) received.fill(1, p.start, p.end);
                for (let i = 0; i < original.length; i++) expect(covered[i] === 1).toBe(received[i] === 0);
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('through capture files too (Ethernet/IPv4/IPv6, pcap and pcapng, any chunking)', () => {
    fc.assert(
      fc.property(
        scenariosArb,
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 3 }),
        ({ flows, keys }, ng, chunks) => {
          const planned = interleave(
            flows.map((sc, f) => order(planFlow(f, sc), keys)),
            keys,
          );
          const packets = planned.map((p, i) => {
            const ip = tcpPacket(p.seg.src, p.seg.dst, p.seg.tcp);
            return { sec: 1_700_000_000, nsec: i * 1000, data: ethernet(ip, p.seg.src.includes(':') ? ETH_IPV6 : ETH_IPV4) };
          });
          const file = ng ? writeSimplePcapng(packets, 1) : writePcap(packets, { linkType: 1 });
          const result = collectCapture(file, {}, chunks);
          expect(result.violations).toEqual([]);
          expect(result.diagnostics).toEqual([]);
          expect(result.stats.frames).toBe(packets.length);
          for (const conn of result.connections) {
            const f = flowOfConnection(conn);
            for (const d of [0, 1] as const) {
              expect(Uint8Array.from(conn.dirs[d].data)).toEqual(flows[f].streams[scenarioDir(conn, d, f)]);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
