/** Unsigned integer reads from a byte array, either byte order (no DataView needed). */

export function readU16(buf: Uint8Array, off: number, littleEndian: boolean): number {
  return littleEndian ? buf[off] | (buf[off + 1] << 8) : (buf[off] << 8) | buf[off + 1];
}

export function readU32(buf: Uint8Array, off: number, littleEndian: boolean): number {
  return littleEndian
    ? (buf[off] | (buf[off + 1] << 8) | (buf[off + 2] << 16) | (buf[off + 3] << 24)) >>> 0
    : ((buf[off] << 24) | (buf[off + 1] << 16) | (buf[off + 2] << 8) | buf[off + 3]) >>> 0;
}

export function readU16BE(buf: Uint8Array, off: number): number {
  return (buf[off] << 8) | buf[off + 1];
}

export function readU32BE(buf: Uint8Array, off: number): number {
  return ((buf[off] << 24) | (buf[off + 1] << 16) | (buf[off + 2] << 8) | buf[off + 3]) >>> 0;
}
