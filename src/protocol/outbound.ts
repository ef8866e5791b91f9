/**
 * The outbound feature's expanded-call-context variables (chapter 8, Tables 8 and 9), as
 * data, and their interpretation: what a BAStatus or BAResponse value means.
 */

export interface OutboundVariableDef {
  readonly name: string;
  readonly description: string;
  /** Maximum number of characters the guide gives, if any. */
  readonly maxChars?: number;
  readonly source: string;
}

/** Table 8: Outbound Expanded Call Context (ECC) variables. */
export const OUTBOUND_VARIABLES: readonly OutboundVariableDef[] = [
  { name: 'BACampaign', description: 'The name of the Outbound Dialer campaign to which the call belongs.', source: 'Table 8' },
  {
    name: 'BAAccountNumber',
    description: 'A customer account number, usable for a database lookup of additional customer data.',
    maxChars: 30,
    source: 'Table 8',
  },
  {
    name: 'BAResponse',
    description: "Data from the CTI client to the Outbound Dialer: the response to the agent reservation, callbacks, callback number changes (Table 9).",
    source: 'Table 8',
  },
  {
    name: 'BAStatus',
    description: 'Two characters: the call mode (D direct preview reservation, C connected to customer, Z transferred/conferenced) and the direction (O outbound).',
    source: 'Table 8',
  },
  { name: 'BADialedListID', description: 'A unique key identifying a specific customer record.', source: 'Table 8' },
  { name: 'BATimeZone', description: "The GMT offset, in minutes, of the customer's time zone.", source: 'Table 8' },
  { name: 'BABuddyName', description: "The customer's first and last name separated by a comma.", source: 'Table 8' },
  { name: 'BACustomerNumber', description: 'The dialed customer phone number.', source: 'Table 8' },
  { name: 'BACampaignID', description: 'The ID of the Outbound Dialer campaign (seen in the chapter-11 flows; not in Table 8).', source: 'chapter 11 flows' },
];

export type BAResponsePhase = 'reservation' | 'preview';

export interface BAResponseDef {
  /** The value as Table 9 prints it (a pattern is written with its placeholder). */
  readonly value: string;
  readonly phase: BAResponsePhase;
  readonly description: string;
  /** For values with a variable part. */
  readonly pattern?: RegExp;
  /** The reservation call is cleared after this response (chapter 8, "Outbound Call Events"). */
  readonly clearsReservation?: boolean;
}

/** Table 9: the BAResponse ECC variable values. */
export const BA_RESPONSE_VALUES: readonly BAResponseDef[] = [
  { value: 'Accept', phase: 'reservation', clearsReservation: true, description: 'Accept the current customer contact; the outbound call to the customer is initiated from the agent phone.' },
  { value: 'Reject', phase: 'reservation', clearsReservation: true, description: 'Reject the current customer contact; the reservation is cancelled and the agent becomes Ready.' },
  {
    value: 'Reject-Close',
    phase: 'reservation',
    clearsReservation: true,
    description: 'Reject the current customer contact and close the record for this campaign; the agent becomes Ready.',
  },
  { value: 'Skip', phase: 'reservation', description: 'Skip the current customer contact; the agent remains reserved for another outbound contact.' },
  { value: 'Skip-Close', phase: 'reservation', description: 'Skip the current preview call and close the record; the agent remains reserved.' },
  {
    value: 'Cancel Reservation',
    phase: 'reservation',
    clearsReservation: true,
    description: 'Cancel the agent reservation and set the agent Not Ready; the record stays open.',
  },
  { value: 'Reclassify', phase: 'preview', description: 'The preview call is reclassified.' },
  { value: 'REX_VOICE', phase: 'preview', description: 'The preview call is reclassified as VOICE.' },
  { value: 'REX_ANS_MACHINE', phase: 'preview', description: 'The preview call is reclassified as ANSWERING MACHINE.' },
  { value: 'REX_FAX', phase: 'preview', description: 'The preview call is reclassified as FAX.' },
  { value: 'REX_INVALID', phase: 'preview', description: 'The preview call is reclassified as INVALID PHONE NUMBER.' },
  { value: 'DO_NOT_CALL', phase: 'preview', description: 'The number is to be added to the DO NOT CALL list.' },
  { value: 'BUSY', phase: 'preview', description: 'The preview call is reclassified as BUSY.' },
  {
    value: 'Callback mmddyyyy hh:mm',
    phase: 'preview',
    pattern: /^Callback (\d{2})(\d{2})(\d{4}) (\d{2}):(\d{2})$/,
    description: 'The customer wants a call back at the given time.',
  },
  { value: 'P#<phone number>', phase: 'preview', pattern: /^P#(\d+)$/, description: 'The phone number the customer wants to be called back on.' },
  { value: 'Callback Cancel', phase: 'preview', description: 'The customer cancels a previous callback request.' },
  { value: 'SkipNext', phase: 'preview', description: 'Call the next available customer phone number.' },
  { value: 'SKIP_WRONG_NUMBER', phase: 'preview', description: 'The number called is a wrong number; the next number of this customer is called after this call.' },
  {
    value: 'SKIP_NOT_HOME',
    phase: 'preview',
    pattern: /^SKIP[ _]NOT_HOME$/,
    description: 'The customer is not at home; the next number of this customer is called after this call (Table 9 prints "SKIP NOT_HOME").',
  },
];

export interface OutboundInterpretation {
  /** What the value means, for labels. */
  readonly meaning: string;
  /** False when the value is not one the guide's tables allow. */
  readonly valid: boolean;
  /** For BAResponse: the Table 9 entry. */
  readonly response?: BAResponseDef;
}

const BA_STATUS_MODES: Readonly<Record<string, string>> = {
  D: 'direct preview reservation',
  C: 'connected to customer',
  Z: 'transferred or conferenced',
};

function validCallback(match: RegExpMatchArray): boolean {
  const [, mm, dd, yyyy, hh, min] = match.map(Number) as [number, number, number, number, number, number];
  if (mm < 1 || mm > 12 || hh > 23 || min > 59) return false;
  const days = new Date(Date.UTC(yyyy, mm, 0)).getUTCDate();
  return dd >= 1 && dd <= days;
}

/** The Table 9 entry a BAResponse value matches, if any. */
export function matchBAResponse(value: string): { def: BAResponseDef; match: RegExpMatchArray | null } | undefined {
  for (const def of BA_RESPONSE_VALUES) {
    if (def.pattern) {
      const match = value.match(def.pattern);
      if (match) return { def, match };
    } else if (def.value === value) {
      return { def, match: null };
    }
  }
  return undefined;
}

/**
 * Interprets an outbound ECC variable. Returns `undefined` for names that are not outbound
 * variables (the ordinary call-context variables of a script).
 */
const OUTBOUND_BY_NAME: ReadonlyMap<string, OutboundVariableDef> = new Map(OUTBOUND_VARIABLES.map((v) => [v.name, v]));

export function interpretOutboundVariable(name: string, value: string): OutboundInterpretation | undefined {
  const def = OUTBOUND_BY_NAME.get(name);
  if (!def) return undefined;
  switch (name) {
    case 'BAStatus': {
      if (value === '') return { meaning: 'BAStatus empty', valid: true };
      const mode = BA_STATUS_MODES[value[0] ?? ''];
      const valid = value.length === 2 && mode !== undefined && value[1] === 'O';
      const meaning = valid ? `${mode}, outbound` : `not a Table 8 BAStatus (mode D/C/Z then direction O)`;
      return { meaning: `BAStatus ${value}: ${meaning}`, valid };
    }
    case 'BAResponse': {
      if (value === '') return { meaning: 'BAResponse empty', valid: true };
      const found = matchBAResponse(value);
      if (!found) return { meaning: `BAResponse ${value}: not a Table 9 value`, valid: false };
      if (found.match && found.def.value.startsWith('Callback mm')) {
        const ok = validCallback(found.match);
        const [, mm, dd, yyyy, hh, min] = found.match;
        return {
          meaning: ok ? `BAResponse: callback requested for ${yyyy}-${mm}-${dd} ${hh}:${min}` : `BAResponse ${value}: callback date/time is not a valid mmddyyyy hh:mm`,
          valid: ok,
          response: found.def,
        };
      }
      if (found.match && found.def.value.startsWith('P#')) {
        return { meaning: `BAResponse: callback number ${found.match[1]}`, valid: true, response: found.def };
      }
      return { meaning: `BAResponse ${value} (${found.def.phase}): ${found.def.description}`, valid: true, response: found.def };
    }
    case 'BAAccountNumber': {
      const valid = def.maxChars === undefined || [...value].length <= def.maxChars;
      return { meaning: valid ? `BAAccountNumber: ${def.description}` : `BAAccountNumber longer than ${def.maxChars} characters`, valid };
    }
    case 'BATimeZone': {
      const valid = value === '' || /^[+-]?\d+$/.test(value);
      return { meaning: valid ? `BATimeZone: GMT offset ${value} minutes` : 'BATimeZone is not a number of minutes', valid };
    }
    default:
      return { meaning: `${name}: ${def.description}`, valid: true };
  }
}
