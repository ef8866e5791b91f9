/**
 * pcap / pcapng reader inputs that manual mutation testing showed unpinned (docs/test-gaps.md,
 * "pcapng / pcap readers"). Files are written with the test writer (from the pcap and pcapng
 * specifications) and patched by hand where a test needs a field the writer does not produce.
 */
import { describe, expect, it } from 'vitest';
import { readFrames } from '../support/capture-frames.js';
import { ByteWriter, concatBytes, pcapFileHeader, pcapRecord, writePcap, writePcapng, type PcapWriteOptions, type WrittenPacket } from '../support/capture-writer.js';

const bytes = (n: number, seed: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (seed * 31 + i * 7 + 1) & 0xff);
const codesOf = (d: ReadonlyArray<{ code: string }>): string[] => d.map((x) => x.code);

/** Offsets of the blocks of a well-formed pcapng file, with their types. */
function pcapngBlocks(file: Uint8Array, littleEndian = true): Array<{ type: number; offset: number; length: number }> {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const out: Array<{ type: number; offset: number; length: number }> = [];
  for (let off = 0; off + 12 <= file.length; ) {
    const length = view.getUint32(off + 4, littleEndian);
    out.push({ type: view.getUint32(off, littleEndian), offset: off, length });
    off += length;
  }
  return out;
}

describe('pcapng: if_tsresol without opt_endofopt', () => {
  for (const littleEndian of [true, false]) {
    it(`applies an if_tsresol that is the last option, with no opt_endofopt after it (${littleEndian ? 'little' : 'big'}-endian)`, () => {
      // IDB body: LinkType 1, reserved, SnapLen 0, then if_tsresol (code 9, length 1, value 9 =
      // nanoseconds, 3 bytes of padding) and directly the block's trailing length: the
      // specification makes opt_endofopt optional at the end of the options.
      const idbBody = new ByteWriter(littleEndian).u16(1).u16(0).u32(0).u16(9).u16(1).u8(9).u8(0).u8(0).u8(0).toBytes();
      const file = writePcapng([
        {
          littleEndian,
          interfaces: [],
          blocks: [
            { kind: 'raw', blockType: 1, body: idbBody },
            // 1_700_000_000.123456789 s in nanosecond ticks.
            { kind: 'epb-ticks', interfaceId: 0, ticks: 1_700_000_000_123_456_789n, data: bytes(20, 1) },
          ],
        },
      ]);
      // The IDB is 12 + 16 bytes long: no room for an opt_endofopt.
      expect(pcapngBlocks(file, littleEndian)[1]).toMatchObject({ type: 1, length: 28 });
      const { frames, diagnostics } = readFrames(file);
      expect(diagnostics).toEqual([]);
      expect(frames).toHaveLength(1);
      expect(frames[0]).toMatchObject({ sec: 1_700_000_000, nsec: 123_456_789, linkType: 1 });
    });
  }
});

describe('pcapng: EPB captured length reaching into the trailing block length', () => {
  // One interface, three EPBs of 20 data bytes (a multiple of 4: no padding): each EPB is
  // 4 type + 4 length + 20 fixed + 20 data + 4 trailing length = 52 bytes.
  const file = writePcapng([
    {
      interfaces: [{ linkType: 1 }],
      blocks: [0, 1, 2].map((i) => ({ kind: 'epb' as const, interfaceId: 0, sec: 100 + i, nsec: 0, data: bytes(20, i) })),
    },
  ]);
  const epbs = pcapngBlocks(file).filter((b) => b.type === 6);

  it('the test file is what the test assumes', () => {
    expect(epbs.map((b) => b.length)).toEqual([52, 52, 52]);
  });

  it('accepts a captured length that ends exactly before the trailing length', () => {
    const { frames, diagnostics } = readFrames(file);
    expect(diagnostics).toEqual([]);
    expect(frames.map((f) => f.bytes.length)).toEqual([20, 20, 20]);
  });

  for (const caplen of [21, 24]) {
    it(`refuses a captured length of ${caplen} in a 52-byte EPB (${caplen - 20} byte(s) of the trailer)`, () => {
      const bad = file.slice();
      new DataView(bad.buffer).setUint32(epbs[1]!.offset + 20, caplen, true);
      const { frames, diagnostics } = readFrames(bad);
      expect(frames.map((f) => f.sec)).toEqual([100, 102]);
      expect(frames.map((f) => f.bytes)).toEqual([bytes(20, 0), bytes(20, 2)]);
      expect(diagnostics).toMatchObject([{ code: 'PCAPNG_CAPLEN_EXCEEDS_BLOCK', severity: 'error', fileOffset: epbs[1]!.offset }]);
    });
  }
});

describe('pcapng: SPB', () => {
  it('with an original length above its data and snap length 0 (no limit), takes the data the block holds', () => {
    const data = bytes(40, 5); // a multiple of 4: the block holds no padding
    const file = writePcapng([{ interfaces: [{ linkType: 1, snapLength: 0 }], blocks: [{ kind: 'spb', data, origLen: 100 }] }]);
    const { frames, diagnostics } = readFrames(file);
    expect(diagnostics).toEqual([]);
    expect(frames).toHaveLength(1);
    expect(frames[0]!.bytes).toEqual(data);
    expect(frames[0]).toMatchObject({ originalLength: 100, interfaceId: 0, hasTimestamp: false });
  });
});

describe('pcapng: chunked resynchronisation', () => {
  // SHB, IDB, EPB 0, 40 zero bytes (type 0, length 0: a bad block length), EPB 1, EPB 2.
  const good = writePcapng([
    {
      interfaces: [{ linkType: 1 }],
      blocks: [0, 1, 2].map((i) => ({ kind: 'epb' as const, interfaceId: 0, sec: 200 + i, nsec: 0, data: bytes(24 + 4 * i, 10 + i) })),
    },
  ]);
  const epbs = pcapngBlocks(good).filter((b) => b.type === 6);
  const garbageAt = epbs[1]!.offset;
  const file = concatBytes(good.subarray(0, garbageAt), new Uint8Array(40), good.subarray(garbageAt));
  const epb1At = garbageAt + 40;

  for (const before of [8, 9, 10, 11, 12]) {
    it(`finds a block that starts ${before} bytes before a chunk boundary`, () => {
      const { frames, diagnostics } = readFrames(file, [epb1At + before, 1 << 20]);
      expect(frames.map((f) => f.sec)).toEqual([200, 201, 202]);
      expect(frames[1]!.bytes).toEqual(bytes(28, 11));
      expect(frames[1]!.fileOffset).toBe(epb1At);
      expect(diagnostics).toMatchObject([
        { code: 'PCAPNG_BAD_BLOCK_LENGTH', fileOffset: garbageAt },
        { code: 'CAPTURE_RESYNCHRONISED', fileOffset: epb1At },
      ]);
      expect(diagnostics).toHaveLength(2);
    });
  }
});

describe('pcapng: original length below the captured length', () => {
  it('is raised to the captured length (EPB and OPB)', () => {
    const file = writePcapng([
      {
        interfaces: [{ linkType: 1 }],
        blocks: [
          { kind: 'epb', interfaceId: 0, sec: 1, nsec: 0, data: bytes(20, 1), origLen: 10 },
          { kind: 'opb', interfaceId: 0, sec: 2, nsec: 0, data: bytes(32, 2), origLen: 0 },
          { kind: 'epb', interfaceId: 0, sec: 3, nsec: 0, data: bytes(20, 3), origLen: 21 },
        ],
      },
    ]);
    const { frames } = readFrames(file);
    expect(frames.map((f) => [f.bytes.length, f.originalLength])).toEqual([
      [20, 20],
      [32, 32],
      [20, 21],
    ]);
  });
});

describe('pcap: sub-second field of exactly one second', () => {
  for (const nanosecond of [false, true]) {
    it(`${nanosecond ? '1,000,000,000 ns' : '1,000,000 µs'} is the next second`, () => {
      const file = writePcap([{ sec: 10, nsec: 0, data: bytes(8, 1) }], { linkType: 1, nanosecond });
      new DataView(file.buffer).setUint32(24 + 4, nanosecond ? 1_000_000_000 : 1_000_000, true);
      const { frames, diagnostics } = readFrames(file);
      expect(diagnostics).toEqual([]);
      expect(frames.map((f) => [f.sec, f.nsec])).toEqual([[11, 0]]);
    });
  }
  it('one unit less stays in the same second', () => {
    const file = writePcap([{ sec: 10, nsec: 0, data: bytes(8, 1) }], { linkType: 1 });
    new DataView(file.buffer).setUint32(24 + 4, 999_999, true);
    expect(readFrames(file).frames.map((f) => [f.sec, f.nsec])).toEqual([[10, 999_999_000]]);
  });
});

describe('pcap: what resynchronisation believes', () => {
  const T0 = 1_700_000_000;
  const o: PcapWriteOptions = { linkType: 1, snapLength: 256 };
  const rec = (p: WrittenPacket): Uint8Array => pcapRecord(p, o);
  /** A record header claiming 0xffffffff captured bytes: damage, resynchronisation from the next byte. */
  const absurd = new ByteWriter(true).u32(T0 + 1).u32(0).u32(0xffffffff).u32(0xffffffff).toBytes();
  const r0 = rec({ sec: T0, nsec: 0, data: bytes(20, 0) });
  const r1 = rec({ sec: T0 + 1, nsec: 0, data: bytes(20, 1) });

  /** File header, records 0 and 1, the damaged header, `middle`, then `rest`; offsets of interest. */
  function damaged(middle: Uint8Array, rest: readonly Uint8Array[]): { file: Uint8Array; damageAt: number; restAt: number } {
    const head = concatBytes(pcapFileHeader(o), r0, r1);
    const file = concatBytes(head, absurd, middle, ...rest);
    return { file, damageAt: head.length, restAt: head.length + absurd.length + middle.length };
  }

  /** `fake` after the damage is passed over: the reader resynchronises on the good record after it. */
  function skippedAsTarget(fake: Uint8Array): void {
    const r2 = rec({ sec: T0 + 2, nsec: 0, data: bytes(20, 2) });
    const { file, damageAt, restAt } = damaged(fake, [r2]);
    for (const sizes of [[1 << 20], [7]]) {
      const { frames, diagnostics } = readFrames(file, sizes);
      expect(frames.map((f) => [f.sec - T0, f.bytes.length])).toEqual([
        [0, 20],
        [1, 20],
        [2, 20],
      ]);
      expect(diagnostics).toMatchObject([
        { code: 'PCAP_CAPLEN_TOO_LARGE', fileOffset: damageAt },
        { code: 'CAPTURE_RESYNCHRONISED', fileOffset: restAt },
      ]);
      expect(diagnostics).toHaveLength(2);
    }
  }

  it('a header with caplen 0 is no resynchronisation target', () => {
    // A would-be header (time of the last record, caplen 0, origlen 0) followed by a good record.
    const fake = new ByteWriter(true).u32(T0 + 1).u32(0).u32(0).u32(0).toBytes();
    skippedAsTarget(fake);
  });

  it('a header more than a day after the last good record is no resynchronisation target', () => {
    // 86401 s after the last good record; the good record after it is 86400 s from it.
    const fake = rec({ sec: T0 + 1 + 86_401, nsec: 0, data: new Uint8Array(8) });
    skippedAsTarget(fake);
  });

  it('a record exactly a day after the last good record is a resynchronisation target', () => {
    const r2 = rec({ sec: T0 + 1 + 86_400, nsec: 0, data: bytes(20, 2) });
    const r3 = rec({ sec: T0 + 1 + 86_401, nsec: 0, data: bytes(20, 3) });
    const { file, damageAt, restAt } = damaged(new Uint8Array(0), [r2, r3]);
    const { frames, diagnostics } = readFrames(file);
    expect(frames.map((f) => f.sec - T0)).toEqual([0, 1, 86_401, 86_402]);
    expect(frames[2]!.bytes).toEqual(bytes(20, 2));
    expect(diagnostics).toMatchObject([
      { code: 'PCAP_CAPLEN_TOO_LARGE', fileOffset: damageAt },
      { code: 'CAPTURE_RESYNCHRONISED', fileOffset: restAt },
    ]);
    expect(diagnostics).toHaveLength(2);
  });
});

describe('pcap: captured length exactly at maxCaptureLength', () => {
  const T0 = 1_700_000_000;
  const o: PcapWriteOptions = { linkType: 1 }; // snap length 262144, above the limit used here
  const packets = (sizes: readonly number[]): WrittenPacket[] => sizes.map((n, i) => ({ sec: T0 + i, nsec: 0, data: bytes(n, i) }));

  it('is read; one byte more is damage', () => {
    const ok = readFrames(writePcap(packets([100, 20]), o), [1 << 20], { maxCaptureLength: 100 });
    expect(ok.diagnostics).toEqual([]);
    expect(ok.frames.map((f) => f.bytes.length)).toEqual([100, 20]);

    const over = readFrames(writePcap(packets([20, 101, 20]), o), [1 << 20], { maxCaptureLength: 100 });
    expect(codesOf(over.diagnostics)).toEqual(['PCAP_CAPLEN_TOO_LARGE', 'CAPTURE_RESYNCHRONISED']);
    expect(over.diagnostics[0]).toMatchObject({ fileOffset: 24 + 16 + 20 });
    expect(over.frames.map((f) => f.sec - T0)).toEqual([0, 2]);
  });

  it('is a resynchronisation target', () => {
    const [p0, p1, p2] = packets([20, 100, 20]).map((p) => pcapRecord(p, o));
    const absurd = new ByteWriter(true).u32(T0).u32(0).u32(0xffffffff).u32(0xffffffff).toBytes();
    const file = concatBytes(pcapFileHeader(o), p0!, absurd, p1!, p2!);
    const { frames, diagnostics } = readFrames(file, [1 << 20], { maxCaptureLength: 100 });
    expect(frames.map((f) => [f.sec - T0, f.bytes.length])).toEqual([
      [0, 20],
      [1, 100],
      [2, 20],
    ]);
    expect(diagnostics).toMatchObject([
      { code: 'PCAP_CAPLEN_TOO_LARGE', fileOffset: 24 + 36 },
      { code: 'CAPTURE_RESYNCHRONISED', fileOffset: 24 + 36 + 16 },
    ]);
    expect(diagnostics).toHaveLength(2);
  });
});
