/**
 * The package as another project installs it (CONTRACT.md "Package and command"): the checkout
 * packed with `npm pack`, the tarball installed into a new project with `npm ci`, a program
 * written against the public entry and the advertised subpaths
 * (test/fixtures/package-consumer/consumer.ts) compiled against the installed declarations
 * under strict settings with skipLibCheck false (NodeNext and Bundler resolution), then run,
 * and the installed `ccxcti` bin run. Packs dist/ as built (npm install builds it).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npm, npmVersion, pack, writeConsumerProject, type PackedPackage } from '../support/package-consumer.js';

const ROOT = process.cwd();
const CONSUMER_SOURCE = join(ROOT, 'test/fixtures/package-consumer/consumer.ts');
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const INPUTS = ['samples/cti-sessions.pcap', 'samples/damaged-midstream-gap.pcap', 'samples/logs/transferred'].map((p) => join(ROOT, p));

const hasNpm = npmVersion() !== null;
if (!hasNpm) console.warn('package-consumer: npm is not available (`npm --version` failed) — skipping the tests of the package as a consumer installs it');

/** What may be in the tarball: the built modules and their declarations, the JSON Schemas, the user documentation. */
const SHIPPED = /^(package\.json|README\.md|docs\/[\w-]+\.md|grammar\/(diagram\.html|README\.md)|schemas\/[\w-]+\.schema\.json|dist\/(src|grammar|schemas)\/[\w/.-]+\.(js|d\.ts))$/;

/** Module specifiers of a built .js or .d.ts file (static and dynamic imports, re-exports, type references). */
function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm)) found.push(m[1]!);
  for (const m of text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) found.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  for (const m of text.matchAll(/^\/\/\/\s*<reference\s+types="([^"]+)"/gm)) found.push(m[1]!);
  return found;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function run(command: string, args: readonly string[], cwd: string) {
  return spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
}

describe.skipIf(!hasNpm)('the package as a consumer installs it (npm pack, npm ci, a strict TypeScript program)', () => {
  let work = '';
  let packed: PackedPackage;
  let installed = '';

  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/src/index.js'))) throw new Error('dist/ is not built: run `npm run build` (npm install runs it) before this test');
    work = mkdtempSync(join(tmpdir(), 'ccxcti-consumer-'));
    packed = pack(ROOT, work);
    writeConsumerProject(work, ROOT, packed, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>);
    npm(['ci', '--prefer-offline'], work);
    installed = join(work, 'node_modules/ccx-cti-analyzer');
    copyFileSync(CONSUMER_SOURCE, join(work, 'consumer.ts'));
  }, 60_000);

  afterAll(() => {
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  it('the tarball holds the built modules, their declarations, the JSON Schemas and the docs: no tests, sources, source maps, benches or scripts', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths.filter((p) => !SHIPPED.test(p))).toEqual([]);
  });

  it('every file package.json names (bin, main, types, each exports target) is in the tarball', () => {
    const paths = packed.files.map((f) => f.path);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    const targets = (value: unknown): string[] => (typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(targets) : []);
    const named = [...targets(manifest['bin']), ...targets(manifest['main']), ...targets(manifest['types']), ...targets(manifest['exports'])];
    expect(named).toContain('./dist/src/index.d.ts');
    const missing = named.filter((target) => {
      const [before, after] = target.replace(/^\.\//, '').split('*');
      // A pattern (`./schemas/*`) must match at least one packed file.
      return !paths.some((p) => (after === undefined ? p === before : p.startsWith(before!) && p.endsWith(after) && p.length > before!.length + after.length));
    });
    expect(missing).toEqual([]);
  });

  it('every relative import of a packed module is packed, and every package one imports is among its dependencies', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    const dependencies = new Set(Object.keys(manifest.dependencies ?? {}));
    const problems: string[] = [];
    for (const file of filesUnder(join(installed, 'dist'))) {
      const declaration = file.endsWith('.d.ts');
      if (!declaration && !file.endsWith('.js')) continue;
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        const where = `${relative(installed, file)}: '${spec}'`;
        if (spec.startsWith('.')) {
          const target = join(dirname(file), declaration ? spec.replace(/\.js$/, '.d.ts') : spec);
          if (!existsSync(target)) problems.push(`${where} is not in the package`);
        } else if (spec.startsWith('node:') || spec === 'node') {
          if (declaration && !dependencies.has('@types/node')) problems.push(`${where} needs @types/node among the dependencies`);
        } else if (!dependencies.has(packageName(spec))) {
          problems.push(`${where} is not among the dependencies`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  const configs = {
    // Nothing from node_modules/@types unless the package's declarations reference it.
    NodeNext: { module: 'NodeNext', moduleResolution: 'NodeNext', types: [] },
    Bundler: { module: 'Preserve', moduleResolution: 'Bundler', exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true },
  };
  for (const [name, options] of Object.entries(configs)) {
    it(`a strict program using the library compiles against the installed declarations (${name} resolution, skipLibCheck false)`, () => {
      const config = { compilerOptions: { target: 'ES2022', lib: ['ES2022'], strict: true, skipLibCheck: false, resolveJsonModule: true, noEmit: true, ...options }, files: ['consumer.ts'] };
      writeFileSync(join(work, `tsconfig.${name}.json`), JSON.stringify(config, null, 2));
      const r = run(process.execPath, [TSC, '-p', `tsconfig.${name}.json`], work);
      expect(`${r.stdout}${r.stderr}`).toBe('');
      expect(r.status).toBe(0);
    });
  }

  it('the program runs, and what the library finds is what the installed ccxcti prints (decode, a filter, check)', () => {
    const js = ts.transpileModule(readFileSync(CONSUMER_SOURCE, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    mkdirSync(join(work, 'out'), { recursive: true });
    writeFileSync(join(work, 'out/consumer.js'), js);
    const r = run(process.execPath, ['out/consumer.js', ...INPUTS], work);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const library = JSON.parse(r.stdout) as { messages: number; openRequests: number; rules: string[]; reportRules: string[] };

    const bin = join(work, 'node_modules/.bin/ccxcti');
    const lines = (args: readonly string[]) => run(bin, [...args, '--format', 'ndjson'], work).stdout.split('\n').filter((l) => l !== '').length;
    const check = run(bin, ['check', ...INPUTS, '--format', 'json'], work);
    expect(check.status).toBe(0);
    const cliRules = (JSON.parse(check.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule);

    expect(library.messages).toBeGreaterThan(0);
    expect(library.messages).toBe(lines(['decode', ...INPUTS]));
    expect(library.openRequests).toBeGreaterThan(0);
    expect(library.openRequests).toBe(lines(['decode', ...INPUTS, '--filter', 'OPEN_REQ']));
    expect(library.rules.length).toBeGreaterThan(0);
    expect(library.rules).toEqual(cliRules);
    expect(library.reportRules).toEqual(cliRules);
  });

  it('a CommonJS program can require() the entry too (Node >= 20.19 loads ES modules so)', () => {
    const r = run(process.execPath, ['-e', "const m = require('ccx-cti-analyzer'); console.log(typeof m.decode, typeof m.openTimeline, typeof m.checkTimeline)"], work);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('function function function');
  });

  it('the installed bin runs as a program: ccxcti --version is the package version, decode prints NDJSON', () => {
    const bin = join(work, 'node_modules/.bin/ccxcti');
    const version = run(bin, ['--version'], work);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(packed.version);
    const decode = run(bin, ['decode', INPUTS[0]!, '--format', 'ndjson'], work);
    expect(decode.status).toBe(0);
    const first = JSON.parse(decode.stdout.split('\n')[0]!) as { type?: string };
    expect(first.type).toBe('OPEN_REQ');
  });
});
