/**
 * Whether a MIVR record's text may spell a secret: then the diagnostics that quote its text
 * (a dump's ASCII gutter, stray or trailing text of a trace, a parser's message) give their
 * `unquoted` form unless `--show-secrets`. A dump spells its bytes in its gutter; a trace of
 * OPEN_REQ or SET_AGENT_STATE_REQ prints the password as text, and a broken value (a `,` or
 * `}` in it) turns part of it into stray or trailing text.
 */
import type { CtiTrace, DumpRow } from '../../../grammar/cti-trace-types.js';
import type { CtiTraceRecord } from '../../mivr/index.js';
import { messageTypeName, SECRET_FIELD_NAMES, SECRET_MESSAGE_IDS } from '../../protocol/messages/index.js';
import { mayHoldSecretField } from '../../protocol/codec/secret-bytes.js';
import { readU32 } from '../../protocol/codec/wire.js';

const SECRET_MESSAGE_NAMES: ReadonlySet<string> = new Set([...SECRET_MESSAGE_IDS].map(messageTypeName));
/** A trace's key naming a secret, however the trace spells it (`clientPassword`, `AgentPassword`). */
const SECRET_KEY = new RegExp([...SECRET_FIELD_NAMES].join('|'), 'i');

function rowBytes(rows: readonly DumpRow[]): Uint8Array {
  return Uint8Array.from(rows.flatMap((r) => r.bytes));
}

function traceMayHoldSecret(trace: CtiTrace): boolean {
  if (trace.kind === 'high') return SECRET_MESSAGE_NAMES.has(trace.messageName.toUpperCase()) || trace.pairs.some((p) => SECRET_KEY.test(p.key));
  const header = rowBytes(trace.mhdr);
  if (header.length < 8) return true; // the type is not known
  if (SECRET_MESSAGE_IDS.has(readU32(header, 4))) return true;
  const body = rowBytes(trace.mdata);
  return mayHoldSecretField(body, 0, body.length, true);
}

/** Whether the record's text may spell a secret (a record whose traces could not be read may). */
export function recordMayHoldSecret(r: CtiTraceRecord): boolean {
  return r.traces.length === 0 || r.traces.some(traceMayHoldSecret);
}
