/**
 * Byte-level recognition of a MIVR record header (the hot path: runs on every line).
 *
 *   7091923: Nov 20 10:43:59.435 EDT %MIVR-ICD_CTI-7-UNK:text...
 *   <seq>:   <Mon dd hh:mm:ss[.fff]> <zone> %<PRODUCT>-<FACILITY>-<level>-<MNEMONIC>:
 *
 * Accepted variations: several spaces, a space-padded day (`Nov  5`), a 4-digit year after
 * the day, 1–9 fraction digits after `.` or `,`, no zone at all, lower/upper-case month.
 * No regex, no allocation: the fields are left in a reusable `HeaderScan`.
 *
 * Result: `NOT_HEADER` (a continuation line), `MALFORMED_HEADER` (starts like a header —
 * `<digits>: <Mon> ` — but the rest does not parse) or `HEADER`.
 */

export const NOT_HEADER = 0;
export const MALFORMED_HEADER = 1;
export const HEADER = 2;
export type HeaderStatus = typeof NOT_HEADER | typeof MALFORMED_HEADER | typeof HEADER;

const SPACE = 0x20;
const COLON = 0x3a;
const PERCENT = 0x25;
const DASH = 0x2d;

/** Fields of the last scanned header; byte positions index the scanned buffer. */
export class HeaderScan {
  seq = 0;
  month = 0;
  day = 0;
  /** Year written in the header, or -1. */
  year = -1;
  hour = 0;
  minute = 0;
  second = 0;
  nsec = 0;
  /** Local time text: `Nov 20 10:43:59.435`. */
  timeStart = 0;
  timeEnd = 0;
  tzStart = 0;
  tzEnd = 0;
  productStart = 0;
  productEnd = 0;
  facilityStart = 0;
  facilityEnd = 0;
  /** Hash of the facility bytes (to count facilities without building strings). */
  facilityHash = 0;
  level = 0;
  mnemonicStart = 0;
  mnemonicEnd = 0;
  /** First byte of the text after `MNEMONIC:`. */
  textStart = 0;
  /** Why the last header-like line was malformed. */
  reason = '';
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Bytes of a product, facility or mnemonic name: letters, digits, `_`, `.` (a table: one load per byte). */
const NAME_BYTE = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  NAME_BYTE[c] = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || isDigit(c) || c === 0x5f || c === 0x2e ? 1 : 0;
}

function isNameByte(c: number): boolean {
  return NAME_BYTE[c] === 1;
}

/** 0–11 for `Jan`…`Dec` (any case), else -1. */
export function monthIndex(a: number, b: number, c: number): number {
  const k = ((a | 0x20) << 16) | ((b | 0x20) << 8) | (c | 0x20);
  switch (k) {
    case 0x6a616e: return 0; // jan
    case 0x666562: return 1; // feb
    case 0x6d6172: return 2; // mar
    case 0x617072: return 3; // apr
    case 0x6d6179: return 4; // may
    case 0x6a756e: return 5; // jun
    case 0x6a756c: return 6; // jul
    case 0x617567: return 7; // aug
    case 0x736570: return 8; // sep
    case 0x6f6374: return 9; // oct
    case 0x6e6f76: return 10; // nov
    case 0x646563: return 11; // dec
    default: return -1;
  }
}

function fail(h: HeaderScan, reason: string): HeaderStatus {
  h.reason = reason;
  return MALFORMED_HEADER;
}

/** Two digits at `p` as a number, or -1. */
function two(b: Uint8Array, p: number, e: number): number {
  if (p + 1 >= e || !isDigit(b[p]) || !isDigit(b[p + 1])) return -1;
  return (b[p] - 0x30) * 10 + (b[p + 1] - 0x30);
}

/** Scans the line `b[s, e)`. */
export function scanHeader(b: Uint8Array, s: number, e: number, h: HeaderScan): HeaderStatus {
  let p = s;
  if (p >= e || !isDigit(b[p])) return NOT_HEADER;
  let seq = 0;
  while (p < e && isDigit(b[p])) {
    seq = seq * 10 + (b[p] - 0x30);
    p++;
  }
  if (p - s > 15 || p >= e || b[p] !== COLON) return NOT_HEADER;
  p++;
  if (p >= e || b[p] !== SPACE) return NOT_HEADER;
  while (p < e && b[p] === SPACE) p++;
  if (p + 3 >= e) return NOT_HEADER;
  const month = monthIndex(b[p], b[p + 1], b[p + 2]);
  if (month < 0 || b[p + 3] !== SPACE) return NOT_HEADER;
  // From here on the line is meant to be a header.
  h.seq = seq;
  h.month = month;
  h.timeStart = p;
  p += 4;
  while (p < e && b[p] === SPACE) p++;
  let day = 0;
  const dayStart = p;
  while (p < e && isDigit(b[p]) && p - dayStart < 2) {
    day = day * 10 + (b[p] - 0x30);
    p++;
  }
  if (p === dayStart || day < 1 || day > 31 || p >= e || b[p] !== SPACE) return fail(h, 'bad day of month');
  h.day = day;
  p++;
  h.year = -1;
  if (p + 4 < e && isDigit(b[p]) && isDigit(b[p + 1]) && isDigit(b[p + 2]) && isDigit(b[p + 3]) && b[p + 4] === SPACE) {
    h.year = (b[p] - 0x30) * 1000 + (b[p + 1] - 0x30) * 100 + (b[p + 2] - 0x30) * 10 + (b[p + 3] - 0x30);
    p += 5;
  }
  const hour = two(b, p, e);
  if (hour < 0 || hour > 23 || p + 2 >= e || b[p + 2] !== COLON) return fail(h, 'bad hour');
  const minute = two(b, p + 3, e);
  if (minute < 0 || minute > 59 || p + 5 >= e || b[p + 5] !== COLON) return fail(h, 'bad minute');
  const second = two(b, p + 6, e);
  if (second < 0 || second > 60) return fail(h, 'bad second');
  h.hour = hour;
  h.minute = minute;
  h.second = second;
  p += 8;
  let nsec = 0;
  if (p < e && (b[p] === 0x2e || b[p] === 0x2c)) {
    p++;
    let digits = 0;
    while (p < e && isDigit(b[p])) {
      if (digits < 9) {
        nsec = nsec * 10 + (b[p] - 0x30);
        digits++;
      }
      p++;
    }
    if (digits === 0) return fail(h, 'bad fraction of a second');
    for (let i = digits; i < 9; i++) nsec *= 10;
  }
  h.nsec = nsec;
  h.timeEnd = p;
  if (p >= e || b[p] !== SPACE) return fail(h, 'no space after the time');
  while (p < e && b[p] === SPACE) p++;
  // Zone (optional): everything up to the next space, unless the product comes right away.
  h.tzStart = p;
  if (p < e && b[p] !== PERCENT) {
    while (p < e && b[p] !== SPACE) p++;
    if (p - h.tzStart > 32) return fail(h, 'zone too long');
  }
  h.tzEnd = p;
  while (p < e && b[p] === SPACE) p++;
  if (p >= e || b[p] !== PERCENT) return fail(h, 'no %PRODUCT-FACILITY-level-MNEMONIC');
  p++;
  h.productStart = p;
  while (p < e && isNameByte(b[p])) p++;
  if (p === h.productStart || p >= e || b[p] !== DASH) return fail(h, 'bad product');
  h.productEnd = p;
  p++;
  h.facilityStart = p;
  let hash = 0;
  while (p < e && isNameByte(b[p])) {
    hash = (Math.imul(hash, 31) + b[p]) | 0;
    p++;
  }
  if (p === h.facilityStart || p >= e || b[p] !== DASH) return fail(h, 'bad facility');
  h.facilityEnd = p;
  h.facilityHash = hash;
  p++;
  let level = 0;
  const levelStart = p;
  while (p < e && isDigit(b[p]) && p - levelStart < 3) {
    level = level * 10 + (b[p] - 0x30);
    p++;
  }
  if (p === levelStart || p >= e || b[p] !== DASH) return fail(h, 'bad level');
  h.level = level;
  p++;
  h.mnemonicStart = p;
  while (p < e && isNameByte(b[p])) p++;
  if (p === h.mnemonicStart || p >= e || b[p] !== COLON) return fail(h, 'bad mnemonic');
  h.mnemonicEnd = p;
  h.textStart = p + 1;
  return HEADER;
}
