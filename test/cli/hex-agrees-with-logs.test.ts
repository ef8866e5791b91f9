/**
 * `ccxcti hex` and the MIVR log reader read a low-level dump the same way (place-rows.ts and
 * grammar/dump-gutter.ts are shared): the same message, fields and diagnostics from the same
 * MHDR/MDATA rows, also where the rows disagree with BodyLength.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ccxcti } from '../support/cli.js';

// The BEGIN_CALL_EVENT of samples/logs/queued-and-answered (Table 28; BodyLength 0x28 = 40).
const MHDR = 'MHDR:    0000: 00 00 00 28 00 00 00 17 ...(....';
const ROW0 = 'MDATA:   0000: 00 00 00 00 00 00 00 01 00 15 00 00 00 00 00 00 ................';
const ROW1 = '0010: 00 09 00 00 01 00 01 23 00 00 19 05 32 30 30 35 .......#....2005';
const ROW2 = '0020: 00 08 05 32 30 30 35 00 ...2005.';
/** The 40 bytes of the body on one row. */
const BODY_HEX = [ROW0.replace(/^MDATA:\s+/, ''), ROW1, ROW2].flatMap((row) => row.split(/\s+/).slice(1).filter((t) => /^[0-9A-F]{2}$/.test(t))).join(' ');

const VARIANTS: Record<string, readonly string[]> = {
  'as logged': [MHDR, ROW0, ROW1, ROW2],
  'a last row past BodyLength': [MHDR, ROW0, ROW1, ROW2, '0030: 41 42 43 44 ABCD'],
  'a last row past BodyLength whose gutter looks like hex': [MHDR, ROW0, ROW1, ROW2, '0030: 61 62 ab'],
  'a last row past BodyLength without a gutter': [MHDR, ROW0, ROW1, ROW2, '0030: 41 42 43'],
  'the last row running past BodyLength': [MHDR, ROW0, ROW1, '0020: 00 08 05 32 30 30 35 00 41 42 ...2005.AB'],
  'a short row inside the body': [MHDR, ROW0, '0010: 00 09 00 00 01 00 01 23 00 00 19 05 .......#....', ROW2],
  'the last row stops early': [MHDR, ROW0, ROW1, '0020: 00 08 05 32 ...2'],
  'rows written out of order': [MHDR, ROW0, ROW2, ROW1],
  // Ninth mutation round: the row width (the smallest step between offsets, the first included;
  // up to 64), a row starting exactly at BodyLength, MHDR bytes past the header, a row written twice.
  'rows 8 bytes apart, then 16': [MHDR, 'MDATA:   0000: 00 00 00 00 00 00 00 01', '0008: 00 15 00 00 00 00 00 00 00 09 00 00 01 00 01 23', '0018: 00 00 19 05 32 30 30 35 00 08 05 32 30 30 35 00'],
  'rows 64 bytes apart': [MHDR, `MDATA:   0000: ${BODY_HEX}`, '0040: 41 42 43 44 ABCD'],
  'a row starting exactly at BodyLength': [MHDR, ROW0, ROW1, ROW2, '0028: 41 42 43 44 ABCD'],
  'an MHDR row with bytes past the header': ['MHDR:    0000: 00 00 00 28 00 00 00 17 00 01', ROW0, ROW1, ROW2],
  'a row written twice': [MHDR, ROW0, ROW1, ROW1, ROW2],
};

const dir = mkdtempSync(join(tmpdir(), 'ccxcti-hex-logs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Decoded {
  type: string;
  fields: Record<string, unknown>;
  diagnostics: Array<{ severity: string; code: string; message: string; offset?: number }>;
}

async function viaLog(name: string, rows: readonly string[]): Promise<Decoded> {
  const file = join(dir, `${name.replace(/\W+/g, '-')}.log`);
  writeFileSync(file, `7091909: Nov 20 10:43:59.439 EDT %MIVR-ICD_CTI-7-UNK:writing...\n${rows.join('\n')}\n`);
  const r = await ccxcti(['decode', '--format', 'json', file]);
  const messages = (JSON.parse(r.stdout) as { messages: Decoded[] }).messages;
  expect(messages, name).toHaveLength(1);
  return messages[0]!;
}

async function viaHex(rows: readonly string[]): Promise<Decoded> {
  const r = await ccxcti(['hex', '--format', 'json', rows.join('\n')]);
  return JSON.parse(r.stdout) as Decoded;
}

describe('ccxcti hex and the log reader agree on a dump', () => {
  for (const [name, rows] of Object.entries(VARIANTS)) {
    it(name, async () => {
      const log = await viaLog(name, rows);
      const hex = await viaHex(rows);
      expect(hex.type).toBe('BEGIN_CALL_EVENT');
      expect(hex.fields, name).toEqual(log.fields);
      expect(hex.diagnostics, name).toEqual(log.diagnostics);
    });
  }

  it('a row past BodyLength is trailing bytes, not a gutter', async () => {
    const hex = await viaHex(VARIANTS['a last row past BodyLength']!);
    expect(hex.diagnostics.filter((d) => d.code === 'TRAILING_BYTES').map((d) => d.message)).toEqual(['4 bytes follow the end of the message (BodyLength 40)']);
  });
});

describe('property: any damage to the rows of a dump', () => {
  const hex2 = (b: number): string => b.toString(16).toUpperCase().padStart(2, '0');
  const render = (bytes: readonly number[]): string => bytes.map((b) => (b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : '.')).join('');
  // The body of the BEGIN_CALL_EVENT above, from its rows.
  const body = [ROW0, ROW1, ROW2].flatMap((row) => row.replace(/^MDATA:\s+/, '').split(/\s+/).slice(1).filter((t) => /^[0-9A-F]{2}$/.test(t)).map((t) => parseInt(t, 16)));

  it('hex and the log reader give the same message', async () => {
    const row = fc.record({
      cut: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 16 })), // bytes dropped from the row's end
      gutter: fc.constantFrom('exact', 'none', 'lossy'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 5, maxLength: 5 }),
        fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 20 }), // bytes past BodyLength
        fc.boolean(), // written out of order
        async (shape, extra, shuffled) => {
          const data = [...body, ...extra];
          const rows: string[] = [];
          for (let off = 0; off < data.length; off += 16) {
            const s = shape[off / 16]!;
            const bytes = data.slice(off, off + 16);
            const kept = bytes.slice(0, Math.max(1, bytes.length - s.cut));
            const gutter = s.gutter === 'exact' ? ` ${render(kept)}` : s.gutter === 'lossy' ? ` ${render(kept).replace(/\.+/g, '.')}` : '';
            rows.push(`${off === 0 ? 'MDATA:   ' : ''}${off.toString(16).padStart(4, '0')}: ${kept.map(hex2).join(' ')}${gutter}`);
          }
          if (shuffled && rows.length > 2) rows.push(rows.splice(1, 1)[0]!);
          const text = [MHDR, ...rows];
          const log = await viaLog('property', text);
          const hex = await viaHex(text);
          expect(hex.fields, text.join('\n')).toEqual(log.fields);
          expect(hex.diagnostics, text.join('\n')).toEqual(log.diagnostics);
        },
      ),
      { numRuns: 150, seed: 20261124 },
    );
  }, 120_000);
});
