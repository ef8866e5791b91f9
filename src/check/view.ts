/**
 * One timeline message as rules see it: the decoded message plus where it sits. Valid while the
 * message is checked and applied: the checker fills one view in for each message in turn (a
 * new object per message was a fifth of what it allocated), so rules and models keep what it
 * holds (its ref, index, time), never the view itself.
 */
import type { DecodedMessage, FieldRecord } from '../protocol/codec/decode.js';
import type { MessageDef } from '../protocol/types.js';
import type { Direction } from '../timeline/types.js';
import type { CallModel } from './model/calls.js';
import type { Scope } from './model/scope.js';
import type { SessionModel } from './model/session.js';
import type { MessageRef } from './rule.js';

export interface MessageView {
  readonly index: number;
  readonly type: string;
  /** The message table's definition (absent for UNKNOWN_/RESERVED_/undefined types). */
  readonly def: MessageDef | undefined;
  readonly message: DecodedMessage;
  readonly fields: FieldRecord;
  /** Milliseconds since 1970 (fractional), when the input gives a time. */
  readonly timeMs: number | undefined;
  readonly direction: Direction | undefined;
  /** The scope of the message: its session's, or the one of all log messages. */
  readonly scope: Scope;
  /** The session, for messages of a capture; absent for log messages. */
  readonly session: SessionModel | undefined;
  readonly ref: MessageRef;
  /** CallID of a call event (PrimaryCallID for transfers and conferences); NULL / 0 give undefined. */
  readonly callId: number | undefined;
  /** The call of a call event as the model knew it before this message. */
  readonly call: CallModel | undefined;
  /**
   * A log message that repeats one already seen for the same call (a MIVR log writes a
   * message once per client it goes to): call and agent rules skip it.
   */
  readonly duplicate: boolean;
  /**
   * A message the capture cut short (its bytes past the cut missing): only framing rules judge
   * it, and its missing bytes are CAPTURE-INCOMPLETE's, not FRAME-BYTES-MISSING's.
   */
  readonly cutShort: boolean;
  /** A log message read from a high-level trace's text: its diagnostics name no byte offsets. */
  readonly fromTraceText: boolean;
}
