/**
 * The fast scanner (grammar/fast-text.ts, grammar/fast-dump.ts) must give exactly what the
 * chevrotain parser gives — same structures, key order included — whenever it answers, and
 * must answer for the common clean shapes (braced traces, flow blocks, hex dumps).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ctiTraceShape, fastParseCtiTraceText, parseCtiTraceText, parseCtiTraceTextReference, renderGutter } from '../../grammar/cti-trace-grammar.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/guide/${name}`, import.meta.url)), 'utf8');
const recordText = (s: string): string => s.slice(s.indexOf('UNK:') + 4);

/** Fast = reference for `text`; returns whether the fast scanner answered. */
function same(text: string): boolean {
  const shape = ctiTraceShape(text);
  if (shape === undefined) return false;
  const fast = fastParseCtiTraceText(text, shape);
  if (fast === undefined) return false;
  const reference = parseCtiTraceTextReference(text, shape);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
  expect(fast).toStrictEqual(reference);
  return true;
}

// ---- generators ------------------------------------------------------------------------------

const cleanKey = fc.constantFrom(
  'monitorID',
  'peripheralID',
  'connectionCallID',
  'ConnectionDeviceID',
  'numNamedVars',
  'NumNamedVariables',
  'ani2',
  'callVar1',
  'CsqID[0]',
  'ConnectedPartyDCallID[1]',
  'user.layout',
  'BAStatus',
  'ANI³',
  'é_field',
);
const cleanValue = fc.constantFrom('0', '1', '21', '16777488', '9026', 'null', '', 'CALLTYPE_RESERVATION', 'N/A', '-1', 'John,Doe', 'agt2006', 'a.b', 'x=1', '10:43:59', 'Ünïcode');
const trickyKey = fc.constantFrom('a:b', 'x=y', '[1]', 'k[x]', 'MsgType', 'key ', ' key', 'a<b', 'k{', 'k}', 'q...', 'k`', 'a\u00a0b', 'k\u0001', 'BABuddyName');
const trickyValue = fc.constantFrom(
  'two words',
  'with, comma',
  'ends:',
  ':',
  'a,',
  ',b',
  '...',
  'x...',
  '<TotalBytes: 14>',
  '{',
  '}',
  'a,,b',
  'a , b',
  '\u00a0',
  '\t',
  'line\nbreak',
  'key: value',
  'MsgType: X',
  'type=Y',
  '`',
  'z:',
  ', k: v',
  '',
);
const key = fc.oneof({ weight: 5, arbitrary: cleanKey }, { weight: 1, arbitrary: trickyKey });
const value = fc.oneof({ weight: 5, arbitrary: cleanValue }, { weight: 1, arbitrary: trickyValue });
const sep = fc.constantFrom(', ', ',', ' , ', ',\n', ', \n  ', ' ', '\n');
const preamble = fc.constantFrom(
  '\nCSOutboundMsgProcessor: got an event message:\n',
  'CSInboundMsgProcessor: got a request message: ',
  'sending: ',
  '',
  'Proc: got message: ',
  'Proc:',
  'a b c',
  'x=1 ',
  'Proc: got{',
  'MsgType ',
);
const ecc = fc.record({ total: fc.constantFrom(14, 18, 20, 24, 161), vars: fc.array(fc.tuple(cleanKey, cleanValue), { maxLength: 4 }) });

const braced = fc
  .record({
    pre: preamble,
    attrs: fc.constantFrom('length=-1 type=BEGIN_CALL_EVENT', 'type=AGENT_STATE_EVENT', 'length=54 type=X', 'length=-1', 'type=A type=B'),
    firstSep: fc.constantFrom(', ', ' ', ',', ''),
    pairs: fc.array(fc.tuple(key, value, sep), { maxLength: 12 }),
    ecc: fc.option(fc.tuple(fc.nat({ max: 12 }), ecc), { nil: undefined }),
    close: fc.constantFrom(' }', '}', ' }\n', ' } trailing'),
  })
  .map((r) => {
    const items = r.pairs.map(([k, v, s]) => `${s}${k}: ${v}`);
    if (r.ecc) {
      const [at, e] = r.ecc;
      const block = `, ExpandedCallContxt: <TotalBytes: ${e.total}> ${e.vars.map(([k, v]) => `${k}: ${v}`).join(', ')}`;
      items.splice(Math.min(at, items.length), 0, block);
    }
    const body = items.join('').replace(/^[, \n]+/, '');
    return `${r.pre}{ ${r.attrs}${body === '' ? '' : r.firstSep}${body}${r.close}`;
  });

/** Clean braced traces: the shapes real logs write (the fast scanner must take all of them). */
const cleanBraced = fc
  .record({
    pre: fc.constantFrom('\nCSOutboundMsgProcessor: got an event message:\n', 'CSOutboundMsgProcessor: got an event message: ', 'CSInboundMsgProcessor: got a request message: '),
    type: fc.constantFrom('BEGIN_CALL_EVENT', 'AGENT_STATE_EVENT', 'CALL_DELIVERED_EVENT'),
    pairs: fc.uniqueArray(fc.tuple(cleanKey, cleanValue.filter((v) => v !== 'John,Doe')), { selector: ([k]) => k, maxLength: 20 }),
    breaks: fc.array(fc.boolean(), { maxLength: 20 }),
  })
  .map((r) => {
    const body = r.pairs.map(([k, v], i) => `${r.breaks[i] ? ',\n' : ', '}${k}: ${v}`).join('');
    return `${r.pre}{ length=-1 type=${r.type}${body} }`;
  });

const flowLine = fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`);
const flow = fc
  .record({
    blocks: fc.array(
      fc.record({
        name: fc.constantFrom('BEGIN_CALL_EVENT', 'CALL_DELIVERED_EVENT:', 'END_CALL_EVENT', 'CallDequeuedEvent', ''),
        lines: fc.array(flowLine, { maxLength: 10 }),
        joiner: fc.constantFrom('\n', ' ', '\n  '),
        ecc: fc.option(ecc, { nil: undefined }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    lead: fc.constantFrom('', '\n', '<pre>', 'x '),
  })
  .map(
    (r) =>
      r.lead +
      r.blocks
        .map((b) => {
          const e = b.ecc ? [`ExpandedCallContxt: <TotalBytes: ${b.ecc.total}>`, ...b.ecc.vars.map(([k, v]) => `${k}: ${v}`)] : [];
          return [`MsgType: ${b.name}`, ...b.lines, ...e].join(b.joiner);
        })
        .join('\n'),
  );

/** Clean flow blocks, as the guide's tables print them (the fast scanner must take all of them). */
const cleanFlow = fc
  .array(
    fc.record({
      name: fc.constantFrom('BEGIN_CALL_EVENT', 'END_CALL_EVENT', 'CallDequeuedEvent', 'AGENT_STATE_EVENT'),
      lines: fc.uniqueArray(fc.tuple(cleanKey, cleanValue), { selector: ([k]) => k, maxLength: 12 }),
      joiner: fc.constantFrom('\n', ' ', '\n  '),
      ecc: fc.option(ecc, { nil: undefined }),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((blocks) =>
    blocks
      .map((b) => {
        const e = b.ecc ? [`ExpandedCallContxt: <TotalBytes: ${b.ecc.total}>`, ...b.ecc.vars.map(([k, v]) => `${k}: ${v}`)] : [];
        return [`MsgType: ${b.name}`, ...b.lines.map(([k, v]) => `${k}: ${v}`), ...e].join(b.joiner);
      })
      .join('\n'),
  );

const hex2 = (n: number): string => n.toString(16).padStart(2, '0').toUpperCase();

/** A MIVR dump of a message of `body` bytes, with optional damage. */
const dump = fc
  .record({
    type: fc.integer({ min: 0, max: 255 }),
    body: fc.uint8Array({ maxLength: 70 }),
    verb: fc.constantFrom('writing...', 'reading...', '', 'sent:'),
    labelPad: fc.constantFrom('    ', ' ', '\t', '\n'),
    gutter: fc.constantFrom('full', 'none', 'lossy'),
    lower: fc.boolean(),
    damage: fc.constantFrom('none', 'none', 'none', 'short-row', 'drop-row', 'one-line', 'extra-line', 'gutter-hex', 'long-header'),
  })
  .map((r) => {
    const row = (offset: number, bytes: readonly number[]): string => {
      const hex = bytes.map((b) => (r.lower ? hex2(b).toLowerCase() : hex2(b))).join(' ');
      const g = r.gutter === 'none' ? '' : r.gutter === 'lossy' ? renderGutter(bytes).replace(/\.+/g, '.') : renderGutter(bytes);
      return `${offset.toString(16).padStart(4, '0')}: ${hex}${g === '' ? '' : ` ${g}`}`;
    };
    const len = r.damage === 'long-header' ? r.body.length + 3 : r.body.length;
    const header = [0, 0, (len >> 8) & 0xff, len & 0xff, 0, 0, 0, r.type];
    const rows: string[] = [];
    for (let o = 0; o < r.body.length; o += 16) rows.push(row(o, [...r.body.subarray(o, o + 16)]));
    if (r.damage === 'short-row' && rows.length > 1) rows[0] = rows[0]!.replace(/^(\S+ (?:\S\S ){14})\S\S /, '$1');
    if (r.damage === 'drop-row' && rows.length > 2) rows.splice(1, 1);
    if (r.damage === 'gutter-hex') rows.push('0fff: ab cd ef');
    if (r.damage === 'extra-line') rows.push('some trailing text');
    const mdata = r.damage === 'one-line' ? rows.join(' ') : rows.join('\n');
    return `${r.verb}\nMHDR:${r.labelPad}${row(0, header)}\nMDATA:${r.labelPad}${mdata}`;
  });

/** Garbage: any text, with the characters that matter to the grammar over-represented. */
const garbage = fc
  .array(fc.oneof(fc.constantFrom('{', '}', ',', ':', ' ', '\n', '<', '>', '=', '[', ']', '.', 'MsgType:', 'type=', 'MHDR:', 'MDATA:', '0000:', '00 ', 'a', '1'), fc.string({ maxLength: 4 })), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''));

// ---- properties ------------------------------------------------------------------------------

describe('fast scanner = chevrotain parser', () => {
  it("on the guide's examples and flows", () => {
    expect(same(recordText(fixture('example1-high-level.txt')))).toBe(true);
    // Example 2's short row is reported: that is the reference parser's job.
    const ex2 = recordText(fixture('example2-low-level.txt'));
    expect(fastParseCtiTraceText(ex2, 'dump')).toBeUndefined();
    expect(parseCtiTraceText(ex2)).toStrictEqual(parseCtiTraceTextReference(ex2));
  });

  it('takes every trace of the log samples (samples/logs), and gives what the parser gives', async () => {
    const { logSampleFiles } = await import('../../scripts/samples/log-samples.js');
    const { gunzipSync } = await import('node:zlib');
    let traces = 0;
    for (const file of logSampleFiles()) {
      const text = typeof file.content === 'string' ? file.content : gunzipSync(file.content).toString('utf8');
      // Record texts: what follows `%MIVR-ICD_CTI-7-UNK:` up to the next record header.
      for (const m of text.matchAll(/%MIVR-ICD_CTI-7-UNK:([\s\S]*?)(?=\n\d+: [A-Z][a-z]{2} \d|\n?$)/g)) {
        if (ctiTraceShape(m[1]!) === undefined) continue;
        expect(same(m[1]!), m[1]!.slice(0, 120)).toBe(true);
        traces++;
      }
    }
    expect(traces).toBeGreaterThan(150);
  });

  it('takes every clean braced trace, and gives what the parser gives', () => {
    fc.assert(
      fc.property(cleanBraced, (t) => {
        expect(same(t)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('on braced traces with tricky keys, values, separators, ECC blocks', () => {
    let taken = 0;
    fc.assert(
      fc.property(braced, (t) => {
        if (same(t)) taken++;
      }),
      { numRuns: 4000 },
    );
    expect(taken).toBeGreaterThan(400);
  });

  it('takes every clean flow block', () => {
    fc.assert(
      fc.property(cleanFlow, (t) => {
        expect(same(t)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('on flow blocks', () => {
    let taken = 0;
    fc.assert(
      fc.property(flow, (t) => {
        if (same(t)) taken++;
      }),
      { numRuns: 3000 },
    );
    expect(taken).toBeGreaterThan(100);
  });

  it('on hex dumps, clean and damaged', () => {
    let taken = 0;
    fc.assert(
      fc.property(dump, (t) => {
        if (same(t)) taken++;
      }),
      { numRuns: 3000 },
    );
    expect(taken).toBeGreaterThan(800);
  });

  it('takes every clean dump', () => {
    fc.assert(
      fc.property(
        fc.record({ body: fc.uint8Array({ maxLength: 90 }), type: fc.integer({ min: 0, max: 255 }) }),
        ({ body, type }) => {
          const rows: string[] = [];
          const row = (o: number, b: readonly number[]): string => `${o.toString(16).padStart(4, '0')}: ${b.map(hex2).join(' ')} ${renderGutter(b)}`;
          for (let o = 0; o < body.length; o += 16) rows.push(row(o, [...body.subarray(o, o + 16)]));
          const text = `writing...\nMHDR:    ${row(0, [0, 0, 0, body.length, 0, 0, 0, type])}\nMDATA:   ${rows.join('\n')}`;
          expect(same(text)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('on garbage', () => {
    fc.assert(
      fc.property(garbage, (t) => {
        same(t);
      }),
      { numRuns: 5000 },
    );
  });
});
