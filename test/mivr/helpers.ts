import { gzipSync } from 'node:zlib';
import type { MivrInput, MivrRecord } from '../../src/mivr/index.js';

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The bytes as an async stream of chunks of `size` bytes (1 = byte by byte). */
export async function* chunks(bytes: Uint8Array, size = 65536): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, Math.min(bytes.length, i + size));
}

export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

export function input(name: string, content: string | Uint8Array, opts: { gzip?: boolean; mtime?: Date; chunk?: number } = {}): MivrInput {
  const raw = typeof content === 'string' ? enc(content) : content;
  const bytes = opts.gzip ? new Uint8Array(gzipSync(raw)) : raw;
  return { name, mtime: opts.mtime, open: () => chunks(bytes, opts.chunk) };
}

/** A record header line. */
export function hdr(seq: number, time: string, facility: string, text: string, tz = 'EDT', level = 7, mnemonic = 'UNK'): string {
  return `${seq}: ${time} ${tz} %MIVR-${facility}-${level}-${mnemonic}:${text}`;
}

export function iso(r: MivrRecord): string {
  return new Date(r.timestamp.sec * 1000 + Math.floor(r.timestamp.nsec / 1e6)).toISOString();
}
