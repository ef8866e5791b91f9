/** Which undecoded bytes may hold a secret (src/protocol/codec/secret-bytes.ts). */
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/protocol/codec/decode.js';
import { mayHoldSecretField, withholdBytes } from '../../src/protocol/codec/secret-bytes.js';
import { assertValid } from '../support/schema-validator.js';

const b = (...bytes: number[]): Uint8Array => Uint8Array.from(bytes);
const CLIENT_PASSWORD = 2; // Table 188
const AGENT_PASSWORD = 49;
const CLIENT_ID = 1;

describe('mayHoldSecretField', () => {
  it('finds a secret field in a chain of floating fields ending at the end', () => {
    expect(mayHoldSecretField(b(CLIENT_ID, 1, 0x41, CLIENT_PASSWORD, 2, 0x53, 0x33), 0, 7)).toBe(true);
    expect(mayHoldSecretField(b(0, 0, 0, 0, AGENT_PASSWORD, 1, 0x53), 0, 7)).toBe(true);
  });
  it('not in a chain of other fields, nor an empty secret field, nor a secret ID whose fields do not reach the end', () => {
    expect(mayHoldSecretField(b(CLIENT_ID, 1, 0x41, 3, 1, 0x42), 0, 6)).toBe(false);
    expect(mayHoldSecretField(b(CLIENT_ID, 1, 0x41, CLIENT_PASSWORD, 0), 0, 5)).toBe(false);
    // FieldDataLength 1 from the 2 ends at byte 3, where no field reaches the end
    expect(mayHoldSecretField(b(CLIENT_PASSWORD, 1, 0x53, 9, 9, 0, 0), 0, 7)).toBe(false);
  });
  it('a field running past the end counts only when the bytes are cut short', () => {
    const cut = b(CLIENT_ID, 1, 0x41, AGENT_PASSWORD, 40, 0x53, 0x33);
    expect(mayHoldSecretField(cut, 0, 7)).toBe(false);
    expect(mayHoldSecretField(cut, 0, 7, true)).toBe(true);
  });
  it('looks only within [start, end)', () => {
    const bytes = b(CLIENT_PASSWORD, 2, 0x53, 0x33, 7, 7, 7);
    expect(mayHoldSecretField(bytes, 0, 4)).toBe(true);
    expect(mayHoldSecretField(bytes, 1, 7)).toBe(false);
  });
});

describe('withholdBytes', () => {
  it('withholds bytes of OPEN_REQ (3) and SET_AGENT_STATE_REQ (38) whatever they hold, others when they may hold a secret field', () => {
    const plain = b(CLIENT_ID, 1, 0x41);
    expect(withholdBytes(3, plain, 0, 3, false, false)).toBe(true);
    expect(withholdBytes(38, plain, 0, 3, false, false)).toBe(true);
    expect(withholdBytes(250, plain, 0, 3, false, false)).toBe(false);
    expect(withholdBytes(250, b(CLIENT_PASSWORD, 1, 0x53), 0, 3, false, false)).toBe(true);
  });
  it('withholds nothing when secrets are shown', () => {
    expect(withholdBytes(3, b(CLIENT_PASSWORD, 1, 0x53), 0, 3, false, true)).toBe(false);
  });
});

describe('decoded messages whose bytes are withheld', () => {
  const secretField = [CLIENT_PASSWORD, 4, 0x53, 0x33, 0x43, 0x52];
  const message = (typeId: number, body: number[], bodyLength = body.length): Uint8Array => {
    const out = new Uint8Array(8 + body.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, bodyLength);
    v.setUint32(4, typeId);
    out.set(body, 8);
    return out;
  };
  it('keep the schema: an unknown, a reserved and an undefined type have bodyHex "", an absurd BodyLength too unless the type is defined', () => {
    const cases: Array<[Uint8Array, string | undefined]> = [
      [message(250, [0, 0, 0, 0, ...secretField]), ''],
      [message(68, [0, 0, 0, 0, ...secretField]), ''],
      [message(121, secretField), ''],
      [message(250, [0, 0, 0, 0, ...secretField], 0x7fffffff), ''],
      [message(3, [0, 0, 0, 0, ...secretField], 0x7fffffff), undefined],
      [message(5, [0, 0, 0, 0, ...secretField], 0x7fffffff), undefined],
    ];
    for (const [bytes, bodyHex] of cases) {
      const m = decode(bytes);
      expect(m.bodyHex, m.type).toBe(bodyHex);
      expect(m.diagnostics.map((d) => d.message).join(' '), m.type).toMatch(/no[tr] shown/);
      assertValid('decoded-message.schema.json', m);
      expect(decode(bytes, { showSecrets: true }).bodyHex, m.type).toMatch(/53334352/);
    }
  });
});
