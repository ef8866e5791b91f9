/**
 * The seeds (samples/ and the test fixtures) and the inputs made from them: input i of a
 * campaign is a pure function of (target, seed, i), so a failing input is found again from its
 * index alone (the parent process rebuilds what a worker that hung was running).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseHexInput } from '../../src/hexinput/parse-hex.js';
import { decode, REDACTED } from '../../src/protocol/codec/decode.js';
import { HEADER_LENGTH } from '../../src/protocol/codec/framing.js';
import { readU32 } from '../../src/protocol/codec/wire.js';
import { SECRET_FIELD_NAMES, SECRET_MESSAGE_IDS } from '../../src/protocol/messages/index.js';
import { looksLikeMivrLog } from '../../src/mivr/detect.js';
import { MivrLogWriter } from '../samples/mivr-log-writer.js';
import { highLevelTrace, lowLevelDump } from '../samples/trace-text.js';
import { captureLayout } from './capture-layout.js';
import { CAPTURE, GENERIC, gzipped, LOG, MAX_INPUT, splice, type Mutator } from './mutators.js';
import { Rng } from './rng.js';

export type Target = 'capture' | 'log' | 'hex';

interface FuzzFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Given as `-` (stdin) instead of a file. */
  readonly stdin?: boolean;
}

export interface FuzzInput {
  readonly target: Target;
  readonly files: readonly FuzzFile[];
  /** The hex target: the text given to `ccxcti hex`. */
  readonly hexText?: string;
  /**
   * The hex target: the secret fields' values (as --show-secrets prints them) of the messages
   * the text was made from. Text that is not read as a message is a usage error, which must
   * quote none of them (execute.ts).
   */
  readonly secrets?: readonly string[];
  /** The mutators applied, for the report. */
  readonly mutations: readonly string[];
}

interface Seed {
  readonly name: string;
  readonly bytes: Uint8Array;
}

interface Corpus {
  readonly capture: readonly Seed[];
  readonly log: readonly Seed[];
  /** Whole CTI messages (header and body) from the seeds' packets and log dumps. */
  readonly hex: readonly Uint8Array[];
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = `${dir}/${name}`;
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out;
}

function isCapture(b: Uint8Array): boolean {
  return captureLayout(b) !== undefined;
}

/** The message dumps of a log: each `MHDR:` row and the rows after it. */
function logMessages(text: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('MHDR:')) continue;
    let j = i + 1;
    while (j < lines.length && !/^\d+: /.test(lines[j]!)) j++;
    const parsed = parseHexInput(lines.slice(i, j).join('\n'));
    if (parsed.ok && parsed.input.missing.length === 0) out.push(parsed.input.bytes);
  }
  return out;
}

function captureMessages(b: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const p of captureLayout(b)?.packets ?? []) {
    const tcp = p.ip?.tcp;
    if (tcp === undefined) continue;
    for (const h of tcp.ctiHeaders) {
      const len = readU32(b, h);
      if (h + HEADER_LENGTH + len <= tcp.payloadEnd) out.push(b.slice(h, h + HEADER_LENGTH + len));
    }
  }
  return out;
}

export function loadCorpus(root: string): Corpus {
  const files = [...walk(`${root}samples`), ...walk(`${root}test/fixtures`), ...walk(`${root}test/capture/fixtures`)];
  const capture: Seed[] = [];
  const log: Seed[] = [];
  for (const path of files) {
    let bytes: Uint8Array = readFileSync(path);
    if (path.endsWith('.gz')) bytes = gunzipSync(bytes);
    const name = path.slice(root.length);
    if (isCapture(bytes)) capture.push({ name, bytes });
    else if (looksLikeMivrLog(bytes)) log.push({ name, bytes });
  }
  const hex = [...capture.flatMap((s) => captureMessages(s.bytes)), ...log.flatMap((s) => logMessages(Buffer.from(s.bytes).toString('latin1')))];
  log.push(secretsLog(hex));
  return { capture, log, hex };
}

/** The secret fields' values (SECRET_FIELD_NAMES, from the message table) in a JSON value, but the redaction mark. */
export function secretValues(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) secretValues(v, into);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_FIELD_NAMES.has(k) && typeof v === 'string' && v !== REDACTED) into.add(v);
      else secretValues(v, into);
    }
  }
}

/**
 * A password a high-level trace prints as text (ClientPassword is UNSPEC, so such a value does
 * not fit the field): the leak check looks for it too (execute.ts).
 */
export const TEXT_SECRET = 'Tr4ceP4ssw0rd';

/**
 * A log seed made of the captures' messages that carry a secret (OPEN_REQ, SET_AGENT_STATE_REQ),
 * each as a low-level dump and a high-level trace, and a trace printing TEXT_SECRET: the
 * samples' logs hold no password.
 */
function secretsLog(messages: readonly Uint8Array[]): Seed {
  const w = new MivrLogWriter({ year: 2026, month: 11, day: 20, hour: 10, minute: 0, second: 0, ms: 0, tz: 'EST', seq: 100 });
  for (const bytes of messages) {
    if (bytes.length < HEADER_LENGTH || !SECRET_MESSAGE_IDS.has(readU32(bytes, 4))) continue;
    const m = decode(bytes, { showSecrets: true });
    w.record('ICD_CTI', lowLevelDump(bytes, 'reading...'));
    w.advance(3);
    try {
      w.record('ICD_CTI', `CSInboundMsgProcessor: got a request message:\n${highLevelTrace(m.type, m.fields, { width: 70 })}`);
    } catch {
      // a message the trace writer cannot spell: its dump is enough
    }
    w.advance(5);
  }
  w.record(
    'ICD_CTI',
    `CSInboundMsgProcessor: reading... got an event message: { length=-1 type=OPEN_REQ, invokeID: 7, versionNumber: 13, idleTimeout: 80, servicesRequested: 16, callMsgMask: 0, agentStateMask: 0, configMsgMask: 0, clientID: bridge, clientPassword: ${TEXT_SECRET}, agentExtension: null, agentID: null }`,
  );
  return { name: 'secrets.log (made of the captures\' OPEN_REQ and SET_AGENT_STATE_REQ, and a trace printing a password)', bytes: Buffer.from(w.take(), 'latin1') };
}

function mutate(bytes: Uint8Array, rng: Rng, pool: readonly Mutator[], seeds: readonly Uint8Array[], names: string[]): Uint8Array {
  let b = bytes;
  const n = rng.chance(0.3) ? 1 : rng.small(10);
  for (let k = 0; k < n; k++) {
    const m = rng.chance(0.6) ? rng.pick(pool) : rng.chance(0.9) ? rng.pick(GENERIC) : splice;
    b = m(b, rng, seeds);
    names.push(m.name || 'anonymous');
    if (b.length > MAX_INPUT) b = b.subarray(0, MAX_INPUT);
  }
  return b;
}

/** A capture split in two at a packet: the files of a ring buffer (the second gets the first's file header). */
function ringSplit(bytes: Uint8Array, rng: Rng): [Uint8Array, Uint8Array] | undefined {
  const layout = captureLayout(bytes);
  if (layout === undefined || layout.packets.length < 2) return undefined;
  const cut = layout.packets[rng.range(1, layout.packets.length - 1)]!.recordStart;
  const headerEnd = layout.format === 'pcap' ? 24 : (layout.packets[0]?.recordStart ?? 0);
  return [bytes.subarray(0, cut), Buffer.concat([bytes.subarray(0, headerEnd), bytes.subarray(cut)])];
}

/** The bytes (or hex characters) of an input. */
export function inputSize(input: FuzzInput): number {
  return input.hexText?.length ?? input.files.reduce((n, f) => n + f.bytes.length, 0);
}

export function generate(corpus: Corpus, target: Target, seed: number, index: number): FuzzInput {
  const rng = new Rng(seed, index);
  const names: string[] = [];
  if (target === 'hex') {
    const secrets = new Set<string>();
    const text = hexText(corpus.hex, rng, names, secrets);
    return { target, files: [], hexText: text, mutations: names, ...(secrets.size > 0 ? { secrets: [...secrets] } : {}) };
  }
  const seeds = corpus[target];
  const all = seeds.map((s) => s.bytes);
  const pool = target === 'capture' ? CAPTURE : LOG;
  const base = rng.pick(seeds);
  if (target === 'capture') {
    const ring = rng.chance(0.08) ? ringSplit(base.bytes, rng) : undefined;
    if (ring !== undefined) {
      names.push(`ring-split ${base.name}`);
      const ext = base.name.endsWith('ng') ? 'pcapng' : 'pcap';
      const files = ring.map((b, i) => ({ name: `cti_0000${i + 1}_2026112413${i}000.${ext}`, bytes: mutate(b, rng, pool, all, names) }));
      return { target, files, mutations: names };
    }
    names.push(base.name);
    const bytes = mutate(base.bytes, rng, pool, all, names);
    return { target, files: [{ name: 'input.pcap', bytes, stdin: rng.chance(0.05) }], mutations: names };
  }
  names.push(base.name);
  const files: FuzzFile[] = [];
  const count = rng.chance(0.1) ? 2 : 1;
  for (let k = 0; k < count; k++) {
    const from = k === 0 ? base : rng.pick(seeds);
    let bytes = mutate(from.bytes, rng, pool, all, names);
    if (rng.chance(0.1)) {
      bytes = gzipped(bytes, rng);
      names.push('gzip');
    }
    files.push({ name: `MIVR0${k + 1}.log`, bytes, stdin: count === 1 && rng.chance(0.05) });
  }
  return { target, files, mutations: names };
}

// -------------------------------------------------------------------------------------------
// The hex target: slices of captured CTI messages, written in the shapes `ccxcti hex` reads
// -------------------------------------------------------------------------------------------

function hexPairs(b: Uint8Array): string[] {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0'));
}

function gutter(b: Uint8Array): string {
  return Array.from(b, (x) => (x >= 0x20 && x < 0x7f ? String.fromCharCode(x) : '.')).join('');
}

function rows(b: Uint8Array, f: (row: Uint8Array, offset: number) => string): string {
  const out: string[] = [];
  for (let o = 0; o < b.length; o += 16) out.push(f(b.subarray(o, o + 16), o));
  return out.join('\n');
}

function render(b: Uint8Array, rng: Rng, names: string[]): string {
  const shape = rng.int(8);
  names.push(`shape ${shape}`);
  const upper = rng.chance(0.5);
  const pairs = hexPairs(b).map((p) => (upper ? p.toUpperCase() : p));
  switch (shape) {
    case 0:
      return pairs.join('');
    case 1:
      return pairs.join(' ');
    case 2:
      return `{ ${pairs.map((p) => `0x${p}`).join(', ')} }`;
    case 3:
      return pairs.map((p) => `\\x${p}`).join('');
    case 4: // xxd
      return rows(b, (r, o) => `${o.toString(16).padStart(8, '0')}: ${hexPairs(r).join('').replace(/(....)/g, '$1 ').padEnd(40)} ${gutter(r)}`);
    case 5: // hexdump -C
      return rows(b, (r, o) => `${o.toString(16).padStart(8, '0')}  ${hexPairs(r).join(' ').padEnd(47)}  |${gutter(r)}|`);
    case 6: // MIVR dump rows
      return rows(b, (r, o) => `${o.toString(16).toUpperCase().padStart(4, '0')}: ${hexPairs(r).join(' ').toUpperCase()} ${gutter(r)}`);
    default: {
      // the MIVR low-level trace
      const head = b.subarray(0, 8);
      const body = b.subarray(8);
      const bodyRows = rows(body, (r, o) => `${o.toString(16).toUpperCase().padStart(4, '0')}: ${hexPairs(r).join(' ').toUpperCase()} ${gutter(r)}`).split('\n');
      return [`MHDR:    0000: ${hexPairs(head).join(' ').toUpperCase()} ${gutter(head)}`, `MDATA:   ${bodyRows[0] ?? ''}`, ...bodyRows.slice(1)].join('\n');
    }
  }
}

const TEXT_NOISE = ['\x00', '\x1b[2J', '\u202e', '\u0085', '\ufffd', 'G', 'zz', ':', '0000:', 'MDATA:', 'MHDR:', '|', '0x', '\\x', '{', '}', ',', ';', '\t', '\r\n', ' ', 'ffffffff', 'FFFF: 00'];

/** The text of one hex input; `secrets` gets those of the messages it is made from. */
function hexText(messages: readonly Uint8Array[], rng: Rng, names: string[], secrets: Set<string>): string {
  const n = rng.chance(0.8) ? 1 : rng.range(2, 4);
  const picked = Array.from({ length: n }, () => rng.pick(messages));
  for (const m of picked) if (m.length >= HEADER_LENGTH && SECRET_MESSAGE_IDS.has(readU32(m, 4))) secretValues(decode(m, { showSecrets: true }), secrets);
  let b: Uint8Array = Buffer.concat(picked);
  if (rng.chance(0.4)) {
    const from = rng.int(b.length);
    b = b.subarray(rng.chance(0.5) ? 0 : from, from + rng.small(b.length));
    names.push('slice');
  }
  if (rng.chance(0.4)) b = mutate(b, rng, GENERIC, messages, names);
  let text = render(b, rng, names);
  if (rng.chance(0.3)) {
    const k = rng.small(6);
    for (let i = 0; i < k; i++) {
      const at = rng.int(text.length + 1);
      const op = rng.int(3);
      if (op === 0) text = text.slice(0, at) + rng.pick(TEXT_NOISE) + text.slice(at);
      else if (op === 1) text = text.slice(0, at) + text.slice(at + rng.small(8));
      else text = text.slice(0, at) + text.slice(at, at + rng.small(64)) + text.slice(at);
    }
    names.push('text-noise');
  }
  return text;
}
