/**
 * pcapng files: a sequence of blocks `type(4) totalLength(4) body totalLength(4)`.
 *
 * - SHB (0x0A0D0D0A) starts a section; its byte-order magic gives the section's byte order
 *   and every SHB forgets the interfaces of the previous section.
 * - IDB (1) describes interface n (n = index within the section): link type, snap length,
 *   options `if_tsresol` (9; power of 10, or power of 2 when the MSB is set) and
 *   `if_tsoffset` (14; seconds added to every timestamp), `if_fcslen` (13).
 * - EPB (6), OPB (2, obsolete: 16-bit interface id + drop count) and SPB (3) carry packets.
 *   An SPB has no timestamp: its frame gets the timestamp of the previous frame of the file
 *   (0 if none) with `hasTimestamp = false`, and it belongs to interface 0.
 * - Every other block (NRB, ISB, DSB, custom, unknown) is skipped by its length.
 *
 * Damage (bad length, trailing copy disagreeing, bad byte-order magic, truncated block) is
 * reported and the parser resynchronises: it scans forward byte by byte for a known block
 * type whose leading and trailing lengths agree (and, for packet blocks, whose interface and
 * captured length make sense).
 */
import { readU16, readU32 } from './byte-order.js';
import { PCAPNG_BYTE_ORDER_MAGIC, PCAPNG_SHB_TYPE } from './capture-format.js';
import type { CaptureDiagnostic, CaptureDiagnosticCode, DiagnosticSeverity } from './diagnostics.js';
import { createRawFrame, type FrameSink, type RawFrame } from './raw-frame.js';
import type { CaptureReaderLimits, RecordParser } from './record-parser.js';
import { decodeTsresolByte, MICROSECOND_RESOLUTION, TickConverter, type TimestampResolution } from './timestamp-resolution.js';

export const PcapngBlockType = {
  SHB: PCAPNG_SHB_TYPE,
  IDB: 1,
  OPB: 2,
  SPB: 3,
  NRB: 4,
  ISB: 5,
  EPB: 6,
  DSB: 0x0a,
} as const;

/** Block types believed during resynchronisation. */
const KNOWN_BLOCK_TYPES: ReadonlySet<number> = new Set([
  PCAPNG_SHB_TYPE, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0x0a, 0x0bad, 0x40000bad, 0x80000001,
]);

const OPT_ENDOFOPT = 0;
const OPT_IF_TSRESOL = 9;
const OPT_IF_FCSLEN = 13;
const OPT_IF_TSOFFSET = 14;

/** What one IDB says, as the parser uses it. */
export interface PcapngInterface {
  readonly linkType: number;
  readonly snapLength: number;
  readonly resolution: TimestampResolution;
  readonly offsetSeconds: number;
  readonly fcsBytes: number;
  readonly converter: TickConverter;
}

export class PcapngParser implements RecordParser {
  needBytes = 12;
  frameCount = 0;
  sectionCount = 0;
  /** Interfaces of the current section. */
  interfaces: PcapngInterface[] = [];

  private le = true;
  private inSection = false;
  private resyncing = false;
  private resyncStartOffset = 0;
  private resyncCause: CaptureDiagnosticCode = 'CAPTURE_RESYNCHRONISED';
  private lastTsSec = 0;
  private lastTsNsec = 0;
  private readonly frame: RawFrame = createRawFrame();

  constructor(
    private readonly sink: FrameSink,
    private readonly limits: CaptureReaderLimits,
  ) {}

  parse(buf: Uint8Array, start: number, end: number, fileOffset: number, eof: boolean): number {
    let pos = start;
    while (pos < end) {
      if (this.resyncing) {
        const r = this.scanForBlock(buf, pos, end, eof);
        if (r < 0) return -r - 1 - start;
        if (r >= end) {
          if (this.resyncCause === 'PCAPNG_TRUNCATED_BLOCK') {
            this.resyncing = false;
            return end - start;
          }
          const skipped = fileOffset + (end - start) - this.resyncStartOffset;
          this.report('warning', 'CAPTURE_TRAILING_GARBAGE', `no valid pcapng block in the ${skipped} bytes from offset ${this.resyncStartOffset} to the end of the file`, this.resyncStartOffset);
          this.resyncing = false;
          return end - start;
        }
        const skipped = fileOffset + (r - start) - this.resyncStartOffset;
        this.report('info', 'CAPTURE_RESYNCHRONISED', `resynchronised: skipped ${skipped} bytes from offset ${this.resyncStartOffset}`, fileOffset + (r - start));
        this.resyncing = false;
        pos = r;
      }
      const avail = end - pos;
      const blockOffset = fileOffset + (pos - start);
      if (avail < 12) {
        if (!eof) {
          this.needBytes = 12;
          break;
        }
        this.report('warning', 'PCAPNG_TRUNCATED_BLOCK', `file ends inside a block header (${avail} bytes left)`, blockOffset);
        return end - start;
      }
      const typeBE = readU32(buf, pos, false);
      let le = this.le;
      if (typeBE === PCAPNG_SHB_TYPE) {
        if (readU32(buf, pos + 8, true) === PCAPNG_BYTE_ORDER_MAGIC) le = true;
        else if (readU32(buf, pos + 8, false) === PCAPNG_BYTE_ORDER_MAGIC) le = false;
        else {
          this.damage('PCAPNG_BAD_BYTE_ORDER_MAGIC', 'section header block with an unknown byte-order magic', blockOffset);
          this.inSection = false;
          this.interfaces = [];
          pos += 1;
          continue;
        }
      } else if (!this.inSection) {
        this.damage('PCAPNG_BLOCK_BEFORE_SECTION', 'block outside a section (no valid section header block before it)', blockOffset);
        pos += 1;
        continue;
      }
      const type = typeBE === PCAPNG_SHB_TYPE ? typeBE : readU32(buf, pos, le);
      const len = readU32(buf, pos + 4, le);
      if (len < 12 || (len & 3) !== 0) {
        this.damage('PCAPNG_BAD_BLOCK_LENGTH', `block length ${len} is ${len < 12 ? 'below 12' : 'not a multiple of 4'}`, blockOffset);
        pos += 1;
        continue;
      }
      if (len > this.limits.maxBlockLength) {
        if (isParsedBlockType(type)) {
          this.damage('PCAPNG_BLOCK_TOO_LARGE', `block of type ${type} claims ${len} bytes (limit ${this.limits.maxBlockLength})`, blockOffset);
          pos += 1;
          continue;
        }
        this.report('warning', 'PCAPNG_BLOCK_TOO_LARGE', `block of type ${type} (${len} bytes) skipped without checking its trailing length`, blockOffset);
        if (len <= avail) {
          pos += len;
          continue;
        }
        return pos - start + len; // ask the driver to skip it
      }
      if (len > avail) {
        if (!eof) {
          this.needBytes = len;
          break;
        }
        this.damage('PCAPNG_TRUNCATED_BLOCK', `block claims ${len} bytes but the file ends after ${avail}`, blockOffset, 'warning');
        pos += 1;
        continue;
      }
      const trailer = readU32(buf, pos + len - 4, le);
      if (trailer !== len) {
        this.damage('PCAPNG_BLOCK_LENGTH_MISMATCH', `block length ${len} but trailing copy says ${trailer}`, blockOffset);
        pos += 1;
        continue;
      }
      switch (type) {
        case PcapngBlockType.SHB:
          this.readSectionHeader(buf, pos, len, le, blockOffset);
          break;
        case PcapngBlockType.IDB:
          this.readInterface(buf, pos, len, blockOffset);
          break;
        case PcapngBlockType.EPB:
        case PcapngBlockType.OPB:
          this.readTimestampedPacket(buf, pos, len, type, blockOffset);
          break;
        case PcapngBlockType.SPB:
          this.readSimplePacket(buf, pos, len, blockOffset);
          break;
        default:
          break; // NRB, ISB, DSB, custom, unknown: skipped
      }
      pos += len;
    }
    return pos - start;
  }

  finish(fileOffset: number, unskippedBytes: number): void {
    if (unskippedBytes > 0) {
      this.report('warning', 'PCAPNG_TRUNCATED_BLOCK', `file ends ${unskippedBytes} bytes before the end of a skipped block`, fileOffset);
    }
  }

  private readSectionHeader(buf: Uint8Array, pos: number, len: number, le: boolean, blockOffset: number): void {
    this.le = le;
    this.inSection = true;
    this.interfaces = [];
    this.sectionCount++;
    if (len < 28) {
      this.report('warning', 'PCAPNG_BAD_BLOCK_LENGTH', `section header block of ${len} bytes (at least 28 expected)`, blockOffset);
      return;
    }
    const major = readU16(buf, pos + 12, le);
    const minor = readU16(buf, pos + 14, le);
    if (major !== 1) {
      this.report('warning', 'PCAPNG_UNSUPPORTED_VERSION', `pcapng version ${major}.${minor}, 1.x expected; reading as 1.0`, blockOffset);
    }
  }

  private readInterface(buf: Uint8Array, pos: number, len: number, blockOffset: number): void {
    const le = this.le;
    if (len < 20) {
      this.report('warning', 'PCAPNG_BAD_BLOCK_LENGTH', `interface description block of ${len} bytes (at least 20 expected)`, blockOffset);
      return;
    }
    const linkType = readU16(buf, pos + 8, le);
    const snapLength = readU32(buf, pos + 12, le);
    let resolution = MICROSECOND_RESOLUTION;
    let offsetSeconds = 0;
    let fcsBytes = 0;
    let p = pos + 16;
    const optEnd = pos + len - 4;
    while (p + 4 <= optEnd) {
      const code = readU16(buf, p, le);
      const olen = readU16(buf, p + 2, le);
      if (code === OPT_ENDOFOPT) break;
      if (p + 4 + olen > optEnd) {
        this.report('warning', 'PCAPNG_BAD_OPTION', `interface option ${code} of ${olen} bytes runs past the end of its block`, blockOffset);
        break;
      }
      const v = p + 4;
      if (code === OPT_IF_TSRESOL && olen >= 1) {
        resolution = decodeTsresolByte(buf[v]);
        if ((resolution.base === 10 && resolution.exponent > 19) || (resolution.base === 2 && resolution.exponent > 63)) {
          this.report('warning', 'PCAPNG_UNSUPPORTED_TIMESTAMP_RESOLUTION', `if_tsresol ${buf[v]} not supported; using microseconds`, blockOffset);
          resolution = MICROSECOND_RESOLUTION;
        }
      } else if (code === OPT_IF_TSOFFSET && olen >= 8) {
        const lo = readU32(buf, v, le);
        const hi = readU32(buf, v + 4, le);
        const hiWord = le ? hi : lo;
        const loWord = le ? lo : hi;
        offsetSeconds = (hiWord | 0) * 4294967296 + loWord; // signed 64-bit
      } else if (code === OPT_IF_FCSLEN && olen >= 1) {
        fcsBytes = buf[v];
      }
      p = v + ((olen + 3) & ~3);
    }
    this.interfaces.push({
      linkType,
      snapLength,
      resolution,
      offsetSeconds,
      fcsBytes,
      converter: new TickConverter(resolution, offsetSeconds),
    });
  }

  private readTimestampedPacket(buf: Uint8Array, pos: number, len: number, type: number, blockOffset: number): void {
    const le = this.le;
    const name = type === PcapngBlockType.EPB ? 'enhanced' : 'obsolete';
    if (len < 32) {
      this.report('warning', 'PCAPNG_BAD_BLOCK_LENGTH', `${name} packet block of ${len} bytes (at least 32 expected)`, blockOffset);
      return;
    }
    const interfaceId = type === PcapngBlockType.EPB ? readU32(buf, pos + 8, le) : readU16(buf, pos + 8, le);
    const caplen = readU32(buf, pos + 20, le);
    const origlen = readU32(buf, pos + 24, le);
    const iface = this.interfaces[interfaceId];
    if (iface === undefined) {
      this.report('error', 'PCAPNG_UNKNOWN_INTERFACE', `${name} packet block names interface ${interfaceId}; the section has ${this.interfaces.length}`, blockOffset);
      return;
    }
    if (caplen > this.limits.maxCaptureLength) {
      this.report('error', 'PCAPNG_CAPLEN_TOO_LARGE', `packet block claims ${caplen} captured bytes (limit ${this.limits.maxCaptureLength})`, blockOffset);
      return;
    }
    if (28 + caplen > len - 4) {
      this.report('error', 'PCAPNG_CAPLEN_EXCEEDS_BLOCK', `packet block claims ${caplen} captured bytes in a ${len}-byte block`, blockOffset);
      return;
    }
    const frame = this.frame;
    iface.converter.convert(readU32(buf, pos + 12, le), readU32(buf, pos + 16, le), frame);
    this.lastTsSec = frame.tsSec;
    this.lastTsNsec = frame.tsNsec;
    this.emit(buf, pos + 28, caplen, origlen < caplen ? caplen : origlen, interfaceId, iface.linkType, true, blockOffset, len);
  }

  private readSimplePacket(buf: Uint8Array, pos: number, len: number, blockOffset: number): void {
    if (len < 16) {
      this.report('warning', 'PCAPNG_BAD_BLOCK_LENGTH', `simple packet block of ${len} bytes (at least 16 expected)`, blockOffset);
      return;
    }
    const iface = this.interfaces[0];
    if (iface === undefined) {
      this.report('error', 'PCAPNG_UNKNOWN_INTERFACE', 'simple packet block in a section without interfaces', blockOffset);
      return;
    }
    const origlen = readU32(buf, pos + 8, this.le);
    let caplen = Math.min(origlen, len - 16);
    if (iface.snapLength > 0 && caplen > iface.snapLength) caplen = iface.snapLength;
    if (caplen > this.limits.maxCaptureLength) caplen = this.limits.maxCaptureLength;
    this.frame.tsSec = this.lastTsSec;
    this.frame.tsNsec = this.lastTsNsec;
    this.emit(buf, pos + 12, caplen, origlen < caplen ? caplen : origlen, 0, iface.linkType, false, blockOffset, len);
  }

  private emit(
    buf: Uint8Array,
    dataOffset: number,
    caplen: number,
    origlen: number,
    interfaceId: number,
    linkType: number,
    hasTimestamp: boolean,
    blockOffset: number,
    blockLength: number,
  ): void {
    const frame = this.frame;
    this.frameCount++;
    frame.frameNumber = this.frameCount;
    frame.hasTimestamp = hasTimestamp;
    frame.linkType = linkType;
    frame.buffer = buf;
    frame.dataOffset = dataOffset;
    frame.capturedLength = caplen;
    frame.originalLength = origlen;
    frame.interfaceId = interfaceId;
    frame.fileOffset = blockOffset;
    frame.recordLength = blockLength;
    this.sink.onFrame(frame);
  }

  private damage(code: CaptureDiagnosticCode, message: string, offset: number, severity: DiagnosticSeverity = 'error'): void {
    this.report(severity, code, message, offset);
    this.resyncing = true;
    this.resyncCause = code;
    this.resyncStartOffset = offset;
  }

  /** Whether a block that passed the framing checks at `c` makes sense as a resync target. */
  private isPlausibleBlock(buf: Uint8Array, c: number, type: number, len: number, le: boolean): boolean {
    switch (type) {
      case PcapngBlockType.SHB:
        return len >= 28;
      case PcapngBlockType.IDB:
        return len >= 20;
      case PcapngBlockType.EPB:
      case PcapngBlockType.OPB: {
        if (len < 32) return false;
        const ifid = type === PcapngBlockType.EPB ? readU32(buf, c + 8, le) : readU16(buf, c + 8, le);
        const caplen = readU32(buf, c + 20, le);
        // …and no more than a few KiB of options after the packet bytes.
        return ifid < this.interfaces.length && caplen <= len - 32 && len - 32 - caplen <= 4096;
      }
      case PcapngBlockType.SPB:
        return len >= 16 && this.interfaces.length > 0;
      default:
        return true;
    }
  }

  /**
   * Scans from `pos` for a plausible block. Returns its position; `end` when there is none and
   * the file ends; or `-(consumedTo + 1)` when more data is needed (needBytes set).
   */
  private scanForBlock(buf: Uint8Array, pos: number, end: number, eof: boolean): number {
    for (let c = pos; c + 12 <= end; c++) {
      const typeBE = readU32(buf, c, false);
      let le = this.le;
      let type: number;
      if (typeBE === PCAPNG_SHB_TYPE) {
        if (readU32(buf, c + 8, true) === PCAPNG_BYTE_ORDER_MAGIC) le = true;
        else if (readU32(buf, c + 8, false) === PCAPNG_BYTE_ORDER_MAGIC) le = false;
        else continue;
        type = typeBE;
      } else {
        if (!this.inSection) continue;
        type = readU32(buf, c, le);
        if (!KNOWN_BLOCK_TYPES.has(type)) continue;
      }
      const len = readU32(buf, c + 4, le);
      if (len < 12 || (len & 3) !== 0 || len > this.limits.maxBlockLength) continue;
      if (c + len > end) {
        if (eof) continue;
        this.needBytes = len;
        return -(c + 1);
      }
      if (readU32(buf, c + len - 4, le) !== len) continue;
      if (!this.isPlausibleBlock(buf, c, type, len, le)) continue;
      return c;
    }
    if (eof) return end;
    const keepFrom = Math.max(pos, end - 11);
    this.needBytes = 12;
    return -(keepFrom + 1);
  }

  private report(severity: DiagnosticSeverity, code: CaptureDiagnosticCode, message: string, fileOffset: number): void {
    const d: CaptureDiagnostic = { severity, code, message, fileOffset };
    this.sink.onDiagnostic(d);
  }
}

function isParsedBlockType(type: number): boolean {
  return type === PCAPNG_SHB_TYPE || type === 1 || type === 2 || type === 3 || type === 6;
}
