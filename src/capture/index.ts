/**
 * The capture layer: capture-file bytes → reassembled TCP byte streams.
 *
 * Usage (file → events):
 *
 *   import { readCaptureEvents, readFileChunks } from './capture/index.js';
 *   for await (const e of readCaptureEvents(readFileChunks('trace.pcapng'))) {
 *     if (e.kind === 'data') handle(e.conn.id, e.dir, e.streamOffset, e.bytes);
 *   }
 *
 * See tcp-events.ts for the event types and their guarantees.
 */
export { detectCaptureFormat, type CaptureFormatInfo } from './capture-format.js';
export {
  CaptureFileReader,
  readCaptureFrames,
  readFileChunks,
  DEFAULT_READ_CHUNK_BYTES,
  type CaptureReaderOptions,
  type CaptureDiagnosticItem,
} from './capture-file-reader.js';
export { CaptureTcpPipeline, readCaptureEvents, analyzeCapture, type CapturePipelineOptions, type CapturePipelineStats } from './capture-pipeline.js';
export type { CaptureDiagnostic, CaptureDiagnosticCode, DiagnosticSeverity, DiagnosticSink } from './diagnostics.js';
export { snapshotRawFrame, type RawFrame, type CapturedFrame, type FrameSink } from './raw-frame.js';
export type { CaptureReaderLimits } from './record-parser.js';
export { DEFAULT_CAPTURE_READER_LIMITS } from './record-parser.js';
export { type CaptureTimestamp, compareTimestamps, timestampToSeconds, formatTimestampIso } from './timestamp.js';
export { LinkType, linkTypeName } from './link-types.js';
export { PacketDecoder, type PacketDecodeStats, type PacketDecoderOptions } from './packet-decoder.js';
export { DEFAULT_IP_FRAGMENT_LIMITS, type IpFragmentLimits } from './ip-fragment-reassembler.js';
export { TcpReassembler, DEFAULT_TCP_REASSEMBLY_OPTIONS, type TcpReassemblyOptions, type TcpReassemblyStats } from './tcp-reassembler.js';
export { TcpFlag, createTcpSegmentView, type TcpSegmentView } from './tcp-segment.js';
export type {
  CaptureEvent,
  CaptureEventSink,
  CaptureDiagnosticEvent,
  TcpStreamEvent,
  TcpOpenEvent,
  TcpDataEvent,
  TcpGapEvent,
  TcpGapCause,
  TcpCloseEvent,
  TcpCloseReason,
  TcpConnectionInfo,
  TcpEndpoint,
  TcpDirection,
} from './tcp-events.js';
