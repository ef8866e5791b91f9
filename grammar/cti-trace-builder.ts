/**
 * Turns the parser's syntax nodes into the neutral structures of `cti-trace-types.ts`.
 *
 * Values are sliced from the input text (first to last character of the value), so the raw
 * text is kept exactly, including commas (`John,Doe`) and inner spaces.
 *
 * Expanded call context: after `Key: <TotalBytes: n>` the following pairs are ECC variables
 * until the block is used up: as many variables as a preceding `NumNamedVars` /
 * `NumNamedVariables` says (when > 0), otherwise until the bytes are used up (each variable
 * takes name + value + 4 bytes: two NULs and the floating-field tag and length, which gives
 * exactly the guide's TotalBytes figures 14, 18, 20, 24); in the braced form a comma-separated
 * pair also ends the block.
 */
import type { IToken } from 'chevrotain';
import { MAX_TRACE_DIAGNOSTICS, type DumpRow, type HighLevelTrace, type LowLevelTrace, type TraceDiagnostic } from './cti-trace-types.js';
import type { BracedSyntax, FlowBlockSyntax, LowLevelSyntax, PairListItem, PairSyntax, TextTracesSyntax } from './cti-trace-parser.js';
import { Ellipsis, Key, MhdrLabel, SimplePair } from './cti-trace-tokens.js';
import { mhdrLength, resolveDumpRows } from './dump-rows.js';
import { isWs, sliceTokens, textEnd, tokenText, type LineIndex } from './token-text.js';
import { directionOf, ECC_BYTES_PER_VARIABLE, highLevel, isNumNamedVars, type GroupedPairs } from './trace-objects.js';

export { directionOf, ECC_BYTES_PER_VARIABLE, highLevel, isNumNamedVars, type GroupedPairs } from './trace-objects.js';

const INDEXED_KEY = /^(.*)\[(\d+)\]$/;

/** Everything a builder needs about the input. */
interface Ctx {
  readonly text: string;
  readonly lines: LineIndex;
  readonly diagnostics: TraceDiagnostic[];
  /** Findings beyond MAX_TRACE_DIAGNOSTICS: counted, not made (a damaged text may give one per token). */
  readonly overflow: TraceOverflow;
}

/** How many findings were left out (see capTraceDiagnostics). */
export interface TraceOverflow {
  dropped: number;
}

function diag(ctx: Ctx, severity: TraceDiagnostic['severity'], code: string, message: string, at: IToken, unquoted?: string): void {
  if (ctx.diagnostics.length >= MAX_TRACE_DIAGNOSTICS) {
    ctx.overflow.dropped++;
    return;
  }
  ctx.diagnostics.push({ severity, code, message, ...(unquoted !== undefined ? { unquoted } : {}), offset: at.startOffset, line: ctx.lines.lineAt(at.startOffset) });
}

/** Where the key's own text starts within the token (after the `, ` of a SepKey / SimplePair). */
function keyStart(image: string): number {
  if (image.charCodeAt(0) !== 0x2c) return 0; // a Key never starts with a comma
  let i = 1;
  while (i < image.length && isWs(image.charCodeAt(i))) i++;
  return i;
}

/** The key as written: without a leading `, `, the colon and what follows it. */
function keyText(token: IToken): string {
  const image = token.image;
  const from = keyStart(image);
  return image.slice(from, image.indexOf(':', from));
}

/** What `readPair` found (one reused object: no allocation per pair). */
const pairText = { written: '', key: '', index: -1, raw: '', truncated: false, keyOffset: 0 };

/**
 * Key, index and raw value of a pair. A trailing `...` at the very end of a block marks
 * omitted fields and is not part of the value.
 */
function readPair(text: string, p: PairSyntax, atEnd: boolean): typeof pairText {
  const token = p.key;
  const image = token.image;
  const from = keyStart(image);
  const colon = image.indexOf(':', from);
  const written = image.slice(from, colon);
  let key = written;
  let index = -1;
  if (written.charCodeAt(written.length - 1) === 0x5d) {
    const m = INDEXED_KEY.exec(written);
    if (m) {
      key = m[1];
      index = Number(m[2]);
    }
  }
  let raw: string;
  let truncated = false;
  if (token.tokenType === SimplePair) {
    let v = colon + 1;
    while (v < image.length && isWs(image.charCodeAt(v))) v++;
    raw = text.slice(token.startOffset + v, textEnd(token));
    if (atEnd && raw.length > 3 && raw.endsWith('...')) {
      raw = raw.slice(0, -3);
      truncated = true;
    }
  } else {
    const tokens = p.value;
    raw = sliceTokens(text, tokens);
    if (atEnd && tokens.length > 0) {
      const last = tokens[tokens.length - 1];
      if (last.tokenType === Ellipsis) {
        raw = sliceTokens(text, tokens.slice(0, -1));
        truncated = true;
      } else if (raw.length > 3 && raw.endsWith('...')) {
        raw = raw.slice(0, -3).trimEnd();
        truncated = true;
      }
    }
  }
  pairText.written = written;
  pairText.key = key;
  pairText.index = index;
  pairText.raw = raw;
  pairText.truncated = truncated;
  pairText.keyOffset = token.startOffset + from;
  return pairText;
}

interface EccState {
  readonly count?: number;
  readonly totalBytes?: number;
  used: number;
  usedBytes: number;
}

function eccExhausted(s: EccState): boolean {
  if (s.count !== undefined) return s.used >= s.count;
  if (s.totalBytes !== undefined) return s.totalBytes - s.usedBytes <= ECC_BYTES_PER_VARIABLE;
  return false;
}

function groupPairs(ctx: Ctx, items: readonly PairListItem[], shape: 'braced' | 'flow'): GroupedPairs {
  const out: GroupedPairs = { pairs: [], truncated: false };
  let lastIndex = items.length - 1;
  while (lastIndex >= 0 && items[lastIndex].kind === 'sep') lastIndex--;
  let numNamedVars: number | undefined;
  let ecc: EccState | undefined;
  let commaBefore = false;

  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind === 'sep') {
      commaBefore = true;
      continue;
    }
    if (item.kind === 'stray') {
      if (i === lastIndex && item.token.tokenType === Ellipsis) out.truncated = true;
      else diag(ctx, 'info', 'TRACE-STRAY-TEXT', `"${tokenText(item.token)}" is not part of a key: value pair`, item.token, 'text that is not part of a key: value pair');
      commaBefore = false;
      continue;
    }
    const p: PairSyntax = item;
    const { written, key, index, raw, truncated, keyOffset } = readPair(ctx.text, p, i === lastIndex);
    if (truncated) out.truncated = true;
    const line = ctx.lines.lineAt(keyOffset);

    if (keyOffset !== p.key.startOffset) commaBefore = true;
    if (ecc && ((shape === 'braced' && commaBefore) || eccExhausted(ecc))) ecc = undefined;
    commaBefore = false;

    if (ecc && !p.ecc) {
      const name = written;
      (out.ecc ??= []).push({ name, value: raw, line });
      ecc.used++;
      ecc.usedBytes += name.length + raw.length + ECC_BYTES_PER_VARIABLE;
      continue;
    }
    if (p.ecc) {
      const totalBytes = Number(/\d+/.exec(p.ecc.image)?.[0]);
      if (out.eccKey !== undefined) {
        diag(ctx, 'warning', 'TRACE-REPEATED-ECC', `a second expanded call context (${key}) follows the first`, p.key);
      } else {
        out.eccKey = key;
        out.eccTotalBytes = totalBytes;
      }
      out.ecc ??= [];
      ecc = { count: numNamedVars !== undefined && numNamedVars > 0 ? numNamedVars : undefined, totalBytes, used: 0, usedBytes: 0 };
      if (raw !== '') diag(ctx, 'info', 'TRACE-STRAY-TEXT', `"${raw}" after ${tokenText(p.ecc)} is not a named variable`, p.value[0], `the text after ${tokenText(p.ecc)} is not a named variable`);
      continue;
    }
    const value = raw === 'null' ? null : raw;
    if (isNumNamedVars(key) && value !== null && /^\d+$/.test(value)) numNamedVars = Number(value);
    out.pairs.push(index < 0 ? { key, value, raw, line } : { key, index, value, raw, line });
  }
  return out;
}

function flowTrace(ctx: Ctx, block: FlowBlockSyntax): HighLevelTrace {
  let messageName = '';
  if (block.name) {
    messageName = tokenText(block.name);
    if (block.name.tokenType === Key) {
      diag(ctx, 'info', 'TRACE-STRAY-COLON', `message name "${messageName}" is written with a colon`, block.name, 'the message name is written with a colon');
      messageName = messageName.slice(0, messageName.lastIndexOf(':'));
    }
  } else {
    diag(ctx, 'warning', 'TRACE-NO-MESSAGE-NAME', 'MsgType: has no message name', block.msgType);
  }
  const grouped = groupPairs(ctx, block.items, 'flow');
  return highLevel({ shape: 'flow', verb: '', messageName, attrs: [], line: ctx.lines.lineAt(block.msgType.startOffset) }, grouped);
}

/** `CSOutboundMsgProcessor: got an event message:` → processor and verb. */
function splitPreamble(text: string, preamble: readonly IToken[]): { processor?: string; verb: string } {
  let rest = preamble;
  let processor: string | undefined;
  if (preamble.length > 1 && preamble[0].tokenType === Key) {
    const name = keyText(preamble[0]);
    if (/^[A-Za-z_$][\w.$]*$/.test(name)) {
      processor = name;
      rest = preamble.slice(1);
    }
  }
  const verb = sliceTokens(text, rest).replace(/\s+/g, ' ').trim().replace(/\s*:$/, '');
  return processor !== undefined ? { processor, verb } : { verb };
}

function bracedTrace(ctx: Ctx, preamble: readonly IToken[], body: BracedSyntax): HighLevelTrace {
  const { processor, verb } = splitPreamble(ctx.text, preamble);
  const attrs = body.attrs.map((t) => {
    const written = tokenText(t);
    const eq = written.indexOf('=');
    return { key: written.slice(0, eq), value: written.slice(eq + 1) };
  });
  const type = attrs.find((a) => a.key === 'type');
  const lengthAttr = attrs.find((a) => a.key === 'length');
  const first = body.open ?? body.attrs[0];
  if (!type) diag(ctx, 'warning', 'TRACE-NO-MESSAGE-NAME', 'the trace has no type= attribute', first);
  const cut = body.open !== undefined && !body.close;
  let items = body.items;
  if (cut) {
    diag(ctx, 'warning', 'TRACE-UNCLOSED-BRACE', 'the { of the trace is not closed (record cut short?)', body.open);
    // The value the record ends in, with no comma after it, may itself be cut ("CallID: 1677").
    const last = items[items.length - 1];
    if (last?.kind === 'pair') {
      diag(ctx, 'info', 'TRACE-LAST-VALUE-CUT', `the value of ${/[A-Za-z_$][\w.$[\]]*(?=\s*:)/.exec(tokenText(last.key))?.[0] ?? 'the last field'} ends the record without a comma or "}" (cut short?); left out`, last.key);
      items = items.slice(0, -1);
    }
  }
  const grouped = groupPairs(ctx, items, 'braced');
  return highLevel(
    {
      ...(cut ? { cut: true as const } : {}),
      shape: 'braced',
      verb,
      processor,
      messageName: type?.value ?? '',
      length: lengthAttr && /^-?\d+$/.test(lengthAttr.value) ? Number(lengthAttr.value) : undefined,
      attrs,
      line: ctx.lines.lineAt((preamble[0] ?? first).startOffset),
    },
    grouped,
  );
}

/** High-level traces and flow blocks. */
export function buildTextTraces(text: string, lines: LineIndex, syntax: TextTracesSyntax, diagnostics: TraceDiagnostic[], overflow: TraceOverflow = { dropped: 0 }): HighLevelTrace[] {
  const ctx: Ctx = { text, lines, diagnostics, overflow };
  const traces: HighLevelTrace[] = [];
  if (syntax.flow.length > 0) {
    if (syntax.preamble.length > 0) {
      diag(ctx, 'info', 'TRACE-LEADING-TEXT', `"${sliceTokens(text, syntax.preamble)}" precedes MsgType:`, syntax.preamble[0], 'text precedes MsgType:');
    }
    for (const block of syntax.flow) traces.push(flowTrace(ctx, block));
  } else if (syntax.braced) {
    traces.push(bracedTrace(ctx, syntax.preamble, syntax.braced));
  }
  if (syntax.trailing.length > 0 && traces.length > 0) {
    diag(ctx, 'warning', 'TRACE-TRAILING-TEXT', `"${sliceTokens(text, syntax.trailing)}" follows the message`, syntax.trailing[0], 'text follows the message');
  }
  return traces;
}

/** Low-level (hex dump) traces: one per `MHDR:` section, with the `MDATA:` that follows. */
export function buildLowLevelTraces(text: string, lines: LineIndex, syntax: LowLevelSyntax, diagnostics: TraceDiagnostic[], overflow: TraceOverflow = { dropped: 0 }): LowLevelTrace[] {
  const ctx: Ctx = { text, lines, diagnostics, overflow };
  const verb = sliceTokens(text, syntax.preamble).replace(/\s+/g, ' ').trim();
  const direction = directionOf(verb);
  const traces: LowLevelTrace[] = [];
  let current: { mhdr: DumpRow[]; mdata: DumpRow[]; line: number; hasMdata: boolean } | undefined;
  const flush = (): void => {
    if (current) traces.push({ kind: 'low', direction, verb, mhdr: current.mhdr, mdata: current.mdata, line: current.line });
    current = undefined;
  };
  for (const section of syntax.sections) {
    const line = lines.lineAt(section.label.startOffset);
    if (section.label.tokenType === MhdrLabel) {
      flush();
      current = { mhdr: resolveDumpRows(text, lines, 'MHDR', section.rows, 8, diagnostics), mdata: [], line, hasMdata: false };
      continue;
    }
    if (!current || current.hasMdata) {
      diag(ctx, 'warning', 'DUMP-NO-MHDR', 'MDATA: without a preceding MHDR:', section.label);
      flush();
      current = { mhdr: [], mdata: [], line, hasMdata: false };
    }
    const total = mhdrLength(current.mhdr);
    current.mdata = resolveDumpRows(text, lines, 'MDATA', section.rows, total, diagnostics);
    current.hasMdata = true;
    // The end of the row reaching furthest (not of the row written last: rows may be out of order).
    const span = current.mdata.reduce((end, r) => Math.max(end, r.offset + r.bytes.length), 0);
    if (total !== undefined && span !== total) {
      diag(ctx, 'warning', 'DUMP-LENGTH-MISMATCH', `MHDR states ${total} body bytes but MDATA spans ${span}`, section.label);
    }
  }
  flush();
  if (traces.length === 0 && direction === 'unknown' && syntax.preamble.length > 0) {
    diag(ctx, 'info', 'DUMP-EMPTY', 'no MHDR:/MDATA: rows found', syntax.preamble[0]);
  }
  return traces;
}
