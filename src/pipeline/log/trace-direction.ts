/**
 * Which way a traced message went. A MIVR log is the server's: it writes to clients and reads
 * from them.
 *
 * - Low-level dump: `writing...` → server-to-client, `reading...` → client-to-server.
 * - High-level trace: the processor's name first (`CSOutboundMsgProcessor` → outbound →
 *   server-to-client; `…Inbound…` → client-to-server), then the verb (`sending`, `wrote` →
 *   server-to-client; `received`, `reading`, `got a request` → client-to-server).
 * - Otherwise (flow blocks, unknown words): the message table's sender — a message only the
 *   server sends is server-to-client, one only clients send client-to-server; a message either
 *   side may send has no direction.
 */
import { messageDefByName } from '../../protocol/messages/index.js';
import type { Direction } from '../../timeline/types.js';

const S2C: Direction = 'server-to-client';
const C2S: Direction = 'client-to-server';

/** By the message table: who sends this message type. */
export function directionByTable(type: string): Direction | undefined {
  const sentBy = messageDefByName(type)?.sentBy;
  return sentBy === 'server' ? S2C : sentBy === 'client' ? C2S : undefined;
}

/** A dump's direction (`write` / `read` as the grammar gives it). */
export function dumpDirection(direction: 'write' | 'read' | 'unknown', type: string): Direction | undefined {
  if (direction === 'write') return S2C;
  if (direction === 'read') return C2S;
  return directionByTable(type);
}

/** A high-level trace's direction from its processor and verb. */
export function traceDirection(processor: string | undefined, verb: string, type: string): Direction | undefined {
  if (processor !== undefined) {
    if (/outbound|sender|writer/i.test(processor)) return S2C;
    if (/inbound|receiver|reader/i.test(processor)) return C2S;
  }
  if (/\b(?:send(?:ing)?|sent|writ(?:e|ing)|wrote)\b/i.test(verb)) return S2C;
  if (/\b(?:receiv(?:e|ed|ing)|read(?:ing)?|recv|got an? request)\b/i.test(verb)) return C2S;
  return directionByTable(type);
}
