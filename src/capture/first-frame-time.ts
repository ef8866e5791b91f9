/**
 * The time of a capture's first packet, read from its head (the bytes looked at to tell what
 * the input is): where a merge of several captures needs to open this one. Undefined when the
 * head holds no timed packet (an empty or damaged head, a pcapng file that starts with Simple
 * Packet Blocks): such a capture is opened at once.
 */
import type { Instant } from '../timeline/instant.js';
import { CaptureFileReader } from './capture-file-reader.js';
import type { RawFrame } from './raw-frame.js';

export function firstFrameTime(head: Uint8Array, wholeFile = false): Instant | undefined {
  let first: Instant | undefined;
  let seen = false;
  const reader = new CaptureFileReader({
    onFrame: (frame: RawFrame) => {
      if (seen) return;
      seen = true;
      if (frame.hasTimestamp) first = { sec: frame.tsSec, nsec: frame.tsNsec };
    },
    onDiagnostic: () => undefined,
  });
  reader.push(head);
  // The whole file: its end tells what more bytes would (a pcap variant is told from its first
  // two records, or from a first record that ends the file).
  if (!seen && wholeFile) reader.end();
  return first;
}
