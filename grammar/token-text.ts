/**
 * Token text and lines. Tokens swallow the whitespace after them and the lexer tracks offsets
 * only, so the text of a token (without that whitespace) and the line of an offset are
 * computed here, on demand, without touching the token objects (adding properties to them
 * would cost more than the lexing).
 */
import type { IToken } from 'chevrotain';

/** Whitespace as the lexer sees it: control characters, space, DEL, NBSP. */
export function isWs(c: number): boolean {
  return c <= 0x20 || c === 0x7f || c === 0xa0;
}

/** Offset just past the token's text (trailing whitespace excluded). */
export function textEnd(t: IToken): number {
  const img = t.image;
  let n = img.length;
  while (n > 0 && isWs(img.charCodeAt(n - 1))) n--;
  return t.startOffset + n;
}

/** The token's text without the whitespace it swallowed. */
export function tokenText(t: IToken): string {
  const img = t.image;
  let n = img.length;
  while (n > 0 && isWs(img.charCodeAt(n - 1))) n--;
  return n === img.length ? img : img.slice(0, n);
}

/** Text from the first token's start to the last token's text end (`''` for none). */
export function sliceTokens(text: string, tokens: readonly IToken[]): string {
  return tokens.length === 0 ? '' : text.slice(tokens[0].startOffset, textEnd(tokens[tokens.length - 1]));
}

/** Offset → 1-based line. */
export class LineIndex {
  /** Offsets of the `\n` characters. */
  private readonly breaks: number[] = [];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.breaks.push(i);
  }

  lineAt(offset: number): number {
    const b = this.breaks;
    let lo = 0;
    let hi = b.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (b[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
}
