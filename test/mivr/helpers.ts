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

/** An ICD_CTI record as the reader gives it (a.log line 1, `Nov 20 10:00:00.000 EDT`), with the members given. */
export function ctiRecord(o: Partial<MivrRecord> = {}): MivrRecord {
  return {
    seq: 7,
    timestamp: { sec: 1, nsec: 0 },
    localTime: 'Nov 20 10:00:00.000',
    tzAbbrev: 'EDT',
    utcOffsetMinutes: -240,
    product: 'MIVR',
    facility: 'ICD_CTI',
    level: 7,
    mnemonic: 'UNK',
    text: 'writing...',
    file: 'a.log',
    line: 1,
    lineCount: 1,
    ...o,
  };
}

/** A record of `file` at `line`, `ms` after 2015-11-20 14:43:59 UTC (local time `localTime`). */
export function ctiRecordAt(file: string, line: number, seq: number, text: string, ms = 0, localTime = 'Nov 20 10:43:59.000'): MivrRecord {
  return ctiRecord({ seq, timestamp: { sec: 1_448_030_639 + Math.floor(ms / 1000), nsec: (ms % 1000) * 1e6 }, localTime, text, file, line });
}
