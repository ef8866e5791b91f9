/**
 * Benchmark of the MIVR reader: records + ICD_CTI trace parsing over a rotated log set.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/mivr/bench-mivr.js [--mb 200] [--files 8] [--cti 0.12] [--repeat 3] [--keep]
 *
 * Generates a set of `--files` rotated logs totalling `--mb` MB in a temp dir (names wrapped
 * around so name order is not time order; one file gzip; the set crosses a new year; `--cti`
 * of the records are ICD_CTI: high-level traces, hex dumps and other ICD_CTI text), then
 * reads it in fresh child processes — a quarter of the set and the whole set, with ICD_CTI
 * parsing, and the whole set with record splitting only — so the peak RSS of each run is its
 * own (flat memory: the quarter and the whole set peak about equally). `--repeat` runs of each
 * (default 3): the fastest is shown. Wall-clock and CPU-time throughput are both given, since
 * a shared machine slows the wall clock.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { mivrFileInputs, readCtiTraces, readMivrLogSet } from '../../src/mivr/index.js';

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

class LogWriter {
  private seq = 7_000_000;
  private ms: number;
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
      return `${this.header('ICD_CTI')}CSOutboundMsgProcessor: got an event message: { length=-1 type=BEGIN_CALL_EVENT, monitorID: 0, peripheralID: 1, peripheralType: 21, numCTIClients: 0, numNamedVars: 1, numNamedArrays: 0, callType: 1, ConnectionDeviceType: 0, connectionCallID: ${callId}, calledPartyDisposition: 0, connectionDeviceID: 9026, ani2: 2006, dnis: 7000, dialedNumber: null, callerEnteredDigits: null, callVar1: null, callVar2: null, callVar3: null, callVar4: null, callVar5: null, callVar6: null, callVar7: null, callVar8: null, callVar9: null, callVar10: null, ExpandedCallContxt: <TotalBytes: 14> BAStatus: CO, BABuddyName: John,Doe, CsqID[0]: 1, wrapupData: null }\n`;
    }
    if (x < other + this.cti * 0.6) {
      return `${this.header('ICD_CTI')}writing...\nMHDR:    0000: 00 00 00 36 00 00 00 17 ...6....\nMDATA:   0000: 00 00 00 00 00 00 00 01 00 15 00 00 00 00 00 00 ................\n` +
        '0010: 00 01 00 00 01 00 01 10 00 00 08 05 32 30 30 36 ............2006\n0020: 00 0B 05 37 30 30 30 00 19 05 39 30 32 36 00 0A ...7000...9026..\n0030: 05 37 30 30 30 00 .7000.\n';
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

interface RunResult {
  mode: 'traces' | 'records';
  files: number;
  diskBytes: number;
  decodedBytes: number;
  records: number;
  ctiRecords: number;
  traces: number;
  highLevel: number;
  lowLevel: number;
  seconds: number;
  cpuSeconds: number;
  mbPerSec: number;
  cpuMbPerSec: number;
  peakRssMb: number;
  diagnostics: number;
}

/** Reads the files: records only (`records`) or records + ICD_CTI trace parsing (`traces`). */
async function measure(mode: RunResult['mode'], paths: string[]): Promise<RunResult> {
  const start = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const inputs = await mivrFileInputs(paths, true);
  const records = readMivrLogSet(inputs);
  let traces = 0;
  let high = 0;
  let low = 0;
  if (mode === 'traces') {
    for await (const t of readCtiTraces(records)) {
      traces++;
      for (const tr of t.traces) {
        if (tr.kind === 'high') high++;
        else low++;
      }
    }
  } else {
    for await (const batch of records.batches()) void batch;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const s = records.stats;
  return {
    mode,
    files: paths.length,
    diskBytes: paths.reduce((n, p) => n + statSync(p).size, 0),
    decodedBytes: s.bytesDecoded,
    records: s.records,
    ctiRecords: s.recordsEmitted,
    traces,
    highLevel: high,
    lowLevel: low,
    seconds,
    cpuSeconds,
    mbPerSec: s.bytesDecoded / MB / seconds,
    cpuMbPerSec: s.bytesDecoded / MB / cpuSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    diagnostics: s.diagnostics.length + s.diagnosticsDropped,
  };
}

/** Best (fastest) of `repeat` runs, each in a fresh process; peak RSS is the largest seen. */
function runChild(mode: RunResult['mode'], paths: string[], repeat: number, nodeArgs: string[] = []): RunResult {
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
    const mode = process.argv[3] === 'records' ? 'records' : 'traces';
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
    const rows: Array<[string, RunResult]> = [
      [`${Math.round(totalMb / 4)} MB traces`, runChild('traces', quarter, repeat)],
      [`${totalMb} MB traces`, runChild('traces', inOrder, repeat)],
      [`${totalMb} MB records`, runChild('records', inOrder, repeat)],
      // Same work with the old generation capped at 48 MB: it only fits if memory is flat.
      [`${totalMb} MB heap≤48M`, runChild('traces', inOrder, 1, ['--max-old-space-size=48'])],
    ];
    console.log(`best of ${repeat} runs, each in a fresh process; "records" = splitting only (ICD_CTI records built, not parsed)`);
    console.log('run              files  decoded MB  on disk MB  records   ICD_CTI  traces (high/low)   wall s   MB/s  cpu s  cpu MB/s  peak RSS MB');
    for (const [name, r] of rows) {
      console.log(
        `${name.padEnd(16)} ${String(r.files).padStart(5)} ${(r.decodedBytes / MB).toFixed(1).padStart(11)} ${(r.diskBytes / MB).toFixed(1).padStart(11)} ` +
          `${String(r.records).padStart(8)} ${String(r.ctiRecords).padStart(9)} ${`${r.traces} (${r.highLevel}/${r.lowLevel})`.padStart(19)} ` +
          `${r.seconds.toFixed(2).padStart(8)} ${r.mbPerSec.toFixed(1).padStart(6)} ${r.cpuSeconds.toFixed(2).padStart(6)} ${r.cpuMbPerSec.toFixed(1).padStart(9)} ${r.peakRssMb.toFixed(1).padStart(12)}`,
      );
    }
  } finally {
    if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}

await main();
