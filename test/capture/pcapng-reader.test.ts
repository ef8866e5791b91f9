import { describe, expect, it } from 'vitest';
import { readFrames } from '../support/capture-frames.js';
import { ticksToTimestamp, writePcapng, type PcapngInterfaceSpec, type PcapngSectionSpec } from '../support/capture-writer.js';

const bytes = (n: number, seed: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (seed * 31 + i) & 0xff);

describe('pcapng reader', () => {
  for (const littleEndian of [true, false]) {
    it(`reads EPB, OPB, SPB and skips other blocks (${littleEndian ? 'little' : 'big'} endian)`, () => {
      const section: PcapngSectionSpec = {
        littleEndian,
        shbComment: 'made by a test',
        interfaces: [{ linkType: 1, snapLength: 100 }, { linkType: 113 }],
        blocks: [
          { kind: 'epb', interfaceId: 0, sec: 1_700_000_000, nsec: 123_456_000, data: bytes(60, 1), origLen: 70, comment: 'hello' },
          { kind: 'raw', blockType: 4, body: bytes(16, 2) }, // NRB
          { kind: 'opb', interfaceId: 1, sec: 1_700_000_001, nsec: 5_000, data: bytes(33, 3) },
          { kind: 'raw', blockType: 5, body: bytes(24, 4) }, // ISB
          { kind: 'spb', data: bytes(41, 5) },
          { kind: 'raw', blockType: 0x0bad, body: bytes(13, 6) }, // custom
          { kind: 'raw', blockType: 0x12345678, body: bytes(7, 7) }, // unknown
          { kind: 'raw', blockType: 0x0a, body: bytes(8, 8) }, // DSB
          { kind: 'spb', data: bytes(150, 9), origLen: 150 }, // cut to the snap length (100)
          { kind: 'epb', interfaceId: 1, sec: 1_700_000_002, nsec: 999_999_000, data: bytes(1, 10) },
        ],
      };
      const file = writePcapng([section]);
      const { frames, diagnostics } = readFrames(file);
      expect(diagnostics).toEqual([]);
      expect(frames.map((f) => f.frame)).toEqual([1, 2, 3, 4, 5]);
      expect(frames[0]).toMatchObject({ sec: 1_700_000_000, nsec: 123_456_000, linkType: 1, interfaceId: 0, originalLength: 70, hasTimestamp: true });
      expect(frames[0].bytes).toEqual(bytes(60, 1));
      expect(frames[1]).toMatchObject({ sec: 1_700_000_001, nsec: 5_000, linkType: 113, interfaceId: 1, originalLength: 33 });
      expect(frames[1].bytes).toEqual(bytes(33, 3));
      // SPB: interface 0, the previous frame's timestamp, no timestamp of its own.
      expect(frames[2]).toMatchObject({ sec: 1_700_000_001, nsec: 5_000, hasTimestamp: false, interfaceId: 0, linkType: 1, originalLength: 41 });
      expect(frames[2].bytes).toEqual(bytes(41, 5));
      expect(frames[3].bytes).toEqual(bytes(100, 9));
      expect(frames[3].originalLength).toBe(150);
      expect(frames[4]).toMatchObject({ sec: 1_700_000_002, nsec: 999_999_000, interfaceId: 1 });
      // File offsets point at the blocks: check the first EPB's type there.
      const view = new DataView(file.buffer);
      expect(view.getUint32(frames[0].fileOffset, littleEndian)).toBe(6);
      expect(view.getUint32(frames[1].fileOffset, littleEndian)).toBe(2);
      expect(view.getUint32(frames[2].fileOffset, littleEndian)).toBe(3);
    });
  }

  it('resets interfaces at every section header, sections of both byte orders', () => {
    const file = writePcapng([
      { littleEndian: true, interfaces: [{ linkType: 1 }, { linkType: 101 }], blocks: [{ kind: 'epb', interfaceId: 1, sec: 1, nsec: 0, data: bytes(20, 1) }] },
      { littleEndian: false, interfaces: [{ linkType: 276, tsresol: 9 }], blocks: [{ kind: 'epb', interfaceId: 0, sec: 2, nsec: 7, data: bytes(20, 2) }] },
      {
        littleEndian: true,
        interfaces: [{ linkType: 0 }],
        blocks: [
          { kind: 'epb', interfaceId: 0, sec: 3, nsec: 0, data: bytes(20, 3) },
          // Interface 1 existed in section 1 only: this block is refused.
          { kind: 'epb', interfaceId: 1, sec: 4, nsec: 0, data: bytes(20, 4) },
        ],
      },
    ]);
    const { frames, diagnostics } = readFrames(file);
    expect(frames.map((f) => [f.frame, f.linkType, f.interfaceId, f.sec, f.nsec])).toEqual([
      [1, 101, 1, 1, 0],
      [2, 276, 0, 2, 7],
      [3, 0, 0, 3, 0],
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['PCAPNG_UNKNOWN_INTERFACE']);
  });

  const resolutions: Array<[string, PcapngInterfaceSpec]> = [
    ['default µs', { linkType: 1 }],
    ['10^-9', { linkType: 1, tsresol: 9 }],
    ['10^-3', { linkType: 1, tsresol: 3 }],
    ['10^0', { linkType: 1, tsresol: 0 }],
    ['10^-11', { linkType: 1, tsresol: 11 }],
    ['10^-12 (exotic)', { linkType: 1, tsresol: 12 }],
    ['2^-20', { linkType: 1, tsresol: 0x80 | 20 }],
    ['2^-32', { linkType: 1, tsresol: 0x80 | 32 }],
    ['2^-5', { linkType: 1, tsresol: 0x80 | 5 }],
    ['2^-40 (exotic)', { linkType: 1, tsresol: 0x80 | 40 }],
    ['10^-9 with offset', { linkType: 1, tsresol: 9, tsoffset: 1_000_000 }],
    ['µs with negative offset', { linkType: 1, tsoffset: -3600 }],
  ];
  for (const [name, iface] of resolutions) {
    for (const littleEndian of [true, false]) {
      it(`applies if_tsresol/if_tsoffset exactly: ${name} (${littleEndian ? 'little' : 'big'}-endian)`, () => {
        const tickValues = [0n, 1n, 999_999n, 1_700_000_000_123_456n, 1_700_000_000_123_456_789n, 0xffffffffn, 0x1_0000_0000n, 0xfedcba9876543210n];
        const file = writePcapng([
          { littleEndian, interfaces: [iface], blocks: tickValues.map((ticks, i) => ({ kind: 'epb-ticks' as const, interfaceId: 0, ticks, data: bytes(14, i) })) },
        ]);
        const { frames, diagnostics } = readFrames(file);
        expect(diagnostics).toEqual([]);
        expect(frames.map((f) => ({ sec: f.sec, nsec: f.nsec }))).toEqual(tickValues.map((t) => ticksToTimestamp(iface, t)));
      });
    }
  }

  it('gives the same frames whatever the chunking', () => {
    const blocks = Array.from({ length: 30 }, (_, i) => ({ kind: 'epb' as const, interfaceId: i % 2, sec: 100 + i, nsec: i * 1000, data: bytes(10 + i * 13, i) }));
    const file = writePcapng([{ interfaces: [{ linkType: 1 }, { linkType: 1, tsresol: 9 }], blocks }]);
    const whole = readFrames(file);
    expect(whole.frames).toHaveLength(30);
    for (const sizes of [[1], [3, 11], [12], [64, 5], [333]]) {
      expect(readFrames(file, sizes)).toEqual(whole);
    }
  });

  it('skips a huge unknown block by streaming past it', () => {
    const big = writePcapng([
      {
        interfaces: [{ linkType: 1 }],
        blocks: [
          { kind: 'epb', interfaceId: 0, sec: 1, nsec: 0, data: bytes(20, 1) },
          { kind: 'raw', blockType: 0x40000bad, body: new Uint8Array(300_000) },
          { kind: 'epb', interfaceId: 0, sec: 2, nsec: 0, data: bytes(20, 2) },
        ],
      },
    ]);
    const { frames, diagnostics } = readFrames(big, [4096], { maxBlockLength: 65536 });
    expect(frames.map((f) => f.sec)).toEqual([1, 2]);
    expect(diagnostics.map((d) => d.code)).toEqual(['PCAPNG_BLOCK_TOO_LARGE']);
  });
});
