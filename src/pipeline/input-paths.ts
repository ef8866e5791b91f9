/**
 * Input arguments → input paths: a directory stands for the files below it (recursively,
 * in name order, hidden entries left out), so `ccxcti decode logs/` reads a rotated MIVR set
 * and `ccxcti decode samples/` everything bundled.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface InputPath {
  readonly path: string;
  /** Found by walking a directory (rather than named on the command line). */
  readonly fromDirectory: boolean;
}

async function walk(dir: string, out: InputPath[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) await walk(path, out);
    else if (e.isFile()) out.push({ path, fromDirectory: true });
  }
}

/** Expands directories; `-` and files pass through. A path that does not exist reaches the caller as its error. */
export async function expandInputPaths(specs: readonly string[]): Promise<InputPath[]> {
  const out: InputPath[] = [];
  for (const spec of specs) {
    if (spec !== '-' && (await stat(spec)).isDirectory()) await walk(spec, out);
    else out.push({ path: spec, fromDirectory: false });
  }
  return out;
}
