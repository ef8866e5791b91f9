/**
 * capture/tcp-direction-stream.ts offsetOf: a sequence number unwrapped around the next
 * expected offset, for streams of any length (past 4 GiB too, where the offset no longer fits
 * 32 bits), against the same arithmetic done with BigInt.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeliveredBytesLog } from '../../src/capture/delivered-bytes-log.js';
import { TcpDirectionStream, type DirectionEventSink } from '../../src/capture/tcp-direction-stream.js';
import type { TcpConnectionInfo } from '../../src/capture/tcp-events.js';

const conn: TcpConnectionInfo = {
  id: 0,
  instance: 1,
  ipVersion: 4,
  a: { addr: '10.0.0.1', port: 1 },
  b: { addr: '10.0.0.2', port: 2 },
  synSeen: false,
  initiator: null,
  firstFrame: 1,
  firstTs: { sec: 0, nsec: 0 },
};
const sink: DirectionEventSink = { deliverData: () => {}, deliverGap: () => {}, reportStream: () => {} };

describe('TcpDirectionStream.offsetOf', () => {
  it('= next + the signed 32-bit distance from the next sequence number, at any stream length', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 0xffffffff }),
        fc.oneof(fc.nat({ max: 2 ** 20 }), fc.integer({ min: 2 ** 32 - 2 ** 20, max: 2 ** 32 + 2 ** 20 }), fc.nat({ max: 2 ** 45 })),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        (baseSeq, next, delta) => {
          const d = new TcpDirectionStream(conn, 0, sink, { maxBufferedBytes: 1 << 20, overlapCheckWindowBytes: 0, maxSegmentAheadBytes: 1 << 30 }, { total: 0, limit: 1 << 20 }, new DeliveredBytesLog(0));
          d.initializeAt(baseSeq);
          d.next = next;
          const seq = Number((BigInt(baseSeq) + BigInt(next) + BigInt(delta)) & 0xffffffffn);
          expect(d.offsetOf(seq)).toBe(next + delta);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
