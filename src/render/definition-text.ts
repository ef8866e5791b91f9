/**
 * The message table as documentation: the list of message types, one message's layout,
 * a constant table, the diagnostic codes (`ccxcti messages`).
 */
import { DIAGNOSTIC_CODES } from '../protocol/codec/diagnostics.js';
import { planByName } from '../protocol/codec/plan.js';
import { CONSTANT_TABLES } from '../protocol/constants.js';
import { MESSAGE_DEFS, UNDEFINED_MESSAGE_DEFS } from '../protocol/messages/index.js';
import type { ConstTable, FloatingItemDef, MessageDef, Presence, UndefinedMessageDef } from '../protocol/types.js';

function presenceText(p: Presence): string {
  if (typeof p === 'string') return p === 'unspecified' ? '' : p;
  if ('mode' in p.requiredWhen) return 'required in agent mode';
  return `required when ${p.requiredWhen.field} is ${p.requiredWhen.in.join(' or ')}`;
}

/** One line per MessageTypeID, in ID order. */
export function messageListText(): string {
  const rows: Array<readonly [number, string, string, string]> = [
    ...MESSAGE_DEFS.map((m) => [m.id, m.name, m.class, m.sentBy === 'either' ? 'client or server' : m.sentBy] as const),
    ...UNDEFINED_MESSAGE_DEFS.map((u) => [u.id, u.name, u.status === 'reserved' ? 'reserved' : 'not defined', ''] as const),
  ].sort((a, b) => a[0] - b[0]);
  const width = Math.max(...rows.map((r) => r[1].length));
  return [`${'ID'.padStart(3)}  ${'MessageType'.padEnd(width)}  class${' '.repeat(9)}sent by`, ...rows.map(([id, name, cls, by]) => `${String(id).padStart(3)}  ${name.padEnd(width)}  ${cls.padEnd(13)} ${by}`)].join('\n');
}

function floatingLines(items: readonly FloatingItemDef[], indent: string): string[] {
  const out: string[] = [];
  for (const item of items) {
    if (item.kind === 'group') {
      out.push(`${indent}${item.key}[]  records counted by ${item.countedBy}${item.max !== undefined ? `, at most ${item.max}` : ''} — ${item.doc}`);
      out.push(...floatingLines(item.members, `${indent}    `));
      continue;
    }
    const tags = [
      presenceText(item.presence),
      item.since !== undefined ? `version ${item.since}+` : '',
      item.values ? `values: ${item.values}` : '',
      item.repeats ? `repeats, counted by ${item.repeats.countedBy}` : '',
      item.secret ? 'secret (redacted)' : '',
      item.reserved?.value !== undefined ? `documented ${JSON.stringify(item.reserved.value)}` : '',
    ].filter((t) => t !== '');
    out.push(`${indent}${`[${item.id}]`.padEnd(6)}${item.name.padEnd(30)}${item.type.padEnd(11)}${String(item.maxSize).padStart(4)}  ${tags.join('; ')}`);
  }
  return out;
}

/** One message's definition: fixed layouts with offsets, floating fields, records. */
export function messageDefinitionText(def: MessageDef): string {
  const plan = planByName(def.name)!;
  const out: string[] = [
    `${def.name} (MessageTypeID ${def.id}) — ${def.purpose}`,
    `  class ${def.class}, sent by ${def.sentBy}, ${def.role}` +
      (def.confirmedBy ? `, confirmed by ${def.confirmedBy.join(' / ')}` : '') +
      (def.selectedBy ? `, selected by ${def.selectedBy.mask} ${def.selectedBy.bit}` : ''),
    `  guide: Table${def.spec.tables.length > 1 ? 's' : ''} ${def.spec.tables.join(', ')}, page ${def.spec.page}` +
      (plan.maxBody !== undefined ? `; largest body the table allows: ${plan.maxBody} bytes` : ''),
  ];
  for (const layout of plan.layouts) {
    out.push(`  fixed part${plan.layouts.length > 1 ? `, version ${layout.version} layout` : ''} (${layout.length} bytes)`);
    for (const slot of layout.slots) {
      const f = slot.def;
      const tags = [f.values ? `values: ${f.values}` : '', f.since !== undefined ? `version ${f.since}+` : '', f.reserved?.value !== undefined ? `documented ${JSON.stringify(f.reserved.value)}` : ''].filter((t) => t !== '');
      out.push(`    ${String(slot.offset).padStart(3)}  ${f.name.padEnd(30)}${f.type.padEnd(7)}${String(f.size).padStart(2)}  ${tags.join('; ')}`);
    }
  }
  if (def.floating.length > 0) {
    out.push('  floating part (FieldDataID, name, type, max size, notes)');
    out.push(...floatingLines(def.floating, '    '));
  }
  if (def.atLeastOne) for (const group of def.atLeastOne) out.push(`  at least one of: ${group.join(', ')}`);
  return out.join('\n');
}

export function undefinedDefinitionText(def: UndefinedMessageDef): string {
  return `${def.name} (MessageTypeID ${def.id}) — ${def.note}`;
}

export function constantTableText(table: ConstTable): string {
  const out = [`${table.id}: ${table.title} (${table.source}), ${table.kind}${table.closed ? '' : ', open'}`];
  const width = Math.max(...table.entries.map((e) => e.name.length));
  for (const e of table.entries) {
    const value = table.kind === 'mask' || e.value > 0xffff ? `0x${e.value.toString(16).padStart(8, '0')}` : String(e.value);
    out.push(`  ${value.padStart(10)}  ${e.name.padEnd(width)}  ${e.description ?? ''}${e.source ? ` [${e.source}]` : ''}`);
  }
  for (const [lo, hi] of table.reserved ?? []) out.push(`  ${(lo === hi ? String(lo) : `${lo}-${hi}`).padStart(10)}  reserved`);
  return out.join('\n');
}

export function constantTableListText(): string {
  return CONSTANT_TABLES.map((t) => `${t.id.padEnd(24)} ${t.source.padEnd(38)} ${t.kind} (${t.entries.length})`).join('\n');
}

export function diagnosticCodesText(): string {
  const entries = Object.entries(DIAGNOSTIC_CODES);
  const width = Math.max(...entries.map(([c]) => c.length));
  return entries.map(([code, info]) => `${code.padEnd(width)}  ${info.severity.padEnd(7)}  ${info.summary}`).join('\n');
}
