/**
 * Mutation round of 2026-11-25 (docs/test-gaps.md, seventeenth round): each part of the SARIF
 * fingerprint's recipe (report/fingerprint.ts) tells findings apart on its own — a finding keeps
 * its fingerprint when an earlier one differing only in that part is fixed.
 */
import { describe, expect, it } from 'vitest';
import { findingFingerprints } from '../../src/check/report/fingerprint.js';
import type { Finding } from '../../src/check/findings.js';
import type { MessageRef } from '../../src/check/rule.js';
import { messageKey } from '../../src/check/message-key.js';
import type { FieldRecord } from '../../src/protocol/codec/decode.js';

const at: MessageRef = {
  index: 7,
  type: 'MAKE_CALL_REQ',
  source: { file: 'a.pcap', frame: 12 },
  session: '10.1.1.5:50311-10.1.1.2:42027#1',
  at: { sec: 1, nsec: 0 },
  keyField: 'InvokeID',
  key: 5,
} as MessageRef;

const finding = (over: Partial<MessageRef> = {}, call: number | null = 77): Finding => ({
  rule: 'REQUEST-CONF-UNMATCHED',
  severity: 'warning',
  message: 'm',
  spec: 's',
  at: { ...at, ...over } as MessageRef,
  ...(call !== null ? { call } : {}),
});

describe('SARIF fingerprints: each part of the recipe counts', () => {
  const others: Array<[string, Finding]> = [
    ['another message type', finding({ type: 'MAKE_CALL_CONF' })],
    ['the same key value read from another field', finding({ keyField: 'CallID' })],
    ['another call', finding({}, 78)],
    ['no call', finding({}, null)],
  ];
  for (const [what, other] of others) {
    it(`${what}: another finding, and fixing it leaves the later one's fingerprint as it was`, () => {
      const later = finding({ index: 9 });
      const alone = findingFingerprints([later]).get(later);
      const both = findingFingerprints([other, later]);
      expect(both.get(later)).toBe(alone);
      expect(both.get(other)).not.toBe(alone);
    });
  }
});

describe('a message key (what the fingerprint names a message by)', () => {
  it('is its InvokeID, else its CallID or PrimaryCallID, else a non-empty AgentID, each said with its field', () => {
    expect(messageKey({ InvokeID: 5, CallID: 16777533, AgentID: 'a1' } as FieldRecord)).toEqual({ keyField: 'InvokeID', key: 5 });
    expect(messageKey({ CallID: 16777533, AgentID: 'a1' } as FieldRecord)).toEqual({ keyField: 'CallID', key: 16777533 });
    expect(messageKey({ PrimaryCallID: 16777534 } as FieldRecord)).toEqual({ keyField: 'CallID', key: 16777534 });
    expect(messageKey({ AgentID: 'a1' } as FieldRecord)).toEqual({ keyField: 'AgentID', key: 'a1' });
    expect(messageKey({ AgentID: '' } as FieldRecord)).toEqual({});
  });
});
