/** Every generated file in the repository is what `npm run generate` produces now. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILES, repositoryRoot } from '../scripts/generate/files.js';

describe('generated files are up to date (run `npm run generate` when this fails)', async () => {
  const files = await GENERATED_FILES();
  for (const file of files) {
    it(file.path, () => {
      const onDisk = readFileSync(`${repositoryRoot()}/${file.path}`, 'utf8');
      expect(onDisk === file.content, `${file.path} is stale`).toBe(true);
    });
  }
});
