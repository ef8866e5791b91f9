/**
 * The configuration exchange of one session (chapter 4): key requests and answers, the
 * CONFIG_BEGIN_EVENT … CONFIG_END_EVENT blocks, the initial upload's partial statuses, the
 * team upload (TEAM_CONFIG_REQ … TEAM_CONFIG_CONF).
 */
import { num } from '../fields.js';
import type { MessageRef } from '../rule.js';
import type { MessageView } from '../view.js';

/** CONFIG_END_EVENT status CONFIG_PARTIAL (Table 41). */
export const CONFIG_PARTIAL = 5;
/** CONFIG_BEGIN_EVENT ConfigType CONFIG_TYPE_INITIAL / _UPDATE (Table 37). */
export const CONFIG_TYPE_INITIAL = 1;
export const CONFIG_TYPE_UPDATE = 2;

/** CONFIG_KEY_EVENT statuses that report an error (Table 34: all but CONFIG_SUCCESS). */
export function isKeyError(status: number | undefined): boolean {
  return status !== undefined && status !== 0;
}

/** CONFIG_END_EVENT statuses that report an error (Table 41: 1 not requested, 2 unknown data, 3 error). */
export function isEndError(status: number | undefined): boolean {
  return status === 1 || status === 2 || status === 3;
}

export type BlockState = 'open' | 'closed' | 'unknown';

export interface Upload {
  /** The CONFIG_REQUEST_EVENT that asked for it. */
  readonly request: MessageRef;
  /** `active` until a CONFIG_END_EVENT with a status other than CONFIG_PARTIAL ends it. */
  phase: 'active' | 'completed';
  /** Status of the last CONFIG_END_EVENT of the upload so far. */
  lastEndStatus?: number;
  lastEnd?: MessageRef;
}

export class ConfigState {
  /** CONFIG_REQUEST_KEY_EVENTs not yet answered by a CONFIG_KEY_EVENT. */
  keyRequests = 0;
  keysReceived = false;
  block: BlockState;
  blockType: number | undefined;
  /** The initial upload in progress (CONFIG_REQUEST_EVENT with a non-zero mask). */
  upload: Upload | undefined;
  /** The last configuration error reported by the server (ms), which starts the 10 s wait. */
  lastErrorMs: number | undefined;
  lastError: MessageRef | undefined;
  /** A CONFIG_REQUEST_EVENT not yet answered by a CONFIG_END_EVENT. */
  requestPending = false;
  /** TEAM_CONFIG_REQ seen in this session. */
  teamRequested = false;
  /** Between TEAM_CONFIG_REQ and TEAM_CONFIG_CONF. */
  teamUploading = false;

  constructor(fromStart: boolean) {
    this.block = fromStart ? 'closed' : 'unknown';
  }

  apply(m: MessageView): void {
    switch (m.type) {
      case 'CONFIG_REQUEST_KEY_EVENT':
        this.keyRequests++;
        break;
      case 'CONFIG_KEY_EVENT':
        this.keysReceived = true;
        if (this.keyRequests > 0) this.keyRequests--;
        if (isKeyError(num(m.fields, 'Status'))) this.error(m);
        break;
      case 'CONFIG_REQUEST_EVENT': {
        const mask = num(m.fields, 'ConfigurationMask') ?? 0;
        this.upload = mask !== 0 ? { request: m.ref, phase: 'active' } : undefined;
        this.requestPending = true;
        break;
      }
      case 'CONFIG_BEGIN_EVENT':
        this.block = 'open';
        this.blockType = num(m.fields, 'ConfigType');
        if (this.blockType === CONFIG_TYPE_UPDATE) this.upload = undefined;
        else if (this.upload) this.upload.phase = 'active';
        break;
      case 'CONFIG_END_EVENT': {
        const status = num(m.fields, 'Status');
        this.block = 'closed';
        this.requestPending = false;
        if (this.upload && this.upload.phase === 'active') {
          if (status !== undefined) this.upload.lastEndStatus = status;
          this.upload.lastEnd = m.ref;
          if (status !== CONFIG_PARTIAL) this.upload.phase = 'completed';
        }
        if (isEndError(status)) this.error(m);
        break;
      }
      case 'TEAM_CONFIG_REQ':
        this.teamRequested = true;
        this.teamUploading = true;
        break;
      case 'TEAM_CONFIG_CONF':
        this.teamUploading = false;
        break;
    }
  }

  private error(m: MessageView): void {
    this.lastErrorMs = m.timeMs;
    this.lastError = m.ref;
  }
}
