import { describe, expect, it } from 'vitest';
import { detectCaptureFormat } from '../../src/capture/capture-format.js';
import { readCaptureFrames } from '../../src/capture/capture-file-reader.js';
import { readFrames } from '../support/capture-frames.js';
import { pcapFileHeader, writePcap, type WrittenPacket } from '../support/capture-writer.js';

function samplePackets(n: number): WrittenPacket[] {
  const out: WrittenPacket[] = [];
  for (let i = 0; i < n; i++) {
    const data = new Uint8Array(20 + ((i * 37) % 300));
    for (let j = 0; j < data.length; j++) data[j] = (i * 7 + j) & 0xff;
    out.push({ sec: 1_700_000_000 + i, nsec: (i * 123_456_789) % 1_000_000_000, data, origLen: data.length + (i % 3) });
  }
  return out;
}

describe('classic pcap reader', () => {
  for (const littleEndian of [true, false]) {
    for (const nanosecond of [false, true]) {
      it(`reads ${littleEndian ? 'little' : 'big'}-endian ${nanosecond ? 'nanosecond' : 'microsecond'} files`, () => {
        const packets = samplePackets(25);
        const file = writePcap(packets, { littleEndian, nanosecond, linkType: 1 });
        expect(detectCaptureFormat(file)).toEqual({ format: 'pcap', littleEndian, timestampUnit: nanosecond ? 'ns' : 'us' });
        const { frames, diagnostics } = readFrames(file);
        expect(diagnostics).toEqual([]);
        expect(frames).toHaveLength(packets.length);
        let offset = 24;
        frames.forEach((f, i) => {
          const p = packets[i];
          expect(f.frame).toBe(i + 1);
          expect(f.sec).toBe(p.sec);
          expect(f.nsec).toBe(nanosecond ? p.nsec : Math.floor(p.nsec / 1000) * 1000);
          expect(f.bytes).toEqual(p.data);
          expect(f.originalLength).toBe(p.origLen);
          expect(f.linkType).toBe(1);
          expect(f.interfaceId).toBe(0);
          expect(f.fileOffset).toBe(offset);
          expect(f.hasTimestamp).toBe(true);
          offset += 16 + p.data.length;
        });
      });
    }
  }

  it('gives the same frames whatever the chunking (records straddling chunks)', () => {
    const packets = samplePackets(40);
    const file = writePcap(packets, { littleEndian: true, linkType: 1 });
    const whole = readFrames(file).frames;
    for (const sizes of [[1], [7], [16, 3, 200], [24], [25, 1000], [4096]]) {
      const { frames, diagnostics } = readFrames(file, sizes);
      expect(diagnostics).toEqual([]);
      expect(frames).toEqual(whole);
    }
  });

  it('masks the FCS bits of the link-type field', () => {
    const packets = samplePackets(2);
    const file = writePcap(packets, { linkType: 1, linkTypeFieldExtra: 0x04000000 | (2 << 28) });
    const { frames } = readFrames(file);
    expect(frames.map((f) => f.linkType)).toEqual([1, 1]);
  });

  it('normalises a sub-second field of one second or more', () => {
    const w = writePcap([{ sec: 10, nsec: 0, data: new Uint8Array(4) }], { linkType: 1 });
    new DataView(w.buffer).setUint32(24 + 4, 2_500_000, true); // 2.5 s in microseconds
    const { frames } = readFrames(w);
    expect(frames[0]).toMatchObject({ sec: 12, nsec: 500_000_000 });
  });

  it('yields frames and diagnostics through the async iterable', async () => {
    const packets = samplePackets(3);
    const file = writePcap(packets, { linkType: 101 });
    const items = [];
    for await (const item of readCaptureFrames([file.subarray(0, 30), file.subarray(30)])) items.push(item);
    expect(items.map((i) => i.kind)).toEqual(['frame', 'frame', 'frame']);
    const first = items[0];
    if (first.kind !== 'frame') throw new Error('unreachable');
    expect(first.frame).toBe(1);
    expect(first.ts).toEqual({ sec: packets[0].sec, nsec: Math.floor(packets[0].nsec / 1000) * 1000 });
    expect(first.bytes).toEqual(packets[0].data);
    expect(first.linkType).toBe(101);
  });

  it('detects formats from content only', () => {
    expect(detectCaptureFormat(new Uint8Array(0))).toEqual({ format: 'unknown', reason: 'empty' });
    expect(detectCaptureFormat(Uint8Array.of(0xd4, 0xc3))).toEqual({ format: 'unknown', reason: 'too-short' });
    expect(detectCaptureFormat(new TextEncoder().encode('hello world!'))).toEqual({ format: 'unknown', reason: 'unrecognised-magic' });
    expect(detectCaptureFormat(pcapFileHeader({ linkType: 1, littleEndian: false, nanosecond: true }))).toEqual({
      format: 'pcap',
      littleEndian: false,
      timestampUnit: 'ns',
    });
    expect(detectCaptureFormat(Uint8Array.of(0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a))).toEqual({ format: 'pcapng', littleEndian: true });
    expect(detectCaptureFormat(Uint8Array.of(0x0a, 0x0d, 0x0d, 0x0a, 0, 0, 0, 28, 0x1a, 0x2b, 0x3c, 0x4d))).toEqual({ format: 'pcapng', littleEndian: false });
  });
});
