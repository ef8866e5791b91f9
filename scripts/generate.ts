/**
 * `npm run generate`: writes every file generated from the message table. Tests fail when
 * a checked-in file differs from what this produces (test/generated.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GENERATED_FILES } from './generate/files.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
for (const file of await GENERATED_FILES()) {
  writeFileSync(`${root}/${file.path}`, file.content);
  console.log(`wrote ${file.path} (${file.content.length} bytes)`);
}
