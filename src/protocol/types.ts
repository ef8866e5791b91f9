/**
 * The vocabulary of the message-definition table.
 *
 * Everything the analyzer knows about the wire format is written as data of these types
 * (`messages.ts`, `constants.ts`, `field-ids.ts`); the codec, the JSON Schema, the
 * `ccxcti messages` documentation and the conformance rules all read it from there.
 */

/** Wire types of the fixed part (chapter 2 "Fixed Field Data", Table 184). */
export type FixedWireType = 'CHAR' | 'UCHAR' | 'SHORT' | 'USHORT' | 'INT' | 'UINT' | 'BOOL' | 'TIME' | 'UNSPEC';

/** Wire types of the floating part (Table 184: every type but MHDR may float). */
export type FloatingWireType =
  | 'STRING'
  | 'UNSPEC'
  | 'CHAR'
  | 'UCHAR'
  | 'SHORT'
  | 'USHORT'
  | 'INT'
  | 'UINT'
  | 'BOOL'
  | 'TIME'
  | 'NAMEDVAR'
  | 'NAMEDARRAY';

/** Size in bytes of each fixed-size wire type (Table 184). */
export const WIRE_TYPE_SIZE: Readonly<Record<Exclude<FixedWireType, 'UNSPEC'>, number>> = {
  CHAR: 1,
  UCHAR: 1,
  SHORT: 2,
  USHORT: 2,
  INT: 4,
  UINT: 4,
  BOOL: 2,
  TIME: 4,
};

/** Where in the guide a definition comes from. */
export interface SpecRef {
  /** Table numbers, e.g. [65, 66]. */
  readonly tables: readonly number[];
  /** Page of the printed guide. */
  readonly page: number;
}

/** One row of a constant table. */
export interface ConstEntry {
  readonly value: number;
  /** Symbolic name as the guide prints it (e.g. `CALLTYPE_CCX_IN`). */
  readonly name: string;
  readonly description?: string;
  /** Protocol version that introduced the value, when the guide says so. */
  readonly since?: number;
  /** Where the entry comes from when it is not the table itself (e.g. "chapter 11 flows"). */
  readonly source?: string;
}

/**
 * A constant table: the values of an enumerated field or the bits of a mask.
 * `enum`: a value is one entry. `mask`: a value is a bitwise OR of entries.
 */
export interface ConstTable {
  /** Stable identifier used by field definitions (`values: 'CallType'`). */
  readonly id: string;
  readonly title: string;
  /** e.g. "Table 195" or "Table 35 (field text)". */
  readonly source: string;
  readonly kind: 'enum' | 'mask';
  /**
   * Closed tables list every legal value: a value outside them is diagnosed.
   * Open tables only name some special values (e.g. NULL_CSQ in a CSQID).
   */
  readonly closed: boolean;
  readonly entries: readonly ConstEntry[];
  /** Inclusive ranges the guide marks "reserved". */
  readonly reserved?: ReadonlyArray<readonly [number, number]>;
}

/** A condition under which a floating field becomes required. */
export type RequiredWhen =
  /** The session is in agent mode (CTI_SERVICE_CLIENT_EVENTS); checked by conformance. */
  | { readonly mode: 'agent' }
  /** A fixed field of the same message has one of the values. */
  | { readonly field: string; readonly in: readonly number[] };

export type Presence = 'required' | 'optional' | 'unspecified' | { readonly requiredWhen: RequiredWhen };

/** Fields whose value is documented by the guide (reserved fields). */
export type DocumentedValue = number | boolean | string;

export interface FixedFieldDef {
  readonly kind: 'fixed';
  /** JSON name (docs/decoded-message.md). */
  readonly name: string;
  /** Name exactly as the table prints it. */
  readonly guideName: string;
  readonly type: FixedWireType;
  /** Byte size (the type's size; for UNSPEC the table's size). */
  readonly size: number;
  /** Present on reserved fields: the value the guide documents (absent: "ignore this value"). */
  readonly reserved?: { readonly value?: DocumentedValue };
  /** The protocol version that introduced the field (changes the fixed part's length). */
  readonly since?: number;
  /** Constant table of the field's values. */
  readonly values?: string;
  readonly doc: string;
}

export interface FloatingFieldDef {
  readonly kind: 'floating';
  /** FieldDataID (the bracketed subscript of the table). */
  readonly id: number;
  readonly name: string;
  readonly guideName: string;
  readonly type: FloatingWireType;
  /** Maximum data size in bytes (for STRING including the NUL). */
  readonly maxSize: number;
  readonly presence: Presence;
  /** Present on reserved fields: the value the guide documents (absent: "ignore this value"). */
  readonly reserved?: { readonly value?: DocumentedValue };
  /** How a label renders the raw value: `int64` = an 8-byte key shown as a decimal integer. */
  readonly display?: 'int64';
  readonly since?: number;
  readonly values?: string;
  /** A device ID that follows the version-14 Primary.Actual format. */
  readonly deviceId?: boolean;
  /** A secret redacted in every output unless shown on request. */
  readonly secret?: boolean;
  /**
   * The field may occur several times without a record around it (NamedVariable,
   * NamedArray): its JSON value is an array of values under `name`, counted by the field
   * `countedBy` of the same scope.
   */
  readonly repeats?: { readonly max?: number; readonly countedBy: string };
  readonly doc: string;
}

/** A record: floating fields that belong together and occur once per record. */
export interface RecordGroupDef {
  readonly kind: 'group';
  /** JSON key of the array of records (`ConnectedParties`, `CSQs`, `Records`, ...). */
  readonly key: string;
  /** Name of the fixed or floating field (in the enclosing scope) that counts the records. */
  readonly countedBy: string;
  /** Documented maximum number of records (absent: the guide gives none). */
  readonly max?: number;
  readonly members: ReadonlyArray<FloatingFieldDef | RecordGroupDef>;
  readonly doc: string;
}

export type FloatingItemDef = FloatingFieldDef | RecordGroupDef;

export type MessageClass =
  | 'session'
  | 'failure'
  | 'configuration'
  | 'agent-state'
  | 'call-event'
  | 'call-control'
  | 'miscellaneous';

export type Sender = 'client' | 'server' | 'either';

/** The role of a message in request/confirmation pairing. */
export type MessageRole = 'request' | 'confirmation' | 'event';

export interface MessageDef {
  readonly id: number;
  readonly name: string;
  readonly class: MessageClass;
  readonly sentBy: Sender;
  readonly role: MessageRole;
  /** For requests: the positive confirmation(s). FAILURE_CONF / CONTROL_FAILURE_CONF are implied. */
  readonly confirmedBy?: readonly string[];
  /** The failure confirmation the guide names for this request. */
  readonly failedBy?: readonly string[];
  /** For unsolicited events: the OPEN_REQ mask bit that selects them. */
  readonly selectedBy?: { readonly mask: 'CallMsgMask' | 'AgentStateMask' | 'ConfigMsgMask'; readonly bit: string };
  readonly purpose: string;
  readonly spec: SpecRef;
  readonly fixed: readonly FixedFieldDef[];
  readonly floating: readonly FloatingItemDef[];
  /** Groups of floating fields of which at least one must be present. */
  readonly atLeastOne?: ReadonlyArray<readonly string[]>;
}

/** A MessageTypeID the guide lists without a definition of its body. */
export interface UndefinedMessageDef {
  readonly id: number;
  readonly name: string;
  /** `reserved`: Table 11 says "reserved"; `undefined`: named but never defined. */
  readonly status: 'reserved' | 'undefined';
  readonly note: string;
}
