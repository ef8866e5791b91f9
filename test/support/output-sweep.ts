/**
 * Test support for the output sweep (test/cli/secret-sweep.test.ts and escape-sweep.test.ts): every command and format
 * of the command line run on one input, and what their outputs (stdout, stderr, `-o` files)
 * must not hold — a secret's marker in any form, a character a terminal interprets.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isTerminalUnsafe } from '../../src/render/escape.js';
import { ccxcti } from './cli.js';

/** One output of one run: where it went (`decode --format json stdout`) and its text. */
export interface SweepOutput {
  readonly where: string;
  readonly text: string;
  /** What the format allows raw of the characters a terminal interprets. */
  readonly raw: string;
}

/** Raw in every text output: newline. The JUnit report keeps tab too (XML whitespace). */
const RAW_TEXT = '\n';
const RAW_XML = '\t\n';

/** The formats of each command (the help's choices). */
export const DECODE_FORMATS = ['text', 'json', 'ndjson'] as const;
export const CHECK_FORMATS = ['text', 'json', 'junit', 'sarif', 'html'] as const;
export const HEX_FORMATS = ['text', 'json', 'ndjson'] as const;

async function collect(argv: readonly string[], outputs: SweepOutput[], raw: string, stdin?: string, outFile?: string): Promise<number> {
  const r = await ccxcti(argv, stdin === undefined ? {} : { stdin });
  // Paths and long arguments (hex text, hostile strings) are left out of the label.
  const label = argv.filter((a) => !a.includes('/') && a.length <= 24 && !/[^\x20-\x7e]/.test(a)).join(' ');
  outputs.push({ where: `${label} stdout`, text: r.stdout, raw });
  outputs.push({ where: `${label} stderr`, text: r.stderr, raw: RAW_TEXT });
  if (outFile !== undefined) {
    let text = '';
    try {
      text = readFileSync(outFile, 'utf8');
    } catch {
      // no file written: nothing to search
    }
    outputs.push({ where: `${label} -o file`, text, raw });
  }
  return r.code;
}

/**
 * `decode` in every format (text also with -V), to stdout and with -o, and `check` in every
 * report format: the outputs of each. `extra` is added to every command line.
 */
export async function sweepInputs(paths: readonly string[], extra: readonly string[] = []): Promise<SweepOutput[]> {
  const outputs: SweepOutput[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'ccxcti-sweep-'));
  try {
    for (const format of DECODE_FORMATS) {
      await collect(['decode', ...paths, '--format', format, ...extra], outputs, RAW_TEXT);
      const file = join(dir, `decode.${format}`);
      await collect(['decode', ...paths, '--format', format, '-o', file, ...extra], outputs, RAW_TEXT, undefined, file);
    }
    await collect(['decode', ...paths, '--format', 'text', '-V', ...extra], outputs, RAW_TEXT);
    for (const format of CHECK_FORMATS) {
      const raw = format === 'junit' ? RAW_XML : RAW_TEXT;
      await collect(['check', ...paths, '--format', format, '--fail-on', 'info', ...extra], outputs, raw);
      const file = join(dir, `check.${format}`);
      await collect(['check', ...paths, '--format', format, '-o', file, ...extra], outputs, raw, undefined, file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return outputs;
}

/** `hex` in every format, the text as arguments and on stdin. */
export async function sweepHex(hexText: string, extra: readonly string[] = []): Promise<SweepOutput[]> {
  const outputs: SweepOutput[] = [];
  for (const format of HEX_FORMATS) {
    await collect(['hex', hexText, '--format', format, ...extra], outputs, RAW_TEXT);
    await collect(['hex', '--format', format, ...extra], outputs, RAW_TEXT, hexText);
  }
  return outputs;
}

const hex2 = (b: number): string => b.toString(16).padStart(2, '0');

/**
 * A regular expression finding any `window` consecutive characters of the secret as text, or
 * any `window` consecutive bytes of it as hex (either case, with up to four separator
 * characters between bytes: `53 33`, `0x53, 0x33`, `\x53\x33`) — a secret split over two dump
 * rows, or quoted in part, is still found.
 */
export function secretPattern(secret: string, window = 4): RegExp {
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alternatives: string[] = [];
  for (let i = 0; i + window <= secret.length; i++) alternatives.push(escape(secret.slice(i, i + window)));
  const bytes = [...Buffer.from(secret, 'latin1')];
  for (let i = 0; i + window <= bytes.length; i++) alternatives.push(bytes.slice(i, i + window).map(hex2).join('[^0-9a-fA-F]{0,4}'));
  return new RegExp(alternatives.join('|'), 'i');
}

/** Where a secret shows in the outputs (empty: nowhere). */
export function secretLeaks(outputs: readonly SweepOutput[], secret: string): string[] {
  const pattern = secretPattern(secret);
  const found: string[] = [];
  for (const o of outputs) {
    const m = pattern.exec(o.text);
    if (m) found.push(`${o.where}: ${JSON.stringify(o.text.slice(Math.max(0, m.index - 60), m.index + 40))}`);
  }
  return found;
}

/** The raw characters a terminal interprets (but those the format allows) in the outputs. */
export function rawControls(outputs: readonly SweepOutput[]): string[] {
  const found: string[] = [];
  for (const o of outputs) {
    let at = 0;
    for (const c of o.text) {
      if (isTerminalUnsafe(c) && !o.raw.includes(c)) {
        found.push(`${o.where}: U+${c.charCodeAt(0).toString(16).padStart(4, '0')} in ${JSON.stringify(o.text.slice(Math.max(0, at - 60), at + 20))}`);
        break;
      }
      at += c.length;
    }
  }
  return found;
}

/** Tags the HTML report writes; anything else between < and > came from an input unescaped. */
const HTML_TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'h4', 'p', 'span', 'code', 'small', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a']);

/** Markup in an HTML report that the report did not write (empty: none). */
export function foreignMarkup(html: string): string[] {
  const tag = /<!DOCTYPE html>|<\/?([a-z0-9]+)(?:\s[^<>]*)?>/gi;
  const found: string[] = [];
  let last = 0;
  for (const m of html.matchAll(tag)) {
    const between = html.slice(last, m.index);
    last = m.index + m[0].length;
    if (/[<>]/.test(between) || (m[1] !== undefined && !HTML_TAGS.has(m[1]))) found.push(JSON.stringify(html.slice(Math.max(0, m.index - 40), m.index + 40)));
  }
  if (/[<>]/.test(html.slice(last))) found.push('< or > after the last tag');
  return found;
}
