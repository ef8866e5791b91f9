/**
 * Speed and memory of `ccxcti check` on a large capture, against `ccxcti decode` on the same
 * file (issue "Conformance": check takes at most 1.5× the time of decode, with flat memory):
 *
 *   npm run build && node dist/bench/run.js check                  (BENCH_CAPTURE_MB=1024 by default)
 *   BENCH_CAPTURE_FILE=/tmp/x.pcap node dist/bench/run.js check    (reuse a capture; not deleted)
 *
 * The capture is the capture benchmark's (bench/capture/cti-capture-generator.ts). Runs, as
 * child processes under `/usr/bin/time -v` (wall time, CPU time, peak RSS), with stdout to
 * /dev/null:
 *
 *   node dist/src/cli/main.js decode FILE --format ndjson
 *   node dist/src/cli/main.js check FILE --format json
 *
 * `check` exits 1 when it finds errors: that is a result, not a failure; exit 2 or a crash is.
 * Flatness: the same two commands on the first quarter of the capture (cut at a record
 * boundary, so the quarter is the same traffic, just less of it); memory is flat when the
 * peak RSS of the whole is not much above the quarter's.
 */
import { closeSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCapture, timed, type ProcessRun } from '../capture/bench-decode.js';
import type { GeneratedCapture } from '../capture/cti-capture-generator.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

/** A run with its exit status (from `/usr/bin/time -v`'s "Exit status"). */
export interface CommandRun extends ProcessRun {
  readonly exitStatus: number;
}

export interface CheckBenchSide {
  readonly decode: CommandRun;
  readonly check: CommandRun;
}

export interface CheckBenchResult {
  readonly capture: GeneratedCapture;
  /** The first quarter of the capture (bytes). */
  readonly quarterBytes: number;
  readonly full: CheckBenchSide;
  readonly quarter: CheckBenchSide;
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
}

function exitStatusOf(run: ProcessRun): number {
  const m = /Exit status:\s*(\d+)/.exec(run.stderr);
  if (m) return Number(m[1]);
  return run.ok ? 0 : NaN;
}

/** Runs `ccxcti <args>` (best of `runs` by wall time); `accept` tells which exit codes are results. */
function ccxcti(args: readonly string[], runs: number, accept: (code: number) => boolean): CommandRun {
  let best: CommandRun | null = null;
  for (let i = 0; i < runs; i++) {
    const r = timed(process.execPath, [MAIN, ...args]);
    const run: CommandRun = { ...r, exitStatus: exitStatusOf(r) };
    if (!accept(run.exitStatus)) throw new Error(`ccxcti ${args.join(' ')} failed (exit ${run.exitStatus}): ${run.stderr.slice(0, 2000)}`);
    if (best === null || run.wallSeconds < best.wallSeconds) best = run;
  }
  return best!;
}

function side(path: string, runs: number): CheckBenchSide {
  const decode = ccxcti(['decode', path, '--format', 'ndjson'], runs, (c) => c === 0);
  // check: 0 no error, 1 errors found (a result); 2 unreadable input / usage, 3 internal error.
  const check = ccxcti(['check', path, '--format', 'json'], runs, (c) => c === 0 || c === 1);
  return { decode, check };
}

/**
 * Copies the records of a capture (classic pcap or pcapng) to `out` up to about `limit` bytes,
 * cutting only between records. Returns the bytes written.
 */
export function capturePrefix(path: string, out: string, limit: number): number {
  const fd = openSync(path, 'r');
  const od = openSync(out, 'w');
  try {
    const head = Buffer.alloc(16);
    const readAt = (buf: Buffer, pos: number, len: number): number => readSync(fd, buf, 0, len, pos);
    if (readAt(head, 0, 4) < 4) throw new Error(`${path}: empty`);
    const magic = head.readUInt32LE(0);
    const pcapng = magic === 0x0a0d0d0a;
    let le = true;
    let pos: number;
    /** Length of the record or block at `pos` (0 at the end). */
    let recordLength: (at: number) => number;
    if (pcapng) {
      readAt(head, 0, 12);
      le = head.readUInt32LE(8) === 0x1a2b3c4d;
      pos = 0;
      recordLength = (at) => (readAt(head, at, 8) < 8 ? 0 : le ? head.readUInt32LE(4) : head.readUInt32BE(4));
    } else {
      le = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
      if (!le && magic !== 0xd4c3b2a1 && magic !== 0x4d3cb2a1) throw new Error(`${path}: neither pcap nor pcapng`);
      pos = 24;
      recordLength = (at) => (readAt(head, at, 16) < 16 ? 0 : 16 + (le ? head.readUInt32LE(8) : head.readUInt32BE(8)));
    }
    // Find the cut, then copy [0, cut) in large pieces.
    while (pos < limit) {
      const n = recordLength(pos);
      if (n <= 0) break;
      pos += n;
    }
    const cut = Math.min(pos, statSync(path).size);
    const buf = Buffer.alloc(8 << 20);
    for (let done = 0; done < cut; ) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, cut - done), done);
      if (n <= 0) break;
      writeSync(od, buf, 0, n);
      done += n;
    }
    return cut;
  } finally {
    closeSync(fd);
    closeSync(od);
  }
}

export function benchCheck(sizeMiB: number, runs = 1): CheckBenchResult {
  const { capture, done } = benchCapture(sizeMiB, 'ccxcti-bench-check');
  const path = capture.path;
  const quarterPath = join(tmpdir(), `ccxcti-bench-check-${process.pid}-quarter.pcap`);
  try {
    const quarterBytes = capturePrefix(path, quarterPath, Math.floor(capture.bytes / 4));
    const loadBefore = loadavg();
    const full = side(path, runs);
    const quarter = side(quarterPath, runs);
    return { capture, quarterBytes, full, quarter, loadBefore, loadAfter: loadavg() };
  } finally {
    rmSync(quarterPath, { force: true });
    done();
  }
}
