/**
 * `npm run generate`: writes every file generated from the message table and the schemas.
 * test/generated.test.ts fails when a checked-in file differs from what this produces.
 */
import { writeFileSync } from 'node:fs';
import { GENERATED_FILES, repositoryRoot } from './generate/files.js';

const root = repositoryRoot();
for (const file of await GENERATED_FILES()) {
  writeFileSync(`${root}/${file.path}`, file.content);
  console.log(`wrote ${file.path} (${file.content.length} bytes)`);
}
