/**
 * The parser of the ICD_CTI trace grammar (chevrotain, embedded actions).
 *
 * The parser only recognises structure and returns syntax nodes made of tokens; it never
 * interprets values. `cti-trace-builder.ts` turns the nodes into the neutral structures.
 * The grammar is total: every token sequence parses (unexpected tokens are collected as
 * `stray` / `trailing`), so a damaged record still yields what can be read.
 *
 * Entry rules: `textTraces` (lexer mode `text`) and `lowLevelTrace` (lexer mode `dump`).
 */
import { EmbeddedActionsParser, EMPTY_ALT, EOF, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import {
  allTokenTypes,
  AnyKey,
  AnyTextTok,
  AttrPair,
  Comma,
  DumpTok,
  EccHeader,
  Ellipsis,
  Key,
  LCurly,
  MdataLabel,
  MhdrLabel,
  MsgTypeKey,
  Offset,
  RCurly,
  SepKey,
  SimplePair,
  StrayTok,
  ValueTok,
  Word,
} from './cti-trace-tokens.js';
import { LineIndex } from './token-text.js';

/**
 * `key: value` as tokens. `key` is a `Key` / `SepKey` followed by the `value` tokens, or a
 * `SimplePair` holding key and value (then `value` is empty). `ecc` is the `<TotalBytes: n>`
 * token right after the key.
 */
export interface PairSyntax {
  readonly key: IToken;
  readonly ecc?: IToken;
  readonly value: readonly IToken[];
}

export type PairListItem =
  | ({ readonly kind: 'pair' } & PairSyntax)
  | { readonly kind: 'sep'; readonly token: IToken }
  | { readonly kind: 'stray'; readonly token: IToken };

export interface FlowBlockSyntax {
  readonly msgType: IToken;
  readonly name?: IToken;
  readonly items: PairListItem[];
}

export interface BracedSyntax {
  readonly open?: IToken;
  readonly attrs: IToken[];
  readonly items: PairListItem[];
  readonly close?: IToken;
}

export interface TextTracesSyntax {
  readonly preamble: IToken[];
  readonly flow: FlowBlockSyntax[];
  readonly braced?: BracedSyntax;
  readonly trailing: IToken[];
}

export interface DumpRowSyntax {
  /** The row's tokens in order; the first may be an `Offset`. */
  readonly tokens: IToken[];
}

export interface DumpSectionSyntax {
  readonly label: IToken;
  readonly rows: DumpRowSyntax[];
}

export interface LowLevelSyntax {
  readonly preamble: IToken[];
  readonly sections: DumpSectionSyntax[];
}

/** A message name written with a stray colon (`MsgType: CALL_DELIVERED_EVENT: CallID: ...`). */
const MESSAGE_NAME_KEY = /^[A-Z][A-Z0-9_]*:[\x00-\x20\x7f\u00a0]*$/;
/** The (shared, never modified) value list of a `SimplePair`. */
const NO_TOKENS: IToken[] = [];
/** Widest row step accepted when a dump puts several rows on one line. */
const MAX_ROW_STEP = 64;

function is(token: IToken, type: TokenType): boolean {
  return token.tokenType === type;
}

export class CtiTraceParser extends EmbeddedActionsParser {
  /** Start offset of the last `}` of the input (the closing brace of a braced trace), or -1. */
  private closingBraceOffset = -1;
  /** Line and stated offset of the dump row being parsed (for the row-end gate). */
  private rowLine = 0;
  private rowOffset = -1;
  /** Items of the pair list being parsed (the cached alternatives below push here). */
  private items: PairListItem[] = [];
  private pairListAlts: IOrAlt<void>[] | undefined;
  /** The pair being parsed (cached closures fill these: no allocation per pair). */
  private ecc: IToken | undefined;
  private value: IToken[] = [];
  private eccOption: (() => void) | undefined;
  private valueMany: { GATE: () => boolean; DEF: () => void } | undefined;
  /** Lines of the text being parsed (dump rows end at line breaks). */
  private lines = new LineIndex('');

  constructor() {
    super(allTokenTypes, { maxLookahead: 2, recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  /** Sets the tokens to parse (and the per-input state the gates use). */
  setInput(tokens: IToken[], lines: LineIndex): void {
    this.lines = lines;
    let close = -1;
    for (let i = tokens.length - 1; i >= 0; i--) {
      if (tokens[i].tokenType === RCurly) {
        close = tokens[i].startOffset;
        break;
      }
    }
    this.closingBraceOffset = close;
    this.items = [];
    this.input = tokens;
  }

  // ---- gates -----------------------------------------------------------------------------

  private isClosingBrace(token: IToken): boolean {
    return is(token, RCurly) && token.startOffset === this.closingBraceOffset;
  }

  /** Where a braced body or a flow block begins. */
  private startsBody(): boolean {
    const t = this.LA(1);
    return is(t, MsgTypeKey) || is(t, LCurly) || is(t, AttrPair);
  }

  private pairListContinues(): boolean {
    const t = this.LA(1);
    return !is(t, EOF) && !is(t, MsgTypeKey) && !this.isClosingBrace(t);
  }

  /** A value runs until the next key; a comma ends it only when a key (or the end) follows. */
  private valueContinues(): boolean {
    const t = this.LA(1);
    if (is(t, Word) || is(t, AttrPair) || is(t, Ellipsis) || is(t, LCurly)) return true;
    if (is(t, RCurly)) return !this.isClosingBrace(t);
    if (is(t, Comma)) {
      const next = this.LA(2);
      return !(
        is(next, Key) ||
        is(next, SepKey) ||
        is(next, SimplePair) ||
        is(next, MsgTypeKey) ||
        is(next, EOF) ||
        is(next, Comma) ||
        this.isClosingBrace(next)
      );
    }
    return false;
  }

  private isMessageNameToken(): boolean {
    const t = this.LA(1);
    return is(t, Word) || (is(t, Key) && MESSAGE_NAME_KEY.test(t.image));
  }

  /** Does the next token start a new dump row? (new line, label, or a plausible next offset) */
  private rowEnds(): boolean {
    const t = this.LA(1);
    if (is(t, EOF) || is(t, MhdrLabel) || is(t, MdataLabel)) return true;
    if (this.lines.lineAt(t.startOffset) !== this.rowLine) return true;
    if (!is(t, Offset)) return false;
    const value = parseInt(t.image, 16);
    if (this.rowOffset >= 0) return value > this.rowOffset && value - this.rowOffset <= MAX_ROW_STEP;
    return value > 0 && value % 16 === 0;
  }

  // ---- text mode -------------------------------------------------------------------------

  /** High-level trace or flow-table block(s), with whatever precedes / follows them. */
  public readonly textTraces = this.RULE('textTraces', (): TextTracesSyntax => {
    const preamble: IToken[] = [];
    const flow: FlowBlockSyntax[] = [];
    const trailing: IToken[] = [];
    let braced: BracedSyntax | undefined;
    this.MANY({
      GATE: () => !this.startsBody(),
      DEF: () => {
        preamble.push(this.CONSUME(AnyTextTok));
      },
    });
    this.OR([
      {
        ALT: () => {
          this.AT_LEAST_ONE(() => {
            flow.push(this.SUBRULE(this.flowBlock));
          });
        },
      },
      {
        ALT: () => {
          braced = this.SUBRULE(this.bracedBody);
        },
      },
      { ALT: EMPTY_ALT() },
    ]);
    this.MANY2(() => {
      trailing.push(this.CONSUME2(AnyTextTok));
    });
    return { preamble, flow, braced, trailing };
  });

  /** `MsgType: NAME key: value ...` */
  public readonly flowBlock = this.RULE('flowBlock', (): FlowBlockSyntax => {
    const msgType = this.CONSUME(MsgTypeKey);
    let name: IToken | undefined;
    this.OPTION({
      GATE: () => this.isMessageNameToken(),
      DEF: () => {
        name = this.OR([{ ALT: () => this.CONSUME(Word) }, { ALT: () => this.CONSUME(Key) }]);
      },
    });
    const items = this.SUBRULE(this.pairList);
    return { msgType, name, items };
  });

  /** `{ length=-1 type=NAME, key: value, ... }` (braces optional when `type=` is there). */
  public readonly bracedBody = this.RULE('bracedBody', (): BracedSyntax => {
    let open: IToken | undefined;
    let close: IToken | undefined;
    const attrs: IToken[] = [];
    this.OR([
      {
        ALT: () => {
          open = this.CONSUME(LCurly);
          this.MANY(() => {
            attrs.push(this.CONSUME(AttrPair));
          });
        },
      },
      {
        ALT: () => {
          this.AT_LEAST_ONE(() => {
            attrs.push(this.CONSUME2(AttrPair));
          });
        },
      },
    ]);
    const items = this.SUBRULE(this.pairList);
    this.OPTION(() => {
      close = this.CONSUME(RCurly);
    });
    return { open, attrs, items, close };
  });

  /**
   * Pairs (`key:` [`<TotalBytes: n>`] value), separating commas and stray tokens, up to the
   * closing brace / the next block / the end. A value runs up to the next key; a comma ends
   * it only when a key follows (`John,Doe` is one value). Inlined (no sub-rules) for speed.
   */
  public readonly pairList = this.RULE('pairList', (): PairListItem[] => {
    const items: PairListItem[] = [];
    this.ACTION(() => {
      this.items = items;
    });
    this.MANY({
      GATE: () => this.pairListContinues(),
      DEF: () => {
        this.OR(
          (this.pairListAlts ??= [
            {
              ALT: () => {
                const key = this.CONSUME(AnyKey);
                this.ecc = undefined;
                this.OPTION((this.eccOption ??= () => {
                  this.ecc = this.CONSUME(EccHeader);
                }));
                const ecc = this.ecc;
                const value: IToken[] = (this.value = []);
                this.MANY2(
                  (this.valueMany ??= {
                    GATE: () => this.valueContinues(),
                    DEF: () => {
                      this.value.push(this.CONSUME(ValueTok));
                    },
                  }),
                );
                this.items.push({ kind: 'pair', key, ecc, value });
              },
            },
            {
              ALT: () => {
                this.items.push({ kind: 'pair', key: this.CONSUME(SimplePair), ecc: undefined, value: NO_TOKENS });
              },
            },
            {
              ALT: () => {
                this.items.push({ kind: 'sep', token: this.CONSUME(Comma) });
              },
            },
            {
              ALT: () => {
                this.items.push({ kind: 'stray', token: this.CONSUME(StrayTok) });
              },
            },
          ]),
        );
      },
    });
    return items;
  });

  // ---- dump mode -------------------------------------------------------------------------

  /** `writing...` then `MHDR:` rows then `MDATA:` rows (possibly repeated). */
  public readonly lowLevelTrace = this.RULE('lowLevelTrace', (): LowLevelSyntax => {
    const preamble: IToken[] = [];
    const sections: DumpSectionSyntax[] = [];
    this.MANY(() => {
      preamble.push(this.CONSUME(DumpTok));
    });
    this.MANY2(() => {
      sections.push(this.SUBRULE(this.dumpSection));
    });
    return { preamble, sections };
  });

  public readonly dumpSection = this.RULE('dumpSection', (): DumpSectionSyntax => {
    const label = this.OR([{ ALT: () => this.CONSUME(MhdrLabel) }, { ALT: () => this.CONSUME(MdataLabel) }]);
    const rows: DumpRowSyntax[] = [];
    this.MANY(() => {
      rows.push(this.SUBRULE(this.dumpRow));
    });
    return { label, rows };
  });

  /** `[offset:] byte byte ... [gutter]` — bytes and gutter are told apart by the builder. */
  public readonly dumpRow = this.RULE('dumpRow', (): DumpRowSyntax => {
    const tokens: IToken[] = [];
    const first = this.CONSUME(DumpTok);
    tokens.push(first);
    this.ACTION(() => {
      this.rowLine = this.lines.lineAt(first.startOffset);
      this.rowOffset = is(first, Offset) ? parseInt(first.image, 16) : -1;
    });
    this.MANY({
      GATE: () => !this.rowEnds(),
      DEF: () => {
        tokens.push(this.CONSUME2(DumpTok));
      },
    });
    return { tokens };
  });

}

let shared: CtiTraceParser | undefined;

/** The parser instance (built once: chevrotain's self-analysis is costly). Not re-entrant. */
export function getCtiTraceParser(): CtiTraceParser {
  shared ??= new CtiTraceParser();
  return shared;
}
