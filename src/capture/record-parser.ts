/**
 * The contract between a file-format parser and {@link ChunkedParseDriver}, which feeds it
 * windows of bytes from a stream of chunks while keeping only a remainder buffer.
 */

export interface RecordParser {
  /**
   * Parses whole records from `buf[start, end)`; `fileOffset` is the file offset of
   * `buf[start]`. Returns how many bytes it consumed. A return value larger than
   * `end - start` asks the driver to discard that many bytes in total (skipping a block that
   * is larger than what is buffered). When it stops before `end` it sets {@link needBytes}:
   * how many bytes, counted from where it stopped, it needs to go on (always more than it had).
   * With `eof` true no more bytes will come: it must then consume everything given.
   */
  parse(buf: Uint8Array, start: number, end: number, fileOffset: number, eof: boolean): number;
  /** See {@link parse}. */
  readonly needBytes: number;
  /**
   * Called once after the last {@link parse}. `unskippedBytes` > 0 when a requested skip ran
   * past the end of the file (the skipped block was truncated).
   */
  finish(fileOffset: number, unskippedBytes: number): void;
}

/** Limits that keep a damaged file from making the reader allocate or wait for much. */
export interface CaptureReaderLimits {
  /** Largest captured length accepted for one packet (default 262144, Wireshark's usual maximum). */
  readonly maxCaptureLength: number;
  /** Largest pcapng block that is buffered and parsed (default 4 MiB); larger skippable blocks are skipped unchecked. */
  readonly maxBlockLength: number;
}

export const DEFAULT_CAPTURE_READER_LIMITS: CaptureReaderLimits = Object.freeze({
  maxCaptureLength: 262144,
  maxBlockLength: 4 * 1024 * 1024,
});
