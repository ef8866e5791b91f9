/**
 * Bytes missing from the input (holes of a dump, the tail of a message cut by a capture's
 * snapshot length): what lies on them is not decoded, and what is absent because of them is
 * no finding about the message.
 */
import { describe, expect, it } from 'vitest';
import * as F from '../../scripts/samples/cti-flows.js';
import { decode, type DecodedMessage } from '../../src/protocol/codec/decode.js';
import { encode } from '../../src/protocol/codec/encode.js';
import { planByName } from '../../src/protocol/codec/plan.js';

const codes = (m: DecodedMessage): string[] => m.diagnostics.map((d) => d.code);

const AGENT: F.Agent = { extension: '2006', id: 'agt2006' };
/** SET_AGENT_STATE_REQ: a fixed part, then floating fields of which AgentInstrument is required. */
const request = F.setAgentState(AGENT, 3, F.AGENT_READY)[0]!.messages[0]!;
const bytes = encode(request);
const clean = decode(bytes);
/** Where the floating part starts: after the header and the fixed part of the layout the message was read with. */
const plan = planByName(request.type)!;
const layout = plan.layouts.find((l) => l.version === clean.layoutVersion) ?? plan.layouts[plan.layouts.length - 1]!;
const floatingStart = 8 + layout.length;

describe('decode with bytes missing from the input', () => {
  it('the premise: the message decodes clean, and requires AgentInstrument', () => {
    expect(request.type).toBe('SET_AGENT_STATE_REQ');
    expect(codes(clean)).toEqual([]);
    expect(clean.fields.AgentInstrument).toBe('2006');
    const without = { ...request, fields: { ...request.fields } };
    delete (without.fields as Record<string, unknown>)['AgentInstrument'];
    expect(codes(decode(encode(without)))).toContain('REQUIRED_FIELD_MISSING');
  });

  it('the floating part cut off (a snapshot length): no field required, counted or needed is reported absent', () => {
    for (let cut = floatingStart; cut < bytes.length; cut++) {
      const full = new Uint8Array(bytes.length);
      full.set(bytes.subarray(0, cut));
      const m = decode(full, { missing: [{ offset: cut, length: bytes.length - cut }] });
      expect(codes(m), `cut at ${cut}`).toContain('BYTES_MISSING');
      expect(codes(m).filter((c) => c === 'REQUIRED_FIELD_MISSING' || c === 'AT_LEAST_ONE_MISSING' || c === 'COUNT_MISMATCH'), `cut at ${cut}`).toEqual([]);
      // The fixed part is all there.
      expect(m.fields.InvokeID).toBe(3);
      expect(m.fields.AgentState).toBe(clean.fields.AgentState);
    }
  });

  it('a hole inside one floating field: that field is not decoded, and its absence is no finding; the others are read', () => {
    const at = bytes.indexOf(0x32, floatingStart); // a byte of the first "2006"
    const m = decode(bytes, { missing: [{ offset: at, length: 1 }] });
    expect(codes(m).filter((c) => c === 'REQUIRED_FIELD_MISSING')).toEqual([]);
    expect(codes(m)).toContain('BYTES_MISSING');
    const defined = (f: DecodedMessage['fields']): string[] => Object.keys(f).filter((k) => f[k] !== undefined);
    expect(defined(m.fields)).toEqual(defined(clean.fields).filter((k) => k !== 'AgentInstrument'));
  });

  it('a fixed field over missing bytes is dropped with what its zero bytes would have said (a reserved value, an unknown code)', () => {
    const event = encode(F.agentStateEvent(AGENT, F.AGENT_READY));
    expect(codes(decode(event))).toEqual([]);
    for (const kept of [8, 14, 30]) {
      const full = new Uint8Array(event.length);
      full.set(event.subarray(0, kept));
      const m = decode(full, { missing: [{ offset: kept, length: event.length - kept }] });
      // Only the bytes missing are reported: no RESERVED_VALUE / VALUE_NOT_IN_TABLE from the zeros.
      expect(new Set(codes(m)), `${kept} bytes kept`).toEqual(new Set(['BYTES_MISSING']));
      const fixedDropped = m.diagnostics.filter((d) => /fixed fields \(|^\w+ is not decoded/.test(d.message));
      expect(fixedDropped, `${kept} bytes kept`).toHaveLength(1);
    }
  });

  it('a message without a body definition shows as hex the bytes the input holds, not the fill of its missing tail', () => {
    // MessageTypeID 300 (unknown), BodyLength 60000, 20 body bytes captured: as a capture cut short hands it over.
    const full = new Uint8Array(8 + 60000);
    new DataView(full.buffer).setUint32(0, 60000);
    new DataView(full.buffer).setUint32(4, 300);
    full.fill(0xab, 8, 28);
    const m = decode(full, { missing: [{ offset: 28, length: 60000 - 20 }] });
    expect(m.bodyHex).toBe('ab'.repeat(20));
    // A hole with bytes after it keeps them (and the hole's place).
    const short = full.slice(0, 8 + 30);
    new DataView(short.buffer).setUint32(0, 30);
    expect(decode(short, { missing: [{ offset: 28, length: 5 }] }).bodyHex).toHaveLength(60);
    // Missing bytes that start in the header stop at the body's start, and nothing hangs.
    expect(decode(full, { missing: [{ offset: 4, length: full.length - 4 }] }).bodyHex).toBe('');
  });

  it('a floating field that runs past the body over missing bytes is not judged truncated, and shows none of the zero fill', () => {
    // SET_AGENT_STATE_REQ's last field made to announce more than the body holds, its tail missing.
    const b = Uint8Array.from(bytes);
    const last = b.lastIndexOf(0xc2); // AgentID[194]: FieldDataID, then its length
    expect(last).toBeGreaterThan(floatingStart);
    b[last + 1] = 0xff;
    expect(codes(decode(b))).toContain('FLOATING_FIELD_TRUNCATED'); // whole: truncated
    const cut = last + 4;
    const full = new Uint8Array(b.length);
    full.set(b.subarray(0, cut));
    const m = decode(full, { missing: [{ offset: cut, length: b.length - cut }] });
    expect(codes(m)).not.toContain('FLOATING_FIELD_TRUNCATED');
    expect(m.diagnostics.some((d) => d.code === 'BYTES_MISSING' && d.message.startsWith('AgentID[194] is not decoded'))).toBe(true);
  });

  it('BYTES_MISSING counts the body bytes present: a hole running past BodyLength, a body also cut short (dumps of MIVR logs and `ccxcti hex`)', () => {
    const body = bytes.length - 8;
    const said = (m: DecodedMessage): string[] => m.diagnostics.filter((d) => d.code === 'BYTES_MISSING' && d.message.includes('BodyLength announces')).map((d) => d.message);
    // A dump row far past the body leaves a hole from the end of the row before it to that row.
    const past = new Uint8Array(bytes.length + 64);
    past.set(bytes.subarray(0, 24));
    expect(said(decode(past, { missing: [{ offset: 24, length: past.length - 24 }] }))).toEqual([
      `${body - 16} bytes at body offset 16 (0x0010) missing from the input: 16 of the ${body} bytes BodyLength announces are present; fields over them are not decoded`,
    ]);
    // The first row missing and the dump stopping short of BodyLength: the bytes between are all that is present.
    const short = new Uint8Array(bytes.subarray(0, bytes.length - 4));
    short.fill(0, 8, 16);
    expect(said(decode(short, { missing: [{ offset: 8, length: 8 }] }))).toEqual([
      `8 bytes at body offset 0 (0x0000) missing from the input: ${body - 12} of the ${body} bytes BodyLength announces are present; fields over them are not decoded`,
    ]);
  });

  it('a hole running past BodyLength: its zero fill is not trailing bytes; only bytes the input holds past the body are (dumps of MIVR logs and `ccxcti hex`)', () => {
    const trailing = (m: DecodedMessage): Array<{ message: string; offset: number }> =>
      m.diagnostics.filter((d) => d.code === 'TRAILING_BYTES').map((d) => ({ message: d.message, offset: d.offset }));
    // MessageTypeID 300, BodyLength 40: an MDATA row 0000 of 16 bytes, the next row at 0030 (the hole runs to 48).
    const dump = new Uint8Array(8 + 48);
    new DataView(dump.buffer).setUint32(0, 40);
    new DataView(dump.buffer).setUint32(4, 300);
    dump.fill(0xab, 8, 24);
    const hole = { offset: 24, length: 32 };
    expect(trailing(decode(dump, { missing: [hole] }))).toEqual([]);
    // The row at 0030 holds 4 bytes: those 4 trail, from where they are.
    const more = new Uint8Array(8 + 52);
    more.set(dump);
    more.fill(0xcd, 56, 60);
    expect(trailing(decode(more, { missing: [hole] }))).toEqual([{ message: '4 bytes follow the end of the message (BodyLength 40)', offset: 56 }]);
    // Bytes right after the body, then a hole, then more: all the bytes held count, from the body's end.
    const split = new Uint8Array(8 + 52);
    split.fill(0xab, 8, 48 + 2);
    split.fill(0xcd, 56, 60);
    new DataView(split.buffer).setUint32(0, 40);
    new DataView(split.buffer).setUint32(4, 300);
    expect(trailing(decode(split, { missing: [{ offset: 50, length: 6 }] }))).toEqual([{ message: '6 bytes follow the end of the message (BodyLength 40)', offset: 48 }]);
    // No missing range: as ever.
    expect(trailing(decode(more))).toEqual([{ message: '12 bytes follow the end of the message (BodyLength 40)', offset: 48 }]);
  });

  it('a hole running past BodyLength drops no fixed field beyond the body: FIXED_PART_SHORT stays, as for the whole bytes', () => {
    // OPEN_REQ (fixed part 44 bytes) with BodyLength 40, from a dump with rows 0000 (16 bytes) and 0030.
    const open = new Uint8Array(8 + 48);
    new DataView(open.buffer).setUint32(0, 40);
    new DataView(open.buffer).setUint32(4, 3);
    new DataView(open.buffer).setUint32(8, 1);
    const m = decode(open, { missing: [{ offset: 24, length: 32 }] });
    expect(codes(m)).toContain('FIXED_PART_SHORT');
    expect(codes(m)).not.toContain('TRAILING_BYTES');
    expect(m.diagnostics.find((d) => d.code === 'BYTES_MISSING' && d.message.includes('fixed fields'))?.message).not.toContain('Reserved4');
  });
});
