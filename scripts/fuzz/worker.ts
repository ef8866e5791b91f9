/**
 * A fuzz worker (a child process of run.ts): runs inputs [from, to) of one target and reports
 * each start, end and failure to the parent, which times it out when it hangs.
 */
import { cleanUp, compileValidators, execute, type Failure } from './execute.js';
import { generate, inputSize, loadCorpus, type Target } from './inputs.js';
import { minimize } from './minimize.js';
import { ROOT } from '../schemas.js';

export interface Batch {
  readonly target: Target;
  readonly seed: number;
  readonly from: number;
  readonly to: number;
  /** Validate against the schemas and look for leaked secrets on every n-th input. */
  readonly validateEvery: number;
  /** RSS (bytes) above which an input is a memory failure. */
  readonly rssLimit: number;
  /** Signatures already found (and minimized): not minimized again. */
  readonly known: readonly string[];
}

export type WorkerMessage =
  | { readonly t: 'start'; readonly i: number; readonly size: number }
  | { readonly t: 'done'; readonly i: number; readonly ms: number; readonly size: number; readonly rss: number }
  | { readonly t: 'fail'; readonly i: number; readonly failure: Failure }
  | { readonly t: 'minimized'; readonly i: number; readonly files: ReadonlyArray<{ name: string; base64: string }>; readonly hexText?: string }
  | { readonly t: 'end' };

function send(m: WorkerMessage): Promise<void> {
  return new Promise((resolve) => process.send!(m, undefined, undefined, () => resolve()));
}

async function runBatch(batch: Batch): Promise<void> {
  const corpus = loadCorpus(ROOT);
  // The validators are compiled before the first input (seconds on a busy machine), not within its time limit.
  compileValidators();
  for (let i = batch.from; i < batch.to; i++) {
    const input = generate(corpus, batch.target, batch.seed, i);
    const size = inputSize(input);
    await send({ t: 'start', i, size });
    const started = performance.now();
    const validate = i % batch.validateEvery === 0;
    let failure = await execute(input, validate);
    const rss = process.memoryUsage().rss;
    if (failure === undefined && rss > batch.rssLimit) {
      failure = { kind: 'memory', signature: 'memory: RSS over the limit', detail: `RSS ${(rss / 2 ** 20).toFixed(0)} MiB after an input of ${size} bytes` };
    }
    const ms = performance.now() - started;
    if (failure !== undefined) {
      await send({ t: 'fail', i, failure });
      if (failure.kind !== 'memory' && !batch.known.includes(failure.signature)) {
        const signature = failure.signature;
        const small = await minimize(input, async (candidate) => (await execute(candidate, validate))?.signature === signature);
        await send({ t: 'minimized', i, files: small.files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') })), ...(small.hexText !== undefined ? { hexText: small.hexText } : {}) });
      }
      // a worker that saw a failure is not trusted further (state, memory): the parent starts a new one
      break;
    }
    await send({ t: 'done', i, ms, size, rss });
  }
  cleanUp();
  await send({ t: 'end' });
}

process.once('message', (batch: Batch) => {
  runBatch(batch).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(3);
    },
  );
});
