/**
 * writeTimeline's output is the same whatever it is written to: a Writable that keeps the very
 * chunks it is given, a file (-o), a pipe (stdout | cat), a socket, stdout as a file
 * (SyncWriteStream) — with output buffers reused only where the stream lets go of them, and
 * readers slow enough to make writes wait.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, createWriteStream, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createServer, Socket, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { timelineMessageJson } from '../../src/pipeline/message-json.js';
import { writeTimeline } from '../../src/pipeline/timeline-writer.js';
import { decode } from '../../src/protocol/codec/decode.js';
import { encode } from '../../src/protocol/codec/encode.js';
import type { InputDiagnostic, TimelineBatch, TimelineEvent, TimelineMessage } from '../../src/timeline/types.js';
import { anyMessageArb } from '../support/message-arbitraries.js';

const dir = mkdtempSync(join(tmpdir(), 'timeline-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Some 3 MB of NDJSON (a dozen output chunks): decoded messages of every type, in batches of 100, with an input diagnostic now and then. */
function timeline(): TimelineEvent[] {
  const samples = fc.sample(anyMessageArb, { numRuns: 300, seed: 42 }).map(({ message }, i) => decode(encode(message), { showSecrets: i % 2 === 0 }));
  const events: TimelineEvent[] = [];
  for (let i = 0; events.length < 4000; i++) {
    const item: TimelineMessage = {
      kind: 'message',
      message: samples[i % samples.length]!,
      at: { sec: 1_700_000_000 + (i >> 4), nsec: (i * 7919) % 1_000_000_000 },
      direction: i % 2 === 0 ? 'client-to-server' : 'server-to-client',
      session: `10.0.0.${i % 7}:4000-10.0.0.1:42027#1`,
      version: 13,
      source: { file: 'capture.pcap', frame: i + 1 },
      streamOffset: i * 100,
    };
    events.push(item);
    if (i % 997 === 0) {
      const d: InputDiagnostic = { kind: 'diagnostic', severity: 'warning', code: 'STREAM_GAP', message: `gap ${i}`, source: { file: 'capture.pcap', frame: i } };
      events.push(d);
    }
  }
  return events;
}

const EVENTS = timeline();

async function* batches(): AsyncGenerator<TimelineBatch> {
  for (let i = 0; i < EVENTS.length; i += 100) yield EVENTS.slice(i, i + 100);
}

/** The NDJSON expected: one JSON.stringify line per message, indexed in order. */
const EXPECTED = ((): string => {
  const lines: string[] = [];
  for (const e of EVENTS) if (e.kind === 'message') lines.push(JSON.stringify(timelineMessageJson(e, { index: lines.length })));
  return `${lines.join('\n')}\n`;
})();

const stderr = (): Writable => new Writable({ write: (_c, _e, cb) => cb() });

async function ndjsonTo(out: Writable): Promise<void> {
  const r = await writeTimeline(batches(), () => [], 'ndjson', out, stderr());
  expect(r.outputError).toBeUndefined();
  expect(r.messages).toBe(EXPECTED.split('\n').length - 1);
}

/** Keeps every chunk it is given as it is (no copy), as a collector or a PassThrough does. */
class ChunkKeeper extends Writable {
  readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, cb: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    cb();
  }
}

/** What Node makes of stdout redirected to a file (internal/fs/sync_write_stream, not exported): writeSync, then done. */
class SyncWriteStream extends Writable {
  constructor(private readonly fd: number) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, cb: (error?: Error | null) => void): void {
    writeSync(this.fd, chunk);
    cb();
  }
}

describe('writeTimeline output', () => {
  it('to a Writable that keeps the chunks themselves', async () => {
    const keeper = new ChunkKeeper();
    await ndjsonTo(keeper);
    expect(Buffer.concat(keeper.chunks).toString('utf8')).toBe(EXPECTED);
  });

  it('to a file (-o FILE)', async () => {
    const path = join(dir, 'out.ndjson');
    const file = createWriteStream(path);
    await ndjsonTo(file);
    file.end();
    await once(file, 'finish');
    expect(readFileSync(path, 'utf8')).toBe(EXPECTED);
  });

  it('to stdout redirected to a file (SyncWriteStream)', async () => {
    const path = join(dir, 'stdout.ndjson');
    const fd = openSync(path, 'w');
    const out = new SyncWriteStream(fd);
    await ndjsonTo(out);
    closeSync(fd);
    expect(readFileSync(path, 'utf8')).toBe(EXPECTED);
  });

  it('to a pipe read slowly (stdout | cat)', async () => {
    const path = join(dir, 'piped.ndjson');
    const fd = openSync(path, 'w');
    // The reader copies the pipe to the file with a pause after each read: writes must wait, and buffers still in flight must not be reused.
    const reader = 'process.stdin.on("data", (c) => { process.stdout.write(c); process.stdin.pause(); setTimeout(() => process.stdin.resume(), 2); });';
    const cat = spawn(process.execPath, ['-e', reader], { stdio: ['pipe', fd, 'inherit'] });
    const stdin = cat.stdin;
    expect(stdin).toBeInstanceOf(Socket);
    if (stdin === null) throw new Error('the child has no stdin pipe');
    await ndjsonTo(stdin);
    stdin.end();
    await once(cat, 'close');
    closeSync(fd);
    expect(readFileSync(path, 'utf8')).toBe(EXPECTED);
  });

  it('to a TCP socket whose reader pauses', async () => {
    const received: Buffer[] = [];
    const server = createServer((conn) => {
      conn.on('data', (c: Buffer) => {
        received.push(c);
        conn.pause();
        setTimeout(() => conn.resume(), 2);
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const client = new Socket();
    client.connect((server.address() as AddressInfo).port, '127.0.0.1');
    await ndjsonTo(client); // written while still connecting, then with backpressure
    const closed = once(server, 'close');
    client.end();
    server.close();
    await closed;
    expect(Buffer.concat(received).toString('utf8')).toBe(EXPECTED);
  });

  it('as one JSON document, with the diagnostics', async () => {
    const keeper = new ChunkKeeper();
    const r = await writeTimeline(batches(), () => [], 'json', keeper, stderr());
    expect(r.inputDiagnostics).toBe(EVENTS.length - r.messages);
    const doc = JSON.parse(Buffer.concat(keeper.chunks).toString('utf8')) as { messages: unknown[]; diagnostics: Array<{ code: string }> };
    expect(doc.messages).toEqual(EXPECTED.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown));
    expect(doc.diagnostics.map((d) => d.code)).toEqual(EVENTS.filter((e) => e.kind === 'diagnostic').map(() => 'STREAM_GAP'));
  });

  it('stops when the reader goes away, and reports it', async () => {
    const broken = new Writable({
      write: (_c, _e, cb) => cb(Object.assign(new Error('broken pipe'), { code: 'EPIPE' })),
    });
    const r = await writeTimeline(batches(), () => [], 'ndjson', broken, stderr());
    expect((r.outputError as NodeJS.ErrnoException | undefined)?.code).toBe('EPIPE');
  });
});
