/**
 * Content-detected gzip: the first two bytes 1f 8b mean the source is decompressed while it
 * streams (node:zlib; concatenated members are fine). A damaged or truncated gzip stream ends
 * the data with a reported error instead of an exception; read errors of the source itself
 * are rethrown (the input cannot be read at all).
 */
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export function isGzipMagic(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

export interface DecompressHooks {
  /** Bytes read from the source. */
  onRaw(bytes: number): void;
  /** The gzip data is damaged; what was decoded before was delivered. */
  onGzipError(error: Error): void;
}

async function* prepend(head: Uint8Array[], rest: AsyncIterator<Uint8Array>, hooks: DecompressHooks): AsyncGenerator<Uint8Array> {
  for (const chunk of head) yield chunk;
  for (;;) {
    const r = await rest.next();
    if (r.done) return;
    hooks.onRaw(r.value.byteLength);
    yield r.value;
  }
}

function isZlibError(e: unknown): e is Error {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && (e as NodeJS.ErrnoException).code!.startsWith('Z_');
}

/** The source's bytes, decompressed when they are gzip. */
export async function* decompressIfGzip(source: AsyncIterable<Uint8Array>, hooks: DecompressHooks): AsyncGenerator<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  try {
    while (headBytes < 2) {
      const r = await it.next();
      if (r.done) break;
      hooks.onRaw(r.value.byteLength);
      head.push(r.value);
      headBytes += r.value.byteLength;
    }
    const first = head.length === 1 ? head[0] : Buffer.concat(head);
    if (!isGzipMagic(first)) {
      yield* prepend(head, it, hooks);
      return;
    }
    let sourceError: unknown;
    const input = Readable.from(prepend(head, it, hooks), { objectMode: false });
    const gunzip = createGunzip({ chunkSize: 256 * 1024 });
    input.on('error', (e) => {
      sourceError = e;
      gunzip.destroy(e);
    });
    input.pipe(gunzip);
    try {
      for await (const chunk of gunzip as AsyncIterable<Buffer>) yield chunk;
    } catch (e) {
      if (sourceError !== undefined) throw sourceError;
      if (!isZlibError(e)) throw e;
      hooks.onGzipError(e);
    } finally {
      input.destroy();
      gunzip.destroy();
    }
  } finally {
    await it.return?.();
  }
}
