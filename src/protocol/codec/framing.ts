/** Framing constants of the MHDR (Table 185) and the codec's plausibility limits. */

/** MHDR: BodyLength UINT + MessageTypeID UINT. */
export const HEADER_LENGTH = 8;

/** A BodyLength above this is taken as damage, not as a message (the guide's largest is a few KiB). */
export const MAX_PLAUSIBLE_BODY = 65535;

/** What a secret (ClientPassword, AgentPassword) shows unless secrets are shown on request. */
export const REDACTED = '<redacted>';
