/**
 * Runs one fuzz input through the code paths of the CLI, in process, every output format
 * written to memory, and checks the invariants: nothing throws, JSON parses (and validates
 * against the schemas for a sample), text carries no terminal control character, secrets stay
 * redacted, and a capture's stream bytes are each in exactly one message, gap or undecodable
 * range.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { RULE_CATALOG } from '../../src/check/catalog.js';
import { Checker } from '../../src/check/checker.js';
import type { ReportContext } from '../../src/check/report/context.js';
import { writeJsonReport } from '../../src/check/report/json.js';
import { writeHtmlReport } from '../../src/check/report/html.js';
import { writeJunitReport } from '../../src/check/report/junit.js';
import { writeSarifReport } from '../../src/check/report/sarif.js';
import { writeTextReport } from '../../src/check/report/text.js';
import { resolveLevels } from '../../src/check/settings.js';
import { decodeCommand } from '../../src/cli/commands/decode.js';
import { hexCommand } from '../../src/cli/commands/hex.js';
import { openCommandTimeline } from '../../src/cli/inputs.js';
import { UsageError, type CliIo } from '../../src/cli/io.js';
import { sourceOptions } from '../../src/cli/options.js';
import { packageVersion } from '../../src/cli/package-info.js';
import { run as cli } from '../../src/cli/program.js';
import { REDACTED } from '../../src/protocol/codec/decode.js';
import { SECRET_FIELD_IDS, SECRET_FIELD_NAMES, SECRET_MESSAGE_IDS } from '../../src/protocol/messages/index.js';
import { isTerminalUnsafe } from '../../src/render/escape.js';
import type { SessionSummary, TimelineEvent } from '../../src/timeline/types.js';
import { secretValues, TEXT_SECRET, type FuzzInput } from './inputs.js';
import { SARIF_SCHEMA_PRESENT, sarifErrors, schemaErrors, type ValidationOptions } from '../schemas.js';

/** The first schema error of an output is enough to report it (and quicker to find). */
const VALIDATION: ValidationOptions = { allErrors: false };

/** Compiles the validators execute() uses (seconds on a busy machine), so that no input's time limit pays for it. */
export function compileValidators(): void {
  for (const name of ['decode-document.schema.json', 'decoded-message.schema.json', 'check-report.schema.json'] as const) schemaErrors(name, {}, VALIDATION);
  if (SARIF_SCHEMA_PRESENT) sarifErrors({});
}

/** One broken invariant. `signature` groups failures of one cause (kind and where). */
export interface Failure {
  readonly kind: 'throw' | 'json' | 'schema' | 'control' | 'html' | 'secret' | 'accounting' | 'memory';
  readonly signature: string;
  readonly detail: string;
}

class Fail extends Error {
  constructor(
    readonly kind: Failure['kind'],
    readonly where: string,
    detail: string,
  ) {
    super(detail);
  }
}

interface Captured {
  readonly io: CliIo;
  out(): string;
  err(): string;
}

function sink(): { stream: Writable; text(): string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
      cb();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

function memoryIo(stdin: Uint8Array | string | undefined): Captured {
  const out = sink();
  const err = sink();
  const input = stdin === undefined ? Readable.from([]) : Readable.from([typeof stdin === 'string' ? Buffer.from(stdin) : Buffer.from(stdin)]);
  return { io: { stdout: out.stream, stderr: err.stream, stdin: input, stdoutIsTTY: false }, out: out.text, err: err.text };
}

/** Raw in text and JSON outputs: only newline of the characters src/render/escape.ts escapes. */
const RAW_IN_TEXT = '\n';
/** In XML, tab is whitespace the JUnit report keeps raw too (test/check/report-gaps.test.ts). */
const RAW_IN_XML = '\t\n';

/** Tags the HTML report writes; anything else between < and > came from an input unescaped. */
const HTML_TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'h4', 'p', 'span', 'code', 'small', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a']);

/** The HTML report: only its own tags, and no < or > in the text between them. */
function checkHtml(html: string): void {
  const tag = /<!DOCTYPE html>|<\/?([a-z0-9]+)(?:\s[^<>]*)?>/g;
  let last = 0;
  for (const m of html.matchAll(tag)) {
    const between = html.slice(last, m.index);
    last = m.index + m[0].length;
    if (/[<>]/.test(between) || (m[1] !== undefined && !HTML_TAGS.has(m[1]))) {
      throw new Fail('html', 'markup in the HTML report', `check html: unescaped markup near ${JSON.stringify(html.slice(Math.max(0, m.index - 40), m.index + 40))}`);
    }
  }
  if (/[<>]/.test(html.slice(last))) throw new Fail('html', 'markup in the HTML report', 'check html: < or > after the last tag');
}

/** No character src/render/escape.ts escapes reaches the text raw, but those in `raw`. */
function checkText(text: string, where: string, raw: string = RAW_IN_TEXT): void {
  let at = 0;
  for (const c of text) {
    if (isTerminalUnsafe(c) && !raw.includes(c)) break;
    at += c.length;
  }
  if (at >= text.length) return;
  const code = text.charCodeAt(at).toString(16).padStart(4, '0');
  throw new Fail('control', `${where} U+${code}`, `U+${code} at ${at} of ${where}: ${JSON.stringify(text.slice(Math.max(0, at - 80), at + 40))}`);
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Fail('json', where, `${where} does not parse: ${(err as Error).message}: ${JSON.stringify(text.slice(0, 300))}`);
  }
}

/** Every secret field's value (SECRET_FIELD_NAMES, from the message table) in a JSON value is the redaction mark. */
function checkRedacted(value: unknown, where: string): void {
  if (Array.isArray(value)) {
    for (const v of value) checkRedacted(v, where);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_FIELD_NAMES.has(k) && typeof v === 'string' && v !== REDACTED) throw new Fail('secret', `${where} ${k}`, `${where}: ${k} = ${JSON.stringify(v)} though secrets are not shown`);
      checkRedacted(v, where);
    }
  }
}


/**
 * What of a decoded message (JSON) cannot be known to hold a secret: a message of another type
 * (a damaged MessageTypeID turns an OPEN_REQ into UNKNOWN_101, its body shown as hex) and, in
 * a message that carries one, the extras of other FieldDataIDs. Secret bytes there are not a leak.
 */
function opaqueParts(m: unknown): unknown[] {
  const message = m as { typeId?: number | null; extras?: Array<{ id: number }> };
  if (message.typeId === null || message.typeId === undefined || !SECRET_MESSAGE_IDS.has(message.typeId)) return [m];
  return (message.extras ?? []).filter((x) => !SECRET_FIELD_IDS.has(x.id));
}

/** An output searched for secrets; `messages`: its decoded messages, whose opaque parts are left out of the search. */
interface Output {
  readonly where: string;
  readonly text: string;
  readonly messages?: readonly unknown[];
}

/** How a secret could show in an output: its hex, and its text when it is printable. */
function secretForms(hex: string): string[] {
  const forms: string[] = [];
  if (/^([0-9a-fA-F]{2})+$/.test(hex)) {
    if (hex.length >= 8) forms.push(hex.toLowerCase(), hex.toUpperCase());
    const text = Buffer.from(hex, 'hex').toString('latin1');
    if (text.length >= 5 && /^[\x21-\x7e]+$/.test(text)) forms.push(text);
  } else if (hex.length >= 5) forms.push(hex);
  return forms;
}

async function run(what: string, f: () => Promise<number>): Promise<number> {
  try {
    return await f();
  } catch (err) {
    if (err instanceof Fail) throw err;
    const e = err as Error;
    const frame = (e.stack ?? '').split('\n').find((l) => l.includes('/src/')) ?? '';
    throw new Fail('throw', `${what}: ${e.name}: ${e.message.slice(0, 60)} ${frame.trim().replace(/:\d+\)?$/, '')}`, `${what} threw: ${e.stack ?? String(e)}`);
  }
}

type Range = { start: number; end: number; what: string };

/** Each direction's messages, gaps and undecodable ranges tile its stream from 0, with no hole and no overlap. */
function checkAccounting(events: readonly TimelineEvent[], sessions: readonly SessionSummary[]): void {
  const byDir = new Map<string, Range[]>();
  const unaccounted = new Map<string, number>();
  for (const e of events) {
    if (e.session === undefined || e.direction === undefined || e.streamOffset === undefined) continue;
    const key = `${e.session} ${e.direction}`;
    let r: Range;
    // A message cut short (snapshot length, gap, end of capture) holds the bytes captured.
    if (e.kind === 'message') r = { start: e.streamOffset, end: e.streamOffset + (e.capturedLength ?? 8 + (e.message.bodyLength ?? 0)), what: `${e.message.type} (frame ${e.source.frame})` };
    else if ((e.code === 'STREAM_GAP' || e.code === 'STREAM_UNDECODABLE') && e.length !== undefined) {
      r = { start: e.streamOffset, end: e.streamOffset + e.length, what: `${e.code} (frame ${e.source.frame})` };
      unaccounted.set(key, (unaccounted.get(key) ?? 0) + e.length);
    } else continue;
    const list = byDir.get(key) ?? [];
    list.push(r);
    byDir.set(key, list);
  }
  for (const [key, list] of byDir) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    if (list[0]!.start !== 0) throw new Fail('accounting', 'first range not at 0', `${key}: the first range is ${list[0]!.what} at ${list[0]!.start}, not 0`);
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1]!;
      const b = list[i]!;
      if (b.start !== a.end) {
        const how = b.start > a.end ? 'hole' : 'overlap';
        throw new Fail('accounting', `${how} after ${a.what.split(' ')[0]} before ${b.what.split(' ')[0]}`, `${key}: ${how} between ${a.what} [${a.start}, ${a.end}) and ${b.what} [${b.start}, ${b.end})`);
      }
    }
  }
  for (const s of sessions) {
    for (const dir of ['client-to-server', 'server-to-client'] as const) {
      const reported = unaccounted.get(`${s.id} ${dir}`) ?? 0;
      if (reported !== s.unaccountedBytes[dir]) {
        throw new Fail('accounting', 'unaccountedBytes differs', `${s.id} ${dir}: the session counts ${s.unaccountedBytes[dir]} unaccounted bytes, its gap and undecodable ranges ${reported}`);
      }
    }
  }
}

const DIR = join(tmpdir(), `ccxcti-fuzz-${process.pid}`);

/** Writes the input's files; returns the command line's input arguments. */
function materialize(input: FuzzInput): { args: string[]; stdin: Uint8Array | undefined } {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const args: string[] = [];
  let stdin: Uint8Array | undefined;
  for (const f of input.files) {
    if (f.stdin) {
      stdin = f.bytes;
      args.push('-');
    } else {
      const path = `${DIR}/${f.name}`;
      writeFileSync(path, f.bytes);
      args.push(path);
    }
  }
  return { args, stdin };
}

/** Runs the input; a broken invariant is returned, never thrown. */
export async function execute(input: FuzzInput, validate: boolean): Promise<Failure | undefined> {
  try {
    if (input.hexText !== undefined) await executeHex(input, input.hexText, validate);
    else await executeFiles(input, validate);
    return undefined;
  } catch (err) {
    if (err instanceof Fail) return { kind: err.kind, signature: `${err.kind}: ${err.where}`, detail: err.message };
    const e = err as Error;
    return { kind: 'throw', signature: `throw: harness ${e.name}: ${e.message.slice(0, 80)}`, detail: e.stack ?? String(e) };
  }
}

async function executeFiles(input: FuzzInput, validate: boolean): Promise<void> {
  const redactedOutputs: Output[] = [];
  const { args, stdin } = materialize(input);
  /** Messages each format gave: they must agree (and with the check report's count). */
  const counts: Array<[string, number]> = [];
  // decode, every format (text with -V: each message's line and its whole tree)
  for (const format of ['text', 'json', 'ndjson'] as const) {
    const c = memoryIo(stdin);
    await run(`decode --format ${format}`, () => decodeCommand(args, { format, verbose: format === 'text' }, c.io));
    const out = c.out();
    checkText(c.err(), `decode --format ${format} stderr`);
    redactedOutputs.push({ where: `decode ${format} stderr`, text: c.err() });
    if (format === 'text') {
      checkText(out, 'decode text');
      redactedOutputs.push({ where: 'decode text', text: out });
    }
    else if (format === 'json') {
      if (out === '') continue;
      const doc = parseJson(out, 'decode json');
      checkText(out, 'decode json');
      checkRedacted(doc, 'decode json');
      // the messages, and the rest of the document (diagnostics, sessions) as text
      const { messages, ...rest } = doc as { messages: unknown[] };
      redactedOutputs.push({ where: 'decode json', text: out, messages });
      redactedOutputs.push({ where: 'decode json diagnostics and sessions', text: JSON.stringify(rest) });
      counts.push(['decode json', (doc as { messages: unknown[] }).messages.length]);
      if (validate) {
        const errors = schemaErrors('decode-document.schema.json', doc, VALIDATION);
        if (errors.length > 0) throw new Fail('schema', `decode json ${errors[0]}`, `decode json: ${errors.join('; ')}`);
      }
    } else {
      counts.push(['decode ndjson', out.split('\n').filter((line) => line !== '').length]);
      checkText(out, 'decode ndjson');
      const messages: unknown[] = [];
      redactedOutputs.push({ where: 'decode ndjson', text: out, messages });
      for (const line of out.split('\n')) {
        if (line === '') continue;
        const m = parseJson(line, 'decode ndjson');
        messages.push(m);
        checkRedacted(m, 'decode ndjson');
        if (validate) {
          const errors = schemaErrors('decoded-message.schema.json', m, VALIDATION);
          if (errors.length > 0) throw new Fail('schema', `decode ndjson ${errors[0]}`, `decode ndjson: ${errors.join('; ')}: ${line.slice(0, 400)}`);
        }
      }
    }
  }
  // check, as `ccxcti check` does it, every report format from one result
  const c = memoryIo(stdin);
  const source = sourceOptions({});
  const levels = resolveLevels(RULE_CATALOG, []);
  const events: TimelineEvent[] = [];
  let sessions: SessionSummary[] = [];
  let result: ReportContext['result'] | undefined;
  await run('check', async () => {
    const timeline = await openCommandTimeline(args, source, c.io);
    if (timeline === 2) return 2;
    const checker = new Checker({ levels });
    for await (const batch of timeline.batches) {
      for (let i = 0; i < batch.length; i++) {
        checker.push(batch[i]!);
        if (input.target === 'capture') events.push(batch[i]!);
      }
    }
    sessions = timeline.sessions();
    result = checker.finish(sessions);
    return 0;
  });
  checkText(c.err(), 'check stderr');
  if (result !== undefined) {
    const ctx: ReportContext = { result, inputs: args, catalog: RULE_CATALOG, levels, failOn: 'error', toolVersion: packageVersion() };
    let text = '';
    await run('check text report', async () => ((text = writeTextReport(ctx)), 0));
    checkText(text, 'check text');
    redactedOutputs.push({ where: 'check text', text });
    let json = '';
    await run('check json report', async () => ((json = writeJsonReport(ctx)), 0));
    const report = parseJson(json, 'check json');
    checkText(json, 'check json');
    counts.push(['check json summary', (report as { summary: { messages: number } }).summary.messages]);
    const differ = counts.find(([, n]) => n !== counts[0]![1]);
    if (differ !== undefined) throw new Fail('json', 'message counts differ', `messages per output: ${counts.map(([w, n]) => `${w} ${n}`).join(', ')}`);
    redactedOutputs.push({ where: 'check json', text: json });
    if (validate) {
      const errors = schemaErrors('check-report.schema.json', report, VALIDATION);
      if (errors.length > 0) throw new Fail('schema', `check json ${errors[0]}`, `check json: ${errors.join('; ')}`);
    }
    let junit = '';
    await run('check junit report', async () => ((junit = writeJunitReport(ctx)), 0));
    checkText(junit, 'check junit', RAW_IN_XML);
    redactedOutputs.push({ where: 'check junit', text: junit });
    let html = '';
    await run('check html report', async () => ((html = writeHtmlReport(ctx)), 0));
    checkText(html, 'check html');
    checkHtml(html);
    redactedOutputs.push({ where: 'check html', text: html });
    let sarif = '';
    await run('check sarif report', async () => ((sarif = writeSarifReport(ctx)), 0));
    const sarifDoc = parseJson(sarif, 'check sarif');
    checkText(sarif, 'check sarif');
    redactedOutputs.push({ where: 'check sarif', text: sarif });
    if (validate) {
      const errors = SARIF_SCHEMA_PRESENT ? sarifErrors(sarifDoc) : [];
      if (errors.length > 0) throw new Fail('schema', `check sarif ${errors[0]}`, `check sarif: ${errors.join('; ')}`);
    }
  }
  if (input.target === 'capture') checkAccounting(events, sessions);
  // secrets: the values --show-secrets shows must appear in no output without it
  if (validate) {
    const s = memoryIo(stdin);
    await run('decode --show-secrets', () => decodeCommand(args, { format: 'ndjson', showSecrets: true }, s.io));
    const shown = s
      .out()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => parseJson(line, 'decode ndjson --show-secrets'));
    checkNoLeak(shownSecrets(shown), redactedOutputs);
  }
}

async function executeHex(input: FuzzInput, text: string, validate: boolean): Promise<void> {
  const redactedOutputs: Output[] = [];
  for (const format of ['text', 'json', 'ndjson'] as const) {
    const viaStdin = format === 'ndjson';
    const c = memoryIo(viaStdin ? text : undefined);
    let usage = false;
    await run(`hex --format ${format}`, async () => {
      try {
        return await hexCommand(viaStdin ? ['-'] : [text], { format }, c.io);
      } catch (err) {
        // Text that holds no message is a usage error (exit 2), printed by program.ts.
        if (!(err instanceof UsageError)) throw err;
        usage = true;
        return 2;
      }
    });
    if (usage) return checkUsageError(text, input.secrets ?? []);
    const out = c.out();
    if (format === 'text') {
      checkText(out, 'hex text');
      redactedOutputs.push({ where: 'hex text', text: out });
    } else {
      const m = parseJson(out, `hex ${format}`);
      checkText(out, `hex ${format}`);
      redactedOutputs.push({ where: `hex ${format}`, text: out, messages: [m] });
      checkRedacted(m, `hex ${format}`);
      if (validate) {
        const errors = schemaErrors('decoded-message.schema.json', m, VALIDATION);
        if (errors.length > 0) throw new Fail('schema', `hex ${format} ${errors[0]}`, `hex ${format}: ${errors.join('; ')}: ${out.slice(0, 400)}`);
      }
    }
  }
  if (validate) {
    const s = memoryIo(undefined);
    await run('hex --show-secrets', () => hexCommand([text], { format: 'json', showSecrets: true }, s.io));
    checkNoLeak(shownSecrets(parseJson(s.out(), 'hex json --show-secrets')), redactedOutputs);
  }
}

/**
 * Text that holds no message: the command line's usage error, as `ccxcti hex` prints it (the
 * format does not matter, the text is rejected first). Exit code 2; stderr with no raw control
 * character and none of the secrets of the messages the text was made from. The error quotes
 * at most 40 characters of a token: a token that is a password's hex would be reported (none
 * in 500,000 inputs of five seeds). Cheap, so on every such input.
 */
async function checkUsageError(text: string, secrets: readonly string[]): Promise<void> {
  const c = memoryIo(undefined);
  const code = await run('ccxcti hex (usage error)', () => cli(['hex', '--', text], c.io));
  const err = c.err();
  if (code !== 2) throw new Fail('throw', `ccxcti hex usage error exit ${code}`, `ccxcti hex exits ${code}, not 2, on text hexCommand rejects: ${JSON.stringify(err.slice(0, 400))}`);
  checkText(err, 'hex usage error stderr');
  checkNoLeak(new Set(secrets), [{ where: 'hex usage error stderr', text: err }]);
}

/** The secrets a --show-secrets output shows: its secret fields' values, and TEXT_SECRET when a diagnostic quotes it. */
function shownSecrets(shown: unknown): Set<string> {
  const found = new Set<string>();
  secretValues(shown, found);
  if (JSON.stringify(shown).includes(TEXT_SECRET)) found.add(TEXT_SECRET); // quoted by a diagnostic only
  return found;
}

/**
 * The secrets `found` (those a --show-secrets output shows) appear in none of the outputs
 * without it, opaque parts of messages aside (opaqueParts). A secret found in an opaque part is
 * looked for only in the outputs made of messages (text outputs cannot be told apart).
 */
function checkNoLeak(found: ReadonlySet<string>, outputs: readonly Output[]): void {
  if (found.size === 0) return;
  const opaque = JSON.stringify(outputs.flatMap((o) => (o.messages ?? []).flatMap(opaqueParts)));
  for (const value of found) {
    for (const form of secretForms(value)) {
      const inOpaque = opaque.includes(form);
      for (const o of outputs) {
        const text = o.messages === undefined ? (inOpaque ? '' : o.text) : JSON.stringify(o.messages.map(withoutOpaque));
        if (text.includes(form)) throw new Fail('secret', `leak in ${o.where}`, `the secret ${JSON.stringify(form)} appears in ${o.where} without --show-secrets`);
      }
    }
  }
}

function withoutOpaque(m: unknown): unknown {
  const message = m as { typeId?: number | null; extras?: Array<{ id: number }> };
  if (message.typeId === null || message.typeId === undefined || !SECRET_MESSAGE_IDS.has(message.typeId)) return null;
  return message.extras === undefined ? m : { ...message, extras: message.extras.filter((x) => SECRET_FIELD_IDS.has(x.id)) };
}

export function cleanUp(): void {
  rmSync(DIR, { recursive: true, force: true });
}
