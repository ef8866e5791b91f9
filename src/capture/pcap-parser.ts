/**
 * Classic pcap (libpcap) files: 24-byte file header, then 16-byte record headers each
 * followed by the captured bytes. Both byte orders; microsecond and nanosecond variants.
 *
 * Old variants with longer record headers (what Wireshark reads; editcap writes them with
 * `-F rh6_1pcap`, `nokiapcap`, `modpcap`, `suse6_3pcap`): the standard magic with 24-byte
 * (Red Hat 6.1 tcpdump, "ss990417") or 20-byte (Nokia IPSO) record headers, and the modified
 * magic 0xa1b2cd34 with 24-byte ("ss991029", Kuznetsov's modified pcap) or 28-byte ("ss990915",
 * SuSE 6.3) ones. As Wireshark does, the variant is told from the first two records: the first
 * record header length under which both are plausible (or the first ends the file), in the
 * order just given; the extra bytes (interface index, protocol, packet type…) are skipped.
 *
 * Damage handling: a record header that cannot be right (captured length above the absolute
 * maximum, or above the snap length without a plausible record after it, or running past the
 * end of the file) is reported and the parser resynchronises: it scans forward byte by byte
 * for a plausible record header (sane lengths, caplen ≤ snaplen, origlen ≥ caplen, sub-second
 * field in range, timestamp within a day of the last good one) that is itself followed by a
 * plausible header or by the end of the file.
 */
import { readU32 } from './byte-order.js';
import type { CaptureDiagnostic, CaptureDiagnosticCode, DiagnosticSeverity } from './diagnostics.js';
import { pcapFcsBytesFromHeaderField, pcapLinkTypeFromHeaderField } from './link-types.js';
import { createRawFrame, type FrameSink, type RawFrame } from './raw-frame.js';
import type { CaptureReaderLimits, RecordParser } from './record-parser.js';

const FILE_HEADER_LENGTH = 24;
/**
 * Record header lengths to try, in order: standard magic (16 first, the standard record
 * header), then modified magic. The variants' longer headers start with the same 16 bytes.
 */
const STANDARD_MAGIC_HEADER_LENGTHS: readonly number[] = [16, 24, 20];
const MODIFIED_MAGIC_HEADER_LENGTHS: readonly number[] = [24, 28];
/** Largest original length believed during resynchronisation. */
const MAX_PLAUSIBLE_ORIGINAL_LENGTH = 1 << 24;
/** "Near the previous timestamp" during resynchronisation. */
const MAX_PLAUSIBLE_TIME_JUMP_SECONDS = 86400;

/** What the pcap file header says. */
export interface PcapFileHeader {
  readonly littleEndian: boolean;
  readonly timestampUnit: 'us' | 'ns';
  readonly versionMajor: number;
  readonly versionMinor: number;
  readonly snapLength: number;
  readonly linkType: number;
  /** FCS bytes at the end of each packet, from the FCS bits of the link-type field. */
  readonly fcsBytes: number;
  /** 16, or the longer record header of an old variant (see the module comment). */
  readonly recordHeaderLength: number;
}

export class PcapParser implements RecordParser {
  needBytes = FILE_HEADER_LENGTH;
  header: PcapFileHeader | null = null;
  frameCount = 0;

  private littleEndian: boolean;
  private fracLimit: number;
  private fracToNsec: number;
  /** Largest caplen believed: min(snaplen, limit) when snaplen is set. */
  private plausibleCaplen: number;
  private lastTsSec = -1;
  /** Record header length: decided from the first records, after the file header. */
  private recordHeaderLength: number;
  private readonly headerLengths: readonly number[];
  private resyncing = false;
  private resyncStartOffset = 0;
  private resyncCause: CaptureDiagnosticCode = 'CAPTURE_RESYNCHRONISED';
  private readonly frame: RawFrame = createRawFrame();

  constructor(
    littleEndian: boolean,
    timestampUnit: 'us' | 'ns',
    private readonly sink: FrameSink,
    private readonly limits: CaptureReaderLimits,
    /** The modified magic 0xa1b2cd34: 24- or 28-byte record headers. */
    modified = false,
  ) {
    this.headerLengths = modified ? MODIFIED_MAGIC_HEADER_LENGTHS : STANDARD_MAGIC_HEADER_LENGTHS;
    this.recordHeaderLength = this.headerLengths[0];
    this.littleEndian = littleEndian;
    this.fracLimit = timestampUnit === 'ns' ? 1e9 : 1e6;
    this.fracToNsec = timestampUnit === 'ns' ? 1 : 1000;
    this.plausibleCaplen = limits.maxCaptureLength;
  }

  parse(buf: Uint8Array, start: number, end: number, fileOffset: number, eof: boolean): number {
    let pos = start;
    const le = this.littleEndian;
    if (this.header === null) {
      if (end - pos < FILE_HEADER_LENGTH) {
        if (!eof) {
          this.needBytes = FILE_HEADER_LENGTH;
          return 0;
        }
        this.report('error', 'CAPTURE_TRUNCATED_FILE_HEADER', `pcap file header is ${end - pos} bytes, 24 expected`, fileOffset);
        this.header = this.makeHeader(0, 0, 0, 0); // nothing more to read
        return end - start;
      }
      const major = buf[pos + 4] | (buf[pos + 5] << 8);
      const versionMajor = le ? major : ((major & 0xff) << 8) | (major >> 8);
      const minor = buf[pos + 6] | (buf[pos + 7] << 8);
      const versionMinor = le ? minor : ((minor & 0xff) << 8) | (minor >> 8);
      const snapLength = readU32(buf, pos + 16, le);
      const linkField = readU32(buf, pos + 20, le);
      if (snapLength > 0 && snapLength < this.limits.maxCaptureLength) this.plausibleCaplen = snapLength;
      const headerLength = this.recordHeaderLengthOf(buf, pos + FILE_HEADER_LENGTH, end, eof);
      if (headerLength < 0) {
        this.needBytes = -headerLength;
        return 0;
      }
      this.recordHeaderLength = headerLength;
      this.header = this.makeHeader(versionMajor, versionMinor, snapLength, linkField);
      if (versionMajor !== 2) {
        this.report('warning', 'PCAP_UNSUPPORTED_VERSION', `pcap version ${versionMajor}.${versionMinor}, 2.4 expected; reading as 2.4`, fileOffset);
      }
      this.frame.linkType = this.header.linkType;
      pos += FILE_HEADER_LENGTH;
    }
    const snap = this.header.snapLength;
    const hl = this.recordHeaderLength;
    const maxCaplen = this.limits.maxCaptureLength;
    const frame = this.frame;
    while (pos < end) {
      if (this.resyncing) {
        const r = this.scanForRecord(buf, pos, end, eof);
        if (r < 0) {
          // Need more data; consumed what cannot hold a record start.
          const consumedTo = -r - 1;
          return consumedTo - start;
        }
        if (r >= end) {
          if (this.resyncCause !== 'PCAP_TRUNCATED_RECORD') {
            const skipped = fileOffset + (end - start) - this.resyncStartOffset;
            this.report('warning', 'CAPTURE_TRAILING_GARBAGE', `no valid pcap record in the ${skipped} bytes from offset ${this.resyncStartOffset} to the end of the file`, this.resyncStartOffset);
          }
          this.resyncing = false;
          return end - start;
        }
        const skipped = fileOffset + (r - start) - this.resyncStartOffset;
        this.report('info', 'CAPTURE_RESYNCHRONISED', `resynchronised: skipped ${skipped} bytes from offset ${this.resyncStartOffset}`, fileOffset + (r - start));
        this.resyncing = false;
        pos = r;
      }
      const avail = end - pos;
      if (avail < hl) {
        if (!eof) {
          this.needBytes = hl;
          break;
        }
        this.report('warning', 'PCAP_TRUNCATED_RECORD_HEADER', `file ends inside a record header (${avail} of ${hl} bytes)`, fileOffset + (pos - start));
        return end - start;
      }
      const tsSec = readU32(buf, pos, le);
      const tsFrac = readU32(buf, pos + 4, le);
      const caplen = readU32(buf, pos + 8, le);
      const origlen = readU32(buf, pos + 12, le);
      const recordOffset = fileOffset + (pos - start);
      if (caplen > maxCaplen) {
        this.damage('PCAP_CAPLEN_TOO_LARGE', `record claims ${caplen} captured bytes (limit ${maxCaplen})`, recordOffset);
        pos += 1;
        continue;
      }
      const recordEnd = pos + hl + caplen;
      if (recordEnd > end) {
        if (!eof) {
          this.needBytes = hl + caplen;
          break;
        }
        this.damage('PCAP_TRUNCATED_RECORD', `record claims ${caplen} captured bytes but the file ends after ${avail - hl}`, recordOffset, 'warning');
        pos += 1;
        continue;
      }
      if (snap > 0 && caplen > snap) {
        // Believe it only if a plausible record (or the end of the file) follows.
        let followedWell = true; // at the end of the file
        if (recordEnd + hl <= end) {
          followedWell = this.isPlausibleHeader(buf, recordEnd, tsSec, maxCaplen);
        } else if (!eof) {
          this.needBytes = hl + caplen + hl;
          break;
        }
        if (!followedWell) {
          this.damage('PCAP_CAPLEN_EXCEEDS_SNAPLEN', `record claims ${caplen} captured bytes, above the snap length ${snap}`, recordOffset);
          pos += 1;
          continue;
        }
        this.report('warning', 'PCAP_CAPLEN_EXCEEDS_SNAPLEN', `record has ${caplen} captured bytes, above the snap length ${snap}`, recordOffset, this.frameCount + 1);
      }
      if (origlen < caplen) {
        this.report('warning', 'PCAP_ORIGLEN_LESS_THAN_CAPLEN', `original length ${origlen} is less than captured length ${caplen}`, recordOffset, this.frameCount + 1);
      }
      this.frameCount++;
      frame.frameNumber = this.frameCount;
      if (tsFrac < this.fracLimit) {
        frame.tsSec = tsSec;
        frame.tsNsec = tsFrac * this.fracToNsec;
      } else {
        const carry = Math.floor(tsFrac / this.fracLimit);
        frame.tsSec = tsSec + carry;
        frame.tsNsec = (tsFrac - carry * this.fracLimit) * this.fracToNsec;
      }
      this.lastTsSec = tsSec;
      frame.buffer = buf;
      frame.dataOffset = pos + hl;
      frame.capturedLength = caplen;
      frame.originalLength = origlen < caplen ? caplen : origlen;
      frame.fileOffset = recordOffset;
      frame.recordLength = hl + caplen;
      this.sink.onFrame(frame);
      pos = recordEnd;
    }
    return pos - start;
  }

  finish(fileOffset: number, unskippedBytes: number): void {
    void fileOffset;
    void unskippedBytes;
  }

  private makeHeader(versionMajor: number, versionMinor: number, snapLength: number, linkField: number): PcapFileHeader {
    return {
      littleEndian: this.littleEndian,
      timestampUnit: this.fracLimit === 1e9 ? 'ns' : 'us',
      versionMajor,
      versionMinor,
      snapLength,
      linkType: pcapLinkTypeFromHeaderField(linkField),
      fcsBytes: pcapFcsBytesFromHeaderField(linkField),
      recordHeaderLength: this.recordHeaderLength,
    };
  }

  /** Reports damage at `offset` and starts resynchronising from the next byte. */
  private damage(code: CaptureDiagnosticCode, message: string, offset: number, severity: DiagnosticSeverity = 'error'): void {
    this.report(severity, code, message, offset);
    this.resyncing = true;
    this.resyncCause = code;
    this.resyncStartOffset = offset;
  }

  /**
   * Strict plausibility of a record header at `p` (its first 16 bytes must be in `buf`),
   * `refSec` the timestamp it should be near (-1: none known), `caplenLimit` by default the
   * snap length.
   */
  private isPlausibleHeader(buf: Uint8Array, p: number, refSec: number, caplenLimit: number = this.plausibleCaplen): boolean {
    const le = this.littleEndian;
    const caplen = readU32(buf, p + 8, le);
    if (caplen === 0 || caplen > caplenLimit) return false;
    const origlen = readU32(buf, p + 12, le);
    if (origlen < caplen || origlen > MAX_PLAUSIBLE_ORIGINAL_LENGTH) return false;
    if (readU32(buf, p + 4, le) >= this.fracLimit) return false;
    if (refSec >= 0 && Math.abs(readU32(buf, p, le) - refSec) > MAX_PLAUSIBLE_TIME_JUMP_SECONDS) return false;
    return true;
  }

  /**
   * Scans from `pos + 1`… (the first byte was the damaged header) for a plausible record.
   * Returns its position; `end` when there is none and the file ends; or `-(consumedTo + 1)`
   * when more data is needed (having set needBytes relative to consumedTo).
   */
  private scanForRecord(buf: Uint8Array, pos: number, end: number, eof: boolean): number {
    const le = this.littleEndian;
    const hl = this.recordHeaderLength;
    for (let c = pos; c + hl <= end; c++) {
      if (!this.isPlausibleHeader(buf, c, this.lastTsSec)) continue;
      const caplen = readU32(buf, c + 8, le);
      const recEnd = c + hl + caplen;
      if (recEnd > end) {
        if (eof) continue;
        this.needBytes = hl + caplen + hl;
        return -(c + 1);
      }
      if (recEnd + hl <= end) {
        if (this.isPlausibleHeader(buf, recEnd, readU32(buf, c, le))) return c;
        continue;
      }
      if (eof) {
        if (recEnd === end) return c; // the record ends exactly at the end of the file
        continue;
      }
      this.needBytes = hl + caplen + hl;
      return -(c + 1);
    }
    if (eof) return end;
    const keepFrom = Math.max(pos, end - (hl - 1));
    this.needBytes = hl;
    return -(keepFrom + 1);
  }

  /**
   * The record header length of this file, from its first records at `p` (right after the file
   * header): the first candidate under which the first record header is plausible and is
   * followed by another plausible one or by the end of the file; the first candidate when none
   * is (an empty or damaged start is then reported as usual). Returns `-needBytes` (counted
   * from the file header) when more bytes are needed to tell.
   */
  private recordHeaderLengthOf(buf: Uint8Array, p: number, end: number, eof: boolean): number {
    const candidates = this.headerLengths;
    if (candidates.length === 1) return candidates[0];
    const le = this.littleEndian;
    for (const hl of candidates) {
      if (p + hl > end) {
        if (eof) continue;
        return -(FILE_HEADER_LENGTH + hl);
      }
      if (!this.isPlausibleHeader(buf, p, -1)) continue;
      const next = p + hl + readU32(buf, p + 8, le);
      if (next === end && eof) return hl;
      if (next + hl > end) {
        if (eof) continue;
        return -(next + hl - p + FILE_HEADER_LENGTH);
      }
      if (this.isPlausibleHeader(buf, next, readU32(buf, p, le))) return hl;
    }
    return candidates[0];
  }

  private report(severity: DiagnosticSeverity, code: CaptureDiagnosticCode, message: string, fileOffset: number, frame?: number): void {
    const d: CaptureDiagnostic = frame === undefined ? { severity, code, message, fileOffset } : { severity, code, message, fileOffset, frame };
    this.sink.onDiagnostic(d);
  }
}
