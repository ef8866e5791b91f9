/**
 * A test vector written by hand from the guide's tables — never produced by our encoder.
 *
 * `hex` is the whole message (8-byte MHDR + body) as hex pairs; anything after `--` or `#`
 * on a line is a comment. Write one field per line with its name in the comment.
 */
export interface HandVector {
  /** What the vector shows, e.g. "OPEN_REQ, agent mode, version 12". */
  readonly name: string;
  /** The guide's tables the bytes were written from, e.g. "Tables 12, 13". */
  readonly source: string;
  readonly hex: string;
  /** Protocol version given to the decoder; omit to let it infer the layout. */
  readonly version?: number;
  /** Decode with secrets shown (ClientPassword, AgentPassword). */
  readonly showSecrets?: boolean;
  readonly expect: {
    readonly type: string;
    readonly typeId: number;
    readonly bodyLength: number;
    /** Every field of the decoded message (deep-equal). */
    readonly fields: Readonly<Record<string, unknown>>;
    /** Optional: labels that must be present with these values. */
    readonly labels?: Readonly<Record<string, unknown>>;
    /** Diagnostic codes expected (exact list, any order); default: none. */
    readonly diagnostics?: readonly string[];
    /** Expected `bodyHex` for messages without a body definition. */
    readonly bodyHex?: string;
  };
}
