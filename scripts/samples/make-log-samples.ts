/**
 * Makes the MIVR log samples of samples/logs/ (see samples/README.md and log-samples.ts):
 *
 *   npx tsc -p tsconfig.json && node dist/scripts/samples/make-log-samples.js [--out samples]
 *
 * test/logs/samples.test.ts fails when the files on disk differ from what this makes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { logSampleFiles } from './log-samples.js';

let out = 'samples';
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--out') out = argv[++i] ?? out;
  else {
    process.stderr.write(`make-log-samples: unknown argument ${argv[i]}\nusage: make-log-samples.js [--out DIR]\n`);
    process.exit(2);
  }
}
for (const file of logSampleFiles()) {
  const path = join(out, file.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.content);
  console.log(`wrote ${path} (${file.content.length} ${typeof file.content === 'string' ? 'characters' : 'bytes'})`);
}
