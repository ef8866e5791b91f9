/**
 * Recognising a capture file from its first bytes (never from its name).
 *
 * Classic pcap: magic 0xa1b2c3d4 (microseconds) or 0xa1b23c4d (nanoseconds), in either
 * byte order; 0xa1b2cd34 is Alexey Kuznetsov's "modified" pcap (microseconds, longer record
 * headers: editcap's `modpcap` and `suse6_3pcap`). pcapng: a Section Header Block, block type 0x0A0D0D0A (a palindrome), whose
 * byte-order magic 0x1A2B3C4D at offset 8 tells the section's byte order.
 */
import { readU32 } from './byte-order.js';

export const PCAP_MAGIC_MICROSECONDS = 0xa1b2c3d4;
export const PCAP_MAGIC_NANOSECONDS = 0xa1b23c4d;
export const PCAP_MAGIC_MODIFIED = 0xa1b2cd34;
export const PCAPNG_SHB_TYPE = 0x0a0d0d0a;
export const PCAPNG_BYTE_ORDER_MAGIC = 0x1a2b3c4d;

export type CaptureFormatInfo =
  /** `modified` (present only then): the magic of the modified pcap, whose record headers are longer. */
  | { readonly format: 'pcap'; readonly littleEndian: boolean; readonly timestampUnit: 'us' | 'ns'; readonly modified?: true }
  /** `littleEndian` is null when fewer than 12 bytes were given (or the magic there is wrong). */
  | { readonly format: 'pcapng'; readonly littleEndian: boolean | null }
  | { readonly format: 'unknown'; readonly reason: 'empty' | 'too-short' | 'unrecognised-magic' };

/** Looks at the first bytes of a file (4 are enough to decide, 12 also give pcapng's byte order). */
export function detectCaptureFormat(head: Uint8Array): CaptureFormatInfo {
  if (head.length === 0) return { format: 'unknown', reason: 'empty' };
  if (head.length < 4) return { format: 'unknown', reason: 'too-short' };
  const le = readU32(head, 0, true);
  if (le === PCAP_MAGIC_MICROSECONDS) return { format: 'pcap', littleEndian: true, timestampUnit: 'us' };
  if (le === PCAP_MAGIC_NANOSECONDS) return { format: 'pcap', littleEndian: true, timestampUnit: 'ns' };
  if (le === PCAP_MAGIC_MODIFIED) return { format: 'pcap', littleEndian: true, timestampUnit: 'us', modified: true };
  const be = readU32(head, 0, false);
  if (be === PCAP_MAGIC_MICROSECONDS) return { format: 'pcap', littleEndian: false, timestampUnit: 'us' };
  if (be === PCAP_MAGIC_NANOSECONDS) return { format: 'pcap', littleEndian: false, timestampUnit: 'ns' };
  if (be === PCAP_MAGIC_MODIFIED) return { format: 'pcap', littleEndian: false, timestampUnit: 'us', modified: true };
  if (be === PCAPNG_SHB_TYPE) {
    if (head.length < 12) return { format: 'pcapng', littleEndian: null };
    if (readU32(head, 8, true) === PCAPNG_BYTE_ORDER_MAGIC) return { format: 'pcapng', littleEndian: true };
    if (readU32(head, 8, false) === PCAPNG_BYTE_ORDER_MAGIC) return { format: 'pcapng', littleEndian: false };
    return { format: 'pcapng', littleEndian: null };
  }
  return { format: 'unknown', reason: 'unrecognised-magic' };
}
