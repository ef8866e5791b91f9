/**
 * "Is this a MIVR log?" from the first bytes of a file (plain or gzip).
 *
 * True when one of the complete lines in the head (up to 64 KiB of text) is a record header
 * `<seq>: <Mon dd hh:mm:ss.fff> <zone> %MIVR-<FACILITY>-<level>-<MNEMONIC>:`.
 */
import { constants, gunzipSync } from 'node:zlib';
import { isGzipMagic } from './gzip.js';
import { HEADER, HeaderScan, scanHeader } from './header.js';

const HEAD_LIMIT = 64 * 1024;
const MIVR = [0x4d, 0x49, 0x56, 0x52];

function inflateHead(head: Uint8Array): Uint8Array {
  try {
    // Z_SYNC_FLUSH: a truncated stream (we only have its head) yields what it holds.
    return gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    return new Uint8Array(0);
  }
}

export function looksLikeMivrLog(head: Uint8Array): boolean {
  const bytes = isGzipMagic(head) ? inflateHead(head) : head;
  const end = Math.min(bytes.length, HEAD_LIMIT);
  const h = new HeaderScan();
  let s = 0;
  while (s < end) {
    let e = bytes.indexOf(10, s);
    if (e < 0 || e > end) e = end;
    const lineEnd = e > s && bytes[e - 1] === 13 ? e - 1 : e;
    if (scanHeader(bytes, s, lineEnd, h) === HEADER && h.productEnd - h.productStart === 4) {
      let mivr = true;
      for (let i = 0; i < 4; i++) if ((bytes[h.productStart + i] ?? 0) !== MIVR[i]) mivr = false;
      if (mivr) return true;
    }
    s = e + 1;
  }
  return false;
}

/** A record header after a file name and `:` or `-`, as `grep` and `zgrep` write lines of several files. */
const GREP_PREFIXED = /^([^\s:]{1,255})[:-]\d+: [A-Z][a-z]{2} +\d{1,2} \d\d:\d\d:\d\d[^\n]{0,200}%MIVR-/m;

/**
 * The file-name prefix (`MIVR01.log:`) of a head whose record headers follow a file name, as
 * `grep PATTERN MIVR*.log` writes them (not a MIVR log as it stands), or undefined.
 */
export function grepPrefixOf(head: Uint8Array): string | undefined {
  const bytes = isGzipMagic(head) ? inflateHead(head) : head;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, HEAD_LIMIT)).toString('latin1');
  const m = GREP_PREFIXED.exec(text);
  return m ? `${m[1]}${text[m.index + m[1]!.length]}` : undefined;
}
