/**
 * `npm run bench`: every benchmark of the project, printed as one report. Speed is measured
 * here, never in tests; ratios are against a reference run in the same invocation.
 */
import { benchCodec } from './codec/bench-codec.js';

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

import { loadavg } from 'node:os';
import type { JsonOutputCost } from './capture/json-output-cost.js';

/** What the output asks for at the target, against V8's own serializer (bench/capture/json-output-cost.ts). */
function outputLine(c: JsonOutputCost, decodeMBPerSec: number): string {
  const perByte = c.jsonBytes / c.captureBytes;
  return (
    `  output  ${fmt(perByte, 2)} bytes of ndjson per capture byte (the first ${fmt(c.captureBytes / 1e6, 1)} MB: ${fmt(c.messages)} messages, ${fmt(c.jsonBytes / 1e6, 1)} MB): ` +
    `decode wrote ${fmt(decodeMBPerSec * perByte, 0)} MB/s of JSON, 100 MB/s would need ${fmt(100 * perByte, 0)}; ` +
    `V8's native JSON.stringify writes ${fmt(c.stringifyMBPerSec, 0)} MB/s of these messages (alone: ${fmt(c.captureMBPerSec, 1)} MB/s of capture)`
  );
}

const only = process.argv.slice(2);
console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (2 cores; figures are wall-clock unless said)`);
const wants = (name: string): boolean => only.length === 0 || only.includes(name);

if (wants('codec')) {
  console.log('codec: decode of a mix of all 91 message types and every layout (20,000 distinct valid messages, seeded)');
  for (const profile of ['typical', 'full'] as const) {
    const r = benchCodec(profile, Number(process.env.BENCH_SECONDS ?? 3));
    console.log(
      `  ${profile.padEnd(7)} decode ${fmt(r.decodeMsgPerSec)} messages/s (${fmt(r.decodeMsgPerCpuSec)} per CPU-second), ${fmt(r.decodeMBPerSec, 1)} MB/s; ` +
        `encode ${fmt(r.encodeMsgPerSec)} messages/s (${fmt(r.bytes / r.messages, 1)} bytes per message on average)`,
    );
  }
}

if (wants('capture')) {
  const { benchCaptureDecode } = await import('./capture/bench-decode.js');
  const sizeMiB = Number(process.env.BENCH_CAPTURE_MB ?? 1024);
  console.log(`capture: ccxcti decode --format ndjson of a ${sizeMiB} MiB capture of CTI traffic (child process), against tshark -T fields -e frame.number`);
  const r = benchCaptureDecode(sizeMiB, Number(process.env.BENCH_RUNS ?? 1));
  const mb = r.capture.bytes / 1e6;
  const o = r.ours;
  console.log(
    `  ccxcti  ${fmt(o.wallSeconds, 1)} s wall (${fmt(o.cpuSeconds, 1)} s CPU): ${fmt(mb / o.wallSeconds, 1)} MB/s` +
      (Number.isNaN(r.capture.messages) ? '' : `, ${fmt(r.capture.messages / o.wallSeconds)} messages/s`) +
      `; peak RSS ${fmt(o.peakRssMiB)} MiB`,
  );
  if (r.tshark) {
    const t = r.tshark;
    const bound = t.timedOut ? '> ' : '';
    console.log(
      `  tshark  ${bound}${fmt(t.wallSeconds, 1)} s wall${t.timedOut ? ` (stopped by timeout ${t.timeoutSeconds} s)` : ` (${fmt(t.cpuSeconds, 1)} s CPU)`}: ` +
        `${t.timedOut ? '< ' : ''}${fmt(mb / t.wallSeconds, 2)} MB/s; peak RSS ${fmt(t.peakRssMiB)} MiB`,
    );
    console.log(`  ratio   ${bound}${fmt(t.wallSeconds / o.wallSeconds, 1)}× tshark (wall)${t.timedOut ? '' : `, ${fmt(t.cpuSeconds / o.cpuSeconds, 1)}× (CPU)`}`);
    const n = r.tsharkNoSmpp;
    if (n) {
      console.log(`  tshark --disable-heuristic smpp_tcp  ${fmt(n.wallSeconds, 1)} s wall (${fmt(n.cpuSeconds, 1)} s CPU): ${fmt(mb / n.wallSeconds, 1)} MB/s; peak RSS ${fmt(n.peakRssMiB)} MiB`);
      console.log(`  ratio   ${fmt(n.wallSeconds / o.wallSeconds, 1)}× tshark without its SMPP heuristic (wall), ${fmt(n.cpuSeconds / o.cpuSeconds, 1)}× (CPU)`);
    }
  } else console.log('  tshark  not installed: no ratio');
  console.log(outputLine(r.jsonOutput, mb / o.wallSeconds));
  console.log(`  targets ≥ 100 MB/s, ≥ 20× tshark, peak RSS < 200 MB; load average before ${r.loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${r.loadAfter.map((l) => l.toFixed(2)).join(' ')}`);
}

if (wants('capture-mixed')) {
  const { benchMixedCaptureDecode } = await import('./capture/bench-decode.js');
  const sizeMiB = Number(process.env.BENCH_MIXED_MB ?? 500);
  console.log(`capture-mixed: ccxcti decode --format ndjson of a ${sizeMiB} MiB capture of all of a server's traffic (RTP, SIP, TCP streams; CTI ~1%), against tshark -T fields -e frame.number`);
  const r = await benchMixedCaptureDecode(sizeMiB, Number(process.env.BENCH_RUNS ?? 1));
  const mb = r.capture.bytes / 1e6;
  const o = r.ours;
  console.log(`  ccxcti  ${fmt(o.wallSeconds, 1)} s wall (${fmt(o.cpuSeconds, 1)} s CPU): ${fmt(mb / o.wallSeconds, 1)} MB/s, ${fmt(r.capture.ctiMessages / o.wallSeconds)} CTI messages/s; peak RSS ${fmt(o.peakRssMiB)} MiB`);
  if (r.tshark) {
    const t = r.tshark;
    const bound = t.timedOut ? '> ' : '';
    console.log(`  tshark  ${bound}${fmt(t.wallSeconds, 1)} s wall${t.timedOut ? ` (stopped by timeout ${t.timeoutSeconds} s)` : ` (${fmt(t.cpuSeconds, 1)} s CPU)`}: ${t.timedOut ? '< ' : ''}${fmt(mb / t.wallSeconds, 2)} MB/s; peak RSS ${fmt(t.peakRssMiB)} MiB`);
    console.log(`  ratio   ${bound}${fmt(t.wallSeconds / o.wallSeconds, 1)}× tshark (wall)${t.timedOut ? '' : `, ${fmt(t.cpuSeconds / o.cpuSeconds, 1)}× (CPU)`}`);
  } else console.log('  tshark  not installed: no ratio');
  console.log(outputLine(r.jsonOutput, mb / o.wallSeconds));
  console.log('  (a second scenario, not the headline: the CTI-only capture above is the worst case per byte, this one an unfiltered capture)');
  console.log(`  load average before ${r.loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${r.loadAfter.map((l) => l.toFixed(2)).join(' ')}`);
}

if (wants('check')) {
  const { benchCheck } = await import('./check/bench-check.js');
  const sizeMiB = Number(process.env.BENCH_CAPTURE_MB ?? 1024);
  console.log(`check: ccxcti check --format json against ccxcti decode --format ndjson on the same ${sizeMiB} MiB capture (child processes; the capture section's traffic)`);
  const r = benchCheck(sizeMiB, Number(process.env.BENCH_RUNS ?? 1));
  const line = (name: string, run: { wallSeconds: number; cpuSeconds: number; peakRssMiB: number; exitStatus: number }, bytes: number): string =>
    `  ${name.padEnd(15)} ${fmt(run.wallSeconds, 1)} s wall (${fmt(run.cpuSeconds, 1)} s CPU): ${fmt(bytes / 1e6 / run.wallSeconds, 1)} MB/s; peak RSS ${fmt(run.peakRssMiB)} MiB; exit ${run.exitStatus}`;
  const { full, quarter } = r;
  console.log(line('decode', full.decode, r.capture.bytes));
  console.log(line('check', full.check, r.capture.bytes));
  const wallRatio = full.check.wallSeconds / full.decode.wallSeconds;
  const cpuRatio = full.check.cpuSeconds / full.decode.cpuSeconds;
  console.log(`  ratio           check/decode ${fmt(wallRatio, 2)}× (wall), ${fmt(cpuRatio, 2)}× (CPU); target ≤ 1.5×: ${wallRatio <= 1.5 ? 'met' : 'NOT met'}`);
  console.log(`  first quarter (${fmt(r.quarterBytes / 1e6)} MB):`);
  console.log(line('decode ¼', quarter.decode, r.quarterBytes));
  console.log(line('check ¼', quarter.check, r.quarterBytes));
  const flat = full.check.peakRssMiB / quarter.check.peakRssMiB;
  console.log(
    `  memory          check peak RSS ${fmt(full.check.peakRssMiB)} MiB on the whole vs ${fmt(quarter.check.peakRssMiB)} MiB on a quarter: ${fmt(flat, 2)}× for 4× the input ` +
      `(decode ${fmt(full.decode.peakRssMiB / quarter.decode.peakRssMiB, 2)}×); flat (≤ 1.25×): ${flat <= 1.25 ? 'yes' : 'NO'}`,
  );
  console.log(`  load average before ${r.loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${r.loadAfter.map((l) => l.toFixed(2)).join(' ')}`);
}

if (wants('logs')) {
  const { benchLogs, logBenchLines } = await import('./mivr/bench-mivr.js');
  const mb = Number(process.env.BENCH_LOGS_MB ?? 200);
  console.log(
    `logs: a generated rotated set of 8 MIVR logs, ${mb} MiB (12% of records ICD_CTI: chapter-11 messages, 4 dumps in 5 right after their high-level trace; one file gzip), ` +
      'read stage by stage in child processes, then ccxcti decode --format ndjson > /dev/null (child process, start-up included)',
  );
  const r = await benchLogs({ mb, files: 8, cti: 0.12, repeat: Number(process.env.BENCH_RUNS ?? 1), decodeRuns: Number(process.env.BENCH_DECODE_RUNS ?? 5) });
  for (const line of logBenchLines(r)) console.log(line);
}
