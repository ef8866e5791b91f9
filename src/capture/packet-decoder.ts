/**
 * Frame → TCP segment: link layer, IPv4/IPv6 (with fragment reassembly), TCP header.
 * Everything that is not TCP is counted and skipped silently; headers cut by the snap length
 * or malformed are reported and the frame is skipped.
 */
import type { CaptureDiagnostic, CaptureDiagnosticCode, DiagnosticSeverity, DiagnosticSink } from './diagnostics.js';
import { DEFAULT_IP_FRAGMENT_LIMITS, IpFragmentReassembler, type IpFragmentLimits } from './ip-fragment-reassembler.js';
import { createIpPacketView, IP_PROTOCOL_TCP, IpParse, parseIpv4, parseIpv6, walkIpv6ExtensionHeaders, type IpParseResult } from './ip-packet.js';
import { LinkResult, locateNetworkLayer, type NetworkLocation } from './link-layer.js';
import { linkTypeName } from './link-types.js';
import type { RawFrame } from './raw-frame.js';
import { createTcpSegmentView, parseTcpHeader, TcpParse, type TcpSegmentView } from './tcp-segment.js';

/** Counters of what the decoder saw. */
export interface PacketDecodeStats {
  frames: number;
  capturedBytes: number;
  unsupportedLinkType: number;
  notIp: number;
  ipv4: number;
  ipv6: number;
  /** IP packets whose upper layer is not TCP (UDP, ICMP…). */
  notTcp: number;
  ipFragments: number;
  ipDatagramsReassembled: number;
  tcpSegments: number;
  /** Frames skipped because a header was cut by the snap length. */
  truncated: number;
  /** Frames skipped because a header was wrong. */
  malformed: number;
}

export function createPacketDecodeStats(): PacketDecodeStats {
  return {
    frames: 0,
    capturedBytes: 0,
    unsupportedLinkType: 0,
    notIp: 0,
    ipv4: 0,
    ipv6: 0,
    notTcp: 0,
    ipFragments: 0,
    ipDatagramsReassembled: 0,
    tcpSegments: 0,
    truncated: 0,
    malformed: 0,
  };
}

/** IPv6 next-header values that may precede TCP inside a fragmented part. */
function mayLeadToTcp(nextHeader: number): boolean {
  return nextHeader === IP_PROTOCOL_TCP || nextHeader === 0 || nextHeader === 43 || nextHeader === 60 || nextHeader === 51 || nextHeader === 135 || nextHeader === 139 || nextHeader === 140;
}

export type PacketDecoderOptions = Partial<IpFragmentLimits> & {
  /** How diagnostics name a frame (default `frame N`): a ring set's frames are numbered on across its files. */
  readonly describeFrame?: (frame: number) => string;
};

export class PacketDecoder {
  readonly stats: PacketDecodeStats = createPacketDecodeStats();
  private readonly location: NetworkLocation = { networkOffset: 0 };
  private readonly ip = createIpPacketView();
  private readonly segment: TcpSegmentView = createTcpSegmentView();
  private readonly fragments: IpFragmentReassembler;
  private readonly reportedLinkTypes = new Set<number>();
  private frame: RawFrame | null = null;

  constructor(
    private readonly onSegment: (segment: TcpSegmentView) => void,
    private readonly report: DiagnosticSink,
    options: PacketDecoderOptions = {},
  ) {
    const { describeFrame, ...limits } = options;
    this.fragments = new IpFragmentReassembler({ ...DEFAULT_IP_FRAGMENT_LIMITS, ...limits }, report, describeFrame);
  }

  decodeFrame(frame: RawFrame): void {
    const stats = this.stats;
    stats.frames++;
    stats.capturedBytes += frame.capturedLength;
    this.frame = frame;
    const buf = frame.buffer;
    const start = frame.dataOffset;
    const end = start + frame.capturedLength;
    const link = locateNetworkLayer(frame.linkType, buf, start, end, this.location);
    if (link === LinkResult.IPV4 || link === LinkResult.IPV6) {
      this.decodeIp(link, buf, this.location.networkOffset, end);
    } else if (link === LinkResult.NOT_IP) {
      stats.notIp++;
    } else if (link === LinkResult.TRUNCATED) {
      stats.truncated++;
      this.diag('warning', 'LINK_HEADER_TRUNCATED', `link-layer header (${linkTypeName(frame.linkType)}) cut at ${frame.capturedLength} bytes`);
    } else {
      stats.unsupportedLinkType++;
      if (!this.reportedLinkTypes.has(frame.linkType)) {
        this.reportedLinkTypes.add(frame.linkType);
        this.diag('warning', 'LINK_TYPE_UNSUPPORTED', `link type ${linkTypeName(frame.linkType)} is not decoded; its frames are skipped`);
      }
    }
    if (this.fragments.pendingCount > 0) this.fragments.expire(frame.tsSec);
  }

  /** End of capture: incomplete IP datagrams are reported. */
  finish(): void {
    this.fragments.finish();
  }

  private decodeIp(version: 4 | 6, buf: Uint8Array, off: number, end: number): void {
    const ip = this.ip;
    const stats = this.stats;
    let r: IpParseResult;
    if (version === 4) {
      stats.ipv4++;
      r = parseIpv4(buf, off, end, ip);
    } else {
      stats.ipv6++;
      r = parseIpv6(buf, off, end, ip);
    }
    if (r !== IpParse.OK) {
      this.ipFailure(r, version);
      return;
    }
    if (ip.isFragment) {
      stats.ipFragments++;
      if (version === 4 ? ip.protocol !== IP_PROTOCOL_TCP : !mayLeadToTcp(ip.protocol)) {
        stats.notTcp++;
        return;
      }
      const frame = this.frame as RawFrame;
      const whole = this.fragments.add(ip, { frame: frame.frameNumber, tsSec: frame.tsSec, fileOffset: frame.fileOffset });
      if (whole === null) return;
      stats.ipDatagramsReassembled++;
      ip.buffer = whole;
      ip.missingBytes = 0;
      ip.isFragment = false;
      if (version === 4) {
        ip.payloadOffset = 0;
        ip.payloadLength = whole.length;
      } else {
        r = walkIpv6ExtensionHeaders(whole, 0, whole.length, ip.protocol, ip);
        if (r !== IpParse.OK || ip.isFragment) {
          this.ipFailure(r === IpParse.OK ? IpParse.BAD : r, version);
          return;
        }
      }
    }
    if (ip.protocol !== IP_PROTOCOL_TCP) {
      stats.notTcp++;
      return;
    }
    this.decodeTcp();
  }

  private ipFailure(r: IpParseResult, version: 4 | 6): void {
    if (r === IpParse.TRUNCATED) {
      this.stats.truncated++;
      this.diag('warning', 'IP_HEADER_TRUNCATED', `IPv${version} header cut by the snap length`);
    } else if (r === IpParse.ESP) {
      this.stats.notTcp++;
      this.diag('info', 'IP_ESP_NOT_DECODED', 'IPv6 ESP (encrypted payload) not decoded');
    } else {
      this.stats.malformed++;
      this.diag('warning', 'IP_BAD_HEADER', `malformed IPv${version} header`);
    }
  }

  private decodeTcp(): void {
    const ip = this.ip;
    const seg = this.segment;
    const r = parseTcpHeader(ip.buffer, ip.payloadOffset, ip.payloadLength, ip.missingBytes, seg);
    if (r !== TcpParse.OK) {
      if (r === TcpParse.TRUNCATED) {
        this.stats.truncated++;
        this.diag('warning', 'TCP_HEADER_TRUNCATED', 'TCP header cut by the snap length');
      } else {
        this.stats.malformed++;
        this.diag('warning', 'TCP_BAD_HEADER', 'malformed TCP header');
      }
      return;
    }
    const frame = this.frame as RawFrame;
    if (ip.missingBytes > 0 && frame.capturedLength >= frame.originalLength) {
      this.diag('warning', 'IP_PAYLOAD_TRUNCATED', `IP length announces ${ip.missingBytes} more bytes than the frame holds`);
    }
    this.stats.tcpSegments++;
    seg.frame = frame.frameNumber;
    seg.tsSec = frame.tsSec;
    seg.tsNsec = frame.tsNsec;
    seg.fileOffset = frame.fileOffset;
    seg.recordLength = frame.recordLength;
    seg.ipVersion = ip.ipVersion;
    seg.src0 = ip.src0;
    seg.src1 = ip.src1;
    seg.src2 = ip.src2;
    seg.src3 = ip.src3;
    seg.dst0 = ip.dst0;
    seg.dst1 = ip.dst1;
    seg.dst2 = ip.dst2;
    seg.dst3 = ip.dst3;
    this.onSegment(seg);
  }

  private diag(severity: DiagnosticSeverity, code: CaptureDiagnosticCode, message: string): void {
    const frame = this.frame;
    const d: CaptureDiagnostic =
      frame === null
        ? { severity, code, message, fileOffset: 0 }
        : { severity, code, message, fileOffset: frame.fileOffset, frame: frame.frameNumber };
    this.report(d);
  }
}
