/**
 * End-to-end speed of `ccxcti decode` on a large capture, against tshark on the same file:
 *
 *   npm run build && node dist/bench/run.js capture          (BENCH_CAPTURE_MB=1024 by default)
 *   BENCH_CAPTURE_FILE=/tmp/x.pcap node dist/bench/run.js capture   (reuse a capture; not deleted)
 *
 * Generates (streaming) a capture of realistic CTI traffic (cti-capture-generator.ts), then
 * runs, as child processes, `node dist/src/cli/main.js decode FILE --format ndjson > /dev/null`
 * and `tshark -r FILE -T fields -e frame.number > /dev/null`, each under `/usr/bin/time -v`
 * (wall time, CPU time, peak RSS). Targets: ≥ 100 MB/s, ≥ 20× tshark, peak RSS < 200 MB.
 *
 * tshark's SMPP heuristic takes CTI for SMPP (both start with a 4-byte length and a 4-byte
 * command id) and asks TCP to reassemble what it believes are PDUs: on CTI traffic tshark
 * slows down more than linearly (≈ 20 s for 10 MB, ≈ 110 s for 20 MB, ≈ 640 s for 100 MB).
 * So tshark runs under `timeout` (BENCH_TSHARK_TIMEOUT seconds, default 600; the ratio is then
 * a lower bound), and a second time with `--disable-heuristic smpp_tcp`, which is linear.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCtiCapture, type GeneratedCapture } from './cti-capture-generator.js';
import { measureJsonOutput, type JsonOutputCost } from './json-output-cost.js';

export interface ProcessRun {
  readonly ok: boolean;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly peakRssMiB: number;
  readonly stderr: string;
}

const MAIN = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

/** Runs a command under /usr/bin/time -v with stdout to /dev/null. */
export function timed(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): ProcessRun {
  const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const t0 = process.hrtime.bigint();
  const r = time
    ? spawnSync(time, ['-v', command, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env, maxBuffer: 64 << 20 })
    : spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env, maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const stderr = r.stderr ?? '';
  const field = (name: string): number => {
    const m = new RegExp(`${name}[^:]*:\\s*([0-9.:]+)`).exec(stderr);
    return m ? Number(m[1]) : NaN;
  };
  return {
    ok: r.status === 0,
    wallSeconds: wall,
    cpuSeconds: field('User time') + field('System time'),
    peakRssMiB: field('Maximum resident set size') / 1024,
    stderr,
  };
}

/** A tshark run under `timeout`: `timedOut` when it hit the limit. */
export type TsharkRun = ProcessRun & { readonly timedOut: boolean; readonly timeoutSeconds: number };

export interface CaptureBenchResult {
  readonly capture: GeneratedCapture;
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
  readonly ours: ProcessRun;
  /** The command of the brief; `timedOut` when it hit BENCH_TSHARK_TIMEOUT. */
  readonly tshark: TsharkRun | null;
  /** The same with tshark's SMPP heuristic off. */
  readonly tsharkNoSmpp: ProcessRun | null;
  /** What the JSON output asks for, and V8's JSON.stringify on it (json-output-cost.ts). */
  readonly jsonOutput: JsonOutputCost;
}

/**
 * The capture to measure: BENCH_CAPTURE_FILE when it names a file (kept), else one generated in
 * the temp dir as `name` — removed by `done()` unless KEEP_BENCH_FILE is set.
 */
export function benchCapture(sizeMiB: number, name: string): { readonly capture: GeneratedCapture; done(): void } {
  const reuse = process.env.BENCH_CAPTURE_FILE;
  if (reuse !== undefined && existsSync(reuse)) {
    return { capture: { path: reuse, bytes: statSync(reuse).size, packets: NaN, messages: NaN, payloadBytes: NaN, sessions: NaN }, done: () => undefined };
  }
  const path = join(tmpdir(), `${name}-${process.pid}.pcap`);
  const done = (): void => {
    if (process.env.KEEP_BENCH_FILE === undefined) rmSync(path, { force: true });
  };
  try {
    const t0 = process.hrtime.bigint();
    const capture = generateCtiCapture(path, { targetBytes: sizeMiB * 1024 * 1024 });
    console.log(
      `  generated ${(capture.bytes / 1e6).toFixed(0)} MB: ${capture.packets.toLocaleString('en-US')} packets, ${capture.messages.toLocaleString('en-US')} CTI messages ` +
        `(${(capture.payloadBytes / capture.messages).toFixed(0)} bytes each on average), ${capture.sessions} sessions, in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`,
    );
    return { capture, done };
  } catch (err) {
    done();
    throw err;
  }
}

/** The fastest of `runs` runs of `ccxcti decode FILE --format ndjson > /dev/null`. */
function fastestDecode(path: string, runs: number): ProcessRun {
  let ours: ProcessRun | null = null;
  for (let i = 0; i < Math.max(1, runs); i++) {
    const run = timed(process.execPath, [MAIN, 'decode', path, '--format', 'ndjson']);
    if (!run.ok) throw new Error(`ccxcti decode failed: ${run.stderr.slice(0, 2000)}`);
    if (ours === null || run.wallSeconds < ours.wallSeconds) ours = run;
  }
  return ours!;
}

/** `tshark -r FILE -T fields -e frame.number > /dev/null` under `timeout` (BENCH_TSHARK_TIMEOUT, default 600 s); null without tshark. */
function tsharkFields(path: string): TsharkRun | null {
  if (spawnSync('sh', ['-c', 'command -v tshark && command -v timeout']).status !== 0) return null;
  const timeoutSeconds = Number(process.env.BENCH_TSHARK_TIMEOUT ?? 600);
  const run = timed('timeout', [String(timeoutSeconds), 'tshark', '-r', path, '-T', 'fields', '-e', 'frame.number']);
  return { ...run, timedOut: /exit status 124/.test(run.stderr) || run.wallSeconds >= timeoutSeconds, timeoutSeconds };
}

export function benchCaptureDecode(sizeMiB: number, runs = 1): CaptureBenchResult {
  const { capture, done } = benchCapture(sizeMiB, 'ccxcti-bench-cti');
  const path = capture.path;
  try {
    const loadBefore = loadavg();
    const ours = fastestDecode(path, runs);
    const tshark = tsharkFields(path);
    const tsharkNoSmpp = tshark === null ? null : timed('tshark', ['--disable-heuristic', 'smpp_tcp', '-r', path, '-T', 'fields', '-e', 'frame.number']);
    const loadAfter = loadavg();
    return { capture, loadBefore, loadAfter, ours, tshark, tsharkNoSmpp, jsonOutput: measureJsonOutput(path) };
  } finally {
    done();
  }
}

export interface MixedBenchResult {
  readonly capture: { readonly path: string; readonly bytes: number; readonly ctiMessages: number; readonly tcpConnections: number; readonly ctiShare: number };
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
  readonly ours: ProcessRun;
  readonly tshark: TsharkRun | null;
  readonly jsonOutput: JsonOutputCost;
}

/**
 * The same measurement on a capture of ALL of a server's traffic (mixed-capture-generator.ts:
 * RTP, SIP, HTTPS/JDBC/JTAPI TCP streams, 1% CTI by default): what a support engineer gets
 * capturing without a port filter. A second scenario beside the CTI-only capture, not a
 * replacement for it: the CTI-only capture is the worst case per byte (every byte is decoded
 * and becomes ~6 bytes of JSON), this one the common case of an unfiltered capture.
 */
export async function benchMixedCaptureDecode(sizeMiB: number, runs = 1): Promise<MixedBenchResult> {
  const { generateMixedCapture } = await import('./mixed-capture-generator.js');
  const path = join(tmpdir(), `ccxcti-bench-mixed-${process.pid}.pcap`);
  try {
    const t0 = process.hrtime.bigint();
    const g = generateMixedCapture(path, { targetBytes: sizeMiB * 1024 * 1024 });
    const cti = g.bytesByKind.cti ?? 0;
    console.log(
      `  generated ${(g.bytes / 1e6).toFixed(0)} MB: ${g.packets.toLocaleString('en-US')} packets, ${g.tcpConnections.toLocaleString('en-US')} TCP connections, ${g.rtpCalls} RTP calls, ` +
        `${g.ctiMessages.toLocaleString('en-US')} CTI messages in ${g.ctiSessions} sessions (${((100 * cti) / g.bytes).toFixed(1)}% of the bytes), in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`,
    );
    const loadBefore = loadavg();
    const ours = fastestDecode(path, runs);
    const tshark = tsharkFields(path);
    const loadAfter = loadavg();
    return {
      capture: { path, bytes: g.bytes, ctiMessages: g.ctiMessages, tcpConnections: g.tcpConnections, ctiShare: cti / g.bytes },
      loadBefore,
      loadAfter,
      ours,
      tshark,
      jsonOutput: measureJsonOutput(path),
    };
  } finally {
    if (process.env.KEEP_BENCH_FILE === undefined) rmSync(path, { force: true });
  }
}
