/**
 * The timeline: what `ccxcti decode` produces from captures and logs, and what
 * `ccxcti check` reads. Sources (capture-source, log-source) yield batches of events in
 * time order; pipeline/merge.ts merges several inputs into one timeline.
 */
import type { DecodedMessage } from '../protocol/codec/decode.js';
import type { Instant } from './instant.js';

export type Direction = 'client-to-server' | 'server-to-client';

/** Where something was read: the input file, and the frame (captures) or line (logs). */
export interface SourceRef {
  readonly file: string;
  readonly frame?: number;
  readonly line?: number;
}

/** One decoded CTI message placed on the timeline. */
export interface TimelineMessage {
  readonly kind: 'message';
  readonly message: DecodedMessage;
  /** When it was sent (capture time of the frame that completed it, or the log record's time). */
  readonly at?: Instant;
  readonly direction?: Direction;
  /** Session id, e.g. `10.1.1.5:50311-10.1.1.2:42027#1` (captures); absent for log messages. */
  readonly session?: string;
  /** Protocol version the message was decoded with, when known (session's OPEN_REQ or assumed). */
  readonly version?: number;
  readonly source: SourceRef;
  /** For captures: the message's first byte in its direction's TCP stream. */
  readonly streamOffset?: number;
  /**
   * For captures: the packet record of `source.frame` (the frame that completed the message) in
   * its file — the pcap record (its 16-byte header and captured bytes) or pcapng block (from its
   * Block Type to its trailing Block Total Length) — as its offset from the file's first byte and
   * its length. Absent for a gzip-compressed capture, whose reader sees the decompressed bytes
   * (and for messages made without a capture file: tests). Not part of the JSON outputs.
   */
  readonly recordOffset?: number;
  readonly recordLength?: number;
  /**
   * For captures, when the stream holds only the first bytes of the message (the rest cut by
   * the snapshot length, lost in a gap, or after the end of the capture): how many. The
   * message is decoded as far as they go (BYTES_MISSING says what is not); the rest of its
   * 8 + BodyLength bytes is in the gap or undecodable range that follows (after the end of
   * the capture nothing follows: `check` says so, CAPTURE-INCOMPLETE).
   */
  readonly capturedLength?: number;
  /**
   * For logs: read from a high-level trace's text (no dump of it logged), so it has no bytes
   * of its own and its diagnostics' offsets name none.
   */
  readonly fromTraceText?: true;
}

/**
 * Something about the input rather than one message: an unreadable file, a TCP gap, an
 * undecodable byte range, a log line that is not a record…
 */
export interface InputDiagnostic {
  readonly kind: 'diagnostic';
  readonly severity: 'error' | 'warning' | 'info';
  /** Stable code, e.g. CAPTURE_TRUNCATED, STREAM_GAP, STREAM_UNDECODABLE, LOG_GARBAGE_LINE. */
  readonly code: string;
  readonly message: string;
  readonly at?: Instant;
  readonly session?: string;
  readonly direction?: Direction;
  readonly source: SourceRef;
  /** For stream ranges: the first byte and the length in the direction's stream. */
  readonly streamOffset?: number;
  readonly length?: number;
}

export interface Endpoint {
  readonly addr: string;
  readonly port: number;
}

/** One CTI session (a TCP connection of a capture). */
export interface SessionSummary {
  readonly id: string;
  readonly file: string;
  readonly client: Endpoint;
  readonly server: Endpoint;
  /** How the client and server roles were told apart. */
  readonly roleBasis: 'syn' | 'port' | 'requests' | 'guess';
  /** Found on a port other than the CTI ports, by the heuristics. */
  readonly heuristic: boolean;
  /** The version negotiated by OPEN_REQ, or the one assumed / inferred. */
  readonly version?: number;
  readonly versionBasis: 'OPEN_REQ' | 'option' | 'inferred' | 'unknown';
  readonly mode?: 'agent' | 'bridge';
  readonly messages: number;
  readonly firstAt?: Instant;
  readonly lastAt?: Instant;
  readonly closedBy?: 'fin' | 'rst' | 'end-of-capture' | 'reused' | 'evicted';
  /** Bytes in gaps or undecodable ranges, per direction. */
  readonly unaccountedBytes: { readonly 'client-to-server': number; readonly 'server-to-client': number };
}

export type TimelineEvent = TimelineMessage | InputDiagnostic;

/** What a source yields: events in time order, in batches (one per read chunk). */
export type TimelineBatch = readonly TimelineEvent[];

/** Options every source understands (from the command line). */
export interface SourceOptions {
  /** TCP ports carrying CTI (default [42027]). */
  readonly ports: readonly number[];
  /** Version to assume where no OPEN_REQ was seen. */
  readonly protocolVersion?: number;
  readonly showSecrets: boolean;
  /** Logs: the year of records (which carry none). */
  readonly year?: number;
  /** Logs: a time zone that overrides the records' own. */
  readonly tz?: string;
}

/** A source also reports its sessions when it ends. */
export interface TimelineSource {
  readonly batches: AsyncIterable<TimelineBatch>;
  /**
   * No event of this source is earlier (a capture: its first packet's time). A merge of several
   * sources starts reading this one only when the timeline reaches that time, so captures that
   * follow one another (a ring buffer's files) are read one after the other, not all at once.
   */
  readonly startsAt?: Instant;
  /** Available once `batches` is exhausted. */
  sessions(): readonly SessionSummary[];
}
