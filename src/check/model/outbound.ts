/**
 * The outbound feature within one scope (chapter 8): the client's answers to a reservation
 * call that must clear it (Accept, Reject, Reject-Close, Cancel Reservation), waiting for
 * the CALL_CONNECTION_CLEARED_EVENT of the reservation call.
 */
import { matchBAResponse } from '../../protocol/outbound.js';
import { baResponse, isRealCallId, num } from '../fields.js';
import type { MessageRef } from '../rule.js';
import type { MessageView } from '../view.js';
import type { CallTable } from './calls.js';
import { masksOut } from './masks.js';

/** How long the reservation call may stay after the answer: the guide's bound for answers (chapter 7). */
export const CLEARING_WINDOW_MS = 15_000;
const MAX_PENDING = 1024;

export interface PendingClearing {
  readonly callId: number;
  readonly response: string;
  /** The SET_CALL_DATA_REQ's InvokeID: a FAILURE_CONF / CONTROL_FAILURE_CONF with it means the answer was not acted on. */
  readonly invokeId: number | undefined;
  readonly ref: MessageRef;
  readonly deadlineMs: number | undefined;
}

/** A client's SET_CALL_DATA_REQ whose BAResponse clears a reservation call, with that call's ID. */
export function clearingResponse(m: MessageView, calls: CallTable): { callId: number; response: string; invokeId: number | undefined } | undefined {
  if (m.type !== 'SET_CALL_DATA_REQ' || m.direction === 'server-to-client') return undefined;
  const response = baResponse(m.fields);
  const callId = num(m.fields, 'CallID');
  if (response === undefined || !isRealCallId(callId)) return undefined;
  if (!matchBAResponse(response)?.def.clearsReservation) return undefined;
  // A reservation-phase answer (Table 9) on a call known to be a preview call is a phase
  // error (OUTBOUND-BARESPONSE-PHASE), not a reservation to clear.
  const call = calls.get(callId);
  if (call && call.isPreview() && !call.isReservation()) return undefined;
  // Already cleared (a capture can put the clearing before the answer that caused it).
  if (call?.connectionCleared) return undefined;
  // A client whose CallMsgMask leaves CALL_CONNECTION_CLEARED_EVENT out is not sent the clearing (Table 23).
  if (masksOut(m.session?.open, 'CALL_CONNECTION_CLEARED_EVENT')) return undefined;
  return { callId, response, invokeId: num(m.fields, 'InvokeID') };
}

/** Confirmations that say a request was not executed (chapter 7; FAILURE_CONF, Table 26). */
const FAILURES = new Set(['FAILURE_CONF', 'CONTROL_FAILURE_CONF']);

export class OutboundTracker {
  /** Pending clearings in deadline order. */
  private queue: PendingClearing[] = [];
  private readonly byCall = new Map<number, PendingClearing>();

  pendingFor(callId: number): PendingClearing | undefined {
    return this.byCall.get(callId);
  }

  get size(): number {
    return this.byCall.size;
  }

  /** Entries in the deadline queue, stale ones included (to test its bound). */
  get queued(): number {
    return this.queue.length;
  }

  /** Pending clearings whose window closed before `nowMs`, removed from the tracker. */
  takeExpired(nowMs: number): PendingClearing[] {
    const out: PendingClearing[] = [];
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      if (this.byCall.get(head.callId) !== head) {
        this.queue.shift();
        continue;
      }
      if (head.deadlineMs === undefined || head.deadlineMs >= nowMs) break;
      this.queue.shift();
      this.byCall.delete(head.callId);
      out.push(head);
    }
    return out;
  }

  /** Everything still pending (scope end). */
  takeAll(): PendingClearing[] {
    const out = [...this.byCall.values()];
    this.byCall.clear();
    this.queue = [];
    return out;
  }

  apply(m: MessageView, calls: CallTable): void {
    const clearing = clearingResponse(m, calls);
    if (clearing) {
      const p: PendingClearing = { ...clearing, ref: m.ref, deadlineMs: m.timeMs === undefined ? undefined : m.timeMs + CLEARING_WINDOW_MS };
      this.byCall.set(clearing.callId, p);
      this.queue.push(p);
      // The oldest pending clearing goes (answers given again for a call left stale entries ahead of it).
      while (this.byCall.size > MAX_PENDING) {
        const oldest = this.queue.shift();
        if (!oldest) break;
        if (this.byCall.get(oldest.callId) === oldest) this.byCall.delete(oldest.callId);
      }
      if (this.queue.length > 2 * MAX_PENDING) this.queue = this.queue.filter((q) => this.byCall.get(q.callId) === q);
      return;
    }
    if (this.byCall.size === 0) return;
    if (FAILURES.has(m.type) && m.direction !== 'client-to-server') {
      // The server refused the answer: the reservation stays, nothing is cleared.
      const invokeId = num(m.fields, 'InvokeID');
      if (invokeId !== undefined) for (const p of this.byCall.values()) if (p.invokeId === invokeId) this.byCall.delete(p.callId);
    } else if (m.type === 'CALL_CONNECTION_CLEARED_EVENT' || m.type === 'CALL_CLEARED_EVENT' || m.type === 'END_CALL_EVENT') {
      const callId = num(m.fields, 'CallID');
      if (callId !== undefined) this.byCall.delete(callId);
    }
    // Nothing pending: the queue holds only stale entries, which no one takes once nothing is
    // pending (they stayed, with their messages' refs, until 2048 of them were filtered out).
    if (this.byCall.size === 0) this.queue.length = 0;
  }
}
