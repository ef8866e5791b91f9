/**
 * Real ring files: `editcap -c N` cuts the bundled samples into files of N packets, named as
 * editcap names them (`<prefix>_<NNNNN>_<YYYYMMDDhhmmss>.<ext>`); decoding the directory gives
 * the messages and diagnostics of the original capture, each message attributed to its own
 * file and frame there (frame f of file k is frame k·N + f of the original). Skipped when
 * editcap (wireshark-common) is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ccxcti } from '../support/cli.js';

const hasEditcap = spawnSync('editcap', ['-v'], { encoding: 'utf8' }).status === 0;
if (!hasEditcap) console.warn('editcap-ring: editcap is not installed — skipping the ring-buffer test with real editcap files (apt-get install wireshark-common)');
const withEditcap = hasEditcap ? it : it.skip;

interface Line {
  readonly source: { file: string; frame: number };
  readonly [key: string]: unknown;
}

const lines = (text: string): Line[] =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);

const root = mkdtempSync(join(tmpdir(), 'ccxcti-editcap-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Cuts a capture with `editcap -c perFile`; returns the files in number order. */
function editcapSplit(sample: string, perFile: number, dir: string, gzip: boolean): string[] {
  const ext = sample.slice(sample.lastIndexOf('.'));
  const r = spawnSync('editcap', ['-c', String(perFile), sample, join(dir, `ring${ext}`)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`editcap failed: ${r.stderr}`);
  const names = readdirSync(dir).sort();
  expect(names.length).toBeGreaterThan(2);
  for (const name of names) expect(name).toMatch(new RegExp(`^ring_\\d{5}_\\d{14}\\${ext}$`));
  if (!gzip) return names.map((n) => join(dir, n));
  return names.map((n) => {
    const path = join(dir, n);
    writeFileSync(`${path}.gz`, gzipSync(readFileSync(path)));
    rmSync(path);
    return `${path}.gz`;
  });
}

describe('ring files written by editcap -c', () => {
  for (const sample of ['samples/cti-sessions.pcapng', 'samples/cti-sessions.pcap']) {
    for (const [perFile, gzip] of [
      [7, false],
      [40, true],
      [100, false],
    ] as const) {
      withEditcap(`${sample}, ${perFile} packets a file${gzip ? ', gzip-compressed' : ''}: the messages and diagnostics of the original, each from its own file and frame`, async () => {
        const dir = mkdtempSync(join(root, 'ring-'));
        const files = editcapSplit(sample, perFile, dir, gzip);
        const original = await ccxcti(['decode', sample, '--format', 'ndjson']);
        const ring = await ccxcti(['decode', dir, '--format', 'ndjson']);
        expect(ring.code).toBe(0);
        const want = lines(original.stdout);
        const got = lines(ring.stdout);
        expect(got.map(({ source: _, ...rest }) => rest)).toEqual(want.map(({ source: _, ...rest }) => rest));
        expect(got.map((l) => files.indexOf(l.source.file) * perFile + l.source.frame)).toEqual(want.map((l) => l.source.frame));
        // The same diagnostics, and the one saying the files were read as one.
        const diagnostics = (text: string): string[] => text.split('\n').filter((l) => l !== '' && !l.includes('CAPTURE_RING_SET'));
        expect(diagnostics(ring.stderr)).toEqual(diagnostics(original.stderr));
        expect(ring.stderr).toContain(`CAPTURE_RING_SET ${files[0]}: ${files.length} files read as one ring-buffer capture`);
        const sessions = async (input: string): Promise<unknown[]> => {
          const doc = JSON.parse((await ccxcti(['decode', input, '--format', 'json'])).stdout) as { sessions: Array<{ file: string }> };
          return doc.sessions.map(({ file: _, ...s }) => s);
        };
        expect(await sessions(dir)).toEqual(await sessions(sample));
      });
    }
  }
});
