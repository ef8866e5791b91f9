/**
 * Input arguments → input paths: a directory stands for the files below it (recursively,
 * in name order, hidden entries left out, links to files followed), so `ccxcti decode logs/`
 * reads a rotated MIVR set and `ccxcti decode samples/` everything bundled. A file reached
 * twice (named twice, named and inside a directory given, or through another path or link) is
 * read once: the later path is marked `sameAs` the first, and left out with a note.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileIdentity } from '../util/file-identity.js';

export interface InputPath {
  readonly path: string;
  /** Found by walking a directory (rather than named on the command line). */
  readonly fromDirectory: boolean;
  /** The earlier input path of the same file, when it is one (read once: as that one). */
  readonly sameAs?: string;
}

async function walk(dir: string, out: InputPath[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) await walk(path, out);
    else if (e.isFile()) out.push({ path, fromDirectory: true });
    // A link to a file is read as the file (a directory of links to collected logs); links to
    // directories are not followed (no loops). A dangling link is left out.
    else if (e.isSymbolicLink() && (await stat(path).then((t) => t.isFile(), () => false))) out.push({ path, fromDirectory: true });
  }
}

/** Expands directories; `-` and files pass through. A path that does not exist reaches the caller as its error. */
export async function expandInputPaths(specs: readonly string[]): Promise<InputPath[]> {
  const all: InputPath[] = [];
  for (const spec of specs) {
    if (spec !== '-' && (await stat(spec)).isDirectory()) await walk(spec, all);
    else all.push({ path: spec, fromDirectory: false });
  }
  // The same file twice would be decoded twice (and a ring buffer's set, with a number twice,
  // split into separate captures).
  const seen = new Map<string, string>();
  const out: InputPath[] = [];
  for (const p of all) {
    if (p.path === '-') {
      out.push(p);
      continue;
    }
    // The file itself (device and inode, links followed): a pipe (`<(…)`) is a file of its own.
    const id = fileIdentity(await stat(p.path, { bigint: true }));
    const first = id === undefined ? undefined : seen.get(id);
    if (first !== undefined) out.push({ ...p, sameAs: first });
    else {
      out.push(p);
      if (id !== undefined) seen.set(id, p.path);
    }
  }
  return out;
}
