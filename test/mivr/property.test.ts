/** Properties: damage never throws and never costs the valid records around it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCtiTraceText, renderGutter } from '../../grammar/cti-trace-grammar.js';
import type { HighLevelTrace, LowLevelTrace } from '../../grammar/cti-trace-types.js';
import { readMivrRecords, type MivrRecord } from '../../src/mivr/index.js';
import { chunks, collect, enc } from './helpers.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

interface ValidRecord {
  header: string; // without seq
  seqless: { month: number; day: number; time: string; tz: string; facility: string; level: number; mnemonic: string };
  text: string;
  continuation: string[];
}

const printable = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0x20, max: 0x7e }), { minLength: min, maxLength: max }).map((cs) => String.fromCharCode(...cs));

const continuationLine = fc.oneof(
  printable(0, 30).map((s) => `\t${s}`),
  printable(0, 30).map((s) => ` ${s}`),
  fc.constant('0010: 00 01 00 00 01 00 01 10 00 00 08 05 32 30 30 36 .....2006'),
  fc.constant('\tat com.cisco.app.impl.Foo.bar(Foo.java:123)'),
);

const validRecord: fc.Arbitrary<ValidRecord> = fc
  .record({
    month: fc.integer({ min: 0, max: 11 }),
    day: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 0, max: 23 }),
    m: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
    ms: fc.integer({ min: 0, max: 999 }),
    tz: fc.constantFrom('EDT', 'EST', 'UTC', 'IST', 'GMT+05:30', 'CET'),
    facility: fc.constantFrom('ICD_CTI', 'SS_TEL', 'SS_RM', 'ENG', 'APP_MGR'),
    level: fc.integer({ min: 0, max: 7 }),
    mnemonic: fc.constantFrom('UNK', 'EXCEPTION', 'LOG'),
    text: printable(0, 60),
    continuation: fc.array(continuationLine, { maxLength: 3 }),
  })
  .map((r) => {
    const time = `${MONTHS[r.month]} ${pad(r.day)} ${pad(r.h)}:${pad(r.m)}:${pad(r.s)}.${pad(r.ms, 3)}`;
    return {
      header: `${time} ${r.tz} %MIVR-${r.facility}-${r.level}-${r.mnemonic}:`,
      seqless: { month: r.month, day: r.day, time, tz: r.tz, facility: r.facility, level: r.level, mnemonic: r.mnemonic },
      text: r.text,
      continuation: r.continuation,
    };
  });

type Garbage = { kind: 'bytes'; bytes: Uint8Array } | { kind: 'cut'; at: number } | { kind: 'line'; text: string } | { kind: 'nul'; n: number };

const garbage: fc.Arbitrary<Garbage> = fc.oneof(
  fc.uint8Array({ maxLength: 120 }).map((bytes): Garbage => ({ kind: 'bytes', bytes })),
  fc.integer({ min: 0, max: 200 }).map((at): Garbage => ({ kind: 'cut', at })),
  printable(0, 80).map((text): Garbage => ({ kind: 'line', text })),
  fc.integer({ min: 1, max: 64 }).map((n): Garbage => ({ kind: 'nul', n })),
);

interface Built {
  bytes: Uint8Array;
  expected: Array<{ line: number; seq: number; v: ValidRecord; exact: boolean }>;
}

function build(items: Array<{ v: ValidRecord; after: Garbage[] }>, crlf: boolean, seqBase: number): Built {
  const parts: Uint8Array[] = [];
  const expected: Built['expected'] = [];
  let line = 1;
  const eol = crlf ? '\r\n' : '\n';
  const push = (b: Uint8Array): void => {
    parts.push(b);
    for (const x of b) if (x === 10) line++;
  };
  items.forEach(({ v, after }, i) => {
    const seq = seqBase + i;
    expected.push({ line, seq, v, exact: after.length === 0 });
    push(enc([`${seq}: ${v.header}${v.text}`, ...v.continuation].join(eol) + eol));
    for (const g of after) {
      if (g.kind === 'bytes') push(g.bytes);
      else if (g.kind === 'cut') push(enc(`${seq}: ${v.header}${v.text}`.slice(0, g.at)));
      else if (g.kind === 'line') push(enc(g.text));
      else push(new Uint8Array(g.n));
      push(enc('\n'));
    }
  });
  const total = parts.reduce((n, p) => n + p.length, 0);
  const bytes = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    bytes.set(p, o);
    o += p.length;
  }
  return { bytes, expected };
}

function checkRecord(r: MivrRecord | undefined, e: Built['expected'][number]): void {
  expect(r).toBeDefined();
  if (!r) return;
  const v = e.v;
  expect(r.seq).toBe(e.seq);
  expect(r.facility).toBe(v.seqless.facility);
  expect(r.level).toBe(v.seqless.level);
  expect(r.mnemonic).toBe(v.seqless.mnemonic);
  expect(r.localTime).toBe(v.seqless.time);
  expect(r.tzAbbrev).toBe(v.seqless.tz);
  const own = [v.text, ...v.continuation].join('\n');
  if (e.exact) {
    expect(r.text).toBe(own);
    expect(r.lineCount).toBe(1 + v.continuation.length);
  } else {
    expect(r.text === own || r.text.startsWith(`${own}\n`)).toBe(true);
  }
}

describe('records under damage (fast-check)', () => {
  it('garbage, truncated records and random bytes never throw nor lose the valid records around them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ v: validRecord, after: fc.array(garbage, { maxLength: 3 }) }), { minLength: 1, maxLength: 12 }),
        fc.array(garbage, { maxLength: 2 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 97 }),
        async (items, lead, crlf, chunk) => {
          const seqBase = 1_000_000;
          const built = build(items, crlf, seqBase);
          // Garbage before the first record too (each piece ends its line).
          const leading = lead.flatMap((g) => [
            ...(g.kind === 'bytes' ? g.bytes : g.kind === 'line' ? enc(g.text) : g.kind === 'nul' ? new Uint8Array(g.n) : enc('9: Nov 2'.slice(0, g.at % 9))),
            10,
          ]);
          const shift = leading.filter((b) => b === 10).length;
          const bytes = new Uint8Array([...leading, ...built.bytes]);

          const all = readMivrRecords(chunks(bytes, chunk), 'f.log', { year: 2015, facilities: 'all' });
          const records = await collect(all);
          const byLine = new Map(records.map((r) => [r.line, r]));
          for (const e of built.expected) checkRecord(byLine.get(e.line + shift), { ...e });
          expect(all.stats.records).toBeGreaterThanOrEqual(built.expected.length);

          const cti = await collect(readMivrRecords(chunks(bytes, chunk), 'f.log', { year: 2015 }));
          const ctiLines = new Set(cti.map((r) => r.line));
          for (const e of built.expected) if (e.v.seqless.facility === 'ICD_CTI') expect(ctiLines.has(e.line + shift)).toBe(true);
          expect(cti.every((r) => r.facility === 'ICD_CTI')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('trace grammar (fast-check)', () => {
  it('never throws on arbitrary text', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom('{', '}', ',', ' ', '\n', 'MsgType:', 'type=X', 'a:', '<TotalBytes: 12>', '...', 'MHDR:', 'MDATA:', '0010:', '00', 'ab', 'null', 'writing...', 'CsqID[0]:'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join(' ');
        const r = parseCtiTraceText(text);
        expect(Array.isArray(r.traces)).toBe(true);
        for (const d of r.diagnostics) expect(d.offset).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });

  const word = fc.stringMatching(/^[A-Za-z0-9_\-+#@/][A-Za-z0-9_.\-+#@/]{0,10}$/).filter((w) => w !== 'null' && !w.endsWith('.'));
  const value = fc.oneof(
    fc.integer({ min: -100000, max: 100000 }).map(String),
    word,
    fc.constant('null'),
    fc.constant(''),
    fc.tuple(word, word).map(([a, b]) => `${a},${b}`),
    fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
  );
  const key = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.]{0,15}$/).filter((k) => k !== 'MsgType');
  const pairs = fc.array(fc.tuple(key, fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }), value), { maxLength: 25 });

  it('braced traces give back every pair exactly, however they are wrapped', () => {
    fc.assert(
      fc.property(pairs, fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), (ps, wraps) => {
        const body = ps.map(([k, i, v], n) => `${k}${i === undefined ? '' : `[${i}]`}: ${v}${wraps[n] ? ',\n' : ', '}`).join('');
        const text = `Proc: got an event message:\n{ length=-1 type=SOME_EVENT, ${body}end: 1 }`;
        const r = parseCtiTraceText(text);
        expect(r.diagnostics).toEqual([]);
        const t = r.traces[0] as HighLevelTrace;
        expect(t.pairs.map((p) => [p.key, p.index, p.value])).toEqual([...ps.map(([k, i, v]) => [k, i, v === 'null' ? null : v]), ['end', undefined, '1']]);
      }),
      { numRuns: 500 },
    );
  });

  it('flow blocks give back every pair (values without commas or spaces)', () => {
    const flowValue = fc.oneof(fc.integer({ min: -5, max: 70000 }).map(String), word, fc.constant(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, flowValue), { maxLength: 25 }), fc.boolean(), (ps, perLine) => {
        const sep = perLine ? '\n  ' : ' ';
        const text = `MsgType: X_EVENT${sep}${ps.map(([k, v]) => `${k}: ${v}`).join(sep)}`;
        const t = parseCtiTraceText(text).traces[0] as HighLevelTrace;
        expect(t.pairs.map((p) => [p.key, p.value])).toEqual(ps);
      }),
      { numRuns: 500 },
    );
  });

  it('hex dumps give back every byte at its offset, even when gutters look like hex', () => {
    const dump = (bytes: number[], oneLine: boolean, gutter: boolean): string => {
      const head = [0, 0, bytes.length >> 8, bytes.length & 0xff, 0, 0, 0, 0x17];
      const row = (b: number[], off: number): string =>
        `${off.toString(16).padStart(4, '0')}: ${b.map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join(' ')}${gutter ? ` ${renderGutter(b)}` : ''}`;
      const rows: string[] = [];
      for (let o = 0; o < bytes.length; o += 16) rows.push(row(bytes.slice(o, o + 16), o));
      const nl = oneLine ? ' ' : '\n';
      return `writing...${nl}MHDR:    ${row(head, 0)}${nl}MDATA:   ${rows.join(nl)}`;
    };
    // Bytes drawn mostly from hex-digit characters so gutters often look like hex.
    const byte = fc.oneof(fc.constantFrom(0x30, 0x31, 0x39, 0x41, 0x42, 0x61, 0x66, 0x20, 0x00), fc.integer({ min: 0, max: 255 }));
    fc.assert(
      fc.property(fc.array(byte, { minLength: 1, maxLength: 70 }), fc.boolean(), fc.boolean(), (bytes, oneLine, gutter) => {
        const r = parseCtiTraceText(dump(bytes, oneLine, gutter));
        const t = r.traces[0] as LowLevelTrace;
        expect(t.mdata.flatMap((row) => [...row.bytes])).toEqual(bytes);
        expect(t.mdata.map((row) => row.offset)).toEqual(Array.from({ length: Math.ceil(bytes.length / 16) }, (_, i) => i * 16));
        expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
