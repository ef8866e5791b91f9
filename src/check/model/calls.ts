/**
 * Calls by CallID within one scope (chapter 6): whether BEGIN_CALL_EVENT announced the call,
 * each connection (per ConnectionDeviceID) with its LocalConnectionState and whether it was
 * delivered / established, the transfer or conference that merged a secondary call, and
 * the calls whose association ended (END_CALL_EVENT).
 */
import { isRealCallId, namedVariable, nonEmpty, num, records } from '../fields.js';
import type { FieldRecord } from '../../protocol/codec/decode.js';
import type { MessageView } from '../view.js';
import { BoundedNumberMap } from './bounded-map.js';

/** LocalConnectionState values (Table 190). */
export const LCS = { NULL: 0, INITIATE: 1, ALERTING: 2, CONNECT: 3, HOLD: 4, QUEUED: 5, FAIL: 6, NONE: 0xffff } as const;

/** CallType values of the outbound feature (Table 195). */
export const CALLTYPE_PREVIEW = 17;
export const CALLTYPE_RESERVATION = 18;

/** Calls followed per scope: one client's view (a session) or the whole log. */
const MAX_LIVE_CALLS = { session: 2048, log: 20_000 } as const;
/**
 * An agent-mode client sees the calls of one agent's phone: a few at a time. It is not sent
 * END_CALL_EVENT for every call (the chapter-11 transfer and conference flows send it to
 * bridge-mode clients only), so calls it saw end stay in the table until they are forgotten.
 */
export const MAX_LIVE_CALLS_AGENT_MODE = 32;
/** Ended CallIDs an agent-mode scope remembers. */
export const MAX_ENDED_CALLS_AGENT_MODE = 32;
/** Ended CallIDs remembered per scope (to recognise events after END_CALL_EVENT). */
const MAX_ENDED_CALLS = { session: 512, log: 4096 } as const;
const MAX_CONNECTIONS = 32;
/** A call without events for this long (timeline time) is forgotten. */
const IDLE_CALL_MS = 60 * 60 * 1000;
/** How often (in call events of the scope) idle calls are looked for. */
const SWEEP_EVERY = 4096;
const MAX_SIGNATURES = 64;
/** Models of dropped calls kept for the next calls (of any scope: see CallModelPool). */
const MAX_SPARE_CALLS = 1024;
/** Connections of cleared calls kept for the next connections. */
const MAX_SPARE_CONNECTIONS = 4096;

/**
 * Models of calls dropped — evicted, forgotten, ended, or left by a session that ended — kept
 * to be reset for the next new calls of any scope (a new session fills its table with the
 * models its predecessors left). One per checker; nothing else holds a call's model once it is
 * dropped: rules read the model before the message is applied, and keep only indices.
 */
export class CallModelPool {
  private readonly spares: CallModel[] = [];
  private readonly connections: Connection[] = [];

  get size(): number {
    return this.spares.length;
  }

  give(c: CallModel): void {
    if (this.spares.length < MAX_SPARE_CALLS) this.spares.push(c);
  }

  /** A model for a new call `id`: a spare one, reset, else a new one. */
  take(id: number): CallModel {
    const spare = this.spares.pop();
    return spare ? spare.reset(id) : new CallModel(id, this);
  }

  /** Connections of calls cleared (or reset): they go, so that the calls a table keeps after their clearing hold none. */
  giveConnection(c: Connection): void {
    if (this.connections.length < MAX_SPARE_CONNECTIONS) this.connections.push(c);
  }

  takeConnection(): Connection | undefined {
    return this.connections.pop();
  }
}

export interface Connection {
  device: string;
  lcs: number;
  /**
   * The device is monitored: it had an event of its own (delivered at it, service initiated,
   * originated, held, retrieved). Unmonitored parties (an outside caller, a far end) can have
   * a connection by CALL_ESTABLISHED_EVENT but never get CALL_CONNECTION_CLEARED_EVENT.
   */
  monitored: boolean | undefined;
  /** Index of the CALL_DELIVERED_EVENT at this connection (since it was last cleared). */
  delivered: number | undefined;
  /** Index of the CALL_ESTABLISHED_EVENT at this connection (since it was last cleared). */
  established: number | undefined;
}

/** A message the model remembers of a call: its index and type (small, unlike a MessageRef). */
export interface EventMark {
  readonly index: number;
  readonly type: string;
}

/**
 * One call. Models of dropped calls are reset for new ones (CallModelPool), and the connections
 * of a cleared call go back to the pool: an agent-mode session keeps its last 32 calls, each
 * long enough to outlive V8's young generation, and a new model and new connections per call
 * made garbage of the old generation at the rate calls came.
 */
export class CallModel {
  /** BEGIN_CALL_EVENT announced the call. */
  began = false;
  /** The first event of the call other than BEGIN_CALL_EVENT and CALL_DATA_UPDATE_EVENT (its index; -1: none yet). */
  private firstIndex = -1;
  private firstType = '';
  /**
   * Connections, one per ConnectionDeviceID, in the order they were made: the first
   * `connCount` of `conns` (those after it dropped one by one, kept to be reused; a cleared
   * call's all go back to the pool). A call has a
   * few: an array searched in order costs less memory than a Map, and the checker holds many calls.
   */
  private conns: Connection[] | undefined;
  private connCount = 0;
  /** Time of the call's last event (NaN: none; a number field, updated in place: see Scope.lastMs). */
  lastMs = NaN;
  callType: number | undefined;
  baStatus: string | undefined;
  /** The CALL_TRANSFERRED_EVENT / CALL_CONFERENCED_EVENT that merged this secondary call (its index; -1: none). */
  private mergedIndex = -1;
  private mergedType = '';
  /** CALL_CLEARED_EVENT came for the call. */
  cleared = false;
  /** A connection of the call was cleared (CALL_CONNECTION_CLEARED_EVENT or CALL_CLEARED_EVENT). */
  connectionCleared = false;
  /** Log scope: what was seen of the call, to recognise the copies a MIVR log writes per client. */
  signatures: Set<string> | undefined;

  constructor(
    public id: number,
    /** Where the call's connections go when it is cleared, and new ones come from. */
    private readonly pool?: CallModelPool,
  ) {}

  /** Makes this the model of a new call `id`, as `new CallModel(id)` would be (its objects kept for reuse). */
  reset(id: number): this {
    this.id = id;
    this.began = false;
    this.firstIndex = -1;
    this.firstType = '';
    this.releaseConnections();
    this.lastMs = NaN;
    this.callType = undefined;
    this.baStatus = undefined;
    this.mergedIndex = -1;
    this.mergedType = '';
    this.cleared = false;
    this.connectionCleared = false;
    this.signatures = undefined;
    return this;
  }

  /** The first event of the call other than BEGIN_CALL_EVENT and CALL_DATA_UPDATE_EVENT. */
  get firstEvent(): EventMark | undefined {
    return this.firstIndex < 0 ? undefined : { index: this.firstIndex, type: this.firstType };
  }

  /** Notes the call's first event, unless it has one. */
  noteFirstEvent(m: MessageView): void {
    if (this.firstIndex >= 0) return;
    this.firstIndex = m.index;
    this.firstType = m.type;
  }

  /** The CALL_TRANSFERRED_EVENT / CALL_CONFERENCED_EVENT that merged this secondary call. */
  get mergedBy(): EventMark | undefined {
    return this.mergedIndex < 0 ? undefined : { index: this.mergedIndex, type: this.mergedType };
  }

  noteMergedBy(m: MessageView): void {
    this.mergedIndex = m.index;
    this.mergedType = m.type;
  }

  /** The connection at a device, if the call has one there. */
  connectionOf(device: string): Connection | undefined {
    const conns = this.conns;
    if (conns) for (let i = 0; i < this.connCount; i++) if (conns[i]!.device === device) return conns[i];
    return undefined;
  }

  /** The connection at a device, created when new (up to 32 per call). */
  connection(device: string): Connection | undefined {
    let c = this.connectionOf(device);
    if (!c && this.connCount < MAX_CONNECTIONS) {
      const conns = (this.conns ??= []);
      c = conns[this.connCount] ?? this.pool?.takeConnection();
      if (c) {
        c.device = device;
        c.lcs = LCS.NONE;
        c.monitored = undefined;
        c.delivered = undefined;
        c.established = undefined;
      } else {
        c = { device, lcs: LCS.NONE, monitored: undefined, delivered: undefined, established: undefined };
      }
      conns[this.connCount++] = c;
    }
    return c;
  }

  dropConnection(device: string): void {
    const conns = this.conns;
    if (!conns) return;
    for (let i = 0; i < this.connCount; i++) {
      if (conns[i]!.device !== device) continue;
      // The ones after it move up; it goes after the last, to be reused.
      const dropped = conns[i]!;
      for (let j = i + 1; j < this.connCount; j++) conns[j - 1] = conns[j]!;
      conns[--this.connCount] = dropped;
      return;
    }
  }

  dropConnections(): void {
    this.releaseConnections();
  }

  /** Every connection goes, the objects back to the pool (a cleared call stays in its table with none). */
  private releaseConnections(): void {
    const conns = this.conns;
    if (!conns) return;
    if (this.pool) for (let i = 0; i < conns.length; i++) this.pool.giveConnection(conns[i]!);
    conns.length = 0;
    this.connCount = 0;
  }

  /** Connections of monitored devices still taking part in the call (not NULL, not failed). */
  liveConnections(): string[] {
    const out: string[] = [];
    const conns = this.conns;
    if (conns) {
      for (let i = 0; i < this.connCount; i++) {
        const c = conns[i]!;
        if (c.monitored && c.lcs !== LCS.NULL && c.lcs !== LCS.FAIL) out.push(c.device);
      }
    }
    return out;
  }

  /** Keeps only the connections at `devices` (the ConnectedParties of a transfer or conference), in their order. */
  keepOnly(devices: ReadonlySet<string>): void {
    const conns = this.conns;
    if (!conns) return;
    let kept = 0;
    for (let i = 0; i < this.connCount; i++) {
      const c = conns[i]!;
      if (!devices.has(c.device)) continue;
      // Swapped with the first not kept: the kept keep their order, the dropped go after them.
      conns[i] = conns[kept]!;
      conns[kept++] = c;
    }
    this.connCount = kept;
  }

  isReservation(): boolean {
    return this.callType === CALLTYPE_RESERVATION || (this.baStatus !== undefined && this.baStatus.startsWith('D'));
  }

  isPreview(): boolean {
    return this.callType === CALLTYPE_PREVIEW || (this.baStatus !== undefined && this.baStatus.startsWith('C'));
  }
}

/** The CallID a call-event message is about (CallID; PrimaryCallID for transfers and conferences). */
export function callIdOf(fields: FieldRecord): number | undefined {
  const id = num(fields, 'CallID') ?? num(fields, 'PrimaryCallID');
  return isRealCallId(id) ? id : undefined;
}

/** Call events the server sends: the messages this table follows. */
export function isCallEvent(m: MessageView): boolean {
  return m.def?.class === 'call-event' && m.direction !== 'client-to-server';
}

/**
 * The calls of one scope. Both maps drop their least recently used entries beyond their caps
 * (a call without events while 2048 other calls of its session had some is forgotten, and
 * then treated as a call first seen in the middle).
 */
export class CallTable {
  readonly live: BoundedNumberMap<CallModel>;
  /** The index of the END_CALL_EVENT by CallID, until a BEGIN_CALL_EVENT reuses the ID. */
  readonly ended: BoundedNumberMap<number>;
  private events = 0;

  constructor(
    kind: 'session' | 'log',
    /** Where models of dropped calls go, and new calls take theirs from. */
    private readonly pool: CallModelPool = new CallModelPool(),
  ) {
    this.live = new BoundedNumberMap(MAX_LIVE_CALLS[kind], (_, c) => pool.give(c));
    this.ended = new BoundedNumberMap(MAX_ENDED_CALLS[kind]);
  }

  /** The scope is over: its calls' models go to the pool (the table is not used again). */
  release(): void {
    for (const c of this.live.values()) this.pool.give(c);
  }

  get(id: number): CallModel | undefined {
    return this.live.get(id);
  }

  private call(id: number): CallModel {
    let c = this.live.get(id);
    if (!c) {
      c = this.pool.take(id);
      this.live.set(id, c);
    }
    return c;
  }

  /**
   * Log scope: whether `m` repeats a message already seen for its call (same type, device,
   * state and cause). Records it otherwise.
   */
  isRepeat(m: MessageView): boolean {
    if (!isCallEvent(m)) return false;
    const id = m.callId;
    if (id === undefined) return false;
    const c = this.call(id);
    const f = m.fields;
    const sig = `${m.type}|${nonEmpty(f, 'ConnectionDeviceID') ?? ''}|${num(f, 'LocalConnectionState') ?? ''}|${num(f, 'EventCause') ?? ''}|${num(f, 'SecondaryCallID') ?? ''}`;
    if (c.signatures?.has(sig)) return true;
    if (!c.signatures) c.signatures = new Set();
    if (c.signatures.size < MAX_SIGNATURES) c.signatures.add(sig);
    return false;
  }

  apply(m: MessageView): void {
    const id = m.callId;
    if (id === undefined || m.direction === 'client-to-server') return;
    if (++this.events % SWEEP_EVERY === 0 && m.timeMs !== undefined) this.forgetIdle(m.timeMs - IDLE_CALL_MS);
    this.applyEvent(m, id);
    const renamed = m.type === 'CALL_DATA_UPDATE_EVENT' ? num(m.fields, 'NewCallID') : undefined;
    // The call had an event: it is evicted last.
    const c = this.live.touch(isRealCallId(renamed) ? renamed : id);
    if (c && m.timeMs !== undefined) c.lastMs = m.timeMs;
  }

  /** Forgets calls without events since `beforeMs`. */
  private forgetIdle(beforeMs: number): void {
    for (const [id, c] of this.live.entries()) {
      // A call without a time (NaN) is never idle.
      if (c.lastMs < beforeMs) {
        this.live.delete(id);
        this.pool.give(c);
      }
    }
  }

  private applyEvent(m: MessageView, id: number): void {
    const f = m.fields;
    switch (m.type) {
      case 'BEGIN_CALL_EVENT': {
        this.ended.delete(id);
        // A new call: the model of the one this ID named before (its signatures kept), else a fresh one.
        const before = this.live.get(id);
        const signatures = before?.signatures;
        const c = before ? before.reset(id) : this.pool.take(id);
        c.began = true;
        c.signatures = signatures;
        c.callType = num(f, 'CallType');
        this.live.set(id, c);
        noteOutbound(c, m);
        return;
      }
      case 'END_CALL_EVENT': {
        const ended = this.live.get(id);
        if (ended) {
          this.live.delete(id);
          this.pool.give(ended);
        }
        this.ended.set(id, m.index);
        return;
      }
      case 'CALL_DATA_UPDATE_EVENT': {
        const c = this.call(id);
        c.callType = num(f, 'CallType') ?? c.callType;
        noteOutbound(c, m);
        const newId = num(f, 'NewCallID');
        if (isRealCallId(newId) && newId !== id) {
          this.live.delete(id);
          c.id = newId;
          this.live.set(newId, c);
        }
        return;
      }
      case 'CALL_TRANSFERRED_EVENT':
      case 'CALL_CONFERENCED_EVENT': {
        const secondary = num(f, 'SecondaryCallID');
        if (isRealCallId(secondary) && secondary !== id) this.call(secondary).noteMergedBy(m);
        this.call(id).noteFirstEvent(m);
        this.keepParties(m);
        return;
      }
    }
    const c = this.call(id);
    c.noteFirstEvent(m);
    noteOutbound(c, m);
    const device = nonEmpty(f, 'ConnectionDeviceID');
    const lcs = num(f, 'LocalConnectionState');
    switch (m.type) {
      case 'CALL_CLEARED_EVENT':
        c.cleared = true;
        c.connectionCleared = true;
        c.dropConnections();
        return;
      case 'CALL_CONNECTION_CLEARED_EVENT':
        c.connectionCleared = true;
        if (device !== undefined) c.dropConnection(device);
        return;
      case 'CALL_DIVERTED_EVENT': {
        const from = nonEmpty(f, 'DivertingDeviceID');
        if (from !== undefined && from !== device) c.dropConnection(from);
        break;
      }
      case 'CALL_DEQUEUED_EVENT':
      case 'RTP_STARTED_EVENT':
      case 'RTP_STOPPED_EVENT':
        return;
    }
    if (device === undefined) return;
    const conn = c.connection(device);
    if (!conn) return;
    conn.lcs = lcs !== undefined && lcs !== LCS.NONE ? lcs : (IMPLIED_LCS[m.type] ?? conn.lcs);
    if (m.type === 'CALL_DELIVERED_EVENT') conn.delivered = m.index;
    else if (m.type === 'CALL_ESTABLISHED_EVENT') conn.established = m.index;
    if (MONITORED_BY.has(m.type)) {
      const alerting = m.type === 'CALL_DELIVERED_EVENT' ? nonEmpty(f, 'AlertingDeviceID') : undefined;
      if (alerting === undefined || alerting === device) conn.monitored = true;
    }
  }

  /** After a transfer or conference, each resulting call keeps only the connections its ConnectedParties list. */
  private keepParties(m: MessageView): void {
    const byCall = new Map<number, Set<string>>();
    for (const p of records(m.fields, 'ConnectedParties')) {
      const callId = num(p, 'ConnectedPartyCallID');
      const device = nonEmpty(p, 'ConnectedPartyDeviceID');
      if (!isRealCallId(callId) || device === undefined) continue;
      let set = byCall.get(callId);
      if (!set) byCall.set(callId, (set = new Set()));
      set.add(device);
    }
    for (const [callId, devices] of byCall) this.live.get(callId)?.keepOnly(devices);
  }
}

/** Events generated only for monitored devices: they make their connection's device monitored. */
const MONITORED_BY = new Set(['CALL_DELIVERED_EVENT', 'CALL_SERVICE_INITIATED_EVENT', 'CALL_ORIGINATED_EVENT', 'CALL_HELD_EVENT', 'CALL_RETRIEVED_EVENT']);

/** The state an event implies for its connection when the message says LCS_NONE. */
const IMPLIED_LCS: Readonly<Record<string, number>> = {
  CALL_SERVICE_INITIATED_EVENT: LCS.INITIATE,
  CALL_ORIGINATED_EVENT: LCS.INITIATE,
  CALL_DELIVERED_EVENT: LCS.ALERTING,
  CALL_ESTABLISHED_EVENT: LCS.CONNECT,
  CALL_HELD_EVENT: LCS.HOLD,
  CALL_RETRIEVED_EVENT: LCS.CONNECT,
  CALL_QUEUED_EVENT: LCS.QUEUED,
  CALL_FAILED_EVENT: LCS.FAIL,
};

function noteOutbound(c: CallModel, m: MessageView): void {
  const status = namedVariable(m.fields, 'BAStatus');
  if (status !== undefined && status !== '') c.baStatus = status;
}
