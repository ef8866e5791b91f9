/** Test support: trace candidates written by hand for the level pairer (src/pipeline/log/level-pairing.ts). */
import type { DecodedMessage, FieldRecord } from '../../src/protocol/codec/decode.js';
import type { TraceCandidate } from '../../src/pipeline/log/trace-messages.js';
import type { Instant } from '../../src/timeline/instant.js';

/** `ms` milliseconds after second 1000. */
export function msAt(ms: number): Instant {
  return { sec: 1000 + Math.floor(ms / 1000), nsec: (ms % 1000) * 1e6 };
}

export interface CandidateOptions {
  /** Message type (default END_CALL_EVENT). */
  readonly type?: string;
  /** What `message()` gives (default: a message of the type holding `fields`). */
  readonly decoded?: DecodedMessage | string;
  /** Line of x.log the candidate comes from. */
  readonly line: number;
}

/** A candidate of `level` holding `fields` (a high-level one names all of them), at `at`. */
export function traceCandidate(level: 'high' | 'low', fields: FieldRecord, at: Instant, options: CandidateOptions): TraceCandidate {
  const type = options.type ?? 'END_CALL_EVENT';
  const message: DecodedMessage = { type, typeId: 24, bodyLength: 0, fields, labels: {}, diagnostics: [] };
  return {
    level,
    type,
    fields,
    ...(level === 'high' ? { mentioned: new Set(Object.keys(fields)) } : {}),
    message: () => options.decoded ?? message,
    at,
    source: { file: 'x.log', line: options.line },
  };
}
