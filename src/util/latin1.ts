/**
 * Bytes as Latin-1 text (every byte one character) the fastest way this Node has: what
 * Buffer#toString('latin1', s, e) calls, without its argument checks, when the method is there
 * and behaves; toString otherwise.
 */
type Latin1Slice = (this: Buffer, start: number, end: number) => string;

const LATIN1_SLICE: Latin1Slice | undefined = (() => {
  const candidate = (Buffer.prototype as unknown as { latin1Slice?: Latin1Slice }).latin1Slice;
  try {
    return typeof candidate === 'function' && candidate.call(Buffer.from([0x41, 0xe9]), 0, 2) === 'A\u00e9' ? candidate : undefined;
  } catch {
    return undefined;
  }
})();

/** `b[s, e)` as Latin-1, `s <= e` within `b`. */
export function latin1Slice(b: Buffer, s: number, e: number): string {
  return LATIN1_SLICE ? LATIN1_SLICE.call(b, s, e) : b.toString('latin1', s, e);
}
