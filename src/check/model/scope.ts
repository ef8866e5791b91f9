/**
 * A scope: what one client sees (a session of a capture), or everything of the MIVR logs
 * (their messages have no session; a server's log mixes all clients). Calls, agents and
 * outbound reservations are followed per scope.
 */
import type { MessageView } from '../view.js';
import { AgentTable, MAX_AGENTS_AGENT_MODE } from './agents.js';
import { CallTable, MAX_ENDED_CALLS_AGENT_MODE, MAX_LIVE_CALLS_AGENT_MODE, type CallModelPool } from './calls.js';
import { OutboundTracker } from './outbound.js';
import type { SessionModel } from './session.js';

/** The key of the scope of all log messages. */
export const LOG_SCOPE = '(log)';

export class Scope {
  readonly calls: CallTable;
  readonly agents = new AgentTable();
  readonly outbound = new OutboundTracker();
  /** Time of the scope's last message (NaN: none yet): see `lastMs`. */
  private lastTime = NaN;

  constructor(
    readonly key: string,
    readonly session: SessionModel | undefined,
    /** Models of dropped calls, shared by the scopes of one checker (calls.ts). */
    pool?: CallModelPool,
  ) {
    this.calls = new CallTable(session ? 'session' : 'log', pool);
  }

  /**
   * Time of the scope's last message. Kept in a field that only ever holds numbers, which V8
   * updates in place; a field that may hold `undefined` points at each message's time, a young
   * object that the long-lived scope keeps alive until its next message, and that V8 copies
   * at every young collection meanwhile, then promotes to the old generation.
   */
  get lastMs(): number | undefined {
    return Number.isNaN(this.lastTime) ? undefined : this.lastTime;
  }

  /** Log scope: the message repeats one already seen (a copy the log wrote for another client). */
  isRepeat(m: MessageView): boolean {
    return this.session === undefined && this.calls.isRepeat(m);
  }

  apply(m: MessageView): void {
    if (m.timeMs !== undefined) this.lastTime = m.timeMs;
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
