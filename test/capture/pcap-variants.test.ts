/**
 * The old classic-pcap variants Wireshark reads and editcap writes (`-F rh6_1pcap`,
 * `nokiapcap`, `modpcap`, `suse6_3pcap`): the standard 24-byte file header, with the standard
 * magic or the modified one (0xa1b2cd34), and record headers of 20, 24 or 28 bytes whose first
 * 16 bytes are the standard ones. Built here byte by byte (libpcap's and wiretap's layouts);
 * before, the first two were read as damaged files (every record after the first lost) and
 * the modified magic was "neither a pcap/pcapng capture nor a MIVR log" (exit 2).
 */
import { describe, expect, it } from 'vitest';
import { detectCaptureFormat } from '../../src/capture/capture-format.js';
import { firstFrameTime } from '../../src/capture/first-frame-time.js';
import { readFrames } from '../support/capture-frames.js';
import { ByteWriter, concatBytes, writePcap, type WrittenPacket } from '../support/capture-writer.js';

const SNAP = 65535;

function packets(n: number): WrittenPacket[] {
  const out: WrittenPacket[] = [];
  for (let i = 0; i < n; i++) {
    const data = new Uint8Array(40 + ((i * 53) % 200));
    for (let j = 0; j < data.length; j++) data[j] = (i * 11 + j * 3) & 0xff;
    out.push({ sec: 1_700_000_000 + i, nsec: i * 1000 * 7919, data, origLen: data.length + (i % 2) * 10 });
  }
  return out;
}

/** A variant file: `magic`, then records of a 16-byte standard header, `extra` bytes, the data. */
function variantFile(magic: number, extra: number, ps: readonly WrittenPacket[], littleEndian = true): Uint8Array {
  const w = new ByteWriter(littleEndian);
  w.u32(magic).u16(2).u16(4).u32(0).u32(0).u32(SNAP).u32(1);
  for (const p of ps) {
    w.u32(p.sec).u32(Math.floor(p.nsec / 1000)).u32(p.data.length).u32(p.origLen ?? p.data.length);
    // ifindex, protocol, pkt_type (and for 28 bytes cpu1, cpu2, padding): non-zero, to be skipped.
    const filler = [0, 0, 0, 3, 0x08, 0x00, 4, 0, 1, 2, 0, 0];
    for (let k = 0; k < extra; k++) w.u8(filler[k]);
    w.bytes(p.data);
  }
  return w.toBytes();
}

const VARIANTS = [
  { name: 'Red Hat 6.1 (standard magic, 24-byte records)', magic: 0xa1b2c3d4, extra: 8 },
  { name: 'Nokia (standard magic, 20-byte records)', magic: 0xa1b2c3d4, extra: 4 },
  { name: 'modified pcap ss991029 (0xa1b2cd34, 24-byte records)', magic: 0xa1b2cd34, extra: 8 },
  { name: 'SuSE 6.3 ss990915 (0xa1b2cd34, 28-byte records)', magic: 0xa1b2cd34, extra: 12 },
] as const;

describe('classic pcap variants with longer record headers', () => {
  it('recognises the modified magic in both byte orders', () => {
    const le = variantFile(0xa1b2cd34, 8, packets(1), true);
    const be = variantFile(0xa1b2cd34, 8, packets(1), false);
    expect(detectCaptureFormat(le)).toEqual({ format: 'pcap', littleEndian: true, timestampUnit: 'us', modified: true });
    expect(detectCaptureFormat(be)).toEqual({ format: 'pcap', littleEndian: false, timestampUnit: 'us', modified: true });
  });

  for (const v of VARIANTS) {
    for (const littleEndian of [true, false]) {
      it(`reads ${v.name}, ${littleEndian ? 'little' : 'big'}-endian, as the standard file's frames, whatever the chunking`, () => {
        const ps = packets(12);
        const standard = readFrames(writePcap(ps, { littleEndian, linkType: 1, snapLength: SNAP })).frames;
        const file = variantFile(v.magic, v.extra, ps, littleEndian);
        for (const sizes of [[1 << 20], [1], [7], [24, 5, 300], [60]]) {
          const { frames, diagnostics } = readFrames(file, sizes);
          expect(diagnostics).toEqual([]);
          expect(frames.map((f) => ({ ...f, fileOffset: 0 }))).toEqual(standard.map((f) => ({ ...f, fileOffset: 0 })));
        }
        const { frames } = readFrames(file);
        expect(frames[1].fileOffset).toBe(24 + 16 + v.extra + ps[0].data.length);
      });
    }

    it(`reads a one-packet ${v.name} file, and tells where it starts (for the merge)`, () => {
      const ps = packets(1);
      const file = variantFile(v.magic, v.extra, ps);
      const { frames, diagnostics } = readFrames(file);
      expect(diagnostics).toEqual([]);
      expect(frames.map((f) => f.bytes)).toEqual([ps[0].data]);
      expect(firstFrameTime(file, true)).toEqual({ sec: ps[0].sec, nsec: ps[0].nsec });
      expect(firstFrameTime(variantFile(v.magic, v.extra, packets(3)))).toEqual({ sec: ps[0].sec, nsec: ps[0].nsec });
    });
  }

  it('still reads a standard file whose first record is damaged as a damaged standard file', () => {
    const ps = packets(4);
    const good = writePcap(ps, { linkType: 1, snapLength: SNAP });
    const damaged = good.slice();
    damaged.set([0xff, 0xff, 0xff, 0x7f], 24 + 8); // first record's caplen
    const { frames, diagnostics } = readFrames(damaged);
    expect(diagnostics.map((d) => d.code)).toEqual(['PCAP_CAPLEN_TOO_LARGE', 'CAPTURE_RESYNCHRONISED']);
    expect(frames.map((f) => f.bytes)).toEqual(ps.slice(1).map((p) => p.data));
  });

  it('reads a variant file that ends inside its second record up to there', () => {
    const ps = packets(3);
    const file = variantFile(0xa1b2c3d4, 8, ps);
    const cut = file.subarray(0, 24 + 24 + ps[0].data.length + 24 + 5);
    const { frames, diagnostics } = readFrames(concatBytes(cut));
    expect(frames.map((f) => f.bytes)).toEqual([ps[0].data]);
    expect(diagnostics.map((d) => d.code)).toEqual(['PCAP_TRUNCATED_RECORD']);
  });
});
