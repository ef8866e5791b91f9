/**
 * A decoded message as an indented text tree (Wireshark's packet details, in a terminal):
 * the fixed part, the floating part with FieldDataIDs, records, labels and diagnostics.
 */
import type { DecodedMessage, FieldRecord, FieldValue } from '../protocol/codec/decode.js';
import type { Label } from '../protocol/codec/labels.js';
import { planByName, type ScopePlan } from '../protocol/codec/plan.js';
import { escapeForTerminal, quoteForTerminal } from './escape.js';

function valueText(value: FieldValue): string {
  if (typeof value === 'string') return quoteForTerminal(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.length}]`;
  if ('VariableName' in value) {
    const index = 'VariableIndex' in value ? `[${String(value.VariableIndex)}] ` : '';
    return `${index}${quoteForTerminal(String(value.VariableName))} = ${quoteForTerminal(String(value.VariableValue))}`;
  }
  return '{…}';
}

function labelText(label: Label | undefined): string {
  if (label === undefined) return '';
  if (typeof label === 'string') return `  (${escapeForTerminal(label)})`;
  if (Array.isArray(label)) return `  (${label.length ? label.map(escapeForTerminal).join(' | ') : 'none'})`;
  return `  (primary ${quoteForTerminal(label.primary)}, actual ${quoteForTerminal(label.actual)})`;
}

function pad(s: string, width: number): string {
  return s.length >= width ? `${s} ` : `${s} ${'.'.repeat(width - s.length)} `;
}

interface Line {
  readonly indent: number;
  readonly name: string;
  readonly rest: string;
}

function recordLines(obj: FieldRecord, scope: ScopePlan | undefined, labels: Record<string, Label>, prefix: string, indent: number, skip: ReadonlySet<string>): Line[] {
  const lines: Line[] = [];
  for (const [key, value] of Object.entries(obj)) {
    if (skip.has(key) || value === undefined) continue;
    const item = scope?.itemByKey.get(key);
    const child = item && 'itemByKey' in item ? item : undefined;
    const id = item && !('itemByKey' in item) ? ` [${item.def.id}]` : '';
    if (Array.isArray(value)) {
      lines.push({ indent, name: `${key}${id}`, rest: `${value.length} ${value.length === 1 ? 'entry' : 'entries'}` });
      value.forEach((element, i) => {
        const path = `${prefix}${key}[${i}]`;
        if (typeof element === 'object' && element !== null && !Array.isArray(element) && !('VariableName' in element)) {
          lines.push({ indent: indent + 1, name: `[${i}]`, rest: '' });
          lines.push(...recordLines(element as FieldRecord, child, labels, `${path}.`, indent + 2, new Set()));
        } else {
          lines.push({ indent: indent + 1, name: `[${i}]`, rest: valueText(element) + labelText(labels[path]) });
        }
      });
      continue;
    }
    lines.push({ indent, name: `${key}${id}`, rest: valueText(value) + labelText(labels[`${prefix}${key}`]) });
  }
  return lines;
}

function renderLines(lines: readonly Line[]): string[] {
  const width = Math.min(42, Math.max(0, ...lines.map((l) => l.name.length + l.indent * 2)) + 2);
  return lines.map((l) => {
    const lead = '  '.repeat(l.indent);
    return l.rest === '' ? `${lead}${l.name}` : `${lead}${pad(l.name, width - l.indent * 2)}${l.rest}`;
  });
}

export interface MessageTextOptions {
  /** A line of context printed after the title (time, direction, session, source). */
  readonly context?: string;
}

/** The whole tree of one message, as lines of text (no trailing newline). */
export function messageText(message: DecodedMessage, options: MessageTextOptions = {}): string {
  const out: string[] = [];
  const id = message.typeId === null ? '?' : String(message.typeId);
  const length = message.bodyLength === null ? 'BodyLength ?' : `BodyLength ${message.bodyLength}`;
  const layout = message.layoutVersion !== undefined ? `, version-${message.layoutVersion} layout${message.layoutInferred ? ' (inferred)' : ''}` : '';
  out.push(`${message.type} (MessageTypeID ${id}), ${length}${layout}`);
  if (options.context) out.push(`  ${options.context}`);
  const plan = planByName(message.type);
  if (plan) {
    const fixed: FieldRecord = {};
    const floating: FieldRecord = {};
    for (const [k, v] of Object.entries(message.fields)) if (v !== undefined) (plan.fixedNames.has(k) ? fixed : floating)[k] = v;
    out.push('  fixed part');
    out.push(...renderLines(recordLines(fixed, undefined, message.labels, '', 2, new Set())));
    if (Object.keys(floating).length > 0) {
      out.push('  floating part');
      out.push(...renderLines(recordLines(floating, plan.top, message.labels, '', 2, new Set())));
    }
  }
  if (message.bodyHex !== undefined) out.push(`  body (hex) ${message.bodyHex === '' ? '(empty)' : message.bodyHex}`);
  if (message.extras?.length) {
    out.push('  extras (fields this message does not define)');
    for (const e of message.extras) out.push(`    FieldDataID ${e.id}${e.name ? ` (${e.name})` : ''} at offset ${e.offset}: ${e.hex || '(empty)'}`);
  }
  if (message.diagnostics.length > 0) {
    out.push('  diagnostics');
    const codeWidth = Math.max(...message.diagnostics.map((d) => d.code.length));
    for (const d of message.diagnostics) {
      out.push(`    ${d.severity.padEnd(7)} ${d.code.padEnd(codeWidth)} @${String(d.offset).padEnd(4)} ${escapeForTerminal(d.message)}`);
    }
  }
  return out.join('\n');
}
