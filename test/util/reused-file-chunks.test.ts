/**
 * reusedFileChunks: a file read into two reused buffers (a chunk valid until the next is asked
 * for), and captures opened by openInput read that way (logs and gzip files by a stream).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openInput } from '../../src/pipeline/open-input.js';
import { reusedFileChunks } from '../../src/util/reused-file-chunks.js';
import { writePcap } from '../support/capture-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'ccxcti-reused-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(bytes: Uint8Array): string {
  const path = join(dir, `f${n++}`);
  writeFileSync(path, bytes);
  return path;
}

const fdDir = '/proc/self/fd';
const countFds = (): number => readdirSync(fdDir).length;
const withFds = existsSync(fdDir) ? it : it.skip;

describe('reusedFileChunks', () => {
  it('gives the file byte for byte, whatever its length against the chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 1, max: 1100 }), async (bytes, chunkBytes) => {
        const path = file(bytes);
        const parts: number[] = [];
        let chunks = 0;
        for await (const c of reusedFileChunks(path, chunkBytes)) {
          expect(c.length).toBeGreaterThan(0);
          expect(c.length).toBeLessThanOrEqual(chunkBytes);
          parts.push(...c); // copied now: the chunk is only valid until the next is asked for
          chunks++;
        }
        expect(Uint8Array.from(parts)).toEqual(bytes);
        expect(chunks).toBe(Math.ceil(bytes.length / chunkBytes));
      }),
      { numRuns: 60 },
    );
  });

  it('reads into two buffers, used in turn', async () => {
    const path = file(new Uint8Array(10 * 64).map((_, i) => i));
    const buffers: ArrayBufferLike[] = [];
    for await (const c of reusedFileChunks(path, 64)) buffers.push(c.buffer);
    expect(buffers).toHaveLength(10);
    expect(new Set(buffers).size).toBe(2);
    for (let i = 2; i < buffers.length; i++) expect(buffers[i]).toBe(buffers[i - 2]);
  });

  withFds('closes the file when the consumer stops early, and when the file ends', async () => {
    const path = file(new Uint8Array(5000));
    const before = countFds();
    for await (const c of reusedFileChunks(path, 100)) if (c.length > 0) break;
    expect(countFds()).toBe(before);
    for await (const _ of reusedFileChunks(path, 100));
    expect(countFds()).toBe(before);
  });

  it('a file that cannot be read is an error thrown to the consumer', async () => {
    const read = async (): Promise<void> => {
      for await (const _ of reusedFileChunks(dir, 100));
    };
    await expect(read()).rejects.toThrow(/EISDIR/);
  });
});

describe('openInput reads an uncompressed capture into reused buffers', () => {
  const pcap = writePcap(
    Array.from({ length: 40 }, (_, i) => ({ sec: 1_700_000_000 + i, nsec: 0, data: new Uint8Array(60_000).fill(i) })),
    { linkType: 1 },
  );

  it('a capture of several MiB comes in chunks of two buffers, byte for byte', async () => {
    const input = await openInput(file(pcap), new PassThrough());
    expect(input.kind).toBe('capture');
    const buffers = new Set<ArrayBufferLike>();
    const parts: Buffer[] = [];
    for await (const c of input.chunks) {
      buffers.add(c.buffer);
      parts.push(Buffer.from(c));
    }
    expect(Buffer.concat(parts).equals(Buffer.from(pcap))).toBe(true);
    expect(parts.length).toBeGreaterThan(2);
    expect(buffers.size).toBe(2);
  });

  it('a gzip capture is read by a stream: each chunk its own', async () => {
    const input = await openInput(file(gzipSync(pcap)), new PassThrough());
    expect(input.kind).toBe('capture');
    const parts: Buffer[] = [];
    const buffers = new Set<ArrayBufferLike>();
    for await (const c of input.chunks) {
      buffers.add(c.buffer);
      parts.push(Buffer.from(c));
    }
    expect(Buffer.concat(parts).equals(Buffer.from(pcap))).toBe(true);
    expect(buffers.size).toBe(parts.length);
  });
});

describe('openInput reads a MIVR log by a stream (the log reader keeps views of a chunk)', () => {
  it('a log of several MiB: each chunk its own, still as it was after the next ones are read', async () => {
    const line = (i: number) => `${i}: Nov 20 10:43:59.${String(i % 1000).padStart(3, '0')} EDT %MIVR-SS_TEL-7-UNK:record ${i} ${'x'.repeat(60)}\n`;
    const log = Buffer.from(Array.from({ length: 40_000 }, (_, i) => line(i + 1)).join(''));
    expect(log.length).toBeGreaterThan(3 << 20);
    const input = await openInput(file(log), new PassThrough());
    expect(input.kind).toBe('log');
    const kept: Uint8Array[] = [];
    for await (const c of input.chunks) kept.push(c); // views kept, not copied
    expect(kept.length).toBeGreaterThan(2);
    expect(Buffer.concat(kept).equals(log)).toBe(true);
  });
});
