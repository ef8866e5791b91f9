/** Parsing and checking of the options commands share. */
import type { Command } from 'commander';
import { zoneOffsetMinutes } from '../mivr/timezones.js';
import type { SourceOptions } from '../timeline/types.js';
import { UsageError } from './io.js';

export type FormatName = 'text' | 'json' | 'ndjson' | 'junit' | 'sarif' | 'html';

/** The CTI port when no --port is given. */
export const DEFAULT_PORT = 42027;

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

export function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value);
  if (!/^\d{4}$/.test(value.trim()) || !Number.isInteger(year) || year < 1970 || year > 9999) throw new UsageError(`--year takes a four-digit year (not ${JSON.stringify(value)})`);
  return year;
}

export function parseTimeZone(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (zoneOffsetMinutes(value) === undefined) {
    throw new UsageError(`--tz: unknown time zone ${JSON.stringify(value)} (use an abbreviation such as EST or a numeric zone such as +0530)`);
  }
  return value;
}

/** The options of the commands that read inputs (decode, check), as commander gives them. */
export interface InputCommandOptions {
  readonly port?: number[];
  readonly protocolVersion?: string;
  readonly showSecrets?: boolean;
  readonly year?: string;
  readonly tz?: string;
}

/** Checks the input options (a UsageError, exit 2, when one is wrong) and makes the sources' options. */
export function sourceOptions(options: InputCommandOptions): SourceOptions {
  const protocolVersion = parseVersion(options.protocolVersion);
  const year = parseYear(options.year);
  const tz = parseTimeZone(options.tz);
  return {
    ports: options.port && options.port.length > 0 ? options.port : [DEFAULT_PORT],
    ...(protocolVersion !== undefined ? { protocolVersion } : {}),
    showSecrets: options.showSecrets === true,
    ...(year !== undefined ? { year } : {}),
    ...(tz !== undefined ? { tz } : {}),
  };
}

/** Declares the input options on a command (decode, check); `showSecrets` is its help text. */
export function addInputOptions(command: Command, showSecrets: string): Command {
  return command
    .option('--port <n>', `TCP port carrying CTI (repeatable; default ${DEFAULT_PORT}; other ports are found by heuristics too)`, parsePort, [])
    .option('--protocol-version <n>', 'protocol version to assume where no OPEN_REQ was seen (otherwise inferred)')
    .option('--show-secrets', showSecrets)
    .option('--year <yyyy>', 'MIVR logs: the year of the records (default: from the file date)')
    .option('--tz <zone>', 'MIVR logs: the time zone of the records (overrides their abbreviation)');
}
