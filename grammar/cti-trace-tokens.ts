/**
 * Tokens and the lexer of the ICD_CTI trace grammar.
 *
 * Two lexer modes:
 * - `text`: high-level traces (`{ length=-1 type=X, k: v, ... }`) and flow-table blocks
 *   (`MsgType: X k: v ...`);
 * - `dump`: low-level traces (`writing...` / `MHDR: 0000: 00 00 ...` / `MDATA: ...`).
 *
 * For speed every token swallows the whitespace after it (half as many matches as with
 * separate whitespace tokens) and only offsets are tracked; `token-text.ts` gives a token's
 * text without that whitespace and the line of an offset. Token
 * categories (`ValueTok`, `StrayTok`, `AnyTextTok`, `DumpTok`) let the parser consume "any of
 * these" in one step.
 *
 * Character classes are written as positive ranges (chevrotain's first-character
 * optimisation cannot use complements); "whitespace" is every control character, space, DEL
 * and NBSP, so no byte of a damaged record can stop the lexer.
 */
import { createToken, Lexer, type IMultiModeLexerDefinition, type TokenType } from 'chevrotain';

/** Characters treated as whitespace (see the module comment). */
const WS = '\\x00-\\x20\\x7f\\u00a0';
/** Anything but whitespace, `,`, `<`, `{` and `}`. */
const WORD = '\\x21-\\x2b\\x2d-\\x3b\\x3d-\\x7a\\x7c\\x7e\\x80-\\x9f\\xa1-\\uffff';
/** A key character: a word character that is not `:`, `=`, `>`, `[` or `]`. */
const KEY = '\\x21-\\x2b\\x2d-\\x39\\x3b\\x3f-\\x5a\\x5c\\x5e-\\x7a\\x7c\\x7e\\x80-\\x9f\\xa1-\\uffff';
/** A word character but `:` (the last character of a one-word value). */
const WORD_END = '\\x21-\\x2b\\x2d-\\x39\\x3b\\x3d-\\x7a\\x7c\\x7e\\x80-\\x9f\\xa1-\\uffff';
/** Anything but whitespace. */
const DUMP = '\\x21-\\x7e\\x80-\\x9f\\xa1-\\uffff';

const re = (source: string, flags = ''): RegExp => new RegExp(source, flags);

// ---- categories --------------------------------------------------------------------------

/** Tokens that can be part of a value. */
export const ValueTok = createToken({ name: 'ValueTok', pattern: Lexer.NA });
/** Tokens that can stand outside any pair. */
export const StrayTok = createToken({ name: 'StrayTok', pattern: Lexer.NA });
/** Any token of the text mode. */
export const AnyTextTok = createToken({ name: 'AnyTextTok', pattern: Lexer.NA });
/** `key:` or `, key:`. */
export const AnyKey = createToken({ name: 'AnyKey', pattern: Lexer.NA });
/** Any token of a dump row. */
export const DumpTok = createToken({ name: 'DumpTok', pattern: Lexer.NA });

// ---- both modes --------------------------------------------------------------------------

export const Whitespace = createToken({ name: 'Whitespace', pattern: re(`[${WS}]+`), group: Lexer.SKIPPED, line_breaks: true });

/** `<pre>`, `</p>`, ``` ... left in the guide's tables by the conversion; skipped. */
export const MarkupTag = createToken({
  name: 'MarkupTag',
  pattern: re(`(?:<\\/?(?:pre|p|br|code)[ \\t]*\\/?>|\`\`\`)[${WS}]*`, 'i'),
  group: Lexer.SKIPPED,
  line_breaks: true,
});

// ---- text mode ---------------------------------------------------------------------------

/** `<TotalBytes: 161>`: starts an expanded-call-context block. */
export const EccHeader = createToken({
  name: 'EccHeader',
  pattern: re(`<[ \\t]*TotalBytes[ \\t]*:[ \\t]*\\d+[ \\t]*>[${WS}]*`),
  categories: [StrayTok, AnyTextTok],
  line_breaks: true,
});
export const LCurly = createToken({ name: 'LCurly', pattern: re(`\\{[${WS}]*`), categories: [ValueTok, StrayTok, AnyTextTok], line_breaks: true });
export const RCurly = createToken({ name: 'RCurly', pattern: re(`\\}[${WS}]*`), categories: [ValueTok, StrayTok, AnyTextTok], line_breaks: true });
export const Comma = createToken({ name: 'Comma', pattern: re(`,[${WS}]*`), categories: [ValueTok, AnyTextTok], line_breaks: true });
/** `MsgType:` of a flow-table block; also without a following space (`MsgType:BEGIN_CALL_EVENT`). */
export const MsgTypeKey = createToken({ name: 'MsgTypeKey', pattern: re(`MsgType[ \\t]*:[${WS}]*`), categories: [AnyTextTok], line_breaks: true });
/**
 * `name:` or `name[3]:` followed by whitespace, a comma or `}`. A colon followed by anything
 * else (`10:43:59`, `http://`) does not make a key.
 */
export const Key = createToken({
  name: 'Key',
  pattern: re(`[${KEY}]+(?:\\[\\d+\\])?:(?=[${WS},}])[${WS}]*`),
  categories: [AnyKey, AnyTextTok],
  line_breaks: true,
});
/** A key as a regex source: `name` or `name[3]` (no whitespace, `:`, `=`, `<`, `>`, brackets). */
const KEY_SRC = `[${KEY}]+(?:\\[\\d+\\])?`;
/**
 * `[, ]name: word` — the common pair whose value is one word (no comma, brace, `<`, not ending
 * in `:`, not a glued `MsgType:NAME`, which starts the next flow block), as one
 * token (half the tokens of a typical trace). It is only taken when what follows shows that
 * the value ends there: `, key:` or `}` or the end (braced form), or whitespace and the next
 * `key:` / `MsgType:` (flow form). Anything else falls back to `Key`/`SepKey` + value tokens.
 */
export const SimplePair = createToken({
  name: 'SimplePair',
  pattern: re(
    `(?:,[${WS}]*)?${KEY_SRC}:[${WS}]+(?!MsgType[ \\t]*:)[${WORD}]*[${WORD_END}]` +
      `(?=[${WS}]*(?:,[${WS}]*${KEY_SRC}:[${WS},}]|\\}|(?![\\s\\S]))|[${WS}]+(?:${KEY_SRC}:[${WS},}]|MsgType[ \\t]*:))[${WS}]*`,
  ),
  categories: [AnyTextTok],
  line_breaks: true,
});
/**
 * `, name:` — a comma followed by a key: the separator of the braced form and the next key in
 * one token (a comma followed by anything else is part of a value: `John,Doe`).
 */
export const SepKey = createToken({
  name: 'SepKey',
  pattern: re(`,[${WS}]*[${KEY}]+(?:\\[\\d+\\])?:(?=[${WS},}])[${WS}]*`),
  categories: [AnyKey, AnyTextTok],
  line_breaks: true,
});
/** `length=-1`, `type=BEGIN_CALL_EVENT`. */
export const AttrPair = createToken({
  name: 'AttrPair',
  pattern: re(`[A-Za-z_][\\w.]*=[${WORD}]*[${WS}]*`),
  categories: [ValueTok, StrayTok, AnyTextTok],
  line_breaks: true,
});
/** A free-standing `...` ("more fields omitted"). */
export const Ellipsis = createToken({
  name: 'Ellipsis',
  pattern: re(`\\.\\.\\.(?=[${WS},}<])[${WS}]*`),
  categories: [ValueTok, StrayTok, AnyTextTok],
  line_breaks: true,
});
/** Anything else up to whitespace, a comma or a brace (a lone `<` is a word too). */
export const Word = createToken({
  name: 'Word',
  pattern: re(`(?:[${WORD}]+|<)[${WS}]*`),
  categories: [ValueTok, StrayTok, AnyTextTok],
  line_breaks: true,
});

// ---- dump mode ---------------------------------------------------------------------------

export const MhdrLabel = createToken({ name: 'MhdrLabel', pattern: re(`MHDR[ \\t]*:[${WS}]*`), line_breaks: true });
export const MdataLabel = createToken({ name: 'MdataLabel', pattern: re(`MDATA[ \\t]*:[${WS}]*`), line_breaks: true });
/** `0010:` offset column (4 to 8 hex digits). */
export const Offset = createToken({ name: 'Offset', pattern: re(`[0-9A-Fa-f]{4,8}:[${WS}]+`), categories: [DumpTok], line_breaks: true });
/**
 * A run of two-digit hex groups separated by spaces on one line (`00 00 00 36 ...`): bytes,
 * possibly followed by a gutter that happens to look like one (`ab`). One token per run
 * keeps dumps cheap; the builder splits it.
 */
export const HexBytes = createToken({
  name: 'HexBytes',
  pattern: re(`[0-9A-Fa-f]{2}(?=[${WS}])(?:[ \\t]+[0-9A-Fa-f]{2}(?=[${WS}]))*[${WS}]*`),
  categories: [DumpTok],
  line_breaks: true,
});
/** Anything else: gutter text, or the words before the dump (`writing...`). */
export const DumpText = createToken({ name: 'DumpText', pattern: re(`[${DUMP}]+[${WS}]*`), categories: [DumpTok], line_breaks: true });

export const TEXT_MODE = 'text';
export const DUMP_MODE = 'dump';

export const textModeTokens: TokenType[] = [
  Whitespace,
  MarkupTag,
  EccHeader,
  LCurly,
  RCurly,
  MsgTypeKey,
  SimplePair,
  SepKey,
  Comma,
  Key,
  AttrPair,
  Ellipsis,
  Word,
];

export const dumpModeTokens: TokenType[] = [Whitespace, MarkupTag, MhdrLabel, MdataLabel, Offset, HexBytes, DumpText];

export const ctiTraceLexerDefinition: IMultiModeLexerDefinition = {
  modes: { [TEXT_MODE]: textModeTokens, [DUMP_MODE]: dumpModeTokens },
  defaultMode: TEXT_MODE,
};

/** Every token type of both modes and the categories (the parser's vocabulary). */
export const allTokenTypes: TokenType[] = [
  ...textModeTokens,
  ...dumpModeTokens.filter((t) => !textModeTokens.includes(t)),
  ValueTok,
  StrayTok,
  AnyTextTok,
  AnyKey,
  DumpTok,
];

/**
 * The lexer (both modes; `tokenize(text, DUMP_MODE)` for low-level traces). It tracks offsets
 * only (see `token-text.ts` for lines and token text). The text must end with whitespace,
 * e.g. `\n`, so that tokens needing a following separator can end the text.
 */
export const ctiTraceLexer = new Lexer(ctiTraceLexerDefinition, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
});
