/**
 * Content-detected gzip: the first two bytes 1f 8b mean the source is decompressed while it
 * streams (util/gunzip.ts). A damaged or truncated gzip stream ends the data with a reported
 * error instead of an exception; read errors of the source itself are rethrown.
 */
import { GzipDamageError, gunzipChunks } from '../util/gunzip.js';

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
    try {
      yield* gunzipChunks(prepend(head, it, hooks));
    } catch (e) {
      if (!(e instanceof GzipDamageError)) throw e;
      hooks.onGzipError(e.zlibError);
    }
  } finally {
    await it.return?.();
  }
}
