/**
 * Sanity checks of the hand-written vectors in session-config-agent.ts, without any decoder:
 * the hex parses, the MHDR BodyLength matches the body, and the MHDR MessageTypeID and
 * BodyLength agree with `expect`.
 */
import { describe, expect, it } from 'vitest';
import { vectorBytes } from './hex.js';
import { vectors } from './session-config-agent.js';

function uint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

describe('session/config/agent-state hand vectors: sanity', () => {
  it('has vectors with unique names', () => {
    expect(vectors.length).toBeGreaterThan(0);
    const names = vectors.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const v of vectors) {
    it(v.name, () => {
      const bytes = vectorBytes(v.hex);
      expect(bytes.length).toBeGreaterThanOrEqual(8);
      const bodyLength = uint32(bytes, 0);
      const typeId = uint32(bytes, 4);
      expect(bodyLength, 'MHDR BodyLength vs body bytes').toBe(bytes.length - 8);
      expect(typeId, 'MHDR MessageTypeID vs expect.typeId').toBe(v.expect.typeId);
      expect(bodyLength, 'MHDR BodyLength vs expect.bodyLength').toBe(v.expect.bodyLength);
      if (v.expect.bodyHex !== undefined) {
        const body = Array.from(bytes.subarray(8), (b) => b.toString(16).padStart(2, '0')).join('');
        expect(body, 'expect.bodyHex vs body bytes').toBe(v.expect.bodyHex);
      }
    });
  }
});
