/**
 * What a conformance rule is: a stable upper-case ID, a default severity, the place in the
 * guide it comes from, a one-line rationale, and hooks the checker calls while it streams
 * over the timeline. Rules read the model (src/check/model) as it was *before* the message
 * being checked was applied to it, and report findings through the context.
 */
import type { Instant } from '../timeline/instant.js';
import type { SessionSummary, SourceRef } from '../timeline/types.js';
import type { MessageKey } from './message-key.js';
import type { ClientHistory } from './model/clients.js';
import type { Scope } from './model/scope.js';
import type { SessionModel } from './model/session.js';
import type { Severity } from './severity.js';
import type { MessageView } from './view.js';

export type RuleCategory = 'framing' | 'session' | 'requests' | 'configuration' | 'calls' | 'agents' | 'outbound';

export const RULE_CATEGORIES: readonly RuleCategory[] = ['framing', 'session', 'requests', 'configuration', 'calls', 'agents', 'outbound'];

export interface RuleMeta {
  /** Stable, upper-case, e.g. `SESSION-HEARTBEAT-UNANSWERED`. */
  readonly id: string;
  readonly severity: Severity;
  readonly category: RuleCategory;
  /** Where in the guide: "chapter 3, How a Session is Maintained", "Table 12". */
  readonly spec: string;
  /** Short title. */
  readonly title: string;
  /** One line: why the rule exists and why it has its severity. */
  readonly rationale: string;
  /** The rule needs a session (messages of a capture): it never sees log messages. */
  readonly needsSession?: boolean;
}

/** Where a finding points: one message of the timeline. Small, so models can keep it. */
export interface MessageRef extends MessageKey {
  /** Position of the message in `ccxcti decode`'s output for the same inputs (from 0). */
  readonly index: number;
  readonly session?: string;
  readonly source: SourceRef;
  readonly at?: Instant;
  /** Message type, for text reports. */
  readonly type: string;
  /** A capture message's packet record in its file (TimelineMessage.recordOffset, recordLength): SARIF's region. */
  readonly recordOffset?: number;
  readonly recordLength?: number;
}

/**
 * Where a finding points when no message of what it concerns was decoded (a session the
 * capture kept none of whole, a log none of whose traces could be read): the input's place
 * of the first damage. No index: there is no message in `ccxcti decode`'s output to name.
 */
export interface InputPlace {
  readonly index?: undefined;
  readonly type?: undefined;
  readonly keyField?: undefined;
  readonly key?: undefined;
  readonly recordOffset?: undefined;
  readonly recordLength?: undefined;
  readonly session?: string;
  readonly source: SourceRef;
  readonly at?: Instant;
}

/** Where a finding points: a message, else (rarely) a place in an input. */
export type FindingPlace = MessageRef | InputPlace;

export interface RuleContext {
  /** Reports a finding of `rule` at `at`; `call` groups it under a call in text reports. */
  report(rule: RuleMeta, at: FindingPlace, message: string, call?: number): void;
  /**
   * Reports a finding at the end of `session`, unless the input lost bytes of the session after
   * the message `afterIndex` (-1: any loss): for findings that a gap could explain, since a
   * capture reports a gap, and releases the messages held behind it, only later.
   */
  reportUnlessDamaged(session: SessionModel, afterIndex: number, rule: RuleMeta, at: MessageRef, message: string, call?: number): void;
  /** What is remembered across sessions. */
  readonly clients: ClientHistory;
}

/** What the checker knows when a session ends. */
export interface SessionEnd {
  /** The latest time the session is known to have lasted (its last message, or the capture's summary). */
  readonly evidenceMs: number | undefined;
  /** The capture's summary of the session, when the session lasted to the end of the input. */
  readonly summary: SessionSummary | undefined;
}

/** What the checker knows at the end of the input. */
export interface InputEnd {
  /** Session summaries of the captures, by session id. */
  readonly summaries: ReadonlyMap<string, SessionSummary>;
  /** The first message of every session whose first message was not OPEN_REQ. */
  readonly notOpenedFirst: ReadonlyMap<string, MessageRef>;
  /** Sessions with a gap or undecodable range in their streams. */
  readonly damaged: ReadonlySet<string>;
  /** Where each session first lost bytes of its streams (a gap, an undecodable range, else a message the end of the capture cut; the first 10,000 sessions). */
  readonly firstDamage: ReadonlyMap<string, FirstDamage>;
  /** Log files with traces that could not be read, by file (the first 10,000 files). */
  readonly damagedLogs: ReadonlyMap<string, LogDamage>;
  /** Capture files with records or blocks that could not be read, by file (the first 10,000 files). */
  readonly damagedCaptures: ReadonlyMap<string, CaptureFileDamage>;
  /** Log files with records read before, skipped (`MIVR_DUPLICATE_RECORDS`), by file (the first 10,000 files). */
  readonly repeatedLogs: ReadonlyMap<string, LogRepeats>;
}

/** A log file's records that repeat records read before: where the first is, and the reader's note. */
export interface LogRepeats {
  readonly line: number;
  readonly message: string;
}

/** What could not be read of one capture file: how many damaged records or blocks, the first, and the message a finding points at. */
export interface CaptureFileDamage {
  count: number;
  readonly code: string;
  readonly message: string;
  /** The file's first message after the first damage (in timeline order), else its last message before it. */
  anchor?: MessageRef;
  /** Whether `anchor` came after the damage. */
  anchorAfter: boolean;
}

/** What could not be read of one log file: how many input diagnostics, the first, and the message a finding points at. */
export interface LogDamage {
  /** Lines with damage (a line reported twice counts once). */
  count: number;
  lastLine: number;
  readonly code: string;
  readonly line: number;
  readonly message: string;
  /** The file's first message after the first damage's line, else its last message before that line. */
  anchor?: MessageRef;
}

/** Where a session's streams first lost bytes, and the message a finding about it points at. */
export interface FirstDamage {
  /** The input diagnostic's code (STREAM_GAP, STREAM_UNDECODABLE; BYTES_MISSING with `cut`) and where it was reported. */
  readonly code: string;
  readonly source: SourceRef;
  readonly at?: Instant;
  readonly direction?: string;
  /** The session lost no stream bytes, but the capture ends inside this message (its type, bytes captured, 8 + BodyLength). */
  readonly cut?: { readonly type: string; readonly captured: number; readonly total: number };
  /**
   * The session's first message after the damage (messages may be missing before it), else
   * its first message; absent while the session has none.
   */
  anchor?: MessageRef;
}

/**
 * The implementation of one rule (or of a family of rules that share one pass, such as the
 * decoder diagnostics): the hooks the checker calls. Rules are stateless; everything they
 * remember lives in the model.
 */
export interface RuleImpl {
  /** The catalog entries this implementation reports. */
  readonly rules: readonly RuleMeta[];
  /** Message types whose messages `check` sees; absent: every message. */
  readonly on?: readonly string[];
  /** Skip log messages (they have no session). */
  readonly needsSession?: boolean;
  check?(m: MessageView, ctx: RuleContext): void;
  /** A session's last call: end of input, or the session evicted after a long silence. */
  sessionEnd?(session: SessionModel, ctx: RuleContext, end: SessionEnd): void;
  /** A scope's last call (a session's scope, or the one of all log messages). */
  scopeEnd?(scope: Scope, ctx: RuleContext): void;
  inputEnd?(end: InputEnd, ctx: RuleContext): void;
}

/** One rule and its hooks. */
export function defineRule(meta: RuleMeta, hooks: Omit<RuleImpl, 'rules' | 'needsSession'>): RuleImpl & { readonly meta: RuleMeta } {
  return { ...hooks, rules: [meta], meta, ...(meta.needsSession ? { needsSession: true } : {}) };
}
