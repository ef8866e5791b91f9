import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectCapture } from '../support/capture-events.js';
import { concatBytes, pcapFileHeader, writePcap, writeSimplePcapng, type WrittenPacket } from '../support/capture-writer.js';
import { buildTcpFlow, flowToEthernetPackets } from '../support/tcp-flow.js';

function baseTraffic(): WrittenPacket[] {
  const text = (s: string): Uint8Array => new TextEncoder().encode(s);
  const a = buildTcpFlow({
    client: { addr: '10.0.0.1', port: 40000 },
    server: { addr: '10.0.0.2', port: 42027 },
    isnClient: 0xfffffff0,
    isnServer: 1000,
    chunks: [
      { dir: 0, bytes: text('hello server, this is a CTI client speaking'.repeat(3)) },
      { dir: 1, bytes: text('hello client'.repeat(20)) },
      { dir: 0, bytes: text('bye') },
    ],
    mss: 50,
  });
  const b = buildTcpFlow({
    client: { addr: 'fe80::1', port: 50000 },
    server: { addr: '2001:db8::2', port: 42027 },
    isnClient: 7,
    isnServer: 0x7fffffff,
    chunks: [
      { dir: 1, bytes: text('v6 data '.repeat(30)) },
      { dir: 0, bytes: text('ok') },
    ],
    mss: 64,
  });
  const pa = flowToEthernetPackets(a, 1_700_000_000);
  const pb = flowToEthernetPackets(b, 1_700_000_000);
  const out: WrittenPacket[] = [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (i < pa.length) out.push(pa[i]);
    if (i < pb.length) out.push({ ...pb[i], nsec: pb[i].nsec + 1 });
  }
  return out;
}

const traffic = baseTraffic();
const validPcap = writePcap(traffic, { linkType: 1, littleEndian: true });
const validPcapBE = writePcap(traffic, { linkType: 1, littleEndian: false, nanosecond: true });
const validPcapng = writeSimplePcapng(traffic, 1, true, 9);

type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'set32'; at: number; value: number };

function mutate(file: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let f: Uint8Array = file.slice();
  for (const m of mutations) {
    const at = f.length === 0 ? 0 : m.at % (f.length + 1);
    switch (m.kind) {
      case 'flip':
        if (at < f.length) f[at] ^= m.value || 1;
        break;
      case 'insert':
        f = concatBytes(f.subarray(0, at), m.bytes, f.subarray(at));
        break;
      case 'delete':
        f = concatBytes(f.subarray(0, at), f.subarray(Math.min(f.length, at + m.count)));
        break;
      case 'truncate':
        f = f.subarray(0, at);
        break;
      case 'set32':
        if (at + 4 <= f.length) new DataView(f.buffer, f.byteOffset).setUint32(at, m.value >>> 0, true);
        break;
    }
  }
  return f;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('set32' as const),
    at: fc.nat(),
    value: fc.oneof(fc.constantFrom(0, 1, 11, 12, 0x7fffffff, 0xffffffff, 0x80000000, 65536, 262145), fc.nat()),
  }),
);

const chunkingArb = fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 4 });

/** Runs the whole pipeline; the event stream must stay consistent and memory bounded. */
function runsCleanly(file: Uint8Array, chunks: readonly number[]): void {
  const before = process.memoryUsage().arrayBuffers;
  const result = collectCapture(file, { reader: { maxBlockLength: 1 << 20 } }, chunks);
  expect(result.violations).toEqual([]);
  expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 << 20);
  for (const d of result.diagnostics) {
    expect(d.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    expect(['error', 'warning', 'info']).toContain(d.severity);
    expect(Number.isFinite(d.fileOffset)).toBe(true);
  }
}

describe('never throws, always terminates, memory stays bounded', () => {
  it('the unmodified base files decode without diagnostics', () => {
    for (const f of [validPcap, validPcapBE, validPcapng]) {
      const r = collectCapture(f);
      expect(r.diagnostics).toEqual([]);
      expect(r.violations).toEqual([]);
      expect(r.connections).toHaveLength(2);
    }
  });

  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), chunkingArb, (bytes, chunks) => runsCleanly(bytes, chunks)),
      { numRuns: 300 },
    );
  });

  it('random bytes after a valid magic', () => {
    const prefixes = [validPcap.subarray(0, 24), validPcapBE.subarray(0, 24), validPcapng.subarray(0, 28), validPcapng.subarray(0, 64)];
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 3000 }), chunkingArb, (prefix, bytes, chunks) =>
        runsCleanly(concatBytes(prefix, bytes), chunks),
      ),
      { numRuns: 300 },
    );
  });

  it('mutated valid files (flip, insert, delete, truncate, overwrite lengths)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(validPcap, validPcapBE, validPcapng),
        fc.array(mutationArb, { minLength: 1, maxLength: 6 }),
        chunkingArb,
        (file, mutations, chunks) => runsCleanly(mutate(file, mutations), chunks),
      ),
      { numRuns: 400 },
    );
  });

  it('a pcap header claiming caplen 0x7fffffff, in any chunking, allocates nothing large', () => {
    const record = new Uint8Array(16);
    new DataView(record.buffer).setUint32(8, 0x7fffffff, true);
    new DataView(record.buffer).setUint32(12, 0x7fffffff, true);
    const file = concatBytes(pcapFileHeader({ linkType: 1 }), record, new Uint8Array(100_000).fill(0x41));
    for (const chunks of [[1], [16], [1 << 20]]) runsCleanly(file, chunks);
  });
});
