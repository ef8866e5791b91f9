/**
 * What names a message among the messages of its type in its session, whatever its place in
 * the input: the request it is or answers (InvokeID), else the call it is about, else the agent.
 * SARIF's fingerprints are made of it (report/fingerprint.ts), so it is taken from the message
 * when the checker reads it (a finding may point at a message long gone): a field's name and
 * a value the decoded message already holds, nothing allocated.
 */
import type { FieldRecord } from '../protocol/codec/decode.js';
import { nonEmpty, num } from './fields.js';
import { callIdOf } from './model/calls.js';

/** The field a message key was read from. */
export type MessageKeyField = 'InvokeID' | 'CallID' | 'AgentID';

export interface MessageKey {
  readonly keyField?: MessageKeyField;
  readonly key?: number | string;
}

const NONE: MessageKey = {};

/**
 * The message's key, or none (a configuration event, SYSTEM_EVENT): its
 * InvokeID (requests and their confirmations), else its CallID (PrimaryCallID for transfers and
 * conferences; not the NULL CallID), else a non-empty AgentID.
 */
export function messageKey(fields: FieldRecord): MessageKey {
  const invokeId = num(fields, 'InvokeID');
  if (invokeId !== undefined) return { keyField: 'InvokeID', key: invokeId };
  const callId = callIdOf(fields);
  if (callId !== undefined) return { keyField: 'CallID', key: callId };
  const agentId = nonEmpty(fields, 'AgentID');
  if (agentId !== undefined) return { keyField: 'AgentID', key: agentId };
  return NONE;
}
