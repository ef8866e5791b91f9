/** Parses the hex notation of hand-written vectors: hex pairs, whitespace, `--`/`#` comments. */
export function vectorBytes(hex: string): Uint8Array {
  const digits = hex
    .split('\n')
    .map((line) => line.replace(/(--|#).*$/, ''))
    .join('')
    .replace(/\s+/g, '');
  if (!/^([0-9a-fA-F]{2})*$/.test(digits)) {
    throw new Error(`not an even run of hex digits: ${digits.slice(0, 40)}…`);
  }
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  return out;
}
