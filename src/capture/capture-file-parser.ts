/**
 * Recognises the format from the first bytes and hands the rest to the pcap or pcapng parser.
 * Also reports the whole-file conditions: empty file, unknown format, no packets.
 */
import { detectCaptureFormat, type CaptureFormatInfo } from './capture-format.js';
import type { CaptureDiagnosticCode, DiagnosticSeverity } from './diagnostics.js';
import { PcapParser } from './pcap-parser.js';
import { PcapngParser } from './pcapng-parser.js';
import type { FrameSink } from './raw-frame.js';
import type { CaptureReaderLimits, RecordParser } from './record-parser.js';

export class CaptureFileParser implements RecordParser {
  needBytes = 12;
  format: CaptureFormatInfo | null = null;
  private delegate: PcapParser | PcapngParser | null = null;
  private stopped = false;

  constructor(
    private readonly sink: FrameSink,
    private readonly limits: CaptureReaderLimits,
  ) {}

  /** Frames read so far. */
  get frameCount(): number {
    return this.delegate?.frameCount ?? 0;
  }

  /** The pcap or pcapng parser, once the format is known. */
  get formatParser(): PcapParser | PcapngParser | null {
    return this.delegate;
  }

  parse(buf: Uint8Array, start: number, end: number, fileOffset: number, eof: boolean): number {
    if (this.stopped) return end - start;
    if (this.delegate === null) {
      if (end - start < 12 && !eof) {
        this.needBytes = 12;
        return 0;
      }
      const info = detectCaptureFormat(buf.subarray(start, Math.min(end, start + 12)));
      this.format = info;
      if (info.format === 'pcap') {
        this.delegate = new PcapParser(info.littleEndian, info.timestampUnit, this.sink, this.limits, info.modified === true);
      } else if (info.format === 'pcapng') {
        this.delegate = new PcapngParser(this.sink, this.limits);
      } else {
        this.stopped = true;
        if (info.reason === 'empty') this.report('error', 'CAPTURE_EMPTY_FILE', 'the capture file is empty', 0);
        else if (info.reason === 'too-short') this.report('error', 'CAPTURE_UNKNOWN_FORMAT', `the file is only ${end - start} bytes long: not a capture file`, 0);
        else this.report('error', 'CAPTURE_UNKNOWN_FORMAT', 'not a pcap or pcapng file (unrecognised magic number)', 0);
        return end - start;
      }
    }
    const consumed = this.delegate.parse(buf, start, end, fileOffset, eof);
    this.needBytes = this.delegate.needBytes;
    return consumed;
  }

  finish(fileOffset: number, unskippedBytes: number): void {
    if (this.delegate === null) {
      if (!this.stopped) this.report('error', 'CAPTURE_EMPTY_FILE', 'the capture file is empty', 0);
      return;
    }
    this.delegate.finish(fileOffset, unskippedBytes);
    if (this.delegate.frameCount === 0) {
      this.report('warning', 'CAPTURE_NO_PACKETS', 'the capture file holds no packets', fileOffset);
    }
  }

  private report(severity: DiagnosticSeverity, code: CaptureDiagnosticCode, message: string, fileOffset: number): void {
    this.sink.onDiagnostic({ severity, code, message, fileOffset });
  }
}
