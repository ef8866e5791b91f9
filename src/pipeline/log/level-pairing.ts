/**
 * A message logged at both levels — a high-level trace and a low-level dump — is one message.
 *
 * The rule: a high-level and a low-level candidate are twins when they have the same message
 * type, agree on every identifying field both carry (`IDENTIFYING_FIELDS`: call IDs, InvokeID,
 * agent, device…), and lie within `WINDOW_MS` of log time and `WINDOW_TRACES` traces of each
 * other. Of the waiting candidates that qualify, the oldest one that agrees with the new one
 * on every field the high-level trace names is taken — so a dump goes to its own trace, not to
 * an older trace of the same call whose dump was not logged — and failing that the oldest one
 * (so two identical messages pair in order, and twins that disagree, as below, still pair). The pair becomes one timeline message: the dump's bytes (decoded), at the dump's
 * time, place and direction, plus an info diagnostic `TRACE_LEVELS_DISAGREE` for every field
 * the high-level trace names whose value differs from the dump's (the guide's own Examples 1
 * and 2 disagree on DialedNumber: docs/spec-notes.md 7.4). Fields the trace does not name
 * are not compared. A dump the log cut short (its bytes stop before BodyLength: a file copied
 * while written, `grep -A`) gives way to its twin logged whole: the trace's message is taken,
 * at the dump's time and place, with a note (docs/spec-notes.md 7.12). (At most
 * `WINDOW_SAME_TYPE` candidates of one type wait at a time.)
 *
 * Candidates wait in a bounded queue for their twin; events leave it in log order, so memory
 * stays flat and the timeline stays in time order.
 */
import type { DecodedMessage, FieldValue } from '../../protocol/codec/decode.js';
import { diagnostic } from '../../protocol/codec/diagnostics.js';
import { nanosBetween } from '../../timeline/instant.js';
import type { InputDiagnostic, TimelineEvent, TimelineMessage } from '../../timeline/types.js';
import type { TraceCandidate } from './trace-messages.js';

/** Fields that tell two messages of one type apart; twins must agree on those both carry. */
export const IDENTIFYING_FIELDS: readonly string[] = [
  'InvokeID',
  'CallID',
  'PrimaryCallID',
  'SecondaryCallID',
  'NewCallID',
  'AgentID',
  'AgentExtension',
  'AgentInstrument',
  'AgentState',
  'CSQID',
  'ConnectionDeviceID',
  'AlertingDeviceID',
  'AnsweringDeviceID',
  'ReleasingDeviceID',
  'HoldingDeviceID',
  'SystemEventID',
];

/** How far apart twins may be: log time, traces in between, waiting traces of the same type. */
export const WINDOW_MS = 2000;
export const WINDOW_TRACES = 256;
export const WINDOW_SAME_TYPE = 32;
/** Events (messages and diagnostics) that may queue up behind a waiting candidate. */
const MAX_QUEUED = 4096;

interface Entry {
  event: TimelineEvent | undefined;
  /** A candidate still waiting for its twin. */
  waiting: TraceCandidate | undefined;
  /** The waiting candidate's identifying values (`identity`), once compared. */
  ids: readonly (FieldValue | undefined)[] | undefined;
  /** Position among all candidates (for the window). */
  readonly index: number;
}

export interface PairingStats {
  high: number;
  low: number;
  paired: number;
}

function same(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

const IDENTIFYING_INDEX: ReadonlyMap<string, number> = new Map(IDENTIFYING_FIELDS.map((f, i) => [f, i]));

/**
 * A candidate's values of the IDENTIFYING_FIELDS, in that order (read once, compared often).
 * The fields it has are walked (a message has a few of the sixteen; looking each of them up
 * in an object of another shape every time costs more).
 */
function identity(c: TraceCandidate): (FieldValue | undefined)[] {
  const fields = c.fields;
  const ids: (FieldValue | undefined)[] = new Array<FieldValue | undefined>(IDENTIFYING_FIELDS.length).fill(undefined);
  for (const key in fields) {
    const i = IDENTIFYING_INDEX.get(key);
    if (i !== undefined) ids[i] = fields[key];
  }
  return ids;
}

/** Twins agree on every identifying field both carry (the types are equal: same waiting list). */
function identical(a: readonly (FieldValue | undefined)[], b: readonly (FieldValue | undefined)[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== undefined && y !== undefined && !same(x, y)) return false;
  }
  return true;
}

/** Whether the dump gives every field the high-level trace names the value the trace gives. */
function agrees(high: TraceCandidate, low: TraceCandidate): boolean {
  for (const key of high.mentioned ?? []) if (!same(high.fields[key], low.fields[key])) return false;
  return true;
}

function shown(v: FieldValue | undefined): string {
  return v === undefined ? 'nothing (absent)' : JSON.stringify(v);
}

/** A candidate as a timeline event: its message, or why it has none. */
function toEvent(c: TraceCandidate, version: number | undefined, message: DecodedMessage | string = c.message()): TimelineEvent {
  if (typeof message === 'string') return { kind: 'diagnostic', severity: 'warning', code: 'LOG_TRACE_NOT_DECODED', message, at: c.at, source: c.source };
  const event: TimelineMessage = {
    kind: 'message',
    message,
    at: c.at,
    ...(c.direction !== undefined ? { direction: c.direction } : {}),
    ...(version !== undefined ? { version } : {}),
    source: c.source,
    ...(c.level === 'high' ? { fromTraceText: true as const } : {}),
    ...(c.capturedLength !== undefined ? { capturedLength: c.capturedLength } : {}),
  };
  return event;
}

/**
 * A dump the log cut short (its end missing) whose high-level twin was logged whole: the
 * trace's message, at the dump's time, place and direction, with a note on the dump.
 */
function fromTwinTrace(low: TraceCandidate, high: TraceCandidate, version: number | undefined): TimelineEvent | undefined {
  const message = high.message();
  if (typeof message === 'string') return undefined;
  const note = diagnostic(
    'INPUT_NOTE',
    `the dump (${low.source.file}:${low.source.line}) holds ${low.capturedLength! - 8} of the ${message.type} body's bytes (the log cut it short); the fields are the high-level trace's (${high.source.file}:${high.source.line})`,
    0,
  );
  return toEvent({ ...high, at: low.at, source: low.source, ...(low.direction !== undefined ? { direction: low.direction } : {}) }, version, { ...message, diagnostics: [note, ...message.diagnostics] });
}

/** The dump's message, with a diagnostic per field the high-level trace gives otherwise. */
function merged(low: TraceCandidate, high: TraceCandidate, version: number | undefined): TimelineEvent {
  if (low.capturedLength !== undefined && high.cut !== true) {
    const whole = fromTwinTrace(low, high, version);
    if (whole) return whole;
  }
  const lowMessage = low.message();
  if (typeof lowMessage === 'string') return toEvent(low, version, lowMessage);
  const notes = [];
  for (const key of high.mentioned ?? []) {
    const h = high.fields[key];
    const l = low.fields[key];
    if (same(h, l)) continue;
    notes.push(
      diagnostic(
        'TRACE_LEVELS_DISAGREE',
        `${key}: the high-level trace (${high.source.file}:${high.source.line}) gives ${shown(h)}, the dump gives ${shown(l)}; the dump's value is kept`,
        0,
      ),
    );
  }
  return toEvent(low, version, notes.length === 0 ? lowMessage : { ...lowMessage, diagnostics: [...lowMessage.diagnostics, ...notes] });
}

/** Pairs the two levels of each message; see the module comment. */
export class LevelPairer {
  private queue: Entry[] = [];
  private head = 0;
  private count = 0;
  /** Waiting entries by message type, oldest first (settled ones are pruned lazily). */
  private readonly waiting = new Map<string, Entry[]>();
  readonly stats: PairingStats = { high: 0, low: 0, paired: 0 };

  constructor(private readonly version: number | undefined) {}

  /** Entries in the queue, those already released and not yet dropped included (to test its bound). */
  get held(): number {
    return this.queue.length;
  }

  /** A candidate or an input diagnostic, in log order; settled events are appended to `out`. */
  push(item: TraceCandidate | InputDiagnostic, out: TimelineEvent[]): void {
    if ('kind' in item) {
      this.queue.push({ event: item, waiting: undefined, ids: undefined, index: this.count });
    } else {
      this.add(item);
    }
    this.expire(item.at, false);
    this.drain(out);
  }

  /** Everything still waiting, at the end of the input. */
  flush(out: TimelineEvent[]): void {
    this.expire(undefined, true);
    this.drain(out);
  }

  private settle(e: Entry): void {
    const w = e.waiting;
    if (!w) return;
    e.waiting = undefined;
    e.ids = undefined;
    e.event = toEvent(w, this.version);
  }

  private add(c: TraceCandidate): void {
    const index = this.count++;
    if (c.level === 'high') this.stats.high++;
    else this.stats.low++;
    const type = c.type;
    let list = this.waiting.get(type);
    if (!list) {
      list = [];
      this.waiting.set(type, list);
    }
    while (list.length > 0 && !list[0]!.waiting) list.shift();
    const twin = this.findTwin(list, c, index);
    if (!twin) {
      const entry: Entry = { event: undefined, waiting: c, ids: undefined, index };
      this.queue.push(entry);
      list.push(entry);
      if (list.length > WINDOW_SAME_TYPE) {
        const live = list.filter((e) => e.waiting);
        while (live.length > WINDOW_SAME_TYPE) this.settle(live.shift()!);
        list.length = 0;
        list.push(...live);
      }
      return;
    }
    this.stats.paired++;
    const other = twin.waiting!;
    twin.waiting = undefined;
    twin.ids = undefined;
    if (c.level === 'low') {
      // The message takes the dump's place: the high-level entry leaves the queue.
      twin.event = undefined;
      this.queue.push({ event: merged(c, other, this.version), waiting: undefined, ids: undefined, index });
    } else {
      twin.event = merged(other, c, this.version);
    }
  }

  /** The waiting twin of `c`, if any: see the module comment for which one. */
  private findTwin(list: readonly Entry[], c: TraceCandidate, index: number): Entry | undefined {
    let ids: readonly (FieldValue | undefined)[] | undefined;
    let oldest: Entry | undefined;
    for (const e of list) {
      const w = e.waiting;
      if (!w || w.level === c.level || index - e.index > WINDOW_TRACES) continue;
      if (Math.abs(nanosBetween(w.at, c.at)) > WINDOW_MS * 1e6) continue;
      ids ??= identity(c);
      if (!identical(ids, (e.ids ??= identity(w)))) continue;
      if (c.level === 'high' ? agrees(c, w) : agrees(w, c)) return e;
      oldest ??= e;
    }
    return oldest;
  }

  /** Candidates out of the window wait no more: they are messages of their own. */
  private expire(now: { sec: number; nsec: number } | undefined, all: boolean): void {
    const q = this.queue;
    for (let i = this.head; i < q.length; i++) {
      const e = q[i]!;
      const w = e.waiting;
      if (!w) continue;
      const old = all || this.count - e.index > WINDOW_TRACES || q.length - i > MAX_QUEUED || (now !== undefined && nanosBetween(w.at, now) > WINDOW_MS * 1e6);
      if (!old) break; // later entries are younger
      this.settle(e);
    }
  }

  private drain(out: TimelineEvent[]): void {
    const q = this.queue;
    while (this.head < q.length) {
      const e = q[this.head]!;
      if (e.waiting) break;
      if (e.event) out.push(e.event);
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > q.length) {
      this.queue = q.slice(this.head);
      this.head = 0;
    }
  }
}
