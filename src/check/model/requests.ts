/**
 * Request/confirmation pairing by InvokeID within one session (chapters 2, 3, 7): every
 * client request with an InvokeID waits for its confirmation, FAILURE_CONF or
 * CONTROL_FAILURE_CONF with the same InvokeID.
 */
import { MESSAGE_DEFS, messageDefByName } from '../../protocol/messages/index.js';
import { num } from '../fields.js';
import type { MessageRef } from '../rule.js';
import type { MessageView } from '../view.js';
import { BoundedNumberMap } from './bounded-map.js';

/**
 * Outstanding requests kept per session; beyond it the oldest are dropped (counted in
 * `pending.evicted`: a confirmation that matches nothing may then answer a dropped request).
 */
export const MAX_PENDING_REQUESTS = 4096;
/** Answered requests remembered per session, to recognise a second confirmation of one of them. */
const RECENTLY_ANSWERED = 64;
/** Confirmations that matched no request, kept in case the request comes later in the timeline. */
const MAX_ORPHANS = 64;

/** Confirmations any request may get instead of its own (Table 26, Table 7). */
const GENERIC_FAILURES: readonly string[] = ['FAILURE_CONF', 'CONTROL_FAILURE_CONF'];

export interface PendingRequest {
  readonly type: string;
  readonly invokeId: number;
  readonly ref: MessageRef;
  readonly timeMs: number | undefined;
}

/** A request answered: the tracker reuses the record of the one it forgets for the next (rules read it before the message is applied). */
export interface AnsweredRequest {
  type: string;
  answeredBy: string;
  /** Index of the confirmation (only the index: a session remembers many of them). */
  index: number;
}

/** Message types that are requests, confirmations, or sent by clients (to route rules). */
export const REQUEST_TYPES: readonly string[] = MESSAGE_DEFS.filter((d) => d.role === 'request').map((d) => d.name);
export const CONFIRMATION_TYPES: readonly string[] = MESSAGE_DEFS.filter((d) => d.role === 'confirmation').map((d) => d.name);
export const CLIENT_TYPES: readonly string[] = MESSAGE_DEFS.filter((d) => d.sentBy !== 'server').map((d) => d.name);

const answersCache = new Map<string, ReadonlySet<string>>();

/** The confirmation types that answer a request type. */
export function answersOf(requestType: string): ReadonlySet<string> {
  let set = answersCache.get(requestType);
  if (!set) {
    const def = messageDefByName(requestType);
    set = new Set([...(def?.confirmedBy ?? []), ...(def?.failedBy ?? []), ...GENERIC_FAILURES]);
    answersCache.set(requestType, set);
  }
  return set;
}

/** A client request carrying an InvokeID (SET_CALL_DATA_REQ counts only from the client). */
export function isTrackedRequest(m: MessageView): boolean {
  if (m.def?.role !== 'request' || num(m.fields, 'InvokeID') === undefined) return false;
  return m.direction === undefined ? m.def.sentBy !== 'server' : m.direction === 'client-to-server';
}

/** A server confirmation carrying an InvokeID. */
export function isTrackedConfirmation(m: MessageView): boolean {
  if (m.def?.role !== 'confirmation' || num(m.fields, 'InvokeID') === undefined) return false;
  return m.direction !== 'client-to-server';
}

/**
 * The requests of one session. A capture can put a request after its own confirmation in the
 * timeline (a gap in the client's direction holds that direction back until the capture
 * ends): a confirmation that matched nothing is kept for a while as an orphan, and a later
 * request it answers is taken as answered.
 */
export class RequestTracker {
  readonly pending = new BoundedNumberMap<PendingRequest>(MAX_PENDING_REQUESTS);
  readonly answered = new BoundedNumberMap<AnsweredRequest>(RECENTLY_ANSWERED);
  readonly orphans = new BoundedNumberMap<{ readonly type: string; readonly ref: MessageRef }>(MAX_ORPHANS);

  apply(m: MessageView): void {
    const invokeId = num(m.fields, 'InvokeID');
    if (invokeId === undefined) return;
    if (isTrackedRequest(m)) {
      this.answered.delete(invokeId);
      const orphan = this.orphans.get(invokeId);
      if (orphan && answersOf(m.type).has(orphan.type)) {
        this.orphans.delete(invokeId);
        this.answer(invokeId, m.type, orphan.type, orphan.ref.index);
        return;
      }
      this.pending.set(invokeId, { type: m.type, invokeId, ref: m.ref, timeMs: m.timeMs });
    } else if (isTrackedConfirmation(m)) {
      const req = this.pending.get(invokeId);
      if (req && answersOf(req.type).has(m.type)) {
        this.pending.delete(invokeId);
        this.answer(invokeId, req.type, m.type, m.index);
      } else if (!req) {
        this.orphans.set(invokeId, { type: m.type, ref: m.ref });
      }
    }
  }

  /** Remembers an answered request, in the record of the one it forgets when the table is full. */
  private answer(invokeId: number, type: string, answeredBy: string, index: number): void {
    let record = this.answered.get(invokeId);
    if (!record && this.answered.size >= RECENTLY_ANSWERED) {
      const [oldest, reused] = this.answered.oldest()!;
      this.answered.delete(oldest);
      record = reused;
    }
    if (!record) record = { type, answeredBy, index };
    record.type = type;
    record.answeredBy = answeredBy;
    record.index = index;
    this.answered.set(invokeId, record);
  }
}
