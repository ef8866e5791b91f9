/**
 * TCP reassembly for a whole capture: connections by 4-tuple, their lifecycle (SYN, FIN, RST,
 * port reuse, eviction, end of capture) and per-direction reassembly, emitted as
 * {@link CaptureEvent}s (see tcp-events.ts for the guarantees).
 *
 *   const r = new TcpReassembler((e) => …);
 *   r.pushSegment(segment);   // for every TCP segment, in capture order
 *   r.finish();               // end of capture: gaps, closes
 *
 * Lifecycle rules:
 * - The first packet of an unknown 4-tuple opens a connection; its source is endpoint A.
 * - A pure SYN on a tracked 4-tuple that is not a retransmission of the SYN already seen
 *   (same ISN) starts a new connection (instance + 1), closing the old one with `reused`
 *   when it was still open. So does a SYN-ACK with a new ISN once data flowed, or any SYN-ACK
 *   on a closed connection that is not a retransmission.
 * - RST: every hole becomes a gap, the connection closes (`rst`).
 * - An ACK beyond a hole of the other direction means the receiver has those bytes: they were
 *   lost at the capture point and will not be sent again, so the hole becomes a gap once that
 *   acknowledgement is `acknowledgedHoleGraceSeconds` old. Any hole becomes a gap after
 *   `holeTimeoutSeconds` (when the peer's ACKs are not in the capture).
 * - FIN in both directions: the connection closes (`fin`) as soon as both directions are
 *   complete; if bytes are still missing it waits `finGraceSeconds` of capture time for
 *   retransmissions, then reports the holes as gaps and closes.
 * - Closed connections stay in the table (so late ACKs/retransmissions are recognised and
 *   dropped) until evicted; at most `maxConnections` are tracked: beyond, the connection that
 *   closed first is evicted, and only when none is closed the least recently active open one
 *   (closed with `evicted` and a diagnostic). An idle CTI session thus outlives any number of
 *   short connections opened and closed meanwhile (a capture of all a server's traffic).
 *
 * A consumer with no use for a connection's bytes (not the protocol it looks for) says so with
 * {@link TcpReassembler.ignore}: from then on the connection costs no memory for its bytes (none
 * buffered out of order, none written to the delivered-bytes log, where they would push out
 * the bytes of the connections that matter) and no events but its `close` (and an eviction
 * diagnostic); its lifecycle is tracked as before.
 */
import { formatIpv4, formatIpv6 } from './address-format.js';
import { DeliveredBytesLog } from './delivered-bytes-log.js';
import type { CaptureDiagnostic, CaptureDiagnosticCode, DiagnosticSeverity } from './diagnostics.js';
import { connectionHash, TcpConnectionTable, type TableEntry } from './tcp-connection-table.js';
import { TcpDirectionStream, type BufferAccount, type DirectionEventSink } from './tcp-direction-stream.js';
import type { CaptureEventSink, TcpCloseReason, TcpConnectionInfo, TcpDirection, TcpEndpoint, TcpGapCause } from './tcp-events.js';
import { TcpFlag, type TcpSegmentView } from './tcp-segment.js';
import type { CaptureTimestamp } from './timestamp.js';

export interface TcpReassemblyOptions {
  /** Out-of-order bytes held per direction before the first hole becomes a gap (default 4 MiB). */
  readonly maxBufferedBytesPerDirection: number;
  /** Out-of-order bytes held over all connections (default 256 MiB). */
  readonly maxBufferedBytesTotal: number;
  /**
   * Recently delivered bytes per direction that a retransmission is compared with (default
   * 64 KiB, at most the last 128 deliveries; 0 disables the check).
   */
  readonly overlapCheckWindowBytes: number;
  /**
   * Size of the log, shared by all connections, where those bytes are kept (default 16 MiB;
   * connections found not to be the protocol looked for are not logged, see ignore()):
   * bytes older than that (in delivery order, all connections together) are no longer compared.
   */
  readonly overlapCheckLogBytes: number;
  /** Connections tracked at once, open or recently closed (default 10000). */
  readonly maxConnections: number;
  /**
   * Closed connections kept to recognise their late segments (default 1000, within
   * maxConnections): beyond, the one that closed first is forgotten — all that is kept of it
   * is its 4-tuple's instance number, so that a late segment opens instance 2, not another
   * instance 1 under the same session id. A capture of all of a server's traffic closes
   * hundreds of short connections a second; each closed one kept costs ~4 KiB.
   */
  readonly maxClosedConnections: number;
  /** Capture-time seconds to wait for missing bytes once both FINs were seen (default 5). */
  readonly finGraceSeconds: number;
  /**
   * Capture-time seconds a hole the peer has acknowledged is still waited for before it
   * becomes a gap (default 0.1): the receiver has those bytes, so they were lost at the
   * capture point and no copy will come; the wait only allows for the two directions'
   * timestamps to be a little out of step (two interfaces of a tap). Without it every packet
   * the capture dropped held its direction's later bytes until the per-direction limit or the
   * end of the capture.
   */
  readonly acknowledgedHoleGraceSeconds: number;
  /**
   * Capture-time seconds a hole is waited for at most, counted from the first byte held after
   * it (default 10: beyond the few seconds a retransmission takes, even after a lost one).
   * It ends holes the acknowledgement rule cannot see (only one direction captured) before
   * they hold their direction's bytes up to the per-direction limit.
   */
  readonly holeTimeoutSeconds: number;
  /** A segment starting further than this beyond the next expected byte is dropped as bogus (default 1 GiB). */
  readonly maxSegmentAheadBytes: number;
}

/** 4-tuples of forgotten connections remembered for their instance numbers (~100 bytes each). */
const MAX_FORGOTTEN_TUPLES = 16384;

/** A 4-tuple as one key, the same in either direction. */
function tupleKey(addrA: string, portA: number, addrB: string, portB: number): string {
  const x = `${addrA}|${portA}`;
  const y = `${addrB}|${portB}`;
  return x < y ? `${x} ${y}` : `${y} ${x}`;
}

export const DEFAULT_TCP_REASSEMBLY_OPTIONS: TcpReassemblyOptions = Object.freeze({
  maxBufferedBytesPerDirection: 4 * 1024 * 1024,
  maxBufferedBytesTotal: 256 * 1024 * 1024,
  overlapCheckWindowBytes: 64 * 1024,
  overlapCheckLogBytes: 16 * 1024 * 1024,
  maxConnections: 10000,
  maxClosedConnections: 1000,
  finGraceSeconds: 5,
  acknowledgedHoleGraceSeconds: 0.1,
  holeTimeoutSeconds: 10,
  maxSegmentAheadBytes: 1 << 30,
});

/** Counters of the reassembler. */
export interface TcpReassemblyStats {
  connections: number;
  segments: number;
  deliveredBytes: number;
  gapBytes: number;
  gaps: number;
  evictions: number;
  /** Segments ignored because they came after their connection closed. */
  lateSegments: number;
}

class TrackedConnection implements TableEntry {
  readonly ipVersion: 4 | 6;
  readonly a0: number;
  readonly a1: number;
  readonly a2: number;
  readonly a3: number;
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly b3: number;
  readonly portA: number;
  readonly portB: number;
  bucketNext: TableEntry | null = null;
  lruPrev: TableEntry | null = null;
  lruNext: TableEntry | null = null;
  readonly info: TcpConnectionInfo;
  readonly dirs: [TcpDirectionStream, TcpDirectionStream];
  closed = false;
  /** The list of closed connections, in the order they closed (eviction takes its oldest first). */
  closedPrev: TrackedConnection | null = null;
  closedNext: TrackedConnection | null = null;
  /** Capture second at which both FINs were seen with bytes still missing; -1 otherwise. */
  closingSinceSec = -1;

  constructor(
    seg: TcpSegmentView,
    readonly hash: number,
    id: number,
    instance: number,
    sink: DirectionEventSink,
    options: TcpReassemblyOptions,
    account: BufferAccount,
    log: DeliveredBytesLog,
  ) {
    this.ipVersion = seg.ipVersion;
    this.a0 = seg.src0;
    this.a1 = seg.src1;
    this.a2 = seg.src2;
    this.a3 = seg.src3;
    this.b0 = seg.dst0;
    this.b1 = seg.dst1;
    this.b2 = seg.dst2;
    this.b3 = seg.dst3;
    this.portA = seg.srcPort;
    this.portB = seg.dstPort;
    const syn = (seg.flags & TcpFlag.SYN) !== 0;
    const ack = (seg.flags & TcpFlag.ACK) !== 0;
    const a: TcpEndpoint = { addr: formatAddress(seg.ipVersion, seg.src0, seg.src1, seg.src2, seg.src3), port: seg.srcPort };
    const b: TcpEndpoint = { addr: formatAddress(seg.ipVersion, seg.dst0, seg.dst1, seg.dst2, seg.dst3), port: seg.dstPort };
    this.info = {
      id,
      instance,
      ipVersion: seg.ipVersion,
      a,
      b,
      synSeen: syn,
      initiator: syn ? (ack ? 'B' : 'A') : null,
      firstFrame: seg.frame,
      firstTs: { sec: seg.tsSec, nsec: seg.tsNsec },
    };
    const limits = {
      maxBufferedBytes: options.maxBufferedBytesPerDirection,
      overlapCheckWindowBytes: options.overlapCheckWindowBytes,
      maxSegmentAheadBytes: options.maxSegmentAheadBytes,
    };
    this.dirs = [new TcpDirectionStream(this.info, 0, sink, limits, account, log), new TcpDirectionStream(this.info, 1, sink, limits, account, log)];
  }
}

function formatAddress(v: 4 | 6, w0: number, w1: number, w2: number, w3: number): string {
  return v === 4 ? formatIpv4(w0) : formatIpv6(w0, w1, w2, w3);
}

export class TcpReassembler implements DirectionEventSink {
  readonly options: TcpReassemblyOptions;
  readonly stats: TcpReassemblyStats = { connections: 0, segments: 0, deliveredBytes: 0, gapBytes: 0, gaps: 0, evictions: 0, lateSegments: 0 };
  private readonly table = new TcpConnectionTable<TrackedConnection>();
  /** The tracked connection of each connection's info object (for {@link ignore}). */
  private readonly byInfo = new WeakMap<TcpConnectionInfo, TrackedConnection>();
  private readonly account: BufferAccount;
  private readonly log: DeliveredBytesLog;
  private readonly closing = new Set<TrackedConnection>();
  /** Closed connections still in the table, oldest close first (the first to evict). */
  private closedOldest: TrackedConnection | null = null;
  private closedNewest: TrackedConnection | null = null;
  private closedCount = 0;
  /**
   * The 4-tuples of connections forgotten closed (evicted, or past maxClosedConnections), with
   * the instance they had: a later packet on one opens the next instance. At most
   * MAX_FORGOTTEN_TUPLES, the oldest dropped first.
   */
  private readonly forgotten = new Map<string, number>();
  private nextSweepSec = -Infinity;
  private nextId = 0;
  /** The segment being processed (for event frame/ts and diagnostics). */
  private curFrame = 0;
  private curTsSec = 0;
  private curTsNsec = 0;
  private curFileOffset = 0;
  private curTs: CaptureTimestamp | null = null;
  private finished = false;

  constructor(
    private readonly emit: CaptureEventSink,
    options: Partial<TcpReassemblyOptions> = {},
  ) {
    this.options = { ...DEFAULT_TCP_REASSEMBLY_OPTIONS, ...options };
    this.account = { total: 0, limit: this.options.maxBufferedBytesTotal };
    this.log = new DeliveredBytesLog(this.options.overlapCheckWindowBytes > 0 ? this.options.overlapCheckLogBytes : 0);
  }

  /** Number of connections tracked (open or recently closed). */
  get trackedConnections(): number {
    return this.table.size;
  }

  /** Out-of-order bytes held overall. */
  get bufferedBytes(): number {
    return this.account.total;
  }

  /**
   * The consumer has no further use for this connection's bytes (it is not what the consumer
   * looks for); callable at any time, also from inside the event sink. From now on its bytes
   * are not kept (out-of-order pieces let go, nothing written to the delivered-bytes log or
   * compared with it) and its data, gaps and stream diagnostics are no longer emitted; it
   * stays tracked (port reuse, late segments, FIN, RST, eviction) and its `close` comes as
   * before. There is no way back. A closed or forgotten connection is left as it is.
   */
  ignore(conn: TcpConnectionInfo): void {
    const c = this.byInfo.get(conn);
    if (c === undefined || c.closed) return;
    c.dirs[0].ignore();
    c.dirs[1].ignore();
  }

  pushSegment(seg: TcpSegmentView): void {
    if (this.finished) return;
    this.stats.segments++;
    this.curFrame = seg.frame;
    this.curTsSec = seg.tsSec;
    this.curTsNsec = seg.tsNsec;
    this.curFileOffset = seg.fileOffset;
    this.curTs = null;
    if (this.closing.size > 0 && seg.tsSec >= this.nextSweepSec) this.sweepClosing(seg.tsSec);

    const flags = seg.flags;
    const isSyn = (flags & TcpFlag.SYN) !== 0;
    const isAck = (flags & TcpFlag.ACK) !== 0;
    const hash = connectionHash(seg);
    let conn = this.table.find(seg, hash);
    let dir: TcpDirection = this.table.lastDirection;
    if (conn === null) {
      conn = this.open(seg, hash, 1);
      dir = 0;
    } else if (isSyn && this.synStartsNewConnection(conn, dir, seg, isAck)) {
      if (!conn.closed) this.close(conn, 'reused', 'closed');
      const instance = conn.info.instance + 1;
      this.forget(conn);
      conn = this.open(seg, hash, instance);
      dir = 0;
    } else if (conn.closed) {
      this.lateSegment(conn, dir, seg);
      return;
    }
    this.table.touch(conn);
    const d = conn.dirs[dir];
    const len = seg.payloadLength;
    const missing = seg.missingBytes;
    const isFin = (flags & TcpFlag.FIN) !== 0;
    if (isSyn) d.syn(seg.seq, isAck ? seg.ack : -1);
    else if (len + missing > 0 || isFin) d.initializeAt(seg.seq);
    if (d.initialized) {
      const start = isSyn ? d.offsetOf((seg.seq + 1) >>> 0) : d.offsetOf(seg.seq);
      if (len + missing > 0) d.acceptPayload(start, seg.payload, seg.payloadOffset, len, missing, seg.frame, seg.tsSec, seg.tsNsec, seg.fileOffset, seg.recordLength);
      if (isFin) d.fin(start + len + missing);
    }
    const other = conn.dirs[dir === 0 ? 1 : 0];
    // Acknowledgements and stale holes only matter to a direction holding bytes out of order
    // (both calls do nothing otherwise): the usual segment skips them.
    if (other.pendingCount > 0 || d.pendingCount > 0) {
      const at = seg.tsSec + seg.tsNsec / 1e9;
      if (isAck && other.initialized) other.acknowledged(other.offsetOf(seg.ack), at);
      const { acknowledgedHoleGraceSeconds: ackGrace, holeTimeoutSeconds: timeout } = this.options;
      other.gapStaleHoles(at, ackGrace, timeout);
      d.gapStaleHoles(at, ackGrace, timeout);
    }
    if ((flags & TcpFlag.RST) !== 0) {
      this.close(conn, 'rst', 'closed');
      return;
    }
    if (d.finOffset >= 0 && other.finOffset >= 0) {
      if (d.complete && other.complete) this.close(conn, 'fin', 'closed');
      else if (conn.closingSinceSec < 0) {
        conn.closingSinceSec = seg.tsSec;
        this.closing.add(conn);
        if (this.nextSweepSec === -Infinity) this.nextSweepSec = seg.tsSec;
      }
    }
  }

  /**
   * End of the capture: every open connection reports its holes and closes. `lastFrame` and
   * `lastTs` (the capture's last frame) stamp those events; default: the last TCP segment's.
   */
  finish(lastFrame?: number, lastTs?: CaptureTimestamp): void {
    for (const _ of this.finishSteps(lastFrame, lastTs));
  }

  /**
   * {@link finish} a connection at a time: the caller takes each one's events before the next
   * (what the connections still held comes out all at once otherwise).
   */
  *finishSteps(lastFrame?: number, lastTs?: CaptureTimestamp): Generator<void> {
    if (this.finished) return;
    if (lastFrame !== undefined && lastTs !== undefined) {
      this.curFrame = lastFrame;
      this.curTsSec = lastTs.sec;
      this.curTsNsec = lastTs.nsec;
    }
    this.curTs = null;
    const open: TrackedConnection[] = [];
    for (const c of this.table.entries()) if (!c.closed) open.push(c);
    open.sort((x, y) => x.info.id - y.info.id);
    for (const c of open) {
      const bothFin = c.dirs[0].finOffset >= 0 && c.dirs[1].finOffset >= 0;
      this.close(c, bothFin ? 'fin' : 'end-of-capture', 'end-of-capture');
      yield;
    }
    this.finished = true;
  }

  // DirectionEventSink ------------------------------------------------------------------

  deliverData(conn: TcpConnectionInfo, dir: TcpDirection, streamOffset: number, bytes: Uint8Array, frame: number, tsSec: number, tsNsec: number, fileOffset: number, recordLength: number): void {
    this.stats.deliveredBytes += bytes.length;
    const ts = frame === this.curFrame ? this.currentTs() : { sec: tsSec, nsec: tsNsec };
    this.emit({ kind: 'data', conn, dir, streamOffset, bytes, frame, ts, fileOffset, recordLength });
  }

  deliverGap(conn: TcpConnectionInfo, dir: TcpDirection, streamOffset: number, length: number, cause: TcpGapCause): void {
    this.stats.gaps++;
    this.stats.gapBytes += length;
    this.emit({ kind: 'gap', conn, dir, streamOffset, length, cause, frame: this.curFrame, ts: this.currentTs() });
  }

  reportStream(
    conn: TcpConnectionInfo,
    dir: TcpDirection,
    severity: DiagnosticSeverity,
    code: CaptureDiagnosticCode,
    message: string,
    streamOffset: number,
    length: number,
  ): void {
    const diagnostic: CaptureDiagnostic = {
      severity,
      code,
      message: `connection ${conn.id} (${describe(conn)}) ${dir === 0 ? 'A→B' : 'B→A'}: ${message}`,
      fileOffset: this.curFileOffset,
      frame: this.curFrame,
      conn: conn.id,
      dir,
      streamOffset,
      length,
    };
    this.emit({ kind: 'diagnostic', diagnostic });
  }

  // ----------------------------------------------------------------------------------------

  private currentTs(): CaptureTimestamp {
    if (this.curTs === null) this.curTs = { sec: this.curTsSec, nsec: this.curTsNsec };
    return this.curTs;
  }

  private open(seg: TcpSegmentView, hash: number, instance: number): TrackedConnection {
    if (this.table.size >= this.options.maxConnections) this.evictOldest();
    if (this.forgotten.size > 0) {
      const key = tupleKey(formatAddress(seg.ipVersion, seg.src0, seg.src1, seg.src2, seg.src3), seg.srcPort, formatAddress(seg.ipVersion, seg.dst0, seg.dst1, seg.dst2, seg.dst3), seg.dstPort);
      const before = this.forgotten.get(key);
      if (before !== undefined) {
        this.forgotten.delete(key);
        instance = Math.max(instance, before + 1);
      }
    }
    const conn = new TrackedConnection(seg, hash, this.nextId++, instance, this, this.options, this.account, this.log);
    this.table.add(conn);
    this.byInfo.set(conn.info, conn);
    this.stats.connections++;
    this.emit({ kind: 'open', conn: conn.info, frame: seg.frame, ts: this.currentTs() });
    return conn;
  }

  private synStartsNewConnection(conn: TrackedConnection, dir: TcpDirection, seg: TcpSegmentView, isAck: boolean): boolean {
    const d = conn.dirs[dir];
    if (!isAck) {
      // Pure SYN: new unless it repeats the SYN already seen, is the one a SYN-ACK answered, or
      // is a late copy of the SYN that opened the data already seen (ISN + 1 is where it began).
      if (conn.closed) return true;
      if (d.synSeen) return d.isn !== seg.seq;
      const other = conn.dirs[dir === 0 ? 1 : 0];
      if (other.synSeen && other.synAckAck === ((seg.seq + 1) >>> 0)) return false;
      if (d.initialized && d.baseSeq === ((seg.seq + 1) >>> 0)) return false;
      return true;
    }
    // SYN-ACK.
    if (d.synSeen) return d.isn !== seg.seq && (conn.closed || d.next > 0 || d.pendingCount > 0);
    if (conn.closed) return true;
    if (d.initialized) return ((seg.seq + 1) >>> 0) !== d.baseSeq;
    return false;
  }

  private lateSegment(conn: TrackedConnection, dir: TcpDirection, seg: TcpSegmentView): void {
    this.stats.lateSegments++;
    const total = seg.payloadLength + seg.missingBytes;
    if (total === 0) return;
    const d = conn.dirs[dir];
    const o = d.initialized ? d.offsetOf(seg.seq) : 0;
    if (d.initialized && o + total <= d.next) return; // a retransmission of delivered bytes
    if (d.ignored) return;
    this.reportStream(conn.info, dir, 'info', 'TCP_SEGMENT_AFTER_CLOSE', `${total} bytes after the connection closed; dropped`, o, total);
  }

  private close(conn: TrackedConnection, reason: TcpCloseReason, gapCause: TcpGapCause): void {
    if (conn.closed) return;
    conn.dirs[0].flush(gapCause);
    conn.dirs[1].flush(gapCause);
    conn.dirs[0].release();
    conn.dirs[1].release();
    conn.closed = true;
    conn.closedPrev = this.closedNewest;
    if (this.closedNewest !== null) this.closedNewest.closedNext = conn;
    else this.closedOldest = conn;
    this.closedNewest = conn;
    if (++this.closedCount > this.options.maxClosedConnections && this.closedOldest !== null) this.forget(this.closedOldest);
    if (conn.closingSinceSec >= 0) this.closing.delete(conn);
    this.emit({ kind: 'close', conn: conn.info, reason, frame: this.curFrame, ts: this.currentTs() });
  }

  /** Removes a connection from the table (and from the list of closed ones). */
  private forget(conn: TrackedConnection): void {
    this.table.remove(conn);
    if (!conn.closed) return;
    this.closedCount--;
    if (this.forgotten.size >= MAX_FORGOTTEN_TUPLES) this.forgotten.delete(this.forgotten.keys().next().value!);
    this.forgotten.set(tupleKey(conn.info.a.addr, conn.info.a.port, conn.info.b.addr, conn.info.b.port), conn.info.instance);
    if (conn.closedPrev !== null) conn.closedPrev.closedNext = conn.closedNext;
    else if (this.closedOldest === conn) this.closedOldest = conn.closedNext;
    if (conn.closedNext !== null) conn.closedNext.closedPrev = conn.closedPrev;
    else if (this.closedNewest === conn) this.closedNewest = conn.closedPrev;
    conn.closedPrev = null;
    conn.closedNext = null;
  }

  /** Makes room: the connection that closed first, else the least recently active open one. */
  private evictOldest(): void {
    const victim = this.closedOldest ?? this.table.oldest();
    if (victim === null) return;
    if (victim.closed) {
      this.forget(victim);
      return;
    }
    this.stats.evictions++;
    this.emit({
      kind: 'diagnostic',
      diagnostic: {
        severity: 'warning',
        code: 'TCP_CONNECTION_EVICTED',
        message: `connection ${victim.info.id} (${describe(victim.info)}) evicted: more than ${this.options.maxConnections} connections tracked`,
        fileOffset: this.curFileOffset,
        frame: this.curFrame,
        conn: victim.info.id,
      },
    });
    this.close(victim, 'evicted', 'closed');
    this.forget(victim);
  }

  private sweepClosing(nowSec: number): void {
    this.nextSweepSec = nowSec + 1;
    const grace = this.options.finGraceSeconds;
    for (const c of [...this.closing]) {
      if (nowSec - c.closingSinceSec >= grace) this.close(c, 'fin', 'closed');
    }
  }
}

function describe(conn: TcpConnectionInfo): string {
  const a = conn.ipVersion === 6 ? `[${conn.a.addr}]:${conn.a.port}` : `${conn.a.addr}:${conn.a.port}`;
  const b = conn.ipVersion === 6 ? `[${conn.b.addr}]:${conn.b.port}` : `${conn.b.addr}:${conn.b.port}`;
  return `${a} ↔ ${b}`;
}
