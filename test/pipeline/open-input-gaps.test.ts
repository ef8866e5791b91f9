/**
 * Ninth round of mutation testing (docs/test-gaps.md): openInput on a stream tells the input's
 * kind as soon as its head says it (told()), reading no further; gzip is told by two bytes.
 */
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openInput } from '../../src/pipeline/open-input.js';

/** A stream (as stdin) of the given chunks that counts how many were asked for. */
function counted(chunks: readonly Uint8Array[]): { stream: Readable; pulled: () => number } {
  let pulled = 0;
  const iterable = {
    async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
      for (const c of chunks) {
        pulled++;
        yield c;
      }
    },
  };
  return { stream: iterable as unknown as Readable, pulled: () => pulled };
}

async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

const bytesOf = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

describe('a stream is told as soon as its head says what it is', () => {
  it('a pcapng capture: when its block type is in (4 bytes), one byte at a time', async () => {
    const capture = new Uint8Array(readFileSync('samples/cti-sessions.pcapng'));
    const chunks = [...Array.from({ length: 12 }, (_, i) => capture.subarray(i, i + 1)), capture.subarray(12, 100), capture.subarray(100)];
    const { stream, pulled } = counted(chunks);
    const input = await openInput('-', stream);
    expect(input.kind).toBe('capture');
    expect(pulled()).toBe(4);
    expect(Buffer.from(await readAll(input.chunks)).equals(Buffer.from(capture))).toBe(true);
  });

  it('a pcap capture: by its magic number in the first chunks, not after 64 KiB', async () => {
    const capture = new Uint8Array(readFileSync('samples/cti-sessions.pcap'));
    const chunks = [capture.subarray(0, 2), capture.subarray(2, 5), capture.subarray(5, 24), capture.subarray(24)];
    const { stream, pulled } = counted(chunks);
    const input = await openInput('-', stream);
    expect(input.kind).toBe('capture');
    expect(pulled()).toBe(2);
  });

  it('a MIVR log: when its first header line ends (looked at again on the chunk bringing the line end)', async () => {
    const line = '100: Jan 05 10:00:00.000 EST %MIVR-SS_TEL-7-UNK:record 0 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
    // 12 bytes (not a header yet), the rest of the line without its end, the end, the next line.
    const chunks = [bytesOf(line.slice(0, 12)), bytesOf(line.slice(12)), bytesOf('\n'), bytesOf(`${line.replace('100:', '101:')}\n`)];
    const { stream, pulled } = counted(chunks);
    const input = await openInput('-', stream);
    expect(input.kind).toBe('log');
    expect(pulled()).toBe(3);
  });
});

describe('gzip is told by both magic bytes', () => {
  it('a stream starting 0x1f but not 0x8b is not gzip (and not an input this tool reads)', async () => {
    const { stream } = counted([Uint8Array.of(0x1f, 0x00, 0x41, 0x42, 0x43)]);
    const input = await openInput('-', stream);
    expect(input).toMatchObject({ kind: 'unknown', gzip: false, reason: 'neither a pcap/pcapng capture nor a MIVR log' });
  });

  it('a gzip stream whose magic comes split over two chunks (one byte each)', async () => {
    const log = Buffer.from('100: Jan 05 10:00:00.000 EST %MIVR-SS_TEL-7-UNK:record 0\n', 'latin1');
    const gz = new Uint8Array(gzipSync(log));
    const { stream } = counted([gz.subarray(0, 1), gz.subarray(1)]);
    const input = await openInput('-', stream);
    expect(input).toMatchObject({ kind: 'log', gzip: true });
    expect((await readAll(input.chunks)).equals(log)).toBe(true);
  });

  it('an empty stream is unknown, said to be empty', async () => {
    const { stream } = counted([]);
    expect(await openInput('-', stream)).toMatchObject({ kind: 'unknown', gzip: false, reason: 'empty input' });
  });
});

describe('a stream whose gzip data is damaged after its first bytes', () => {
  it('gives the bytes before the damage, then fails where the reading stops (the damage is not dropped silently)', async () => {
    // Text that deflate cannot shrink much (a linear congruential sequence of letters), damaged half-way.
    let x = 7;
    const text = Buffer.from(Array.from({ length: 40_000 }, () => String.fromCharCode(97 + ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) % 26)).join(''), 'latin1');
    const gz = new Uint8Array(gzipSync(text));
    gz.fill(0xff, gz.length >> 1, (gz.length >> 1) + 64);
    const { stream } = counted([gz]);
    const input = await openInput('-', stream);
    expect(input).toMatchObject({ kind: 'unknown', gzip: true });
    const got: Buffer[] = [];
    let failed: unknown;
    try {
      for await (const c of input.chunks) got.push(Buffer.from(c));
    } catch (err) {
      failed = err;
    }
    expect(failed).toBeInstanceOf(Error);
    const read = Buffer.concat(got);
    // What came before the damage (the bytes inflated just before it may already be wrong).
    expect(read.length).toBeGreaterThan(1000);
    expect(read.subarray(0, 1000).equals(text.subarray(0, 1000))).toBe(true);
  });
});
