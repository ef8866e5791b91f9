/**
 * Capture bytes → TCP stream events, in one synchronous push pipeline:
 * {@link CaptureFileReader} → {@link PacketDecoder} → {@link TcpReassembler}.
 *
 *   const pipeline = new CaptureTcpPipeline((event) => { … });
 *   for await (const chunk of readFileChunks('trace.pcapng')) pipeline.push(chunk);
 *   pipeline.end();
 *
 * The files of one capture written one after the other (a ring buffer) go through one
 * pipeline: `pipeline.nextFile()` between them keeps the TCP connections open across.
 *
 * or, as an async iterable: `for await (const event of readCaptureEvents(readFileChunks(path)))`.
 * Diagnostics of every layer come in the same stream as `{ kind: 'diagnostic' }` events.
 */
import { CaptureFileReader, type CaptureReaderOptions } from './capture-file-reader.js';
import type { CaptureFormatInfo } from './capture-format.js';
import type { CaptureDiagnostic } from './diagnostics.js';
import { PacketDecoder, type PacketDecodeStats, type PacketDecoderOptions } from './packet-decoder.js';
import type { RawFrame } from './raw-frame.js';
import type { CaptureEvent, CaptureEventSink, TcpConnectionInfo } from './tcp-events.js';
import { TcpReassembler, type TcpReassemblyOptions, type TcpReassemblyStats } from './tcp-reassembler.js';
import { RFC3339_FIRST_SECOND, RFC3339_LAST_SECOND } from '../timeline/instant.js';

export interface CapturePipelineOptions {
  readonly reader?: CaptureReaderOptions;
  readonly ipFragments?: PacketDecoderOptions;
  readonly tcp?: Partial<TcpReassemblyOptions>;
}

export interface CapturePipelineStats {
  readonly format: CaptureFormatInfo | null;
  readonly fileBytes: number;
  readonly frames: number;
  readonly decode: PacketDecodeStats;
  readonly tcp: TcpReassemblyStats;
  /** Diagnostics by severity. */
  readonly errors: number;
  readonly warnings: number;
}

export class CaptureTcpPipeline {
  private reader: CaptureFileReader;
  private readonly decoder: PacketDecoder;
  private readonly reassembler: TcpReassembler;
  private readonly readerOptions: CaptureReaderOptions | undefined;
  /** Index of the file being read (0: the first). */
  private file = 0;
  /** Frames of the files before this one: the frames the decoder and reassembler see count on from there. */
  private frameBase = 0;
  private fileEnded = false;
  private lastFrame = 0;
  private lastTsSec = 0;
  private lastTsNsec = 0;
  private errors = 0;
  private warnings = 0;
  /** Frames of this file whose timestamp no RFC 3339 date-time can write, and the first of them. */
  private outOfRange = 0;
  private firstOutOfRange = 0;

  constructor(
    private readonly emit: CaptureEventSink,
    options: CapturePipelineOptions = {},
  ) {
    this.readerOptions = options.reader;
    this.reassembler = new TcpReassembler((event) => this.forward(event), options.tcp);
    this.decoder = new PacketDecoder((segment) => this.reassembler.pushSegment(segment), (d) => this.diagnostic(d), options.ipFragments);
    this.reader = this.openReader();
  }

  /** A reader for the next file: its frames and diagnostics are its own, its packets go on into the shared decoder. */
  private openReader(): CaptureFileReader {
    const file = this.file;
    return new CaptureFileReader(
      {
        onFrame: (frame: RawFrame) => {
          if (frame.tsSec < RFC3339_FIRST_SECOND || frame.tsSec > RFC3339_LAST_SECOND) this.timestampOutOfRange(frame);
          // From here on the frame is numbered across the files (the reader sets the number anew for each frame).
          frame.frameNumber += this.frameBase;
          this.lastFrame = frame.frameNumber;
          this.lastTsSec = frame.tsSec;
          this.lastTsNsec = frame.tsNsec;
          this.decoder.decodeFrame(frame);
        },
        onDiagnostic: (diagnostic) => this.diagnostic(diagnostic, file),
      },
      this.readerOptions,
    );
  }

  push(chunk: Uint8Array): void {
    this.reader.push(chunk);
  }

  /**
   * A timestamp outside the years 0000–9999 (a damaged timestamp, if_tsresol or if_tsoffset):
   * said once per file, for the first such frame, and counted; JSON outputs leave `ts` out for them.
   */
  private timestampOutOfRange(frame: RawFrame): void {
    if (this.outOfRange++ > 0) return;
    this.firstOutOfRange = frame.frameNumber;
    const year = Math.floor(frame.tsSec / 31_556_952) + 1970;
    this.diagnostic(
      {
        severity: 'warning',
        code: 'CAPTURE_TIMESTAMP_OUT_OF_RANGE',
        message: `timestamp in the year ${year} or so — outside 0000–9999, which no RFC 3339 date-time can write (a damaged timestamp, if_tsresol or if_tsoffset?); JSON leaves its ts out`,
        fileOffset: frame.fileOffset,
        frame: frame.frameNumber,
      },
      this.file,
    );
  }

  /** The consumer has no further use for this connection's bytes: see {@link TcpReassembler.ignore}. */
  ignore(conn: TcpConnectionInfo): void {
    this.reassembler.ignore(conn);
  }

  /** The end of the file being read: its truncation diagnostics (the TCP connections stay open). */
  endFile(): void {
    if (this.fileEnded) return;
    this.fileEnded = true;
    this.reader.end();
    if (this.outOfRange > 1) {
      this.diagnostic(
        {
          severity: 'warning',
          code: 'CAPTURE_TIMESTAMP_OUT_OF_RANGE',
          message: `${this.outOfRange} frames (the first: frame ${this.firstOutOfRange}) have timestamps outside the years 0000–9999; JSON leaves their ts out`,
          fileOffset: this.reader.bytesConsumed,
        },
        this.file,
      );
    }
  }

  /**
   * The next file of the same capture (the files of a ring buffer): the file being read ends
   * (as {@link endFile}), a new one starts with its own header, frame numbers and offsets,
   * while IP fragments and TCP connections carry on. Returns the number of frames before it.
   */
  nextFile(): number {
    this.endFile();
    this.frameBase += this.reader.frameCount;
    this.file++;
    this.fileEnded = false;
    this.outOfRange = 0;
    this.firstOutOfRange = 0;
    this.reader = this.openReader();
    return this.frameBase;
  }

  /** The end of the capture (after its last file): truncation diagnostics, incomplete fragments, gaps and closes. */
  end(): void {
    for (const _ of this.endSteps());
  }

  /** {@link end} in steps, a TCP connection closed per step (see TcpReassembler.finishSteps). */
  *endSteps(): Generator<void> {
    this.endFile();
    this.decoder.finish();
    yield* this.reassembler.finishSteps(this.lastFrame, { sec: this.lastTsSec, nsec: this.lastTsNsec });
  }

  /** The file being read (format, bytes, frames); decoding and reassembly since the first file. */
  get stats(): CapturePipelineStats {
    return {
      format: this.reader.format,
      fileBytes: this.reader.bytesConsumed,
      frames: this.reader.frameCount,
      decode: { ...this.decoder.stats },
      tcp: { ...this.reassembler.stats },
      errors: this.errors,
      warnings: this.warnings,
    };
  }

  private diagnostic(diagnostic: CaptureDiagnostic, file?: number): void {
    if (diagnostic.severity === 'error') this.errors++;
    else if (diagnostic.severity === 'warning') this.warnings++;
    this.emit(file !== undefined ? { kind: 'diagnostic', diagnostic, file } : { kind: 'diagnostic', diagnostic });
  }

  private forward(event: CaptureEvent): void {
    if (event.kind === 'diagnostic') this.diagnostic(event.diagnostic);
    else this.emit(event);
  }
}

/** The events of a capture as an async iterable (events are queued per read chunk). */
export async function* readCaptureEvents(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: CapturePipelineOptions = {},
): AsyncGenerator<CaptureEvent> {
  let queue: CaptureEvent[] = [];
  const pipeline = new CaptureTcpPipeline((event) => queue.push(event), options);
  for await (const chunk of source) {
    pipeline.push(chunk);
    if (queue.length > 0) {
      const events = queue;
      queue = [];
      yield* events;
    }
  }
  pipeline.end();
  yield* queue;
}

/** Runs a whole source through the pipeline synchronously per chunk; returns the statistics. */
export async function analyzeCapture(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  emit: CaptureEventSink,
  options: CapturePipelineOptions = {},
): Promise<CapturePipelineStats> {
  const pipeline = new CaptureTcpPipeline(emit, options);
  for await (const chunk of source) pipeline.push(chunk);
  pipeline.end();
  return pipeline.stats;
}
