/**
 * The time of a capture's first packet, read from its head (the bytes looked at to tell what
 * the input is): where a merge of several captures needs to open this one. Undefined when the
 * head holds no timed packet (an empty or damaged head, a pcapng file that starts with Simple
 * Packet Blocks): such a capture is opened at once.
 */
import type { Instant } from '../timeline/instant.js';
import { CaptureFileReader } from './capture-file-reader.js';
import type { RawFrame } from './raw-frame.js';

export function firstFrameTime(head: Uint8Array): Instant | undefined {
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
  return first;
}
