/**
 * SARIF as code scanning reads it (docs/test-gaps.md, 2026-11-25): a capture result's region
 * is the byte range of its frame's packet record in the capture file (checked here by reading
 * the file, not through our reader), in the file of a ring set that holds the frame; every
 * result has a `partialFingerprints` that says what the finding is about, the same when the
 * capture is moved, captured again from another client port or has packets inserted before,
 * and different for distinct findings.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encode } from '../../src/protocol/codec/encode.js';
import { FINGERPRINT_KEY, sessionEndpoints } from '../../src/check/report/fingerprint.js';
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
  readonly partialFingerprints?: Readonly<Record<string, string>>;
  readonly properties: { readonly index?: number; readonly frame?: number; readonly messageType?: string; readonly session?: string };
}

async function sarifResults(paths: readonly string[]): Promise<SarifResult[]> {
  const r = await ccxcti(['check', '--format', 'sarif', ...paths]);
  expect(r.code, r.stderr).toBeLessThan(2);
  return (JSON.parse(r.stdout) as { runs: Array<{ results: SarifResult[] }> }).runs[0]!.results;
}

const fingerprint = (r: SarifResult): string => r.partialFingerprints![FINGERPRINT_KEY]!;
const region = (r: SarifResult) => r.locations[0]!.physicalLocation.region;

/** Two confirmations of requests never made, sent together (two REQUEST-CONF-UNMATCHED, one per InvokeID). */
const UNMATCHED: readonly number[] = [901, 902];

/**
 * The queued-and-answered flow of chapter 11 (its FIELD-RESERVED-VALUE infos), its
 * CALL_CLEARED_EVENT moved after END_CALL_EVENT (CALL-EVENT-AFTER-END), and confirmations of
 * requests never made; segments of at most `mss` bytes, so that messages span several frames.
 */
function findingsFlow(clientPort = 50311, mss = 20, unmatched: readonly number[] = UNMATCHED): FlowSegment[] {
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
      { from: 'server' as const, messages: unmatched.map((id) => buildMessage('HOLD_CALL_CONF', { InvokeID: id })) },
    ],
  });
}

/** Packets of another client's connection: its handshake and a HEARTBEAT_REQ, from `sec` on. */
function unrelatedPackets(sec: number): WrittenPacket[] {
  const segments = conversationFlow({
    client: { addr: '10.9.9.9', port: 40000 },
    server: { addr: '10.1.1.2', port: 42027 },
    close: 'none',
    steps: [{ from: 'client', messages: [buildMessage('HEARTBEAT_REQ', { InvokeID: 7 })] }],
  });
  return flowToEthernetPackets(segments, sec);
}

const START = 1_700_000_000;
const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));

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

  it('a ring set with a gzip-compressed file: no region in that file, regions in the others', async () => {
    const { gzipSync } = await import('node:zlib');
    const { writeFileSync } = await import('node:fs');
    const ringDir = join(dir, 'ring-gz');
    const cuts = [Math.floor(packets.length / 3), Math.floor((2 * packets.length) / 3)];
    const files = writeRing(ringDir, packets, cuts);
    // The first file compressed under its own name (told by its magic bytes), so that the set stays one.
    const gzName = files[0]!.path.split('/').pop()!;
    writeFileSync(files[0]!.path, gzipSync(readFileSync(files[0]!.path)));
    const results = (await sarifResults([ringDir])).filter((r) => r.properties.frame !== undefined);
    const inFile = (r: SarifResult): string => r.locations[0]!.physicalLocation.artifactLocation.uri.split('/').pop()!;
    const gzResults = results.filter((r) => inFile(r) === gzName);
    const plain = results.filter((r) => inFile(r) !== gzName);
    expect(gzResults.length).toBeGreaterThan(0);
    expect(plain.length).toBeGreaterThan(0);
    for (const r of gzResults) expect(region(r)).toBeUndefined();
    for (const r of plain) {
      const file = files.find((f) => f.path.endsWith(`/${inFile(r)}`))!;
      const { byteOffset, byteLength } = region(r)!;
      const record = recordAt(readFileSync(file.path), byteOffset!);
      expect(byteLength).toBe(record.length);
      expect(record.packet).toEqual(packets[file.base + r.properties.frame! - 1]!.data);
    }
  });

  it('a gzip-compressed capture: no region (the reader’s offsets are the decompressed bytes’), the same fingerprints', async () => {
    const { gzipSync } = await import('node:zlib');
    const gz = writeTemp(dir, 'findings.pcap.gz', gzipSync(readFileSync(pcapPath)));
    const results = await sarifResults([gz]);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(region(r)).toBeUndefined();
    expect(results.map(fingerprint)).toEqual((await sarifResults([pcapPath])).map(fingerprint));
  });
});

describe('SARIF partialFingerprints: what the finding is about, not where it was found', () => {
  it('every result has one, under a versioned key; distinct findings, of the same rule too, have distinct ones', async () => {
    const results = await sarifResults([pcapPath, SAMPLES]);
    for (const r of results) expect(fingerprint(r)).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(results.map(fingerprint)).size).toBe(results.length);
    const unmatched = results.filter((r) => r.ruleId === 'REQUEST-CONF-UNMATCHED');
    expect(unmatched).toHaveLength(2);
    expect(fingerprint(unmatched[0]!)).not.toBe(fingerprint(unmatched[1]!));
    // Log results (a line each) have them too.
    expect(results.some((r) => region(r)?.startLine !== undefined)).toBe(true);
  });

  it('the same capture under another path and name: the same fingerprints', async () => {
    const elsewhere = join(dir, 'moved', 'deeper');
    mkdirSync(elsewhere, { recursive: true });
    const copy = join(elsewhere, 'renamed.pcap');
    copyFileSync(pcapPath, copy);
    const before = await sarifResults([pcapPath]);
    const after = await sarifResults([copy]);
    expect(after.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)).not.toEqual(before.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri));
    expect(after.map(fingerprint)).toEqual(before.map(fingerprint));
  });

  it('unrelated packets inserted before (another client’s connection): indices, frames and offsets shift, fingerprints do not', async () => {
    const inserted = unrelatedPackets(START - 1);
    const shifted = writeTemp(dir, 'shifted.pcap', writePcap([...inserted, ...packets], { linkType: 1 }));
    const before = await sarifResults([pcapPath]);
    const after = new Map((await sarifResults([shifted])).map((r) => [fingerprint(r), r]));
    expect(before.length).toBeGreaterThan(0);
    for (const r of before) {
      const same = after.get(fingerprint(r));
      expect(same, `${r.ruleId} #${r.properties.index}`).toBeDefined();
      expect(same!.ruleId).toBe(r.ruleId);
      expect(same!.properties.messageType).toBe(r.properties.messageType);
      expect(same!.properties.index).toBe(r.properties.index! + 1);
      expect(same!.properties.frame).toBe(r.properties.frame! + inserted.length);
      expect(region(same!)!.byteOffset).toBeGreaterThan(region(r)!.byteOffset!);
    }
  });

  it('the same traffic captured again from another client port (a new connection): the same fingerprints', async () => {
    const again = writeTemp(dir, 'again.pcap', writePcap(flowToEthernetPackets(findingsFlow(50999), START + 3600), { linkType: 1 }));
    const before = await sarifResults([pcapPath]);
    const after = await sarifResults([again]);
    expect(after.map((r) => r.properties.session)).not.toEqual(before.map((r) => r.properties.session));
    expect(after.map(fingerprint)).toEqual(before.map(fingerprint));
  });

  it('a finding keeps its fingerprint when an earlier one of the same rule and type is gone (fixed): it is named by its key', async () => {
    const fixed = writeTemp(dir, 'fixed.pcap', writePcap(flowToEthernetPackets(findingsFlow(50311, 20, [UNMATCHED[1]!]), START), { linkType: 1 }));
    const before = (await sarifResults([pcapPath])).filter((r) => r.ruleId === 'REQUEST-CONF-UNMATCHED');
    const after = (await sarifResults([fixed])).filter((r) => r.ruleId === 'REQUEST-CONF-UNMATCHED');
    expect(after).toHaveLength(1);
    expect(fingerprint(after[0]!)).toBe(fingerprint(before[1]!));
  });

  it('a session is named by its client address and its server, without the client’s port or instance', () => {
    expect(sessionEndpoints('10.1.1.5:50311-10.1.1.2:42027#1')).toBe('10.1.1.5>10.1.1.2:42027');
    expect(sessionEndpoints('10.1.1.5:50999-10.1.1.2:42027#3')).toBe('10.1.1.5>10.1.1.2:42027');
    expect(sessionEndpoints('[2001:db8::5]:50311-[2001:db8::2]:42027#1')).toBe('[2001:db8::5]>[2001:db8::2]:42027');
  });
});
