/**
 * Captures of the same traffic taken at two points and given together: their sessions are kept
 * apart (pipeline/capture/session-ids.ts), so `check` judges each once instead of taking the two
 * for one session whose every request comes twice. A capture split by time into files that are
 * not a ring buffer still continues its sessions from one file into the next under one id.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SessionIds } from '../../src/pipeline/capture/session-ids.js';
import { ccxcti } from '../support/cli.js';

const SAMPLE = 'samples/cti-sessions.pcap';
const dir = mkdtempSync(join(tmpdir(), 'ccxcti-two-points-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The records of a little-endian microsecond pcap (classic): [offset, length] each, after the 24-byte header. */
function records(pcap: Uint8Array): Array<[number, number]> {
  const view = new DataView(pcap.buffer, pcap.byteOffset, pcap.byteLength);
  expect(view.getUint32(0, true)).toBe(0xa1b2c3d4);
  const out: Array<[number, number]> = [];
  for (let at = 24; at + 16 <= pcap.length; ) {
    const length = 16 + view.getUint32(at + 8, true);
    out.push([at, length]);
    at += length;
  }
  return out;
}

/** The capture with every timestamp `us` microseconds later (another capture point's clock). */
function shifted(pcap: Uint8Array, us: number): Uint8Array {
  const copy = Uint8Array.from(pcap);
  const view = new DataView(copy.buffer);
  for (const [at] of records(copy)) {
    const total = view.getUint32(at, true) * 1e6 + view.getUint32(at + 4, true) + us;
    view.setUint32(at, Math.floor(total / 1e6), true);
    view.setUint32(at + 4, total % 1e6, true);
  }
  return copy;
}

interface Report {
  findings: unknown[];
  summary: { messages: number; sessions: number };
}
interface Decoded {
  messages: Array<{ session?: string; source: { file: string } }>;
  sessions: Array<{ id: string; file: string }>;
}

describe('captures of the same traffic at two points', () => {
  const sample = readFileSync(SAMPLE);
  const twin = join(dir, 'server-side.pcap');
  writeFileSync(twin, shifted(sample, 100));

  it('give sessions of their own (#2 for the later taken), each judged once: check finds what it finds in one', async () => {
    const one = JSON.parse((await ccxcti(['check', SAMPLE, '--format', 'json'])).stdout) as Report;
    const both = JSON.parse((await ccxcti(['check', SAMPLE, twin, '--format', 'json'])).stdout) as Report;
    expect(both.summary.messages).toBe(2 * one.summary.messages);
    expect(both.summary.sessions).toBe(2 * one.summary.sessions);
    expect(both.findings).toHaveLength(2 * one.findings.length);
    const decoded = JSON.parse((await ccxcti(['decode', SAMPLE, twin, '--format', 'json'])).stdout) as Decoded;
    const ids = decoded.sessions.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of decoded.sessions) expect(s.id.endsWith(s.file === twin ? '#2' : '#1'), `${s.id} of ${s.file}`).toBe(true);
    // Each message is in the session of its own capture.
    const fileOf = new Map(decoded.sessions.map((s) => [s.id, s.file]));
    for (const m of decoded.messages) if (m.session !== undefined) expect(fileOf.get(m.session)).toBe(m.source.file);
  });

  it('a capture split by time into two files (not a ring buffer) keeps one id per session across them', async () => {
    const recs = records(sample);
    const cut = recs[Math.floor(recs.length / 2)]![0];
    const first = join(dir, 'first-half.pcap');
    const second = join(dir, 'second-half.pcap');
    writeFileSync(first, sample.subarray(0, cut));
    writeFileSync(second, Buffer.concat([sample.subarray(0, 24), sample.subarray(cut)]));
    const whole = JSON.parse((await ccxcti(['decode', SAMPLE, '--format', 'json'])).stdout) as Decoded;
    const halves = JSON.parse((await ccxcti(['decode', first, second, '--format', 'json'])).stdout) as Decoded;
    expect(new Set(halves.sessions.map((s) => s.id))).toEqual(new Set(whole.sessions.map((s) => s.id)));
    const report = JSON.parse((await ccxcti(['check', first, second, '--format', 'json'])).stdout) as Report;
    expect(report.summary.sessions).toBe(whole.sessions.length);
  });
});

describe('SessionIds', () => {
  const t = (sec: number): { sec: number; nsec: number } => ({ sec, nsec: 0 });
  const A = {};
  const B = {};

  it("raises the instance of an id another capture's session holds over that time, and keeps the raise for the capture's later instances", () => {
    const ids = new SessionIds();
    expect(ids.claim('c-s', 1, A, t(10))).toBe('c-s#1');
    expect(ids.claim('c-s', 1, B, t(11))).toBe('c-s#2');
    ids.release('c-s#1', A, t(20));
    ids.release('c-s#2', B, t(21));
    // B's next connection between the same endpoints (its instance 2) follows its raise: never its #2 again.
    expect(ids.claim('c-s', 2, B, t(30))).toBe('c-s#3');
    // A's instance 2 at time 30: #2 was B's, closed at 21, so free.
    expect(ids.claim('c-s', 2, A, t(30))).toBe('c-s#2');
  });

  it("an id whose session closed before the time it is asked for is given again (a capture's next file by time)", () => {
    const ids = new SessionIds();
    expect(ids.claim('c-s', 1, A, t(10))).toBe('c-s#1');
    ids.release('c-s#1', A, t(20));
    expect(ids.claim('c-s', 1, B, t(20))).toBe('c-s#2'); // closed at 20: still held at 20
    expect(ids.claim('x-s', 1, A, t(10))).toBe('x-s#1');
    ids.release('x-s#1', A, t(20));
    expect(ids.claim('x-s', 1, B, t(21))).toBe('x-s#1');
  });

  it('remembers a bounded number of closed ids, never forgets an open one', () => {
    const ids = new SessionIds();
    expect(ids.claim('open', 1, A, t(0))).toBe('open#1');
    for (let i = 0; i < 70_000; i++) ids.release(ids.claim(`e${i}`, 1, A, t(i)), A, t(i));
    expect(ids.claim('open', 1, B, t(1))).toBe('open#2');
    expect(ids.claim('e0', 1, B, t(0))).toBe('e0#1'); // forgotten: given again
  });
});
