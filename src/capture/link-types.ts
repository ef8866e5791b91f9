/** LINKTYPE_* values (tcpdump.org link-layer header types) the capture layer decodes. */
export const LinkType = {
  NULL: 0,
  ETHERNET: 1,
  /** DLT_RAW as written by some BSDs (OpenBSD/BSD/OS): raw IP. */
  RAW_BSD_12: 12,
  /** DLT_RAW as written by BSD/OS: raw IP. */
  RAW_BSD_14: 14,
  RAW: 101,
  LOOP: 108,
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  LINUX_SLL2: 276,
} as const;

/** The 16-bit link type of a pcap header's LinkType field (FCS bits and reserved bits removed). */
export function pcapLinkTypeFromHeaderField(field: number): number {
  // libpcap: LT_LINKTYPE(x) = x & 0x03FFFFFF; the link type itself is 16 bits.
  return field & 0xffff;
}

/** FCS length in bytes announced by a pcap header's LinkType field (0 when absent). */
export function pcapFcsBytesFromHeaderField(field: number): number {
  // Bit 26 (0x04000000) = FCS length present; bits 28-31 = FCS length in 16-bit words.
  return (field & 0x04000000) !== 0 ? ((field >>> 28) & 0xf) * 2 : 0;
}

const LINK_TYPE_NAMES: Readonly<Record<number, string>> = {
  0: 'NULL',
  1: 'ETHERNET',
  12: 'RAW(12)',
  14: 'RAW(14)',
  101: 'RAW',
  108: 'LOOP',
  113: 'LINUX_SLL',
  228: 'IPV4',
  229: 'IPV6',
  276: 'LINUX_SLL2',
};

export function linkTypeName(linkType: number): string {
  return LINK_TYPE_NAMES[linkType] ?? `LINKTYPE_${linkType}`;
}
