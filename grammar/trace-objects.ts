/**
 * The trace objects both readers of a trace build — the chevrotain builder
 * (cti-trace-builder.ts) and the fast scanner (fast-text.ts, fast-dump.ts) — and the rules they
 * share. No chevrotain here: the fast scanner loads without it.
 */
import type { EccVariable, HighLevelTrace, LowLevelTrace, TracePair } from './cti-trace-types.js';

const NUM_NAMED_VARS = /^num_?named_?var(?:iable)?s$/i;
/** Bytes an ECC variable takes beyond its name and value (two NULs, FieldDataID, length). */
export const ECC_BYTES_PER_VARIABLE = 4;

/** `numNamedVars`, `NumNamedVariables`, ... (checked cheaply before the regex). */
export function isNumNamedVars(key: string): boolean {
  return key.length >= 12 && (key.charCodeAt(0) | 0x20) === 0x6e && NUM_NAMED_VARS.test(key);
}

export interface GroupedPairs {
  pairs: TracePair[];
  ecc?: EccVariable[];
  eccKey?: string;
  eccTotalBytes?: number;
  truncated: boolean;
}

/** A high-level trace object (one shape, the same key order, for the parser and the fast scanner). */
export function highLevel(
  base: Pick<HighLevelTrace, 'shape' | 'verb' | 'processor' | 'messageName' | 'length' | 'attrs' | 'line' | 'cut'>,
  grouped: GroupedPairs,
): HighLevelTrace {
  const trace: {
    -readonly [K in keyof HighLevelTrace]: HighLevelTrace[K];
  } = {
    kind: 'high',
    shape: base.shape,
    verb: base.verb,
    messageName: base.messageName,
    attrs: base.attrs,
    pairs: grouped.pairs,
    truncated: grouped.truncated,
    line: base.line,
  };
  if (base.cut === true) trace.cut = true;
  if (base.processor !== undefined) trace.processor = base.processor;
  if (base.length !== undefined) trace.length = base.length;
  if (grouped.ecc !== undefined) trace.ecc = grouped.ecc;
  if (grouped.eccKey !== undefined) trace.eccKey = grouped.eccKey;
  if (grouped.eccTotalBytes !== undefined) trace.eccTotalBytes = grouped.eccTotalBytes;
  return trace;
}

/** The direction the words before a dump state (`writing...` → write). */
export function directionOf(verb: string): LowLevelTrace['direction'] {
  const v = verb.toLowerCase();
  if (/writ|wrote|send|sent|\bout/.test(v)) return 'write';
  if (/read|receiv|recv|\bgot\b|\bin\b/.test(v)) return 'read';
  return 'unknown';
}
