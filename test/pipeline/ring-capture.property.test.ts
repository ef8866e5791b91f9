/**
 * Property: a capture of several CTI connections cut into ring files at any packet boundaries
 * (each file pcap or pcapng, named as dumpcap or editcap name them) decodes to exactly the
 * timeline of the uncut capture — the same messages (type, fields, session, direction, time,
 * stream offset), diagnostics and sessions — and each message's (file, frame) is the packet of
 * the uncut capture it points at there, counted within its own file, and its record range
 * (recordOffset, recordLength: SARIF's region) is that packet's record in that file.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SourceRef, TimelineEvent } from '../../src/timeline/types.js';
import { recordAt } from '../support/capture-records.js';
import { writePcap, type WrittenPacket } from '../support/capture-writer.js';
import { conversationFlow } from '../support/cti-capture.js';
import { anyMessageArb, type GeneratedMessage } from '../support/message-arbitraries.js';
import { decodeInputs, uncutFrame, writeRing, type RingFile, type RingPattern } from '../support/ring-capture.js';
import { flowToEthernetPackets, type FlowSegment } from '../support/tcp-flow.js';

interface Connection {
  readonly steps: Array<{ from: 'client' | 'server'; messages: GeneratedMessage[] }>;
  readonly mss: number;
  readonly handshake: boolean;
  readonly close: 'fin' | 'rst' | 'none';
}

interface Scenario {
  readonly connections: Connection[];
  /** Interleaving: which connection's next packet comes next. */
  readonly picks: number[];
  /** Cut points, as fractions of the packet count. */
  readonly cuts: number[];
  readonly pcapng: boolean[];
  readonly pattern: RingPattern;
  readonly firstNumber: number;
}

// OPEN_REQ changes the session's version for what follows (tested on its own): left out here.
const messageArb = anyMessageArb.filter((g) => g.message.type !== 'OPEN_REQ');

const connectionArb: fc.Arbitrary<Connection> = fc.record({
  steps: fc.array(fc.record({ from: fc.constantFrom('client' as const, 'server' as const), messages: fc.array(messageArb, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 5 }),
  mss: fc.integer({ min: 20, max: 1400 }),
  handshake: fc.boolean(),
  close: fc.constantFrom('fin' as const, 'rst' as const, 'none' as const),
});

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  connections: fc.array(connectionArb, { minLength: 1, maxLength: 3 }),
  picks: fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 30 }),
  cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
  pcapng: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
  pattern: fc.constantFrom('number-time' as const, 'time-number' as const),
  firstNumber: fc.constantFrom(0, 1, 99_998),
});

/** The connections' segments interleaved as the picks say. */
function interleave(sc: Scenario): FlowSegment[] {
  const flows = sc.connections.map((c, i) =>
    conversationFlow({
      client: { addr: '10.1.1.5', port: 50_000 + i },
      server: { addr: '10.1.1.2', port: 42027 },
      steps: c.steps.map((s) => ({ from: s.from, messages: s.messages.map((m) => m.message) })),
      mss: c.mss,
      handshake: c.handshake,
      close: c.close,
    }),
  );
  const at = flows.map(() => 0);
  const out: FlowSegment[] = [];
  for (let k = 0; out.length < flows.reduce((n, f) => n + f.length, 0); k++) {
    let i = sc.picks[k % sc.picks.length]! % flows.length;
    while (at[i]! >= flows[i]!.length) i = (i + 1) % flows.length;
    out.push(flows[i]![at[i]!++]!);
  }
  return out;
}

/** Cut points within 1 … n-1, ascending and distinct (at least one when n ≥ 2). */
function cutPoints(fractions: readonly number[], n: number): number[] {
  if (n < 2) return [];
  return [...new Set(fractions.map((f) => 1 + Math.min(n - 2, Math.floor(f * (n - 1)))))].sort((a, b) => a - b);
}

/** An event without where it was read (its file, frame and record), and where that is as the uncut capture's frame. */
function comparable(e: TimelineEvent, frameOf: (s: SourceRef) => number | undefined): unknown {
  if (e.kind === 'message') {
    const { source, recordOffset: _o, recordLength: _l, ...rest } = e;
    return { ...rest, frame: frameOf(source) };
  }
  const { source, ...rest } = e;
  return { ...rest, frame: frameOf(source) };
}

const root = mkdtempSync(join(tmpdir(), 'ccxcti-ring-prop-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let run = 0;

describe('ring-buffer captures', () => {
  it('cut into ring files at any packet boundaries: the same timeline as the uncut capture, attributed to each packet’s own file and frame', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (sc) => {
        const dir = join(root, `run-${run++}`);
        const packets: WrittenPacket[] = flowToEthernetPackets(interleave(sc));
        const uncutPath = join(root, `uncut-${run}.pcap`);
        writeFileSync(uncutPath, writePcap(packets, { linkType: 1, nanosecond: true }));
        const files: RingFile[] = writeRing(join(dir, 'ring'), packets, cutPoints(sc.cuts, packets.length), { firstNumber: sc.firstNumber, pattern: sc.pattern, pcapng: sc.pcapng });

        const uncut = await decodeInputs([uncutPath]);
        const ring = await decodeInputs([join(dir, 'ring')]);

        const ringInfo = ring.diagnostics.filter((d) => d.code === 'CAPTURE_RING_SET');
        expect(ringInfo).toHaveLength(files.length >= 2 ? 1 : 0);
        const ringEvents = ring.events.filter((e) => e.kind !== 'diagnostic' || e.code !== 'CAPTURE_RING_SET');
        // Same messages and diagnostics, each pointing at the same packet.
        expect(ringEvents.map((e) => comparable(e, (s) => uncutFrame(s, files)))).toEqual(uncut.events.map((e) => comparable(e, (s) => s.frame)));
        // Each message's record range is, in its own file, the record of the uncut capture's packet.
        const uncutBytes = readFileSync(uncutPath);
        const fileBytes = new Map(files.map((f) => [f.path, readFileSync(f.path)]));
        expect(ring.messages).toHaveLength(uncut.messages.length);
        ring.messages.forEach((m, i) => {
          const u = uncut.messages[i]!;
          const record = recordAt(fileBytes.get(m.source.file)!, m.recordOffset!);
          expect(record.length).toBe(m.recordLength);
          expect(record.packet).toEqual(recordAt(uncutBytes, u.recordOffset!).packet);
        });
        // Every frame reference is the file's own frame number, within the file.
        for (const e of ring.events) {
          if (e.source.frame === undefined) continue;
          const i = files.findIndex((f) => f.path === e.source.file);
          const count = (files[i + 1]?.base ?? packets.length) - files[i]!.base;
          expect(e.source.frame).toBeGreaterThanOrEqual(1);
          expect(e.source.frame).toBeLessThanOrEqual(count);
        }
        // Sessions: the same, each named after the file where it starts.
        expect(ring.sessions.map(({ file: _, ...s }) => s)).toEqual(uncut.sessions.map(({ file: _, ...s }) => s));
        expect(ring.unreadable).toEqual([]);
        for (const s of ring.sessions) expect(basename(s.file)).toMatch(/^ring_/);
        rmSync(dir, { recursive: true, force: true });
        rmSync(uncutPath, { force: true });
      }),
      { numRuns: Number(process.env.RING_RUNS ?? 60) },
    );
  }, 120_000);
});
