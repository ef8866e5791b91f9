/**
 * Framing and field rules: what the codec diagnoses in the bytes of each message
 * (src/protocol/codec/diagnostics.ts), one catalog rule per diagnostic code. The record
 * maxima (COUNT_OVER_MAXIMUM) are the LIMIT-* rules of limits.ts instead.
 */
import type { DiagnosticCode } from '../../../protocol/codec/diagnostics.js';
import type { RuleImpl, RuleMeta } from '../../rule.js';

const framing = (id: string, severity: RuleMeta['severity'], spec: string, title: string, rationale: string): RuleMeta => ({
  id,
  severity,
  category: 'framing',
  spec,
  title,
  rationale,
});

/** Every decoder diagnostic code and the rule it is reported under (null: not a finding). */
export const DECODER_RULES: Readonly<Record<DiagnosticCode, RuleMeta | null>> = {
  HEADER_TRUNCATED: framing('FRAME-HEADER-TRUNCATED', 'error', 'chapter 2, Message Structure and Syntax; Table 185 (MHDR)', 'Message header truncated', 'Fewer than the 8 MHDR bytes: the message cannot be framed.'),
  BODY_TRUNCATED: framing('FRAME-BODY-TRUNCATED', 'error', 'chapter 2, Unpack a CTI Message (step 2)', 'Message body truncated', 'BodyLength announces more bytes than follow: the receiver would wait or misframe.'),
  BODY_LENGTH_ABSURD: framing('FRAME-BODY-LENGTH-ABSURD', 'error', 'chapter 2, Message Structure and Syntax', 'Implausible BodyLength', 'A BodyLength no message can have: the stream is out of step.'),
  BODY_OVER_GUIDE_MAXIMUM: framing('FRAME-BODY-OVER-MAXIMUM', 'warning', 'chapter 2, Message Body; message tables of chapter 9', 'Body longer than the guide allows', "Longer than the message type's largest legal body (docs/spec-notes.md 1.1); decodable, so a warning."),
  TRAILING_BYTES: framing('FRAME-TRAILING-BYTES', 'warning', 'chapter 2, Unpack a CTI Message (step 7)', 'Bytes after the message', 'Bytes beyond BodyLength that belong to no field.'),
  BYTES_MISSING: framing('FRAME-BYTES-MISSING', 'warning', 'chapter 2, Message Structure and Syntax', 'Bytes missing from the input', 'The input (e.g. a log dump) lacks some bytes of the message: a fault of the input, not necessarily of the sender.'),
  UNKNOWN_MESSAGE_TYPE: framing('MSG-TYPE-UNKNOWN', 'warning', 'Tables 10 and 11', 'Unknown MessageTypeID', 'A MessageTypeID the guide does not list; clients cannot interpret it.'),
  RESERVED_MESSAGE_TYPE: framing('MSG-TYPE-RESERVED', 'info', 'Table 11; chapter 11, Handling Reserved Messages and Reserved Fields', 'Reserved MessageTypeID', 'The guide tells clients to skip reserved messages, so receiving one is legal.'),
  UNDEFINED_MESSAGE_BODY: framing('MSG-BODY-UNDEFINED', 'info', 'Tables 10 and 11 (EMERGENCY_CALL_*)', 'Message without a body definition', 'Named by the guide but never defined; its content cannot be checked.'),
  FIXED_PART_SHORT: framing('FRAME-FIXED-PART-SHORT', 'error', 'chapter 2, Fixed Part', 'Fixed part too short', 'Every fixed field is required, in order and at its size.'),
  FLOATING_FIELD_TRUNCATED: framing('FIELD-TRUNCATED', 'error', 'chapter 2, Floating Fields (items 9-12)', 'Floating field runs past the body', 'FieldDataLength points beyond BodyLength: the floating part is malformed.'),
  FIELD_NOT_ALLOWED: framing('FIELD-NOT-ALLOWED', 'warning', 'message tables of chapter 9', 'Floating field not defined for the message', "A FieldDataID the message's table does not list; clients skip it by its length."),
  FIELD_DUPLICATE: framing('FIELD-DUPLICATE', 'warning', 'chapter 2, Floating Fields (item 9)', 'Floating field repeated', 'Only list members may appear more than once.'),
  FIELD_TOO_LONG: framing('FIELD-TOO-LONG', 'warning', 'chapter 2, Data (item 12)', 'Floating field over its maximum size', "Longer than the table's maximum: receivers with fixed buffers truncate it."),
  FIELD_SIZE_MISMATCH: framing('FIELD-SIZE-MISMATCH', 'error', 'Table 184 (data types)', 'Numeric field of the wrong size', 'A numeric floating field must have the size of its type; its value cannot be read.'),
  FIELD_NEWER_THAN_VERSION: framing('FIELD-NEWER-THAN-VERSION', 'info', 'chapter 2, Message Type Definitions (version note)', 'Field newer than the session version', 'A field introduced by a later protocol version than the session negotiated.'),
  STRING_NOT_TERMINATED: framing('FIELD-STRING-UNTERMINATED', 'warning', 'Table 184 (STRING); chapter 2, Data (item 12)', 'STRING without its NUL', 'STRING values end with a NUL that the maximum size includes.'),
  STRING_DATA_AFTER_NUL: framing('FIELD-STRING-AFTER-NUL', 'warning', 'Table 184 (STRING)', 'Bytes after a STRING terminator', 'Bytes after the NUL are not part of the value.'),
  STRING_INVALID_UTF8: framing('FIELD-STRING-ENCODING', 'warning', 'Table 184 (STRING: encoded using UTF-8)', 'STRING not valid UTF-8', 'STRING values are UTF-8; invalid sequences cannot be read as the sender meant.'),
  NAMED_VARIABLE_MALFORMED: framing('FIELD-NAMED-VARIABLE-MALFORMED', 'error', 'Tables 186 and 187 (NAMEDVAR, NAMEDARRAY)', 'Malformed named variable', 'A NAMEDVAR / NAMEDARRAY lacks its NUL-terminated name and value.'),
  NAMED_VARIABLES_OVER_LIMIT: framing('LIMIT-NAMED-VARIABLES', 'warning', 'Tables 186 and 187: 2000 bytes of named variables', 'Named variables over 2000 bytes', 'NamedVariable and NamedArray fields together exceed the 2000-byte limit (docs/spec-notes.md 1.2).'),
  BOOL_NOT_0_OR_1: framing('FIELD-BOOL-VALUE', 'warning', 'Table 184 (BOOL)', 'BOOL other than 0 or 1', 'Read as true, but not a value the guide defines.'),
  REQUIRED_FIELD_MISSING: framing('FIELD-REQUIRED-MISSING', 'warning', 'message tables of chapter 9 ("(required)")', 'Required floating field missing', "The table marks the field required; the chapter-11 vendor traffic omits some, hence a warning."),
  AT_LEAST_ONE_MISSING: framing('FIELD-AT-LEAST-ONE-MISSING', 'warning', 'message tables of chapter 9 ("at least one of")', 'None of a required group present', 'The table requires one of several fields.'),
  COUNT_MISMATCH: framing('FIELD-COUNT-MISMATCH', 'warning', 'chapter 2, Floating Fields (item 9)', 'Count disagrees with the repeats present', 'The count field and the list disagree; receivers that walk fields by FieldDataID are unaffected, hence a warning.'),
  COUNT_OVER_MAXIMUM: null,
  RESERVED_VALUE: framing('FIELD-RESERVED-VALUE', 'info', 'chapter 2, Fixed Fields (item 6); chapter 11, Handling Reserved Messages and Reserved Fields', 'Reserved field with an undocumented value', 'Clients must ignore reserved fields, so another value is harmless (the chapter-11 flows have some).'),
  VALUE_NOT_IN_TABLE: framing('FIELD-VALUE-UNKNOWN', 'info', 'chapter 10 constant tables (Tables 189-202) and field texts', 'Coded value not in its table', 'An enum value or mask bit the table does not list (the guide itself suggests such masks, e.g. 0x3FFF).'),
  VALUE_RESERVED: framing('FIELD-VALUE-RESERVED', 'info', 'chapter 10 constant tables', 'Coded value marked reserved', 'A value the table marks reserved.'),
  INPUT_NOTE: null,
  // How a MIVR high-level trace was read (issue 4): about the log text, not the sender.
  TRACE_FIELD_UNKNOWN: null,
  TRACE_VALUE_INVALID: null,
  TRACE_FIELD_REPEATED: null,
  TRACE_FIELDS_ABSENT: null,
  TRACE_LEVELS_DISAGREE: null,
};

export const DECODER_RULE_METAS: readonly RuleMeta[] = Object.values(DECODER_RULES).filter((r): r is RuleMeta => r !== null);

/**
 * Reports each diagnostic of the message under its rule — bytes missing from the input once
 * per message (the first says how many; the others name the fields they cost), and not for a
 * message the capture cut short (CAPTURE-INCOMPLETE says that once per session).
 */
export const decoderDiagnostics: RuleImpl = {
  rules: DECODER_RULE_METAS,
  check(m, ctx) {
    const diagnostics = m.message.diagnostics;
    let missingSaid = false;
    for (let i = 0; i < diagnostics.length; i++) {
      const d = diagnostics[i]!;
      const rule = DECODER_RULES[d.code];
      if (!rule) continue;
      if (d.code === 'BYTES_MISSING') {
        // A message cut short by the capture: the session's CAPTURE-INCOMPLETE says it.
        if (missingSaid || m.cutShort) continue;
        missingSaid = true;
      }
      // A message read from a trace's text has no bytes for an offset to name.
      ctx.report(rule, m.ref, m.fromTraceText ? `${m.type}: ${d.message}` : `${m.type}: ${d.message} (byte ${d.offset})`);
    }
  },
};
