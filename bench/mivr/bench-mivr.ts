/**
 * Benchmark of the MIVR log path: records + ICD_CTI trace parsing, and the full
 * `ccxcti decode LOGS --format ndjson` over a rotated log set.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/mivr/bench-mivr.js [--mb 200] [--files 8] [--cti 0.12] [--repeat 3] [--keep]
 *
 * Generates a set of `--files` rotated logs totalling `--mb` MB in a temp dir (names wrapped
 * around so name order is not time order; one file gzip; the set crosses a new year; `--cti`
 * of the records are ICD_CTI: 35% high-level traces, 25% low-level dumps — the messages of the
 * guide's chapter-11 flows, most logged at both levels as a server with full tracing writes
 * them — and 40% other ICD_CTI text), then reads it in fresh child processes, so the peak RSS
 * of each run is its own:
 *
 * - `records`: record splitting only (ICD_CTI records built, not parsed);
 * - `traces`: records + trace parsing (the fast scanner, chevrotain where it is unsure);
 * - `traces-ref`: records + trace parsing by the chevrotain parser alone (the reference);
 * - `decode`: `ccxcti decode --format ndjson` (run in the child, output to /dev/null): traces
 *   decoded, both levels paired, JSON written;
 *
 * on a quarter of the set and on the whole set (flat memory: both peak about equally).
 * `--repeat` runs of each (default 3): the fastest is shown. Wall-clock and CPU-time
 * throughput are both given (a shared machine slows the wall clock), with the load average.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { closeSync, openSync, writeSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Readable, Writable } from 'node:stream';
import { ctiTraceShape, parseCtiTraceTextReference } from '../../grammar/cti-trace-grammar.js';
import { run } from '../../src/cli/program.js';
import { CTI_FACILITY, mivrFileInputs, readCtiTraceBatches, readMivrLogSet } from '../../src/mivr/index.js';
import { encode } from '../../src/protocol/codec/encode.js';
import type { FieldRecord } from '../../src/protocol/codec/decode.js';
import { highLevelTrace, lowLevelDump } from '../../scripts/samples/trace-text.js';
import { buildMessage, CHAPTER_11_FLOWS } from '../../test/fixtures/flows/chapter11.js';

const MB = 1024 * 1024;

// ---- generation ------------------------------------------------------------------------------

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const OTHER = ['SS_TEL', 'SS_RM', 'SS_CM', 'ENG', 'APP_MGR', 'SS_HTTP', 'MGR_EXPR', 'LIB_MEDIA', 'SS_RMCM', 'ICD_HDM'];
const p2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const p3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/** The chapter-11 flow messages, built once; each use shifts their call IDs. */
const FLOW_MESSAGES: ReadonlyArray<{ type: string; fields: FieldRecord; fromClient: boolean; symbolic: boolean }> = CHAPTER_11_FLOWS.flatMap((flow) =>
  flow.steps.map((step) => ({ ...buildMessage(step.type, step.fields), fromClient: step.direction === 'client-to-server', symbolic: flow.id.startsWith('outbound') })),
);
const CALL_ID_FIELDS = ['CallID', 'PrimaryCallID', 'SecondaryCallID', 'NewCallID'];

class LogWriter {
  private seq = 7_000_000;
  private ms: number;
  private next = 0;
  /** Dumps of traced messages not written yet (the low level follows the high level). */
  private readonly pendingDumps: string[] = [];
  /** @param cti share of records that are ICD_CTI (35% high-level, 25% low-level, 40% other text) */
  constructor(
    private readonly r: () => number,
    private readonly cti: number,
  ) {
    this.ms = Date.UTC(2015, 11, 31, 22, 0, 0); // local EST wall clock; crosses the new year
  }

  private header(facility: string, level = 7, mnemonic = 'UNK'): string {
    this.ms += Math.floor(this.r() * 6);
    const d = new Date(this.ms);
    const t = `${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${p3(d.getUTCMilliseconds())}`;
    return `${this.seq++}: ${t} EST %MIVR-${facility}-${level}-${mnemonic}:`;
  }

  /** The next flow message (call IDs shifted so messages differ): its two traces. */
  private message(): { high: string; low: string } {
    const base = FLOW_MESSAGES[this.next % FLOW_MESSAGES.length]!;
    const shift = Math.floor(this.next / FLOW_MESSAGES.length) * 97;
    this.next++;
    const fields: FieldRecord = { ...base.fields };
    for (const f of CALL_ID_FIELDS) if (typeof fields[f] === 'number' && fields[f] !== 0xffffffff) fields[f] = ((fields[f] as number) + shift) >>> 0;
    const preamble = base.fromClient ? 'CSInboundMsgProcessor: got a request message:' : 'CSOutboundMsgProcessor: got an event message:';
    return {
      high: `\n${highLevelTrace(base.type, fields, { symbolic: base.symbolic, preamble })}\n`,
      low: `${lowLevelDump(encode({ type: base.type, fields }), base.fromClient ? 'reading...' : 'writing...')}\n`,
    };
  }

  record(): string {
    const r = this.r;
    const x = r();
    const callId = 16777000 + Math.floor(r() * 100000);
    const other = 1 - this.cti;
    if (x < other) {
      const f = OTHER[Math.floor(r() * OTHER.length)];
      if (r() < 0.03) {
        return `${this.header(f, 3, 'EXCEPTION')}com.cisco.wf.spi.WFException: unexpected state for call ${callId}\n` +
          '\tat com.cisco.wf.steps.CallStep.execute(CallStep.java:212)\n\tat com.cisco.wf.engine.Engine.run(Engine.java:98)\n' +
          '\tat com.cisco.wf.engine.Engine$Worker.run(Engine.java:1203)\n\tat java.lang.Thread.run(Thread.java:745)\n';
      }
      return `${this.header(f)}Call.received() JTAPICallContact[id=${callId},type=Cisco JTAPI Call,implId=${callId}/1,state=STATE_RECEIVED_IDX,inbound=true,App name=CCX_App,task=null,session=null,seq num=-1,cn=7000,dn=7000,cgn=2005]\n`;
    }
    if (x < other + this.cti * 0.35) {
      const m = this.message();
      if (r() < 0.25 / 0.35) this.pendingDumps.push(m.low);
      return `${this.header('ICD_CTI')}${m.high}`;
    }
    if (x < other + this.cti * 0.6) {
      return `${this.header('ICD_CTI')}${this.pendingDumps.shift() ?? this.message().low}`;
    }
    return `${this.header('ICD_CTI')}CTIServer: session 42 heartbeat received from client 10.1.1.5:50311 (agent agt2006)\n`;
  }
}

async function writeFile(path: string, w: LogWriter, bytes: number): Promise<void> {
  const out = createWriteStream(path);
  let written = 0;
  while (written < bytes) {
    const parts: string[] = [];
    let n = 0;
    while (n < MB) {
      const rec = w.record();
      parts.push(rec);
      n += rec.length;
    }
    const block = parts.join('');
    written += block.length;
    if (!out.write(block)) await new Promise<void>((res) => out.once('drain', () => res()));
  }
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
}

/** Files in time order (oldest first) with wrapped-around names; returns their paths in time order. */
async function generate(dir: string, totalMb: number, files: number, cti: number): Promise<string[]> {
  const w = new LogWriter(rng(42), cti);
  const inOrder: string[] = [];
  const per = (totalMb * MB) / files;
  for (let i = 0; i < files; i++) {
    const num = ((i + files - 3) % files) + 1; // MIVR(n-2)... oldest, MIVR01 in the middle
    const path = join(dir, `MIVR${p2(num)}.log`);
    await writeFile(path, w, per);
    if (i === 1) {
      writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 1 }));
      rmSync(path);
      inOrder.push(`${path}.gz`);
    } else {
      inOrder.push(path);
    }
  }
  return inOrder;
}

// ---- measurement -----------------------------------------------------------------------------

type Mode = 'records' | 'traces' | 'traces-ref' | 'decode';
const MODES: readonly Mode[] = ['records', 'traces', 'traces-ref', 'decode'];

interface RunResult {
  mode: Mode;
  files: number;
  diskBytes: number;
  decodedBytes: number;
  records: number;
  ctiRecords: number;
  traces: number;
  highLevel: number;
  lowLevel: number;
  /** decode: messages written. */
  messages: number;
  seconds: number;
  cpuSeconds: number;
  mbPerSec: number;
  cpuMbPerSec: number;
  peakRssMb: number;
  diagnostics: number;
}

function decodedSize(paths: readonly string[]): number {
  return paths.reduce((n, p) => n + (p.endsWith('.gz') ? gunzipSync(readFileSync(p)).length : statSync(p).size), 0);
}

/** `ccxcti decode PATHS --format ndjson > /dev/null`, in this process (lines counted on the way). */
async function measureDecode(paths: string[]): Promise<{ messages: number }> {
  const devNull = openSync('/dev/null', 'w');
  let lines = 0;
  const stdout = new Writable({
    write(chunk: Buffer | string, _encoding, callback): void {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('latin1');
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
      writeSync(devNull, text);
      callback();
    },
  });
  const stderr = new Writable({ write: (_c, _e, callback): void => callback() });
  const code = await run(['decode', ...paths, '--format', 'ndjson'], { stdout, stderr, stdin: Readable.from([]), stdoutIsTTY: false });
  closeSync(devNull);
  if (code !== 0) throw new Error(`ccxcti decode exited ${code}`);
  return { messages: lines };
}

/** Reads the files in one of the modes. */
async function measure(mode: Mode, paths: string[]): Promise<RunResult> {
  const start = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let traces = 0;
  let high = 0;
  let low = 0;
  let messages = 0;
  let stats: { bytesDecoded: number; records: number; recordsEmitted: number; diagnostics: unknown[]; diagnosticsDropped: number } | undefined;
  if (mode === 'decode') {
    messages = (await measureDecode(paths)).messages;
  } else {
    const records = readMivrLogSet(await mivrFileInputs(paths, true));
    stats = records.stats;
    if (mode === 'traces') {
      for await (const batch of readCtiTraceBatches(records)) {
        for (const t of batch) {
          traces++;
          for (const tr of t.traces) {
            if (tr.kind === 'high') high++;
            else low++;
          }
        }
      }
    } else if (mode === 'traces-ref') {
      for await (const batch of records.batches()) {
        for (const record of batch) {
          if (record.facility !== CTI_FACILITY) continue;
          const shape = ctiTraceShape(record.text);
          if (shape === undefined) continue;
          const parsed = parseCtiTraceTextReference(record.text, shape);
          if (parsed.traces.length > 0) traces++;
          for (const tr of parsed.traces) {
            if (tr.kind === 'high') high++;
            else low++;
          }
        }
      }
    } else {
      for await (const batch of records.batches()) void batch;
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const decodedBytes = stats?.bytesDecoded ?? decodedSize(paths);
  return {
    mode,
    files: paths.length,
    diskBytes: paths.reduce((n, p) => n + statSync(p).size, 0),
    decodedBytes,
    records: stats?.records ?? 0,
    ctiRecords: stats?.recordsEmitted ?? 0,
    traces,
    highLevel: high,
    lowLevel: low,
    messages,
    seconds,
    cpuSeconds,
    mbPerSec: decodedBytes / MB / seconds,
    cpuMbPerSec: decodedBytes / MB / cpuSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    diagnostics: stats ? stats.diagnostics.length + stats.diagnosticsDropped : 0,
  };
}

/** Best (fastest) of `repeat` runs, each in a fresh process; peak RSS is the largest seen. */
function runChild(mode: Mode, paths: string[], repeat: number, nodeArgs: string[] = []): RunResult {
  let best: RunResult | undefined;
  let peak = 0;
  for (let i = 0; i < repeat; i++) {
    const args = [...nodeArgs, fileURLToPath(import.meta.url), '--measure', mode, ...paths];
    const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * MB });
    if (child.status !== 0) throw new Error(`measurement failed: ${child.stderr}`);
    const r = JSON.parse(child.stdout) as RunResult;
    peak = Math.max(peak, r.peakRssMb);
    if (!best || r.seconds < best.seconds) best = r;
  }
  if (!best) throw new Error('no run');
  return { ...best, peakRssMb: peak };
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--measure') {
    const mode = MODES.find((m) => m === process.argv[3]) ?? 'traces';
    process.stdout.write(JSON.stringify(await measure(mode, process.argv.slice(4))));
    return;
  }
  const totalMb = arg('--mb', 200);
  const files = arg('--files', 8);
  const cti = arg('--cti', 0.12);
  const repeat = arg('--repeat', 3);
  const dir = mkdtempSync(join(tmpdir(), 'mivr-bench-'));
  try {
    const t0 = Date.now();
    const inOrder = await generate(dir, totalMb, files, cti);
    console.log(
      `generated ${files} files, ${totalMb} MB (${Math.round(cti * 100)}% of records ICD_CTI), in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${readdirSync(dir).sort().join(' ')}`,
    );
    const quarter = inOrder.slice(0, Math.max(1, Math.round(files / 4)));
    const q = `${Math.round(totalMb / 4)} MB`;
    const w = `${totalMb} MB`;
    const load0 = loadavg();
    const rows: Array<[string, RunResult]> = [
      [`${w} records`, runChild('records', inOrder, repeat)],
      [`${q} traces`, runChild('traces', quarter, repeat)],
      [`${w} traces`, runChild('traces', inOrder, repeat)],
      [`${w} traces-ref`, runChild('traces-ref', inOrder, repeat)],
      [`${q} decode`, runChild('decode', quarter, repeat)],
      [`${w} decode`, runChild('decode', inOrder, repeat)],
      // The same work with the old generation capped at 48 MB: it only fits if memory is flat.
      [`${w} decode heap≤48M`, runChild('decode', inOrder, 1, ['--max-old-space-size=48'])],
    ];
    const load1 = loadavg();
    console.log('best of ' + repeat + ' runs, each in a fresh process; records = splitting only; traces = + trace parsing (fast scanner); traces-ref = chevrotain only;');
    console.log('decode = ccxcti decode --format ndjson > /dev/null (traces decoded, levels paired, JSON written)');
    console.log('run                    files  decoded MB  records   ICD_CTI  traces (high/low)  messages   wall s   MB/s  cpu s  cpu MB/s  peak RSS MB');
    for (const [name, r] of rows) {
      console.log(
        `${name.padEnd(22)} ${String(r.files).padStart(5)} ${(r.decodedBytes / MB).toFixed(1).padStart(11)} ` +
          `${String(r.records).padStart(8)} ${String(r.ctiRecords).padStart(9)} ${`${r.traces} (${r.highLevel}/${r.lowLevel})`.padStart(18)} ${String(r.messages).padStart(9)} ` +
          `${r.seconds.toFixed(2).padStart(8)} ${r.mbPerSec.toFixed(1).padStart(6)} ${r.cpuSeconds.toFixed(2).padStart(6)} ${r.cpuMbPerSec.toFixed(1).padStart(9)} ${r.peakRssMb.toFixed(1).padStart(12)}`,
      );
    }
    console.log(`load average (1, 5, 15 min) before ${load0.map((l) => l.toFixed(2)).join(' ')}, after ${load1.map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}

await main();
