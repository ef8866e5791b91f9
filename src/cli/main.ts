#!/usr/bin/env node
/** The `ccxcti` executable. */
import { processIo } from './io.js';
import { run } from './program.js';
import { escapeForTerminal } from '../render/escape.js';

// A reader that goes away (`ccxcti decode --help | head -1`) is a normal end: nothing more can
// be written, and the command's own exit code stands. Without a listener the EPIPE of a write
// still in flight crashed the process with a stack trace. (decode and check also see it and
// stop writing; other write errors are theirs to report.)
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE' && process.stdout.listenerCount('error') === 1) {
    process.stderr.write(`ccxcti: cannot write the output: ${escapeForTerminal(err.message)}\n`);
    process.exitCode = 2;
  }
});

process.exitCode = await run(process.argv.slice(2), processIo());
