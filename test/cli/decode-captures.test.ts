/**
 * `ccxcti decode` on captures, end to end in-process (CONTRACT.md): the real loopback
 * samples decode to exactly what was sent, in every format; several captures merge into one
 * timeline by time; damaged, truncated, empty and unknown inputs give clear diagnostics and
 * the contract's exit codes, and never a crash.
 */
import fc from 'fast-check';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import * as F from '../../scripts/samples/cti-flows.js';
import { ccxcti } from '../support/cli.js';
import { writePcap, writeSimplePcapng } from '../support/capture-writer.js';
import { conversationFlow } from '../support/cti-capture.js';
import { assertValid } from '../support/schema-validator.js';
import { flowToEthernetPackets } from '../support/tcp-flow.js';

const PCAPNG = 'samples/cti-sessions.pcapng';
const PCAP = 'samples/cti-sessions.pcap';
const MIDSTREAM = 'samples/damaged-midstream-gap.pcap';

interface Script {
  connections: Array<{ port: number; party: string }>;
  chunks: Array<{ conn: number; from: 'client' | 'server'; messages: string[] }>;
}
const script = JSON.parse(readFileSync('samples/cti-sessions.script.json', 'utf8')) as Script;

interface Line {
  type: string;
  ts: string;
  direction: string;
  session: string;
  index: number;
  version?: number;
  source: { file: string; frame: number };
  diagnostics: Array<{ severity: string }>;
}

const ndjson = (text: string): Line[] =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);

const dir = mkdtempSync(join(tmpdir(), 'ccxcti-decode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tmp = (name: string, bytes: Uint8Array | string): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

describe('the real loopback captures (samples/)', () => {
  for (const file of [PCAPNG, PCAP]) {
    it(`${file}: every message sent, per session and direction, in order (ndjson)`, async () => {
      const r = await ccxcti(['decode', file, '--format', 'ndjson']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const lines = ndjson(r.stdout);
      for (const line of lines) assertValid('decoded-message.schema.json', line);
      expect(lines.map((l) => l.index)).toEqual(lines.map((_, i) => i));
      // What the script sent, CTI connections only (the HTTP one is ignored).
      const expected = new Map<string, string[]>();
      for (const c of script.chunks) {
        if (script.connections[c.conn]!.party === 'http') continue;
        const key = `${c.conn} ${c.from === 'client' ? 'client-to-server' : 'server-to-client'}`;
        expected.set(key, [...(expected.get(key) ?? []), ...c.messages]);
      }
      // Sessions in connection order: map them to the script's connections.
      const sessions = [...new Set(lines.map((l) => l.session))];
      expect(sessions).toHaveLength(4);
      sessions.forEach((session, conn) => {
        for (const direction of ['client-to-server', 'server-to-client']) {
          const got = lines.filter((l) => l.session === session && l.direction === direction).map((l) => l.type);
          expect(got, `${session} ${direction}`).toEqual(expected.get(`${conn} ${direction}`));
        }
      });
      expect(sessions[3]).toMatch(/^127\.0\.0\.1:\d+-127\.0\.0\.1:12028#1$/);
      // Timestamps: nanoseconds when the file has them (pcapng), microseconds otherwise; in order.
      const digits = file === PCAPNG ? 9 : 6;
      for (const l of lines) expect(l.ts).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{${digits}}Z$`));
      expect([...lines.map((l) => l.ts)].sort()).toEqual(lines.map((l) => l.ts));
      expect(lines.every((l) => l.source.file === file && l.source.frame > 0)).toBe(true);
      expect(lines.flatMap((l) => l.diagnostics).filter((d) => d.severity === 'error')).toEqual([]);
    });
  }

  it('--format json: one document that validates, with the sessions', async () => {
    const r = await ccxcti(['decode', PCAPNG, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { messages: Line[]; diagnostics: unknown[]; sessions: Array<Record<string, unknown>> };
    assertValid('decode-document.schema.json', doc);
    expect(doc.diagnostics).toEqual([]);
    expect(doc.sessions.map((s) => [s.roleBasis, s.heuristic, s.version, s.versionBasis, s.mode, s.closedBy])).toEqual([
      ['syn', false, 12, 'OPEN_REQ', 'bridge', 'fin'],
      ['syn', false, 14, 'OPEN_REQ', 'agent', 'fin'],
      ['syn', false, 12, 'OPEN_REQ', 'agent', 'fin'],
      ['syn', true, 13, 'OPEN_REQ', 'bridge', 'fin'],
    ]);
    for (const s of doc.sessions) expect(s.unaccountedBytes).toEqual({ 'client-to-server': 0, 'server-to-client': 0 });
    expect(doc.messages.reduce((n, m) => n + 1 + 0 * m.index, 0)).toBe(doc.sessions.reduce((n, s) => n + (s.messages as number), 0));
  });

  it('--format text: one line per message, then the sessions', async () => {
    const r = await ccxcti(['decode', PCAPNG, '--format', 'text']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^ {5}0 {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} {2}→ {2}127\.0\.0\.1:\d+-127\.0\.0\.1:42027#1 {2}OPEN_REQ {2}InvokeID=1 VersionNumber=12/);
    expect(r.stdout).toMatch(/\n\d+ messages, 4 sessions, 0 input diagnostics\n/);
    expect(r.stdout).toMatch(/127\.0\.0\.1:\d+-127\.0\.0\.1:12028#1: client 127\.0\.0\.1:\d+ \(syn, found by heuristics\), version 13 \(OPEN_REQ\), bridge mode/);
  });

  it('--port makes another port a CTI port (no heuristics needed); secrets only when asked', async () => {
    const r = await ccxcti(['decode', PCAPNG, '--format', 'json', '--port', '42027', '--port', '12028']);
    const doc = JSON.parse(r.stdout) as { messages: Array<{ type: string; fields: Record<string, unknown> }>; sessions: Array<{ heuristic: boolean }> };
    expect(doc.sessions.map((s) => s.heuristic)).toEqual([false, false, false, false]);
    expect(doc.messages[0]!.fields.ClientPassword).toBe('<redacted>');
    const shown = JSON.parse((await ccxcti(['decode', PCAPNG, '--format', 'json', '--show-secrets'])).stdout) as typeof doc;
    expect(shown.messages[0]!.fields.ClientPassword).toBe(Buffer.from('bridge-secret').toString('hex'));
  });

  it('reads gzip-compressed captures and stdin, writes -o files', async () => {
    const gz = tmp('sessions.pcapng.gz', gzipSync(readFileSync(PCAPNG)));
    const plain = await ccxcti(['decode', PCAPNG, '--format', 'ndjson']);
    const fromGz = await ccxcti(['decode', gz, '--format', 'ndjson']);
    expect(fromGz.stdout.replaceAll(gz, PCAPNG)).toBe(plain.stdout);
    const fromStdin = await ccxcti(['decode', '-', '--format', 'ndjson'], { stdin: readFileSync(PCAPNG) });
    expect(fromStdin.stdout.replaceAll('"file":"-"', `"file":"${PCAPNG}"`)).toBe(plain.stdout);
    const out = join(dir, 'out.ndjson');
    expect((await ccxcti(['decode', PCAPNG, '--format', 'ndjson', '-o', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(plain.stdout);
  });
});

describe('several captures merge into one timeline by time', () => {
  it('two captures whose sessions interleave in time', async () => {
    const agent: F.Agent = { extension: '2006', id: 'agt2006' };
    const make = (port: number, offsetNs: number): Uint8Array => {
      const steps = [...F.openSession('p', 1, 13, 'bridge'), ...F.heartbeat('p', 2), ...F.setAgentState(agent, 3, 3).map((b) => ({ ...b, parties: ['p'] })), ...F.closeSession('p', 4)];
      const flow = conversationFlow({ client: { addr: '10.0.0.1', port }, server: { addr: '10.0.0.2', port: 42027 }, steps: steps.map((b) => ({ from: b.from, messages: b.messages })) });
      const packets = flowToEthernetPackets(flow, 1_700_000_000).map((p, i) => ({ ...p, nsec: i * 2_000_000 + offsetNs }));
      return port % 2 === 0 ? writePcap(packets, { linkType: 1, nanosecond: true }) : writeSimplePcapng(packets, 1, true, 9);
    };
    const a = tmp('a.pcap', make(40000, 0));
    const b = tmp('b.pcapng', make(40001, 1_000_000));
    const r = await ccxcti(['decode', a, b, '--format', 'ndjson']);
    expect(r.code).toBe(0);
    const lines = ndjson(r.stdout);
    expect(lines.map((l) => l.ts)).toEqual([...lines.map((l) => l.ts)].sort());
    const files = lines.map((l) => (l.source.file === a ? 'a' : 'b'));
    expect(files.join('')).toBe('ab'.repeat(lines.length / 2));
    expect(lines.map((l) => l.index)).toEqual(lines.map((_, i) => i));
    const doc = JSON.parse((await ccxcti(['decode', a, b, '--format', 'json'])).stdout) as { sessions: Array<{ file: string }> };
    expect(doc.sessions.map((s) => s.file)).toEqual([a, b]);
  });
});

describe('damaged, truncated, empty and unknown inputs', () => {
  const pcap = readFileSync(PCAP);
  const pcapng = readFileSync(PCAPNG);

  it('a capture that starts mid-stream, with gaps: decoded, damage reported, exit 0', async () => {
    const r = await ccxcti(['decode', MIDSTREAM, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { messages: unknown[]; diagnostics: Array<{ code: string }> };
    assertValid('decode-document.schema.json', doc);
    expect(doc.messages).toHaveLength(32); // one of them cut short by the snapshot length
    expect(doc.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['STREAM_GAP', 'STREAM_UNDECODABLE']));
    // ndjson: messages on stdout, diagnostics on stderr.
    const nd = await ccxcti(['decode', MIDSTREAM, '--format', 'ndjson']);
    expect(nd.code).toBe(0);
    expect(ndjson(nd.stdout)).toHaveLength(32);
    expect(nd.stderr).toMatch(/ccxcti: .*STREAM_GAP .* server-to-client bytes 452…538: 87 bytes of the stream missing/);
  });

  it('truncated in the middle (both formats): what is there is decoded, exit 0', async () => {
    for (const [name, bytes, code] of [
      ['cut.pcap', pcap.subarray(0, Math.floor(pcap.length / 2)), 'PCAP_TRUNCATED_RECORD'],
      ['cut.pcapng', pcapng.subarray(0, Math.floor(pcapng.length * 0.4) + 3), 'PCAPNG_TRUNCATED_BLOCK'],
    ] as const) {
      const r = await ccxcti(['decode', tmp(name, bytes), '--format', 'json']);
      expect(r.code, name).toBe(0);
      const doc = JSON.parse(r.stdout) as { messages: unknown[]; diagnostics: Array<{ code: string; severity: string }>; sessions: Array<{ closedBy: string }> };
      assertValid('decode-document.schema.json', doc);
      expect(doc.messages.length).toBeGreaterThan(20);
      expect(doc.diagnostics.map((d) => d.code)).toContain(code);
      expect(doc.sessions.some((s) => s.closedBy === 'end-of-capture')).toBe(true);
    }
  });

  it('damaged gzip (bad CRC at the end, cut short, damaged at the start): what was decompressed is decoded, the damage said, exit 0', async () => {
    const plain = ndjson((await ccxcti(['decode', PCAPNG, '--format', 'ndjson'])).stdout);
    const gz = gzipSync(pcapng);
    const badCrc = Buffer.from(gz);
    badCrc[badCrc.length - 8]! ^= 0xff;
    for (const [name, bytes, all] of [
      ['crc.pcapng.gz', badCrc, true],
      ['cut.pcapng.gz', gz.subarray(0, Math.floor(gz.length * 0.6)), false],
    ] as const) {
      for (const viaStdin of [false, true]) {
        const r = viaStdin ? await ccxcti(['decode', '-', '--format', 'ndjson'], { stdin: bytes }) : await ccxcti(['decode', tmp(name, bytes), '--format', 'ndjson']);
        expect(r.code, name).toBe(0);
        const lines = ndjson(r.stdout);
        if (all) expect(lines.map((l) => l.type)).toEqual(plain.map((l) => l.type));
        else expect(lines.length).toBeGreaterThan(10);
        expect(r.stderr).toMatch(/INPUT_READ_ERROR .*reading stopped after \d+ bytes: damaged gzip data \((incorrect data check|unexpected end of file)\)/);
      }
    }
    // Damage before any byte could be decompressed: the input cannot be read at all.
    const head = Buffer.from(gz);
    head.fill(0xff, 10, 40);
    const r = await ccxcti(['decode', tmp('head.pcapng.gz', head), '--format', 'ndjson']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('damaged gzip data');
  });

  it('truncated inside the file header (both formats): cannot be read, exit 2 with the reason', async () => {
    for (const [name, bytes] of [
      ['head.pcap', pcap.subarray(0, 10)],
      ['head.pcapng', pcapng.subarray(0, 10)],
      ['shb.pcapng', pcapng.subarray(0, 60)],
    ] as const) {
      const r = await ccxcti(['decode', tmp(name, bytes), '--format', 'ndjson']);
      expect(r.code, name).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`ccxcti: cannot read .*${name.replace('.', '\\.')}: `));
    }
  });

  it('corrupted in the middle (both formats): resynchronised, reported, exit 0', async () => {
    for (const [name, bytes] of [
      ['corrupt.pcap', pcap],
      ['corrupt.pcapng', pcapng],
    ] as const) {
      const damaged = Buffer.from(bytes);
      damaged.fill(0xee, Math.floor(damaged.length / 2), Math.floor(damaged.length / 2) + 300);
      const r = await ccxcti(['decode', tmp(name, damaged), '--format', 'json']);
      expect(r.code, name).toBe(0);
      const doc = JSON.parse(r.stdout) as { messages: unknown[]; diagnostics: Array<{ code: string }> };
      assertValid('decode-document.schema.json', doc);
      expect(doc.messages.length).toBeGreaterThan(100);
      expect(doc.diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('timestamps beyond the year 9999 (a damaged if_tsresol): ts left out, said once with the frame, exit 0', async () => {
    const steps = [...F.openSession('p', 1, 13, 'bridge'), ...F.heartbeat('p', 2), ...F.closeSession('p', 3)];
    const flow = conversationFlow({ client: { addr: '10.0.0.1', port: 40100 }, server: { addr: '10.0.0.2', port: 42027 }, steps: steps.map((b) => ({ from: b.from, messages: b.messages })) });
    // if_tsresol 10^0: the writer stores whole seconds as ticks; the last 4 frames are in the year ~58866.
    const all = flowToEthernetPackets(flow, 1_700_000_000);
    const first = all.length - 3; // 1-based frame number of the first of them
    const packets = all.map((p, i) => ({ ...p, nsec: 0, sec: i + 1 < first ? p.sec : 1_795_656_000_000 + i }));
    const file = tmp('far-future.pcapng', writeSimplePcapng(packets, 1, true, 0));
    const r = await ccxcti(['decode', file, '--format', 'ndjson']);
    expect(r.code).toBe(0);
    const lines = ndjson(r.stdout);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.some((l) => l.ts === undefined)).toBe(true);
    expect(lines.some((l) => typeof l.ts === 'string')).toBe(true);
    const said = r.stderr.split('\n').filter((l) => l.includes('CAPTURE_TIMESTAMP_OUT_OF_RANGE'));
    // The first such frame, then the count at the end of the file.
    expect(said).toHaveLength(2);
    expect(said[0]).toMatch(new RegExp(`frame ${first}: timestamp in the year 588\\d\\d`));
    expect(said[1]).toMatch(new RegExp(`4 frames \\(the first: frame ${first}\\)`));
    const doc = JSON.parse((await ccxcti(['decode', file, '--format', 'json'])).stdout) as unknown;
    assertValid('decode-document.schema.json', doc);
  });

  it('empty, unknown, missing inputs and directories: exit 2 with a clear message', async () => {
    const textOnlyDir = (): string => {
      const d = join(dir, 'text-only');
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, 'notes.txt'), 'nothing to decode here\n');
      return d;
    };
    const cases: Array<[string[], RegExp]> = [
      [[tmp('empty.pcap', new Uint8Array(0))], /empty input/],
      [[tmp('text.pcap', 'hello, this is not a capture\n'.repeat(10))], /neither a pcap\/pcapng capture nor a MIVR log/],
      [[join(dir, 'missing.pcap')], /ENOENT|no such file/],
      [[textOnlyDir()], /no capture or MIVR log among the inputs/], // a directory of nothing decodable
      [[tmp('bad.gz', Uint8Array.of(0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7))], /gzip|neither|empty/],
    ];
    for (const [argv, message] of cases) {
      const r = await ccxcti(['decode', ...argv, '--format', 'ndjson']);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error/);
    }
  });

  it('file names from a directory reach stderr escaped: a name cannot drive the terminal', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ccxcti-dir-'));
    try {
      copyFileSync(PCAP, join(root, 'one.pcap'));
      // ESC ] 0 ; … BEL sets the window title; \u202e reverses the text after it.
      writeFileSync(join(root, 'evil\u001b]0;owned\u0007\u202etxt.pcap'), 'not a capture\n');
      writeFileSync(join(root, 'bad\u001b[2J.pcap'), new Uint8Array([0xd4, 0xc3, 0xb2, 0xa1, 2, 0])); // a pcap magic, header cut: unreadable
      const r = await ccxcti(['decode', root, '--format', 'ndjson']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('skipped');
      expect(r.stderr).toContain('cannot read');
      expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
      expect(r.stderr).toContain('evil\\u001b]0;owned\\u0007\\u202etxt.pcap');
      expect(r.stderr).toContain('bad\\u001b[2J.pcap');
      // Named on the command line and unreadable: the usage error is escaped too.
      const named = await ccxcti(['decode', join(root, 'evil\u001b]0;owned\u0007\u202etxt.pcap')]);
      expect(named.code).toBe(2);
      expect(named.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
      const missing = await ccxcti(['decode', join(root, 'gone\u001b[2J.pcap')]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('gone\\u001b[2J.pcap');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a directory stands for the files below it: decoded in name order, other files skipped with a note', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ccxcti-dir-'));
    try {
      const nested = join(root, 'b-nested');
      mkdirSync(nested);
      copyFileSync(PCAP, join(nested, 'one.pcap'));
      writeFileSync(join(root, 'a-notes.txt'), 'not a capture\n');
      writeFileSync(join(root, '.hidden.pcap'), 'hidden files are left out\n');
      const viaDir = await ccxcti(['decode', root, '--format', 'ndjson']);
      const direct = await ccxcti(['decode', PCAP, '--format', 'ndjson']);
      expect(viaDir.code).toBe(0);
      expect(viaDir.stderr).toMatch(/skipped .*a-notes\.txt: neither a pcap\/pcapng capture nor a MIVR log/);
      expect(viaDir.stderr).not.toMatch(/hidden/);
      const strip = (out: string): unknown[] => out.trim().split('\n').map((l) => {
        const { source, ...rest } = JSON.parse(l) as { source: { file: string } };
        return { ...rest, frame: (source as { frame?: number }).frame };
      });
      expect(strip(viaDir.stdout)).toEqual(strip(direct.stdout));
      expect(strip(viaDir.stdout).length).toBeGreaterThan(100);
      // The same file named on the command line is an error (exit 2), not a note.
      const named = await ccxcti(['decode', join(root, 'a-notes.txt'), '--format', 'ndjson']);
      expect(named.code).toBe(2);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a directory holding no file is exit 2, not a clean empty result; a link to a file in a directory is read', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ccxcti-dir-'));
    try {
      const empty = join(root, 'empty');
      mkdirSync(empty);
      writeFileSync(join(empty, '.hidden.pcap'), 'hidden files are left out\n');
      for (const command of ['decode', 'check']) {
        const r = await ccxcti([command, empty]);
        expect(r.code, command).toBe(2);
        expect(r.stderr, command).toMatch(/no file to read in .*empty/);
      }
      const links = join(root, 'links');
      mkdirSync(links);
      symlinkSync(resolve(PCAP), join(links, 'one.pcap'));
      symlinkSync(join(root, 'nowhere'), join(links, 'dangling.pcap'));
      symlinkSync(root, join(links, 'up')); // a link to a directory is not followed (a loop here)
      const viaLink = await ccxcti(['decode', links, '--format', 'ndjson']);
      const direct = await ccxcti(['decode', PCAP, '--format', 'ndjson']);
      expect(viaLink.code).toBe(0);
      expect(viaLink.stdout.trim().split('\n')).toHaveLength(direct.stdout.trim().split('\n').length);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a reader that goes away (EPIPE, `| head`) ends the command quietly; other write errors are reported', async () => {
    for (const [code, expected] of [
      ['EPIPE', 0],
      ['ENOSPC', 2],
    ] as const) {
      let written = 0;
      const stdout = new Writable({
        write(chunk: Buffer, _encoding, callback): void {
          written += chunk.length;
          callback(written > 1000 ? Object.assign(new Error(`write ${code}`), { code }) : null);
        },
      });
      const stderr = new PassThrough();
      const err: Buffer[] = [];
      stderr.on('data', (c: Buffer) => err.push(c));
      const exit = await run(['decode', PCAPNG, '--format', 'ndjson'], { stdout, stderr, stdin: new PassThrough(), stdoutIsTTY: false });
      expect(exit, code).toBe(expected);
      expect(Buffer.concat(err).toString()).toBe(code === 'EPIPE' ? '' : `ccxcti: cannot write the output: write ${code}\n`);
    }
  });

  it('never crashes on randomly damaged captures: exit 0 or 2, valid output', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 400 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 6 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (ng, hits, cutAt) => {
          const damaged = Buffer.from(ng ? pcapng : pcap);
          for (const [at, len, value] of hits) damaged.fill(value, at % damaged.length, Math.min(damaged.length, (at % damaged.length) + len));
          const bytes = cutAt === undefined ? damaged : damaged.subarray(0, cutAt % damaged.length);
          const r = await ccxcti(['decode', tmp(ng ? 'fuzz.pcapng' : 'fuzz.pcap', bytes), '--format', 'json']);
          expect([0, 2]).toContain(r.code);
          expect(r.stderr).not.toMatch(/internal error/);
          if (r.stdout !== '') assertValid('decode-document.schema.json', JSON.parse(r.stdout));
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS_CLI ?? 60) },
    );
  });
});
