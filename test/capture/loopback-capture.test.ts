/**
 * A real capture: scripts/capture/capture-loopback.mjs plays a random conversation over
 * 127.0.0.1 while dumpcap captures it; our reassembler and tshark must both give back exactly
 * the scripted bytes — also when dumpcap writes it as a ring-buffer set (`-b packets:N`), read
 * as one capture across the files. Skipped when dumpcap/tshark are missing or capturing is not
 * permitted.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectCapture, collectCaptureFiles } from '../support/capture-events.js';
import { tsharkFollowAll, tsharkVersion } from '../support/tshark.js';

const hasDumpcap = spawnSync('sh', ['-c', 'command -v dumpcap']).status === 0;
const canRun = hasDumpcap && tsharkVersion() !== null;
if (!canRun) console.warn('loopback-capture: dumpcap/tshark not installed — skipping the real-capture test (apt-get install tshark)');

interface Chunk {
  from: 'client' | 'server';
  hex: string;
  delayMs?: number;
  noDelay?: boolean;
}

function randomScript(seed: number): Chunk[] {
  let s = seed;
  const r = (): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
  const chunks: Chunk[] = [];
  for (let i = 0; i < 12; i++) {
    const n = 1 + Math.floor(r() * (i === 5 ? 100000 : 3000));
    const bytes = Buffer.alloc(n);
    for (let j = 0; j < n; j++) bytes[j] = Math.floor(r() * 256);
    chunks.push({ from: r() < 0.5 ? 'client' : 'server', hex: bytes.toString('hex'), delayMs: Math.floor(r() * 5), noDelay: r() < 0.5 });
  }
  return chunks;
}

describe.skipIf(!canRun)('real loopback capture', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccxcti-loopback-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ['pcapng', 'pcap'] as const) {
    it(`captures a scripted conversation (${format}) that we and tshark reassemble exactly`, (ctx) => {
      const chunks = randomScript(format === 'pcap' ? 7 : 8);
      const scriptPath = join(dir, `script-${format}.json`);
      const out = join(dir, `conv.${format}`);
      writeFileSync(scriptPath, JSON.stringify({ chunks }));
      const r = spawnSync(process.execPath, ['scripts/capture/capture-loopback.mjs', '--script', scriptPath, '--out', out, '-F', format], { encoding: 'utf8', timeout: 60000 });
      if (r.status !== 0 && /permission|not permitted|Operation not permitted|don't have/i.test(r.stderr)) {
        console.warn(`loopback-capture: capturing is not permitted here — skipping (${r.stderr.trim()})`);
        ctx.skip();
      }
      expect(r.status, r.stderr).toBe(0);
      const summary = JSON.parse(r.stdout) as { port: number; clientToServerBytes: number; serverToClientBytes: number };
      const expected = (from: 'client' | 'server'): string =>
        chunks
          .filter((c) => c.from === from)
          .map((c) => c.hex)
          .join('');
      expect(summary.clientToServerBytes * 2).toBe(expected('client').length);

      const result = collectCapture(new Uint8Array(readFileSync(out)), {}, [65536]);
      expect(result.violations).toEqual([]);
      expect(result.diagnostics).toEqual([]);
      expect(result.stats.format?.format).toBe(format);
      expect(result.connections).toHaveLength(1);
      const conn = result.connections[0];
      expect(conn.info).toMatchObject({ synSeen: true, initiator: 'A', b: { addr: '127.0.0.1', port: summary.port } });
      expect(Buffer.from(conn.dirs[0].data).toString('hex')).toBe(expected('client'));
      expect(Buffer.from(conn.dirs[1].data).toString('hex')).toBe(expected('server'));
      expect(conn.closeReason).toBe('fin');

      const follows = tsharkFollowAll(out);
      expect(follows).toHaveLength(1);
      expect(Buffer.from(follows[0].data[0]).toString('hex')).toBe(expected('client'));
      expect(Buffer.from(follows[0].data[1]).toString('hex')).toBe(expected('server'));
    });
  }

  it('captures into a ring-buffer set (-b packets:N): the files dumpcap names, one capture reassembled across them', (ctx) => {
    const chunks = randomScript(9).map((c) => ({ ...c, hex: c.hex.slice(0, 2000) }));
    const scriptPath = join(dir, 'script-ring.json');
    const ringDir = join(dir, 'ring');
    mkdirSync(ringDir);
    writeFileSync(scriptPath, JSON.stringify({ chunks }));
    const r = spawnSync(process.execPath, ['scripts/capture/capture-loopback.mjs', '--script', scriptPath, '--out', join(ringDir, 'conv.pcapng'), '-b', 'packets:6'], { encoding: 'utf8', timeout: 60000 });
    if (r.status !== 0 && /permission|not permitted|Operation not permitted|don't have/i.test(r.stderr)) {
      console.warn(`loopback-capture: capturing is not permitted here — skipping (${r.stderr.trim()})`);
      ctx.skip();
    }
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { files: Array<{ file: string; bytes: number }> };
    const names = readdirSync(ringDir).sort();
    expect(summary.files.map((f) => f.file)).toEqual(names.map((n) => join(ringDir, n)));
    expect(names.length).toBeGreaterThan(2);
    names.forEach((n, i) => expect(n).toMatch(new RegExp(`^conv_${String(i + 1).padStart(5, '0')}_\\d{14}\\.pcapng$`)));
    const result = collectCaptureFiles(summary.files.map((f) => new Uint8Array(readFileSync(f.file))));
    expect(result.violations).toEqual([]);
    expect(result.diagnostics).toEqual([]);
    expect(result.connections).toHaveLength(1);
    const expected = (from: 'client' | 'server'): string =>
      chunks
        .filter((c) => c.from === from)
        .map((c) => c.hex)
        .join('');
    expect(Buffer.from(result.connections[0].dirs[0].data).toString('hex')).toBe(expected('client'));
    expect(Buffer.from(result.connections[0].dirs[1].data).toString('hex')).toBe(expected('server'));
    // Run again into the same place: refused (the files would mix with the new ones).
    const again = spawnSync(process.execPath, ['scripts/capture/capture-loopback.mjs', '--script', scriptPath, '--out', join(ringDir, 'conv.pcapng'), '-b', 'packets:6'], { encoding: 'utf8', timeout: 60000 });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already holds ring files named after conv.pcapng');
  });
});
