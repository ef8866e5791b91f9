/**
 * The files of one capture read one after the other (a ring buffer), and where a frame is:
 * the capture pipeline numbers frames on across the files (file k's frame n is
 * `base(k) + n`), this maps such a number back to the file and the file's own frame number
 * (what `tshark -r thatfile` shows). A single file has base 0: its numbers are its own.
 */
import type { SourceRef } from '../../timeline/types.js';

export class FrameFiles {
  private readonly names: string[] = [];
  /** Frames before each file, non-decreasing (an empty file has its successor's base). */
  private readonly bases: number[] = [];
  /** Per file: whether the capture reader's offsets are the file's own bytes (not for a gzip-compressed file, whose offsets are the decompressed data's). */
  private readonly offsetsInFile: boolean[] = [];

  /** `offsetsInFile`: see {@link add}. */
  constructor(first: string, offsetsInFile = true) {
    this.add(first, 0, offsetsInFile);
  }

  /**
   * The next file, whose frames come after `base` frames; returns its index. `offsetsInFile`:
   * the file is read as it is stored (not decompressed), so a frame's record offset is a place
   * in the file.
   */
  add(name: string, base: number, offsetsInFile = true): number {
    this.names.push(name);
    this.bases.push(base);
    this.offsetsInFile.push(offsetsInFile);
    return this.names.length - 1;
  }

  /** Whether the record offsets of the frame numbered `frame` across the files are places in its file (see {@link add}). */
  recordsInFile(frame: number): boolean {
    return this.offsetsInFile[this.indexOf(frame)]!;
  }

  name(index: number): string {
    return this.names[index] ?? this.names[0]!;
  }

  /** Index of the file holding the frame numbered `frame` across the files (frame 0 and below: the first file). */
  indexOf(frame: number): number {
    const bases = this.bases;
    let hi = bases.length - 1;
    if (frame > bases[hi]!) return hi; // the file being read: the common case
    let lo = 0;
    // The last file whose base is below the frame.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bases[mid]! < frame) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The file holding a frame numbered across the files. */
  fileOf(frame: number): string {
    return this.names[this.indexOf(frame)]!;
  }

  /**
   * A frame named in a diagnostic's text: `frame N` (its own number) in the file being read,
   * `frame N of FILE` in an earlier one.
   */
  describe(frame: number): string {
    const i = this.indexOf(frame);
    const own = `frame ${frame - this.bases[i]!}`;
    return i === this.names.length - 1 ? own : `${own} of ${this.names[i]!}`;
  }

  /** The file and its own frame number, for a frame numbered across the files. */
  locate(frame: number): SourceRef {
    const i = this.indexOf(frame);
    return { file: this.names[i]!, frame: frame - this.bases[i]! };
  }
}
