/**
 * Diagnostics of the capture layer (file readers, link/network decoding, TCP reassembly).
 *
 * Damage in a capture never throws: it becomes one of these records. `code` is stable
 * (UPPER_SNAKE, listed in {@link CaptureDiagnosticCode}) and meant for machines; `message`
 * is for people and may change.
 */

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** Every code the capture layer emits. */
export type CaptureDiagnosticCode =
  // whole file
  | 'CAPTURE_EMPTY_FILE'
  | 'CAPTURE_UNKNOWN_FORMAT'
  | 'CAPTURE_TRUNCATED_FILE_HEADER'
  | 'CAPTURE_NO_PACKETS'
  | 'CAPTURE_RESYNCHRONISED'
  | 'CAPTURE_TRAILING_GARBAGE'
  | 'CAPTURE_TIMESTAMP_OUT_OF_RANGE'
  // classic pcap
  | 'PCAP_UNSUPPORTED_VERSION'
  | 'PCAP_CAPLEN_TOO_LARGE'
  | 'PCAP_CAPLEN_EXCEEDS_SNAPLEN'
  | 'PCAP_ORIGLEN_LESS_THAN_CAPLEN'
  | 'PCAP_TRUNCATED_RECORD'
  | 'PCAP_TRUNCATED_RECORD_HEADER'
  // pcapng
  | 'PCAPNG_BAD_BYTE_ORDER_MAGIC'
  | 'PCAPNG_UNSUPPORTED_VERSION'
  | 'PCAPNG_BAD_BLOCK_LENGTH'
  | 'PCAPNG_BLOCK_LENGTH_MISMATCH'
  | 'PCAPNG_BLOCK_TOO_LARGE'
  | 'PCAPNG_TRUNCATED_BLOCK'
  | 'PCAPNG_BLOCK_BEFORE_SECTION'
  | 'PCAPNG_UNKNOWN_INTERFACE'
  | 'PCAPNG_CAPLEN_TOO_LARGE'
  | 'PCAPNG_CAPLEN_EXCEEDS_BLOCK'
  | 'PCAPNG_BAD_OPTION'
  | 'PCAPNG_UNSUPPORTED_TIMESTAMP_RESOLUTION'
  // link and network layers
  | 'LINK_TYPE_UNSUPPORTED'
  | 'LINK_HEADER_TRUNCATED'
  | 'IP_HEADER_TRUNCATED'
  | 'IP_BAD_HEADER'
  | 'IP_PAYLOAD_TRUNCATED'
  | 'IP_ESP_NOT_DECODED'
  | 'IP_FRAGMENT_OVERLAP'
  | 'IP_FRAGMENT_INCOMPLETE'
  | 'IP_FRAGMENT_LIMIT'
  | 'IP_FRAGMENT_BAD'
  | 'TCP_HEADER_TRUNCATED'
  | 'TCP_BAD_HEADER'
  // TCP reassembly
  | 'TCP_OVERLAP_MISMATCH'
  | 'TCP_SEGMENT_OUT_OF_WINDOW'
  | 'TCP_DATA_BEFORE_STREAM_START'
  | 'TCP_DATA_AFTER_FIN'
  | 'TCP_SEGMENT_AFTER_CLOSE'
  | 'TCP_CONNECTION_EVICTED';

/**
 * The file readers' codes for damage that loses records or blocks of the file (the reader
 * then resynchronises or stops): a truncated or overwritten record, a damaged block. Their
 * warnings that lose nothing (a record above the snap length but followed well, an original
 * length below the captured one, an option) are not here; neither is an empty capture.
 * `PCAP_CAPLEN_EXCEEDS_SNAPLEN` loses its record only as an error (no plausible record follows).
 */
export const RECORD_LOSING_CODES: ReadonlySet<CaptureDiagnosticCode> = new Set<CaptureDiagnosticCode>([
  'PCAP_CAPLEN_TOO_LARGE',
  'PCAP_TRUNCATED_RECORD',
  'PCAP_TRUNCATED_RECORD_HEADER',
  'PCAPNG_BAD_BYTE_ORDER_MAGIC',
  'PCAPNG_BLOCK_BEFORE_SECTION',
  'PCAPNG_BAD_BLOCK_LENGTH',
  'PCAPNG_BLOCK_TOO_LARGE',
  'PCAPNG_TRUNCATED_BLOCK',
  'PCAPNG_BLOCK_LENGTH_MISMATCH',
  'PCAPNG_UNKNOWN_INTERFACE',
  'PCAPNG_CAPLEN_TOO_LARGE',
  'PCAPNG_CAPLEN_EXCEEDS_BLOCK',
]);

/** Whether a capture diagnostic (code and severity) says records of the file were lost. */
export function losesFileRecords(code: string, severity: DiagnosticSeverity): boolean {
  return RECORD_LOSING_CODES.has(code as CaptureDiagnosticCode) || (code === 'PCAP_CAPLEN_EXCEEDS_SNAPLEN' && severity === 'error');
}

/** One diagnostic. Optional fields are present when they apply. */
export interface CaptureDiagnostic {
  readonly severity: DiagnosticSeverity;
  readonly code: CaptureDiagnosticCode;
  readonly message: string;
  /** Byte offset in the capture file of the damaged record/block, or of the frame concerned. */
  readonly fileOffset: number;
  /** Frame number (1-based, as tshark counts) when the diagnostic concerns one frame. */
  readonly frame?: number;
  /** TCP connection id ({@link TcpConnectionInfo.id}) for reassembly diagnostics. */
  readonly conn?: number;
  /** Direction (0 = A→B, 1 = B→A) for reassembly diagnostics. */
  readonly dir?: 0 | 1;
  /** Stream byte range concerned (reassembly diagnostics): [streamOffset, streamOffset+length). */
  readonly streamOffset?: number;
  readonly length?: number;
}

/** Receives diagnostics as they are found. */
export type DiagnosticSink = (diagnostic: CaptureDiagnostic) => void;
