/**
 * The event stream of the capture layer: TCP connections, their in-order bytes, gaps and
 * lifecycle, plus diagnostics. This is what the CTI session layer consumes.
 *
 * Order and guarantees
 * --------------------
 * - `open` comes before every other event of its connection; `close` comes last. Nothing of a
 *   connection follows its `close` (late packets on a closed 4-tuple are dropped, or start a
 *   new connection when they carry a new SYN).
 * - Per connection and direction, `data` and `gap` events tile the stream from offset 0
 *   without overlap and without holes: each event's `streamOffset` is the previous event's
 *   `streamOffset + length` (`bytes.length` for data). Every payload byte captured is either
 *   delivered exactly once in a `data` event, or lies inside a `gap` (never captured, or
 *   dropped as out of window), or was a later copy of already-delivered bytes (retransmission;
 *   reported by a TCP_OVERLAP_MISMATCH diagnostic when its content differed).
 * - Events come in capture order: data is delivered as soon as it is in order, so a
 *   consumer sees bytes of both directions interleaved as the capture shows them.
 * - Stream offsets: 0 is the first byte after the SYN (its ISN + 1) when the SYN was
 *   captured, else the first byte of the first segment seen carrying data or FIN in that
 *   direction. Offsets are plain numbers, not reduced modulo 2^32.
 *
 * `bytes` of a `data` event is a view of the capture data (or of a reassembly buffer). It
 * is never overwritten, so it may be kept, but keeping it keeps the whole read chunk (~1 MiB)
 * alive: copy (`slice()`) what you retain long-term. Do not modify it.
 *
 * The `conn` object is the same object in every event of a connection (usable as a Map key).
 *
 * A connection the consumer ignores (TcpReassembler.ignore / CaptureTcpPipeline.ignore: it has
 * no use for its bytes) gets no more `data`, `gap` or stream diagnostic events from then on:
 * only its `close` (and an eviction diagnostic, if it comes to that).
 */
import type { CaptureDiagnostic } from './diagnostics.js';
import type { CaptureTimestamp } from './timestamp.js';

/** One end of a TCP connection. `addr` is dotted IPv4 or RFC 5952 IPv6 (as tshark prints it). */
export interface TcpEndpoint {
  readonly addr: string;
  readonly port: number;
}

/** 0: from endpoint A to endpoint B; 1: from B to A. */
export type TcpDirection = 0 | 1;

export interface TcpConnectionInfo {
  /**
   * 0-based, in order of each connection's first packet; a new connection after port reuse
   * gets a new id. Usually equal to tshark's `tcp.stream` for the same capture.
   */
  readonly id: number;
  /** 1 for the first connection seen on its 4-tuple, 2, 3… for later ones (port reuse). */
  readonly instance: number;
  readonly ipVersion: 4 | 6;
  /** Source of the connection's first captured packet. */
  readonly a: TcpEndpoint;
  readonly b: TcpEndpoint;
  /** Whether a SYN (or SYN-ACK) of this connection was captured. */
  readonly synSeen: boolean;
  /**
   * Which side opened the connection: the sender of the SYN, or the receiver of a SYN-ACK
   * when only that was captured; null when no SYN was seen.
   */
  readonly initiator: 'A' | 'B' | null;
  readonly firstFrame: number;
  readonly firstTs: CaptureTimestamp;
}

export interface TcpOpenEvent {
  readonly kind: 'open';
  readonly conn: TcpConnectionInfo;
  readonly frame: number;
  readonly ts: CaptureTimestamp;
}

export interface TcpDataEvent {
  readonly kind: 'data';
  readonly conn: TcpConnectionInfo;
  readonly dir: TcpDirection;
  /** Stream offset of bytes[0]. */
  readonly streamOffset: number;
  readonly bytes: Uint8Array;
  /** Frame that carried these bytes (for reassembled out-of-order data: the frame that carried them, not the one that completed them). */
  readonly frame: number;
  readonly ts: CaptureTimestamp;
  /**
   * That frame's record in its capture file (RawFrame.fileOffset, recordLength): the offset of
   * its pcap record or pcapng block, and its length. For the files of a ring buffer, in the
   * file that holds the frame. For an IP datagram reassembled from fragments, the record of the
   * frame that completed it (the frame `frame` names).
   */
  readonly fileOffset: number;
  readonly recordLength: number;
}

/** Why a gap was declared. */
export type TcpGapCause =
  /** The peer acknowledged the bytes: lost at the capture point, no copy will come. */
  | 'acknowledged'
  /** The out-of-order buffer reached its limit (per direction, or overall). */
  | 'buffer-limit'
  /** The connection closed (FIN grace time over, RST, reuse, eviction) with bytes missing. */
  | 'closed'
  /** The capture ended with bytes missing. */
  | 'end-of-capture'
  /** The segment's tail was not captured (snap length). */
  | 'not-captured'
  /** No copy came within the reassembler's hole timeout (capture time). */
  | 'timeout';

export interface TcpGapEvent {
  readonly kind: 'gap';
  readonly conn: TcpConnectionInfo;
  readonly dir: TcpDirection;
  readonly streamOffset: number;
  readonly length: number;
  readonly cause: TcpGapCause;
  /** Frame being processed when the gap was declared (the last frame at the end of the capture). */
  readonly frame: number;
  readonly ts: CaptureTimestamp;
}

/**
 * How the connection ended: `fin` both FINs seen (its data complete, or the gaps reported),
 * `rst` a RST, `reused` a new SYN on the same 4-tuple started a new connection, `evicted` too
 * many connections were tracked and this was the oldest idle, `end-of-capture` still open.
 */
export type TcpCloseReason = 'fin' | 'rst' | 'end-of-capture' | 'reused' | 'evicted';

export interface TcpCloseEvent {
  readonly kind: 'close';
  readonly conn: TcpConnectionInfo;
  readonly reason: TcpCloseReason;
  readonly frame: number;
  readonly ts: CaptureTimestamp;
}

export interface CaptureDiagnosticEvent {
  readonly kind: 'diagnostic';
  readonly diagnostic: CaptureDiagnostic;
  /**
   * A diagnostic about one file's records (the reader's): the file's index among those read
   * one after the other ({@link CaptureTcpPipeline.nextFile}, 0 for the first); its `frame`
   * and `fileOffset` are then that file's own. Absent for the other layers' diagnostics, whose
   * `frame` numbers count on across the files.
   */
  readonly file?: number;
}

export type TcpStreamEvent = TcpOpenEvent | TcpDataEvent | TcpGapEvent | TcpCloseEvent;

/** Everything the capture pipeline emits. */
export type CaptureEvent = TcpStreamEvent | CaptureDiagnosticEvent;

/** Receives events synchronously, in order. */
export type CaptureEventSink = (event: CaptureEvent) => void;
