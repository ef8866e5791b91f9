/**
 * One packet record of a capture file, as the readers hand it on.
 *
 * {@link RawFrame} is the hot-path form: ONE mutable object reused for every frame, the
 * bytes given as (buffer, offset, length) so that no per-packet object is made. Its fields
 * are valid only during the `onFrame` callback. The bytes themselves are never overwritten
 * by the reader (they live in the chunk that was read, or in a fresh buffer for a record that
 * straddled two chunks), so a view taken of them stays valid — but it keeps that chunk alive.
 *
 * {@link CapturedFrame} is the convenient, immutable form that {@link readCaptureFrames} yields.
 */
import type { CaptureDiagnostic } from './diagnostics.js';
import type { CaptureTimestamp } from './timestamp.js';

export interface RawFrame {
  /** 1-based, counting every packet record (pcap record, EPB, SPB, OPB) like tshark's frame.number. */
  frameNumber: number;
  tsSec: number;
  tsNsec: number;
  /** false for a pcapng Simple Packet Block: the timestamp is then the previous frame's. */
  hasTimestamp: boolean;
  linkType: number;
  /** Buffer holding the captured bytes at [dataOffset, dataOffset + capturedLength). */
  buffer: Uint8Array;
  dataOffset: number;
  capturedLength: number;
  originalLength: number;
  /** pcapng interface id (index within the section); 0 for classic pcap. */
  interfaceId: number;
  /** Byte offset of the record/block in the file. */
  fileOffset: number;
  /**
   * Bytes of the record/block in the file, from `fileOffset`: a pcap record's header and
   * captured bytes, a pcapng block's Block Total Length (header, packet data and padding,
   * options, trailing length).
   */
  recordLength: number;
}

export function createRawFrame(): RawFrame {
  return {
    frameNumber: 0,
    tsSec: 0,
    tsNsec: 0,
    hasTimestamp: true,
    linkType: 0,
    buffer: new Uint8Array(0),
    dataOffset: 0,
    capturedLength: 0,
    originalLength: 0,
    interfaceId: 0,
    fileOffset: 0,
    recordLength: 0,
  };
}

/** An immutable frame (see {@link RawFrame} for the meaning of each field). */
export interface CapturedFrame {
  readonly kind: 'frame';
  readonly frame: number;
  readonly ts: CaptureTimestamp;
  readonly hasTimestamp: boolean;
  readonly linkType: number;
  /** A view of the captured bytes (read-only by convention; keeps its read chunk alive). */
  readonly bytes: Uint8Array;
  readonly originalLength: number;
  readonly interfaceId: number;
  readonly fileOffset: number;
  readonly recordLength: number;
}

export function snapshotRawFrame(raw: RawFrame): CapturedFrame {
  return {
    kind: 'frame',
    frame: raw.frameNumber,
    ts: { sec: raw.tsSec, nsec: raw.tsNsec },
    hasTimestamp: raw.hasTimestamp,
    linkType: raw.linkType,
    bytes: raw.buffer.subarray(raw.dataOffset, raw.dataOffset + raw.capturedLength),
    originalLength: raw.originalLength,
    interfaceId: raw.interfaceId,
    fileOffset: raw.fileOffset,
    recordLength: raw.recordLength,
  };
}

/** What a record parser reports to. */
export interface FrameSink {
  onFrame(frame: RawFrame): void;
  onDiagnostic(diagnostic: CaptureDiagnostic): void;
}
