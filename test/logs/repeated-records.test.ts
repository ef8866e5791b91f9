/**
 * MIVR logs whose records are given twice (docs/test-gaps.md, "The same records twice"): the
 * rotated files with their concatenation, the same server's logs collected into two
 * directories, a file and its gzip copy — each message decoded once, the skipped records said
 * (MIVR_DUPLICATE_RECORDS on stderr, LOG-RECORDS-REPEATED in check's report), no finding from the
 * copies; two servers' logs that only look alike all kept.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { TimelineMessage } from '../../src/timeline/types.js';
import { ccxcti } from '../support/cli.js';
import { endCall, header, logTimeline, type LogFile } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'ccxcti-repeated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes files under `dir/<sub>/`; returns that directory. */
function folder(sub: string, files: Record<string, string | Uint8Array>): string {
  const d = join(dir, sub);
  mkdirSync(d, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(d, name), content);
  return d;
}

const TRANSFERRED = readFileSync('samples/logs/transferred/MIVR01.log', 'latin1');

/** The log cut into `n` files at record headers, each with about as many records. */
function rotate(log: string, n: number): string[] {
  const lines = log.split(/(?<=\n)/);
  const starts = lines.flatMap((l, i) => (/^\d+: [A-Z][a-z]{2} /.test(l) ? [i] : []));
  const cuts = [0, ...Array.from({ length: n - 1 }, (_, k) => starts[Math.round(((k + 1) * starts.length) / n)]!), lines.length];
  return cuts.slice(0, -1).map((c, k) => lines.slice(c, cuts[k + 1]).join(''));
}

interface Decoded {
  readonly code: number;
  readonly messages: Array<{ ts: string; type: string; direction: string; fields: unknown; source: { file: string } }>;
  readonly stderr: string;
}

async function decode(...inputs: string[]): Promise<Decoded> {
  const r = await ccxcti(['decode', ...inputs, '--format', 'ndjson', '--year', '2015']);
  const messages = r.stdout
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Decoded['messages'][number]);
  return { code: r.code, messages, stderr: r.stderr };
}

/** What a message says, wherever it was read. */
const said = (m: Decoded['messages'][number]) => JSON.stringify([m.ts, m.type, m.direction, m.fields]);

async function findings(...inputs: string[]): Promise<Array<{ rule: string; message: string }>> {
  const r = await ccxcti(['check', ...inputs, '--format', 'json', '--year', '2015']);
  return (JSON.parse(r.stdout) as { findings: Array<{ rule: string; message: string }> }).findings;
}

const stderrCodes = (stderr: string, code: string) => stderr.split('\n').filter((l) => l.includes(` ${code} `));

describe('the rotated files and their concatenation in one directory', () => {
  const parts = rotate(TRANSFERRED, 3);
  const rotated = folder('rotated', { 'MIVR01.log': parts[0]!, 'MIVR02.log': parts[1]!, 'MIVR03.log': parts[2]! });
  const withAll = folder('with-all', { 'MIVR01.log': parts[0]!, 'MIVR02.log': parts[1]!, 'MIVR03.log': parts[2]!, 'all.log': parts.join('') });

  it('decode: each message once, as from the rotated files alone; one MIVR_DUPLICATE_RECORDS note, no overlap', async () => {
    expect(parts.join('')).toBe(TRANSFERRED);
    const alone = await decode(rotated);
    const both = await decode(withAll);
    expect(alone.messages.length).toBeGreaterThan(10);
    expect(both.messages.map(said)).toEqual(alone.messages.map(said));
    expect(both.messages.map((m) => m.source.file.replace(withAll, rotated))).toEqual(alone.messages.map((m) => m.source.file));
    const notes = stderrCodes(both.stderr, 'MIVR_DUPLICATE_RECORDS');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(`${join(withAll, 'all.log')}:`);
    expect(notes[0]).toContain(`already read from ${join(withAll, 'MIVR01.log')}, ${join(withAll, 'MIVR02.log')} and ${join(withAll, 'MIVR03.log')}`);
    expect(notes[0]).toMatch(/\(lines \d+–\d+\)/);
    expect(both.stderr).not.toContain('MIVR_SET_OVERLAP');
    expect(both.stderr).toMatch(/LOG_SUMMARY .*4 log files, \d+ records \(\d+ ICD_CTI, \d+ of them read before and skipped\)/);
  });

  it('check: the findings of the rotated files alone, and one LOG-RECORDS-REPEATED info saying what was skipped', async () => {
    const alone = await findings(rotated);
    const both = await findings(withAll);
    const repeated = both.filter((f) => f.rule === 'LOG-RECORDS-REPEATED');
    expect(repeated).toEqual([expect.objectContaining({ severity: 'info', message: expect.stringMatching(/^\d+ records repeat records already read from /) })]);
    const rest = both.filter((f) => f.rule !== 'LOG-RECORDS-REPEATED').map((f) => [f.rule, f.message.replaceAll(withAll, rotated)]);
    expect(rest).toEqual(alone.map((f) => [f.rule, f.message]));
    // The copies made the agent's states repeat: a false AGENT-STATE-TRANSITION before.
    expect(both.map((f) => f.rule)).not.toContain('AGENT-STATE-TRANSITION');
  });
});

describe('the same server collected twice', () => {
  const parts = rotate(TRANSFERRED, 4);
  const alone = folder('server', Object.fromEntries(parts.map((p, i) => [`MIVR0${i + 1}.log`, p])));
  // dir1: MIVR01–MIVR03; dir2: MIVR02–MIVR04, the last still being written when dir1 was taken (cut short there).
  const dir1 = folder('dir1', { 'MIVR01.log': parts[0]!, 'MIVR02.log': parts[1]!, 'MIVR03.log': rotate(parts[2]!, 2)[0]! });
  const dir2 = folder('dir2', { 'MIVR02.log': parts[1]!, 'MIVR03.log': parts[2]!, 'MIVR04.log': parts[3]! });

  it('two directories sharing files: each message once, one set (one summary), a note per file repeated', async () => {
    const once = await decode(alone);
    const twice = await decode(dir1, dir2);
    expect(twice.messages.map(said)).toEqual(once.messages.map(said));
    expect(stderrCodes(twice.stderr, 'LOG_SUMMARY')).toHaveLength(1);
    const notes = stderrCodes(twice.stderr, 'MIVR_DUPLICATE_RECORDS');
    expect(notes.map((l) => /(dir[12]\/MIVR0\d\.log):/.exec(l)?.[1])).toEqual(['dir2/MIVR02.log', 'dir2/MIVR03.log']);
    expect(twice.stderr).not.toContain('MIVR_SET_OVERLAP');
    // Given the other way round, the same messages.
    expect((await decode(dir2, dir1)).messages.map(said)).toEqual(once.messages.map(said));
  });

  it('a file and its gzip copy in one directory are the same records', async () => {
    const d = folder('gzip-copy', { 'MIVR07.log': TRANSFERRED, 'MIVR07.log.gz': gzipSync(Buffer.from(TRANSFERRED, 'latin1')) });
    const once = await decode(join(dir, 'server'));
    const r = await decode(d);
    expect(r.messages.map(said)).toEqual(once.messages.map(said));
    expect(r.messages.every((m) => m.source.file.endsWith('MIVR07.log'))).toBe(true);
    expect(stderrCodes(r.stderr, 'MIVR_DUPLICATE_RECORDS')).toEqual([expect.stringContaining('MIVR07.log.gz:')]);
  });
});

describe('two servers with the same traffic at the same times, their own sequence numbers', () => {
  /** The log as another server wrote it: every sequence number its own. */
  const otherServer = TRANSFERRED.replace(/^(\d+): /gm, (_, n: string) => `${Number(n) + 5_000_000}: `);

  it("are two servers: every message of both kept, in time order, beside server one's logs given twice", async () => {
    const one = folder('node1', { 'MIVR01.log': TRANSFERRED });
    const oneAgain = folder('node1-again', { 'MIVR01.log': TRANSFERRED });
    const two = folder('node2', { 'MIVR01.log': otherServer });
    const n = (await decode(one)).messages.length;
    const r = await decode(one, oneAgain, two);
    expect(r.messages).toHaveLength(2 * n);
    expect(r.messages.map((m) => m.ts)).toEqual([...r.messages.map((m) => m.ts)].sort());
    expect(r.messages.filter((m) => m.source.file.includes('node2'))).toHaveLength(n);
    expect(r.messages.filter((m) => m.source.file.includes('node1-again'))).toHaveLength(0);
    expect(stderrCodes(r.stderr, 'LOG_SUMMARY')).toHaveLength(2);
    expect(stderrCodes(r.stderr, 'MIVR_DUPLICATE_RECORDS')).toEqual([expect.stringContaining('node1-again/MIVR01.log:')]);
  });

  it('in one directory too: merged by time, all kept, their overlap said', async () => {
    const d = folder('two-in-one', { 'node1.log': TRANSFERRED, 'node2.log': otherServer });
    const n = (await decode(join(dir, 'node1'))).messages.length;
    const r = await decode(d);
    expect(r.messages).toHaveLength(2 * n);
    expect(r.messages.map((m) => m.ts)).toEqual([...r.messages.map((m) => m.ts)].sort());
    expect(r.stderr).toContain('MIVR_SET_OVERLAP');
    expect(r.stderr).not.toContain('MIVR_DUPLICATE_RECORDS');
  });
});

describe('property: a log split into files with any overlaps and copies decodes as the log itself', () => {
  const MS = Date.UTC(2015, 10, 20, 10, 0, 0);
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const time = (ms: number): string => {
    const d = new Date(MS + ms);
    const p = (v: number, w = 2) => String(v).padStart(w, '0');
    return `${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
  };

  /** One server's records: messages (a few calls again and again) at both levels, one or the other, with other facilities between. */
  const records = fc
    .array(fc.record({ call: fc.integer({ min: 1, max: 4 }), levels: fc.constantFrom('both', 'high', 'low'), step: fc.constantFrom(0, 0, 1, 7, 900), other: fc.boolean() }), { minLength: 1, maxLength: 24 })
    .map((messages) => {
      const out: string[] = [];
      let seq = 1000;
      let ms = 0;
      for (const m of messages) {
        ms += m.step;
        const t = endCall(16777000 + m.call);
        if (m.levels !== 'low') out.push(`${header(seq++, time(ms))}${t.high}`);
        if (m.other) out.push(`${header(seq++, time(ms), 'SS_TEL')}Task 32000000012 step executed`);
        if (m.levels !== 'high') out.push(`${header(seq++, time(ms))}${t.low}`);
      }
      return out;
    });

  /** The records cut into rotated files, plus copies of any runs of records, some gzip, in any order. */
  const split = records.chain((recs) =>
    fc
      .record({
        cuts: fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, recs.length - 1) }), { maxLength: 4 }),
        copies: fc.array(fc.record({ from: fc.nat(recs.length - 1), length: fc.integer({ min: 1, max: recs.length }), gzip: fc.boolean() }), { maxLength: 3 }),
        order: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        chunk: fc.constantFrom(16, 200, 65536),
      })
      .map(({ cuts, copies, order, chunk }) => {
        const bounds = [0, ...cuts.filter((c) => c < recs.length).sort((a, b) => a - b), recs.length];
        const text = (rs: readonly string[]) => `${rs.join('\n')}\n`;
        const files: LogFile[] = [];
        for (let i = 0; i + 1 < bounds.length; i++) files.push({ name: `MIVR0${i + 1}.log`, content: text(recs.slice(bounds[i], bounds[i + 1])), chunk, rereadable: true });
        copies.forEach((c, i) => {
          const body = text(recs.slice(c.from, c.from + c.length));
          files.push({ name: `copy${i + 1}.log${c.gzip ? '.gz' : ''}`, content: c.gzip ? new Uint8Array(gzipSync(body)) : body, chunk, rereadable: true });
        });
        // Any order given (the set's order comes from the records).
        const shuffled = files.map((f, i) => ({ f, key: order[i % order.length]! * 16 + i })).sort((a, b) => a.key - b.key);
        return { recs, files: shuffled.map((s) => s.f) };
      }),
  );

  const what = (m: TimelineMessage) => JSON.stringify([m.at, m.message.type, m.direction, m.message.fields]);

  it('the same messages in the same order, each copy skipped and counted, no overlap said', async () => {
    await fc.assert(
      fc.asyncProperty(split, async ({ recs, files }) => {
        const whole = await logTimeline([{ name: 'whole.log', content: `${recs.join('\n')}\n` }]);
        const parts = await logTimeline(files);
        expect(parts.messages.map(what)).toEqual(whole.messages.map(what));
        const codes = parts.diagnostics.map((d) => d.code);
        expect(codes).not.toContain('MIVR_SET_OVERLAP');
        const notes = parts.diagnostics.filter((d) => d.code === 'MIVR_DUPLICATE_RECORDS');
        expect(new Set(notes.map((d) => d.source.file)).size).toBe(notes.length);
        // Every ICD_CTI record beyond the log's own was skipped, and counted.
        const cti = (s: string) => s.split('\n').filter((l) => l.includes('%MIVR-ICD_CTI-')).length;
        const given = files.reduce((n, f) => n + cti(typeof f.content === 'string' ? f.content : gunzipSync(f.content).toString('latin1')), 0);
        const skipped = given - cti(recs.join('\n'));
        const summary = parts.diagnostics.find((d) => d.code === 'LOG_SUMMARY')!.message;
        if (skipped > 0) expect(summary).toContain(`, ${skipped} of them read before and skipped)`);
        else expect(summary).not.toContain('read before');
        const skippedPerNote = notes.reduce((n, d) => n + Number(/^(\d+) records? repeat/.exec(d.message)![1]), 0);
        expect(skippedPerNote).toBe(skipped);
      }),
      { numRuns: 60 },
    );
  });
});
