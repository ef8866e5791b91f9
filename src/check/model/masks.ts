/**
 * Which OPEN_REQ mask bit selects each event (Tables 23 and 25), from the message table's
 * `selectedBy` and the constant tables: what the checker asks when it needs to know whether a
 * client is sent an event at all.
 */
import { constantTable } from '../../protocol/constants.js';
import { MESSAGE_DEFS } from '../../protocol/messages/index.js';
import type { OpenInfo } from './session.js';

export type MaskField = 'CallMsgMask' | 'AgentStateMask' | 'ConfigMsgMask';

const MASK_TABLE: Readonly<Record<MaskField, string>> = { CallMsgMask: 'CallEventMask', AgentStateMask: 'AgentStateMask', ConfigMsgMask: 'ConfigMask' };

function bitOf(field: MaskField, name: string): number | undefined {
  return constantTable(MASK_TABLE[field])?.entries.find((e) => e.name === name)?.value;
}

/** For every event a mask selects: the mask and its bit. */
export const SELECTED: ReadonlyMap<string, { readonly field: MaskField; readonly bit: number; readonly name: string }> = new Map(
  MESSAGE_DEFS.flatMap((d) => {
    const sel = d.selectedBy;
    const bit = sel ? bitOf(sel.mask, sel.bit) : undefined;
    return sel && bit !== undefined ? [[d.name, { field: sel.mask, bit, name: sel.bit }] as const] : [];
  }),
);

export function maskValue(open: OpenInfo, field: MaskField): number {
  return field === 'CallMsgMask' ? open.callMask : field === 'AgentStateMask' ? open.agentMask : open.configMask;
}

/** Whether the OPEN_REQ masks `type` out: the server does not send it to this client. */
export function masksOut(open: OpenInfo | undefined, type: string): boolean {
  const sel = SELECTED.get(type);
  return open !== undefined && sel !== undefined && (maskValue(open, sel.field) & sel.bit) === 0;
}
