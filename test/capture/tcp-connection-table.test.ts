/**
 * capture/tcp-connection-table.ts: the table finds a segment's connection in either direction,
 * whatever the hashes (colliding or not, any int32, negative included) and however many
 * entries it grows to, as a plain map from the 4-tuple does; least recently used first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TcpConnectionTable, type TableEntry } from '../../src/capture/tcp-connection-table.js';
import { createTcpSegmentView, type TcpSegmentView } from '../../src/capture/tcp-segment.js';

interface Entry extends TableEntry {
  readonly key: string;
}

/** Endpoint k: address 10.0.x.y (IPv4, words 1–3 zero), port from k. */
function endpoint(k: number): { addr: number; port: number } {
  return { addr: (0x0a000000 | (k >> 4)) >>> 0, port: 1000 + (k & 15) };
}

function entry(a: number, b: number, hash: number): Entry {
  const x = endpoint(a);
  const y = endpoint(b);
  return {
    key: `${a}-${b}`,
    ipVersion: 4,
    a0: x.addr,
    a1: 0,
    a2: 0,
    a3: 0,
    b0: y.addr,
    b1: 0,
    b2: 0,
    b3: 0,
    portA: x.port,
    portB: y.port,
    hash,
    bucketNext: null,
    lruPrev: null,
    lruNext: null,
  };
}

function segment(from: number, to: number): TcpSegmentView {
  const s = createTcpSegmentView();
  const x = endpoint(from);
  const y = endpoint(to);
  s.ipVersion = 4;
  s.src0 = x.addr;
  s.srcPort = x.port;
  s.dst0 = y.addr;
  s.dstPort = y.port;
  return s;
}

/** The hash every operation uses for the pair (either order): one of few values, or spread over int32. */
function hashOf(a: number, b: number, spread: boolean): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return spread ? Math.imul(lo * 7919 + hi, 0x9e3779b1) | 0 : (lo + hi) % 5 === 0 ? -2147483648 : (lo + hi) % 3;
}

describe('TcpConnectionTable', () => {
  it('= a map from the unordered pair, over adds, removes and finds in either direction', () => {
    const op = fc.oneof(
      fc.record({ k: fc.constant('add' as const), a: fc.nat(60), b: fc.nat(60) }),
      fc.record({ k: fc.constant('remove' as const), a: fc.nat(60), b: fc.nat(60) }),
      fc.record({ k: fc.constant('find' as const), a: fc.nat(60), b: fc.nat(60) }),
      fc.record({ k: fc.constant('touch' as const), a: fc.nat(60), b: fc.nat(60) }),
    );
    fc.assert(
      fc.property(fc.boolean(), fc.array(op, { minLength: 200, maxLength: 3000, size: 'max' }), (spread, ops) => {
        const table = new TcpConnectionTable<Entry>();
        const model = new Map<string, Entry>();
        const lru: Entry[] = [];
        const pair = (a: number, b: number): string => (a <= b ? `${a}-${b}` : `${b}-${a}`);
        for (const { k, a, b } of ops) {
          if (a === b) continue;
          const key = pair(a, b);
          const present = model.get(key);
          if (k === 'add') {
            if (present !== undefined) continue; // one entry per 4-tuple, as the reassembler keeps them
            const e = entry(a, b, hashOf(a, b, spread));
            table.add(e);
            model.set(key, e);
            lru.push(e);
          } else if (k === 'remove') {
            if (present === undefined) continue;
            table.remove(present);
            model.delete(key);
            lru.splice(lru.indexOf(present), 1);
          } else if (k === 'touch') {
            if (present === undefined) continue;
            table.touch(present);
            lru.splice(lru.indexOf(present), 1);
            lru.push(present);
          } else {
            const found = table.find(segment(a, b), hashOf(a, b, spread));
            expect(found).toBe(present ?? null);
            if (found !== null) expect(table.lastDirection).toBe(found.key === `${a}-${b}` ? 0 : 1);
          }
        }
        expect(table.size).toBe(model.size);
        for (const [key, e] of model) {
          const [a, b] = key.split('-').map(Number) as [number, number];
          expect(table.find(segment(b, a), hashOf(a, b, spread))).toBe(e);
        }
        expect([...table.entries()]).toEqual(lru);
        expect(table.oldest()).toBe(lru[0] ?? null);
      }),
      { numRuns: 60 },
    );
  });

  it('finds every one of 20,000 connections (the buckets grown many times), then none once removed', () => {
    const table = new TcpConnectionTable<Entry>();
    const all: Entry[] = [];
    for (let i = 0; i < 20_000; i++) {
      const e = entry(2 * i, 2 * i + 1, hashOf(2 * i, 2 * i + 1, i % 2 === 0));
      table.add(e);
      all.push(e);
    }
    for (let i = 0; i < all.length; i++) expect(table.find(segment(2 * i + 1, 2 * i), all[i]!.hash)).toBe(all[i]);
    for (let i = 0; i < all.length; i += 2) table.remove(all[i]!);
    for (let i = 0; i < all.length; i++) expect(table.find(segment(2 * i, 2 * i + 1), all[i]!.hash)).toBe(i % 2 === 0 ? null : all[i]);
    expect(table.size).toBe(10_000);
  });
});
