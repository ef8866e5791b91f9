/**
 * `ccxcti decode -` on a live pipe (`tcpdump -U -w - | ccxcti decode -`, `tail -f MIVR01.log |
 * ccxcti decode -`): what has come in is decoded and written out before the rest of the input
 * exists. The input is fed in two parts; the second is only written once the messages of the
 * first have come out (or the test fails after a time limit).
 */
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { ccxcti } from '../support/cli.js';

/** How long the messages of the first part may take to come out (start-up of the pipeline included). */
const WAIT_MS = 8000;

function messageLines(text: string, format: string): number {
  const lines = text.split('\n').filter((l) => l !== '');
  // A text message line starts with its index and its date.
  return format === 'ndjson' ? lines.length : lines.filter((l) => /^\s*\d+\s+\d{4}-\d\d-\d\d /.test(l)).length;
}

interface LiveRun {
  /** Message lines out before the second part was written (the first part's, if it worked). */
  readonly beforeRest: number;
  readonly stdout: string;
  readonly code: number;
}

/** Decodes `first` then `rest` through a pipe, `rest` written only after `expected` lines came out or WAIT_MS passed. */
async function live(first: Uint8Array, rest: Uint8Array, format: string, expected: number): Promise<LiveRun> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.resume();
  const exit = run(['decode', '-', '--format', format], { stdout, stderr, stdin, stdoutIsTTY: false });
  stdin.write(first);
  const lines = (): number => messageLines(Buffer.concat(out).toString('utf8'), format);
  const started = Date.now();
  while (lines() < expected && Date.now() - started < WAIT_MS) await new Promise((r) => setTimeout(r, 20));
  const beforeRest = lines();
  stdin.end(rest);
  const code = await exit;
  return { beforeRest, stdout: Buffer.concat(out).toString('utf8'), code };
}

/** The messages a prefix of the input gives when it is all there is (read to its end). */
async function messagesOfPrefix(prefix: Uint8Array): Promise<number> {
  const r = await ccxcti(['decode', '-', '--format', 'ndjson'], { stdin: prefix });
  return messageLines(r.stdout, 'ndjson');
}

describe('decode on a live pipe writes what has come in at once', () => {
  for (const [name, path, cut] of [
    ['a pcap capture', 'samples/cti-sessions.pcap', 3024],
    ['a pcapng capture', 'samples/cti-sessions.pcapng', 3500],
  ] as const) {
    for (const format of ['ndjson', 'text']) {
      it(`${name}, ${format}`, async () => {
        const bytes = readFileSync(path);
        const expected = await messagesOfPrefix(bytes.subarray(0, cut));
        expect(expected).toBeGreaterThan(3);
        const r = await live(bytes.subarray(0, cut), bytes.subarray(cut), format, expected);
        expect(r.code).toBe(0);
        expect(r.beforeRest).toBe(expected);
        // The whole input, fed in two parts, gives what it gives at once.
        const whole = await ccxcti(['decode', '-', '--format', format], { stdin: bytes });
        expect(r.stdout).toBe(whole.stdout);
      });
    }
  }

  it('a MIVR log: records complete in the first part are written before the rest comes', async () => {
    const bytes = readFileSync('samples/logs/queued-and-answered/MIVR01.log');
    const cut = 3000;
    const r = await live(bytes.subarray(0, cut), bytes.subarray(cut), 'ndjson', 1);
    expect(r.code).toBe(0);
    expect(r.beforeRest).toBeGreaterThanOrEqual(1);
    const whole = await ccxcti(['decode', '-', '--format', 'ndjson'], { stdin: bytes });
    expect(r.stdout).toBe(whole.stdout);
  });
});
