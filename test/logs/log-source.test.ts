/**
 * MIVR logs → the timeline (src/pipeline/log-source.ts): one message per CTI message, the two
 * trace levels paired, times and zones applied, damage reported and never costing the valid
 * records around it, logs merged with captures by time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParseCtiTraceText, parseCtiTraceTextReference } from '../../grammar/cti-trace-grammar.js';
import { decodeText } from '../../src/protocol/codec/from-text.js';
import { mergeTimelines } from '../../src/pipeline/merge.js';
import { logSource } from '../../src/pipeline/log-source.js';
import { compareInstants, instantToIso } from '../../src/timeline/instant.js';
import type { TimelineBatch, TimelineMessage } from '../../src/timeline/types.js';
import { collectTimeline, conversationFlow, pcapOf } from '../support/cti-capture.js';
import { endCall, header, logTimeline, opened } from './support.js';

const T = (ms: number): string => `Nov 20 10:43:${String(59 + Math.floor(ms / 1000) - 60 * Math.floor((59 + Math.floor(ms / 1000)) / 60)).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
const callIds = (messages: readonly TimelineMessage[]): unknown[] => messages.map((m) => m.message.fields.CallID);

describe('high-level and low-level traces of one message are one message', () => {
  it('a trace then its dump; a dump then its trace (reading...)', async () => {
    const a = endCall(1001);
    const b = endCall(1002);
    const log = [
      `${header(1, 'Nov 20 10:43:59.435')}${a.high}`,
      `${header(2, 'Nov 20 10:43:59.436', 'SS_TEL')}something else`,
      `${header(3, 'Nov 20 10:43:59.436')}${a.low}`,
      `${header(4, 'Nov 20 10:43:59.500')}${b.low.replace('writing...', 'reading...')}`,
      `${header(5, 'Nov 20 10:43:59.501')}${b.high.replace('CSOutboundMsgProcessor: got an event message:', 'CSInboundMsgProcessor: got a request message:')}`,
    ].join('\n');
    const t = await logTimeline([{ name: 'x.log', content: log }]);
    expect(callIds(t.messages)).toEqual([1001, 1002]);
    const lines = log.split('\n');
    expect(t.messages.map((m) => lines[m.source.line! - 1]!.slice(0, 5))).toEqual(['MHDR:', 'MHDR:']); // the dumps' first lines
    expect(t.messages.map((m) => m.direction)).toEqual(['server-to-client', 'client-to-server']);
    expect(t.messages.every((m) => !m.message.diagnostics.some((d) => d.code === 'TRACE_LEVELS_DISAGREE'))).toBe(true);
  });

  it('identical messages pair in order; different ones, or ones too far apart, stay apart', async () => {
    const a = endCall(1001);
    const b = endCall(2002);
    const log = [
      `${header(1, 'Nov 20 10:43:59.000')}${a.high}`,
      `${header(2, 'Nov 20 10:43:59.001')}${a.high}`,
      `${header(3, 'Nov 20 10:43:59.002')}${a.low}`,
      `${header(4, 'Nov 20 10:43:59.003')}${a.low}`,
      `${header(5, 'Nov 20 10:43:59.004')}${b.high}`,
      `${header(6, 'Nov 20 10:43:59.005')}${endCall(2003).low}`,
      // 1001 again, but the dump comes 3 s after its trace: two messages.
      `${header(7, 'Nov 20 10:43:59.100')}${a.high}`,
      `${header(8, 'Nov 20 10:44:02.100')}${a.low}`,
    ].join('\n');
    const t = await logTimeline([{ name: 'x.log', content: log }]);
    expect(callIds(t.messages)).toEqual([1001, 1001, 2002, 2003, 1001, 1001]);
    const summary = t.diagnostics.find((d) => d.code === 'LOG_SUMMARY')!.message;
    expect(summary).toContain('8 message traces (4 high-level, 4 low-level), 2 logged at both levels');
  });

  it('a field the two levels disagree on is reported, the dump kept', async () => {
    const high = endCall(1001).high.replace('ConnectionDeviceType: 0', 'ConnectionDeviceType: 1');
    expect(high).toContain('ConnectionDeviceType: 1');
    const log = `${header(1, 'Nov 20 10:43:59.000')}${high}\n${header(2, 'Nov 20 10:43:59.001')}${endCall(1001).low}`;
    const t = await logTimeline([{ name: 'x.log', content: log }]);
    expect(t.messages).toHaveLength(1);
    expect(t.messages[0]!.message.fields.ConnectionDeviceType).toBe(0);
    const d = t.messages[0]!.message.diagnostics.filter((x) => x.code === 'TRACE_LEVELS_DISAGREE');
    expect(d.map((x) => x.message)).toEqual(["ConnectionDeviceType: the high-level trace (x.log:2) gives 1, the dump gives 0; the dump's value is kept"]);
  });
});

describe('time', () => {
  const log = `${header(1, 'Dec 31 23:59:59.900', 'ICD_CTI', 'EST')}${endCall(1).low}\n${header(2, 'Jan 01 00:00:00.100', 'ICD_CTI', 'EST')}${endCall(2).low}\n`;

  it('--year and the zone of the records reach the timeline (a new year starts in the log)', async () => {
    const t = await logTimeline([{ name: 'x.log', content: log }], { year: 2015 });
    expect(t.messages.map((m) => instantToIso(m.at!))).toEqual(['2016-01-01T04:59:59.900000Z', '2016-01-01T05:00:00.100000Z']);
  });

  it('--tz overrides the zone written in the records', async () => {
    const t = await logTimeline([{ name: 'x.log', content: log }], { year: 2015, tz: 'IST' });
    expect(instantToIso(t.messages[0]!.at!)).toBe('2015-12-31T18:29:59.900000Z');
  });

  it('without --year, the file date decides', async () => {
    const t = await logTimeline([{ name: 'x.log', content: log, mtime: new Date('2019-02-01T00:00:00Z') }], { year: undefined });
    expect(instantToIso(t.messages[1]!.at!)).toBe('2019-01-01T05:00:00.100000Z');
  });

  it('a rotated set is read in the order of its records, not of its names', async () => {
    const older = `${header(10, 'Nov 20 10:43:59.000')}${endCall(1).low}\n`;
    const newer = `${header(11, 'Nov 20 10:44:00.000')}${endCall(2).low}\n`;
    const t = await logTimeline([
      { name: 'MIVR01.log', content: newer },
      { name: 'MIVR99.log', content: older },
    ]);
    expect(callIds(t.messages)).toEqual([1, 2]);
    expect(t.messages.map((m) => m.source.file)).toEqual(['MIVR99.log', 'MIVR01.log']);
  });

  it('files read like regular files (opened again after the peek) give the same timeline as streams read once', async () => {
    const files = [0, 1, 2].map((i) => ({
      name: `MIVR0${3 - i}.log`,
      // Large enough that the peek stops long before the end of each file.
      content: Array.from({ length: 400 }, (_, k) => `${header(1000 * i + k, `Nov 20 10:${String(40 + i).padStart(2, '0')}:${String(k % 60).padStart(2, '0')}.000`)}${endCall(1000 * i + k).low}\n`).join(''),
      chunk: 4096,
    }));
    const once = await logTimeline(files);
    const again = await logTimeline(files.map((f) => ({ ...f, rereadable: true })));
    expect(callIds(once.messages)).toHaveLength(1200);
    expect(callIds(again.messages)).toEqual(callIds(once.messages));
    expect(again.events.map((e) => e.source)).toEqual(once.events.map((e) => e.source));
  });
});

describe('what is not a message', () => {
  it('is counted or reported, never thrown: unknown names, dumps without a header, records of other facilities', async () => {
    const log = [
      `${header(1, 'Nov 20 10:43:59.000')}CSOutboundMsgProcessor: got an event message: { length=-1 type=NO_SUCH_EVENT, a: 1 }`,
      `${header(2, 'Nov 20 10:43:59.001')}writing...\nMDATA:   0000: 00 01 02 03`,
      `${header(3, 'Nov 20 10:43:59.002', 'SS_TEL')}Call.received() JTAPICallContact[id=1]`,
      `${header(4, 'Nov 20 10:43:59.003')}CTIServer: session 42 heartbeat`,
      `4: Nov 20 10:4`,
      `${header(5, 'Nov 20 10:43:59.004')}${endCall(5).low}`,
    ].join('\n');
    const t = await logTimeline([{ name: 'x.log', content: log }]);
    expect(callIds(t.messages)).toEqual([5]);
    const codes = t.diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['LOG_TRACE_NOT_DECODED', 'LOG_DUMP_NOT_DECODED', 'MIVR_GARBAGE_LINES', 'LOG_SUMMARY']));
    expect(t.diagnostics.every((d) => /^[A-Z][A-Z0-9_]*$/.test(d.code))).toBe(true);
    const notDecoded = t.diagnostics.find((d) => d.code === 'LOG_TRACE_NOT_DECODED')!;
    expect(notDecoded.source).toEqual({ file: 'x.log', line: 1 });
    expect(notDecoded.message).toContain('NO_SUCH_EVENT');
  });

  it('a trace the fast scanner leaves to the reference parser is read all the same, between clean ones', async () => {
    const cut = endCall(12).high.replace(/\s*\}\s*$/, ' ... }'); // "..." at the end: the fast scanner is unsure
    expect(fastParseCtiTraceText(cut, 'text')).toBeUndefined();
    const log = [
      `${header(1, 'Nov 20 10:43:59.000')}${endCall(11).high}`,
      `${header(2, 'Nov 20 10:43:59.001')}${cut}`,
      `${header(3, 'Nov 20 10:43:59.002')}${endCall(13).low}`,
    ].join('\n');
    const t = await logTimeline([{ name: 'x.log', content: log }]);
    expect(callIds(t.messages)).toEqual([11, 12, 13]);
    const trace = parseCtiTraceTextReference(cut, 'text').traces[0];
    expect(trace?.kind).toBe('high');
    if (trace?.kind !== 'high') return;
    const alone = decodeText(trace);
    expect(alone.ok && t.messages[1]!.message).toEqual(alone.ok && alone.message);
  });

  it('a dump written a line per record is joined and decoded', async () => {
    const lines = endCall(7).low.split('\n');
    const log = lines.map((l, i) => `${header(100 + i, 'Nov 20 10:43:59.000')}${l}`).join('\n');
    const t = await logTimeline([{ name: 'x.log', content: log }]);
    expect(callIds(t.messages)).toEqual([7]);
  });
});

// ---- damage never costs the valid records around it ------------------------------------------

type Item =
  | { kind: 'message'; callId: number; levels: 'high' | 'low' | 'both' }
  | { kind: 'cut'; callId: number; at: number }
  | { kind: 'garbage'; what: 'nul' | 'header' | 'bytes'; bytes: Uint8Array };

const item: fc.Arbitrary<Item> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('message' as const), callId: fc.integer({ min: 1, max: 1e6 }), levels: fc.constantFrom('high' as const, 'low' as const, 'both' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), callId: fc.integer({ min: 1, max: 1e6 }), at: fc.nat(300) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('garbage' as const), what: fc.constantFrom('nul' as const, 'header' as const, 'bytes' as const), bytes: fc.uint8Array({ maxLength: 100 }) }),
  },
);

function render(items: readonly Item[]): { bytes: Uint8Array; expected: Array<{ callId: number; index: number }> } {
  const parts: Uint8Array[] = [];
  const text = (s: string): void => void parts.push(new TextEncoder().encode(s));
  const expected: Array<{ callId: number; index: number }> = [];
  let seq = 1000;
  let ms = 0;
  items.forEach((it, index) => {
    const stamp = (): string => T((ms += 3));
    // Call IDs unique per item: two items of the same message would rightly be paired as one
    // message logged at both levels.
    const callId = it.kind === 'garbage' ? 0 : it.callId * 32 + index;
    if (it.kind === 'message') {
      const t = endCall(callId);
      if (it.levels !== 'low') text(`${header(seq++, stamp())}${t.high}\n`);
      if (it.levels !== 'high') text(`${header(seq++, stamp())}${t.low}\n`);
      // A record is whole unless random bytes follow it (they may run on as its continuation lines).
      if (items[index + 1]?.kind !== 'garbage' || (items[index + 1] as { what: string }).what !== 'bytes') expected.push({ callId, index });
    } else if (it.kind === 'cut') {
      const t = endCall(callId);
      const whole = `${header(seq++, stamp())}${t.high}`;
      text(`${whole.slice(0, Math.min(whole.length - 1, 60 + it.at))}\n`);
    } else if (it.what === 'nul') {
      text(`garbage\u0000${String.fromCharCode(...it.bytes.filter((b) => b !== 10))}\n`);
    } else if (it.what === 'header') {
      text(`${seq}: Nov 20 10:4 broken header ${it.bytes.length}\n`);
    } else {
      parts.push(it.bytes, new Uint8Array([10]));
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

describe('damage never throws and never costs the valid records around it (end to end)', () => {
  it('garbage lines, truncated records and random bytes interleaved with valid records', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(item, { maxLength: 25 }), fc.constantFrom(7, 64, 65536), async (items, chunk) => {
        expect(items.length).toBeLessThanOrEqual(32);
        const { bytes, expected } = render(items);
        const t = await logTimeline([{ name: 'x.log', content: bytes, chunk }]);
        const seen = callIds(t.messages);
        // Every whole record's message is there (random bytes may add messages, never remove these).
        const remaining = [...seen];
        for (const e of expected) {
          const at = remaining.indexOf(e.callId);
          expect(at, `message ${e.callId} (item ${e.index})`).toBeGreaterThanOrEqual(0);
          remaining.splice(at, 1);
        }
        for (const m of t.messages) expect(m.message.type).toBe('END_CALL_EVENT');
        for (let i = 1; i < t.messages.length; i++) expect(compareInstants(t.messages[i - 1]!.at!, t.messages[i]!.at!)).toBeLessThanOrEqual(0);
        expect(t.diagnostics.at(-1)?.code).toBe('LOG_SUMMARY');
      }),
      { numRuns: 150 },
    );
  });
});

describe('logs and captures', () => {
  it('merge into one timeline by time', async () => {
    // The capture: END_CALL_EVENTs 2001…2004, 1 ms apart from 2023-11-14T22:13:20Z.
    const start = 1_700_000_000;
    const steps = [2001, 2002, 2003, 2004].map((id) => ({ from: 'server' as const, messages: [{ type: 'END_CALL_EVENT', fields: { Reserved1: 0, Reserved2: 1, Reserved3: 21, ConnectionDeviceType: 0, CallID: id, ConnectionDeviceID: '' } }] }));
    const capture = collectTimeline(pcapOf(conversationFlow({ client: { addr: '10.0.0.1', port: 50000 }, server: { addr: '10.0.0.2', port: 42027 }, steps, handshake: false, close: 'none' }), start));
    const captureTimes = capture.messages.map((m) => m.at!);
    expect(captureTimes).toHaveLength(4);
    // The log: END_CALL_EVENTs 1001…1003 written at the times of the capture's first three (UTC records).
    const log = [1001, 1002, 1003]
      .map((id, i) => `${header(id, `Nov 14 22:13:20.${String(Math.floor(captureTimes[i]!.nsec / 1e6)).padStart(3, '0')}`, 'ICD_CTI', 'UTC')}${endCall(id).low}`)
      .join('\n');
    const logs = logSource([opened({ name: 'MIVR01.log', content: log })], { ports: [42027], showSecrets: false, year: 2023 });
    async function* captureBatches(): AsyncGenerator<TimelineBatch> {
      yield capture.events;
    }
    const merged: TimelineMessage[] = [];
    for await (const batch of mergeTimelines([{ batches: captureBatches() }, logs])) for (const e of batch) if (e.kind === 'message') merged.push(e);
    expect(merged).toHaveLength(7);
    for (let i = 1; i < merged.length; i++) expect(compareInstants(merged[i - 1]!.at!, merged[i]!.at!)).toBeLessThanOrEqual(0);
    expect(merged.map((x) => (x.session ? 'capture' : 'log'))).toEqual(['capture', 'log', 'capture', 'log', 'capture', 'log', 'capture']);
    expect(callIds(merged)).toEqual([2001, 1001, 2002, 1002, 2003, 1003, 2004]);
    expect(merged.filter((x) => x.session === undefined).map((x) => x.source.file)).toEqual(['MIVR01.log', 'MIVR01.log', 'MIVR01.log']);
  });
});
