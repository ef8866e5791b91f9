/**
 * Bytes → lines. Scans for `\n` with the native `Buffer.indexOf`, drops a `\r` before it,
 * carries a partial line over to the next chunk, cuts lines longer than `maxLineBytes`, and
 * flags lines holding a NUL byte (binary damage) without looking at every byte in JS.
 */

export const LINE_HAS_NUL = 1;
export const LINE_TRUNCATED = 2;

export interface LineSink {
  /** The line is `buf[start, end)` (no line terminator); `lineNo` is 1-based. */
  line(buf: Buffer, start: number, end: number, lineNo: number, flags: number): void;
}

function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

export class LineSplitter {
  private pending: Buffer | undefined;
  private lineNo = 0;
  /** Inside a line that was cut: drop bytes up to the next newline. */
  private skipping = false;

  constructor(
    private readonly sink: LineSink,
    private readonly maxLineBytes: number,
  ) {}

  get lines(): number {
    return this.lineNo;
  }

  push(chunk: Uint8Array): void {
    let buf = asBuffer(chunk);
    let pos = 0;
    if (this.skipping) {
      const nl = buf.indexOf(10);
      if (nl < 0) return;
      pos = nl + 1;
      this.skipping = false;
    }
    if (this.pending) {
      // Complete the carried-over line with the head of this chunk; the rest stays in place.
      const nl = buf.indexOf(10, pos);
      if (nl < 0) {
        buf = Buffer.concat([this.pending, pos === 0 ? buf : buf.subarray(pos)]);
        pos = 0;
        this.pending = undefined;
      } else {
        const line = Buffer.concat([this.pending, buf.subarray(pos, nl + 1)]);
        this.pending = undefined;
        this.emitWhole(line);
        pos = nl + 1;
      }
    }
    let nul = buf.indexOf(0, pos);
    const len = buf.length;
    for (;;) {
      const nl = buf.indexOf(10, pos);
      if (nl < 0) break;
      let flags = 0;
      if (nul >= 0) {
        if (nul < pos) nul = buf.indexOf(0, pos);
        if (nul >= 0 && nul < nl) flags = LINE_HAS_NUL;
      }
      const end = nl > pos && buf[nl - 1] === 13 ? nl - 1 : nl;
      if (end - pos > this.maxLineBytes) this.emitLast(buf, pos, pos + this.maxLineBytes, LINE_TRUNCATED);
      else this.sink.line(buf, pos, end, ++this.lineNo, flags);
      pos = nl + 1;
    }
    if (pos < len) {
      // A `\r` at the end may be the first half of a CRLF: it does not count.
      const rest = buf[len - 1] === 13 ? len - 1 - pos : len - pos;
      if (rest > this.maxLineBytes) {
        this.emitLast(buf, pos, pos + this.maxLineBytes, LINE_TRUNCATED);
        this.skipping = true;
      } else {
        this.pending = buf.subarray(pos);
      }
    }
  }

  /** Emits `buf`, one line ending with its `\n` (cut when longer than `maxLineBytes`). */
  private emitWhole(buf: Buffer): void {
    let end = buf.length - 1;
    if (end > 0 && buf[end - 1] === 13) end--;
    if (end > this.maxLineBytes) {
      this.emitLast(buf, 0, this.maxLineBytes, LINE_TRUNCATED);
      return;
    }
    this.emitLast(buf, 0, end, 0);
  }

  /** Flushes a last line without a terminator. */
  end(): void {
    const rest = this.pending;
    this.pending = undefined;
    this.skipping = false;
    if (rest && rest.length > 0) {
      const end = rest[rest.length - 1] === 13 ? rest.length - 1 : rest.length;
      this.emitLast(rest, 0, end, 0);
    }
  }

  private emitLast(buf: Buffer, start: number, end: number, flags: number): void {
    const nul = buf.indexOf(0, start);
    const f = nul >= 0 && nul < end ? flags | LINE_HAS_NUL : flags;
    this.sink.line(buf, start, end, ++this.lineNo, f);
  }
}
