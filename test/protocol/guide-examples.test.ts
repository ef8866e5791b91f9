/**
 * The guide's chapter-11 low-level trace (Example 2, BEGIN_CALL_EVENT, CallID 16777488),
 * exactly as printed: its MDATA holds 53 bytes for a BodyLength of 54. The tool says so,
 * decodes what is there and invents nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHexInput } from '../../src/hexinput/parse-hex.js';
import { decode } from '../../src/protocol/codec/decode.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/guide/${name}`, import.meta.url)), 'utf8');
const GUIDE = fileURLToPath(new URL('../../../shared/spec/000_a702918f8d102832.txt', import.meta.url));

describe('the guide excerpts are verbatim copies', () => {
  it.skipIf(!existsSync(GUIDE))('example 1 and example 2 match the guide text', () => {
    const lines = readFileSync(GUIDE, 'utf8').split('\n');
    expect(fixture('example1-high-level.txt')).toBe(lines.slice(5014, 5025).join('\n') + '\n');
    expect(fixture('example2-low-level.txt')).toBe(lines.slice(5033, 5039).join('\n') + '\n');
  });
});

describe("chapter 11, Example 2 (low-level trace) as printed", () => {
  const dump = fixture('example2-low-level.txt');

  it('is read as a MIVR dump whose MDATA holds 53 bytes for BodyLength 54', () => {
    const parsed = parseHexInput(dump);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.input.shape).toBe('mivr');
    expect(parsed.input.bytes.length).toBe(8 + 54);
    // Row 0000 holds 15 bytes where row 0010 follows: one byte, at body offset 15, is missing.
    expect(parsed.input.missing).toEqual([{ offset: 8 + 15, length: 1 }]);
    expect(parsed.input.notes.map((n) => n.message)).toContain('MDATA holds 53 bytes for a BodyLength of 54');
  });

  it('decodes exactly what is there: BEGIN_CALL_EVENT, CallID 16777488', () => {
    const parsed = parseHexInput(dump);
    if (!parsed.ok) throw new Error(parsed.error);
    const message = decode(parsed.input.bytes, { missing: parsed.input.missing });
    expect(message.type).toBe('BEGIN_CALL_EVENT');
    expect(message.typeId).toBe(23);
    expect(message.bodyLength).toBe(54);
    expect(message.fields).toEqual({
      Reserved1: 0,
      Reserved2: 1,
      Reserved3: 21,
      NumCTIClients: 0,
      NumNamedVariables: 0,
      // NumNamedArrays sits on the missing byte: not decoded, nothing invented.
      CallType: 1,
      ConnectionDeviceType: 0,
      CallID: 16777488,
      CalledPartyDisposition: 0,
      ANI: '2006',
      DialedNumber: '7000',
      ConnectionDeviceID: '9026',
      DNIS: '7000',
    });
    expect(message.labels.CallType).toBe('CALLTYPE_CCX_IN');
    expect(message.labels.ConnectionDeviceType).toBe('CONNECTION_ID_STATIC');
    const missing = message.diagnostics.filter((d) => d.code === 'BYTES_MISSING');
    expect(missing.map((d) => d.offset).sort()).toEqual([22, 23]);
    // The diagnostic names both numbers.
    expect(missing.some((d) => d.message.includes('53 of the 54 bytes'))).toBe(true);
    expect(missing.some((d) => d.message.startsWith('NumNamedArrays is not decoded'))).toBe(true);
  });

  it('read naively as 53 contiguous bytes it is a truncated body, and the decoder says so', () => {
    const digits = dump
      .split('\n')
      .map((l) => l.replace(/^.*?[0-9A-F]{4}: /i, '').split(/\s+/).filter((t) => /^[0-9A-Fa-f]{2}$/.test(t)).join(''))
      .slice(2) // the record header line and the MHDR line
      .join('');
    const bytes = Buffer.from(`0000003600000017${digits}`, 'hex');
    expect(bytes.length).toBe(8 + 53);
    const message = decode(bytes);
    const truncated = message.diagnostics.find((d) => d.code === 'BODY_TRUNCATED');
    expect(truncated?.message).toContain('BodyLength is 54 but only 53 bytes');
  });
});
