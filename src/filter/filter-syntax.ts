/**
 * The display filter's syntax (`ccxcti decode -Y EXPR`), in the manner of Wireshark's display
 * filters: comparisons of fields with values, joined by `&&` / `||`, negated by `!`,
 * grouped by parentheses.
 *
 *   expr       := and ( ("||" | "or") and )*
 *   and        := unary ( ("&&" | "and") unary )*
 *   unary      := ("!" | "not") unary | "(" expr ")" | comparison
 *   comparison := field [ op value ]
 *   op         := "==" | "eq" | "!=" | "ne" | "<" | "lt" | "<=" | "le" | ">" | "gt" | ">=" | "ge"
 *               | "contains" | "matches" | "~"
 *   value      := number (decimal or 0x hex) | "string" | word
 *   field      := word ( "." word )*
 *
 * This module only parses; what the names mean is message-filter.ts's business.
 */

export class FilterError extends Error {
  constructor(
    message: string,
    /** Where in the expression (a character offset) and how long the offending part is. */
    readonly offset: number,
    readonly length: number,
  ) {
    super(message);
    this.name = 'FilterError';
  }
}

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'matches';

export type FilterValue =
  | { readonly kind: 'number'; readonly value: number; readonly text: string }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'word'; readonly value: string };

export interface FieldRef {
  readonly path: readonly string[];
  readonly text: string;
  readonly offset: number;
}

export type FilterNode =
  | { readonly kind: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'not'; readonly operand: FilterNode }
  | { readonly kind: 'exists'; readonly field: FieldRef }
  | { readonly kind: 'compare'; readonly field: FieldRef; readonly op: CompareOp; readonly value: FilterValue; readonly valueOffset: number };

type Token =
  | { readonly kind: 'punct'; readonly text: string; readonly offset: number }
  | { readonly kind: 'word'; readonly text: string; readonly offset: number }
  | { readonly kind: 'number'; readonly text: string; readonly value: number; readonly offset: number }
  | { readonly kind: 'string'; readonly text: string; readonly value: string; readonly offset: number }
  | { readonly kind: 'end'; readonly text: ''; readonly offset: number };

const PUNCT = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '~', '(', ')'];
const WORD = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;
const NUMBER = /-?(?:0[xX][0-9a-fA-F]+|[0-9]+)(?![A-Za-z0-9_.])/y;
const SPACE = /\s+/y;

const WORD_OPS: Readonly<Record<string, CompareOp>> = { eq: '==', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=', contains: 'contains', matches: 'matches' };
const PUNCT_OPS: Readonly<Record<string, CompareOp>> = { '==': '==', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=', '~': 'matches' };

function stringAt(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') return { value, end: i + 1 };
    if (c !== '\\') {
      value += c;
      i++;
      continue;
    }
    const e = text[i + 1];
    if (e === undefined) break;
    if (e === 'n') value += '\n';
    else if (e === 't') value += '\t';
    else if (e === 'r') value += '\r';
    else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 2, i + 4))) {
      value += String.fromCharCode(parseInt(text.slice(i + 2, i + 4), 16));
      i += 2;
    } else value += e;
    i += 2;
  }
  throw new FilterError('a string is not closed by "', start, text.length - start);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (true) {
    SPACE.lastIndex = i;
    if (SPACE.test(text)) i = SPACE.lastIndex;
    if (i >= text.length) break;
    const c = text[i]!;
    if (c === '"') {
      const s = stringAt(text, i);
      tokens.push({ kind: 'string', text: text.slice(i, s.end), value: s.value, offset: i });
      i = s.end;
      continue;
    }
    NUMBER.lastIndex = i;
    const n = NUMBER.exec(text);
    if (n) {
      const raw = n[0];
      const negative = raw.startsWith('-');
      const digits = negative ? raw.slice(1) : raw;
      const magnitude = /^0x/i.test(digits) ? parseInt(digits.slice(2), 16) : Number(digits);
      tokens.push({ kind: 'number', text: raw, value: negative ? -magnitude : magnitude, offset: i });
      i += raw.length;
      continue;
    }
    WORD.lastIndex = i;
    const w = WORD.exec(text);
    if (w) {
      tokens.push({ kind: 'word', text: w[0], offset: i });
      i += w[0].length;
      continue;
    }
    const p = PUNCT.find((op) => text.startsWith(op, i));
    if (p === undefined) {
      const hint = c === '=' ? ' (compare with ==)' : c === '&' || c === '|' ? ` (write ${c}${c})` : /[0-9-]/.test(c) ? ' (quote a value that is not a plain number: "10.1.1.5:50311-10.1.1.2:42027#1")' : '';
      throw new FilterError(`unexpected ${JSON.stringify(c)}${hint}`, i, 1);
    }
    tokens.push({ kind: 'punct', text: p, offset: i });
    i += p.length;
  }
  tokens.push({ kind: 'end', text: '', offset: text.length });
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly text: string,
  ) {}

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private next(): Token {
    return this.tokens[this.pos++]!;
  }

  private is(...texts: string[]): boolean {
    const t = this.peek();
    return (t.kind === 'punct' || t.kind === 'word') && texts.includes(t.text);
  }

  private fail(what: string, t: Token = this.peek()): never {
    const found = t.kind === 'end' ? 'the end of the filter' : JSON.stringify(t.text);
    throw new FilterError(`${what}, found ${found}`, t.offset, Math.max(1, t.text.length));
  }

  parse(): FilterNode {
    if (this.peek().kind === 'end') throw new FilterError('the filter is empty', 0, Math.max(1, this.text.length));
    const node = this.or();
    if (this.peek().kind !== 'end') this.fail('expected && or || between comparisons');
    return node;
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.is('||', 'or')) {
      this.next();
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.is('&&', 'and')) {
      this.next();
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.is('!', 'not')) {
      this.next();
      return { kind: 'not', operand: this.unary() };
    }
    if (this.is('(')) {
      const open = this.next();
      const inner = this.or();
      if (!this.is(')')) this.fail(`expected ) to close the ( at ${open.offset + 1}`);
      this.next();
      return inner;
    }
    return this.comparison();
  }

  private comparison(): FilterNode {
    const t = this.peek();
    if (t.kind !== 'word' || t.text in WORD_OPS || ['and', 'or', 'not'].includes(t.text)) this.fail('expected a field name');
    this.next();
    const field: FieldRef = { path: t.text.split('.'), text: t.text, offset: t.offset };
    const o = this.peek();
    const op = o.kind === 'punct' ? PUNCT_OPS[o.text] : o.kind === 'word' ? WORD_OPS[o.text] : undefined;
    if (op === undefined) return { kind: 'exists', field };
    this.next();
    const v = this.next();
    if (v.kind === 'number') return { kind: 'compare', field, op, value: { kind: 'number', value: v.value, text: v.text }, valueOffset: v.offset };
    if (v.kind === 'string') return { kind: 'compare', field, op, value: { kind: 'string', value: v.value }, valueOffset: v.offset };
    if (v.kind === 'word' && !(v.text in WORD_OPS) && !['and', 'or', 'not'].includes(v.text)) return { kind: 'compare', field, op, value: { kind: 'word', value: v.text }, valueOffset: v.offset };
    return this.fail(`expected a value after ${o.text}`, v);
  }
}

/** The expression as a tree; a FilterError (with where) if it is not one. */
export function parseFilter(text: string): FilterNode {
  return new Parser(tokenize(text), text).parse();
}
