import { describe, expect, it } from 'vitest';
import { readFrames } from '../support/capture-frames.js';
import { concatBytes, pcapFileHeader, writePcap, writePcapng, type WrittenPacket } from '../support/capture-writer.js';

const packets: WrittenPacket[] = Array.from({ length: 10 }, (_, i) => ({
  sec: 1_700_000_000 + i,
  nsec: i * 1000,
  data: Uint8Array.from({ length: 60 + i }, (_, j) => (i + j) & 0xff),
}));

/** File offset of pcap record i (0-based). */
function pcapRecordOffset(i: number): number {
  let off = 24;
  for (let k = 0; k < i; k++) off += 16 + packets[k].data.length;
  return off;
}

const codesOf = (d: ReadonlyArray<{ code: string }>): string[] => d.map((x) => x.code);

describe('whole-file conditions', () => {
  it('reports an empty file', () => {
    const { frames, diagnostics } = readFrames(new Uint8Array(0));
    expect(frames).toEqual([]);
    expect(diagnostics).toMatchObject([{ code: 'CAPTURE_EMPTY_FILE', severity: 'error', fileOffset: 0 }]);
  });

  it('reports a pcap file with a header only', () => {
    const { frames, diagnostics } = readFrames(pcapFileHeader({ linkType: 1 }));
    expect(frames).toEqual([]);
    expect(codesOf(diagnostics)).toEqual(['CAPTURE_NO_PACKETS']);
  });

  it('reports a pcapng file with a section header only', () => {
    const { frames, diagnostics } = readFrames(writePcapng([{ interfaces: [{ linkType: 1 }], blocks: [] }]));
    expect(frames).toEqual([]);
    expect(codesOf(diagnostics)).toEqual(['CAPTURE_NO_PACKETS']);
  });

  it('reports a truncated pcap file header', () => {
    const { diagnostics } = readFrames(pcapFileHeader({ linkType: 1 }).subarray(0, 14));
    expect(codesOf(diagnostics)).toContain('CAPTURE_TRUNCATED_FILE_HEADER');
  });

  it('reports an unknown format and reads nothing', () => {
    const { frames, diagnostics } = readFrames(new TextEncoder().encode('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    expect(frames).toEqual([]);
    expect(codesOf(diagnostics)).toEqual(['CAPTURE_UNKNOWN_FORMAT']);
  });
});

describe('classic pcap damage', () => {
  const file = writePcap(packets, { linkType: 1, snapLength: 256 });

  it('stops cleanly at a last record cut inside its data', () => {
    const cut = file.subarray(0, file.length - 5);
    for (const sizes of [[1 << 20], [7]]) {
      const { frames, diagnostics } = readFrames(cut, sizes);
      expect(frames).toHaveLength(9);
      expect(diagnostics).toMatchObject([{ code: 'PCAP_TRUNCATED_RECORD', fileOffset: pcapRecordOffset(9) }]);
    }
  });

  it('stops cleanly at a last record header cut short', () => {
    const cut = file.subarray(0, pcapRecordOffset(9) + 9);
    const { frames, diagnostics } = readFrames(cut);
    expect(frames).toHaveLength(9);
    expect(diagnostics).toMatchObject([{ code: 'PCAP_TRUNCATED_RECORD_HEADER', fileOffset: pcapRecordOffset(9) }]);
  });

  it('resynchronises after an absurd caplen (0x7fffffff) without allocating it', () => {
    const bad = file.slice();
    new DataView(bad.buffer).setUint32(pcapRecordOffset(4) + 8, 0x7fffffff, true);
    for (const sizes of [[1 << 20], [5], [64, 3]]) {
      const before = process.memoryUsage().arrayBuffers;
      const { frames, diagnostics } = readFrames(bad, sizes);
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 << 20);
      expect(frames.map((f) => f.sec - 1_700_000_000)).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9]);
      expect(frames.map((f) => f.frame)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(codesOf(diagnostics)).toEqual(['PCAP_CAPLEN_TOO_LARGE', 'CAPTURE_RESYNCHRONISED']);
      expect(diagnostics[0].fileOffset).toBe(pcapRecordOffset(4));
      expect(diagnostics[1].fileOffset).toBe(pcapRecordOffset(5));
      expect(frames[4].bytes).toEqual(packets[5].data);
    }
  });

  it('resynchronises on a last record that ends exactly at the end of the file', () => {
    const bad = file.slice();
    new DataView(bad.buffer).setUint32(pcapRecordOffset(8) + 8, 0x7fffffff, true);
    for (const sizes of [[1 << 20], [7], [100, 3]]) {
      const { frames, diagnostics } = readFrames(bad, sizes);
      expect(frames.map((f) => f.sec - 1_700_000_000)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 9]);
      expect(frames[8]!.bytes).toEqual(packets[9].data);
      expect(codesOf(diagnostics)).toEqual(['PCAP_CAPLEN_TOO_LARGE', 'CAPTURE_RESYNCHRONISED']);
    }
  });

  it('resynchronises after a caplen above the snap length', () => {
    const bad = file.slice();
    new DataView(bad.buffer).setUint32(pcapRecordOffset(2) + 8, 300, true); // snaplen is 256
    const { frames, diagnostics } = readFrames(bad);
    expect(frames.map((f) => f.sec - 1_700_000_000)).toEqual([0, 1, 3, 4, 5, 6, 7, 8, 9]);
    expect(codesOf(diagnostics)).toEqual(['PCAP_CAPLEN_EXCEEDS_SNAPLEN', 'CAPTURE_RESYNCHRONISED']);
  });

  it('accepts records above a too-small snap length when they chain correctly', () => {
    const small = writePcap(packets, { linkType: 1, snapLength: 64 });
    const { frames, diagnostics } = readFrames(small);
    expect(frames).toHaveLength(10);
    expect(diagnostics.every((d) => d.code === 'PCAP_CAPLEN_EXCEEDS_SNAPLEN' && d.severity === 'warning')).toBe(true);
    expect(diagnostics.length).toBe(10 - 5); // records 5..9 are 65..69 bytes
  });

  it('resynchronises after a caplen that runs past the end of the file', () => {
    const bad = file.slice();
    new DataView(bad.buffer).setUint32(pcapRecordOffset(6) + 8, 250, true);
    new DataView(bad.buffer).setUint32(pcapRecordOffset(6) + 12, 250, true);
    // 250 bytes fit below the snap length, but the file ends (after record 8) before them;
    // records 7 and 8 are still there, at their offsets.
    const truncated = bad.subarray(0, pcapRecordOffset(9));
    expect(pcapRecordOffset(6) + 16 + 250).toBeGreaterThan(truncated.length);
    for (const sizes of [[1 << 20], [9]]) {
      const { frames, diagnostics } = readFrames(truncated, sizes);
      expect(frames.map((f) => f.sec - 1_700_000_000)).toEqual([0, 1, 2, 3, 4, 5, 7, 8]);
      expect(codesOf(diagnostics)).toEqual(['PCAP_TRUNCATED_RECORD', 'CAPTURE_RESYNCHRONISED']);
    }
  });

  it('skips garbage inserted between records', () => {
    const garbage = Uint8Array.from({ length: 37 }, (_, i) => (i * 97 + 13) & 0xff);
    const damaged = concatBytes(file.subarray(0, pcapRecordOffset(3)), garbage, file.subarray(pcapRecordOffset(3)));
    for (const sizes of [[1 << 20], [11]]) {
      const { frames, diagnostics } = readFrames(damaged, sizes);
      expect(frames).toHaveLength(10);
      expect(frames[3].bytes).toEqual(packets[3].data);
      expect(codesOf(diagnostics)[codesOf(diagnostics).length - 1]).toBe('CAPTURE_RESYNCHRONISED');
    }
  });

  it('reports trailing garbage', () => {
    const damaged = concatBytes(file, new Uint8Array(40).fill(0xff));
    const { frames, diagnostics } = readFrames(damaged);
    expect(frames).toHaveLength(10);
    expect(codesOf(diagnostics)).toEqual(['PCAP_CAPLEN_TOO_LARGE', 'CAPTURE_TRAILING_GARBAGE']);
  });
});

describe('pcapng damage', () => {
  const file = writePcapng([
    {
      interfaces: [{ linkType: 1 }],
      blocks: packets.map((p) => ({ kind: 'epb' as const, interfaceId: 0, sec: p.sec, nsec: p.nsec, data: p.data })),
    },
  ]);
  const view = new DataView(file.buffer);
  /** Offsets of the EPBs. */
  const epbOffsets: number[] = [];
  for (let off = 0; off < file.length; off += view.getUint32(off + 4, true)) if (view.getUint32(off, true) === 6) epbOffsets.push(off);

  const damage = (mutate: (v: DataView, copy: Uint8Array) => void): Uint8Array => {
    const copy = file.slice();
    mutate(new DataView(copy.buffer), copy);
    return copy;
  };

  const cases: Array<[string, Uint8Array, string]> = [
    ['a block length below 12', damage((v) => v.setUint32(epbOffsets[3] + 4, 8, true)), 'PCAPNG_BAD_BLOCK_LENGTH'],
    ['a block length not a multiple of 4', damage((v) => v.setUint32(epbOffsets[3] + 4, 90, true)), 'PCAPNG_BAD_BLOCK_LENGTH'],
    ['a trailing length that disagrees', damage((v) => v.setUint32(epbOffsets[3] + 4, view.getUint32(epbOffsets[3] + 4, true) + 4, true)), 'PCAPNG_BLOCK_LENGTH_MISMATCH'],
    ['an absurd block length', damage((v) => v.setUint32(epbOffsets[3] + 4, 0x7ffffffc, true)), 'PCAPNG_BLOCK_TOO_LARGE'],
  ];
  for (const [name, bad, code] of cases) {
    it(`resynchronises after ${name}`, () => {
      for (const sizes of [[1 << 20], [13]]) {
        const { frames, diagnostics } = readFrames(bad, sizes);
        expect(frames.map((f) => f.sec - 1_700_000_000)).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9]);
        expect(codesOf(diagnostics)).toEqual([code, 'CAPTURE_RESYNCHRONISED']);
        expect(diagnostics[0].fileOffset).toBe(epbOffsets[3]);
        expect(diagnostics[1].fileOffset).toBe(epbOffsets[4]);
      }
    });
  }

  it('reports a section header with an unknown byte-order magic and finds the next section', () => {
    const second = writePcapng([{ littleEndian: false, interfaces: [{ linkType: 1 }], blocks: [{ kind: 'epb', interfaceId: 0, sec: 5, nsec: 0, data: packets[0].data }] }]);
    const bad = concatBytes(file, second);
    new DataView(bad.buffer).setUint32(file.length + 8, 0x11223344, false);
    const badFirst = concatBytes(file, second);
    new DataView(badFirst.buffer).setUint32(8, 0x11223344, false);
    const r1 = readFrames(bad);
    expect(r1.frames).toHaveLength(10);
    expect(codesOf(r1.diagnostics)).toEqual(['PCAPNG_BAD_BYTE_ORDER_MAGIC', 'CAPTURE_TRAILING_GARBAGE']);
    const r2 = readFrames(badFirst);
    expect(r2.frames.map((f) => f.sec)).toEqual([5]);
    expect(codesOf(r2.diagnostics)).toEqual(['PCAPNG_BAD_BYTE_ORDER_MAGIC', 'CAPTURE_RESYNCHRONISED']);
    expect(r2.diagnostics[1].fileOffset).toBe(file.length);
  });

  it('stops cleanly at a truncated last block', () => {
    const { frames, diagnostics } = readFrames(file.subarray(0, file.length - 7));
    expect(frames).toHaveLength(9);
    expect(codesOf(diagnostics)).toEqual(['PCAPNG_TRUNCATED_BLOCK']);
  });

  it('skips a packet block whose captured length exceeds the block', () => {
    const bad = damage((v) => v.setUint32(epbOffsets[2] + 20, 5000, true));
    const { frames, diagnostics } = readFrames(bad);
    expect(frames).toHaveLength(9);
    expect(codesOf(diagnostics)).toEqual(['PCAPNG_CAPLEN_EXCEEDS_BLOCK']);
  });
});
