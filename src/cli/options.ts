/** Parsing and checking of the options commands share. */
import { UsageError } from './io.js';

export type FormatName = 'text' | 'json' | 'ndjson' | 'junit' | 'sarif';

export function formatOption<F extends FormatName>(value: string | undefined, allowed: readonly F[], fallback: F): F {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as F;
  throw new UsageError(`--format must be one of ${allowed.join(', ')} (not ${JSON.stringify(value)})`);
}

export function parseVersion(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new UsageError(`--protocol-version takes a whole number (not ${JSON.stringify(value)})`);
  return n;
}

export function parsePort(value: string, previous: number[]): number[] {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new UsageError(`--port takes a TCP port 1-65535 (not ${JSON.stringify(value)})`);
  return [...previous, n];
}
