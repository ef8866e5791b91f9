/**
 * What the JSON output of `decode --format ndjson` asks for, beside what V8's own (native)
 * `JSON.stringify` does with the same messages: a capture of CTI traffic becomes ~6 bytes of
 * JSON per byte, so 100 MB/s of capture means ~600 MB/s of JSON written.
 *
 * The head of the capture (BENCH_OUTPUT_SAMPLE_MB, default 8 MB, whole records) is decoded by
 * `ccxcti decode --format ndjson` into memory; the lines are parsed back into objects and
 * `JSON.stringify` is timed over them for BENCH_OUTPUT_SAMPLE_SECONDS (default 2). Its MB/s divided
 * by the JSON bytes per capture byte is the capture rate stringify alone would allow — no
 * reading, reassembly or decoding counted. (The objects are JSON.parse's, not the decoder's:
 * the figure is V8's serializer on this output, not a bound on every possible writer.)
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

export interface JsonOutputCost {
  /** Capture bytes of the head that was decoded. */
  readonly captureBytes: number;
  readonly messages: number;
  /** ndjson bytes `decode` wrote for them. */
  readonly jsonBytes: number;
  /** MB of JSON a second `JSON.stringify` writes of these messages. */
  readonly stringifyMBPerSec: number;
  /** Capture MB a second, were writing the JSON all the work. */
  readonly captureMBPerSec: number;
}

/** Byte length of a classic pcap's head: the file header and whole records up to `limit` bytes. */
function pcapHeadLength(head: Buffer): number {
  const magic = head.readUInt32LE(0);
  const little = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  const big = magic === 0xd4c3b2a1 || magic === 0x4d3cb2a1;
  if (!little && !big) return head.length; // pcapng or other: the reader reports the cut block
  let pos = 24;
  while (pos + 16 <= head.length) {
    const caplen = little ? head.readUInt32LE(pos + 8) : head.readUInt32BE(pos + 8);
    if (pos + 16 + caplen > head.length) break;
    pos += 16 + caplen;
  }
  return pos;
}

/** Copies the head of `path` (whole pcap records, about `limit` bytes) to a temporary file. */
function writeHead(path: string, limit: number): { path: string; bytes: number } {
  const buf = Buffer.allocUnsafe(limit);
  const fd = openSync(path, 'r');
  let got = 0;
  try {
    while (got < limit) {
      const n = readSync(fd, buf, got, limit - got, got);
      if (n === 0) break;
      got += n;
    }
  } finally {
    closeSync(fd);
  }
  const bytes = pcapHeadLength(buf.subarray(0, got));
  const headPath = join(tmpdir(), `ccxcti-bench-head-${process.pid}.pcap`);
  const out = openSync(headPath, 'w');
  try {
    writeSync(out, buf, 0, bytes);
  } finally {
    closeSync(out);
  }
  return { path: headPath, bytes };
}

export function measureJsonOutput(capturePath: string): JsonOutputCost {
  const limit = Math.round(Number(process.env.BENCH_OUTPUT_SAMPLE_MB ?? 8) * 1e6);
  const seconds = Number(process.env.BENCH_OUTPUT_SAMPLE_SECONDS ?? 2);
  const head = writeHead(capturePath, limit);
  try {
    const r = spawnSync(process.execPath, [MAIN, 'decode', head.path, '--format', 'ndjson'], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
    if (r.status !== 0) throw new Error(`ccxcti decode of the capture's head exited ${String(r.status)}`);
    const text = r.stdout;
    const objects: unknown[] = [];
    for (const line of text.split('\n')) if (line.length > 0) objects.push(JSON.parse(line));
    let written = 0;
    const t0 = process.hrtime.bigint();
    let elapsed = 0;
    do {
      for (const o of objects) written += JSON.stringify(o).length + 1;
      elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
    } while (elapsed < seconds);
    const jsonBytes = Buffer.byteLength(text);
    const stringifyMBPerSec = written / elapsed / 1e6;
    return {
      captureBytes: head.bytes,
      messages: objects.length,
      jsonBytes,
      stringifyMBPerSec,
      captureMBPerSec: stringifyMBPerSec / (jsonBytes / head.bytes),
    };
  } finally {
    rmSync(head.path, { force: true });
  }
}
