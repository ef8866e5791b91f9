/**
 * What the checker remembers across sessions: OPEN_REQs rejected by FAILURE_CONF, by the
 * client that sent them, so a retry from the same client can be timed (chapter 3).
 */
import { nonEmpty } from '../fields.js';
import type { FieldRecord } from '../../protocol/codec/decode.js';
import type { MessageRef } from '../rule.js';
import { BoundedMap } from './bounded-map.js';

const MAX_CLIENTS = 4096;

export interface FailedOpen {
  readonly sessionId: string;
  readonly timeMs: number | undefined;
  readonly ref: MessageRef;
}

/** The client address of a capture session id `addr:port-addr:port#n` (client first), if it has that shape. */
function clientAddress(sessionId: string): string | undefined {
  const match = /^(.+):\d+-(.+):\d+(?:#\d+)?$/.exec(sessionId);
  return match ? `${match[1]}>${match[2]}` : undefined;
}

/** Who opens a session: the client's address (when the session id tells it) and its OPEN_REQ identity fields. */
export function openIdentity(sessionId: string, fields: FieldRecord): string {
  const who = ['ClientID', 'ClientSignature', 'AgentExtension', 'AgentID', 'AgentInstrument'].map((name) => nonEmpty(fields, name) ?? '');
  return [clientAddress(sessionId) ?? '', ...who].join('\u0000');
}

export class ClientHistory {
  private readonly failedOpens = new BoundedMap<string, FailedOpen>(MAX_CLIENTS);

  failedOpen(identity: string): FailedOpen | undefined {
    return this.failedOpens.get(identity);
  }

  openFailed(identity: string, failure: FailedOpen): void {
    this.failedOpens.set(identity, failure);
  }
}
