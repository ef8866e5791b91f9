/**
 * Memory bounds of TCP and IP reassembly at their exact values (fifth round of
 * docs/test-gaps.md): what is forgotten first, and what the user sees of it.
 */
import { describe, expect, it } from 'vitest';
import { DeliveredBytesLog } from '../../src/capture/delivered-bytes-log.js';
import { DEFAULT_IP_FRAGMENT_LIMITS, IpFragmentReassembler } from '../../src/capture/ip-fragment-reassembler.js';
import type { IpPacketView } from '../../src/capture/ip-packet.js';
import { RecentBytesWindow } from '../../src/capture/recent-bytes-window.js';
import type { CaptureEvent } from '../../src/capture/tcp-events.js';
import { ACK, FIN, PSH } from '../support/capture-writer.js';
import { feedSegments } from '../support/segment-feed.js';
import { handshake, ofKind, seg } from '../support/tcp-script.js';

const gapRows = (events: CaptureEvent[]): Array<[number, number, number, string]> => ofKind(events, 'gap').map((g) => [g.dir, g.streamOffset, g.length, g.cause]);

describe('uncaptured ranges ahead of the stream: 1024 remembered (tcp-direction-stream.ts MAX_HOLES)', () => {
  /** `n` segments out of order, each with 1 byte captured and 9 cut by the snap length, then the first 10 bytes. */
  function cutAhead(n: number): CaptureEvent[] {
    const segments = [...handshake(100, 200)];
    for (let k = 0; k < n; k++) segments.push(seg('c', 111 + 10 * k, PSH | ACK, 'x', { missingBytes: 9 }));
    segments.push(seg('c', 101, PSH | ACK, 'abcdefghij'), seg('c', 111 + 10 * n, FIN | ACK), seg('s', 201, FIN | ACK));
    return feedSegments(segments);
  }

  it('1024 are all turned into gaps of uncaptured bytes when the stream gets there', () => {
    const gaps = gapRows(cutAhead(1024));
    expect(gaps).toHaveLength(1024);
    expect(gaps.every(([, , length, cause]) => length === 9 && cause === 'not-captured')).toBe(true);
  });

  it('of 1025, the first is forgotten: the stream waits there until the end of the capture', () => {
    const gaps = gapRows(cutAhead(1025));
    expect(gaps.slice(0, 2)).toEqual([
      [0, 11, 9, 'end-of-capture'],
      [0, 21, 9, 'not-captured'],
    ]);
  });
});

describe('IP fragment reassembly: default limits (ip-fragment-reassembler.ts)', () => {
  const data = new Uint8Array(65_536);
  /** A fragment of datagram `id`: `len` bytes at `offset`. */
  const fragment = (id: number, offset: number, len: number, more = true): IpPacketView => ({
    ipVersion: 4, src0: 0x0a010105, src1: 0, src2: 0, src3: 0, dst0: 0x0a010102, dst1: 0, dst2: 0, dst3: 0, protocol: 6,
    buffer: data, payloadOffset: 0, payloadLength: len, missingBytes: 0, isFragment: true, fragmentOffset: offset, moreFragments: more, fragmentId: id,
  });
  function reassembler(): { r: IpFragmentReassembler; codes: string[]; messages: string[]; add: (ip: IpPacketView, sec?: number) => Uint8Array | null } {
    const codes: string[] = [];
    const messages: string[] = [];
    const r = new IpFragmentReassembler(DEFAULT_IP_FRAGMENT_LIMITS, (d) => {
      codes.push(d.code);
      messages.push(d.message);
    });
    let frame = 0;
    return { r, codes, messages, add: (ip, sec = 100) => r.add(ip, { frame: ++frame, tsSec: sec, fileOffset: 0 }) };
  }

  it('1024 datagrams are reassembled at once; the 1025th drops the oldest, with IP_FRAGMENT_LIMIT', () => {
    const { r, codes, messages, add } = reassembler();
    for (let id = 0; id < 1024; id++) add(fragment(id, 0, 8));
    expect([r.pendingCount, codes]).toEqual([1024, []]);
    add(fragment(1024, 0, 8));
    expect([r.pendingCount, codes, messages]).toEqual([1024, ['IP_FRAGMENT_LIMIT'], ['too many datagrams in reassembly: datagram first seen in frame 1 dropped']]);
    for (let id = 1025; id < 10_000; id++) add(fragment(id, 0, 8));
    expect(r.pendingCount).toBe(1024);
  });

  it('16 MiB of fragments are held; one byte more drops the oldest datagram', () => {
    /** 256 fragments of 65,528 bytes, then the last fragment (at 8) of another datagram, `last` bytes long. */
    const held = (last: number): { pending: number; codes: string[] } => {
      const { r, codes, add } = reassembler();
      for (let id = 0; id < 256; id++) add(fragment(id, 0, 65_528));
      add(fragment(256, 8, last, false));
      return { pending: r.pendingCount, codes };
    };
    const room = 16 * 1024 * 1024 - 256 * 65_528;
    expect(held(room)).toEqual({ pending: 257, codes: [] });
    expect(held(room + 1)).toEqual({ pending: 256, codes: ['IP_FRAGMENT_LIMIT'] });
  });

  it('the 256 most recently completed datagrams are remembered: a late duplicate of one is no new datagram', () => {
    const { r, add } = reassembler();
    for (let id = 0; id < 257; id++) {
      add(fragment(id, 0, 8));
      expect(add(fragment(id, 8, 8, false))).not.toBeNull();
    }
    add(fragment(1, 0, 8));
    expect(r.pendingCount).toBe(0);
    add(fragment(0, 0, 8));
    expect(r.pendingCount).toBe(1);
  });

  it('a datagram may be 65,535 bytes long, not one more', () => {
    const { r, codes, add } = reassembler();
    add(fragment(1, 65_528, 7, false));
    expect([r.pendingCount, codes]).toEqual([1, []]);
    add(fragment(2, 65_528, 8, false));
    expect([r.pendingCount, codes]).toEqual([1, ['IP_FRAGMENT_BAD']]);
  });
});

describe('retransmissions compared with the last 128 deliveries of a direction (recent-bytes-window.ts MAX_ENTRIES)', () => {
  /** `n` deliveries of 1 byte ('a') that do not merge (another direction writes to the log in between); whether a changed copy of the first is caught. */
  function firstCopyCompared(n: number): boolean {
    const log = new DeliveredBytesLog(1 << 20);
    const window = new RecentBytesWindow(1 << 16, log);
    const other = new RecentBytesWindow(1 << 16, log);
    const a = new Uint8Array([0x61]);
    for (let i = 0; i < n; i++) {
      window.append(a, 0, 1);
      other.append(a, 0, 1);
    }
    expect(window.findMismatch(n - 1, new Uint8Array([0x62]), 0, 1)).toEqual([n - 1, n]);
    return window.findMismatch(0, new Uint8Array([0x62]), 0, 1) !== null;
  }

  it('the first of 128 deliveries is still compared; of 129 it is not', () => {
    expect([firstCopyCompared(128), firstCopyCompared(129)]).toEqual([true, false]);
  });
});
