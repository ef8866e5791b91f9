/**
 * Every hand-written vector of test/vectors (written from the guide's tables, never by our
 * encoder) decodes to the fields its author expected.
 */
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/protocol/codec/decode.js';
import { vectors as callControl } from '../vectors/call-control.js';
import { vectors as callEventsMisc } from '../vectors/call-events-misc.js';
import { vectors as sessionConfigAgent } from '../vectors/session-config-agent.js';
import { vectorBytes } from '../vectors/hex.js';
import type { HandVector } from '../vectors/types.js';

const ALL: readonly HandVector[] = [...sessionConfigAgent, ...callEventsMisc, ...callControl];

describe('hand-written vectors decode to the expected fields', () => {
  for (const v of ALL) {
    it(v.name, () => {
      const decoded = decode(vectorBytes(v.hex), {
        ...(v.version !== undefined ? { version: v.version } : {}),
        ...(v.showSecrets ? { showSecrets: true } : {}),
      });
      expect(decoded.type).toBe(v.expect.type);
      expect(decoded.typeId).toBe(v.expect.typeId);
      expect(decoded.bodyLength).toBe(v.expect.bodyLength);
      expect(decoded.fields).toEqual(v.expect.fields);
      expect(decoded.diagnostics.map((d) => d.code).sort()).toEqual([...(v.expect.diagnostics ?? [])].sort());
      if (v.expect.bodyHex !== undefined) expect(decoded.bodyHex).toBe(v.expect.bodyHex);
      for (const [path, label] of Object.entries(v.expect.labels ?? {})) expect(decoded.labels[path], path).toEqual(label);
    });
  }
});

describe('hand-written vectors re-encode byte for byte', () => {
  for (const v of ALL) {
    // Canonical bytes only: a vector whose decoding carries a structural diagnostic is not.
    it(v.name, async () => {
      const { encode } = await import('../../src/protocol/codec/encode.js');
      const bytes = vectorBytes(v.hex);
      const decoded = decode(bytes, { ...(v.version !== undefined ? { version: v.version } : {}), showSecrets: true });
      expect(Buffer.from(encode(decoded)).toString('hex')).toBe(Buffer.from(bytes).toString('hex'));
    });
  }
});
