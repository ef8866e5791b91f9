/**
 * Is this an MHDR (BodyLength UINT, MessageTypeID UINT, big-endian)? Two levels of trust:
 *
 * - in sync (the previous message ended here): any BodyLength up to MAX_PLAUSIBLE_BODY and
 *   any MessageTypeID the guide names, or an unknown one below 65536 (a newer server's
 *   message is still framed, and shown as UNKNOWN_<id>). Anything else is damage.
 * - searching (after a gap, at a mid-stream start, after damage): only a MessageTypeID the
 *   guide defines, with a BodyLength between the smallest fixed part of its layouts and the
 *   largest body the guide allows (MAX_PLAUSIBLE_BODY when the guide sets no bound).
 */
import { MAX_PLAUSIBLE_BODY } from '../../protocol/codec/framing.js';
import { allPlans } from '../../protocol/codec/plan.js';
import type { DecodedMessage } from '../../protocol/codec/decode.js';

/** Indexed by MessageTypeID (< 256): the BodyLength range a search accepts; max < 0: not a defined type. */
const STRICT_MIN: Int32Array = new Int32Array(256);
const STRICT_MAX: Int32Array = new Int32Array(256).fill(-1);

for (const plan of allPlans()) {
  const id = plan.def.id;
  if (id > 255) throw new Error(`MessageTypeID ${id} does not fit the header tables`);
  STRICT_MIN[id] = Math.min(...plan.layouts.map((l) => l.length));
  STRICT_MAX[id] = Math.min(plan.maxBody ?? MAX_PLAUSIBLE_BODY, MAX_PLAUSIBLE_BODY);
}

/** A header read where a message is expected (in sync). */
export function syncHeaderPlausible(bodyLength: number, typeId: number): boolean {
  return bodyLength <= MAX_PLAUSIBLE_BODY && typeId <= 0xffff;
}

/** A header found while searching: a type the guide defines, a BodyLength its table allows. */
export function strictHeaderPlausible(bodyLength: number, typeId: number): boolean {
  return typeId < 256 && bodyLength <= STRICT_MAX[typeId]! && bodyLength >= STRICT_MIN[typeId]!;
}

/** Whether a decoded message has an error-severity diagnostic. */
export function hasErrors(m: DecodedMessage): boolean {
  const d = m.diagnostics;
  for (let i = 0; i < d.length; i++) if (d[i]!.severity === 'error') return true;
  return false;
}

/** Whether a decoded message has an error- or warning-severity diagnostic. */
export function hasWarnings(m: DecodedMessage): boolean {
  const d = m.diagnostics;
  for (let i = 0; i < d.length; i++) if (d[i]!.severity !== 'info') return true;
  return false;
}

/** A message a search or the heuristics may trust: a defined type, a sane length, no error. */
export function isCleanStrict(m: DecodedMessage): boolean {
  return m.typeId !== null && m.bodyLength !== null && strictHeaderPlausible(m.bodyLength, m.typeId) && !hasErrors(m);
}
