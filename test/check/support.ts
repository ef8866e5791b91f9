/** Building timelines for the checker's tests: messages from fields, sessions, time. */
import { checkTimeline, type CheckResult } from '../../src/check/checker.js';
import type { Finding } from '../../src/check/findings.js';
import type { RuleLevel } from '../../src/check/severity.js';
import { decode, type DecodedMessage, type FieldRecord, type FieldValue } from '../../src/protocol/codec/decode.js';
import { planByName } from '../../src/protocol/codec/plan.js';
import { encode } from '../../src/protocol/codec/encode.js';
import type { Direction, SessionSummary, TimelineEvent, TimelineMessage } from '../../src/timeline/types.js';
import { buildMessage } from '../fixtures/flows/chapter11.js';

export const SESSION = '10.1.1.5:50311-10.1.1.2:42027#1';
export const START_SEC = 1_448_030_639;

function neutral(values: string | undefined, type: string): FieldValue {
  if (type === 'BOOL') return false;
  switch (values) {
    case 'DeviceType':
    case 'EventCause':
    case 'LocalConnectionState':
    case 'NextAgentState':
      return 0xffff;
    case 'ApplicationIDSpecial':
    case 'CSQIDSpecial':
    case 'CallIDSpecial':
      return 0xffffffff;
    default:
      return 0;
  }
}

const COUNTERS: ReadonlyArray<readonly [string, string]> = [
  ['NumNamedVariables', 'NamedVariable'],
  ['NumNamedArrays', 'NamedArray'],
  ['NumParties', 'ConnectedParties'],
  ['NumCSQs', 'CSQs'],
  ['NumCTIClients', 'CTIClients'],
  ['NumRecords', 'Records'],
  ['NumCalls', 'Calls'],
  ['NumCallDevices', 'CallDevices'],
];

/**
 * A message of the table from the given fields, in the fixed layout of `version` (the flow
 * fixture's buildMessage builds the base layout): fixed fields not given are neutral,
 * reserved ones documented, counts follow the repeating fields present.
 */
export function buildFor(type: string, given: Readonly<Record<string, unknown>>, version = 13): { type: string; fields: FieldRecord } {
  const plan = planByName(type);
  if (!plan) return buildMessage(type, given);
  const layout = plan.layouts.find((l) => l.version <= version) ?? plan.layouts[plan.layouts.length - 1]!;
  const fields: FieldRecord = {};
  for (const slot of layout.slots) {
    fields[slot.name] = (given[slot.name] as FieldValue | undefined) ?? (slot.documented as FieldValue | undefined) ?? neutral(slot.def.values, slot.def.type);
  }
  for (const [key, value] of Object.entries(given)) if (!plan.fixedNames.has(key)) fields[key] = value as FieldValue;
  for (const [counter, list] of COUNTERS) {
    if (layout.slots.some((slot) => slot.name === counter) && given[counter] === undefined) {
      const value = given[list];
      fields[counter] = Array.isArray(value) ? value.length : 0;
    }
  }
  return { type, fields };
}

/** The bytes of a message built from the given fields, in the layout of `version`. */
export function bytesOf(type: string, fields: Readonly<Record<string, unknown>> = {}, version = 13): Uint8Array {
  return encode(buildFor(type, fields, version));
}

/** A raw message: header + body bytes, BodyLength as given (default: the body's length). */
export function rawBytes(typeId: number, body: readonly number[] | Uint8Array, bodyLength?: number): Uint8Array {
  const b = new Uint8Array(8 + body.length);
  const v = new DataView(b.buffer);
  v.setUint32(0, bodyLength ?? body.length);
  v.setUint32(4, typeId);
  b.set(body, 8);
  return b;
}

/** A floating field: FieldDataID, length, data. */
export function floating(id: number, data: readonly number[]): number[] {
  return [id, data.length, ...data];
}

export const ascii = (s: string): number[] => [...Buffer.from(s, 'utf8')];
export const cstr = (s: string): number[] => [...ascii(s), 0];

/** BEGIN_CALL_EVENT fixed part values (Table 65) for raw messages. */
export function u32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}
export function u16(n: number): number[] {
  return [(n >>> 8) & 0xff, n & 0xff];
}

export interface Step {
  readonly dir?: Direction;
  /** Seconds after the previous step (default 0.1). */
  readonly dt?: number;
  /** Absolute seconds since the start (overrides dt). */
  readonly t?: number;
  readonly session?: string | null;
  readonly version?: number;
}

/**
 * A timeline under construction: messages of one session by default, 100 ms apart, frames
 * numbered from 1. `c` adds a client message, `s` a server message.
 */
export class Timeline {
  readonly events: TimelineEvent[] = [];
  private ms = 0;
  private frame = 0;

  constructor(
    readonly session: string | null = SESSION,
    readonly version = 13,
  ) {}

  add(message: DecodedMessage, step: Step = {}): this {
    if (step.t !== undefined) this.ms = step.t * 1000;
    else if (this.frame > 0) this.ms += (step.dt ?? 0.1) * 1000;
    this.frame++;
    const sec = START_SEC + Math.floor(this.ms / 1000);
    const nsec = Math.round((this.ms % 1000) * 1e6);
    const session = step.session === undefined ? this.session : step.session;
    const tm: TimelineMessage = {
      kind: 'message',
      message,
      at: { sec, nsec },
      ...(step.dir !== undefined ? { direction: step.dir } : {}),
      ...(session !== null ? { session, version: step.version ?? this.version } : {}),
      source: session !== null ? { file: 'test.pcap', frame: this.frame } : { file: 'MIVR01.log', line: this.frame * 3 },
    };
    this.events.push(tm);
    return this;
  }

  /** A client → server message. */
  c(type: string, fields: Readonly<Record<string, unknown>> = {}, step: Step = {}): this {
    const version = step.version ?? this.version;
    return this.add(decode(bytesOf(type, fields, version), { version, showSecrets: true }), { dir: 'client-to-server', ...step });
  }

  /** A server → client message. */
  s(type: string, fields: Readonly<Record<string, unknown>> = {}, step: Step = {}): this {
    const version = step.version ?? this.version;
    return this.add(decode(bytesOf(type, fields, version), { version, showSecrets: true }), { dir: 'server-to-client', ...step });
  }

  /** A message from raw bytes. */
  bytes(b: Uint8Array, step: Step = {}, options: { missing?: { offset: number; length: number }[] } = {}): this {
    return this.add(decode(b, { version: step.version ?? this.version, ...(options.missing ? { missing: options.missing } : {}) }), step);
  }

  /** OPEN_REQ + OPEN_CONF of a bridge client asking for everything (fields override). */
  open(req: Readonly<Record<string, unknown>> = {}, conf: Readonly<Record<string, unknown>> = {}): this {
    const services = (req['ServicesRequested'] as number | undefined) ?? BRIDGE_SERVICES;
    this.c('OPEN_REQ', { InvokeID: 1, VersionNumber: this.version, IdleTimeout: 80, ServicesRequested: services, CallMsgMask: ALL_CALL_EVENTS, AgentStateMask: 0x1ff, ConfigMsgMask: 0xf, ClientID: 'bridge', ClientPassword: '', ...req });
    const granted = (conf['ServicesGranted'] as number | undefined) ?? services;
    return this.s('OPEN_CONF', { InvokeID: (req['InvokeID'] as number | undefined) ?? 1, ServicesGranted: granted, UnifiedCCXOnline: true, AgentState: 0, ...conf });
  }

  /** Heartbeats every `interval` seconds, each answered unless `answered` says otherwise. */
  heartbeats(n: number, interval: number, firstInvokeId = 100, answered: (i: number) => boolean = () => true): this {
    for (let i = 0; i < n; i++) {
      this.c('HEARTBEAT_REQ', { InvokeID: firstInvokeId + i }, { dt: i === 0 ? interval : interval - 0.01 });
      if (answered(i)) this.s('HEARTBEAT_CONF', { InvokeID: firstInvokeId + i }, { dt: 0.01 });
      else this.ms += 10;
    }
    return this;
  }

  /** Drops session and direction: the messages as a MIVR log gives them. */
  asLog(): TimelineEvent[] {
    return this.events.map((e) => {
      if (e.kind !== 'message') return e;
      const { session: _s, direction: _d, version: _v, ...rest } = e;
      return { ...rest, source: { file: 'MIVR01.log', line: (e.source.frame ?? 1) * 3 } };
    });
  }
}

export const BRIDGE_SERVICES = 0x10 | 0x2 | 0x4 | 0x80 | 0x40000;
export const AGENT_SERVICES = 0x1 | 0x2 | 0x4;
/** Every call event of Table 23. */
export const ALL_CALL_EVENTS = 0x0065efff;

/** A capture summary saying the session's TCP connection start was seen. */
export function summaryWithSyn(id = SESSION, lastSec?: number): SessionSummary {
  return {
    id,
    file: 'test.pcap',
    client: { addr: '10.1.1.5', port: 50311 },
    server: { addr: '10.1.1.2', port: 42027 },
    roleBasis: 'syn',
    heuristic: false,
    versionBasis: 'OPEN_REQ',
    messages: 0,
    ...(lastSec !== undefined ? { lastAt: { sec: START_SEC + lastSec, nsec: 0 } } : {}),
    unaccountedBytes: { 'client-to-server': 0, 'server-to-client': 0 },
  };
}

export interface Scenario {
  readonly events: readonly TimelineEvent[];
  readonly summaries?: readonly SessionSummary[];
}

export function scenario(t: Timeline | readonly TimelineEvent[], summaries?: readonly SessionSummary[]): Scenario {
  return { events: t instanceof Timeline ? t.events : t, ...(summaries ? { summaries } : {}) };
}

export function runCheck(s: Scenario | Timeline, levels?: ReadonlyMap<string, RuleLevel>): CheckResult {
  const sc = s instanceof Timeline ? scenario(s) : s;
  return checkTimeline(sc.events, levels ? { levels } : {}, sc.summaries ?? []);
}

export function findingsOf(result: CheckResult, rule: string): Finding[] {
  return result.findings.filter((f) => f.rule === rule);
}

/** Rules that reported an error. */
export function errorRules(result: CheckResult): string[] {
  return [...new Set(result.findings.filter((f) => f.severity === 'error').map((f) => f.rule))].sort();
}

export function describeFindings(result: CheckResult): string {
  return result.findings.map((f) => `${f.severity} ${f.rule} #${f.at.index}: ${f.message}`).join('\n');
}

/** `b` with `extra` bytes appended to its body (BodyLength updated). */
export function appendBody(b: Uint8Array, extra: readonly number[]): Uint8Array {
  const out = new Uint8Array(b.length + extra.length);
  out.set(b);
  out.set(extra, b.length);
  new DataView(out.buffer).setUint32(0, out.length - 8);
  return out;
}
