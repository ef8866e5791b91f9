/**
 * `npm run bench`: every benchmark of the project, printed as one report. Speed is measured
 * here, never in tests; ratios are against a reference run in the same invocation.
 */
import { benchCodec } from './codec/bench-codec.js';

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

import { loadavg } from 'node:os';

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
