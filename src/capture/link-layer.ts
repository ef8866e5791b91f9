/**
 * Link layers: where the IP header starts in a frame and which IP version it is.
 *
 * Ethernet II (802.1Q / 802.1ad 0x88a8 / 0x9100 / 0x9200 tags, stacked), Linux cooked SLL
 * (113) and SLL2 (276), BSD loopback NULL (0; the AF field in either byte order) and LOOP
 * (108; network byte order), raw IP (101, 228, 229, and 12/14 as some BSDs write DLT_RAW).
 */
import { LinkType } from './link-types.js';

export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_IPV6 = 0x86dd;

/** Result of {@link locateNetworkLayer}. */
export const LinkResult = {
  IPV4: 4,
  IPV6: 6,
  /** Not IP (ARP, LLC, other address families…): skipped silently. */
  NOT_IP: 0,
  TRUNCATED: -1,
  UNSUPPORTED_LINK_TYPE: -2,
} as const;
export type LinkResultCode = (typeof LinkResult)[keyof typeof LinkResult];

/** Where {@link locateNetworkLayer} writes the offset of the IP header. */
export interface NetworkLocation {
  networkOffset: number;
}

/** BSD AF_INET6 values: NetBSD/OpenBSD 24, FreeBSD 28, Darwin 30 (Linux 10, Windows 23 accepted too). */
function isAfInet6(af: number): boolean {
  return af === 24 || af === 28 || af === 30 || af === 10 || af === 23;
}

function fromEtherType(type: number): LinkResultCode {
  if (type === ETHERTYPE_IPV4) return LinkResult.IPV4;
  if (type === ETHERTYPE_IPV6) return LinkResult.IPV6;
  return LinkResult.NOT_IP;
}

function isVlanTag(type: number): boolean {
  return type === 0x8100 || type === 0x88a8 || type === 0x9100 || type === 0x9200;
}

/** Follows VLAN tags from an EtherType field at `typeOffset`; the payload follows the final type. */
function followEtherType(buf: Uint8Array, typeOffset: number, end: number, out: NetworkLocation): LinkResultCode {
  let p = typeOffset;
  if (p + 2 > end) return LinkResult.TRUNCATED;
  let type = (buf[p] << 8) | buf[p + 1];
  p += 2;
  while (isVlanTag(type)) {
    if (p + 4 > end) return LinkResult.TRUNCATED;
    type = (buf[p + 2] << 8) | buf[p + 3];
    p += 4;
  }
  out.networkOffset = p;
  return fromEtherType(type);
}

function fromVersionNibble(buf: Uint8Array, off: number, end: number, out: NetworkLocation): LinkResultCode {
  if (off >= end) return LinkResult.TRUNCATED;
  out.networkOffset = off;
  const v = buf[off] >> 4;
  return v === 4 ? LinkResult.IPV4 : v === 6 ? LinkResult.IPV6 : LinkResult.NOT_IP;
}

/** Finds the IP header of a frame occupying `buf[off, end)` of link type `linkType`. */
export function locateNetworkLayer(linkType: number, buf: Uint8Array, off: number, end: number, out: NetworkLocation): LinkResultCode {
  switch (linkType) {
    case LinkType.ETHERNET:
      if (off + 14 > end) return LinkResult.TRUNCATED;
      return followEtherType(buf, off + 12, end, out);
    case LinkType.LINUX_SLL:
      if (off + 16 > end) return LinkResult.TRUNCATED;
      return followEtherType(buf, off + 14, end, out);
    case LinkType.LINUX_SLL2: {
      if (off + 20 > end) return LinkResult.TRUNCATED;
      const type = (buf[off] << 8) | buf[off + 1];
      if (isVlanTag(type)) return followVlanAfterSll2(buf, off, end, out);
      out.networkOffset = off + 20;
      return fromEtherType(type);
    }
    case LinkType.NULL:
    case LinkType.LOOP: {
      if (off + 4 > end) return LinkResult.TRUNCATED;
      let af: number;
      if (linkType === LinkType.LOOP) {
        af = ((buf[off] << 24) | (buf[off + 1] << 16) | (buf[off + 2] << 8) | buf[off + 3]) >>> 0;
      } else {
        // Host byte order of the capturing machine: AF values are small, so the non-zero end tells.
        const le = (buf[off] | (buf[off + 1] << 8) | (buf[off + 2] << 16) | (buf[off + 3] << 24)) >>> 0;
        af = (le & 0xffff0000) !== 0 ? ((buf[off] << 24) | (buf[off + 1] << 16) | (buf[off + 2] << 8) | buf[off + 3]) >>> 0 : le;
      }
      out.networkOffset = off + 4;
      if (af === 2) return LinkResult.IPV4;
      if (isAfInet6(af)) return LinkResult.IPV6;
      return LinkResult.NOT_IP;
    }
    case LinkType.RAW:
    case LinkType.RAW_BSD_12:
    case LinkType.RAW_BSD_14:
      return fromVersionNibble(buf, off, end, out);
    case LinkType.IPV4:
      // The link type says IPv4: a wrong version is a malformed IPv4 header (IP layer reports it).
      out.networkOffset = off;
      return LinkResult.IPV4;
    case LinkType.IPV6:
      out.networkOffset = off;
      return LinkResult.IPV6;
    default:
      return LinkResult.UNSUPPORTED_LINK_TYPE;
  }
}

/** SLL2 whose protocol is a VLAN tag: the tag's TCI and inner type follow the 20-byte header. */
function followVlanAfterSll2(buf: Uint8Array, off: number, end: number, out: NetworkLocation): LinkResultCode {
  let p = off + 20;
  let type = (buf[off] << 8) | buf[off + 1];
  while (isVlanTag(type)) {
    if (p + 4 > end) return LinkResult.TRUNCATED;
    type = (buf[p + 2] << 8) | buf[p + 3];
    p += 4;
  }
  out.networkOffset = p;
  return fromEtherType(type);
}
