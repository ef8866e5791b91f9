/**
 * The check of the ring-buffer set that scripts/samples/make-capture-samples.ts captures
 * (samples/ring/, `dumpcap -b packets:N`): the TCP payload of each frame of a capture file,
 * read by the project's own capture reader and packet decoder, and what is wrong with a set.
 */
import { readFileSync } from 'node:fs';
import { CaptureFileReader } from '../../src/capture/capture-file-reader.js';
import { PacketDecoder } from '../../src/capture/packet-decoder.js';

/** The chunk the ring script writes in two, and the two writes. */
export interface RingSplit {
  /** Index of the chunk in the loopback script's chunks. */
  readonly chunk: number;
  readonly first: Buffer;
  readonly second: Buffer;
}

/**
 * The TCP payloads of a capture file, frame by frame (index i is frame i + 1): the captured
 * payload bytes of a TCP segment, empty for a frame that carries none (not TCP, no payload,
 * or headers the decoder skips).
 */
export function tcpPayloads(file: string): Buffer[] {
  const out: Buffer[] = [];
  let segment: Buffer | undefined;
  const decoder = new PacketDecoder(
    (s) => {
      segment = Buffer.from(s.payload.subarray(s.payloadOffset, s.payloadOffset + s.payloadLength));
    },
    () => {},
  );
  const reader = new CaptureFileReader({
    onFrame(f) {
      segment = undefined;
      decoder.decodeFrame(f);
      out.push(segment ?? Buffer.alloc(0));
    },
    onDiagnostic() {},
  });
  reader.push(new Uint8Array(readFileSync(file)));
  reader.end();
  decoder.finish();
  return out;
}

/** What is wrong with a ring set (the files in number order), or undefined: 3–6 files, the first ending with the split's first write, the second holding its second. */
export function checkRing(files: readonly string[], split: RingSplit): string | undefined {
  if (files.length < 3 || files.length > 6) return `${files.length} files, not 3–6`;
  const first = tcpPayloads(files[0]!);
  if (!first[first.length - 1]!.equals(split.first)) return `${files[0]} does not end with the first write of the split message`;
  if (!tcpPayloads(files[1]!).some((p) => p.equals(split.second))) return `${files[1]} does not hold the second write of the split message`;
  return undefined;
}
