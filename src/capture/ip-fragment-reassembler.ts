/**
 * IPv4 and IPv6 fragment reassembly, with bounded memory.
 *
 * A datagram is identified by (version, source, destination, id, and for IPv4 the protocol).
 * Fragment data is copied (fragments are rare; the copy frees the read chunk). Overlapping
 * fragments: the first copy wins; a later copy whose overlapping bytes differ is reported
 * (IP_FRAGMENT_OVERLAP). Limits: datagrams in progress, bytes held, datagram size; a datagram
 * not completed within `timeoutSeconds` of capture time is dropped (IP_FRAGMENT_INCOMPLETE),
 * as are those still incomplete at the end of the capture. A fragment of a datagram completed
 * in the last few seconds is taken for a late duplicate and ignored. Keys are strings, built
 * only for fragments.
 */
import type { CaptureDiagnostic, CaptureDiagnosticCode, DiagnosticSeverity } from './diagnostics.js';
import type { IpPacketView } from './ip-packet.js';

export interface IpFragmentLimits {
  /** Datagrams being reassembled at once (default 1024); the oldest is dropped beyond. */
  readonly maxDatagrams: number;
  /** Bytes held in fragments overall (default 16 MiB). */
  readonly maxBytes: number;
  /** Capture-time seconds a datagram may take to complete (default 30). */
  readonly timeoutSeconds: number;
}

export const DEFAULT_IP_FRAGMENT_LIMITS: IpFragmentLimits = Object.freeze({
  maxDatagrams: 1024,
  maxBytes: 16 * 1024 * 1024,
  timeoutSeconds: 30,
});

const MAX_DATAGRAM_PAYLOAD = 65535;
/** Completed datagrams remembered, so that a late duplicate fragment is not taken for a new datagram. */
const MAX_REMEMBERED_COMPLETIONS = 256;
/** …for at most this many capture seconds (IDs are reused eventually). */
const DUPLICATE_WINDOW_SECONDS = 5;

interface FragmentPiece {
  offset: number;
  bytes: Uint8Array;
}

interface PartialDatagram {
  readonly key: string;
  readonly firstSec: number;
  readonly firstFrame: number;
  readonly fileOffset: number;
  /** Payload length once the last fragment arrived, else -1. */
  totalLength: number;
  /** Capture second of the latest fragment. */
  lastSec: number;
  /** Sorted, non-overlapping. */
  pieces: FragmentPiece[];
  heldBytes: number;
}

/** Where the frame being decoded is (for diagnostics and time). */
export interface FragmentContext {
  readonly frame: number;
  readonly tsSec: number;
  readonly fileOffset: number;
}

export class IpFragmentReassembler {
  private readonly datagrams = new Map<string, PartialDatagram>();
  private heldBytes = 0;
  /** Earliest firstSec of the datagrams in progress (Infinity when none). */
  private earliestSec = Infinity;
  /** Recently completed datagrams: key → (payload length, capture second of completion). */
  private readonly completed = new Map<string, { totalLength: number; sec: number }>();
  completedCount = 0;

  constructor(
    private readonly limits: IpFragmentLimits,
    private readonly report: (d: CaptureDiagnostic) => void,
    /** How a frame number is named in messages (a ring set's frames are numbered on across its files). */
    private readonly describeFrame: (frame: number) => string = (frame) => `frame ${frame}`,
  ) {}

  get pendingCount(): number {
    return this.datagrams.size;
  }

  /**
   * Adds the fragment described by `ip` (its data at ip.buffer[payloadOffset, +payloadLength]).
   * Returns the whole reassembled payload when this fragment completes its datagram, else null.
   */
  add(ip: IpPacketView, ctx: FragmentContext): Uint8Array | null {
    this.expire(ctx.tsSec);
    const key =
      ip.ipVersion === 4
        ? `4:${ip.src0}:${ip.dst0}:${ip.protocol}:${ip.fragmentId}`
        : `6:${ip.src0}:${ip.src1}:${ip.src2}:${ip.src3}:${ip.dst0}:${ip.dst1}:${ip.dst2}:${ip.dst3}:${ip.fragmentId}`;
    const len = ip.payloadLength;
    const off = ip.fragmentOffset;
    if (ip.missingBytes > 0) {
      this.diag('warning', 'IP_FRAGMENT_BAD', `fragment of datagram id ${ip.fragmentId} is cut by the snap length; datagram dropped`, ctx);
      this.drop(key);
      return null;
    }
    if (off + len > MAX_DATAGRAM_PAYLOAD || (ip.moreFragments && len % 8 !== 0)) {
      this.diag('warning', 'IP_FRAGMENT_BAD', `bad fragment (offset ${off}, length ${len}) of datagram id ${ip.fragmentId}`, ctx);
      this.drop(key);
      return null;
    }
    let dg = this.datagrams.get(key);
    if (dg === undefined) {
      const done = this.completed.get(key);
      if (done !== undefined) {
        if (ctx.tsSec - done.sec <= DUPLICATE_WINDOW_SECONDS && off + len <= done.totalLength) return null; // a late duplicate
        this.completed.delete(key);
      }
      if (this.datagrams.size >= this.limits.maxDatagrams) this.dropOldest('too many datagrams in reassembly', ctx);
      dg = { key, firstSec: ctx.tsSec, firstFrame: ctx.frame, fileOffset: ctx.fileOffset, totalLength: -1, lastSec: ctx.tsSec, pieces: [], heldBytes: 0 };
      this.datagrams.set(key, dg);
      if (ctx.tsSec < this.earliestSec) this.earliestSec = ctx.tsSec;
    }
    dg.lastSec = ctx.tsSec;
    if (!ip.moreFragments) {
      const total = off + len;
      if (dg.totalLength >= 0 && dg.totalLength !== total) {
        this.diag('warning', 'IP_FRAGMENT_OVERLAP', `datagram id ${ip.fragmentId}: two last fragments disagree on its length (${dg.totalLength} vs ${total})`, ctx);
      } else {
        dg.totalLength = total;
      }
    }
    this.insert(dg, ip.buffer, ip.payloadOffset, off, len, ip.fragmentId, ctx);
    while (this.heldBytes > this.limits.maxBytes && this.datagrams.size > 0) {
      this.dropOldest('fragment memory limit reached', ctx);
    }
    if (!this.datagrams.has(key)) return null;
    return this.completeIfWhole(dg);
  }

  /** Drops datagrams older than the timeout at capture time `nowSec`. */
  expire(nowSec: number): void {
    if (nowSec - this.earliestSec <= this.limits.timeoutSeconds) return;
    let earliest = Infinity;
    for (const dg of this.datagrams.values()) {
      if (nowSec - dg.firstSec > this.limits.timeoutSeconds) {
        this.report({
          severity: 'warning',
          code: 'IP_FRAGMENT_INCOMPLETE',
          message: `fragmented datagram first seen in ${this.describeFrame(dg.firstFrame)} not completed within ${this.limits.timeoutSeconds} s; dropped`,
          fileOffset: dg.fileOffset,
          frame: dg.firstFrame,
        });
        this.remove(dg);
      } else if (dg.firstSec < earliest) {
        earliest = dg.firstSec;
      }
    }
    this.earliestSec = earliest;
  }

  /** End of capture: whatever is still incomplete is reported. */
  finish(): void {
    for (const dg of this.datagrams.values()) {
      this.report({
        severity: 'warning',
        code: 'IP_FRAGMENT_INCOMPLETE',
        message: `fragmented datagram first seen in ${this.describeFrame(dg.firstFrame)} incomplete at the end of the capture`,
        fileOffset: dg.fileOffset,
        frame: dg.firstFrame,
      });
    }
    this.datagrams.clear();
    this.heldBytes = 0;
    this.earliestSec = Infinity;
  }

  private insert(dg: PartialDatagram, buf: Uint8Array, dataOff: number, off: number, len: number, id: number, ctx: FragmentContext): void {
    const pieces = dg.pieces;
    let cur = off;
    const end = off + len;
    let i = 0;
    while (i < pieces.length && pieces[i].offset + pieces[i].bytes.length <= off) i++;
    let mismatch = false;
    const added: FragmentPiece[] = [];
    for (; i < pieces.length && pieces[i].offset < end; i++) {
      const p = pieces[i];
      const pEnd = p.offset + p.bytes.length;
      if (cur < p.offset) added.push({ offset: cur, bytes: buf.slice(dataOff + (cur - off), dataOff + (p.offset - off)) });
      const ovStart = Math.max(cur, p.offset);
      const ovEnd = Math.min(end, pEnd);
      for (let k = ovStart; k < ovEnd && !mismatch; k++) {
        if (p.bytes[k - p.offset] !== buf[dataOff + (k - off)]) mismatch = true;
      }
      cur = Math.max(cur, pEnd);
    }
    if (cur < end) added.push({ offset: cur, bytes: buf.slice(dataOff + (cur - off), dataOff + len) });
    if (mismatch) {
      this.diag('warning', 'IP_FRAGMENT_OVERLAP', `overlapping fragments of datagram id ${id} disagree (bytes ${off}..${end}); the first copy is kept`, ctx);
    }
    for (const a of added) {
      dg.heldBytes += a.bytes.length;
      this.heldBytes += a.bytes.length;
      pieces.push(a);
    }
    if (added.length > 0) pieces.sort((x, y) => x.offset - y.offset);
  }

  private completeIfWhole(dg: PartialDatagram): Uint8Array | null {
    if (dg.totalLength < 0) return null;
    let cur = 0;
    for (const p of dg.pieces) {
      if (p.offset > cur) return null;
      cur = Math.max(cur, p.offset + p.bytes.length);
    }
    if (cur < dg.totalLength) return null;
    const out = new Uint8Array(dg.totalLength);
    for (const p of dg.pieces) {
      if (p.offset >= dg.totalLength) continue;
      const n = Math.min(p.bytes.length, dg.totalLength - p.offset);
      out.set(p.bytes.subarray(0, n), p.offset);
    }
    this.remove(dg);
    this.completedCount++;
    this.completed.delete(dg.key);
    this.completed.set(dg.key, { totalLength: dg.totalLength, sec: dg.lastSec });
    if (this.completed.size > MAX_REMEMBERED_COMPLETIONS) {
      const oldest = this.completed.keys().next();
      if (oldest.done !== true) this.completed.delete(oldest.value);
    }
    return out;
  }

  private dropOldest(why: string, ctx: FragmentContext): void {
    const first = this.datagrams.values().next();
    if (first.done === true) return;
    const dg = first.value;
    this.diag('warning', 'IP_FRAGMENT_LIMIT', `${why}: datagram first seen in ${this.describeFrame(dg.firstFrame)} dropped`, ctx);
    this.remove(dg);
  }

  private drop(key: string): void {
    const dg = this.datagrams.get(key);
    if (dg !== undefined) this.remove(dg);
  }

  private remove(dg: PartialDatagram): void {
    this.datagrams.delete(dg.key);
    this.heldBytes -= dg.heldBytes;
    if (this.datagrams.size === 0) this.earliestSec = Infinity;
  }

  private diag(severity: DiagnosticSeverity, code: CaptureDiagnosticCode, message: string, ctx: FragmentContext): void {
    this.report({ severity, code, message, fileOffset: ctx.fileOffset, frame: ctx.frame });
  }
}
