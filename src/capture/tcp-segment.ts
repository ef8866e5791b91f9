/**
 * A TCP segment as the reassembler consumes it: one reused mutable object per decoder
 * (valid only during the call that receives it), payload given as (buffer, offset, length).
 */

export const TcpFlag = {
  FIN: 0x01,
  SYN: 0x02,
  RST: 0x04,
  PSH: 0x08,
  ACK: 0x10,
  URG: 0x20,
} as const;

export interface TcpSegmentView {
  frame: number;
  tsSec: number;
  tsNsec: number;
  /** The frame's record in its capture file: its offset and length (RawFrame.fileOffset, recordLength). */
  fileOffset: number;
  recordLength: number;
  ipVersion: 4 | 6;
  /** Addresses as 32-bit words in network order (IPv4: word 0 only). */
  src0: number;
  src1: number;
  src2: number;
  src3: number;
  dst0: number;
  dst1: number;
  dst2: number;
  dst3: number;
  srcPort: number;
  dstPort: number;
  /** Unsigned 32-bit sequence and acknowledgement numbers. */
  seq: number;
  ack: number;
  flags: number;
  window: number;
  payload: Uint8Array;
  payloadOffset: number;
  /** Captured payload bytes. */
  payloadLength: number;
  /** Payload bytes that follow the captured ones in the segment but were not captured (snap length). */
  missingBytes: number;
}

export function createTcpSegmentView(): TcpSegmentView {
  return {
    frame: 0,
    tsSec: 0,
    tsNsec: 0,
    fileOffset: 0,
    recordLength: 0,
    ipVersion: 4,
    src0: 0,
    src1: 0,
    src2: 0,
    src3: 0,
    dst0: 0,
    dst1: 0,
    dst2: 0,
    dst3: 0,
    srcPort: 0,
    dstPort: 0,
    seq: 0,
    ack: 0,
    flags: 0,
    window: 0,
    payload: new Uint8Array(0),
    payloadOffset: 0,
    payloadLength: 0,
    missingBytes: 0,
  };
}

export const TcpParse = {
  OK: 0,
  TRUNCATED: 1,
  BAD: 2,
} as const;
export type TcpParseResult = (typeof TcpParse)[keyof typeof TcpParse];

/**
 * Parses the TCP header at `buf[off]`. `capturedLength` bytes of the segment are in `buf`,
 * `missingBytes` more were announced by IP but not captured. Ports, numbers, flags and the
 * payload go into `out` (addresses and frame fields are the caller's).
 */
export function parseTcpHeader(buf: Uint8Array, off: number, capturedLength: number, missingBytes: number, out: TcpSegmentView): TcpParseResult {
  if (capturedLength < 20) return missingBytes > 0 ? TcpParse.TRUNCATED : TcpParse.BAD;
  const headerLength = (buf[off + 12] >> 4) * 4;
  if (headerLength < 20) return TcpParse.BAD;
  if (headerLength > capturedLength) return capturedLength + missingBytes >= headerLength ? TcpParse.TRUNCATED : TcpParse.BAD;
  out.srcPort = (buf[off] << 8) | buf[off + 1];
  out.dstPort = (buf[off + 2] << 8) | buf[off + 3];
  out.seq = ((buf[off + 4] << 24) | (buf[off + 5] << 16) | (buf[off + 6] << 8) | buf[off + 7]) >>> 0;
  out.ack = ((buf[off + 8] << 24) | (buf[off + 9] << 16) | (buf[off + 10] << 8) | buf[off + 11]) >>> 0;
  out.flags = buf[off + 13];
  out.window = (buf[off + 14] << 8) | buf[off + 15];
  out.payload = buf;
  out.payloadOffset = off + headerLength;
  out.payloadLength = capturedLength - headerLength;
  out.missingBytes = missingBytes;
  return TcpParse.OK;
}
