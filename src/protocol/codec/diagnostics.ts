/**
 * The codec's diagnostics ("expert info"): every damaged or doubtful byte range becomes one
 * of these, with a stable code and the byte offset within the message (header included).
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  /** Offset of the first byte concerned, counted from the first byte of the message header. */
  readonly offset: number;
}

interface CodeInfo {
  readonly severity: Severity;
  readonly summary: string;
}

/** Every diagnostic the codec can emit, with its severity and a one-line meaning. */
export const DIAGNOSTIC_CODES = {
  HEADER_TRUNCATED: { severity: 'error', summary: 'Fewer than the 8 bytes of the message header (MHDR) are present.' },
  BODY_TRUNCATED: { severity: 'error', summary: 'BodyLength announces more bytes than are present; what is there is decoded.' },
  BODY_LENGTH_ABSURD: { severity: 'error', summary: 'BodyLength is beyond any plausible message size; the body is not read.' },
  BODY_OVER_GUIDE_MAXIMUM: { severity: 'warning', summary: 'The body is longer than the largest body the guide allows for this message type.' },
  TRAILING_BYTES: { severity: 'warning', summary: 'Bytes follow the end of the message (header + BodyLength).' },
  BYTES_MISSING: { severity: 'error', summary: 'Bytes of the message are missing from the input (for example a short row of a hex dump); fields over them are not decoded.' },
  UNKNOWN_MESSAGE_TYPE: { severity: 'warning', summary: 'The MessageTypeID is not listed by the guide; the body is skipped and shown as hex.' },
  RESERVED_MESSAGE_TYPE: { severity: 'info', summary: 'The MessageTypeID is reserved (Table 11); as chapter 11 says, the body is skipped and shown as hex.' },
  UNDEFINED_MESSAGE_BODY: { severity: 'info', summary: 'The guide names this message type but never defines its body; the body is shown as hex.' },
  FIXED_PART_SHORT: { severity: 'error', summary: 'The body is shorter than the fixed part of this message type; only complete fixed fields are decoded.' },
  FLOATING_FIELD_TRUNCATED: { severity: 'error', summary: 'A floating field (FieldDataID, FieldDataLength, data) runs past the end of the body.' },
  FIELD_NOT_ALLOWED: { severity: 'warning', summary: 'A floating field that this message type does not define; kept in extras.' },
  FIELD_DUPLICATE: { severity: 'warning', summary: 'A second copy of a floating field that may appear only once; kept in extras.' },
  FIELD_TOO_LONG: { severity: 'warning', summary: 'A floating field holds more bytes than its maximum size in the guide.' },
  FIELD_SIZE_MISMATCH: { severity: 'error', summary: 'A numeric floating field whose length is not its type’s size; kept in extras.' },
  FIELD_NEWER_THAN_VERSION: { severity: 'info', summary: 'A field introduced by a later protocol version than the session’s.' },
  STRING_NOT_TERMINATED: { severity: 'warning', summary: 'A STRING without its terminating NUL; the bytes present are shown.' },
  STRING_DATA_AFTER_NUL: { severity: 'warning', summary: 'A STRING has bytes after its terminating NUL; they are not part of the value.' },
  STRING_INVALID_UTF8: { severity: 'warning', summary: 'A STRING is not valid UTF-8; invalid sequences are shown as U+FFFD.' },
  NAMED_VARIABLE_MALFORMED: { severity: 'error', summary: 'A NAMEDVAR / NAMEDARRAY field does not hold its NUL-terminated name and value.' },
  NAMED_VARIABLES_OVER_LIMIT: { severity: 'warning', summary: 'NamedVariable and NamedArray fields together exceed the 2000-byte limit.' },
  BOOL_NOT_0_OR_1: { severity: 'warning', summary: 'A BOOL holds a value other than 0 or 1 (read as true).' },
  REQUIRED_FIELD_MISSING: { severity: 'warning', summary: 'A floating field the guide marks required is absent.' },
  AT_LEAST_ONE_MISSING: { severity: 'warning', summary: 'None of a group of floating fields of which the guide requires one is present.' },
  COUNT_MISMATCH: { severity: 'warning', summary: 'A count field disagrees with the number of records or repeated fields present.' },
  COUNT_OVER_MAXIMUM: { severity: 'warning', summary: 'More records or repeated fields than the guide’s documented maximum.' },
  RESERVED_VALUE: { severity: 'info', summary: 'A reserved field holds a value other than the one the guide documents.' },
  VALUE_NOT_IN_TABLE: { severity: 'info', summary: 'A coded value (enum or mask bit) that its constant table does not list.' },
  VALUE_RESERVED: { severity: 'info', summary: 'A coded value that its constant table marks reserved.' },
  INPUT_NOTE: { severity: 'info', summary: 'How the input text was read (hex dump rows, offsets, short rows; what a high-level trace leaves out).' },
  TRACE_FIELD_UNKNOWN: {
    severity: 'info',
    summary: 'A high-level trace names a field the message’s table does not have (traces print internal fields the guide does not document); left out.',
  },
  TRACE_VALUE_INVALID: {
    severity: 'warning',
    summary: 'A value of a high-level trace does not fit its field’s type or constant table; the field is left out (an unknown symbolic name is kept as its label).',
  },
  TRACE_FIELD_REPEATED: { severity: 'warning', summary: 'A high-level trace gives the same field twice; the first value is kept.' },
  TRACE_FIELDS_ABSENT: {
    severity: 'info',
    summary: 'Fixed fields a high-level trace does not give (it omits reserved ones, or ends in "..."): they are absent, nothing is invented.',
  },
  TRACE_LEVELS_DISAGREE: {
    severity: 'info',
    summary: 'The message was logged both as a high-level trace and as a low-level dump: the dump’s bytes are kept, and this field differs between the two.',
  },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function diagnostic(code: DiagnosticCode, message: string, offset: number): Diagnostic {
  return { severity: DIAGNOSTIC_CODES[code].severity, code, message, offset };
}
