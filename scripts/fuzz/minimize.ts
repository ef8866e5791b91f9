/**
 * Cheap minimization of a failing input: whole packets (captures) or lines (logs) removed in
 * halving chunks, then bytes, keeping each removal that still fails with the same signature.
 * Bounded by a number of executions and a time budget.
 */
import { gunzipSync } from 'node:zlib';
import { captureLayout } from './capture-layout.js';
import type { FuzzInput } from './inputs.js';

type Oracle = (input: FuzzInput) => Promise<boolean>;

interface Budget {
  runs: number;
  readonly until: number;
}

function spent(b: Budget): boolean {
  return b.runs <= 0 || Date.now() > b.until;
}

/** ddmin-style removal of chunks of `units`, largest chunks first. */
async function reduce<T>(units: T[], build: (u: T[]) => FuzzInput, oracle: Oracle, budget: Budget): Promise<T[]> {
  let current = units;
  for (let chunk = Math.max(1, Math.floor(current.length / 2)); chunk >= 1 && !spent(budget); chunk = Math.floor(chunk / 2)) {
    for (let at = 0; at < current.length && !spent(budget); ) {
      const candidate = [...current.slice(0, at), ...current.slice(at + chunk)];
      budget.runs--;
      if (candidate.length > 0 && (await oracle(build(candidate)))) current = candidate;
      else at += chunk;
    }
  }
  return current;
}

function withBytes(input: FuzzInput, bytes: Uint8Array): FuzzInput {
  return { ...input, files: [{ ...input.files[0]!, bytes }] };
}

export async function minimize(input: FuzzInput, oracle: Oracle, maxRuns = 400, maxMs = 60_000): Promise<FuzzInput> {
  const budget: Budget = { runs: maxRuns, until: Date.now() + maxMs };
  if (input.hexText !== undefined) {
    const chars = await reduce([...input.hexText], (u) => ({ ...input, hexText: u.join('') }), oracle, budget);
    return { ...input, hexText: chars.join('') };
  }
  if (input.files.length !== 1) return input;
  let current = input;
  let bytes = current.files[0]!.bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      const plain = gunzipSync(bytes);
      budget.runs--;
      if (await oracle(withBytes(current, plain))) bytes = plain;
    } catch {
      // a damaged gzip stream stays as it is
    }
    current = withBytes(current, bytes);
  }
  const layout = captureLayout(bytes);
  if (layout !== undefined && layout.packets.length > 1) {
    const head = bytes.subarray(0, layout.packets[0]!.recordStart);
    const tail = bytes.subarray(layout.packets[layout.packets.length - 1]!.recordEnd);
    const packets = layout.packets.map((p) => bytes.subarray(p.recordStart, p.recordEnd));
    const build = (u: Uint8Array[]): FuzzInput => withBytes(current, Buffer.concat([head, ...u, tail]));
    const kept = await reduce(packets, build, oracle, budget);
    current = build(kept);
  } else if (layout === undefined) {
    const lines = Buffer.from(bytes).toString('latin1').split('\n');
    const build = (u: string[]): FuzzInput => withBytes(current, Buffer.from(u.join('\n'), 'latin1'));
    current = build(await reduce(lines, build, oracle, budget));
  }
  // bytes, in chunks of at least 4 (a byte at a time costs too many runs)
  const b = current.files[0]!.bytes;
  const chunks: Uint8Array[] = [];
  for (let o = 0; o < b.length; o += 4) chunks.push(b.subarray(o, o + 4));
  const build = (u: Uint8Array[]): FuzzInput => withBytes(current, Buffer.concat(u));
  return build(await reduce(chunks, build, oracle, budget));
}
