/**
 * Turning a 64-bit tick count (pcapng: two 32-bit halves) into seconds + nanoseconds,
 * exactly and without BigInt for the usual resolutions (10^-0…10^-11, 2^-0…2^-32).
 * Exotic resolutions fall back to BigInt (one conversion per packet, only on such files).
 */

/** pcapng `if_tsresol`: ticks are 10^-exponent s (`base` 10) or 2^-exponent s (`base` 2). */
export interface TimestampResolution {
  readonly base: 10 | 2;
  readonly exponent: number;
}

export const MICROSECOND_RESOLUTION: TimestampResolution = Object.freeze({ base: 10, exponent: 6 });

/** Where a conversion writes its result (a reused object, no allocation per packet). */
export interface TimestampTarget {
  tsSec: number;
  tsNsec: number;
}

/** Decodes the `if_tsresol` option byte (MSB clear: power of 10, set: power of 2). */
export function decodeTsresolByte(value: number): TimestampResolution {
  return (value & 0x80) === 0 ? { base: 10, exponent: value } : { base: 2, exponent: value & 0x7f };
}

const TWO_16 = 65536;
const TWO_32 = 4294967296;

/**
 * Converts tick counts of one resolution and offset; create one per interface.
 * `offsetSeconds` is pcapng `if_tsoffset` (added to every timestamp).
 */
export class TickConverter {
  private readonly mode: 'decimal' | 'binary' | 'bigint';
  private readonly divisor: number;
  /** decimal: multiply remainder by this (exponent ≤ 9) … */
  private readonly nsecMultiplier: number;
  /** … or divide it by this (exponent > 9). */
  private readonly nsecDivisor: number;
  private readonly exponent: number;
  private readonly bigDivisor: bigint;

  constructor(
    resolution: TimestampResolution,
    private readonly offsetSeconds: number = 0,
  ) {
    this.exponent = resolution.exponent;
    this.bigDivisor = 1n;
    this.divisor = 1;
    this.nsecMultiplier = 1;
    this.nsecDivisor = 1;
    if (resolution.base === 10 && resolution.exponent <= 11) {
      this.mode = 'decimal';
      this.divisor = 10 ** resolution.exponent;
      if (resolution.exponent <= 9) this.nsecMultiplier = 10 ** (9 - resolution.exponent);
      else this.nsecDivisor = 10 ** (resolution.exponent - 9);
    } else if (resolution.base === 2 && resolution.exponent <= 32) {
      this.mode = 'binary';
      this.divisor = 2 ** resolution.exponent;
    } else {
      this.mode = 'bigint';
      this.bigDivisor = BigInt(resolution.base) ** BigInt(resolution.exponent);
    }
  }

  /** Writes the timestamp of `high * 2^32 + low` ticks into `out`. */
  convert(high: number, low: number, out: TimestampTarget): void {
    if (this.mode === 'decimal') {
      // Long division of the 64-bit value by the divisor (< 2^37), 16 bits at a time:
      // every intermediate stays below 2^53, so all of it is exact.
      const d = this.divisor;
      let cur = high >>> 16;
      const q3 = Math.floor(cur / d);
      let r = cur - q3 * d;
      cur = r * TWO_16 + (high & 0xffff);
      const q2 = Math.floor(cur / d);
      r = cur - q2 * d;
      cur = r * TWO_16 + (low >>> 16);
      const q1 = Math.floor(cur / d);
      r = cur - q1 * d;
      cur = r * TWO_16 + (low & 0xffff);
      const q0 = Math.floor(cur / d);
      r = cur - q0 * d;
      out.tsSec = ((q3 * TWO_16 + q2) * TWO_16 + q1) * TWO_16 + q0 + this.offsetSeconds;
      out.tsNsec = this.nsecDivisor === 1 ? r * this.nsecMultiplier : Math.floor(r / this.nsecDivisor);
      return;
    }
    if (this.mode === 'binary') {
      const e = this.exponent;
      let sec: number;
      let frac: number;
      if (e === 32) {
        sec = high;
        frac = low;
      } else if (e === 0) {
        sec = high * TWO_32 + low;
        frac = 0;
      } else {
        sec = high * 2 ** (32 - e) + (low >>> e);
        frac = (low >>> 0) % 2 ** e;
      }
      // frac * 1e9 / 2^e = frac * 1953125 * 2^9 / 2^e; frac * 1953125 < 2^53: exact.
      const scaled = frac * 1953125;
      out.tsSec = sec + this.offsetSeconds;
      out.tsNsec = e >= 9 ? Math.floor(scaled / 2 ** (e - 9)) : scaled * 2 ** (9 - e);
      return;
    }
    const ticks = (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
    const sec = ticks / this.bigDivisor;
    const rem = ticks % this.bigDivisor;
    out.tsSec = Number(sec) + this.offsetSeconds;
    out.tsNsec = Number((rem * 1_000_000_000n) / this.bigDivisor);
  }
}
