/**
 * Writes `grammar/diagram.html` (the railroad diagram of the ICD_CTI trace grammar).
 *
 *   npx tsc -p tsconfig.json && node dist/grammar/write-diagram.js [output-file]
 *
 * Without an argument the file goes to `grammar/diagram.html` of the project that holds this
 * script (found by walking up to the nearest package.json), whether run from `dist/` or not.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DIAGRAM_FILE, generateDiagramHtml } from './diagram.js';

/** The nearest directory at or above `start` that holds a package.json. */
export function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${start}`);
    dir = up;
  }
}

/** Writes the diagram and returns the path written. */
export function writeDiagram(target?: string): string {
  const out = target ? resolve(target) : join(findProjectRoot(dirname(fileURLToPath(import.meta.url))), DIAGRAM_FILE);
  writeFileSync(out, generateDiagramHtml());
  return out;
}

const invoked = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invoked) {
  process.stdout.write(`wrote ${writeDiagram(process.argv[2])}\n`);
}
