/**
 * One CTI session as observed (chapter 3): its OPEN_REQ (version, IdleTimeout, services,
 * masks, agent identity), what OPEN_CONF granted, the heartbeat, the close, the requests
 * and the configuration exchange. Log messages have no session.
 */
import { bool, nonEmpty, num } from '../fields.js';
import { openIdentity } from './clients.js';
import type { MessageRef, RuleMeta } from '../rule.js';
import type { MessageView } from '../view.js';
import { ConfigState } from './config-state.js';
import { HeartbeatState } from './heartbeat.js';
import { RequestTracker } from './requests.js';

/** Table 22 service bits the rules use. */
export const SERVICE = {
  CLIENT_EVENTS: 0x1,
  ALL_EVENTS: 0x10,
  SUPERVISOR: 0x80,
  CONFIG_EVENTS: 0x40000,
} as const;

export interface OpenInfo {
  readonly ref: MessageRef;
  readonly invokeId: number | undefined;
  readonly version: number | undefined;
  readonly idleTimeout: number | undefined;
  readonly services: number;
  readonly callMask: number;
  readonly agentMask: number;
  readonly configMask: number;
  readonly timeMs: number | undefined;
  /** The non-empty agent fields given (AgentExtension, AgentID, AgentInstrument). */
  readonly agentFields: readonly string[];
  /** Who is connecting (clients.ts `openIdentity`), for the retry rule. */
  readonly identity: string;
}

export type SessionMode = 'agent' | 'bridge';

/** A finding held until the session ends. */
export interface ProvisionalFinding {
  /** Dropped when the session's input lost bytes after the message with this index (-1: any loss). */
  readonly unlessDamagedAfter: number;
  readonly rule: RuleMeta;
  readonly at: MessageRef;
  readonly message: string;
  readonly call?: number;
}

/** Provisional findings kept per session. */
const MAX_PROVISIONAL = 256;

/** Why the guide wants the client to reset the TCP connection now. */
export interface ResetDue {
  readonly reason: string;
  readonly timeMs: number | undefined;
  readonly ref: MessageRef;
}

export class SessionModel {
  readonly requests = new RequestTracker();
  readonly heartbeat = new HeartbeatState();
  readonly config: ConfigState;
  /** The session's first message was OPEN_REQ: everything of the session is in the input. */
  readonly fromStart: boolean;
  open: OpenInfo | undefined;
  /** How the OPEN_REQ was answered. */
  openResult: 'granted' | 'failed' | undefined;
  granted: number | undefined;
  /** Unified CCX online (OPEN_CONF, then SYSTEM_EVENT SYS_CCX_ONLINE / _OFFLINE). */
  online: boolean | undefined;
  close: { readonly ref: MessageRef; readonly timeMs: number | undefined; readonly invokeId: number | undefined; confirmed?: boolean } | undefined;
  /** CLOSE_CONF received: the session is over as far as the guide goes. */
  closed = false;
  /** When CLOSE_CONF came (after it the client resets the connection: nothing more can be answered). */
  closedAtMs: number | undefined;
  resetDue: ResetDue | undefined;
  resetReported = false;
  /** Times of the session's last message and last client message (NaN: none yet; numbers only, see Scope.lastMs). */
  private lastTime = NaN;
  private lastClientTime = NaN;
  /**
   * The input lost part of this session's streams (a gap, an undecodable range): the index
   * the next message had when the latest such damage was reported.
   */
  damagedAt: number | undefined;
  /** Index of the client's last message. */
  lastClientIndex: number | undefined;
  /** Findings that stand only if the input lost none of the session's bytes after a message (reported at its end). */
  readonly provisional: ProvisionalFinding[] = [];
  provisionalDropped = 0;
  messages = 0;

  constructor(
    readonly id: string,
    readonly first: MessageRef,
  ) {
    this.fromStart = first.type === 'OPEN_REQ';
    this.config = new ConfigState(this.fromStart);
  }

  get lastMs(): number | undefined {
    return Number.isNaN(this.lastTime) ? undefined : this.lastTime;
  }

  get lastClientMs(): number | undefined {
    return Number.isNaN(this.lastClientTime) ? undefined : this.lastClientTime;
  }

  /** Holds a finding until the session ends (see ProvisionalFinding). */
  hold(f: ProvisionalFinding): void {
    if (this.provisional.length < MAX_PROVISIONAL) this.provisional.push(f);
    else this.provisionalDropped++;
  }

  /** Some of the session's bytes are missing from the input. */
  get damaged(): boolean {
    return this.damagedAt !== undefined;
  }

  /** Messages may be missing after the message at `index` (damage was reported after it). */
  damagedAfter(index: number): boolean {
    return this.damagedAt !== undefined && this.damagedAt > index;
  }

  /** Agent mode (CTI_SERVICE_CLIENT_EVENTS) or bridge mode (CTI_SERVICE_ALL_EVENTS), as granted or requested. */
  mode(): SessionMode | undefined {
    const services = this.granted ?? this.open?.services;
    if (services === undefined) return undefined;
    if (services & SERVICE.ALL_EVENTS) return 'bridge';
    if (services & SERVICE.CLIENT_EVENTS) return 'agent';
    return undefined;
  }

  /** Services in effect: granted when OPEN_CONF was seen, else requested. */
  services(): number | undefined {
    return this.granted ?? this.open?.services;
  }

  apply(m: MessageView): void {
    this.messages++;
    if (m.timeMs !== undefined) this.lastTime = m.timeMs;
    if (m.direction === 'client-to-server') {
      if (m.timeMs !== undefined) this.lastClientTime = m.timeMs;
      this.lastClientIndex = m.index;
    }
    this.requests.apply(m);
    this.config.apply(m);
    switch (m.type) {
      case 'OPEN_REQ':
        if (m.direction !== 'server-to-client') this.open = openInfo(this.id, m);
        break;
      case 'OPEN_CONF':
        if (this.open && num(m.fields, 'InvokeID') === this.open.invokeId) {
          this.openResult = 'granted';
          this.granted = num(m.fields, 'ServicesGranted');
          this.online = bool(m.fields, 'UnifiedCCXOnline');
        }
        break;
      case 'FAILURE_CONF':
        this.failure(m);
        break;
      case 'SYSTEM_EVENT': {
        const id = num(m.fields, 'SystemEventID');
        if (id === 3) this.online = true;
        else if (id === 4) this.online = false;
        break;
      }
      case 'HEARTBEAT_REQ': {
        const invokeId = num(m.fields, 'InvokeID');
        if (invokeId !== undefined && m.direction !== 'server-to-client') this.heartbeat.request(invokeId, m.ref, m.timeMs);
        break;
      }
      case 'HEARTBEAT_CONF': {
        const invokeId = num(m.fields, 'InvokeID');
        if (invokeId !== undefined) this.heartbeat.confirm(invokeId, m.timeMs);
        break;
      }
      case 'CLOSE_REQ':
        if (m.direction !== 'server-to-client' && !this.close) this.close = { ref: m.ref, timeMs: m.timeMs, invokeId: num(m.fields, 'InvokeID') };
        break;
      case 'CLOSE_CONF':
        if (this.close) this.close.confirmed = true;
        if (!this.closed) this.closedAtMs = m.timeMs;
        this.closed = true;
        this.due('CLOSE_CONF received (chapter 3, How a Session is Ended)', m);
        break;
    }
  }

  private failure(m: MessageView): void {
    const invokeId = num(m.fields, 'InvokeID');
    if (invokeId === undefined) return;
    if (this.open && invokeId === this.open.invokeId && this.openResult === undefined) {
      this.openResult = 'failed';
      this.due('OPEN_REQ rejected by FAILURE_CONF (chapter 3, How a Session is Initialized)', m);
      return;
    }
    if (this.heartbeat.confirm(invokeId, m.timeMs)) this.due('HEARTBEAT_REQ answered by FAILURE_CONF: the server is off-line (chapter 3, How a Session is Maintained)', m);
  }

  private due(reason: string, m: MessageView): void {
    if (!this.resetDue) this.resetDue = { reason, timeMs: m.timeMs, ref: m.ref };
  }
}

function openInfo(sessionId: string, m: MessageView): OpenInfo {
  const f = m.fields;
  const agentFields = ['AgentExtension', 'AgentID', 'AgentInstrument'].filter((name) => nonEmpty(f, name) !== undefined);
  const identity = openIdentity(sessionId, f);
  return {
    ref: m.ref,
    invokeId: num(f, 'InvokeID'),
    version: num(f, 'VersionNumber'),
    idleTimeout: num(f, 'IdleTimeout'),
    services: num(f, 'ServicesRequested') ?? 0,
    callMask: num(f, 'CallMsgMask') ?? 0,
    agentMask: num(f, 'AgentStateMask') ?? 0,
    configMask: num(f, 'ConfigMsgMask') ?? 0,
    timeMs: m.timeMs,
    agentFields,
    identity,
  };
}
