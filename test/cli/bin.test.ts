/**
 * The installed command: `npm install` builds dist/ (prepare), and `npx ccxcti` runs
 * dist/src/cli/main.js — which must start with a shebang and be executable, or the README's
 * first command fails with "Permission denied".
 */
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const BIN = JSON.parse(readFileSync('package.json', 'utf8')).bin.ccxcti as string;

describe.skipIf(!existsSync(BIN))('the ccxcti bin (built by npm install)', () => {
  it('is executable and starts with a shebang', () => {
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(() => accessSync(BIN, constants.X_OK)).not.toThrow();
  });

  it('runs as a program: ccxcti decode samples/', () => {
    const r = spawnSync(BIN, ['decode', 'samples/', '--format', 'ndjson'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(r.status).toBe(0);
    // The figure README's set-up gives.
    expect(r.stdout.trim().split('\n').length).toBe(818);
  });

  it('a reader that is gone before the output (`ccxcti decode --help | head -0`) ends it quietly, with the exit code the command had', async () => {
    for (const args of [['decode', '--help'], ['check', '--help'], ['messages'], ['--version']]) {
      const child = spawn(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy(); // the reading end closes before the program writes: every write is EPIPE
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      expect(stderr, args.join(' ')).toBe('');
      expect(code, args.join(' ')).toBe(0);
    }
  });
});
