/**
 * util/gunzip.ts: what damaged gzip data (bad CRC or length, corrupt or truncated stream)
 * delivers before its GzipDamageError, read errors of the source, and readers that stop early
 * — never a hang, never data that the original does not hold.
 */
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { GzipDamageError, gunzipChunks } from '../../src/util/gunzip.js';

/** The bytes as a source of `size`-byte chunks that notes whether it was closed. */
function source(bytes: Uint8Array, size: number, failAfter?: number): AsyncIterable<Uint8Array> & { closed: boolean } {
  const s = {
    closed: false,
    async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
      try {
        for (let at = 0; at < bytes.length; at += size) {
          if (failAfter !== undefined && at >= failAfter) throw Object.assign(new Error('EIO: read failed'), { code: 'EIO' });
          await Promise.resolve();
          yield bytes.subarray(at, at + size);
        }
      } finally {
        s.closed = true;
      }
    },
  };
  return s;
}

async function read(src: AsyncIterable<Uint8Array>): Promise<{ data: Buffer; error?: unknown }> {
  const parts: Uint8Array[] = [];
  try {
    for await (const chunk of gunzipChunks(src)) parts.push(chunk);
  } catch (error) {
    return { data: Buffer.concat(parts), error };
  }
  return { data: Buffer.concat(parts) };
}

/** Text-like content (compressible, so one gzip block holds much of it) or random bytes. */
const content = (n: number, random: boolean): Buffer =>
  random ? randomBytes(n) : Buffer.from(Array.from({ length: Math.ceil(n / 40) }, (_, i) => `${7_000_000 + i}: Nov 20 10:52:10.121 EDT x\n`).join('').slice(0, n));

describe('gunzipChunks', () => {
  it('decompresses whole streams, also several members, in any read size', async () => {
    const a = content(300_000, false);
    const b = content(70_000, true);
    for (const size of [1, 7, 4096, 1 << 20]) {
      const r = await read(source(Buffer.concat([gzipSync(a), gzipSync(b)]), size === 1 ? 997 : size));
      expect(r.error).toBeUndefined();
      expect(r.data.equals(Buffer.concat([a, b]))).toBe(true);
    }
  });

  it('a bad CRC or length at the end: all the data, then the damage', async () => {
    for (const random of [false, true]) {
      const original = content(120_000, random);
      const gz = gzipSync(original);
      for (const at of [gz.length - 8, gz.length - 1]) {
        const bad = Buffer.from(gz);
        bad[at] ^= 0xff;
        const r = await read(source(bad, 65_536));
        expect(r.error).toBeInstanceOf(GzipDamageError);
        expect((r.error as Error).message).toMatch(/^damaged gzip data \(incorrect (data|length) check\)$/);
        expect(r.data.equals(original)).toBe(true);
      }
    }
  });

  it('truncated anywhere: a prefix of the data, then the damage; corrupted anywhere: the damage — never a hang', async () => {
    const original = content(400_000, false);
    const gz = gzipSync(original);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: gz.length - 1 }), fc.boolean(), fc.constantFrom(1000, 65_536, 1 << 20), async (at, truncate, size) => {
        const bad = truncate ? gz.subarray(0, at) : Buffer.from(gz).fill(0x55, at, Math.min(gz.length, at + 16));
        const r = await read(source(bad, size));
        if (r.error !== undefined) expect(r.error).toBeInstanceOf(GzipDamageError);
        // Cut short, what comes out is the start of the original. (Corrupted deflate data may
        // inflate to other bytes before zlib sees the damage: the gzip CRC covers them only at
        // the end, where the damage is then reported.)
        if (truncate) expect(original.subarray(0, r.data.length).equals(r.data)).toBe(true);
        if (r.error === undefined) expect(r.data.equals(original)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('truncated: everything zlib can inflate from what is there comes out, whatever the timing (the trailer is not inflated with the end)', async () => {
    const original = content(60_000, true);
    const gz = gzipSync(original);
    for (const cut of [gz.length - 9, gz.length - 20, Math.floor(gz.length / 2), 30]) {
      const bad = gz.subarray(0, cut);
      // What a synchronous inflate of the same bytes gives before it runs out of input.
      const all = gunzipSync(bad, { finishFlush: constants.Z_SYNC_FLUSH });
      for (const size of [bad.length, 4096]) {
        for (let run = 0; run < 3; run++) {
          const r = await read(source(bad, size));
          expect(r.error, `cut at ${cut}, ${size}-byte reads`).toBeInstanceOf(GzipDamageError);
          expect(r.data.length, `cut at ${cut}, ${size}-byte reads`).toBe(all.length);
          expect(r.data.equals(all)).toBe(true);
        }
      }
    }
  });

  it("a read error of the source is rethrown as it is, after what was decompressed; the source is closed", async () => {
    const original = content(2_000_000, true);
    const src = source(gzipSync(original), 65_536, 600_000);
    const r = await read(src);
    expect((r.error as NodeJS.ErrnoException).code).toBe('EIO');
    expect(r.data.length).toBeGreaterThan(0);
    expect(original.subarray(0, r.data.length).equals(r.data)).toBe(true);
    expect(src.closed).toBe(true);
  });

  it('a reader that stops early ends everything: no hang, the source is closed', async () => {
    const src = source(gzipSync(content(5_000_000, true)), 65_536);
    for await (const chunk of gunzipChunks(src)) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    expect(src.closed).toBe(true);
  });
});
