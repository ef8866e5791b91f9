/**
 * Generates schemas/decoded-message.schema.json (JSON Schema 2020-12) from the message table:
 * one shape per message type — its fixed fields (required), floating fields, records and
 * repeating fields — plus the shapes of messages without a body definition and of damaged
 * messages, and the properties `decode` adds (ts, direction, session, source…).
 */
import { DIAGNOSTIC_CODES } from '../../src/protocol/codec/diagnostics.js';
import { Kind, allPlans, type FieldSlot, type FixedSlot, type MessagePlan, type ScopePlan } from '../../src/protocol/codec/plan.js';
import { UNDEFINED_MESSAGE_DEFS } from '../../src/protocol/messages/index.js';
import type { Presence } from '../../src/protocol/types.js';

type Schema = Record<string, unknown>;

const INTEGER_RANGE: Partial<Record<Kind, readonly [number, number]>> = {
  [Kind.CHAR]: [-128, 127],
  [Kind.UCHAR]: [0, 255],
  [Kind.SHORT]: [-32768, 32767],
  [Kind.USHORT]: [0, 65535],
  [Kind.INT]: [-2147483648, 2147483647],
  [Kind.UINT]: [0, 4294967295],
  [Kind.TIME]: [0, 4294967295],
};

const pascal = (name: string): string =>
  name
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

function presenceText(p: Presence): string {
  if (p === 'required') return ' Required.';
  if (p === 'optional') return ' Optional.';
  if (p === 'unspecified') return '';
  if ('mode' in p.requiredWhen) return ' Required in agent mode.';
  return ` Required when ${p.requiredWhen.field} is ${p.requiredWhen.in.join(' or ')}.`;
}

function valueSchema(kind: Kind, description: string, secret: boolean): Schema {
  const range = INTEGER_RANGE[kind];
  if (range) return { type: 'integer', minimum: range[0], maximum: range[1], description };
  switch (kind) {
    case Kind.BOOL:
      return { type: 'boolean', description };
    case Kind.UNSPEC:
      return secret
        ? { type: 'string', description: `${description} Lowercase hex, or "<redacted>".` }
        : { type: 'string', pattern: '^([0-9a-f]{2})*$', description: `${description} Lowercase hex.` };
    case Kind.NAMEDVAR:
      return { $ref: '#/$defs/NamedVariable', description };
    case Kind.NAMEDARRAY:
      return { $ref: '#/$defs/NamedArray', description };
    default:
      return { type: 'string', description };
  }
}

function fixedSchema(slot: FixedSlot): Schema {
  const def = slot.def;
  const parts = [
    def.doc,
    `${def.type}, ${def.size} byte${def.size === 1 ? '' : 's'}, body offset ${slot.offset}.`,
    def.since !== undefined ? `Version ${def.since} and later.` : '',
    def.values ? `Values: constant table ${def.values}.` : '',
    def.guideName !== def.name ? `The guide prints "${def.guideName}".` : '',
  ].filter((p) => p !== '');
  return valueSchema(slot.kind, parts.join(' '), false);
}

function floatingSchema(slot: FieldSlot): Schema {
  const def = slot.def;
  const text = [
    `[${def.id}] ${def.doc}${presenceText(def.presence)}`,
    `${def.type}, at most ${def.maxSize} bytes.`,
    def.since !== undefined ? `Version ${def.since} and later.` : '',
    def.values ? `Values: constant table ${def.values}.` : '',
    def.secret ? 'A secret: "<redacted>" unless shown on request.' : '',
  ]
    .filter((p) => p !== '')
    .join(' ');
  const value = valueSchema(slot.kind, text, def.secret === true);
  if (!slot.repeats) return value;
  return {
    type: 'array',
    description: `${text} Repeats, counted by ${def.repeats!.countedBy}${def.repeats!.max !== undefined ? `, at most ${def.repeats!.max}` : ''}.`,
    items: valueSchema(slot.kind, def.doc, false),
  };
}

/** Properties of a scope's floating items (fields, repeating fields, records). */
function scopeProperties(scope: ScopePlan): Schema {
  const props: Schema = {};
  for (const [key, item] of scope.itemByKey) {
    if ('itemByKey' in item) {
      const group = item.group!;
      props[key] = {
        type: 'array',
        description: `${group.doc} One record per element, counted by ${group.countedBy}${group.max !== undefined ? `, at most ${group.max}` : ''}.`,
        items: { type: 'object', properties: scopeProperties(item), additionalProperties: false },
      };
    } else {
      props[key] = floatingSchema(item);
    }
  }
  return props;
}

/** Every fixed field of every layout (a version-specific one is required only by its layout). */
function fieldsSchema(plan: MessagePlan): Schema {
  const properties: Schema = {};
  for (const layout of [...plan.layouts].reverse()) for (const slot of layout.slots) properties[slot.name] ??= fixedSchema(slot);
  Object.assign(properties, scopeProperties(plan.top));
  const base = plan.layouts[plan.layouts.length - 1]!;
  return {
    title: `${pascal(plan.def.name)}Fields`,
    type: 'object',
    description: `Fields of ${plan.def.name}: the fixed part in table order (Tables ${plan.def.spec.tables.join(', ')}), then the floating part.`,
    properties,
    required: base.slots.map((s) => s.name),
    additionalProperties: false,
  };
}

function messageSchema(plan: MessagePlan): Schema {
  const def = plan.def;
  const props: Schema = {
    type: { const: def.name },
    typeId: { const: def.id },
    bodyLength: { type: 'integer', minimum: 0 },
    fields: { $ref: `#/$defs/${pascal(def.name)}Fields` },
    labels: { $ref: '#/$defs/Labels' },
    diagnostics: { type: 'array', items: { $ref: '#/$defs/Diagnostic' } },
    extras: { type: 'array', items: { $ref: '#/$defs/Extra' } },
    floatingOrder: { type: 'array', items: { type: 'string' }, description: 'Wire order of the floating fields when it is not the order of the table.' },
  };
  if (plan.layouts.length > 1) {
    props.layoutVersion = { enum: plan.layouts.map((l) => l.version), description: 'The fixed-part layout read.' };
    props.layoutInferred = { type: 'boolean', description: 'The layout was inferred from what fits.' };
  }
  return {
    title: `${pascal(def.name)}Message`,
    description: `${def.name} (MessageTypeID ${def.id}): ${def.purpose} Guide: Tables ${def.spec.tables.join(', ')}, page ${def.spec.page}.`,
    type: 'object',
    properties: { ...props, ...TIMELINE_PROPERTIES },
    required: ['type', 'typeId', 'bodyLength', 'fields', 'labels', 'diagnostics'],
    additionalProperties: false,
  };
}

/** What `ccxcti decode` adds to a message (../shared/CONTRACT.md). */
const TIMELINE_PROPERTIES: Schema = {
  index: { type: 'integer', minimum: 0, description: 'Position in the decode output (check findings refer to it).' },
  ts: { type: 'string', format: 'date-time', description: 'When the message was sent (RFC 3339 UTC, nanoseconds kept).' },
  direction: { enum: ['client-to-server', 'server-to-client'] },
  session: { type: 'string', description: 'Session id, e.g. 10.1.1.5:50311-10.1.1.2:42027#1.' },
  version: { type: 'integer', description: 'The protocol version the message was decoded with.' },
  source: {
    type: 'object',
    properties: { file: { type: 'string' }, frame: { type: 'integer', minimum: 1 }, line: { type: 'integer', minimum: 1 } },
    required: ['file'],
    additionalProperties: false,
  },
};

const COMMON_DEFS: Schema = {
  Diagnostic: {
    title: 'Diagnostic',
    type: 'object',
    properties: {
      severity: { enum: ['error', 'warning', 'info'] },
      code: { enum: Object.keys(DIAGNOSTIC_CODES), description: 'Stable code; `ccxcti messages --diagnostics` lists them.' },
      message: { type: 'string' },
      offset: { type: 'integer', minimum: 0, description: 'Byte offset within the message, header included.' },
    },
    required: ['severity', 'code', 'message', 'offset'],
    additionalProperties: false,
  },
  Extra: {
    title: 'ExtraField',
    description: 'A floating field the message does not allow, or a second copy of a single one.',
    type: 'object',
    properties: { id: { type: 'integer', minimum: 0, maximum: 255 }, name: { type: 'string' }, offset: { type: 'integer', minimum: 0 }, hex: { type: 'string', pattern: '^([0-9a-f]{2})*$' } },
    required: ['id', 'offset', 'hex'],
    additionalProperties: false,
  },
  NamedVariable: {
    title: 'NamedVariable',
    description: 'NAMEDVAR (Table 186).',
    type: 'object',
    properties: { VariableName: { type: 'string' }, VariableValue: { type: 'string' } },
    required: ['VariableName', 'VariableValue'],
    additionalProperties: false,
  },
  NamedArray: {
    title: 'NamedArray',
    description: 'NAMEDARRAY (Table 187).',
    type: 'object',
    properties: { VariableIndex: { type: 'integer', minimum: 0, maximum: 255 }, VariableName: { type: 'string' }, VariableValue: { type: 'string' } },
    required: ['VariableIndex', 'VariableName', 'VariableValue'],
    additionalProperties: false,
  },
  Labels: {
    title: 'Labels',
    description: 'Symbolic meanings by field path: enum names, mask names, ISO times, 8-byte keys in decimal, Primary.Actual splits, outbound variable meanings.',
    type: 'object',
    additionalProperties: {
      anyOf: [
        { type: 'string' },
        { type: 'array', items: { type: 'string' } },
        {
          type: 'object',
          properties: { primary: { type: 'string' }, actual: { type: 'string' } },
          required: ['primary', 'actual'],
          additionalProperties: false,
        },
      ],
    },
  },
};

function opaqueSchema(): Schema {
  return {
    title: 'OpaqueMessage',
    description: `A message type without a body definition: reserved IDs (RESERVED_<id>), IDs the guide does not list (UNKNOWN_<id>), the never-defined ${UNDEFINED_MESSAGE_DEFS.filter((u) => u.status === 'undefined')
      .map((u) => u.name)
      .join(', ')}, a truncated header (TRUNCATED_HEADER). The body is shown as hex.`,
    type: 'object',
    properties: {
      type: { anyOf: [{ type: 'string', pattern: '^(RESERVED|UNKNOWN)_[0-9]+$' }, { enum: [...UNDEFINED_MESSAGE_DEFS.filter((u) => u.status === 'undefined').map((u) => u.name), 'TRUNCATED_HEADER', 'DECODER_FAILURE'] }] },
      typeId: { type: ['integer', 'null'] },
      bodyLength: { type: ['integer', 'null'] },
      fields: { type: 'object', maxProperties: 0 },
      labels: { $ref: '#/$defs/Labels' },
      diagnostics: { type: 'array', items: { $ref: '#/$defs/Diagnostic' } },
      bodyHex: { type: 'string', pattern: '^([0-9a-f]{2})*$' },
      ...TIMELINE_PROPERTIES,
    },
    required: ['type', 'typeId', 'bodyLength', 'fields', 'labels', 'diagnostics', 'bodyHex'],
    additionalProperties: false,
  };
}

/** A message whose fixed part could not be read whole (truncated, bytes missing, or a trace that leaves fields out). */
function damagedSchema(names: readonly string[]): Schema {
  return {
    title: 'DamagedMessage',
    description:
      'A message of a defined type that could not be decoded whole (truncated, bytes missing, absurd BodyLength, or read from a MIVR high-level trace that does not give every fixed field): its fields are those that could be decoded; the diagnostics say what is missing.',
    type: 'object',
    properties: {
      type: { enum: [...names] },
      typeId: { type: 'integer' },
      bodyLength: { type: 'integer', minimum: 0 },
      fields: { type: 'object' },
      labels: { $ref: '#/$defs/Labels' },
      diagnostics: {
        type: 'array',
        items: { $ref: '#/$defs/Diagnostic' },
        contains: {
          type: 'object',
          properties: { code: { enum: ['FIXED_PART_SHORT', 'BYTES_MISSING', 'BODY_TRUNCATED', 'BODY_LENGTH_ABSURD', 'TRACE_FIELDS_ABSENT'] } },
          required: ['code'],
        },
      },
      bodyHex: { type: 'string', pattern: '^([0-9a-f]{2})*$', description: 'The body bytes present, when BodyLength was absurd (not decoded).' },
      extras: { type: 'array', items: { $ref: '#/$defs/Extra' } },
      floatingOrder: { type: 'array', items: { type: 'string' } },
      layoutVersion: { type: 'integer' },
      layoutInferred: { type: 'boolean' },
      ...TIMELINE_PROPERTIES,
    },
    required: ['type', 'typeId', 'bodyLength', 'fields', 'labels', 'diagnostics'],
    additionalProperties: false,
  };
}

export function generateMessageSchema(): string {
  const plans = allPlans();
  const defs: Schema = { ...COMMON_DEFS };
  for (const plan of plans) {
    defs[`${pascal(plan.def.name)}Fields`] = fieldsSchema(plan);
    defs[`${pascal(plan.def.name)}Message`] = messageSchema(plan);
  }
  defs.OpaqueMessage = opaqueSchema();
  defs.DamagedMessage = damagedSchema(plans.map((p) => p.def.name));
  const schema: Schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://ccx-cti-analyzer.invalid/schemas/decoded-message.schema.json',
    title: 'DecodedMessage',
    description:
      'One decoded Cisco Unified CCX CTI message, as `ccxcti hex --format json` prints it and as each element of `ccxcti decode` output. Generated from the message table (scripts/generate/message-schema.ts).',
    anyOf: [...plans.map((p) => ({ $ref: `#/$defs/${pascal(p.def.name)}Message` })), { $ref: '#/$defs/OpaqueMessage' }, { $ref: '#/$defs/DamagedMessage' }],
    $defs: defs,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
