/**
 * Decoder inputs that manual mutation testing showed unpinned (docs/test-gaps.md, "Decoder").
 * Every message is written by hand from the guide's tables (MHDR Table 185: BodyLength and
 * MessageTypeID, big-endian UINTs; floating fields: FieldDataID UCHAR, FieldLength UCHAR,
 * data), never with the project's encoder. Each case runs with the generated fast path
 * allowed and with the reference decoder only: both must agree.
 */
import { describe, expect, it } from 'vitest';
import { decode, type DecodedMessage } from '../../src/protocol/codec/decode.js';
import { ByteWriter, concatBytes } from '../support/capture-writer.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
/** A NUL-terminated STRING. */
const cstr = (s: string): Uint8Array => text(`${s}\0`);

/** MHDR (Table 185) + body; BodyLength is the body's length unless given. */
function message(typeId: number, body: Uint8Array, bodyLength: number = body.length): Uint8Array {
  return concatBytes(new ByteWriter(false).u32(bodyLength).u32(typeId).toBytes(), body);
}

/** One floating field: FieldDataID, FieldLength, data. */
function fl(id: number, data: Uint8Array): Uint8Array {
  if (data.length > 255) throw new Error('a floating field holds at most 255 bytes');
  return concatBytes(Uint8Array.of(id, data.length), data);
}

/** NAMEDVAR data (Table 186): NUL-terminated name, NUL-terminated value. */
const namedVar = (name: string, value: string): Uint8Array => fl(82, concatBytes(cstr(name), cstr(value)));

const codes = (m: DecodedMessage): string[] => m.diagnostics.map((d) => d.code);
const modes = [
  ['fast path allowed', true],
  ['reference decoder', false],
] as const;

// ---------------------------------------------------------------------------------------------
// Layout inference: SET_AGENT_STATE_REQ (38), Table 62: InvokeID UINT, reserved UINT 1,
// AgentState USHORT, reserved USHORT 0, reserved USHORT 0, EventReasonCode USHORT,
// ForcedFlag UCHAR (17 bytes up to version 11), AgentCapacity UINT (version 12: 21 bytes).
// Table 63: AgentInstrument[6] (required), AgentPassword[49], AgentID[194].

const SET_AGENT_STATE_REQ = 38;

function setAgentStateFixed(agentCapacity: Uint8Array): Uint8Array {
  const w = new ByteWriter(false).u32(7).u32(1).u16(2).u16(0).u16(0).u16(0).u8(0); // AGENT_STATE_NOT_READY
  return concatBytes(w.toBytes(), agentCapacity);
}

describe('layout inference without a version', () => {
  for (const [mode, fastPath] of modes) {
    it(`reads the newest layout when the body is exactly its fixed part (${mode})`, () => {
      // AgentCapacity 1: bytes 00 00 00 01, which the version-10 layout would have to read as
      // floating fields (ID 0 of length 0, then ID 0 announcing 1 byte past the end).
      const m = decode(message(SET_AGENT_STATE_REQ, setAgentStateFixed(Uint8Array.of(0, 0, 0, 1))), { fastPath });
      expect(m.bodyLength).toBe(21);
      expect(m.layoutVersion).toBe(12);
      expect(m.layoutInferred).toBe(true);
      expect(m.fields).toMatchObject({ InvokeID: 7, AgentState: 2, ForcedFlag: 0, AgentCapacity: 1 });
      expect(m.labels.AgentCapacity).toEqual(['AGENT_CAPACITY_OUTBOUND_FEATURE_ENABLED']);
      expect(m.extras).toBeUndefined();
      // The body has no floating part: the required AgentInstrument is missing, nothing else.
      expect(codes(m)).toEqual(['REQUIRED_FIELD_MISSING']);
    });

    it(`takes the newest of two layouts whose floating parts parse equally well (${mode})`, () => {
      // AgentCapacity's bytes c2 02 78 00 are also a well-formed AgentID[194] = "x" for the
      // version-10 layout; AgentInstrument "3000" follows. Both layouts parse cleanly: a tie.
      const body = concatBytes(setAgentStateFixed(Uint8Array.of(0xc2, 0x02, 0x78, 0x00)), fl(6, cstr('3000')));
      const m = decode(message(SET_AGENT_STATE_REQ, body), { fastPath });
      expect(m.layoutVersion).toBe(12);
      expect(m.layoutInferred).toBe(true);
      expect(m.fields.AgentCapacity).toBe(0xc2027800);
      expect(m.fields.AgentInstrument).toBe('3000');
      expect(m.fields.AgentID).toBeUndefined();
      // The version-12 reading: AgentCapacity has bits Table 62 does not name.
      expect(codes(m)).toEqual(['VALUE_NOT_IN_TABLE']);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// BOOL fields.

describe('BOOL fields', () => {
  // CONFIG_CSQ_EVENT (236), Table 42: NumRecords USHORT. Table 43: RecordType[183] USHORT,
  // CSQID[184] UINT, AutoWork[185] BOOL of maximum size 4, CSQName[133] STRING.
  const CONFIG_CSQ_EVENT = 236;
  function csqEvent(autoWork: Uint8Array): Uint8Array {
    const body = concatBytes(
      new ByteWriter(false).u16(1).toBytes(),
      fl(183, new ByteWriter(false).u16(0).toBytes()),
      fl(184, new ByteWriter(false).u32(5).toBytes()),
      fl(185, autoWork),
      fl(133, cstr('Sales')),
    );
    return message(CONFIG_CSQ_EVENT, body);
  }
  // Offset of AutoWork's FieldDataID: 8 (MHDR) + 2 (NumRecords) + 4 (RecordType) + 6 (CSQID).
  const AUTOWORK_AT = 20;

  for (const [mode, fastPath] of modes) {
    it(`a floating BOOL longer than its maximum size goes to extras with FIELD_SIZE_MISMATCH (${mode})`, () => {
      const m = decode(csqEvent(Uint8Array.of(0, 0, 0, 0, 0, 1)), { fastPath });
      expect(m.fields).toEqual({ NumRecords: 1, Records: [{ RecordType: 0, CSQID: 5, CSQName: 'Sales' }] });
      expect(m.extras).toEqual([{ id: 185, name: 'AutoWork', offset: AUTOWORK_AT, hex: '000000000001' }]);
      expect(m.diagnostics.map((d) => [d.code, d.offset])).toEqual([
        ['FIELD_TOO_LONG', AUTOWORK_AT],
        ['FIELD_SIZE_MISMATCH', AUTOWORK_AT],
      ]);
    });

    it(`a floating BOOL of its maximum size (4, wider than a BOOL's 2) is read (${mode})`, () => {
      const m = decode(csqEvent(Uint8Array.of(0, 0, 0, 1)), { fastPath });
      expect(m.fields).toEqual({ NumRecords: 1, Records: [{ RecordType: 0, CSQID: 5, AutoWork: true, CSQName: 'Sales' }] });
      expect(m.extras).toBeUndefined();
      expect(m.diagnostics).toEqual([]);
    });
  }

  // OPEN_CONF (4), Table 14: InvokeID UINT, ServicesGranted UINT, reserved UINT 0,
  // reserved UINT 0, reserved TIME 0, UnifiedCCXOnline BOOL (2 bytes), reserved USHORT 0,
  // AgentState USHORT.
  const OPEN_CONF = 4;
  const openConf = (online: number): Uint8Array =>
    message(OPEN_CONF, new ByteWriter(false).u32(1).u32(0).u32(0).u32(0).u32(0).u16(online).u16(0).u16(9).toBytes()); // AGENT_STATE_UNKNOWN
  const ONLINE_AT = 8 + 20;

  for (const [mode, fastPath] of modes) {
    it(`a fixed BOOL holding 2 is true, with BOOL_NOT_0_OR_1 (${mode})`, () => {
      const m = decode(openConf(2), { fastPath });
      expect(m.fields.UnifiedCCXOnline).toBe(true);
      expect(m.diagnostics.map((d) => [d.code, d.offset])).toEqual([['BOOL_NOT_0_OR_1', ONLINE_AT]]);
      expect(m.diagnostics[0]!.message).toBe('UnifiedCCXOnline holds 2; a BOOL is 0 or 1');
    });

    it(`a fixed BOOL holding 0 or 1 is false or true, without a diagnostic (${mode})`, () => {
      const off = decode(openConf(0), { fastPath });
      const on = decode(openConf(1), { fastPath });
      expect([off.fields.UnifiedCCXOnline, on.fields.UnifiedCCXOnline]).toEqual([false, true]);
      expect([...codes(off), ...codes(on)]).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Limits.

describe('BodyLength 65535', () => {
  // SET_CALL_DATA_CONF (27), Table 147: InvokeID UINT; the guide allows a 4-byte body.
  const SET_CALL_DATA_CONF = 27;
  const invoke = new ByteWriter(false).u32(0x1234).toBytes();

  for (const [mode, fastPath] of modes) {
    it(`65535 is a (truncated, oversized) message; 65536 is absurd (${mode})`, () => {
      const at = decode(message(SET_CALL_DATA_CONF, invoke, 65535), { fastPath });
      expect(at.type).toBe('SET_CALL_DATA_CONF');
      expect(at.bodyLength).toBe(65535);
      expect(at.fields).toEqual({ InvokeID: 0x1234 });
      expect(codes(at)).toEqual(['BODY_TRUNCATED', 'BODY_OVER_GUIDE_MAXIMUM']);

      const over = decode(message(SET_CALL_DATA_CONF, invoke, 65536), { fastPath });
      expect(over.bodyLength).toBe(65536);
      expect(over.fields).toEqual({});
      expect(codes(over)).toEqual(['BODY_LENGTH_ABSURD']);
    });
  }
});

describe('named variables (Tables 186, 187) in SET_CALL_DATA_REQ', () => {
  // SET_CALL_DATA_REQ (26), Table 145: InvokeID UINT, reserved UINT 1, ConnectionDeviceType
  // USHORT, CallID UINT, NumNamedVariables USHORT, NumNamedArrays USHORT, CallType USHORT,
  // CalledPartyDisposition USHORT, reserved UINT 0, reserved UINT 1 (30 bytes).
  // Table 146: ConnectionDeviceID[25] (required), …, NamedVariable[82].
  const SET_CALL_DATA_REQ = 26;
  function setCallData(named: readonly Uint8Array[]): Uint8Array {
    const fixed = new ByteWriter(false)
      .u32(9)
      .u32(1)
      .u16(0) // CONNECTION_ID_STATIC
      .u32(0x01000123)
      .u16(named.length)
      .u16(0)
      .u16(1) // CALLTYPE_CCX_IN
      .u16(15) // Redirected
      .u32(0)
      .u32(1)
      .toBytes();
    return message(SET_CALL_DATA_REQ, concatBytes(fixed, fl(25, cstr('2005')), ...named));
  }
  /** Offset of the first named variable: MHDR 8 + fixed 30 + ConnectionDeviceID 2 + 5. */
  const FIRST_NAMED_AT = 45;
  const NAMES = Array.from({ length: 33 }, (_, i) => String.fromCharCode(0x61 + (i % 26))).join(''); // 33 letters

  for (const [mode, fastPath] of modes) {
    it(`a name of 32 characters is allowed, 33 are FIELD_TOO_LONG (${mode})`, () => {
      const ok = decode(setCallData([namedVar(NAMES.slice(0, 32), 'v')]), { fastPath });
      expect(ok.fields.NamedVariable).toEqual([{ VariableName: NAMES.slice(0, 32), VariableValue: 'v' }]);
      expect(ok.diagnostics).toEqual([]);

      const long = decode(setCallData([namedVar(NAMES, 'v')]), { fastPath });
      expect(long.fields.NamedVariable).toEqual([{ VariableName: NAMES, VariableValue: 'v' }]);
      expect(long.diagnostics.map((d) => [d.code, d.offset])).toEqual([['FIELD_TOO_LONG', FIRST_NAMED_AT]]);
      expect(long.diagnostics[0]!.message).toContain('longer than 32 characters');
    });

    it(`a value of 210 bytes is allowed, 211 are FIELD_TOO_LONG (${mode})`, () => {
      const ok = decode(setCallData([namedVar('user.x', 'x'.repeat(210))]), { fastPath });
      expect(ok.fields.NamedVariable).toEqual([{ VariableName: 'user.x', VariableValue: 'x'.repeat(210) }]);
      expect(ok.diagnostics).toEqual([]);

      const long = decode(setCallData([namedVar('user.x', 'x'.repeat(211))]), { fastPath });
      expect(long.fields.NamedVariable).toEqual([{ VariableName: 'user.x', VariableValue: 'x'.repeat(211) }]);
      expect(long.diagnostics.map((d) => [d.code, d.offset])).toEqual([['FIELD_TOO_LONG', FIRST_NAMED_AT]]);
      expect(long.diagnostics[0]!.message).toContain('value longer than 210 bytes');
    });

    // Ten named variables of 2 + 198 bytes: "NV0".."NV9" (4 bytes with the NUL) and a value of
    // 193 characters (194 bytes with its NUL). The 2000 bytes count whole fields, FieldDataID and FieldLength
    // included (docs/spec-notes.md 1.2).
    const tenVars = (extra: number): Uint8Array[] =>
      Array.from({ length: 10 }, (_, i) => namedVar(`NV${i}`, 'y'.repeat(193 + (i === 9 ? extra : 0))));

    it(`exactly 2000 bytes of named variables (headers included) are allowed (${mode})`, () => {
      const named = tenVars(0);
      expect(named.reduce((n, f) => n + f.length, 0)).toBe(2000);
      const m = decode(setCallData(named), { fastPath });
      expect(m.fields.NumNamedVariables).toBe(10);
      expect((m.fields.NamedVariable as unknown[]).length).toBe(10);
      expect(m.diagnostics).toEqual([]);
    });

    it(`2001 bytes of named variables (1981 without the 2-byte headers) are over the limit (${mode})`, () => {
      const named = tenVars(1);
      expect(named.reduce((n, f) => n + f.length, 0)).toBe(2001);
      const m = decode(setCallData(named), { fastPath });
      expect(m.diagnostics.map((d) => [d.code, d.offset])).toEqual([['NAMED_VARIABLES_OVER_LIMIT', FIRST_NAMED_AT]]);
      expect(m.diagnostics[0]!.message).toBe('NamedVariable and NamedArray fields take 2001 bytes together; the guide allows 2000');
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Secrets in bytes the decoder cannot place (found by the fuzzer, scripts/fuzz): a second
// ClientPassword kept in extras, a ClientPassword after a floating field that runs past the
// body (the rest shown as hex in FLOATING_FIELD_TRUNCATED), FieldDataID 2 in a message that
// has no such field, an OPEN_REQ whose absurd BodyLength left its body as bodyHex. None may
// show the password unless secrets are shown.
// OPEN_REQ (3), Table 17 (version 13 and later): 11 UINTs, then ClientID[1] STRING and
// ClientPassword[2] UNSPEC.
// ---------------------------------------------------------------------------------------------

describe('secrets stay redacted in bytes the decoder cannot place', () => {
  const OPEN_REQ = 3;
  const HEARTBEAT_REQ = 5;
  const openReqFixed = new ByteWriter(false).u32(1).u32(13).u32(30).u32(0).u32(1).u32(0xffffffff).u32(0x3ff).u32(0).u32(0).u32(0).u32(0).toBytes();
  const secret = 'hunter2-secret';
  const secretHex = Buffer.from(secret).toString('hex');
  const shows = (m: DecodedMessage): boolean => {
    const json = JSON.stringify(m);
    return json.includes(secretHex) || json.includes(secret);
  };
  const cases: Array<[string, Uint8Array, string]> = [
    ['a second ClientPassword', message(OPEN_REQ, concatBytes(openReqFixed, fl(1, cstr('agent')), fl(2, text('first')), fl(2, text(secret)))), 'FIELD_DUPLICATE'],
    ['a ClientPassword after a field that runs past the body', message(OPEN_REQ, concatBytes(openReqFixed, fl(1, cstr('agent')), Uint8Array.of(10, 119), fl(2, text(secret)))), 'FLOATING_FIELD_TRUNCATED'],
    ['a ClientPassword that runs past the body', message(OPEN_REQ, concatBytes(openReqFixed, fl(1, cstr('agent')), Uint8Array.of(2, 60), text(secret))), 'FLOATING_FIELD_TRUNCATED'],
    ['FieldDataID 2 in a HEARTBEAT_REQ', message(HEARTBEAT_REQ, concatBytes(new ByteWriter(false).u32(7).toBytes(), fl(2, text(secret)))), 'FIELD_NOT_ALLOWED'],
    ['an OPEN_REQ with an absurd BodyLength', message(OPEN_REQ, concatBytes(openReqFixed, fl(1, cstr('agent')), fl(2, text(secret))), 0x7fffffff), 'BODY_LENGTH_ABSURD'],
  ];
  for (const [mode, fastPath] of modes) {
    for (const [what, bytes, code] of cases) {
      it(`${what}: ${code}, the password not shown (${mode})`, () => {
        const hidden = decode(bytes, { fastPath });
        expect(codes(hidden)).toContain(code);
        expect(shows(hidden)).toBe(false);
        // The same bytes with the secrets shown do show it: the test would see a leak.
        expect(shows(decode(bytes, { fastPath, showSecrets: true }))).toBe(true);
      });
    }
  }
});
