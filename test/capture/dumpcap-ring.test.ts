/**
 * A ring-buffer set written by dumpcap itself during a live capture (samples/ring/, made by
 * `scripts/samples/make-capture-samples.ts --ring`: the sample conversation played over
 * 127.0.0.1 while `dumpcap -b packets:N` captured it, one bridge-server write cut inside a
 * CALL_DATA_UPDATE_EVENT so that the first file ends in the middle of that message).
 *
 * Read as one capture — the directory or the files named one by one, in any order: one
 * CAPTURE_RING_SET note, one session per CTI connection, exactly the bytes that were sent,
 * nothing lost at the file boundaries; each message attributed to the file and the frame
 * within it that brought its last byte, as tshark numbers and sequences the packets of each
 * file; the streams, the messages and the `check` report those of `mergecap` of the files.
 * The parts that ask tshark or mergecap skip when they are not installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackScript, ringScript, ringSplit, SAMPLE_CONNECTIONS } from '../../scripts/samples/make-capture-samples.js';
import { collectCaptureFiles, type CollectedConnection } from '../support/capture-events.js';
import { readFrames } from '../support/capture-frames.js';
import { ccxcti } from '../support/cli.js';
import { tsharkFollowAll, tsharkTcpSegments, tsharkVersion } from '../support/tshark.js';

const RING = 'samples/ring';
const NAME = /^cti-ring_(\d{5})_(\d{14})\.pcapng$/;
const FILES = existsSync(RING)
  ? readdirSync(RING)
      .sort()
      .map((n) => join(RING, n))
  : [];
if (FILES.length === 0) console.warn('dumpcap-ring: samples/ring/ is missing — skipping (node dist/scripts/samples/make-capture-samples.js --ring)');

const hasTshark = tsharkVersion() !== null;
const hasMergecap = spawnSync('mergecap', ['-v'], { encoding: 'utf8' }).status === 0;
if (!hasTshark) console.warn('dumpcap-ring: tshark is not installed — skipping the checks of the dumpcap ring set against tshark (apt-get install tshark)');
if (!hasMergecap) console.warn('dumpcap-ring: mergecap is not installed — skipping the comparisons with the merged ring set (apt-get install wireshark-common)');

type Direction = 'client-to-server' | 'server-to-client';

interface Line {
  readonly type: string;
  readonly bodyLength: number;
  readonly session: string;
  readonly direction: Direction;
  readonly diagnostics: ReadonlyArray<{ code: string }>;
  readonly source: { file: string; frame: number };
  readonly [key: string]: unknown;
}

interface Session {
  readonly id: string;
  readonly file: string;
  readonly client: { addr: string; port: number };
  readonly server: { addr: string; port: number };
  readonly [key: string]: unknown;
}

interface Document {
  readonly messages: Line[];
  readonly diagnostics: Array<{ severity: string; code: string; message: string; source: { file: string } }>;
  readonly sessions: Session[];
}

const lines = (text: string): Line[] =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);

async function decodeJson(...inputs: string[]): Promise<Document> {
  const r = await ccxcti(['decode', ...inputs, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Document;
}

/** What was sent, per connection of the script: each side's bytes and message types. */
function sent(): Array<{ bytes: [Buffer, Buffer]; types: [string[], string[]] }> {
  const script = loopbackScript();
  return SAMPLE_CONNECTIONS.map((_, conn) => {
    const chunks = script.chunks.filter((c) => c.conn === conn);
    const side = (from: 'client' | 'server'): Buffer => Buffer.concat(chunks.filter((c) => c.from === from).map((c) => Buffer.from(c.hex, 'hex')));
    const types = (from: 'client' | 'server'): string[] => chunks.filter((c) => c.from === from).flatMap((c) => c.messages.filter((m) => m !== '(not CTI)'));
    return { bytes: [side('client'), side('server')], types: [types('client'), types('server')] };
  });
}

/** The end offsets of the CTI messages of a stream, framed by their 8-byte headers (MessageLength: the body's length). */
function messageEnds(stream: Buffer): number[] {
  const ends: number[] = [];
  let at = 0;
  while (at + 8 <= stream.length) {
    at += 8 + stream.readUInt32BE(at);
    ends.push(at);
  }
  expect(at).toBe(stream.length);
  return ends;
}

const DIRECTIONS: readonly Direction[] = ['client-to-server', 'server-to-client'];
const endpoint = (e: { addr: string; port: number }): string => `${e.addr}:${e.port}`;

describe.skipIf(FILES.length === 0)('a ring-buffer set written by dumpcap (samples/ring/)', () => {
  it('is 3–6 small pcapng files written by dumpcap, named and cut as dumpcap -b packets:N does', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(3);
    expect(FILES.length).toBeLessThanOrEqual(6);
    FILES.forEach((f, i) => {
      const m = NAME.exec(f.slice(RING.length + 1));
      expect(m, f).not.toBeNull();
      expect(Number(m![1])).toBe(i + 1);
      // dumpcap's own section header (shb_userappl).
      expect(readFileSync(f).includes('Dumpcap (Wireshark)'), f).toBe(true);
    });
    expect(FILES.reduce((sum, f) => sum + statSync(f).size, 0)).toBeLessThan(60_000);
    const counts = FILES.map((f) => readFrames(new Uint8Array(readFileSync(f))).frames.length);
    const perFile = counts[0]!;
    expect(counts.slice(0, -1)).toEqual(counts.slice(0, -1).map(() => perFile));
    expect(counts[counts.length - 1]).toBeGreaterThan(0);
    expect(counts[counts.length - 1]).toBeLessThanOrEqual(perFile);
  });

  it('what the script sent: the sample conversation, one bridge-server write cut in two', () => {
    const whole = loopbackScript();
    const ring = ringScript();
    const split = ringSplit(whole);
    expect(ring.chunks).toHaveLength(whole.chunks.length + 1);
    const joined = (script: typeof whole, conn: number, from: string): string =>
      script.chunks
        .filter((c) => c.conn === conn && c.from === from)
        .map((c) => c.hex)
        .join('');
    for (let conn = 0; conn < SAMPLE_CONNECTIONS.length; conn++) {
      for (const from of ['client', 'server']) expect(joined(ring, conn, from)).toBe(joined(whole, conn, from));
    }
    expect(ring.chunks[split.chunk]!.hex).toBe(split.first.toString('hex'));
    expect(ring.chunks[split.chunk + 1]!.hex).toBe(split.second.toString('hex'));
    // The cut is inside the first message's body.
    expect(split.first.length).toBeGreaterThan(8);
    expect(split.first.length).toBeLessThan(8 + split.first.readUInt32BE(0));
  });

  it('reassembled across the files: every connection whole, exactly the bytes that were sent', () => {
    const result = collectCaptureFiles(
      FILES.map((f) => new Uint8Array(readFileSync(f))),
      {},
      [100_000, 7, 4096],
    );
    expect(result.violations).toEqual([]);
    expect(result.diagnostics).toEqual([]);
    const want = sent();
    expect(result.connections).toHaveLength(want.length);
    result.connections.forEach((c, i) => {
      expect(c.info.synSeen).toBe(true);
      expect(c.info.b.port).toBe(SAMPLE_CONNECTIONS[i]!.port);
      expect(c.closeReason).toBe('fin');
      for (const dir of [0, 1] as const) {
        expect(c.dirs[dir].gaps, `connection ${i} dir ${dir}`).toEqual([]);
        expect(Buffer.from(c.dirs[dir].data).equals(want[i]!.bytes[dir]), `connection ${i} dir ${dir}`).toBe(true);
      }
    });
  });

  it('decodes as one capture: one CAPTURE_RING_SET note, one session per CTI connection, the messages that were sent, no gap', async () => {
    const doc = await decodeJson(RING);
    expect(doc.diagnostics.map((d) => [d.severity, d.code, d.source.file])).toEqual([['info', 'CAPTURE_RING_SET', FILES[0]]]);
    expect(doc.diagnostics[0]!.message).toBe(
      `${FILES.length} files read as one ring-buffer capture (TCP connections continue from one file into the next), from ${FILES[0]} to ${FILES[FILES.length - 1]}`,
    );
    const messageCodes = doc.messages.flatMap((m) => m.diagnostics.map((d) => d.code));
    expect(messageCodes.filter((c) => c.startsWith('STREAM_'))).toEqual([]);
    // The CTI connections (the HTTP one is not a session), one session each, in the order they opened.
    const want = sent();
    const cti = SAMPLE_CONNECTIONS.map((c, i) => ({ ...c, i })).filter((c) => c.party !== 'http');
    expect(doc.sessions).toHaveLength(cti.length);
    expect(new Set(doc.sessions.map((s) => s.client.port)).size).toBe(cti.length);
    doc.sessions.forEach((s, k) => {
      const conn = cti[k]!;
      expect(s).toMatchObject({ file: FILES[0], server: { port: conn.port }, roleBasis: 'syn', version: conn.version, closedBy: 'fin', unaccountedBytes: { 'client-to-server': 0, 'server-to-client': 0 } });
      expect(s.heuristic).toBe(conn.port !== 42027);
      DIRECTIONS.forEach((direction, dir) => {
        const types = doc.messages.filter((m) => m.session === s.id && m.direction === direction).map((m) => m.type);
        expect(types, `${conn.party} ${direction}`).toEqual(want[conn.i]!.types[dir]);
      });
    });
    expect(doc.messages).toHaveLength(232);
  });

  it('the files named one by one, in any order, decode as the directory does', async () => {
    const dir = await ccxcti(['decode', RING, '--format', 'ndjson']);
    expect(dir.code).toBe(0);
    for (const order of [FILES, [...FILES].reverse(), [FILES[2]!, ...FILES.filter((_, i) => i !== 2)]]) {
      const named = await ccxcti(['decode', ...order, '--format', 'ndjson']);
      expect(named.code).toBe(0);
      expect(named.stdout).toBe(dir.stdout);
      expect(named.stderr).toBe(dir.stderr);
    }
  });
});

describe.skipIf(FILES.length === 0 || !hasTshark)(`the dumpcap ring set against ${tsharkVersion() ?? 'tshark'}`, () => {
  it("each message points at the file and the frame within it that brought its last byte, as tshark sees each file's packets", async () => {
    // Every TCP segment of every file, in capture order, with its file.
    const segments = FILES.flatMap((file) => tsharkTcpSegments(file).map((s) => ({ ...s, file })));
    // Each connection's client (the sender of its first SYN) and each direction's initial sequence number.
    const clientOf = new Map<string, string>();
    const isn = new Map<string, number>();
    const pair = (a: string, b: string): string => [a, b].sort().join(' ');
    for (const s of segments) {
      if (!s.syn) continue;
      if (!clientOf.has(pair(s.src, s.dst))) clientOf.set(pair(s.src, s.dst), s.src);
      isn.set(`${s.src}>${s.dst}`, s.seqRaw);
    }
    const offset = (s: (typeof segments)[number]): number => (s.seqRaw - isn.get(`${s.src}>${s.dst}`)! - 1 + 2 ** 32) % 2 ** 32;
    /** The first segment (in capture order) from `src` to `dst` that holds stream byte `at`. */
    const holding = (src: string, dst: string, at: number): (typeof segments)[number] => {
      const s = segments.find((g) => g.src === src && g.dst === dst && g.len > 0 && offset(g) <= at && at < offset(g) + g.len);
      expect(s, `no segment ${src} → ${dst} holds byte ${at}`).toBeDefined();
      return s!;
    };
    // The connections in the order their SYNs came: the script's connections.
    const clients = [...clientOf.entries()];
    expect(clients).toHaveLength(SAMPLE_CONNECTIONS.length);

    const decoded = lines((await ccxcti(['decode', RING, '--format', 'ndjson'])).stdout);
    const doc = await decodeJson(RING);
    const want = sent();
    const spanning: Array<{ type: string; party: string; from: string; to: string }> = [];
    let checked = 0;
    for (const session of doc.sessions) {
      const k = clients.findIndex(([, client]) => client === endpoint(session.client));
      expect(k, session.id).toBeGreaterThanOrEqual(0);
      // The session starts in the file of its SYN.
      expect(session.file).toBe(segments.find((s) => s.syn && s.src === endpoint(session.client))!.file);
      DIRECTIONS.forEach((direction, dir) => {
        const [src, dst] = dir === 0 ? [endpoint(session.client), endpoint(session.server)] : [endpoint(session.server), endpoint(session.client)];
        const ends = messageEnds(want[k]!.bytes[dir]);
        const messages = decoded.filter((m) => m.session === session.id && m.direction === direction);
        expect(messages).toHaveLength(ends.length);
        messages.forEach((m, i) => {
          const last = holding(src, dst, ends[i]! - 1);
          expect(m.source, `${session.id} ${direction} #${i} ${m.type}`).toEqual({ file: last.file, frame: last.frame });
          const first = holding(src, dst, ends[i]! - 8 - m.bodyLength);
          if (first.file !== last.file) spanning.push({ type: m.type, party: SAMPLE_CONNECTIONS[k]!.party, from: first.file, to: last.file });
          checked++;
        });
      });
    }
    expect(checked).toBe(232);
    // The message cut by the first file's end: begun in the first file, completed in the second.
    expect(spanning).toEqual([{ type: 'CALL_DATA_UPDATE_EVENT', party: 'bridge', from: FILES[0], to: FILES[1] }]);
    // Every connection runs over several files; the bridge's over all of them.
    for (const [key] of clients) {
      const files = new Set(segments.filter((s) => pair(s.src, s.dst) === key).map((s) => s.file));
      expect(files.size, key).toBeGreaterThan(1);
    }
    expect(new Set(segments.filter((s) => pair(s.src, s.dst) === clients[0]![0]).map((s) => s.file)).size).toBe(FILES.length);
  });
});

describe.skipIf(FILES.length === 0 || !hasTshark || !hasMergecap)('the dumpcap ring set against mergecap of its files', () => {
  let dir = '';
  let merged = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ccxcti-dumpcap-ring-'));
    merged = join(dir, 'merged.pcapng');
    const r = spawnSync('mergecap', ['-w', merged, ...FILES], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`mergecap failed: ${r.stderr}`);
  });
  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it("each direction's bytes, reassembled across the files, are tshark's follow,tcp,raw of the merged capture", () => {
    const ours = collectCaptureFiles(FILES.map((f) => new Uint8Array(readFileSync(f))));
    const follows = tsharkFollowAll(merged);
    expect(follows).toHaveLength(ours.connections.length);
    for (const f of follows) {
      const conn: CollectedConnection | undefined = ours.connections.find((c) => [endpoint(c.info.a), endpoint(c.info.b)].sort().join(' ') === [f.node0, f.node1].sort().join(' '));
      expect(conn, `tshark stream ${f.stream} (${f.node0} ↔ ${f.node1})`).toBeDefined();
      const flip = endpoint(conn!.info.a) !== f.node0;
      for (const node of [0, 1] as const) {
        const data = Buffer.from(conn!.dirs[flip ? 1 - node : node].data);
        expect(data.length, `stream ${f.stream} node ${node}`).toBe(f.data[node].length);
        expect(data.equals(Buffer.from(f.data[node])), `stream ${f.stream} node ${node}`).toBe(true);
      }
    }
  });

  it('decodes to the messages of the merged capture, each from the same packet', async () => {
    const ring = await ccxcti(['decode', RING, '--format', 'ndjson']);
    const one = await ccxcti(['decode', merged, '--format', 'ndjson']);
    const got = lines(ring.stdout);
    const want = lines(one.stdout);
    expect(got.map(({ source: _, ...rest }) => rest)).toEqual(want.map(({ source: _, ...rest }) => rest));
    // Frame f of file k is frame (frames of the files before k) + f of the merged capture.
    const counts = FILES.map((f) => readFrames(new Uint8Array(readFileSync(f))).frames.length);
    const base = (file: string): number => counts.slice(0, FILES.indexOf(file)).reduce((a, b) => a + b, 0);
    expect(got.map((l) => base(l.source.file) + l.source.frame)).toEqual(want.map((l) => l.source.frame));
    const notes = (text: string): string[] => text.split('\n').filter((l) => l !== '' && !l.includes('CAPTURE_RING_SET'));
    expect(notes(ring.stderr)).toEqual(notes(one.stderr));
    const sessions = async (input: string): Promise<unknown[]> => (await decodeJson(input)).sessions.map(({ file: _, ...s }) => s);
    expect(await sessions(RING)).toEqual(await sessions(merged));
  });

  it('check reports on the set what it reports on the merged capture (the directory or the files one by one)', async () => {
    const report = async (...inputs: string[]): Promise<{ code: number; report: unknown }> => {
      const r = await ccxcti(['check', '--format', 'json', ...inputs]);
      return { code: r.code, report: JSON.parse(r.stdout.split(merged).join('<capture>').replace(/samples\/ring\/cti-ring_\d{5}_\d{14}\.pcapng/g, '<capture>')) };
    };
    const want = await report(merged);
    expect(want.report).toMatchObject({ summary: { inputs: 1, sessions: 4, messages: 232, errors: 0, warnings: 0 } });
    expect(await report(RING)).toEqual(want);
    // (`inputs` counts the command line's inputs: here the five files.)
    const named = await report(...[...FILES].reverse());
    expect(named).toMatchObject({ report: { summary: { inputs: FILES.length } } });
    (named.report as { summary: { inputs: number } }).summary.inputs = 1;
    expect(named).toEqual(want);
  });
});
