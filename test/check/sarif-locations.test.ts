/**
 * SARIF as code scanning reads it (docs/test-gaps.md, 2026-11-25): a capture result's region
 * is the byte range of its frame's packet record in the capture file (checked here by reading
 * the file, not through our reader), in the file of a ring set that holds the frame.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encode } from '../../src/protocol/codec/encode.js';
import { bridgeOpen, buildMessage, CHAPTER_11_FLOWS, type FlowStep } from '../fixtures/flows/chapter11.js';
import { packetRecordOffsets, recordAt } from '../support/capture-records.js';
import { writePcap, writeSimplePcapng, type WrittenPacket } from '../support/capture-writer.js';
import { ccxcti } from '../support/cli.js';
import { conversationFlow } from '../support/cti-capture.js';
import { writeRing } from '../support/ring-capture.js';
import { flowToEthernetPackets, type FlowSegment } from '../support/tcp-flow.js';
import { tempDir, writeTemp } from './capture.js';

interface SarifResult {
  readonly ruleId: string;
  readonly locations: ReadonlyArray<{
    readonly physicalLocation: { readonly artifactLocation: { readonly uri: string }; readonly region?: { readonly byteOffset?: number; readonly byteLength?: number; readonly startLine?: number } };
  }>;
  readonly properties: { readonly index?: number; readonly frame?: number; readonly messageType?: string; readonly session?: string };
}

async function sarifResults(paths: readonly string[]): Promise<SarifResult[]> {
  const r = await ccxcti(['check', '--format', 'sarif', ...paths]);
  expect(r.code, r.stderr).toBeLessThan(2);
  return (JSON.parse(r.stdout) as { runs: Array<{ results: SarifResult[] }> }).runs[0]!.results;
}

const region = (r: SarifResult) => r.locations[0]!.physicalLocation.region;

/** Two confirmations of requests never made, sent together (two REQUEST-CONF-UNMATCHED, one per InvokeID). */
const UNMATCHED: readonly number[] = [901, 902];

/**
 * The queued-and-answered flow of chapter 11 (its FIELD-RESERVED-VALUE infos), its
 * CALL_CLEARED_EVENT moved after END_CALL_EVENT (CALL-EVENT-AFTER-END), and confirmations of
 * requests never made; segments of at most `mss` bytes, so that messages span several frames.
 */
function findingsFlow(clientPort = 50311, mss = 20): FlowSegment[] {
  const q = CHAPTER_11_FLOWS.find((f) => f.id === 'queued-and-answered')!;
  const steps = [...q.steps];
  const [cleared] = steps.splice(
    steps.findIndex((s) => s.type === 'CALL_CLEARED_EVENT'),
    1,
  );
  const all: FlowStep[] = [...bridgeOpen(), ...steps, cleared!];
  return conversationFlow({
    client: { addr: '10.1.1.5', port: clientPort },
    server: { addr: '10.1.1.2', port: 42027 },
    mss,
    steps: [
      ...all.map((s) => ({ from: s.direction === 'client-to-server' ? ('client' as const) : ('server' as const), messages: [buildMessage(s.type, s.fields)] })),
      { from: 'server' as const, messages: UNMATCHED.map((id) => buildMessage('HOLD_CALL_CONF', { InvokeID: id })) },
    ],
  });
}

const START = 1_700_000_000;

let dir = '';
let segments: FlowSegment[] = [];
let packets: WrittenPacket[] = [];
let pcapPath = '';

beforeAll(() => {
  dir = tempDir();
  segments = findingsFlow();
  packets = flowToEthernetPackets(segments, START);
  pcapPath = writeTemp(dir, 'findings.pcap', writePcap(packets, { linkType: 1 }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The frames (1-based, in `segments`) that carry the first and the last byte of the server's message `bytes`. */
function framesOf(bytes: Uint8Array): { first: number; last: number } {
  const server = segments.map((s, i) => ({ s, i })).filter(({ s }) => s.dir === 1 && (s.tcp.payload?.length ?? 0) > 0);
  const stream = Buffer.concat(server.map(({ s }) => s.tcp.payload!));
  const start = stream.indexOf(Buffer.from(bytes));
  expect(start).toBeGreaterThanOrEqual(0);
  const last = start + bytes.length - 1;
  let first = 0;
  let at = 0;
  for (const { s, i } of server) {
    const n = s.tcp.payload!.length;
    if (first === 0 && start < at + n) first = i + 1;
    if (last < at + n) return { first, last: i + 1 };
    at += n;
  }
  throw new Error('message not in the stream');
}

describe('SARIF region of a capture result: the byte range of its frame’s packet record in the file', () => {
  for (const format of ['pcap', 'pcapng'] as const) {
    it(`${format}: each result's region is, read from the file, the record of the frame it names (header included)`, async () => {
      const path = format === 'pcap' ? pcapPath : writeTemp(dir, 'findings.pcapng', writeSimplePcapng(packets, 1));
      const file = readFileSync(path);
      const offsets = packetRecordOffsets(file);
      const results = (await sarifResults([path])).filter((r) => r.properties.frame !== undefined);
      for (const rule of ['CALL-EVENT-AFTER-END', 'FIELD-RESERVED-VALUE', 'REQUEST-CONF-UNMATCHED']) expect(results.map((r) => r.ruleId)).toContain(rule);
      for (const r of results) {
        const { byteOffset, byteLength, startLine } = region(r)!;
        expect(startLine).toBeUndefined(); // a binary artifact has no text region (SARIF 3.30.1)
        // The frame at that offset, counted from the file's start, is the one the result names.
        expect(offsets.indexOf(byteOffset!) + 1).toBe(r.properties.frame);
        const record = recordAt(file, byteOffset!);
        expect(byteLength).toBe(record.length);
        expect(record.packet).toEqual(packets[r.properties.frame! - 1]!.data);
      }
    });
  }

  it('a message spanning several frames: the frame that completes it (the one `frame` names)', async () => {
    const results = (await sarifResults([pcapPath])).filter((r) => r.ruleId === 'REQUEST-CONF-UNMATCHED');
    expect(results).toHaveLength(UNMATCHED.length);
    const offsets = packetRecordOffsets(readFileSync(pcapPath));
    const frames = UNMATCHED.map((id) => framesOf(encode(buildMessage('HOLD_CALL_CONF', { InvokeID: id }))));
    expect(frames.some((f) => f.first < f.last)).toBe(true); // one of them spans two frames
    frames.forEach((f, k) => expect(region(results[k]!)!.byteOffset).toBe(offsets[f.last - 1]));
  });

  it('a ring set: each region is in the file that holds the frame, at that file’s own offset', async () => {
    const ringDir = join(dir, 'ring');
    const cuts = [Math.floor(packets.length / 3), Math.floor((2 * packets.length) / 3)];
    const files = writeRing(ringDir, packets, cuts, { pcapng: [false, true, false] });
    const results = (await sarifResults([ringDir])).filter((r) => r.properties.frame !== undefined);
    const used = new Set<string>();
    for (const r of results) {
      const uri = r.locations[0]!.physicalLocation.artifactLocation.uri;
      const file = files.find((f) => f.path.endsWith(`/${uri.split('/').pop()!}`))!;
      used.add(file.path);
      const { byteOffset, byteLength } = region(r)!;
      const record = recordAt(readFileSync(file.path), byteOffset!);
      expect(byteLength).toBe(record.length);
      // The packet of the uncut capture at the file's base plus the file's own frame number.
      expect(record.packet).toEqual(packets[file.base + r.properties.frame! - 1]!.data);
    }
    expect(used.size).toBeGreaterThanOrEqual(2);
  });

  it('a gzip-compressed capture: no region (the reader’s offsets are the decompressed bytes’)', async () => {
    const { gzipSync } = await import('node:zlib');
    const gz = writeTemp(dir, 'findings.pcap.gz', gzipSync(readFileSync(pcapPath)));
    const results = await sarifResults([gz]);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(region(r)).toBeUndefined();
  });
});
