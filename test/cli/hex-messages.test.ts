/** `ccxcti hex` and `ccxcti messages`, end to end in-process (CONTRACT.md). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encode } from '../../src/protocol/codec/encode.js';
import { MESSAGE_DEFS } from '../../src/protocol/messages/index.js';
import { buildMessage } from '../fixtures/flows/chapter11.js';
import { ccxcti } from '../support/cli.js';
import { assertValid } from '../support/schema-validator.js';

const example2 = readFileSync(fileURLToPath(new URL('../fixtures/guide/example2-low-level.txt', import.meta.url)), 'utf8');
const hexOf = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const heartbeat = hexOf(encode(buildMessage('HEARTBEAT_REQ', { InvokeID: 7 })));

describe('ccxcti hex', () => {
  it('prints JSON when not on a terminal, text on a terminal', async () => {
    const piped = await ccxcti(['hex', heartbeat]);
    expect(piped.code).toBe(0);
    const json = JSON.parse(piped.stdout) as { type: string; fields: { InvokeID: number } };
    expect(json.type).toBe('HEARTBEAT_REQ');
    expect(json.fields.InvokeID).toBe(7);
    assertValid('decoded-message.schema.json', json);
    const tty = await ccxcti(['hex', heartbeat], { tty: true });
    expect(tty.stdout).toMatch(/^HEARTBEAT_REQ \(MessageTypeID 5\), BodyLength 4\n/);
    expect(tty.stdout).toMatch(/InvokeID \.+ 7/);
  });

  it('accepts the common shapes of hex', async () => {
    const spaced = heartbeat.match(/../g)!.join(' ');
    const prefixed = heartbeat.match(/../g)!.map((p) => `0x${p}`).join(', ');
    const cArray = `{ ${prefixed} };`;
    const xxd = `00000000: ${heartbeat.match(/..../g)!.join(' ')}  ............`;
    for (const shape of [heartbeat, spaced, prefixed, cArray, xxd, heartbeat.toUpperCase()]) {
      const r = await ccxcti(['hex', '--format', 'json', shape]);
      expect(r.code, shape).toBe(0);
      expect((JSON.parse(r.stdout) as { fields: { InvokeID: number } }).fields.InvokeID, shape).toBe(7);
    }
    const fromStdin = await ccxcti(['hex', '--format', 'json'], { stdin: spaced });
    expect((JSON.parse(fromStdin.stdout) as { type: string }).type).toBe('HEARTBEAT_REQ');
  });

  it("decodes the guide's Example 2 dump, says it is one byte short, exits 1", async () => {
    const r = await ccxcti(['hex', '--format', 'json', example2]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { type: string; fields: Record<string, unknown>; diagnostics: { code: string; message: string }[] };
    expect(json.type).toBe('BEGIN_CALL_EVENT');
    expect(json.fields.CallID).toBe(16777488);
    expect(json.fields.NumNamedArrays).toBeUndefined();
    expect(json.diagnostics.map((d) => d.message)).toContain('MDATA holds 53 bytes for a BodyLength of 54');
    assertValid('decoded-message.schema.json', json);
  });

  it('a dump whose rows repeat or come out of order: every row read, as the MIVR log reader reads it (place-rows.ts)', async () => {
    // The BEGIN_CALL_EVENT of samples/logs/transferred (40-byte body); the rows 0x20 and 0x10 written again, after.
    const rows = [
      'MHDR:    0000: 00 00 00 28 00 00 00 17 ...(....',
      'MDATA:   0000: 00 00 00 00 00 00 00 01 00 15 00 00 00 00 00 00 ................',
      '0010: 00 0C 00 00 01 00 01 3F 00 00 19 05 32 30 30 36 .......?....2006',
      '0020: 00 08 05 32 30 30 36 00 ...2006.',
    ];
    const inOrder = await ccxcti(['hex', '--format', 'json', rows.join('\n')]);
    expect(inOrder.code).toBe(0);
    const whole = JSON.parse(inOrder.stdout) as { fields: Record<string, unknown>; diagnostics: Array<{ code: string; message: string }> };
    for (const text of [[...rows, rows[3]!, rows[2]!], [rows[0]!, rows[1]!, rows[3]!, rows[2]!]]) {
      const r = await ccxcti(['hex', '--format', 'json', text.join('\n')]);
      const m = JSON.parse(r.stdout) as typeof whole;
      expect(m.diagnostics.filter((d) => d.code !== 'INPUT_NOTE'), text.join('\n')).toEqual([]);
      expect(m.fields).toEqual(whole.fields);
      expect(r.code).toBe(0);
    }
  });

  it('a dump whose hole runs past BodyLength: the zero fill standing for the hole is not trailing bytes', async () => {
    // BodyLength 40; the row 0000 holds 16 bytes and the next row is at 0030: rows 0x10-0x2f missing.
    const dump = ['MHDR: 0000: 00 00 00 28 00 00 01 2c', 'MDATA: 0000: 00 00 00 01 00 00 00 02 00 00 00 03 00 00 00 04', '0030:'].join('\n');
    const r = await ccxcti(['hex', '--format', 'json', dump]);
    const m = JSON.parse(r.stdout) as { diagnostics: Array<{ code: string; message: string }> };
    expect(m.diagnostics.map((d) => d.code)).not.toContain('TRAILING_BYTES');
    expect(m.diagnostics.filter((d) => d.code === 'BYTES_MISSING').map((d) => d.message)).toEqual([
      '24 bytes at body offset 16 (0x0010) missing from the input: 16 of the 40 bytes BodyLength announces are present; fields over them are not decoded',
    ]);
    expect(r.code).toBe(1);
  });

  it('exit codes: 1 for an incomplete message, 2 for what is not hex', async () => {
    expect((await ccxcti(['hex', heartbeat.slice(0, -2)])).code).toBe(1);
    expect((await ccxcti(['hex', '0000'])).code).toBe(1);
    const notHex = await ccxcti(['hex', 'zz']);
    expect(notHex.code).toBe(2);
    expect(notHex.stderr).toContain('not hex');
    expect((await ccxcti(['hex', 'abc'])).code).toBe(2);
    expect((await ccxcti(['hex'], { stdin: '' })).code).toBe(2);
    expect((await ccxcti(['hex', '--format', 'yaml', heartbeat])).code).toBe(2);
  });

  it('redacts secrets unless --show-secrets', async () => {
    const open = hexOf(
      encode(
        buildMessage('SET_AGENT_STATE_REQ', { InvokeID: 1, AgentState: 0, EventReasonCode: 0, ForcedFlag: 0, AgentInstrument: '2006', AgentPassword: 's3cret', AgentID: 'agt2006' }),
      ),
    );
    const hidden = await ccxcti(['hex', '--format', 'json', open]);
    expect(hidden.stdout).not.toContain('s3cret');
    expect((JSON.parse(hidden.stdout) as { fields: { AgentPassword: string } }).fields.AgentPassword).toBe('<redacted>');
    const text = await ccxcti(['hex', open], { tty: true });
    expect(text.stdout).not.toContain('s3cret');
    const shown = await ccxcti(['hex', '--format', 'json', '--show-secrets', open]);
    expect((JSON.parse(shown.stdout) as { fields: { AgentPassword: string } }).fields.AgentPassword).toBe('s3cret');
  });

  it('escapes control characters from the input in text output', async () => {
    const evil = hexOf(encode(buildMessage('FAILURE_EVENT', { Status: 17, Text: 'bad\u001b[31mred\u0007\u202e' })));
    const r = await ccxcti(['hex', evil], { tty: true });
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(r.stdout).toContain('\\u001b[31mred\\u0007\\u202e');
  });

  it('writes to -o FILE', async () => {
    const file = `${process.env.TMPDIR ?? '/tmp'}/ccxcti-hex-${process.pid}.json`;
    const r = await ccxcti(['hex', '-o', file, heartbeat]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).type).toBe('HEARTBEAT_REQ');
  });
});

describe('ccxcti messages', () => {
  it('lists every MessageTypeID', async () => {
    const r = await ccxcti(['messages']);
    expect(r.code).toBe(0);
    for (const def of MESSAGE_DEFS) expect(r.stdout).toContain(def.name);
    for (const name of ['RESERVED_68', 'EMERGENCY_CALL_REQ']) expect(r.stdout).toContain(name);
  });

  it('describes a message by name or ID, a constant table, the diagnostic codes', async () => {
    const byName = await ccxcti(['messages', 'make_call_req']);
    expect(byName.stdout).toContain('version 14 layout (36 bytes)');
    expect(byName.stdout).toContain('[11]  DialedNumber');
    expect((await ccxcti(['messages', '56'])).stdout).toBe(byName.stdout);
    expect((await ccxcti(['messages', 'CallType'])).stdout).toContain('CALLTYPE_CCX_IN');
    expect((await ccxcti(['messages', '--diagnostics'])).stdout).toContain('BODY_TRUNCATED');
    const json = await ccxcti(['messages', 'OPEN_REQ', '--format', 'json']);
    expect((JSON.parse(json.stdout) as { id: number }).id).toBe(3);
    expect((await ccxcti(['messages', 'NO_SUCH'])).code).toBe(2);
  });

  it('--help and --version exit 0; an unknown command exits 2', async () => {
    expect((await ccxcti(['--version'])).code).toBe(0);
    const help = await ccxcti(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('decode');
    expect((await ccxcti(['frobnicate'])).code).toBe(2);
  });
});
