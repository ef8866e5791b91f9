/**
 * The check make-capture-samples.ts runs on the ring-buffer set it captures
 * (scripts/samples/ring-check.ts): the committed set passes; a set with an empty file, a file
 * that is only a file header, a file cut inside a packet or a file that cannot be read gets a
 * verdict naming that file and what is wrong with it (so the script captures again) — never an
 * exception. The damaged files are made in a temp dir from copies of samples/ring/.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ringSplit } from '../../scripts/samples/make-capture-samples.js';
import { checkRing, tcpPayloads } from '../../scripts/samples/ring-check.js';
import { readFrames } from '../support/capture-frames.js';

const RING = 'samples/ring';
const COMMITTED = readdirSync(RING)
  .sort()
  .map((n) => join(RING, n));
const split = ringSplit();

const root = mkdtempSync(join(tmpdir(), 'ccxcti-ring-check-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let sets = 0;
/** A copy of the committed set in a fresh directory, file `index` (0-based) replaced by `bytes` (or removed when null). */
function setWith(index: number, bytes: Uint8Array | null): string[] {
  const dir = join(root, `set-${++sets}`);
  mkdirSync(dir);
  return COMMITTED.map((f, i) => {
    const to = join(dir, basename(f));
    if (i === index) {
      if (bytes !== null) writeFileSync(to, bytes);
      return to;
    }
    copyFileSync(f, to);
    return to;
  });
}

/** A little-endian pcapng section header block with no options (28 bytes), and nothing after it. */
function sectionHeaderOnly(): Uint8Array {
  const b = Buffer.alloc(28);
  b.writeUInt32LE(0x0a0d0d0a, 0);
  b.writeUInt32LE(28, 4);
  b.writeUInt32LE(0x1a2b3c4d, 8);
  b.writeUInt16LE(1, 12);
  b.writeUInt16LE(0, 14);
  b.writeBigInt64LE(-1n, 16); // section length not given
  b.writeUInt32LE(28, 24);
  return new Uint8Array(b);
}

/** The committed file `index` cut `into` bytes into its frame `frame` (1-based; -1 for the last). */
function cutInsideFrame(index: number, frame: number, into = 20): Uint8Array {
  const bytes = new Uint8Array(readFileSync(COMMITTED[index]!));
  const { frames } = readFrames(bytes);
  const f = frame === -1 ? frames[frames.length - 1]! : frames[frame - 1]!;
  return bytes.subarray(0, f.fileOffset + into);
}

describe('checkRing on the committed ring set', () => {
  it('passes, each file read without a problem, the first ending with the first write and the second holding the second', () => {
    expect(COMMITTED).toHaveLength(5);
    expect(checkRing(COMMITTED, split)).toBeUndefined();
    for (const f of COMMITTED) expect(tcpPayloads(f).problem).toBeUndefined();
    const first = tcpPayloads(COMMITTED[0]!).payloads;
    expect(first).toHaveLength(61);
    expect(first[60]!.equals(split.first)).toBe(true);
    expect(tcpPayloads(COMMITTED[1]!).payloads[0]!.equals(split.second)).toBe(true);
  });

  it('passes from copies too (what the damaged sets below start from)', () => {
    expect(checkRing(setWith(-1, null), split)).toBeUndefined();
  });
});

describe('checkRing on a damaged set gives a verdict, never an exception', () => {
  const cases: ReadonlyArray<{ name: string; index: number; bytes: () => Uint8Array | null; verdict: RegExp }> = [
    { name: 'an empty first file', index: 0, bytes: () => new Uint8Array(0), verdict: /the capture file is empty \(CAPTURE_EMPTY_FILE/ },
    { name: 'a first file holding only a pcapng section header block', index: 0, bytes: sectionHeaderOnly, verdict: /holds no packets \(CAPTURE_NO_PACKETS/ },
    { name: 'a first file cut inside its first packet (no whole packet left)', index: 0, bytes: () => cutInsideFrame(0, 1), verdict: /ends after .*\(PCAPNG_TRUNCATED_BLOCK/ },
    { name: 'a first file cut inside its last packet (the one with the first write)', index: 0, bytes: () => cutInsideFrame(0, -1), verdict: /ends after .*\(PCAPNG_TRUNCATED_BLOCK/ },
    { name: 'a first file of 10 bytes (not a capture file)', index: 0, bytes: () => new Uint8Array(10), verdict: /\(CAPTURE_UNKNOWN_FORMAT/ },
    { name: 'a missing first file', index: 0, bytes: () => null, verdict: /cannot be read: ENOENT/ },
    { name: 'an empty second file', index: 1, bytes: () => new Uint8Array(0), verdict: /the capture file is empty \(CAPTURE_EMPTY_FILE/ },
    { name: 'a second file cut inside its first packet (the one with the second write)', index: 1, bytes: () => cutInsideFrame(1, 1), verdict: /ends after .*\(PCAPNG_TRUNCATED_BLOCK/ },
    { name: 'an empty third file (the old check never read it)', index: 2, bytes: () => new Uint8Array(0), verdict: /the capture file is empty \(CAPTURE_EMPTY_FILE/ },
    { name: 'a last file holding only a section header block', index: 4, bytes: sectionHeaderOnly, verdict: /holds no packets \(CAPTURE_NO_PACKETS/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const files = setWith(c.index, c.bytes());
      let verdict: string | undefined;
      expect(() => (verdict = checkRing(files, split))).not.toThrow();
      expect(verdict).toBeDefined();
      expect(verdict!.startsWith(`${files[c.index]!}: `)).toBe(true);
      expect(verdict).toMatch(c.verdict);
    });
  }
});

describe('tcpPayloads of a damaged file', () => {
  it('an empty file: no payloads and the reader\'s error', () => {
    const [f] = setWith(0, new Uint8Array(0));
    const r = tcpPayloads(f!);
    expect(r.payloads).toEqual([]);
    expect(r.problem).toMatch(/^the capture file is empty \(CAPTURE_EMPTY_FILE, at byte 0\)$/);
  });

  it('a file cut inside its last packet: the whole packets before it, and the truncation', () => {
    const [f] = setWith(0, cutInsideFrame(0, -1));
    const r = tcpPayloads(f!);
    expect(r.payloads).toHaveLength(60);
    expect(r.payloads.some((p) => p.equals(split.first))).toBe(false);
    expect(r.problem).toMatch(/\(PCAPNG_TRUNCATED_BLOCK, at byte \d+\)/);
  });

  it('a classic pcap with only its file header, and one cut inside a record', () => {
    const pcap = new Uint8Array(readFileSync('samples/cti-sessions.pcap'));
    writeFileSync(join(root, 'header-only.pcap'), pcap.subarray(0, 24));
    expect(tcpPayloads(join(root, 'header-only.pcap'))).toEqual({ payloads: [], problem: expect.stringMatching(/\(CAPTURE_NO_PACKETS/) as unknown });
    const { frames } = readFrames(pcap);
    writeFileSync(join(root, 'cut.pcap'), pcap.subarray(0, frames[9]!.fileOffset + 30));
    const r = tcpPayloads(join(root, 'cut.pcap'));
    expect(r.payloads).toHaveLength(9);
    expect(r.problem).toMatch(/\(PCAP_TRUNCATED_RECORD/);
  });
});
