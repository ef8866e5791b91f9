/**
 * The entry point without chevrotain: a text's shape, the fast scanner, and the reference
 * (chevrotain) parser loaded only when the fast scanner is unsure. Loading chevrotain takes
 * about half a CPU-second (hundreds of modules), which a log whose traces are all clean never
 * pays; `cti-trace-grammar.ts` is the synchronous entry point with both parsers.
 *
 * ```ts
 * const shape = ctiTraceShape(text);
 * const parsed = shape && (fastParseCtiTraceText(text, shape) ?? (await loadReferenceParser())(text, shape));
 * ```
 */
import type { CtiTraceParseResult } from './cti-trace-types.js';
import { fastDumpTraces } from './fast-dump.js';
import { fastTextTraces } from './fast-text.js';

const DUMP_HINT = /\bM(?:HDR|DATA)[ \t]*:/;
const TEXT_HINT = /\btype=|MsgType[ \t]*:/;

/** Which lexer mode a text needs, or undefined when it holds no message trace. */
export function ctiTraceShape(text: string): 'dump' | 'text' | undefined {
  if ((text.includes('MHDR') || text.includes('MDATA')) && DUMP_HINT.test(text)) return 'dump';
  if ((text.includes('type=') || text.includes('MsgType')) && TEXT_HINT.test(text)) return 'text';
  return undefined;
}

/** The fast scanner alone: the parse result, or undefined when it is unsure. */
export function fastParseCtiTraceText(text: string, shape: 'dump' | 'text'): CtiTraceParseResult | undefined {
  return shape === 'dump' ? fastDumpTraces(text) : fastTextTraces(text);
}

/** The reference parser (chevrotain), as `parseCtiTraceTextReference` of cti-trace-grammar.ts. */
export type ReferenceParser = (text: string, shape: 'dump' | 'text') => CtiTraceParseResult;

let loading: Promise<ReferenceParser> | undefined;

/** Loads the reference parser (once). */
export function loadReferenceParser(): Promise<ReferenceParser> {
  loading ??= import('./cti-trace-grammar.js').then((m) => m.parseCtiTraceTextReference);
  return loading;
}
