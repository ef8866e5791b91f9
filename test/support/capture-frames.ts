/** Test support: reading frames of capture bytes with the push reader, in given chunk sizes. */
import { CaptureFileReader, type CaptureReaderOptions } from '../../src/capture/capture-file-reader.js';
import type { CaptureDiagnostic } from '../../src/capture/diagnostics.js';

export interface ReadFrame {
  frame: number;
  sec: number;
  nsec: number;
  hasTimestamp: boolean;
  linkType: number;
  /** Copied bytes. */
  bytes: Uint8Array;
  originalLength: number;
  interfaceId: number;
  fileOffset: number;
}

export function readFrames(
  bytes: Uint8Array,
  chunkSizes: readonly number[] = [1 << 20],
  options: CaptureReaderOptions = {},
): { frames: ReadFrame[]; diagnostics: CaptureDiagnostic[] } {
  const frames: ReadFrame[] = [];
  const diagnostics: CaptureDiagnostic[] = [];
  const reader = new CaptureFileReader(
    {
      onFrame(f) {
        frames.push({
          frame: f.frameNumber,
          sec: f.tsSec,
          nsec: f.tsNsec,
          hasTimestamp: f.hasTimestamp,
          linkType: f.linkType,
          bytes: f.buffer.slice(f.dataOffset, f.dataOffset + f.capturedLength),
          originalLength: f.originalLength,
          interfaceId: f.interfaceId,
          fileOffset: f.fileOffset,
        });
      },
      onDiagnostic(d) {
        diagnostics.push(d);
      },
    },
    options,
  );
  let pos = 0;
  let k = 0;
  while (pos < bytes.length) {
    const size = Math.max(1, chunkSizes[k++ % chunkSizes.length]);
    reader.push(bytes.subarray(pos, Math.min(bytes.length, pos + size)));
    pos += size;
  }
  reader.end();
  return { frames, diagnostics };
}
