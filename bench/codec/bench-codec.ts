/** Codec throughput: decode (and encode) over a mix of every message type. */
import { decode } from '../../src/protocol/codec/decode.js';
import { encode } from '../../src/protocol/codec/encode.js';
import { messageMix, type MixProfile } from './message-mix.js';

export interface CodecBenchResult {
  readonly messages: number;
  readonly bytes: number;
  /** Wall-clock rates. */
  readonly decodeMsgPerSec: number;
  readonly decodeMBPerSec: number;
  /** Rates per second of this process's CPU time (robust when other processes share the cores). */
  readonly decodeMsgPerCpuSec: number;
  readonly encodeMsgPerSec: number;
}

let warmedUp = false;

function warmUp(): void {
  if (warmedUp) return;
  warmedUp = true;
  const all = [...messageMix(20_000, 2, 'typical'), ...messageMix(20_000, 2, 'full')].map((b) => Buffer.from(b));
  const until = process.hrtime.bigint() + 4_000_000_000n;
  while (process.hrtime.bigint() < until) for (const b of all) decode(b);
}

export function benchCodec(profile: MixProfile, seconds = 3): CodecBenchResult {
  const corpus = messageMix(20_000, 1, profile);
  // Buffer views, as the framer hands them to the decoder.
  const views = corpus.map((b) => Buffer.from(b));
  const bytes = views.reduce((n, b) => n + b.length, 0);
  // Warm up until the JIT has compiled every decoder: a few seconds over both corpora.
  warmUp();
  let decoded = 0;
  let decodedBytes = 0;
  let sink = 0;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const deadline = t0 + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < deadline) {
    for (const b of views) sink += decode(b).diagnostics.length;
    decoded += views.length;
    decodedBytes += bytes;
  }
  const decodeNs = Number(process.hrtime.bigint() - t0);
  const cpu = process.cpuUsage(c0);
  const decodeCpuSec = (cpu.user + cpu.system) / 1e6;
  const messages = corpus.slice(0, 5000).map((b) => decode(b, { showSecrets: true }));
  let encoded = 0;
  const e0 = process.hrtime.bigint();
  const edeadline = e0 + BigInt(Math.round(1e9));
  while (process.hrtime.bigint() < edeadline) {
    for (const m of messages) sink += encode(m).length;
    encoded += messages.length;
  }
  const encodeNs = Number(process.hrtime.bigint() - e0);
  if (sink === -1) console.log(sink);
  return {
    messages: decoded,
    bytes: decodedBytes,
    decodeMsgPerSec: decoded / (decodeNs / 1e9),
    decodeMBPerSec: decodedBytes / 1e6 / (decodeNs / 1e9),
    decodeMsgPerCpuSec: decoded / decodeCpuSec,
    encodeMsgPerSec: encoded / (encodeNs / 1e9),
  };
}
