/**
 * The text timeline of `ccxcti decode`: one line per message — time, direction arrow,
 * session, message name, key fields with their labels — and one per input diagnostic.
 */
import type { DecodedMessage, FieldValue } from '../protocol/codec/decode.js';
import type { Label } from '../protocol/codec/labels.js';
import { instantToText } from '../timeline/instant.js';
import type { InputDiagnostic, TimelineMessage } from '../timeline/types.js';
import { escapeForTerminal, quoteForTerminal } from './escape.js';

/** Fields worth a place on a timeline line, in the order they are shown. */
const KEY_FIELDS: readonly string[] = [
  'InvokeID',
  'CallID',
  'PrimaryCallID',
  'SecondaryCallID',
  'NewCallID',
  'ActiveCallID',
  'HeldCallID',
  'CallType',
  'AgentState',
  'EventReasonCode',
  'AgentID',
  'AgentExtension',
  'AgentInstrument',
  'ConnectionDeviceID',
  'AlertingDeviceID',
  'AnsweringDeviceID',
  'CallingDeviceID',
  'CalledDeviceID',
  'ANI',
  'DNIS',
  'DialedNumber',
  'LocalConnectionState',
  'EventCause',
  'Status',
  'FailureCode',
  'UnifiedCCXErrorCode',
  'VersionNumber',
  'IdleTimeout',
  'ServicesRequested',
  'ServicesGranted',
  'SystemEventID',
  'CCXStatus',
  'ConfigurationMask',
  'NumRecords',
  'NumParties',
  'NumCSQs',
  'Text',
];

function show(value: FieldValue, label: Label | undefined): string {
  const raw = typeof value === 'string' ? quoteForTerminal(value) : typeof value === 'object' ? '…' : String(value);
  if (label === undefined) return raw;
  if (typeof label === 'string') return `${raw}(${escapeForTerminal(label)})`;
  if (Array.isArray(label)) return `${raw}(${label.map(escapeForTerminal).join('|')})`;
  return `${raw}(primary ${quoteForTerminal(label.primary)} actual ${quoteForTerminal(label.actual)})`;
}

export function keyFieldsText(m: DecodedMessage): string {
  const parts: string[] = [];
  for (const name of KEY_FIELDS) {
    const v = m.fields[name];
    if (v !== undefined) parts.push(`${name}=${show(v, m.labels[name])}`);
  }
  const worst = m.diagnostics.find((d) => d.severity === 'error') ?? m.diagnostics.find((d) => d.severity === 'warning');
  if (worst) parts.push(`[${worst.severity} ${worst.code}${m.diagnostics.length > 1 ? ` +${m.diagnostics.length - 1}` : ''}]`);
  if (m.bodyHex !== undefined && m.bodyHex !== '') parts.push(`body=${m.bodyHex.length > 48 ? `${m.bodyHex.slice(0, 48)}…` : m.bodyHex}`);
  return parts.join(' ');
}

const ARROW: Readonly<Record<string, string>> = { 'client-to-server': '→', 'server-to-client': '←' };

export function timelineMessageLine(item: TimelineMessage, index: number): string {
  const time = item.at ? instantToText(item.at) : '-'.padEnd(26);
  const arrow = item.direction ? ARROW[item.direction]! : '?';
  const where = item.session ?? `${item.source.file}${item.source.line !== undefined ? `:${item.source.line}` : ''}`;
  return `${String(index).padStart(6)}  ${time}  ${arrow}  ${escapeForTerminal(where)}  ${item.message.type}  ${keyFieldsText(item.message)}`.trimEnd();
}

export function inputDiagnosticLine(d: InputDiagnostic): string {
  const time = d.at ? instantToText(d.at) : '-'.padEnd(26);
  const where = `${d.source.file}${d.source.frame !== undefined ? ` frame ${d.source.frame}` : ''}${d.source.line !== undefined ? `:${d.source.line}` : ''}`;
  const range =
    d.streamOffset === undefined ? '' : d.length === undefined ? ` at byte ${d.streamOffset}` : d.length === 0 ? ` at byte ${d.streamOffset} (0 bytes)` : ` bytes ${d.streamOffset}…${d.streamOffset + d.length - 1}`;
  return `     !  ${time}  ${d.severity.padEnd(7)} ${d.code} ${escapeForTerminal(where)}${d.session ? ` ${escapeForTerminal(d.session)}` : ''}${d.direction ? ` ${d.direction}` : ''}${range}: ${escapeForTerminal(d.message)}`;
}
