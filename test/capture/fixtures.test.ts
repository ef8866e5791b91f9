import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectCapture } from '../support/capture-events.js';

const hexOf = (from: 'client' | 'server', script: { chunks: Array<{ from: string; hex: string }> }): string =>
  script.chunks
    .filter((c) => c.from === from)
    .map((c) => c.hex)
    .join('');

describe('real loopback captures (fixtures)', () => {
  it('loopback-echo.pcapng holds exactly the scripted conversation', () => {
    const script = JSON.parse(readFileSync('test/capture/fixtures/loopback-echo.json', 'utf8')) as { chunks: Array<{ from: string; hex: string }> };
    const r = collectCapture(new Uint8Array(readFileSync('test/capture/fixtures/loopback-echo.pcapng')));
    expect(r.violations).toEqual([]);
    expect(r.diagnostics).toEqual([]);
    expect(r.stats.format).toEqual({ format: 'pcapng', littleEndian: true });
    expect(r.connections).toHaveLength(1);
    const c = r.connections[0];
    expect(c.info).toMatchObject({ synSeen: true, initiator: 'A', a: { addr: '127.0.0.1' }, b: { addr: '127.0.0.1' } });
    expect(Buffer.from(c.dirs[0].data).toString('hex')).toBe(hexOf('client', script));
    expect(Buffer.from(c.dirs[1].data).toString('hex')).toBe(hexOf('server', script));
    expect(c.closeReason).toBe('fin');
  });

  it('loopback-bulk.pcap holds 70000 server bytes in large segments', () => {
    const r = collectCapture(new Uint8Array(readFileSync('test/capture/fixtures/loopback-bulk.pcap')), {}, [4096]);
    expect(r.violations).toEqual([]);
    expect(r.diagnostics).toEqual([]);
    expect(r.stats.format).toMatchObject({ format: 'pcap' });
    const c = r.connections[0];
    const expected = Uint8Array.from({ length: 70000 }, (_, i) => (i * 31 + 7) & 0xff);
    expect(Buffer.from(c.dirs[0].data).toString()).toBe('\0thanks');
    expect(Buffer.from(Uint8Array.from(c.dirs[1].data)).equals(Buffer.from(expected))).toBe(true);
    expect(c.closeReason).toBe('fin');
  });
});
