/**
 * The check of the ring-buffer set that scripts/samples/make-capture-samples.ts captures
 * (samples/ring/, `dumpcap -b packets:N`): the TCP payload of each frame of a capture file,
 * read by the project's own capture reader and packet decoder, and what is wrong with a set.
 */
import { readFileSync } from 'node:fs';
import { CaptureFileReader } from '../../src/capture/capture-file-reader.js';
import type { CaptureDiagnostic } from '../../src/capture/diagnostics.js';
import { PacketDecoder } from '../../src/capture/packet-decoder.js';

/** The chunk the ring script writes in two, and the two writes. */
export interface RingSplit {
  /** Index of the chunk in the loopback script's chunks. */
  readonly chunk: number;
  readonly first: Buffer;
  readonly second: Buffer;
}

/** The TCP payloads of a capture file's frames, and what is wrong with the file. */
export interface FilePayloads {
  /**
   * Frame by frame (index i is frame i + 1): the captured payload bytes of a TCP segment, empty
   * for a frame that carries none (not TCP, no payload, or headers the decoder skips).
   */
  readonly payloads: Buffer[];
  /**
   * The first error or warning of the capture reader or the packet decoder (an empty file, a
   * file header and no packets, a file that ends inside a record or block, a damaged header…),
   * with how many more there were; or why the file could not be read. Undefined when none.
   */
  readonly problem: string | undefined;
}

/** Reads a capture file with the project's reader and decoder. Never throws: what goes wrong is its {@link FilePayloads.problem}. */
export function tcpPayloads(file: string): FilePayloads {
  const payloads: Buffer[] = [];
  const problems: string[] = [];
  const note = (d: CaptureDiagnostic): void => {
    if (d.severity === 'info') return;
    problems.push(`${d.message} (${d.code}${d.frame === undefined ? '' : `, frame ${d.frame}`}, at byte ${d.fileOffset})`);
  };
  try {
    const bytes = readFileSync(file);
    let segment: Buffer | undefined;
    const decoder = new PacketDecoder((s) => {
      segment = Buffer.from(s.payload.subarray(s.payloadOffset, s.payloadOffset + s.payloadLength));
    }, note);
    const reader = new CaptureFileReader({
      onFrame(f) {
        segment = undefined;
        decoder.decodeFrame(f);
        payloads.push(segment ?? Buffer.alloc(0));
      },
      onDiagnostic: note,
    });
    reader.push(new Uint8Array(bytes));
    reader.end();
    decoder.finish();
  } catch (e) {
    problems.push(`cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return { payloads, problem: problems.length === 0 ? undefined : `${problems[0]!}${more}` };
}

/**
 * What is wrong with a ring set (the files in number order), or undefined: 3–6 files, each
 * read without an error or warning, the first ending with the split's first write, the second
 * holding its second. Never throws: a damaged file is one more thing wrong with the set.
 */
export function checkRing(files: readonly string[], split: RingSplit): string | undefined {
  if (files.length < 3 || files.length > 6) return `${files.length} files, not 3–6`;
  const read = files.map(tcpPayloads);
  const damaged = read.findIndex((r) => r.problem !== undefined);
  if (damaged >= 0) return `${files[damaged]!}: ${read[damaged]!.problem!}`;
  const last = read[0]!.payloads.at(-1);
  if (last === undefined || !last.equals(split.first)) return `${files[0]!} does not end with the first write of the split message`;
  if (!read[1]!.payloads.some((p) => p.equals(split.second))) return `${files[1]!} does not hold the second write of the split message`;
  return undefined;
}
