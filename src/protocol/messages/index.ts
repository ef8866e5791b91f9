/**
 * The message-definition table: every MessageTypeID of the guide's Tables 10 and 11.
 * This is the one source of truth the codec, the schemas, the docs and the rules read.
 */
import type { FloatingFieldDef, FloatingItemDef, MessageDef, RecordGroupDef, UndefinedMessageDef } from '../types.js';
import { AGENT_STATE_MESSAGES } from './agent-state.js';
import { CALL_CONTROL_MESSAGES } from './call-control.js';
import { CALL_EVENT_MESSAGES } from './call-events.js';
import { CONFIGURATION_MESSAGES } from './configuration.js';
import { MISCELLANEOUS_MESSAGES } from './miscellaneous.js';
import { SESSION_MESSAGES } from './session.js';

/** The 91 messages the guide defines, in the order of chapter 9. */
export const MESSAGE_DEFS: readonly MessageDef[] = [
  ...SESSION_MESSAGES,
  ...CONFIGURATION_MESSAGES,
  ...AGENT_STATE_MESSAGES,
  ...CALL_EVENT_MESSAGES,
  ...CALL_CONTROL_MESSAGES,
  ...MISCELLANEOUS_MESSAGES,
];

const RESERVED_NOTE = 'Table 11 lists this MessageTypeID as reserved; chapter 11 says to skip BodyLength bytes.';
const EMERGENCY_NOTE = 'Tables 10/11 name this message but the guide never defines its body; the body is shown as hex.';

/** MessageTypeIDs without a body definition: the 15 reserved ones and the 3 emergency messages. */
export const UNDEFINED_MESSAGE_DEFS: readonly UndefinedMessageDef[] = [
  ...[68, 69, 112, 113, 114, 115, 126, 127, 128, 134, 211, 212, 213, 214, 215].map(
    (id): UndefinedMessageDef => ({ id, name: `RESERVED_${id}`, status: 'reserved', note: RESERVED_NOTE }),
  ),
  { id: 121, name: 'EMERGENCY_CALL_REQ', status: 'undefined', note: EMERGENCY_NOTE },
  { id: 122, name: 'EMERGENCY_CALL_CONF', status: 'undefined', note: EMERGENCY_NOTE },
  { id: 123, name: 'EMERGENCY_CALL_EVENT', status: 'undefined', note: EMERGENCY_NOTE },
];

const BY_ID = new Map<number, MessageDef>(MESSAGE_DEFS.map((m) => [m.id, m]));
const BY_NAME = new Map<string, MessageDef>(MESSAGE_DEFS.map((m) => [m.name, m]));
const UNDEFINED_BY_ID = new Map<number, UndefinedMessageDef>(UNDEFINED_MESSAGE_DEFS.map((m) => [m.id, m]));
const UNDEFINED_BY_NAME = new Map<string, UndefinedMessageDef>(UNDEFINED_MESSAGE_DEFS.map((m) => [m.name, m]));

export function messageDefById(id: number): MessageDef | undefined {
  return BY_ID.get(id);
}

export function messageDefByName(name: string): MessageDef | undefined {
  return BY_NAME.get(name);
}

export function undefinedMessageById(id: number): UndefinedMessageDef | undefined {
  return UNDEFINED_BY_ID.get(id);
}

export function undefinedMessageByName(name: string): UndefinedMessageDef | undefined {
  return UNDEFINED_BY_NAME.get(name);
}

/** The type name a MessageTypeID decodes to (`UNKNOWN_<id>` when the guide does not list it). */
export function messageTypeName(id: number): string {
  return BY_ID.get(id)?.name ?? UNDEFINED_BY_ID.get(id)?.name ?? `UNKNOWN_${id}`;
}

/** Every floating field of a list of items, records included (depth first). */
export function flattenFloating(items: readonly FloatingItemDef[]): FloatingFieldDef[] {
  const out: FloatingFieldDef[] = [];
  for (const item of items) {
    if (item.kind === 'group') out.push(...flattenFloating(item.members));
    else out.push(item);
  }
  return out;
}

/** Every record group of a list of items (depth first). */
export function recordGroups(items: readonly FloatingItemDef[]): RecordGroupDef[] {
  const out: RecordGroupDef[] = [];
  for (const item of items) {
    if (item.kind === 'group') out.push(item, ...recordGroups(item.members));
  }
  return out;
}

/** The distinct protocol versions at which a message's fixed part changes, ascending. */
export function fixedLayoutVersions(def: MessageDef): number[] {
  const versions = new Set<number>([0]);
  for (const field of def.fixed) if (field.since !== undefined) versions.add(field.since);
  return [...versions].sort((a, b) => a - b);
}

/** FieldDataIDs of the secrets (ClientPassword, AgentPassword): their bytes are shown in no form unless secrets are. */
export const SECRET_FIELD_IDS: ReadonlySet<number> = new Set(MESSAGE_DEFS.flatMap((d) => flattenFloating(d.floating).filter((f) => f.secret === true).map((f) => f.id)));

/** MessageTypeIDs of the messages that carry a secret (OPEN_REQ, SET_AGENT_STATE_REQ): their undecoded bytes are not shown unless secrets are. */
export const SECRET_MESSAGE_IDS: ReadonlySet<number> = new Set(MESSAGE_DEFS.filter((d) => flattenFloating(d.floating).some((f) => f.secret === true)).map((d) => d.id));

/** JSON names of the secret fields (ClientPassword, AgentPassword). */
export const SECRET_FIELD_NAMES: ReadonlySet<string> = new Set(MESSAGE_DEFS.flatMap((d) => flattenFloating(d.floating).filter((f) => f.secret === true).map((f) => f.name)));
