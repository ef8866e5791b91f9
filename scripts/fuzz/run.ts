/**
 * `npm run fuzz -- [--target capture|log|hex|all] [--seconds N] [--seed S] [--out DIR]`:
 * a coverage-free, structure-aware mutation fuzzer. Inputs are mutated seeds (samples/, the
 * test fixtures) run through the CLI's code paths by worker processes (worker.ts), one at a
 * time; an input that throws, breaks an output invariant, takes too long (the worker is killed)
 * or kills its worker is saved under DIR with what went wrong, minimized when that is cheap.
 * Exit code 1 when anything failed.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Failure } from './execute.js';
import { generate, inputSize, loadCorpus, type FuzzInput, type Target } from './inputs.js';
import { ROOT } from '../schemas.js';
import type { Batch, WorkerMessage } from './worker.js';

interface Options {
  readonly targets: readonly Target[];
  readonly seconds: number;
  readonly seed: number;
  readonly out: string;
  readonly batch: number;
}

function parseArgs(argv: readonly string[]): Options {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const target = get('--target') ?? 'all';
  if (!['capture', 'log', 'hex', 'all'].includes(target)) throw new Error(`--target must be capture, log, hex or all (not ${target})`);
  return {
    targets: target === 'all' ? ['capture', 'log', 'hex'] : [target as Target],
    seconds: Number(get('--seconds') ?? 60),
    seed: Number(get('--seed') ?? Math.floor(Math.random() * 0x7fffffff)),
    out: get('--out') ?? 'fuzz-out',
    batch: Number(get('--batch') ?? 500),
  };
}

/** How long one input may take: generous, proportional to its size (the machine is shared). */
function timeLimitMs(size: number): number {
  return 30_000 + size / 25;
}

const RSS_LIMIT = 300 * 2 ** 20;

/** Set by SIGINT / SIGTERM: the campaign ends after the running batch, with its summary. */
let stopping = false;
const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));

interface Found {
  readonly signature: string;
  readonly kind: Failure['kind'] | 'hang' | 'crash';
  count: number;
  readonly first: { target: Target; index: number; detail: string; mutations: readonly string[]; dir: string };
}

interface Stats {
  executions: number;
  ms: number;
  bytes: number;
  maxRss: number;
  slowest: { ms: number; size: number; index: number };
}

async function campaign(options: Options, log: (line: string) => void = (l) => console.log(l)): Promise<{ stats: Record<string, Stats>; found: Found[] }> {
  const corpus = loadCorpus(ROOT);
  mkdirSync(options.out, { recursive: true });
  const found = new Map<string, Found>();
  const stats: Record<string, Stats> = {};
  const next: Record<string, number> = {};
  for (const t of options.targets) {
    stats[t] = { executions: 0, ms: 0, bytes: 0, maxRss: 0, slowest: { ms: 0, size: 0, index: -1 } };
    next[t] = 0;
  }
  const started = Date.now();
  const deadline = started + options.seconds * 1000;
  log(`fuzz: seed ${options.seed}, targets ${options.targets.join(', ')}, ${options.seconds} s; seeds: ${corpus.capture.length} captures, ${corpus.log.length} logs, ${corpus.hex.length} messages`);

  const record = (target: Target, index: number, kind: Found['kind'], signature: string, detail: string, input: FuzzInput): Found => {
    let f = found.get(signature);
    if (f === undefined) {
      const dir = `${options.out}/${found.size + 1}-${kind}`;
      f = { signature, kind, count: 0, first: { target, index, detail, mutations: input.mutations, dir } };
      found.set(signature, f);
      save(dir, input, { signature, kind, target, seed: options.seed, index, mutations: input.mutations, detail });
      log(`fuzz: NEW ${signature}\n      ${target} #${index} -> ${dir}\n      ${detail.split('\n').slice(0, 6).join('\n      ')}`);
    }
    f.count++;
    return f;
  };

  const total = (): number => Object.values(stats).reduce((n, x) => n + x.executions, 0);
  const ticker = setInterval(() => log(`fuzz: ${((Date.now() - started) / 1000).toFixed(0)} s, ${total()} executions, ${found.size} distinct failures`), 60_000);
  let round = 0;
  while (Date.now() < deadline && !stopping) {
    const target = options.targets[round++ % options.targets.length]!;
    const from = next[target]!;
    const to = from + options.batch;
    const s = stats[target]!;
    const resumeAt = await runWorker(
      { target, seed: options.seed, from, to, validateEvery: 10, rssLimit: RSS_LIMIT, known: [...found.keys()] },
      deadline,
      (m) => {
        if (m.t === 'done') {
          s.executions++;
          s.ms += m.ms;
          s.bytes += m.size;
          s.maxRss = Math.max(s.maxRss, m.rss);
          if (m.ms > s.slowest.ms) s.slowest = { ms: m.ms, size: m.size, index: m.i };
        }
      },
      (i, kind, failure) => {
        s.executions++;
        const input = generate(corpus, target, options.seed, i);
        return record(target, i, kind, failure?.signature ?? `${kind}: ${target}`, failure?.detail ?? `${kind} after ${inputSize(input)} bytes`, input);
      },
    );
    next[target] = resumeAt;
  }
  clearInterval(ticker);
  const elapsed = (Date.now() - started) / 1000;
  log(`fuzz: ${elapsed.toFixed(0)} s`);
  for (const t of options.targets) {
    const s = stats[t]!;
    log(
      `  ${t}: ${s.executions} executions (${(s.executions / elapsed).toFixed(1)}/s), mean input ${(s.bytes / Math.max(1, s.executions) / 1024).toFixed(1)} KiB, max RSS ${(s.maxRss / 2 ** 20).toFixed(0)} MiB, slowest ${s.slowest.ms.toFixed(0)} ms (#${s.slowest.index}, ${s.slowest.size} bytes)`,
    );
  }
  for (const f of found.values()) log(`  ${f.count}x ${f.signature} (first: ${f.first.target} #${f.first.index}, ${f.first.dir})`);
  if (found.size === 0) log('  no failure');
  const list = [...found.values()];
  writeFileSync(`${options.out}/summary.json`, `${JSON.stringify({ seed: options.seed, seconds: elapsed, stats, found: list }, null, 2)}\n`);
  return { stats, found: list };
}

function save(dir: string, input: FuzzInput, info: object): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/info.json`, `${JSON.stringify(info, null, 2)}\n`);
  for (const f of input.files) writeFileSync(`${dir}/${f.name}`, f.bytes);
  if (input.hexText !== undefined) writeFileSync(`${dir}/hex.txt`, input.hexText);
}

/**
 * Runs one worker on a batch; resolves with the index to go on from. A worker that stops
 * reporting for longer than its input's time limit is killed (a hang); one that dies is a crash.
 */
function runWorker(
  batch: Batch,
  deadline: number,
  progress: (m: WorkerMessage) => void,
  failed: (i: number, kind: Found['kind'], failure: Failure | undefined) => Found,
): Promise<number> {
  return new Promise((resolve) => {
    const child: ChildProcess = fork(WORKER, [], { execArgv: ['--max-old-space-size=512'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let current = batch.from;
    let timer: NodeJS.Timeout | undefined;
    let ended = false;
    let failedHere: Found | undefined;
    const arm = (ms: number, what: () => void): void => {
      clearTimeout(timer);
      timer = setTimeout(what, ms);
    };
    const finish = (at: number): void => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      resolve(at);
    };
    child.on('message', (m: WorkerMessage) => {
      if (m.t === 'start') {
        current = m.i;
        arm(timeLimitMs(m.size), () => {
          failed(m.i, 'hang', { kind: 'throw', signature: `hang: ${batch.target}`, detail: `input ${m.i} (${m.size} bytes) still running after ${timeLimitMs(m.size)} ms` });
          child.kill('SIGKILL');
        });
        // the campaign's end: stop after the input running now
        if (Date.now() > deadline || stopping) child.kill('SIGTERM');
      } else if (m.t === 'done') {
        clearTimeout(timer);
        progress(m);
      } else if (m.t === 'fail') {
        failedHere = failed(m.i, m.failure.kind, m.failure);
        arm(120_000, () => child.kill('SIGKILL')); // minimization
      } else if (m.t === 'minimized') {
        const dir = `${failedHere!.first.dir}/minimized`;
        if (failedHere!.first.index === m.i) {
          save(dir, { target: batch.target, files: m.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })), ...(m.hexText !== undefined ? { hexText: m.hexText } : {}), mutations: [] }, { of: failedHere!.signature });
        }
      } else if (m.t === 'end') clearTimeout(timer);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (ended) return;
      if (code === 0) finish(failedHere !== undefined ? current + 1 : batch.to);
      else if (signal === 'SIGKILL' || signal === 'SIGTERM' || signal === 'SIGINT') finish(current + 1);
      else {
        failed(current, 'crash', { kind: 'throw', signature: `crash: worker exit ${code ?? signal}`, detail: `the worker died (exit ${code ?? ''} ${signal ?? ''}) on input ${current}` });
        finish(current + 1);
      }
    });
    child.send(batch);
  });
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (stopping = true));
  const result = await campaign(parseArgs(process.argv.slice(2)));
  process.exitCode = result.found.length > 0 ? 1 : 0;
}
