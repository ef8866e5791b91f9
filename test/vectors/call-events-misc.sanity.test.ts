/**
 * Sanity checks of the hand-written vectors in call-events-misc.ts, without any decoder:
 * the hex parses, the MHDR agrees with the body and with `expect`, the floating part walks
 * as FieldDataID/FieldDataLength/data exactly to the end of the body (fixed-part sizes
 * summed by hand from the guide's tables), and count fields agree with the arrays expected.
 */
import { describe, expect, it } from 'vitest';
import { vectorBytes } from './hex.js';
import { vectors } from './call-events-misc.js';

/** Fixed-part size in bytes per MessageTypeID, summed from the guide's tables. */
const FIXED_SIZE: Record<number, number> = {
  23: 26, // BEGIN_CALL_EVENT, Table 65
  24: 16, // END_CALL_EVENT, Table 67
  25: 40, // CALL_DATA_UPDATE_EVENT, Table 69
  9: 54, // CALL_DELIVERED_EVENT, Table 71
  10: 50, // CALL_ESTABLISHED_EVENT, Table 73
  11: 22, // CALL_HELD_EVENT, Table 75
  12: 22, // CALL_RETRIEVED_EVENT, Table 77
  13: 20, // CALL_CLEARED_EVENT, Table 79
  14: 22, // CALL_CONNECTION_CLEARED_EVENT, Table 81
  15: 46, // CALL_ORIGINATED_EVENT, Table 83
  16: 24, // CALL_FAILED_EVENT, Table 85
  17: 46, // CALL_CONFERENCED_EVENT, Table 87
  18: 46, // CALL_TRANSFERRED_EVENT, Table 89
  19: 32, // CALL_DIVERTED_EVENT, Table 91
  20: 44, // CALL_SERVICE_INITIATED_EVENT, Table 93
  21: 40, // CALL_QUEUED_EVENT, Table 95
  86: 34, // CALL_DEQUEUED_EVENT, Table 97
  116: 34, // RTP_STARTED_EVENT, Table 99
  117: 20, // RTP_STOPPED_EVENT, Table 101
  223: 4, // QUERY_QUEUE_STATISTICS_REQ, Table 162
  224: 100, // QUERY_QUEUE_STATISTICS_CONF, Table 164
  239: 4, // QUERY_AGENT_QUEUE_STATISTICS_REQ, Table 166
  240: 12, // QUERY_AGENT_QUEUE_STATISTICS_CONF, Table 168
  78: 10, // QUERY_DEVICE_INFO_REQ, Table 170
  79: 40, // QUERY_DEVICE_INFO_CONF, Table 172
  225: 4, // QUERY_SUMMARY_STATISTICS_REQ, Table 174
  226: 98, // QUERY_SUMMARY_STATISTICS_CONF, Table 175
  82: 14, // SNAPSHOT_CALL_REQ, Table 176
  83: 16, // SNAPSHOT_CALL_CONF, Table 178 (version 10; +4 with the version-11 reserved INT)
  84: 10, // SNAPSHOT_DEVICE_REQ, Table 180
  85: 6, // SNAPSHOT_DEVICE_CONF, Table 182
};

/** Count field → the array it counts. */
const COUNTS: Array<[string, string]> = [
  ['NumNamedVariables', 'NamedVariable'],
  ['NumNamedArrays', 'NamedArray'],
  ['NumCTIClients', 'CTIClients'],
  ['NumParties', 'ConnectedParties'],
  ['NumCSQs', 'CSQs'],
  ['NumCallDevices', 'CallDevices'],
  ['NumCalls', 'Calls'],
];

function u32(b: Uint8Array, at: number): number {
  return ((b[at] << 24) >>> 0) + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3];
}

describe('hand vectors: call events and miscellaneous messages (sanity, no decoder)', () => {
  it('has vectors', () => {
    expect(vectors.length).toBeGreaterThan(0);
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
        // Chapter 2: "The maximum size of a message body is 256 bytes."
        expect(bodyLength).toBeLessThanOrEqual(256);
      });

      it('floating part walks exactly to the end of the body', () => {
        const base = FIXED_SIZE[v.expect.typeId];
        expect(base, `no fixed size for type ${v.expect.typeId}`).toBeDefined();
        const fixed = v.expect.typeId === 83 && 'Reserved3' in v.expect.fields ? base + 4 : base;
        let at = 8 + fixed;
        let count = 0;
        while (at < bytes.length) {
          expect(at + 2, `field header past the end at offset ${at}`).toBeLessThanOrEqual(bytes.length);
          const len = bytes[at + 1];
          at += 2 + len;
          count++;
        }
        expect(at).toBe(bytes.length);
        expect(count).toBeGreaterThanOrEqual(0);
      });

      it('count fields agree with the expected arrays', () => {
        const f = v.expect.fields as Record<string, unknown>;
        for (const [countKey, arrayKey] of COUNTS) {
          if (!(countKey in f)) continue;
          const n = f[countKey] as number;
          const arr = f[arrayKey];
          if (n === 0) expect(arr === undefined || (Array.isArray(arr) && arr.length === 0)).toBe(true);
          else expect(Array.isArray(arr) ? arr.length : -1, `${countKey} vs ${arrayKey}`).toBe(n);
        }
      });
    });
  }
});
