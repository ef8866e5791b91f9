/**
 * openInput: what an input is, from its first bytes; a regular file is only looked at (closed
 * again until it is read, then opened anew), a pipe is read once with its head replayed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openInput, type OpenedInput } from '../../src/pipeline/open-input.js';
import { toMivrInputs } from '../../src/pipeline/log/log-inputs.js';
import { peekFirstRecord } from '../../src/mivr/rotated.js';
import { writePcap } from '../support/capture-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'ccxcti-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A MIVR log of about `bytes` bytes, its records numbered from `firstSeq`. */
function mivrLog(bytes: number, firstSeq = 100): Buffer {
  const lines: string[] = [];
  let n = 0;
  for (let size = 0; size < bytes; n++) {
    const line = `${firstSeq + n}: Jan 05 10:${String(Math.floor(n / 60) % 60).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}.000 EST %MIVR-SS_TEL-7-UNK:record ${n} ${'x'.repeat(60)}\n`;
    lines.push(line);
    size += line.length;
  }
  return Buffer.from(lines.join(''), 'latin1');
}

async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

const fdDir = '/proc/self/fd';
const countFds = (): number => readdirSync(fdDir).length;
const withFds = existsSync(fdDir) ? it : it.skip;

describe('openInput on regular files', () => {
  withFds('keeps no file open once it has told what the files are, however many (file descriptors measured)', async () => {
    const paths: string[] = [];
    for (let i = 0; i < 40; i++) {
      const p = join(dir, `fd-${i}.log${i % 4 === 0 ? '.gz' : ''}`);
      const log = mivrLog(200_000, 1000 * i);
      writeFileSync(p, i % 4 === 0 ? gzipSync(log) : log);
      paths.push(p);
    }
    const before = countFds();
    const opened: OpenedInput[] = [];
    for (const p of paths) opened.push(await openInput(p, new PassThrough()));
    expect(countFds()).toBeLessThanOrEqual(before);
    expect(opened.map((o) => o.kind)).toEqual(paths.map(() => 'log'));
    expect(opened.every((o) => o.rereadable)).toBe(true);
  });

  it('reads a file anew at each iteration, decompressed, the same bytes each time', async () => {
    const log = mivrLog(300_000);
    const p = join(dir, 'twice.log.gz');
    writeFileSync(p, gzipSync(log));
    const input = await openInput(p, new PassThrough());
    expect(input).toMatchObject({ kind: 'log', gzip: true, rereadable: true });
    expect((await readAll(input.chunks)).equals(log)).toBe(true);
    expect((await readAll(input.chunks)).equals(log)).toBe(true);
  });

  withFds('closes the file when a reading stops early', async () => {
    const p = join(dir, 'early.log');
    writeFileSync(p, mivrLog(3_000_000));
    const input = await openInput(p, new PassThrough());
    const before = countFds();
    for await (const chunk of input.chunks) {
      expect(chunk.length).toBeGreaterThan(0);
      expect(countFds()).toBe(before + 1);
      break;
    }
    expect(countFds()).toBe(before);
  });

  withFds('a rotated set peeks every file and holds none open between the peek and its reading', async () => {
    const paths: string[] = [];
    // Named so that name order is not record order.
    for (let i = 0; i < 6; i++) {
      const p = join(dir, `set-${5 - i}.log`);
      writeFileSync(p, mivrLog(150_000, 10_000 * (i + 1)));
      paths.push(p);
    }
    const before = countFds();
    const opened = await Promise.all(paths.map((p) => openInput(p, new PassThrough())));
    const mivr = toMivrInputs(opened);
    const firsts = [];
    for (const m of mivr) firsts.push(await peekFirstRecord(m));
    expect(firsts.map((f) => f?.seq)).toEqual([10_000, 20_000, 30_000, 40_000, 50_000, 60_000]);
    expect(countFds()).toBe(before);
    // Read in full after the peek: the whole file, from its first byte.
    expect((await readAll(mivr[3]!.open())).equals(readFileSync(paths[3]!))).toBe(true);
  });

  it('a capture, gzip or not: where it starts (its first packet), for the merge', async () => {
    const pcap = writePcap([{ sec: 1_700_000_001, nsec: 250_000_000, data: new Uint8Array(54) }], { linkType: 1 });
    const plain = join(dir, 'start.pcap');
    const gz = join(dir, 'start.pcap.gz');
    writeFileSync(plain, pcap);
    writeFileSync(gz, gzipSync(pcap));
    for (const p of [plain, gz]) expect(await openInput(p, new PassThrough())).toMatchObject({ kind: 'capture', startsAt: { sec: 1_700_000_001, nsec: 250_000_000 } });
    const log = join(dir, 'nostart.log');
    writeFileSync(log, mivrLog(1000));
    expect((await openInput(log, new PassThrough())).startsAt).toBeUndefined();
  });

  it('tells a damaged gzip file with no byte before the damage as unknown, with why', async () => {
    const p = join(dir, 'bad.gz');
    const gz = gzipSync(mivrLog(10_000));
    gz.fill(0xff, 10, 40);
    writeFileSync(p, gz);
    const input = await openInput(p, new PassThrough());
    expect(input.kind).toBe('unknown');
    expect(input.reason).toMatch(/gzip|invalid|header|distance|block/i);
  });
});

describe('openInput on streams that cannot be read twice', () => {
  it('stdin: read once, its head replayed', async () => {
    const log = mivrLog(500_000);
    const stdin = new PassThrough();
    stdin.end(log);
    const input = await openInput('-', stdin);
    expect(input).toMatchObject({ kind: 'log', rereadable: false });
    expect((await readAll(input.chunks)).equals(log)).toBe(true);
  });

  const hasMkfifo = process.platform !== 'win32' && (() => {
    try {
      execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  (hasMkfifo ? it : it.skip)('a FIFO: not re-opened (its head would be lost), read once in full', async () => {
    const fifo = join(dir, 'pipe.log');
    execFileSync('mkfifo', [fifo]);
    const log = mivrLog(400_000);
    const src = join(dir, 'pipe-src.log');
    writeFileSync(src, log);
    const writer = spawn('sh', ['-c', `cat "${src}" > "${fifo}"`], { stdio: 'ignore' });
    const exited = new Promise((resolve) => writer.on('exit', resolve));
    const input = await openInput(fifo, new PassThrough());
    expect(input).toMatchObject({ kind: 'log', rereadable: false });
    expect((await readAll(input.chunks)).equals(log)).toBe(true);
    expect(await exited).toBe(0);
  });
});
