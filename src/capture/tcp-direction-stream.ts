/**
 * Reassembly of ONE direction of a TCP connection: sequence numbers → stream offsets,
 * in-order delivery, out-of-order buffering, duplicates, overlaps, gaps, FIN.
 *
 * - Sequence numbers are unwrapped against the next expected offset (signed 32-bit distance),
 *   so streams longer than 4 GiB and ISNs near 2^32 work.
 * - In-order data with nothing buffered is delivered as a view of the frame (no copy).
 * - Out-of-order data is copied into `pending`: sorted, non-overlapping pieces. A new segment
 *   only fills the holes between pieces already held: the first copy wins; overlapping bytes
 *   that differ are reported (TCP_OVERLAP_MISMATCH), as are later copies of already-delivered
 *   bytes that differ from the recent-bytes window.
 * - A hole whose bytes the peer has acknowledged (its ACK number is beyond the hole) was lost
 *   at the capture point, not on the network: the receiver has those bytes, so no copy will
 *   come. Once that acknowledgement is older than a grace time (capture time; for the two
 *   directions' timestamps to disagree a little), the hole becomes a gap and delivery goes on.
 * - A hole still open after a timeout (capture time, counted from the first byte held after
 *   it) becomes a gap: no retransmission waits that long. This is what ends a hole when the
 *   peer's ACKs are not in the capture (one direction captured).
 * - When the buffered bytes exceed the per-direction (or the overall) limit, the first hole
 *   becomes a gap and delivery goes on after it.
 * - Once {@link TcpDirectionStream.ignore}d (its consumer has no use for the bytes), the
 *   direction only keeps its place in the stream: nothing is delivered, reported, logged or
 *   copied, out-of-order pieces are held as ranges (no bytes, outside the overall limit), and
 *   `next`, `finOffset`, `complete`, `pendingCount` evolve as before (the connection's
 *   lifecycle does not change).
 */
import type { DeliveredBytesLog } from './delivered-bytes-log.js';
import type { CaptureDiagnosticCode, DiagnosticSeverity } from './diagnostics.js';
import { RecentBytesWindow } from './recent-bytes-window.js';
import type { TcpConnectionInfo, TcpDirection, TcpGapCause } from './tcp-events.js';

/** What a direction reports to (the reassembler). */
export interface DirectionEventSink {
  deliverData(conn: TcpConnectionInfo, dir: TcpDirection, streamOffset: number, bytes: Uint8Array, frame: number, tsSec: number, tsNsec: number, fileOffset: number, recordLength: number): void;
  deliverGap(conn: TcpConnectionInfo, dir: TcpDirection, streamOffset: number, length: number, cause: TcpGapCause): void;
  reportStream(
    conn: TcpConnectionInfo,
    dir: TcpDirection,
    severity: DiagnosticSeverity,
    code: CaptureDiagnosticCode,
    message: string,
    streamOffset: number,
    length: number,
  ): void;
}

/** Bytes held out of order, shared by all directions so one limit can bound them all. */
export interface BufferAccount {
  total: number;
  readonly limit: number;
}

export interface DirectionLimits {
  readonly maxBufferedBytes: number;
  readonly overlapCheckWindowBytes: number;
  readonly maxSegmentAheadBytes: number;
}

interface PendingPiece {
  readonly offset: number;
  /** Grows when the next segment continues the piece (see {@link TcpDirectionStream.addPiece}). */
  length: number;
  /** The piece's bytes, a view of `[0, length)` of `store`; null once the direction is ignored (only its place is kept). */
  bytes: Uint8Array | null;
  /** The frame, time and file record (offset, length) of the piece's first segment. */
  readonly frame: number;
  readonly tsSec: number;
  readonly tsNsec: number;
  readonly fileOffset: number;
  readonly recordLength: number;
  /**
   * Segments that continued the piece, SEGMENT_NUMBERS numbers each: offset within the piece,
   * frame, seconds, nanoseconds, record offset and length (null: one segment). Each is delivered
   * as its own data event, as if it had been a piece of its own.
   */
  more: number[] | null;
  /** Memory behind `bytes`, with room to grow (null: not to be grown). */
  store: Uint8Array | null;
}

const TWO_32 = 4294967296;
/** Smallest memory given to a piece once a second segment continues it. */
const MIN_GROWN_STORE = 1024;

/** Numbers per segment in PendingPiece.more. */
const SEGMENT_NUMBERS = 6;

/** The segments of a grown piece (see PendingPiece.more) that start before `keep`. */
function keptSegments(more: readonly number[], keep: number): number[] | null {
  let n = 0;
  while (n < more.length && more[n] < keep) n += SEGMENT_NUMBERS;
  return n === 0 ? null : more.slice(0, n);
}
/** How far beyond the last byte seen an acknowledgement may reach and still count (lost tails). */
const ACK_BEYOND_SEEN_BYTES = 1 << 20;
/** Uncaptured ranges remembered ahead of the stream (the oldest are forgotten beyond). */
const MAX_HOLES = 1024;

export class TcpDirectionStream {
  /** Stream offset 0 has been fixed (by a SYN, or by the first data/FIN segment). */
  initialized = false;
  synSeen = false;
  isn = 0;
  /** Sequence number of stream offset 0. */
  baseSeq = 0;
  /** For a SYN-ACK: the acknowledgement number it carried (-1 if none). */
  synAckAck = -1;
  /** Next stream offset to deliver. */
  next = 0;
  /** Stream offset of the FIN (= length of the stream), -1 until a FIN is seen. */
  finOffset = -1;

  private pending: PendingPiece[] = [];
  private pendingHead = 0;
  /** Byte ranges frames said exist but did not capture (snap length), ahead of `next`, in order. */
  private holes: Array<{ readonly from: number; readonly to: number }> = [];
  private pendingBytes = 0;
  /** Stream offset up to which the peer acknowledged the bytes while a hole was open (-1: none). */
  private ackedTo = -1;
  /** Capture time (seconds) of the first acknowledgement beyond `next` that `ackedTo` holds. */
  private ackedSince = 0;
  private readonly recent: RecentBytesWindow;
  /** See {@link ignore}. */
  private ignoredFlag = false;

  constructor(
    private readonly conn: TcpConnectionInfo,
    private readonly dir: TcpDirection,
    private readonly sink: DirectionEventSink,
    private readonly limits: DirectionLimits,
    private readonly account: BufferAccount,
    log: DeliveredBytesLog,
  ) {
    this.recent = new RecentBytesWindow(limits.overlapCheckWindowBytes, log);
  }

  /** The connection is over: buffered bytes are let go (call after {@link flush}). */
  release(): void {
    for (let i = this.pendingHead; i < this.pending.length; i++) this.releaseBytes(this.pending[i]);
    this.pending = [];
    this.pendingHead = 0;
    this.recent.release();
  }

  /**
   * The consumer has no further use for this direction's bytes (may be called from inside a
   * delivery): from now on they are neither delivered (no data, gap or diagnostic reaches
   * the sink) nor written to the delivered-bytes log nor compared with earlier copies; the
   * bytes buffered out of order are let go, their ranges kept. Sequence tracking goes on, so
   * the connection's lifecycle is unchanged. There is no way back.
   */
  ignore(): void {
    if (this.ignoredFlag) return;
    this.ignoredFlag = true;
    this.recent.release();
    const pending = this.pending; // in place: a drain() may be iterating over it
    for (let i = this.pendingHead; i < pending.length; i++) {
      const p = pending[i];
      if (p.bytes === null) continue;
      this.account.total -= p.length;
      pending[i] = { ...p, bytes: null, more: null, store: null };
    }
  }

  get ignored(): boolean {
    return this.ignoredFlag;
  }

  get pendingCount(): number {
    return this.pending.length - this.pendingHead;
  }

  /** All bytes up to the FIN have been delivered or reported as gaps. */
  get complete(): boolean {
    return this.finOffset >= 0 && this.next >= this.finOffset && this.pendingCount === 0;
  }

  /** Stream offset of a sequence number, unwrapped around the next expected offset. */
  offsetOf(seq: number): number {
    const next = this.next;
    // (A floating-point remainder is a call out of the compiled code: only past 4 GiB.)
    const nextSeq = (this.baseSeq + (next < TWO_32 ? next : next % TWO_32)) >>> 0;
    return this.next + ((seq - nextSeq) | 0);
  }

  /** A SYN (with or without ACK) from this direction. */
  syn(seq: number, ackNumber: number): void {
    if (!this.synSeen || (this.isn !== seq && this.next === 0 && this.pendingCount === 0)) {
      this.synSeen = true;
      this.isn = seq;
      this.synAckAck = ackNumber;
      if (!this.initialized || (this.next === 0 && this.pendingCount === 0)) {
        this.baseSeq = (seq + 1) >>> 0;
        this.initialized = true;
        this.next = 0;
      }
    }
  }

  /** Fixes stream offset 0 at `seq` when no SYN did. */
  initializeAt(seq: number): void {
    if (this.initialized) return;
    this.baseSeq = seq >>> 0;
    this.initialized = true;
  }

  /**
   * Payload `buf[off, off+len)` at stream offset `o`, followed by `missing` bytes that were not
   * captured. `o` may be anywhere (old, current, ahead).
   */
  acceptPayload(o: number, buf: Uint8Array, off: number, len: number, missing: number, frame: number, tsSec: number, tsNsec: number, fileOffset: number, recordLength: number): void {
    const next = this.next;
    const total = len + missing;
    if (o + total <= next) {
      // Entirely old: a retransmission or duplicate (or a keep-alive: next-1, 0 or 1 byte).
      if (total <= 1 && o === next - 1) return;
      this.checkOld(o, buf, off, len);
      return;
    }
    if (o - next > this.limits.maxSegmentAheadBytes) {
      this.report('warning', 'TCP_SEGMENT_OUT_OF_WINDOW', `segment ${o - next} bytes ahead of the next expected byte; dropped`, o, total);
      return;
    }
    if (o < next) {
      const cut = next - o;
      const capCut = Math.min(cut, len);
      this.checkOld(o, buf, off, capCut);
      off += capCut;
      len -= capCut;
      missing -= cut - capCut;
      o = next;
    }
    if (this.finOffset >= 0 && o + len + missing > this.finOffset) {
      const beyond = o + len + missing - Math.max(o, this.finOffset);
      this.report('warning', 'TCP_DATA_AFTER_FIN', `${beyond} bytes after the FIN; dropped`, Math.max(o, this.finOffset), beyond);
      if (o >= this.finOffset) return;
      const keep = this.finOffset - o;
      if (len > keep) {
        len = keep;
        missing = 0;
      } else {
        missing = keep - len;
      }
    }
    if (o === next && this.pendingCount === 0) {
      if (len > 0) this.deliver(buf.subarray(off, off + len), frame, tsSec, tsNsec, fileOffset, recordLength);
      if (missing > 0) this.gap(missing, 'not-captured');
      return;
    }
    if (len > 0) this.insertPending(o, buf, off, len, frame, tsSec, tsNsec, fileOffset, recordLength);
    // An uncaptured tail will never come from this frame: a gap once it is next (a later copy
    // of those bytes, already buffered or not, fills what it can before).
    if (missing > 0) this.addHole(o + len, o + len + missing);
    this.settle();
    this.enforceLimits();
  }

  /**
   * The peer acknowledged every byte before stream offset `o` at capture time `at` (seconds).
   * Only remembered while a hole is open: bytes the receiver has will not be sent again.
   */
  acknowledged(o: number, at: number): void {
    if (this.pendingCount === 0 || o <= this.next) return;
    // A receiver cannot acknowledge bytes never sent: an ACK far beyond the last byte seen is
    // damage (or not this connection's numbering), not evidence.
    const last = this.pending[this.pending.length - 1];
    if (o > last.offset + last.length + ACK_BEYOND_SEEN_BYTES) return;
    if (this.ackedTo <= this.next) this.ackedSince = at;
    if (o > this.ackedTo) this.ackedTo = o;
  }

  /**
   * Holes that will not be filled become gaps, at capture time `at` (seconds): those before
   * `ackedTo` once the acknowledgement is `ackGrace` seconds old (cause `acknowledged`), and any
   * hole whose first byte after it has waited `timeout` seconds (cause `timeout`: no copy came
   * within any retransmission time; the only rule left when the peer's ACKs are not in the
   * capture). What is buffered after them is delivered.
   */
  gapStaleHoles(at: number, ackGrace: number, timeout: number): void {
    if (this.pendingCount === 0) return;
    if (this.ackedTo > this.next && at - this.ackedSince >= ackGrace) {
      while (this.pendingCount > 0 && this.ackedTo > this.next) {
        this.gapTo(Math.min(this.pending[this.pendingHead].offset, this.ackedTo), 'acknowledged');
        this.settle();
      }
    }
    while (this.pendingCount > 0) {
      const first = this.pending[this.pendingHead];
      if (at - (first.tsSec + first.tsNsec / 1e9) < timeout) break;
      this.gapToFirstPending('timeout');
    }
  }

  /** A FIN at stream offset `o`. */
  fin(o: number): void {
    if (this.finOffset >= 0) return;
    this.finOffset = Math.max(o, this.next);
    // Buffered bytes beyond the FIN cannot belong to the stream.
    while (this.pendingCount > 0) {
      const last = this.pending[this.pending.length - 1];
      const lastEnd = last.offset + last.length;
      if (lastEnd <= this.finOffset) break;
      this.pending.pop();
      this.releaseBytes(last);
      if (last.offset < this.finOffset) {
        const keep = this.finOffset - last.offset;
        const more = last.more === null ? null : keptSegments(last.more, keep);
        const piece: PendingPiece = { ...last, length: keep, bytes: last.bytes === null ? null : last.bytes.subarray(0, keep), more, store: null };
        this.pending.push(piece);
        this.holdBytes(piece);
      }
      const from = Math.max(last.offset, this.finOffset);
      this.report('warning', 'TCP_DATA_AFTER_FIN', `${lastEnd - from} bytes after the FIN; dropped`, from, lastEnd - from);
    }
  }

  /**
   * The connection ends: every hole becomes a gap and everything buffered is delivered; a
   * hole before a known FIN becomes a gap too.
   */
  flush(cause: TcpGapCause): void {
    while (this.pendingCount > 0) this.gapToFirstPending(cause);
    if (this.finOffset > this.next) this.gapTo(this.finOffset, cause);
    this.pending = [];
    this.pendingHead = 0;
    this.holes = [];
  }

  private addHole(from: number, to: number): void {
    const holes = this.holes;
    if (holes.length >= MAX_HOLES) holes.shift();
    let i = holes.length;
    while (i > 0 && holes[i - 1]!.from > from) i--;
    holes.splice(i, 0, { from, to });
  }

  /** Delivers what is in order, and turns the known holes that are next into gaps. */
  private settle(): void {
    this.drain();
    const holes = this.holes;
    while (holes.length > 0) {
      const h = holes[0]!;
      if (h.to <= this.next) {
        holes.shift();
        continue;
      }
      if (h.from > this.next) break;
      const end = this.pendingCount > 0 ? Math.min(h.to, this.pending[this.pendingHead]!.offset) : h.to;
      if (end <= this.next) break;
      this.gap(end - this.next, 'not-captured');
      this.drain();
    }
  }

  private checkOld(o: number, buf: Uint8Array, off: number, len: number): void {
    if (len <= 0 || this.ignoredFlag) return;
    if (o < 0) {
      const n = Math.min(len, -o);
      this.report('info', 'TCP_DATA_BEFORE_STREAM_START', `${n} bytes before the first byte seen in this direction; dropped`, o, n);
    }
    const m = this.recent.findMismatch(o, buf, off, len);
    if (m !== null) {
      this.report('warning', 'TCP_OVERLAP_MISMATCH', `retransmitted bytes [${m[0]}, ${m[1]}) differ from the copy delivered first; the first copy is kept`, m[0], m[1] - m[0]);
    }
  }

  private deliver(bytes: Uint8Array, frame: number, tsSec: number, tsNsec: number, fileOffset: number, recordLength: number): void {
    const at = this.next;
    this.next = at + bytes.length;
    if (this.ignoredFlag) return;
    this.sink.deliverData(this.conn, this.dir, at, bytes, frame, tsSec, tsNsec, fileOffset, recordLength);
    // Logged after the delivery: bytes on which the consumer decides to ignore the direction
    // are not.
    if (this.ignoredFlag) this.recent.skip(bytes.length);
    else this.recent.append(bytes, 0, bytes.length);
  }

  /** Pieces held as ranges only (an ignored direction's): their place is passed. */
  private pass(length: number): void {
    this.next += length;
  }

  private gap(length: number, cause: TcpGapCause): void {
    if (length <= 0) return;
    const at = this.next;
    this.recent.skip(length);
    this.next = at + length;
    if (!this.ignoredFlag) this.sink.deliverGap(this.conn, this.dir, at, length, cause);
  }

  /** Delivers buffered pieces that are now in order. */
  private drain(): void {
    const pending = this.pending;
    while (this.pendingHead < pending.length) {
      const p = pending[this.pendingHead];
      if (p.offset !== this.next) break;
      this.pendingHead++;
      this.releaseBytes(p);
      if (p.bytes === null) this.pass(p.length);
      else if (p.more === null) this.deliver(p.bytes, p.frame, p.tsSec, p.tsNsec, p.fileOffset, p.recordLength);
      else this.deliverSegments(p, p.bytes, p.more);
    }
    if (this.pendingHead === pending.length) {
      if (pending.length > 0) {
        this.pending = [];
        this.pendingHead = 0;
      }
    } else if (this.pendingHead > 64 && this.pendingHead * 2 > pending.length) {
      pending.splice(0, this.pendingHead);
      this.pendingHead = 0;
    }
  }

  private gapToFirstPending(cause: TcpGapCause): void {
    this.gapTo(this.pending[this.pendingHead].offset, cause);
    this.settle();
  }

  /**
   * Missing bytes up to stream offset `end` become gaps: those the peer acknowledged with the
   * cause `acknowledged` (they were lost at the capture point, whatever made us give up), the
   * rest with `cause`.
   */
  private gapTo(end: number, cause: TcpGapCause): void {
    if (this.ackedTo > this.next) this.gap(Math.min(end, this.ackedTo) - this.next, 'acknowledged');
    this.gap(end - this.next, cause);
  }

  private enforceLimits(): void {
    while (this.pendingCount > 0 && (this.pendingBytes > this.limits.maxBufferedBytes || this.account.total > this.account.limit)) {
      this.gapToFirstPending('buffer-limit');
    }
  }

  /** Copies the parts of [o, o+len) not already held into `pending` (first copy wins). */
  private insertPending(o: number, buf: Uint8Array, off: number, len: number, frame: number, tsSec: number, tsNsec: number, fileOffset: number, recordLength: number): void {
    const pending = this.pending;
    let lo = this.pendingHead;
    let hi = pending.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const p = pending[mid];
      if (p.offset + p.length <= o) lo = mid + 1;
      else hi = mid;
    }
    let i = lo;
    let cur = o;
    const end = o + len;
    let mismatchFrom = -1;
    let mismatchTo = -1;
    while (cur < end) {
      const p = i < pending.length ? pending[i] : null;
      if (p === null || p.offset >= end) {
        this.addPiece(i, cur, end - cur, buf, off + (cur - o), frame, tsSec, tsNsec, fileOffset, recordLength);
        break;
      }
      if (cur < p.offset) {
        this.addPiece(i, cur, p.offset - cur, buf, off + (cur - o), frame, tsSec, tsNsec, fileOffset, recordLength);
        i++;
      }
      const pEnd = p.offset + p.length;
      const ovFrom = Math.max(cur, p.offset);
      const ovTo = Math.min(end, pEnd);
      const held = p.bytes;
      for (let s = ovFrom; held !== null && s < ovTo; s++) {
        if (held[s - p.offset] !== buf[off + (s - o)]) {
          if (mismatchFrom < 0) mismatchFrom = s;
          mismatchTo = s + 1;
        }
      }
      cur = Math.max(cur, pEnd);
      i++;
    }
    if (mismatchFrom >= 0) {
      this.report('warning', 'TCP_OVERLAP_MISMATCH', `overlapping copies of bytes [${mismatchFrom}, ${mismatchTo}) differ; the first copy is kept`, mismatchFrom, mismatchTo - mismatchFrom);
    }
  }

  /**
   * A piece of `length` bytes at stream offset `offset`: a copy of `buf[off, …)` (only its range
   * once ignored). Bytes that continue the last piece held (the usual case: the segments after
   * a hole arrive in order) are appended to it instead — a piece per segment costs ~400 bytes of
   * objects and memory blocks beside a CTI message's ~70 bytes.
   */
  private addPiece(
    index: number,
    offset: number,
    length: number,
    buf: Uint8Array,
    off: number,
    frame: number,
    tsSec: number,
    tsNsec: number,
    fileOffset: number,
    recordLength: number,
  ): void {
    const pending = this.pending;
    if (index === pending.length && index > this.pendingHead) {
      const last = pending[index - 1];
      if (last.store !== null && last.offset + last.length === offset) {
        this.extendPiece(last, last.store, length, buf, off, frame, tsSec, tsNsec, fileOffset, recordLength);
        return;
      }
    }
    const store = this.ignoredFlag ? null : buf.slice(off, off + length);
    const bytes = store;
    const piece: PendingPiece = { offset, length, bytes, frame, tsSec, tsNsec, fileOffset, recordLength, more: null, store };
    if (index === pending.length) pending.push(piece);
    else pending.splice(index, 0, piece);
    this.holdBytes(piece);
  }

  /** Appends `buf[off, off+length)`, a segment of its own, to the piece. */
  private extendPiece(
    p: PendingPiece,
    store: Uint8Array,
    length: number,
    buf: Uint8Array,
    off: number,
    frame: number,
    tsSec: number,
    tsNsec: number,
    fileOffset: number,
    recordLength: number,
  ): void {
    const at = p.length;
    let room = store;
    if (at + length > store.length) {
      room = new Uint8Array(Math.max(at + length, store.length * 2, MIN_GROWN_STORE));
      room.set(store.subarray(0, at));
      p.store = room;
    }
    room.set(buf.subarray(off, off + length), at);
    (p.more ??= []).push(at, frame, tsSec, tsNsec, fileOffset, recordLength);
    p.length = at + length;
    p.bytes = room.subarray(0, p.length);
    this.pendingBytes += length;
    this.account.total += length;
  }

  /** Delivers a piece that grew, a data event per segment it holds. */
  private deliverSegments(p: PendingPiece, bytes: Uint8Array, more: readonly number[]): void {
    let from = 0;
    let frame = p.frame;
    let sec = p.tsSec;
    let nsec = p.tsNsec;
    let fileOffset = p.fileOffset;
    let recordLength = p.recordLength;
    for (let i = 0; i <= more.length; i += SEGMENT_NUMBERS) {
      const to = i < more.length ? more[i] : p.length;
      this.deliver(bytes.subarray(from, to), frame, sec, nsec, fileOffset, recordLength);
      if (i < more.length) {
        from = to;
        frame = more[i + 1];
        sec = more[i + 2];
        nsec = more[i + 3];
        fileOffset = more[i + 4];
        recordLength = more[i + 5];
      }
    }
  }

  /** The direction's limit counts every piece held; the overall one (memory) only those with their bytes. */
  private holdBytes(p: PendingPiece): void {
    this.pendingBytes += p.length;
    if (p.bytes !== null) this.account.total += p.length;
  }

  private releaseBytes(p: PendingPiece): void {
    this.pendingBytes -= p.length;
    if (p.bytes !== null) this.account.total -= p.length;
  }

  private report(severity: DiagnosticSeverity, code: CaptureDiagnosticCode, message: string, streamOffset: number, length: number): void {
    if (this.ignoredFlag) return;
    this.sink.reportStream(this.conn, this.dir, severity, code, message, streamOffset, length);
  }
}
