/**
 * CTI framing of one direction of a TCP connection: in-order stream bytes in, whole messages
 * out (pg-protocol style: messages are read by offset straight from the delivered bytes; only
 * the incomplete tail is copied into a small per-direction buffer).
 *
 * Every byte of the stream ends up in exactly one of: a message, an undecodable range, or a
 * gap (gaps are reported by the caller, which also tells the framer). Nothing is waited for
 * forever: a BodyLength beyond MAX_PLAUSIBLE_BODY is damage, and a search holds at most two
 * candidate messages (≤ 2 × 64 KiB) plus the bytes of one delivery.
 *
 * In sync (the previous message ended here, or the SYN was seen) a header is taken as the
 * next message when cti-header.ts's syncHeaderPlausible() says so; otherwise the bytes are
 * damage and the framer searches.
 *
 * Searching (after a gap, at a mid-stream start, after damage), a position is the next
 * message start when its header is strictly plausible (cti-header.ts), its body decodes
 * without an error or a warning (info is fine), and the message after it is strictly
 * plausible and decodes without an error — or, when the stream ends (or a gap follows),
 * when nothing whole follows it. Two clean messages in a row make a false start inside a
 * message body (a few small integers that look like a header: `00000004 00000006` is a
 * HEARTBEAT_CONF header, and so is a BodyLength 4 followed by a field of value 6) very
 * unlikely; the property test of test/pipeline/capture-resync.test.ts looks for such false
 * starts in thousands of lossy captures of real call flows. The bytes skipped are reported
 * as one undecodable range when the search ends.
 *
 * Each push carries a tag (the caller's frame): a message is reported with the tag of the
 * push that brought its last byte, even when it is recognised later.
 *
 * A search may hold a whole message for as long as the next one takes to come (a session that
 * sends one message and then nothing for minutes). decideHeld() makes it decide without waiting:
 * a candidate whose message is whole is judged alone, as at the end of the stream; one not whole
 * yet is given up when two clean messages in a row follow it in the bytes held (the search's
 * own evidence), else waits for its bytes. Either way no message ending in the bytes held then
 * is found afterwards (none is reported with the tag of a push older than that call, so the
 * caller may stop keeping their places): should the candidate that waits prove no message, a
 * whole message held after it that nothing confirmed then is part of the undecodable range.
 */
import type { ByteRange, DecodedMessage } from '../../protocol/codec/decode.js';
import { HEADER_LENGTH } from '../../protocol/codec/framing.js';
import { messageTypeName } from '../../protocol/messages/index.js';
import { hasErrors, hasWarnings, strictHeaderPlausible, syncHeaderPlausible } from './cti-header.js';

export interface FramerSink<T> {
  /**
   * One message, decoded; `bytes` (valid during the call only) are its header and body,
   * `streamOffset` the offset of its first byte, `tag` the tag of the push that completed it.
   * `captured`, for a message of which the stream holds only the first bytes (the rest cut by
   * a gap or the end of the capture): how many; `bytes` are then zero-filled past them and the
   * message was decoded with the rest missing.
   */
  message(decoded: DecodedMessage, bytes: Uint8Array, streamOffset: number, tag: T, captured?: number): void;
  /** A range of the stream that holds no message; `tag`: of the push that brought its last byte (or, when no longer held, the first held). */
  undecodable(streamOffset: number, length: number, reason: string, tag: T): void;
}

/** Decodes the bytes of one message (header included); `missing`: message-relative ranges not captured. */
export type MessageDecoder = (bytes: Uint8Array, missing?: readonly ByteRange[]) => DecodedMessage;

const EMPTY = new Uint8Array(0);
const MIN_BUFFER = 256;

function u32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) >>> 0) + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);
}

export class CtiStreamFramer<T> {
  /** Held bytes: buf[0, len) are the stream bytes from bufOffset. */
  private buf: Uint8Array = EMPTY;
  private len = 0;
  private bufOffset = 0;
  /** Tags of the pushes whose bytes are held: tagEnds[i] is the stream offset after push i. */
  private tagEnds: number[] = [];
  private tags: T[] = [];
  /** Searching for a message start (else: in sync, buf holds the start of one message). */
  private searchingFlag: boolean;
  /** Start of the current undecodable run while searching. */
  private runStart = 0;
  /** Why the current run began (for its diagnostic). */
  private runReason: string;
  /** Set by syncRun() when it stopped on an implausible header. */
  private damaged = false;
  /** Suspended: bytes are counted into the undecodable run, not examined. */
  private suspendedFlag = false;
  /**
   * While searching after a gap inside a message of known length: where that message ends,
   * so where the next one starts (the bytes up to it are the run); `syncName` names it.
   */
  private syncAt: number | undefined;
  private syncName = '';
  /**
   * decideHeld(): no message ending at or before this stream offset is found any more (its
   * bytes were held when the framer was made to decide, and were not found a message then).
   */
  private decidedTo = 0;
  /**
   * decideHeld()'s look-ahead (confirmedAfter), for its scan: from buffer position aheadFrom on,
   * the first candidate confirmed by the message after it is at aheadAt (-1: none).
   */
  private aheadFrom = Infinity;
  private aheadAt = -1;
  /** The tag of the push being processed. */
  private tag: T;
  /** Messages framed so far. */
  messages = 0;

  constructor(
    private readonly sink: FramerSink<T>,
    private readonly decode: MessageDecoder,
    /** True when offset 0 is known to be a message start (the SYN was seen). */
    startsInSync: boolean,
    initialTag: T,
  ) {
    this.searchingFlag = !startsInSync;
    this.runReason = 'the capture starts mid-stream: bytes before the first message header';
    this.tag = initialTag;
  }

  get searching(): boolean {
    return this.searchingFlag;
  }

  get suspended(): boolean {
    return this.suspendedFlag;
  }

  /** Stream offset of the next byte expected. */
  get nextOffset(): number {
    return this.bufOffset + this.len;
  }

  /** Bytes held (for tests and memory checks). */
  get heldBytes(): number {
    return this.len;
  }

  /** Stream offset of the first byte held (nextOffset when none is). */
  get heldFrom(): number {
    return this.bufOffset;
  }

  /**
   * Decide now on every message whose last byte is held, without waiting for more bytes (see
   * the file comment): a search's candidate that is whole is judged alone, as at the end of the
   * stream; one whose bytes are not all here yet is given up when two clean messages in a row
   * follow it, else waits on (it will end in a later push). Not from inside a sink callback.
   */
  decideHeld(): void {
    this.aheadFrom = Infinity;
    if (this.searchingFlag && !this.suspendedFlag && this.len > 0) this.scan(false, true);
    this.decidedTo = this.nextOffset;
  }

  /** The next in-order bytes of the stream, starting at `streamOffset` (= nextOffset). */
  push(bytes: Uint8Array, streamOffset: number, tag: T): void {
    this.tag = tag;
    if (streamOffset !== this.nextOffset) {
      // The capture layer tiles each direction without holes or overlaps; should a caller
      // skip bytes they are a gap, should it replay some they are ignored.
      const expected = this.nextOffset;
      if (streamOffset > expected) this.gap(expected, streamOffset - expected);
      else {
        if (streamOffset + bytes.length <= expected) return;
        bytes = bytes.subarray(expected - streamOffset);
        streamOffset = expected;
      }
    }
    if (bytes.length === 0) return;
    if (this.suspendedFlag) {
      this.bufOffset = streamOffset + bytes.length;
      return;
    }
    if (this.syncAt !== undefined) {
      // The rest of a message cut by a gap: skipped up to its end, where the next one starts.
      const skip = Math.min(bytes.length, this.syncAt - streamOffset);
      this.bufOffset = streamOffset + skip;
      if (this.bufOffset < this.syncAt) return;
      this.sink.undecodable(this.runStart, this.syncAt - this.runStart, this.runReason, this.tag);
      this.searchingFlag = false;
      this.syncAt = undefined;
      bytes = bytes.subarray(skip);
      streamOffset += skip;
      if (bytes.length === 0) return;
    }
    const n = bytes.length;
    if (this.searchingFlag) {
      this.append(bytes, 0, n);
      this.scan(false);
      return;
    }
    let pos = 0;
    if (this.len > 0) {
      pos = this.completeHeld(bytes);
      if (pos < 0) return; // still incomplete, or switched to searching (bytes consumed)
    }
    // Fast path: messages read in place.
    const end = this.syncRun(bytes, pos, n, streamOffset);
    if (this.damaged) {
      this.damaged = false;
      this.startRun(streamOffset + end, 'damaged stream: an implausible message header');
      this.bufOffset = streamOffset + end;
      this.append(bytes, end, n);
      this.scan(false);
    } else if (end < n) {
      this.bufOffset = streamOffset + end;
      this.append(bytes, end, n);
    } else {
      this.bufOffset = streamOffset + n;
    }
  }

  /**
   * Bytes [streamOffset, streamOffset + length) are missing. What is held is settled (an
   * incomplete message becomes an undecodable range). When the gap lies inside a message whose
   * header was read in sync — a segment cut by the snapshot length, a lost segment in the
   * middle of a long message — the next message starts where that one ends: the framer is in
   * sync there (after skipping the message's rest, if any came after the gap). Otherwise it
   * searches again.
   */
  gap(streamOffset: number, length: number): void {
    const gapEnd = streamOffset + length;
    let knownEnd: number | undefined;
    if (!this.suspendedFlag && this.syncAt !== undefined) knownEnd = this.syncAt;
    else if (!this.suspendedFlag && !this.searchingFlag && this.len >= HEADER_LENGTH) {
      const total = HEADER_LENGTH + u32(this.buf, 0);
      knownEnd = this.bufOffset + total;
      this.syncName = messageTypeName(u32(this.buf, 4));
    }
    this.settle(); // a held message start is decoded as far as it goes; its rest after the gap is skipped below
    this.bufOffset = gapEnd;
    this.len = 0;
    this.syncAt = undefined;
    if (knownEnd !== undefined && gapEnd === knownEnd) this.searchingFlag = false;
    else if (knownEnd !== undefined && gapEnd < knownEnd) {
      this.startRun(gapEnd, `the rest of an incomplete ${this.syncName}, after a gap inside it`);
      this.syncAt = knownEnd;
    } else this.startRun(gapEnd, 'bytes after a gap, before the next message header');
  }

  /** End of the stream: settles what is held. */
  end(): void {
    this.settle();
  }

  /** Stop examining bytes (they become part of an undecodable run until resume()). Not from inside a sink callback. */
  suspend(reason: string): void {
    if (this.suspendedFlag) return;
    this.syncAt = undefined;
    if (!this.searchingFlag) this.startRun(this.bufOffset, reason);
    this.bufOffset += this.len;
    this.len = 0;
    this.dropTags();
    this.suspendedFlag = true;
  }

  resume(): void {
    this.suspendedFlag = false;
  }

  // ------------------------------------------------------------------------------------------

  private startRun(offset: number, reason: string): void {
    this.searchingFlag = true;
    this.runStart = offset;
    this.runReason = reason;
  }

  /**
   * In sync, the start of a message is held whose rest will not come (a gap or the end
   * follows): it is decoded as far as it goes, the rest missing — as Wireshark dissects a
   * packet cut by the snapshot length. The held bytes are settled.
   */
  private emitPartial(): void {
    const total = HEADER_LENGTH + u32(this.buf, 0);
    const full = new Uint8Array(total);
    full.set(this.buf.subarray(0, this.len));
    const missing: ByteRange[] = [{ offset: this.len, length: total - this.len }];
    this.messages++;
    this.sink.message(this.decode(full, missing), full, this.bufOffset, this.tagAt(this.bufOffset + this.len), this.len);
    this.bufOffset += this.len;
    this.len = 0;
    this.dropTags();
  }

  /** Settles the held bytes as if the stream ended here. */
  private settle(): void {
    if (this.searchingFlag && !this.suspendedFlag && this.len > 0) this.scan(true);
    if (!this.searchingFlag && this.len >= HEADER_LENGTH) this.emitPartial();
    else if (!this.searchingFlag && this.len > 0) {
      this.sink.undecodable(this.bufOffset, this.len, `an incomplete message header (${this.len} of 8 bytes): the rest was not captured`, this.tagAt(this.bufOffset + this.len));
    } else if (this.searchingFlag) {
      const end = this.bufOffset + this.len;
      if (end > this.runStart) this.sink.undecodable(this.runStart, end - this.runStart, this.runReason, this.tagAt(end));
      this.runStart = end;
    }
    this.bufOffset += this.len;
    this.len = 0;
    this.dropTags();
  }

  /**
   * In sync with a partial message held: completes it from `bytes`. Returns the position in
   * `bytes` after it, or -1 when everything was consumed (still incomplete, or now searching).
   */
  private completeHeld(bytes: Uint8Array): number {
    const n = bytes.length;
    let pos = 0;
    if (this.len < HEADER_LENGTH) {
      const take = Math.min(HEADER_LENGTH - this.len, n);
      this.append(bytes, 0, take);
      pos = take;
      if (this.len < HEADER_LENGTH) return -1;
    }
    const bodyLength = u32(this.buf, 0);
    const typeId = u32(this.buf, 4);
    if (!syncHeaderPlausible(bodyLength, typeId)) {
      this.startRun(this.bufOffset, 'damaged stream: an implausible message header');
      this.append(bytes, pos, n);
      this.scan(false);
      return -1;
    }
    const total = HEADER_LENGTH + bodyLength;
    const take = Math.min(total - this.len, n - pos);
    this.append(bytes, pos, pos + take);
    pos += take;
    if (this.len < total) return -1;
    this.emit(this.buf.subarray(0, total), this.bufOffset, this.tag);
    this.bufOffset += total;
    this.len = 0;
    this.dropTags();
    return pos;
  }

  /**
   * Reads whole messages from b[from, to) (stream offset of b[0]: `base`). Returns where it
   * stopped: `to`, the start of an incomplete message, or (with `damaged` set) the position
   * of an implausible header. Messages read from the held buffer take the tag of the push
   * that brought their last byte.
   */
  private syncRun(b: Uint8Array, from: number, to: number, base: number): number {
    let pos = from;
    const held = b === this.buf;
    while (to - pos >= HEADER_LENGTH) {
      const bodyLength = ((b[pos]! << 24) >>> 0) + ((b[pos + 1]! << 16) | (b[pos + 2]! << 8) | b[pos + 3]!);
      const typeId = ((b[pos + 4]! << 24) >>> 0) + ((b[pos + 5]! << 16) | (b[pos + 6]! << 8) | b[pos + 7]!);
      if (!syncHeaderPlausible(bodyLength, typeId)) {
        this.damaged = true;
        return pos;
      }
      const total = HEADER_LENGTH + bodyLength;
      if (to - pos < total) return pos;
      this.emit(b.subarray(pos, pos + total), base + pos, held ? this.tagAt(base + pos + total) : this.tag);
      pos += total;
    }
    return pos;
  }

  private emit(bytes: Uint8Array, streamOffset: number, tag: T): void {
    this.messages++;
    this.sink.message(this.decode(bytes), bytes, streamOffset, tag);
  }

  /**
   * Searches buf for the next message start (see the file comment). `final`: no more bytes
   * will come (a gap or the end follows). `now`: whole candidates are judged alone, as when
   * final, but more bytes will come (decideHeld()).
   */
  private scan(final: boolean, now = false): void {
    const b = this.buf;
    let p = 0;
    while (this.searchingFlag) {
      let found: DecodedMessage | null = null;
      let total = 0;
      while (this.len - p >= HEADER_LENGTH) {
        const bodyLength = u32(b, p);
        const typeId = u32(b, p + 4);
        if (!strictHeaderPlausible(bodyLength, typeId)) {
          p++;
          continue;
        }
        total = HEADER_LENGTH + bodyLength;
        const verdict = this.candidate(p, total, final, now);
        if (verdict === WAIT) break;
        if (verdict === null) {
          p++;
          continue;
        }
        found = verdict;
        break;
      }
      if (found === null) break;
      const at = this.bufOffset + p;
      if (at > this.runStart) this.sink.undecodable(this.runStart, at - this.runStart, this.runReason, this.tagAt(at));
      this.searchingFlag = false;
      this.messages++;
      this.sink.message(found, b.subarray(p, p + total), at, this.tagAt(at + total));
      p += total;
      // In sync again: read on from p.
      p = this.syncRun(b, p, this.len, this.bufOffset);
      if (this.damaged) {
        this.damaged = false;
        this.startRun(this.bufOffset + p, 'damaged stream: an implausible message header');
      }
    }
    // Drop what is settled: while searching every position before p was rejected; in sync,
    // p is the start of an incomplete message.
    if (p > 0) {
      b.copyWithin(0, p, this.len);
      this.len -= p;
      this.bufOffset += p;
      this.dropTags();
    }
  }

  /**
   * The candidate message at p (strictly plausible header): accepted (decoded), rejected (null),
   * or WAIT for more bytes. `now`: judged alone rather than waiting for the message after it.
   */
  private candidate(p: number, total: number, final: boolean, now: boolean): DecodedMessage | null | typeof WAIT {
    const b = this.buf;
    if (this.bufOffset + p + total <= this.decidedTo) return null; // held when made to decide, and not found a message then
    const after = this.len - p - total;
    if (after < 0) return final || (now && this.confirmedAfter(p)) ? null : WAIT;
    if (after < HEADER_LENGTH) {
      // Nothing (or not a whole header) follows yet: wait, unless the stream ends here —
      // then the candidate is judged alone (what follows it was cut by the gap or the end).
      if (!final && !now) return WAIT;
    } else {
      const nextLength = u32(b, p + total);
      if (!strictHeaderPlausible(nextLength, u32(b, p + total + 4))) return null;
      const nextTotal = HEADER_LENGTH + nextLength;
      if (after < nextTotal) {
        if (!final && !now) return WAIT;
      } else if (hasErrors(this.decode(b.subarray(p + total, p + total + nextTotal)))) return null;
    }
    const decoded = this.decode(b.subarray(p, p + total));
    return hasWarnings(decoded) ? null : decoded;
  }

  /**
   * decideHeld(): whether a candidate confirmed by the message after it (whole and clean, as a
   * search asks) starts after buffer position p — then the candidate at p, not whole, is not
   * waited for: the messages after it are decided now, in their places.
   */
  private confirmedAfter(p: number): boolean {
    if (this.aheadFrom <= p + 1 && (this.aheadAt < 0 || this.aheadAt > p)) return this.aheadAt >= 0;
    const b = this.buf;
    this.aheadFrom = p + 1;
    this.aheadAt = -1;
    for (let q = p + 1; this.len - q >= HEADER_LENGTH; q++) {
      const bodyLength = u32(b, q);
      if (!strictHeaderPlausible(bodyLength, u32(b, q + 4)) || q + HEADER_LENGTH + bodyLength > this.len) continue;
      const verdict = this.candidate(q, HEADER_LENGTH + bodyLength, false, false);
      if (verdict !== null && verdict !== WAIT) {
        this.aheadAt = q;
        return true;
      }
    }
    return false;
  }

  /** The tag of the push that brought the byte before stream offset `end`. */
  private tagAt(end: number): T {
    const ends = this.tagEnds;
    for (let i = 0; i < ends.length; i++) if (ends[i]! >= end) return this.tags[i]!;
    return this.tag;
  }

  /** Forgets the tags of pushes whose bytes are all settled. */
  private dropTags(): void {
    const ends = this.tagEnds;
    let k = 0;
    while (k < ends.length && ends[k]! <= this.bufOffset) k++;
    if (k === 0) return;
    if (k === ends.length) {
      this.tagEnds = [];
      this.tags = [];
    } else {
      this.tagEnds = ends.slice(k);
      this.tags = this.tags.slice(k);
    }
  }

  private append(src: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (n <= 0) return;
    const need = this.len + n;
    if (need > this.buf.length) {
      let size = Math.max(MIN_BUFFER, this.buf.length);
      while (size < need) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.buf.subarray(0, this.len));
      this.buf = grown;
    }
    this.buf.set(src.subarray(from, to), this.len);
    this.len = need;
    const end = this.bufOffset + need;
    const last = this.tagEnds.length - 1;
    if (last >= 0 && this.tags[last] === this.tag) this.tagEnds[last] = end;
    else {
      this.tagEnds.push(end);
      this.tags.push(this.tag);
    }
  }
}

/** A candidate needs more bytes before it can be judged. */
const WAIT = Symbol('wait');
