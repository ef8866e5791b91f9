/**
 * Bytes as Latin-1 text (every byte one character) the fastest way this Node has: what
 * Buffer#toString('latin1', s, e) calls, without its argument checks, when the method is there
 * and behaves — called on a plain Uint8Array too, which it reads as it reads a Buffer (no Buffer
 * made around it: that cost as much as the slice itself for a CTI message's bytes);
 * toString otherwise.
 */
type Latin1Slice = (this: Uint8Array, start: number, end: number) => string;

const LATIN1_SLICE: Latin1Slice | undefined = (() => {
  const candidate = (Buffer.prototype as unknown as { latin1Slice?: Latin1Slice }).latin1Slice;
  try {
    const plain = new Uint8Array([0x00, 0x41, 0xe9, 0x42]).subarray(1, 3);
    return typeof candidate === 'function' &&
      candidate.call(Buffer.from([0x41, 0xe9]), 0, 2) === 'A\u00e9' &&
      candidate.call(plain, 0, 2) === 'A\u00e9' &&
      candidate.call(plain, 1, 2) === '\u00e9'
      ? candidate
      : undefined;
  } catch {
    return undefined;
  }
})();

/** `b[s, e)` as Latin-1, `s <= e` within `b` (a Buffer or any Uint8Array). */
export function latin1Slice(b: Uint8Array, s: number, e: number): string {
  if (LATIN1_SLICE) return LATIN1_SLICE.call(b, s, e);
  return (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength)).toString('latin1', s, e);
}
