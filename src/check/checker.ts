/**
 * The conformance checker: one streaming pass over the timeline. For each message it runs
 * the rules that look at that message type against the model as it was, then applies the
 * message to the model. Memory stays flat: sessions silent for 10 minutes (timeline time),
 * and sessions the client had to reset (CLOSE_CONF, a failed OPEN_REQ or heartbeat) once
 * silent for 30 s, are ended and dropped, and every table of the model is bounded.
 */
import type { SessionSummary, TimelineEvent, TimelineMessage } from '../timeline/types.js';
import { messageDefByName } from '../protocol/messages/index.js';
import { FindingStore, type Finding, type FindingCounts } from './findings.js';
import { BoundedMap } from './model/bounded-map.js';
import { ClientHistory } from './model/clients.js';
import { losesFileRecords } from '../capture/diagnostics.js';
import { CallModelPool, callIdOf } from './model/calls.js';
import { messageKey } from './message-key.js';
import { LOG_SCOPE, Scope } from './model/scope.js';
import { SessionModel, type ResetDue } from './model/session.js';
import type { CaptureFileDamage, FindingPlace, FirstDamage, LogDamage, LogRepeats, MessageRef, RuleContext, RuleImpl, RuleMeta, SessionEnd } from './rule.js';
import { RULE_IMPLS } from './rules/index.js';
import type { RuleLevel, Severity } from './severity.js';
import type { MessageView } from './view.js';

/** Sessions followed at once; beyond it the one seen first is ended. */
const MAX_SCOPES = 4096;
/** A session silent this long (timeline time) is over. */
const IDLE_SESSION_MS = 10 * 60 * 1000;
/**
 * A session the client must reset (CLOSE_CONF received, OPEN_REQ or HEARTBEAT_REQ failed) is
 * over once silent this long: well past the in-flight tolerance (2 s) and the CLOSE_REQ wait (5 s).
 */
const RESET_SESSION_MS = 30 * 1000;
/** How often (in messages) silent sessions are looked for. */
const SWEEP_EVERY = 8192;
const MAX_DAMAGED = 10_000;

export interface CheckerOptions {
  /** Level of each rule by ID; rules not listed run at their default severity. */
  readonly levels?: ReadonlyMap<string, RuleLevel>;
  readonly maxFindingsPerRule?: number;
  /** Rule implementations (default: the catalog's). */
  readonly rules?: readonly RuleImpl[];
}

export interface CheckResult {
  /** Kept findings in timeline order. */
  readonly findings: readonly Finding[];
  readonly counts: FindingCounts;
  /** Findings counted but not kept (beyond the per-rule cap). */
  readonly omitted: number;
  readonly byRule: ReadonlyMap<string, number>;
  readonly messages: number;
  /** Distinct sessions (captures), with their summaries' sessions. */
  readonly sessions: number;
}

interface ActiveImpl {
  readonly impl: RuleImpl;
  /** Calls, agents and outbound rules skip the copies a MIVR log writes of one message. */
  readonly skipRepeats: boolean;
  /** Framing rules: the only ones that judge a message the capture cut short. */
  readonly framing: boolean;
}

const REPEAT_SENSITIVE = new Set(['calls', 'agents', 'outbound']);

/**
 * LOG-INCOMPLETE points at the file's first message after the damage's line, else at its last
 * message before it — by line, not by the order of the timeline: a log reader's diagnostics
 * come out before the messages around them, which wait to be paired with their other level.
 */
function placeLogAnchor(damage: LogDamage, ref: MessageRef): void {
  const line = ref.source.line;
  if (line === undefined) return;
  const at = damage.anchor?.source.line;
  if (line > damage.line) {
    if (at === undefined || at <= damage.line || line < at) damage.anchor = ref;
  } else if (at === undefined || (at <= damage.line && line >= at)) damage.anchor = ref;
}

/** Whether a diagnostic of no session and no log line says records of a capture file were lost (CAPTURE-FILE-DAMAGED): a reader's damage, or a read error. */
function losesCaptureRecords(event: { readonly code: string; readonly severity: 'error' | 'warning' | 'info' }): boolean {
  return event.code === 'INPUT_READ_ERROR' || losesFileRecords(event.code, event.severity);
}

/** A log's warnings that lose nothing of it (a time zone assumed, rotated files that overlap, dump rows out of order): no LOG-INCOMPLETE. */
const READ_WHOLE = new Set(['MIVR_UNKNOWN_TZ', 'MIVR_SET_OVERLAP', 'DUMP_ROW_ORDER']);
/** A log reader's note of a file's records read before and skipped (LOG-RECORDS-REPEATED). */
const REPEATED_RECORDS = 'MIVR_DUPLICATE_RECORDS';

export class Checker {
  private readonly store: FindingStore;
  private readonly severity = new Map<string, Severity>();
  private readonly byType = new Map<string, ActiveImpl[]>();
  private readonly everyMessage: ActiveImpl[] = [];
  private readonly enders: RuleImpl[] = [];
  private readonly scopes = new Map<string, Scope>();
  private readonly sessionIds = new Set<string>();
  private readonly notOpenedFirst = new BoundedMap<string, MessageRef>(MAX_SCOPES);
  /** Sessions whose streams lost bytes: the message index at the latest damage. */
  private readonly damaged = new BoundedMap<string, number>(MAX_DAMAGED);
  /** The first damage of each damaged session (the first MAX_DAMAGED such sessions), and the message after it (CAPTURE-INCOMPLETE). */
  private readonly firstDamage = new Map<string, FirstDamage>();
  /**
   * The first message of each session the capture cut short (the first MAX_DAMAGED sessions):
   * a session that lost no stream bytes but ends inside a message (the end of the capture cut
   * it, no gap follows) has its CAPTURE-INCOMPLETE there.
   */
  private readonly firstCut = new Map<string, FirstDamage>();
  /** Damaged sessions whose first message after the damage has not come yet. */
  private readonly awaitingAnchor = new Map<string, FirstDamage>();
  /** Log files with damage (LOG-INCOMPLETE). */
  private readonly damagedLogs = new Map<string, LogDamage>();
  /** Capture files with damage (CAPTURE-FILE-DAMAGED). */
  private readonly damagedCaptures = new Map<string, CaptureFileDamage>();
  /** Log files with records read before (LOG-RECORDS-REPEATED). */
  private readonly repeatedLogs = new Map<string, LogRepeats>();
  /** The latest message. */
  private lastRef: MessageRef | undefined;
  /** Sessions ended while a reset was due: why, should the client speak again on them. */
  private readonly resetEnded = new BoundedMap<string, ResetDue>(MAX_SCOPES);
  private readonly clients = new ClientHistory();
  /** Models of calls dropped by every scope, reused for new calls. */
  private readonly callPool = new CallModelPool();
  private readonly ctx: RuleContext;
  private messages = 0;
  /** The view of the message being checked (see `message`). */
  private view: { -readonly [K in keyof MessageView]: MessageView[K] } | undefined;
  /** The latest message time (NaN: none yet; numbers only, see Scope.lastMs). */
  private nowMs = NaN;
  private finished = false;

  constructor(options: CheckerOptions = {}) {
    this.store = new FindingStore(options.maxFindingsPerRule);
    const impls = options.rules ?? RULE_IMPLS;
    for (const impl of impls) {
      let enabled = false;
      for (const meta of impl.rules) {
        const level = options.levels?.get(meta.id) ?? meta.severity;
        if (level !== 'off') {
          this.severity.set(meta.id, level);
          enabled = true;
        }
      }
      if (!enabled) continue;
      const active: ActiveImpl = { impl, skipRepeats: impl.rules.every((r) => REPEAT_SENSITIVE.has(r.category)), framing: impl.rules.every((r) => r.category === 'framing') };
      if (impl.check) {
        if (impl.on) {
          for (const type of impl.on) {
            const list = this.byType.get(type) ?? [];
            list.push(active);
            this.byType.set(type, list);
          }
        } else {
          this.everyMessage.push(active);
        }
      }
      if (impl.sessionEnd || impl.scopeEnd || impl.inputEnd) this.enders.push(impl);
    }
    this.ctx = {
      clients: this.clients,
      reportUnlessDamaged: (session, afterIndex, rule, at, message, call) => {
        if (this.severity.has(rule.id)) session.hold({ unlessDamagedAfter: afterIndex, rule, at, message, ...(call !== undefined ? { call } : {}) });
      },
      report: (rule: RuleMeta, at: FindingPlace, message: string, call?: number) => {
        const severity = this.severity.get(rule.id);
        if (severity === undefined) return;
        this.store.add(rule.id, severity, rule.spec, at, message, call);
      },
    };
  }

  push(event: TimelineEvent): void {
    if (event.kind === 'diagnostic') {
      if (event.code === REPEATED_RECORDS && event.session === undefined && event.source.line !== undefined) {
        const file = event.source.file;
        if (!this.repeatedLogs.has(file) && this.repeatedLogs.size < MAX_DAMAGED) this.repeatedLogs.set(file, { line: event.source.line, message: event.message });
      } else if (event.session !== undefined && event.severity !== 'info') {
        this.damaged.set(event.session, this.messages);
        const s = this.scopes.get(event.session)?.session;
        if (s) s.damagedAt = this.messages;
        // Bytes of the stream lost (not, say, a retransmission that disagreed: the first copy is kept).
        const lost = event.code === 'STREAM_GAP' || event.code === 'STREAM_UNDECODABLE';
        if (lost && this.firstDamage.size < MAX_DAMAGED && !this.firstDamage.has(event.session)) {
          const first: FirstDamage = { code: event.code, source: event.source, ...(event.at !== undefined ? { at: event.at } : {}), ...(event.direction !== undefined ? { direction: event.direction } : {}), ...(s ? { anchor: s.first } : {}) };
          this.firstDamage.set(event.session, first);
          this.awaitingAnchor.set(event.session, first);
        }
      } else if (event.session === undefined && event.severity !== 'info' && event.source.line !== undefined && !READ_WHOLE.has(event.code)) {
        // A log's trace or record that could not be read.
        const file = event.source.file;
        const known = this.damagedLogs.get(file);
        if (known) {
          if (known.lastLine !== event.source.line) known.count++;
          known.lastLine = event.source.line;
        } else if (this.damagedLogs.size < MAX_DAMAGED) {
          const damage: LogDamage = { count: 1, lastLine: event.source.line, code: event.code, line: event.source.line, message: event.message };
          if (this.lastRef?.source.file === file && this.lastRef.session === undefined) placeLogAnchor(damage, this.lastRef);
          this.damagedLogs.set(file, damage);
        }
      } else if (event.session === undefined && event.source.line === undefined && losesCaptureRecords(event)) {
        const file = event.source.file;
        const known = this.damagedCaptures.get(file);
        if (known) known.count++;
        else if (this.damagedCaptures.size < MAX_DAMAGED) {
          const before = this.lastRef?.source.file === file && this.lastRef.session !== undefined ? this.lastRef : undefined;
          this.damagedCaptures.set(file, { count: 1, code: event.code, message: event.message, anchorAfter: false, ...(before ? { anchor: before } : {}) });
        }
      }
      return;
    }
    this.message(event);
  }

  pushAll(events: Iterable<TimelineEvent>): void {
    for (const e of events) this.push(e);
  }

  private message(tm: TimelineMessage): void {
    const index = this.messages++;
    const type = tm.message.type;
    const { keyField, key } = messageKey(tm.message.fields);
    const ref: MessageRef = { index, type, source: tm.source, session: tm.session, at: tm.at, keyField, key, recordOffset: tm.recordOffset, recordLength: tm.recordLength };
    this.lastRef = ref;
    if (tm.session !== undefined && this.awaitingAnchor.size > 0) {
      const damage = this.awaitingAnchor.get(tm.session);
      if (damage) {
        damage.anchor = ref;
        this.awaitingAnchor.delete(tm.session);
      }
    } else if (tm.session === undefined && this.damagedLogs.size > 0) {
      const damage = this.damagedLogs.get(tm.source.file);
      if (damage) placeLogAnchor(damage, ref);
    }
    if (tm.session !== undefined && this.damagedCaptures.size > 0) {
      const damage = this.damagedCaptures.get(tm.source.file);
      if (damage && !damage.anchorAfter) {
        damage.anchor = ref;
        damage.anchorAfter = true;
      }
    }
    const timeMs = tm.at === undefined ? undefined : tm.at.sec * 1000 + tm.at.nsec / 1e6;
    if (timeMs !== undefined) this.nowMs = timeMs;
    const scope = this.scopeOf(tm, ref);
    const def = messageDefByName(type);
    const callId = def?.class === 'call-event' ? callIdOf(tm.message.fields) : undefined;
    // One view, filled in for each message in turn (MessageView).
    const view = (this.view ??= { index, type, def, message: tm.message, fields: tm.message.fields, timeMs, direction: tm.direction, scope, session: scope.session, ref, callId, call: undefined, duplicate: false, cutShort: false, fromTraceText: false });
    view.index = index;
    view.type = type;
    view.def = def;
    view.message = tm.message;
    view.fields = tm.message.fields;
    view.timeMs = timeMs;
    view.direction = tm.direction;
    view.scope = scope;
    view.session = scope.session;
    view.ref = ref;
    view.callId = callId;
    view.call = callId === undefined ? undefined : scope.calls.get(callId);
    view.duplicate = false;
    view.cutShort = tm.capturedLength !== undefined;
    view.fromTraceText = tm.fromTraceText === true;
    if (!scope.session && callId !== undefined) {
      view.duplicate = scope.isRepeat(view);
      view.call = scope.calls.get(callId);
    }
    // A message the capture cut short (capturedLength): its bytes are judged, but what it says
    // is not taken as said — a field beyond the cut is unknown, not absent — so the session's
    // rules and model do not see it (as they did not when it was an undecodable range).
    const cut = view.cutShort;
    if (cut && tm.session !== undefined) this.cutShort(tm, ref, scope.session);
    this.run(this.everyMessage, view, cut);
    const typed = this.byType.get(type);
    if (typed) this.run(typed, view, cut);
    if (!cut) {
      const session = scope.session;
      const before = session?.openResult;
      scope.apply(view);
      if (session?.open && before === undefined && session.openResult === 'failed') {
        this.clients.openFailed(session.open.identity, { sessionId: session.id, timeMs, ref });
      }
    }
    if (index % SWEEP_EVERY === SWEEP_EVERY - 1) this.sweep();
  }

  /**
   * A message the capture cut short lost bytes of the session as a gap does (and when the end
   * of the capture cut it, no gap follows to say so): messages may be missing from it on.
   */
  private cutShort(tm: TimelineMessage, ref: MessageRef, s: SessionModel | undefined): void {
    const id = tm.session!;
    if ((this.damaged.get(id) ?? -1) < ref.index) this.damaged.set(id, ref.index);
    if (s && (s.damagedAt ?? -1) < ref.index) s.damagedAt = ref.index;
    if (this.firstCut.size < MAX_DAMAGED && !this.firstCut.has(id) && !this.firstDamage.has(id)) {
      const total = 8 + (tm.message.bodyLength ?? 0);
      this.firstCut.set(id, { code: 'BYTES_MISSING', source: tm.source, ...(tm.direction !== undefined ? { direction: tm.direction } : {}), anchor: ref, cut: { type: ref.type, captured: tm.capturedLength!, total } });
    }
  }

  private run(list: readonly ActiveImpl[], view: MessageView, framingOnly: boolean): void {
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      if (framingOnly && !a.framing) continue;
      if (a.impl.needsSession && !view.session) continue;
      if (a.skipRepeats && view.duplicate) continue;
      a.impl.check!(view, this.ctx);
    }
  }

  private scopeOf(tm: TimelineMessage, ref: MessageRef): Scope {
    const key = tm.session ?? LOG_SCOPE;
    const existing = this.scopes.get(key);
    if (existing) return existing;
    let session: SessionModel | undefined;
    if (tm.session !== undefined) {
      session = new SessionModel(tm.session, ref);
      session.damagedAt = this.damaged.get(tm.session);
      // Ended while a reset was due, and the client speaks again: it did not reset.
      session.resetDue = this.resetEnded.get(tm.session);
      // A session followed again after it was dropped (silent for 10 minutes) did not start here.
      const firstSeen = !this.sessionIds.has(tm.session);
      this.sessionIds.add(tm.session);
      if (firstSeen && !session.fromStart) this.notOpenedFirst.set(tm.session, ref);
    }
    const scope = new Scope(key, session, this.callPool);
    this.scopes.set(key, scope);
    if (this.scopes.size > MAX_SCOPES) {
      const oldest = this.scopes.keys().next().value;
      if (oldest !== undefined && oldest !== key) this.end(oldest, undefined);
    }
    return scope;
  }

  /** Ends sessions silent for IDLE_SESSION_MS of timeline time or longer (RESET_SESSION_MS when a reset is due). */
  private sweep(): void {
    if (Number.isNaN(this.nowMs)) return;
    const limit = this.nowMs - IDLE_SESSION_MS;
    const resetLimit = this.nowMs - RESET_SESSION_MS;
    for (const [key, scope] of this.scopes) {
      const s = scope.session;
      if (!s || scope.lastMs === undefined) continue;
      if (scope.lastMs <= limit) this.end(key, undefined);
      else if (s.resetDue !== undefined && scope.lastMs <= resetLimit) this.end(key, undefined);
    }
  }

  private end(key: string, summary: SessionSummary | undefined): void {
    const scope = this.scopes.get(key);
    if (!scope) return;
    this.scopes.delete(key);
    const s = scope.session;
    if (s) {
      // Swept, or the oldest of too many sessions: should the client speak again, it did not reset.
      if (s.resetDue !== undefined) this.resetEnded.set(key, s.resetDue);
      const last = summary?.lastAt ? summary.lastAt.sec * 1000 + summary.lastAt.nsec / 1e6 : undefined;
      const evidenceMs = s.lastMs === undefined ? last : last === undefined ? s.lastMs : Math.max(s.lastMs, last);
      const end: SessionEnd = { evidenceMs, summary };
      for (const impl of this.enders) impl.sessionEnd?.(s, this.ctx, end);
      for (const p of s.provisional) if (!s.damagedAfter(p.unlessDamagedAfter)) this.ctx.report(p.rule, p.at, p.message, p.call);
    }
    for (const impl of this.enders) impl.scopeEnd?.(scope, this.ctx);
    scope.calls.release();
  }

  /** What the model holds now (to watch memory): scopes, live and ended calls, agents, outstanding requests, models of dropped calls kept for reuse. */
  footprint(): { scopes: number; liveCalls: number; endedCalls: number; agents: number; pendingRequests: number; spareCalls: number } {
    let liveCalls = 0;
    let endedCalls = 0;
    let agents = 0;
    let pendingRequests = 0;
    for (const scope of this.scopes.values()) {
      liveCalls += scope.calls.live.size;
      endedCalls += scope.calls.ended.size;
      agents += scope.agents.agents.size;
      pendingRequests += scope.session?.requests.pending.size ?? 0;
    }
    return { scopes: this.scopes.size, liveCalls, endedCalls, agents, pendingRequests, spareCalls: this.callPool.size };
  }

  /** Ends every scope and returns the findings. `summaries`: the sessions of the captures. */
  finish(summaries: readonly SessionSummary[] = []): CheckResult {
    if (this.finished) throw new Error('Checker.finish() called twice');
    this.finished = true;
    const byId = new Map(summaries.map((s) => [s.id, s]));
    for (const key of [...this.scopes.keys()]) this.end(key, byId.get(key));
    const notOpenedFirst = new Map(this.notOpenedFirst.entries());
    const damaged = new Set([...this.damaged.entries()].map(([k]) => k));
    // Sessions that lost no stream bytes but a message's end (the capture stopped inside it).
    for (const [id, cut] of this.firstCut) if (!this.firstDamage.has(id) && this.firstDamage.size < MAX_DAMAGED) this.firstDamage.set(id, cut);
    for (const impl of this.enders) impl.inputEnd?.({ summaries: byId, notOpenedFirst, damaged, firstDamage: this.firstDamage, damagedLogs: this.damagedLogs, damagedCaptures: this.damagedCaptures, repeatedLogs: this.repeatedLogs }, this.ctx);
    for (const s of summaries) this.sessionIds.add(s.id);
    return {
      findings: this.store.sorted(),
      counts: { ...this.store.counts },
      omitted: this.store.omitted,
      byRule: this.store.byRule(),
      messages: this.messages,
      sessions: this.sessionIds.size,
    };
  }
}

/** Checks a whole timeline held in memory (tests, library use). */
export function checkTimeline(events: Iterable<TimelineEvent>, options: CheckerOptions = {}, summaries: readonly SessionSummary[] = []): CheckResult {
  const checker = new Checker(options);
  checker.pushAll(events);
  return checker.finish(summaries);
}
