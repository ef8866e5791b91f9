/** The JSON form of a timeline message (../shared/CONTRACT.md "One decoded message"). */
import { instantToIso, isoRepresentable } from '../timeline/instant.js';
import type { InputDiagnostic, SessionSummary, TimelineMessage } from '../timeline/types.js';

export interface MessageJsonContext {
  /** Position in the decode output (the `index` check findings refer to). */
  readonly index?: number;
}

/** The object printed for one message: the decoded message plus ts, direction, session, source. */
export function timelineMessageJson(item: TimelineMessage, context: MessageJsonContext = {}): Record<string, unknown> {
  return {
    ...item.message,
    ...(context.index !== undefined ? { index: context.index } : {}),
    ...(item.at !== undefined && isoRepresentable(item.at) ? { ts: instantToIso(item.at) } : {}),
    ...(item.direction !== undefined ? { direction: item.direction } : {}),
    ...(item.session !== undefined ? { session: item.session } : {}),
    ...(item.version !== undefined ? { version: item.version } : {}),
    source: item.source,
  };
}

export function inputDiagnosticJson(d: InputDiagnostic): Record<string, unknown> {
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.at !== undefined && isoRepresentable(d.at) ? { ts: instantToIso(d.at) } : {}),
    ...(d.session !== undefined ? { session: d.session } : {}),
    ...(d.direction !== undefined ? { direction: d.direction } : {}),
    ...(d.streamOffset !== undefined ? { streamOffset: d.streamOffset } : {}),
    ...(d.length !== undefined ? { length: d.length } : {}),
    source: d.source,
  };
}

export function sessionJson(s: SessionSummary): Record<string, unknown> {
  const { firstAt, lastAt, ...rest } = s;
  return {
    ...rest,
    ...(firstAt && isoRepresentable(firstAt) ? { firstAt: instantToIso(firstAt) } : {}),
    ...(lastAt && isoRepresentable(lastAt) ? { lastAt: instantToIso(lastAt) } : {}),
  };
}
