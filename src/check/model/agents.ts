/** Agents by AgentID (or extension) within one scope, with their last state (chapter 5). */
import { nonEmpty, num } from '../fields.js';
import type { MessageView } from '../view.js';
import { BoundedMap } from './bounded-map.js';

/** Agent states of Table 3. */
export const AGENT = { LOGIN: 0, LOGOUT: 1, NOT_READY: 2, READY: 3, TALKING: 4, WORK: 5, BUSY_OTHER: 7, RESERVED: 8, UNKNOWN: 9 } as const;

const MAX_AGENTS = 20_000;
/** An agent-mode client is sent the state of its own agent: a few agents at most. */
export const MAX_AGENTS_AGENT_MODE = 8;

/** An agent's last state; the table updates it in place (rules read it before the message is applied). */
export interface AgentRecord {
  state: number;
  /** Index of the message that reported the state (only the index: a scope remembers many agents). */
  index: number;
}

/** How an agent is named in a message: AgentID, else the extension. */
export function agentKey(m: MessageView): string | undefined {
  const id = nonEmpty(m.fields, 'AgentID');
  if (id !== undefined) return `id:${id}`;
  const ext = nonEmpty(m.fields, 'AgentExtension');
  return ext === undefined ? undefined : `ext:${ext}`;
}

export class AgentTable {
  readonly agents = new BoundedMap<string, AgentRecord>(MAX_AGENTS);

  get(key: string): AgentRecord | undefined {
    return this.agents.get(key);
  }

  apply(m: MessageView): void {
    if (m.type !== 'AGENT_STATE_EVENT') return;
    const key = agentKey(m);
    const state = num(m.fields, 'AgentState');
    if (key === undefined || state === undefined) return;
    const before = this.agents.get(key);
    if (!before) {
      this.agents.set(key, { state, index: m.index });
    } else if (before.state !== state) {
      // Updated in place, and set again to make it the most recently used.
      before.state = state;
      before.index = m.index;
      this.agents.set(key, before);
    }
  }
}
