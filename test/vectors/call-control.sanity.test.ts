/**
 * Sanity checks of the hand-written call-control vectors, without any decoder:
 * the hex parses, the header agrees with the body and with `expect`, and the floating part
 * (after the fixed part, whose size is counted by hand from Tables 103–161) is a clean run of
 * FieldDataID/FieldDataLength/data triplets ending exactly at the end of the body.
 */
import { describe, expect, it } from 'vitest';
import { vectorBytes } from './hex.js';
import { vectors } from './call-control.js';

/** Fixed-part size in bytes per MessageTypeID, counted from the guide's tables. */
const FIXED_SIZE: Record<number, number> = {
  35: 10, // CONTROL_FAILURE_CONF (Table 103)
  40: 20, // ALTERNATE_CALL_REQ (Table 105)
  41: 4, // ALTERNATE_CALL_CONF (Table 107)
  42: 14, // ANSWER_CALL_REQ (Table 108)
  43: 4, // ANSWER_CALL_CONF (Table 110)
  44: 14, // CLEAR_CALL_REQ (Table 111)
  45: 4, // CLEAR_CALL_CONF (Table 113)
  46: 14, // CLEAR_CONNECTION_REQ (Table 114)
  47: 4, // CLEAR_CONNECTION_CONF (Table 116)
  48: 44, // CONFERENCE_CALL_REQ (Table 117)
  49: 16, // CONFERENCE_CALL_CONF (Table 119)
  50: 36, // CONSULT_CALL_REQ (Table 121)
  51: 14, // CONSULT_CALL_CONF (Table 123)
  54: 16, // HOLD_CALL_REQ (Table 125)
  55: 4, // HOLD_CALL_CONF (Table 127)
  56: 32, // MAKE_CALL_REQ (Table 128), +4 in the version-14 layout
  57: 14, // MAKE_CALL_CONF (Table 130)
  60: 20, // RECONNECT_CALL_REQ (Table 132)
  61: 4, // RECONNECT_CALL_CONF (Table 134)
  62: 14, // RETRIEVE_CALL_REQ (Table 135)
  63: 4, // RETRIEVE_CALL_CONF (Table 137)
  64: 40, // TRANSFER_CALL_REQ (Table 138)
  65: 16, // TRANSFER_CALL_CONF (Table 140)
  91: 20, // SEND_DTMF_SIGNAL_REQ (Table 142)
  92: 4, // SEND_DTMF_SIGNAL_CONF (Table 144)
  26: 30, // SET_CALL_DATA_REQ (Table 145)
  27: 4, // SET_CALL_DATA_CONF (Table 147)
  124: 22, // SUPERVISE_CALL_REQ (Table 148)
  125: 10, // SUPERVISE_CALL_CONF (Table 151)
  118: 14, // SUPERVISOR_ASSIST_REQ (Table 153)
  119: 14, // SUPERVISOR_ASSIST_CONF (Table 155)
  120: 14, // SUPERVISOR_ASSIST_EVENT (Table 157)
  139: 14, // BAD_CALL_REQ (Table 159)
  140: 4, // BAD_CALL_CONF (Table 161)
};

/** Numeric (non-NUL-terminated) floating fields used by these messages. */
const NUMERIC_IDS = new Set([39, 40]);

const u32 = (b: Uint8Array, o: number): number =>
  ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;

describe('call-control hand vectors (sanity, no decoder)', () => {
  it('covers every call-control message type of Tables 103–161', () => {
    const ids = new Set(vectors.map((v) => v.expect.typeId));
    for (const id of Object.keys(FIXED_SIZE)) expect(ids.has(Number(id))).toBe(true);
  });

  it('has unique vector names', () => {
    expect(new Set(vectors.map((v) => v.name)).size).toBe(vectors.length);
  });

  for (const v of vectors) {
    describe(v.name, () => {
      const bytes = vectorBytes(v.hex);

      it('header agrees with the body and with expect', () => {
        expect(bytes.length).toBeGreaterThanOrEqual(8);
        const bodyLength = u32(bytes, 0);
        const typeId = u32(bytes, 4);
        expect(bodyLength).toBe(bytes.length - 8);
        expect(typeId).toBe(v.expect.typeId);
        expect(bodyLength).toBe(v.expect.bodyLength);
        expect(bodyLength).toBeLessThanOrEqual(256); // chapter 2: max body size
      });

      it('floating part is a clean run of fields ending at the body end', () => {
        let fixed = FIXED_SIZE[v.expect.typeId];
        expect(fixed).toBeDefined();
        if (v.expect.typeId === 56 && 'Reserved12' in v.expect.fields) fixed! += 4;
        let off = 8 + fixed!;
        expect(off).toBeLessThanOrEqual(bytes.length);
        while (off < bytes.length) {
          expect(off + 2).toBeLessThanOrEqual(bytes.length);
          const id = bytes[off]!;
          const len = bytes[off + 1]!;
          expect(off + 2 + len).toBeLessThanOrEqual(bytes.length);
          if (!NUMERIC_IDS.has(id)) expect(bytes[off + 1 + len]).toBe(0); // STRING / NAMEDVAR / NAMEDARRAY end in NUL
          off += 2 + len;
        }
        expect(off).toBe(bytes.length);
      });
    });
  }
});
