/**
 * The ICD_CTI trace grammar: text of a MIVR ICD_CTI record → neutral trace structures.
 *
 * ```ts
 * const { traces, diagnostics } = parseCtiTraceText(record.text);
 * ```
 *
 * Three shapes are recognised (guide chapter 11):
 * - high-level trace: `Proc: got an event message: { length=-1 type=X, key: value, ... }`;
 * - flow-table block(s): `MsgType: X Key: value ...` (several blocks in one text allowed);
 * - low-level trace: `writing...` then `MHDR:` / `MDATA:` hex-dump rows.
 * Any other text gives no trace and no diagnostic (most ICD_CTI records are not messages).
 */
import type { IRecognitionException } from 'chevrotain';
import { ctiTraceLexer, DUMP_MODE, TEXT_MODE } from './cti-trace-tokens.js';
import { LineIndex } from './token-text.js';
import { getCtiTraceParser } from './cti-trace-parser.js';
import { buildLowLevelTraces, buildTextTraces, type TraceOverflow } from './cti-trace-builder.js';
import { capTraceDiagnostics, MAX_TRACE_DIAGNOSTICS, type CtiTraceParseResult, type TraceDiagnostic } from './cti-trace-types.js';
import { ctiTraceShape, fastParseCtiTraceText } from './cti-trace-fast.js';

export * from './cti-trace-tokens.js';
export { LineIndex, textEnd, tokenText } from './token-text.js';
export { CtiTraceParser, getCtiTraceParser } from './cti-trace-parser.js';
export type * from './cti-trace-parser.js';
export type * from './cti-trace-types.js';
export { renderGutter, chooseByteCount, gutterScore } from './dump-gutter.js';
export { ctiTraceShape, fastParseCtiTraceText, loadReferenceParser, type ReferenceParser } from './cti-trace-fast.js';

/**
 * Parses the text of one ICD_CTI record (or a flow-table excerpt). Never throws on bad input.
 * `shape` may be passed when the caller already has `ctiTraceShape(text)`.
 *
 * The common clean shapes go through the fast scanner (fast-text.ts, fast-dump.ts), which
 * gives exactly what the chevrotain parser gives; whatever it is unsure about goes to the
 * chevrotain parser (`parseCtiTraceTextReference`), the reference and documented grammar.
 */
export function parseCtiTraceText(text: string, shape: 'dump' | 'text' | undefined = ctiTraceShape(text)): CtiTraceParseResult {
  if (shape === undefined) return { traces: [], diagnostics: [] };
  return fastParseCtiTraceText(text, shape) ?? parseCtiTraceTextReference(text, shape);
}

/**
 * The longest text the reference parser reads (a record's text; a message trace of the guide's
 * largest message, dumped, is a few tens of kilobytes): longer ones are said and not read, so a
 * damaged log cannot make the parser take minutes or gigabytes.
 */
export const MAX_REFERENCE_TEXT = 256 * 1024;

/** The chevrotain parser alone (the reference grammar; see diagram.html). */
export function parseCtiTraceTextReference(text: string, shape: 'dump' | 'text' | undefined = ctiTraceShape(text)): CtiTraceParseResult {
  const diagnostics: TraceDiagnostic[] = [];
  if (shape === undefined) return { traces: [], diagnostics };
  if (text.length > MAX_REFERENCE_TEXT) {
    diagnostics.push({
      severity: 'warning',
      code: 'TRACE-TOO-LONG',
      message: `${text.length} characters: too long for a message trace (${MAX_REFERENCE_TEXT} at most); not read`,
      offset: 0,
      line: 1,
    });
    return { traces: [], diagnostics };
  }
  const overflow: TraceOverflow = { dropped: 0 };
  const add = (d: TraceDiagnostic): void => {
    if (diagnostics.length < MAX_TRACE_DIAGNOSTICS) diagnostics.push(d);
    else overflow.dropped++;
  };

  // The sentinel newline lets tokens that must be followed by a separator end the text.
  const input = `${text}\n`;
  const lexed = ctiTraceLexer.tokenize(input, shape === 'dump' ? DUMP_MODE : TEXT_MODE);
  const lines = new LineIndex(text);
  for (const e of lexed.errors) {
    add({
      severity: 'error',
      code: 'TRACE-LEX-ERROR',
      message: e.message,
      unquoted: 'a character the trace grammar does not read',
      offset: e.offset,
      line: lines.lineAt(e.offset),
    });
  }
  const parser = getCtiTraceParser();
  parser.setInput(lexed.tokens, lines);
  let traces: CtiTraceParseResult['traces'] = [];
  if (shape === 'dump') {
    const syntax = parser.lowLevelTrace();
    if (!parserFailed(parser.errors, text, lines, add)) traces = buildLowLevelTraces(text, lines, syntax, diagnostics, overflow);
  } else {
    const syntax = parser.textTraces();
    if (!parserFailed(parser.errors, text, lines, add)) traces = buildTextTraces(text, lines, syntax, diagnostics, overflow);
  }
  return { traces, diagnostics: capTraceDiagnostics(diagnostics, overflow.dropped) };
}

function parserFailed(errors: readonly IRecognitionException[], text: string, lines: LineIndex, add: (d: TraceDiagnostic) => void): boolean {
  for (const e of errors) {
    add({
      severity: 'error',
      code: 'TRACE-PARSE-ERROR',
      message: e.message,
      unquoted: 'the trace does not follow the grammar here',
      offset: Number.isFinite(e.token.startOffset) ? e.token.startOffset : text.length,
      line: lines.lineAt(Number.isFinite(e.token.startOffset) ? e.token.startOffset : text.length),
    });
  }
  return errors.length > 0;
}
