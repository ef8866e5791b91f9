/**
 * gzip data decompressed as it streams (node:zlib; concatenated members are fine), for the
 * command's inputs and the MIVR reader alike. Damage — a bad CRC or length, a corrupt or
 * truncated stream — ends the data with a GzipDamageError after everything zlib could
 * decompress before it: zlib's output is taken as it comes (never dropped with the error),
 * and the 8-byte trailer of the last member is written apart, so a bad CRC or length at the
 * end loses no data. A read error of the source itself is rethrown as it is. Neither side
 * waits for the other once one has stopped (a reader that stops early, a damaged stream).
 */
import { createGunzip } from 'node:zlib';

/** The gzip data is damaged; `cause` is zlib's error. */
export class GzipDamageError extends Error {
  override readonly name = 'GzipDamageError';
  constructor(readonly zlibError: Error) {
    super(`damaged gzip data (${zlibError.message})`);
  }
}

function isZlibError(e: unknown): e is Error {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && (e as NodeJS.ErrnoException).code!.startsWith('Z_');
}

/** Decompressed chunks waiting for the reader before zlib is paused. */
const QUEUED = 4;
/** Bytes of a gzip member's trailer (CRC32, ISIZE). */
const TRAILER = 8;

export async function* gunzipChunks(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const z = createGunzip({ chunkSize: 256 * 1024 });
  const queue: Buffer[] = [];
  let zlibError: Error | undefined;
  let sourceError: unknown;
  let ended = false;
  let wake: (() => void) | undefined;
  const signal = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  z.on('data', (chunk: Buffer) => {
    queue.push(chunk);
    if (queue.length >= QUEUED) z.pause();
    signal();
  });
  z.on('error', (err: Error) => {
    zlibError ??= err;
    signal();
  });
  z.on('end', () => {
    ended = true;
    signal();
  });
  z.on('close', () => {
    ended = true;
    signal();
  });
  /** Resolves on 'drain', or when the stream is closed (no 'drain' will come then). */
  const drained = (): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        z.off('drain', done);
        z.off('close', done);
        resolve();
      };
      z.on('drain', done);
      z.on('close', done);
    });

  /** Writes `chunk` and resolves once zlib has taken it in (or the stream is closed). */
  const writtenIn = (chunk: Uint8Array): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        z.off('close', done);
        resolve();
      };
      z.on('close', done);
      z.write(chunk, done);
    });

  const feeding = (async (): Promise<void> => {
    // The last TRAILER bytes seen are held back and written last, on their own.
    let tail: Uint8Array = new Uint8Array(0);
    try {
      for await (const chunk of source) {
        if (z.destroyed) return;
        const all = tail.length === 0 ? chunk : Buffer.concat([tail, chunk]);
        const cut = Math.max(0, all.length - TRAILER);
        tail = all.subarray(cut);
        if (cut > 0 && !z.write(all.subarray(0, cut))) await drained();
      }
      if (z.destroyed) return;
      // The trailer is written, and taken in by zlib, before end(): a chunk still queued when
      // end() is called is inflated with Z_FINISH, and the output of a call that fails is lost —
      // so, written together, a truncated last member lost its last bytes or not depending on
      // timing (found by the fuzzer: one run in twenty read 67 bytes less).
      if (tail.length > 0) await writtenIn(tail);
      if (!z.destroyed) z.end();
    } catch (err) {
      sourceError = err;
      z.destroy();
    }
  })();

  try {
    for (;;) {
      const chunk = queue.shift();
      if (chunk !== undefined) {
        if (queue.length === 0 && z.isPaused() && !z.destroyed) z.resume();
        yield chunk;
        continue;
      }
      if (sourceError !== undefined) throw sourceError;
      if (zlibError !== undefined) throw isZlibError(zlibError) ? new GzipDamageError(zlibError) : zlibError;
      if (ended) {
        await feeding;
        if (sourceError !== undefined) throw sourceError;
        return;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    if (!z.destroyed) z.destroy();
    await feeding;
  }
}
