/**
 * IPv4 and IPv6 headers: addresses, upper-layer protocol and where its payload is.
 *
 * IPv4: options skipped by IHL; the header checksum is not checked; a total length of 0
 * (TSO-offloaded captures) means "what was captured". IPv6: extension headers hop-by-hop (0),
 * routing (43), fragment (44), destination options (60), AH (51), mobility (135), HIP (139),
 * shim6 (140) are walked; ESP (50) stops decoding; no-next-header (59) ends the packet.
 *
 * Results are written into one reused {@link IpPacketView}.
 */

export const IpParse = {
  OK: 0,
  /** The header (or an extension header) is cut by the capture's snap length. */
  TRUNCATED: 1,
  /** The header is wrong (version, IHL, lengths). */
  BAD: 2,
  /** IPv6 ESP: the rest is encrypted. */
  ESP: 3,
} as const;
export type IpParseResult = (typeof IpParse)[keyof typeof IpParse];

export const IP_PROTOCOL_TCP = 6;
const NO_NEXT_HEADER = 59;

export interface IpPacketView {
  ipVersion: 4 | 6;
  /** Addresses as 32-bit words, network order (IPv4: word 0 only, the others 0). */
  src0: number;
  src1: number;
  src2: number;
  src3: number;
  dst0: number;
  dst1: number;
  dst2: number;
  dst3: number;
  /** Upper-layer protocol (after IPv6 extension headers; for a fragment: of the fragmented part). */
  protocol: number;
  buffer: Uint8Array;
  /** Upper-layer payload (or fragment data) captured: buffer[payloadOffset, +payloadLength). */
  payloadOffset: number;
  payloadLength: number;
  /** Payload bytes the header announces but the capture does not hold (snap length). */
  missingBytes: number;
  isFragment: boolean;
  /** Offset of this fragment's data within the original payload, in bytes. */
  fragmentOffset: number;
  moreFragments: boolean;
  fragmentId: number;
}

export function createIpPacketView(): IpPacketView {
  return {
    ipVersion: 4,
    src0: 0,
    src1: 0,
    src2: 0,
    src3: 0,
    dst0: 0,
    dst1: 0,
    dst2: 0,
    dst3: 0,
    protocol: 0,
    buffer: new Uint8Array(0),
    payloadOffset: 0,
    payloadLength: 0,
    missingBytes: 0,
    isFragment: false,
    fragmentOffset: 0,
    moreFragments: false,
    fragmentId: 0,
  };
}

function u32(buf: Uint8Array, p: number): number {
  return ((buf[p] << 24) | (buf[p + 1] << 16) | (buf[p + 2] << 8) | buf[p + 3]) >>> 0;
}

/** Parses an IPv4 header at `buf[off]`; the frame's captured bytes end at `end`. */
export function parseIpv4(buf: Uint8Array, off: number, end: number, out: IpPacketView): IpParseResult {
  if (off + 20 > end) return IpParse.TRUNCATED;
  const vihl = buf[off];
  if (vihl >> 4 !== 4) return IpParse.BAD;
  const ihl = (vihl & 0x0f) * 4;
  if (ihl < 20) return IpParse.BAD;
  if (off + ihl > end) return IpParse.TRUNCATED;
  let totalLength = (buf[off + 2] << 8) | buf[off + 3];
  if (totalLength === 0) totalLength = end - off; // TSO: the length was left for the NIC to fill
  if (totalLength < ihl) return IpParse.BAD;
  const flagsFrag = (buf[off + 6] << 8) | buf[off + 7];
  out.ipVersion = 4;
  out.src0 = u32(buf, off + 12);
  out.dst0 = u32(buf, off + 16);
  out.src1 = out.src2 = out.src3 = 0;
  out.dst1 = out.dst2 = out.dst3 = 0;
  out.protocol = buf[off + 9];
  out.buffer = buf;
  out.payloadOffset = off + ihl;
  const declaredEnd = off + totalLength;
  if (declaredEnd <= end) {
    out.payloadLength = totalLength - ihl;
    out.missingBytes = 0;
  } else {
    out.payloadLength = end - off - ihl;
    out.missingBytes = declaredEnd - end;
  }
  out.moreFragments = (flagsFrag & 0x2000) !== 0;
  out.fragmentOffset = (flagsFrag & 0x1fff) * 8;
  out.isFragment = out.moreFragments || out.fragmentOffset !== 0;
  out.fragmentId = (buf[off + 4] << 8) | buf[off + 5];
  return IpParse.OK;
}

/** Parses an IPv6 header at `buf[off]` and its extension headers. */
export function parseIpv6(buf: Uint8Array, off: number, end: number, out: IpPacketView): IpParseResult {
  if (off + 40 > end) return IpParse.TRUNCATED;
  if (buf[off] >> 4 !== 6) return IpParse.BAD;
  let payloadLength = (buf[off + 4] << 8) | buf[off + 5];
  if (payloadLength === 0) payloadLength = end - off - 40; // jumbogram or TSO
  out.ipVersion = 6;
  out.src0 = u32(buf, off + 8);
  out.src1 = u32(buf, off + 12);
  out.src2 = u32(buf, off + 16);
  out.src3 = u32(buf, off + 20);
  out.dst0 = u32(buf, off + 24);
  out.dst1 = u32(buf, off + 28);
  out.dst2 = u32(buf, off + 32);
  out.dst3 = u32(buf, off + 36);
  out.buffer = buf;
  out.isFragment = false;
  out.moreFragments = false;
  out.fragmentOffset = 0;
  out.fragmentId = 0;
  const declaredEnd = off + 40 + payloadLength;
  let capturedEnd = end;
  out.missingBytes = 0;
  if (declaredEnd <= end) capturedEnd = declaredEnd;
  else out.missingBytes = declaredEnd - end;
  return walkIpv6ExtensionHeaders(buf, off + 40, capturedEnd, buf[off + 6], out);
}

/**
 * Walks IPv6 extension headers from `nextHeader` at `buf[p]` up to `end` (the captured end of
 * the payload), leaving the upper-layer protocol and payload in `out`. A fragment header
 * marks `out` as a fragment and stops there (its data is the fragmentable part).
 * `out.missingBytes` must already be set; it only matters at the end.
 */
export function walkIpv6ExtensionHeaders(buf: Uint8Array, p: number, end: number, nextHeader: number, out: IpPacketView): IpParseResult {
  let nh = nextHeader;
  for (let guard = 0; guard < 64; guard++) {
    switch (nh) {
      case 0:
      case 43:
      case 60:
      case 135:
      case 139:
      case 140: {
        if (p + 8 > end) return out.missingBytes > 0 ? IpParse.TRUNCATED : IpParse.BAD;
        const len = (buf[p + 1] + 1) * 8;
        if (p + len > end) return out.missingBytes > 0 ? IpParse.TRUNCATED : IpParse.BAD;
        nh = buf[p];
        p += len;
        break;
      }
      case 51: {
        if (p + 8 > end) return out.missingBytes > 0 ? IpParse.TRUNCATED : IpParse.BAD;
        const len = (buf[p + 1] + 2) * 4;
        if (p + len > end) return out.missingBytes > 0 ? IpParse.TRUNCATED : IpParse.BAD;
        nh = buf[p];
        p += len;
        break;
      }
      case 44: {
        if (p + 8 > end) return out.missingBytes > 0 ? IpParse.TRUNCATED : IpParse.BAD;
        const offFlags = (buf[p + 2] << 8) | buf[p + 3];
        out.isFragment = true;
        out.fragmentOffset = offFlags & 0xfff8;
        out.moreFragments = (offFlags & 1) !== 0;
        out.fragmentId = u32(buf, p + 4);
        out.protocol = buf[p];
        out.payloadOffset = p + 8;
        out.payloadLength = end - p - 8;
        if (out.fragmentOffset === 0 && !out.moreFragments) {
          // An atomic fragment (RFC 6946): not fragmented at all, go on.
          out.isFragment = false;
          nh = buf[p];
          p += 8;
          break;
        }
        return IpParse.OK;
      }
      case 50:
        out.protocol = 50;
        return IpParse.ESP;
      default:
        out.protocol = nh === NO_NEXT_HEADER ? NO_NEXT_HEADER : nh;
        out.payloadOffset = p;
        out.payloadLength = end - p;
        return IpParse.OK;
    }
  }
  return IpParse.BAD;
}
