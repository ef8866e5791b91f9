/**
 * Ring-buffer captures read as one (pipeline/ring-set.ts, capture-source.ts): a connection
 * continues from one file into the next; missing and damaged files are reported against
 * their own names; one file of the set is open at a time; `check` sees one session.
 */
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { openTimeline } from '../../src/pipeline/open-timeline.js';
import type { EncodableMessage } from '../../src/protocol/codec/encode.js';
import { ETH_IPV4, ethernet, ipv4Fragments, type WrittenPacket } from '../support/capture-writer.js';
import type { InputDiagnostic } from '../../src/timeline/types.js';
import { ccxcti } from '../support/cli.js';
import { conversationFlow } from '../support/cti-capture.js';
import { decodeInputs, RING_OPTIONS, uncutFrame, writeRing } from '../support/ring-capture.js';
import { flowToEthernetPackets } from '../support/tcp-flow.js';

const root = mkdtempSync(join(tmpdir(), 'ccxcti-ring-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = (): string => join(root, `case-${n++}`);

const heartbeat = (i: number): EncodableMessage => ({ type: 'HEARTBEAT_REQ', fields: { InvokeID: i } });
const heartbeatConf = (i: number): EncodableMessage => ({ type: 'HEARTBEAT_CONF', fields: { InvokeID: i } });

/** One CTI connection of `count` heartbeats and their confirmations (12 bytes each) in 5-byte segments: each message spans three packets. */
function heartbeats(count: number, port = 50311, startSec = 1_700_000_000): WrittenPacket[] {
  const steps = [];
  for (let i = 1; i <= count; i++) steps.push({ from: 'client' as const, messages: [heartbeat(i)] }, { from: 'server' as const, messages: [heartbeatConf(i)] });
  return flowToEthernetPackets(conversationFlow({ client: { addr: '10.1.1.5', port }, server: { addr: '10.1.1.2', port: 42027 }, steps, mss: 5 }), startSec);
}

describe('a connection running from one ring file into the next', () => {
  it('is one session, every message whole, pointing at its own file and frame', async () => {
    const packets = heartbeats(20);
    const dir = freshDir();
    // Cuts inside messages (and between two).
    const files = writeRing(dir, packets, [11, 31, 32, 64]);
    const r = await decodeInputs([dir]);
    expect(r.sessions).toHaveLength(1);
    expect(r.sessions[0]).toMatchObject({ roleBasis: 'syn', closedBy: 'fin', messages: 40, unaccountedBytes: { 'client-to-server': 0, 'server-to-client': 0 }, file: files[0]!.path });
    expect(r.messages.map((m) => m.message.fields.InvokeID)).toEqual(Array.from({ length: 40 }, (_, i) => 1 + (i >> 1)));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['CAPTURE_RING_SET']);
    expect(r.diagnostics[0]!.message).toBe(`5 files read as one ring-buffer capture (TCP connections continue from one file into the next), from ${files[0]!.path} to ${files[4]!.path}`);
    // A message completed by the first packet of the next file points there: that file's frame 1.
    const uncut = await decodeInputs([writeRing(join(dir, 'uncut'), packets, [])[0]!.path]);
    expect(r.messages.map((m) => uncutFrame(m.source, files))).toEqual(uncut.messages.map((m) => m.source.frame));
    expect(r.messages.some((m) => m.source.file === files[1]!.path && m.source.frame === 1)).toBe(true);
  });

  it('an empty file (a header, no packet) in the middle: said against it, the frames after it still exact', async () => {
    const packets = heartbeats(10);
    const dir = freshDir();
    const files = writeRing(dir, packets, [11, 11, 11, 20]);
    const r = await decodeInputs([dir]);
    const uncut = await decodeInputs([writeRing(join(dir, 'uncut'), packets, [])[0]!.path]);
    expect(r.messages.map((m) => [m.source.file, uncutFrame(m.source, files)])).toEqual(uncut.messages.map((m) => [expect.any(String), m.source.frame]));
    expect(r.messages.filter((m) => m.source.file === files[1]!.path || m.source.file === files[2]!.path)).toEqual([]);
    expect(r.diagnostics.filter((d) => d.code === 'CAPTURE_NO_PACKETS').map((d) => d.source.file)).toEqual([files[1]!.path, files[2]!.path]);
    expect(r.sessions).toHaveLength(1);
    expect(r.unreadable).toEqual([]);
  });

  it('a missing middle file: said once with its number, its data a TCP gap, the rest decoded', async () => {
    const packets = heartbeats(20);
    const dir = freshDir();
    const files = writeRing(dir, packets, [30, 50, 70]);
    rmSync(files[1]!.path);
    const r = await decodeInputs([dir]);
    const missing = r.diagnostics.filter((d) => d.code === 'CAPTURE_RING_FILE_MISSING');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'info', source: { file: files[2]!.path } });
    expect(missing[0]!.message).toContain(`ring file number 00002 is missing between ${files[0]!.path} and ${files[2]!.path}`);
    expect(r.sessions).toHaveLength(1);
    const gaps = r.diagnostics.filter((d) => d.code === 'STREAM_GAP');
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.every((g) => g.session === r.sessions[0]!.id && g.severity === 'warning')).toBe(true);
    // Nothing from the missing file; everything after it that is whole.
    expect(r.messages.every((m) => m.source.file !== files[1]!.path)).toBe(true);
    expect(r.messages.filter((m) => m.source.file === files[3]!.path).length).toBeGreaterThan(5);
  });

  it('an IP fragment never completed in an earlier file is named by its own file and frame, in the text too', async () => {
    const packets = heartbeats(10);
    const first = ipv4Fragments({ src: '10.9.9.1', dst: '10.9.9.2', protocol: 6, payload: new Uint8Array(600), id: 4242 }, 256)[0]!;
    const at = packets[2]!;
    // Inserted as the 4th packet; the datagram's other fragments never come.
    const withFragment: WrittenPacket[] = [...packets.slice(0, 3), { sec: at.sec, nsec: at.nsec + 1, data: ethernet(first, ETH_IPV4) }, ...packets.slice(3)];
    const files = writeRing(freshDir(), withFragment, [20]);
    const incomplete = (r: { diagnostics: readonly InputDiagnostic[] }): InputDiagnostic[] => r.diagnostics.filter((d) => d.code === 'IP_FRAGMENT_INCOMPLETE');
    const ring = incomplete(await decodeInputs([files[0]!.path, files[1]!.path]));
    expect(ring).toHaveLength(1);
    expect(ring[0]!.source).toEqual({ file: files[0]!.path, frame: 4 });
    expect(ring[0]!.message).toMatch(new RegExp(`^fragmented datagram first seen in frame 4 of ${files[0]!.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `));
    // In the second file (and the last, being read when the capture ends): its own frame number there.
    const later = writeRing(freshDir(), withFragment, [2]);
    const second = incomplete(await decodeInputs([later[0]!.path, later[1]!.path]));
    expect(second.map((d) => [d.source, d.message.startsWith('fragmented datagram first seen in frame 2 incomplete')])).toEqual([[{ file: later[1]!.path, frame: 2 }, true]]);
    // One file: the frame alone, as before.
    const single = writeRing(freshDir(), withFragment, []);
    const alone = incomplete(await decodeInputs([single[0]!.path]));
    expect(alone.map((d) => [d.source, d.message.startsWith('fragmented datagram first seen in frame 4 ')])).toEqual([[{ file: single[0]!.path, frame: 4 }, true]]);
  });

  it('truncated files (a middle one, the last): the reader says so against each file when it ends; the session closes at the end of the capture', async () => {
    const packets = heartbeats(20);
    const dir = freshDir();
    const files = writeRing(dir, packets, [40, 80]);
    for (const f of files.slice(1)) truncateSync(f.path, Math.floor(statSync(f.path).size / 2) + 3);
    const r = await decodeInputs([dir]);
    expect(r.diagnostics.filter((d) => d.code === 'PCAP_TRUNCATED_RECORD').map((d) => d.source.file)).toEqual([files[1]!.path, files[2]!.path]);
    // The middle file's truncation comes when that file ends: before anything of the last file.
    const cutAt = r.events.findIndex((e) => e.kind === 'diagnostic' && e.code === 'PCAP_TRUNCATED_RECORD');
    expect(r.events.slice(0, cutAt).some((e) => e.source.file === files[2]!.path)).toBe(false);
    expect(r.sessions).toHaveLength(1);
    expect(r.sessions[0]!.closedBy).toBe('end-of-capture');
    expect(r.messages.filter((m) => m.source.file === files[2]!.path).length).toBeGreaterThan(5);
  });

  it('a file of the set whose header cannot be read (and holds no packet) is unreadable: exit 2 naming it, the others decoded', async () => {
    const packets = heartbeats(10);
    const dir = freshDir();
    const files = writeRing(dir, packets, [20, 30]);
    truncateSync(files[1]!.path, 10);
    const r = await ccxcti(['decode', dir, '--format', 'ndjson']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`ccxcti: cannot read ${files[1]!.path}: `);
    expect(r.stdout.split('\n').filter((l) => l !== '').length).toBeGreaterThan(5);
    const stats = await decodeInputs([dir]);
    expect(stats.unreadable).toHaveLength(1);
    expect(stats.sessions).toHaveLength(1);
  });

  it('ring files given one by one, in any order, are the same set', async () => {
    const packets = heartbeats(8);
    const dir = freshDir();
    const files = writeRing(dir, packets, [10, 20]);
    const fromDir = await decodeInputs([dir]);
    const named = await decodeInputs([files[2]!.path, files[0]!.path, files[1]!.path]);
    expect(named.events).toEqual(fromDir.events);
    expect(named.sessions).toHaveLength(1);
  });
});

const fdDir = '/proc/self/fd';
const withFds = existsSync(fdDir) ? it : it.skip;

describe('resources', () => {
  withFds('one file of a set is open at a time, and a later set is opened only when the timeline reaches it (file descriptors counted while reading)', async () => {
    const dir = freshDir();
    // Two ring buffers one after the other in time (given in the other order).
    const later = heartbeats(1000, 50312, 1_700_100_000);
    const earlier = heartbeats(1000, 50311, 1_700_000_000);
    const cuts = (packets: readonly WrittenPacket[]): number[] => Array.from({ length: 5 }, (_, i) => (i + 1) * Math.floor(packets.length / 6));
    const files = [...writeRing(join(dir, 'b'), later, cuts(later)), ...writeRing(join(dir, 'a'), earlier, cuts(earlier))];
    const paths = new Set(files.map((f) => f.path));
    const ringFds = (): number =>
      readdirSync(fdDir).filter((fd) => {
        try {
          return paths.has(realTarget(fd));
        } catch {
          return false; // closed meanwhile
        }
      }).length;
    const timeline = await openTimeline([join(dir, 'b'), join(dir, 'a')], RING_OPTIONS, new PassThrough());
    expect(ringFds()).toBe(0);
    let most = 0;
    let batches = 0;
    for await (const _ of timeline.batches) {
      most = Math.max(most, ringFds());
      batches++;
    }
    expect(batches).toBeGreaterThan(files.length);
    expect(most).toBe(1);
    expect(ringFds()).toBe(0);
    expect(timeline.sessions()).toHaveLength(2);
  });
});

/** What a file descriptor of this process points at. */
function realTarget(fd: string): string {
  return readlinkSync(join(fdDir, fd));
}

describe('ccxcti check', () => {
  it('sees a session spanning ring files as one session, with the findings of the uncut capture', async () => {
    const packets = heartbeats(12);
    const dir = freshDir();
    writeRing(dir, packets, [15, 16, 40]);
    const whole = writeRing(join(root, `whole-${n}`), packets, [])[0]!.path;
    const ring = await ccxcti(['check', dir, '--format', 'json']);
    const uncut = await ccxcti(['check', whole, '--format', 'json']);
    type Report = { findings: Array<{ rule: string; message: string; at: { index: number; session: string } }>; summary: { sessions: number; messages: number } };
    const a = JSON.parse(ring.stdout) as Report;
    const b = JSON.parse(uncut.stdout) as Report;
    expect(ring.code).toBe(uncut.code);
    expect(a.summary.sessions).toBe(1);
    expect({ ...a.summary, inputs: 0 }).toEqual({ ...b.summary, inputs: 0 });
    expect(a.findings.map((f) => [f.rule, f.message, f.at.index, f.at.session])).toEqual(b.findings.map((f) => [f.rule, f.message, f.at.index, f.at.session]));
  });
});
