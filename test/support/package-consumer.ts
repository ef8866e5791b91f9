/**
 * Test support: the package as another project installs it — `npm pack` of the checkout, and a
 * new project that installs the tarball with `npm ci` (test/cli/package-consumer.test.ts).
 *
 * The consumer's package-lock.json is written here: the tarball, then whatever the packed
 * package.json's `dependencies` need, transitively, each entry copied from the checkout's own
 * package-lock.json (same versions and integrity). So the install needs nothing npm's cache
 * lacks after `npm ci` of the checkout (npm 11's `npm install` would fetch full packuments the
 * cache does not hold), and a dependency missing from the packed `dependencies` is missing from
 * the consumer, as it would be for a user.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `npm --version`, or null when npm cannot be run. */
export function npmVersion(): string | null {
  const r = spawnSync('npm', ['--version'], { encoding: 'utf8' });
  return r.error === undefined && r.status === 0 ? r.stdout.trim() : null;
}

/** Runs npm in `cwd`; throws with its output when it fails. */
export function npm(args: readonly string[], cwd: string): string {
  const r = spawnSync('npm', ['--no-audit', '--no-fund', '--no-update-notifier', ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error !== undefined || r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.status ?? r.error?.message}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** What `npm pack --json` says of the tarball. */
export interface PackedPackage {
  readonly filename: string;
  readonly version: string;
  readonly integrity: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: readonly { readonly path: string; readonly size: number }[];
}

/** Packs the checkout at `root` into `destination` as it is built (no lifecycle scripts: dist/ is not rebuilt). */
export function pack(root: string, destination: string): PackedPackage {
  const out = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', destination], root);
  const [packed] = JSON.parse(out) as PackedPackage[];
  if (packed === undefined) throw new Error(`npm pack printed no package: ${out}`);
  return packed;
}

interface LockEntry {
  readonly version?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly peerDependenciesMeta?: Readonly<Record<string, { readonly optional?: boolean }>>;
  readonly [key: string]: unknown;
}

/** The lock entry path (`node_modules/a/node_modules/b`) that `name`, required from `from`, resolves to, as Node looks it up. */
function resolveIn(lock: Readonly<Record<string, LockEntry>>, from: string, name: string): string | undefined {
  for (let dir = from; ; ) {
    const at = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (lock[at] !== undefined) return at;
    if (dir === '') return undefined;
    const up = dir.lastIndexOf('/node_modules/');
    dir = up < 0 ? '' : dir.slice(0, up);
  }
}

/**
 * Writes the consumer project in `dir`: a package.json depending on the tarball (which lies in
 * `dir`), and its package-lock.json. `manifest`: the package.json that was packed.
 */
export function writeConsumerProject(dir: string, root: string, packed: PackedPackage, manifest: Readonly<Record<string, unknown>>): void {
  const tarball = `file:${packed.filename}`;
  const dependencies = (manifest['dependencies'] ?? {}) as Record<string, string>;
  const repoLock = (JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> }).packages;
  const packages: Record<string, unknown> = {
    '': { name: 'consumer', version: '1.0.0', dependencies: { 'ccx-cti-analyzer': tarball } },
    'node_modules/ccx-cti-analyzer': {
      version: packed.version,
      resolved: tarball,
      integrity: packed.integrity,
      dependencies,
      bin: manifest['bin'],
      engines: manifest['engines'],
    },
  };
  const wanted: [from: string, name: string][] = Object.keys(dependencies).map((name) => ['', name]);
  for (let next = wanted.pop(); next !== undefined; next = wanted.pop()) {
    const [from, name] = next;
    const at = resolveIn(repoLock, from, name);
    if (at === undefined) throw new Error(`${name}, a dependency of ${from === '' ? 'the package' : from}, is not in package-lock.json: run npm install`);
    if (packages[at] !== undefined) continue;
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = repoLock[at]!;
    packages[at] = entry;
    const peers = Object.keys(entry.peerDependencies ?? {}).filter((p) => entry.peerDependenciesMeta?.[p]?.optional !== true);
    for (const dep of [...Object.keys(entry.dependencies ?? {}), ...peers]) wanted.push([at, dep]);
  }
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module', dependencies: { 'ccx-cti-analyzer': tarball } }, null, 2)}\n`);
  writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify({ name: 'consumer', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
}
