/**
 * A scope: what one client sees (a session of a capture), or everything of the MIVR logs
 * (their messages have no session; a server's log mixes all clients). Calls, agents and
 * outbound reservations are followed per scope.
 */
import type { MessageView } from '../view.js';
import { AgentTable, MAX_AGENTS_AGENT_MODE } from './agents.js';
import { CallTable, MAX_ENDED_CALLS_AGENT_MODE, MAX_LIVE_CALLS_AGENT_MODE } from './calls.js';
import { OutboundTracker } from './outbound.js';
import type { SessionModel } from './session.js';

/** The key of the scope of all log messages. */
export const LOG_SCOPE = '(log)';

export class Scope {
  readonly calls: CallTable;
  readonly agents = new AgentTable();
  readonly outbound = new OutboundTracker();
  lastMs: number | undefined;

  constructor(
    readonly key: string,
    readonly session: SessionModel | undefined,
  ) {
    this.calls = new CallTable(session ? 'session' : 'log');
  }

  /** Log scope: the message repeats one already seen (a copy the log wrote for another client). */
  isRepeat(m: MessageView): boolean {
    return this.session === undefined && this.calls.isRepeat(m);
  }

  apply(m: MessageView): void {
    if (m.timeMs !== undefined) this.lastMs = m.timeMs;
    this.session?.apply(m);
    if (m.type === 'OPEN_REQ' && this.session?.mode() === 'agent') {
      this.calls.live.setCap(MAX_LIVE_CALLS_AGENT_MODE);
      this.calls.ended.setCap(MAX_ENDED_CALLS_AGENT_MODE);
      this.agents.agents.setCap(MAX_AGENTS_AGENT_MODE);
    }
    // The outbound tracker reads the call table as it was before the message.
    this.outbound.apply(m, this.calls);
    if (m.duplicate) return;
    this.calls.apply(m);
    this.agents.apply(m);
  }
}
