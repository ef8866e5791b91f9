/**
 * Gaps, mid-stream starts and damage: the framer resynchronises on the next plausible
 * message, reports what it skipped, and the messages plus the reported ranges tile every
 * stream exactly (no byte unaccounted). Memory stays bounded whatever the bytes.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decode, type DecodedMessage } from '../../src/protocol/codec/decode.js';
import { encode, type EncodableMessage } from '../../src/protocol/codec/encode.js';
import { CtiStreamFramer } from '../../src/pipeline/capture/cti-framer.js';
import * as F from '../../scripts/samples/cti-flows.js';
import { ACK, ethernet, ETH_IPV4, FIN, PSH, SYN, tcpPacket, writePcap, type TcpSpec, type WrittenPacket } from '../support/capture-writer.js';
import { checkTiling, collectTimeline, ctiBytes } from '../support/cti-capture.js';

interface Out {
  readonly kind: 'message' | 'undecodable';
  readonly offset: number;
  readonly length: number;
  readonly type?: string;
  readonly message?: DecodedMessage;
  readonly reason?: string;
  readonly tag?: number;
}

/** A framer that records what it emits; gaps are recorded by the test itself. */
function framer(startsInSync: boolean): { f: CtiStreamFramer<number>; out: Out[] } {
  const out: Out[] = [];
  const f = new CtiStreamFramer<number>(
    {
      message: (m, bytes, offset, tag, captured) => out.push({ kind: 'message', offset, length: captured ?? bytes.length, type: m.type, message: m, tag }),
      undecodable: (offset, length, reason) => out.push({ kind: 'undecodable', offset, length, reason }),
    },
    (b, missing) => decode(b, missing ? { missing } : {}),
    startsInSync,
    0,
  );
  return { f, out };
}

const AGENT: F.Agent = { extension: '2006', id: 'agt2006' };
const CALL: F.InboundCall = { caller: '2005', trigger: '7000', ctiPort: '9019', csq: 1, app: 2 };

/** Realistic server-to-client messages (a bridge client's view of a queued call). */
function callMessages(callId = 16777507): EncodableMessage[] {
  return F.queuedAndAnsweredCall(AGENT, CALL, { call: callId, call2: 0 }, 7, false)
    .filter((b) => b.from === 'server' && b.parties.includes('bridge'))
    .flatMap((b) => b.messages);
}

function tiles(out: readonly Out[], gaps: ReadonlyArray<[number, number]>, end: number): void {
  const all = [...out.map((o) => [o.offset, o.length] as const), ...gaps].sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [o, l] of all) {
    expect(o, `range at ${o}`).toBe(at);
    at = o + l;
  }
  expect(at).toBe(end);
}

describe('the framer', () => {
  const messages = callMessages();
  const encoded = messages.map((m) => encode(m));
  const stream = ctiBytes(messages);

  it('frames a stream fed one byte at a time exactly like one fed at once', () => {
    const a = framer(true);
    a.f.push(stream, 0, 0);
    a.f.end();
    const b = framer(true);
    for (let i = 0; i < stream.length; i++) b.f.push(stream.subarray(i, i + 1), i, 0);
    b.f.end();
    expect(b.out).toEqual(a.out);
    expect(a.out.map((o) => o.type)).toEqual(messages.map((m) => m.type));
    expect(a.out.every((o) => o.kind === 'message')).toBe(true);
  });

  it('after a gap inside a message: the partial message is decoded as far as it goes, the next message is found', () => {
    const { f, out } = framer(true);
    const cutAt = encoded[0]!.length + encoded[1]!.length + 20; // inside message 2
    const gapEnd = encoded[0]!.length + encoded[1]!.length + encoded[2]!.length + 7; // inside message 3
    f.push(stream.subarray(0, cutAt), 0, 0);
    f.gap(cutAt, gapEnd - cutAt);
    f.push(stream.subarray(gapEnd), gapEnd, 0);
    f.end();
    const kinds = out.map((o) => (o.kind === 'message' ? o.type : `undecodable ${o.length}`));
    expect(kinds.slice(0, 3)).toEqual([messages[0]!.type, messages[1]!.type, messages[2]!.type]);
    expect(out[2]!.length).toBe(20);
    expect(out[2]!.message!.diagnostics.map((d) => d.code)).toContain('BYTES_MISSING');
    // The rest of message 3 is skipped, message 4 onwards are found again.
    expect(kinds[3]).toBe(`undecodable ${encoded[3]!.length - 7}`);
    expect(kinds.slice(4)).toEqual(messages.slice(4).map((m) => m.type));
    tiles(out, [[cutAt, gapEnd - cutAt]], stream.length);
  });

  it('a capture starting mid-stream: the tail of the first message is skipped', () => {
    const { f, out } = framer(false);
    const start = 13;
    const tail = stream.subarray(start);
    for (let i = 0; i < tail.length; i += 40) f.push(tail.subarray(i, i + 40), i, 0);
    f.end();
    expect(out[0]).toMatchObject({ kind: 'undecodable', offset: 0, length: encoded[0]!.length - start });
    expect(out.slice(1).map((o) => o.type)).toEqual(messages.slice(1).map((m) => m.type));
    tiles(out, [], tail.length);
  });

  it('an absurd BodyLength mid-stream is damage: resynchronised at once, not waited for', () => {
    const { f, out } = framer(true);
    const bad = Uint8Array.of(0x7f, 0xff, 0xff, 0xff, 0, 0, 0, 23, 1, 2, 3);
    const bytes = ctiBytes([messages[0]!]);
    f.push(bytes, 0, 0);
    f.push(bad, bytes.length, 0);
    f.push(stream.subarray(encoded[0]!.length), bytes.length + bad.length, 0);
    expect(out.map((o) => o.kind)).toEqual(['message', 'undecodable', ...messages.slice(1).map(() => 'message')]);
    expect(out[1]).toMatchObject({ offset: bytes.length, length: bad.length });
    expect(out[1]!.reason).toMatch(/implausible message header/);
    f.end();
  });

  it('the same when the message and the absurd header come in one push: the damage starts after the message', () => {
    const { f, out } = framer(true);
    const bad = Uint8Array.of(0x7f, 0xff, 0xff, 0xff, 0, 0, 0, 23, 1, 2, 3);
    const bytes = ctiBytes([messages[0]!]);
    f.push(Buffer.concat([bytes, bad, stream.subarray(encoded[0]!.length)]), 0, 0);
    f.end();
    expect(out.map((o) => o.kind)).toEqual(['message', 'undecodable', ...messages.slice(1).map(() => 'message')]);
    expect(out[0]).toMatchObject({ offset: 0, length: bytes.length });
    expect(out[1]).toMatchObject({ offset: bytes.length, length: bad.length });
    tiles(out, [], bytes.length + bad.length + stream.length - encoded[0]!.length);
  });

  it('keeps memory bounded on megabytes of garbage, and accounts for every byte', () => {
    const { f, out } = framer(true);
    let seed = 12345;
    const garbage = new Uint8Array(1 << 16);
    let offset = 0;
    let maxHeld = 0;
    for (let round = 0; round < 64; round++) {
      for (let i = 0; i < garbage.length; i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        garbage[i] = seed >>> 24;
      }
      f.push(garbage, offset, 0);
      offset += garbage.length;
      maxHeld = Math.max(maxHeld, f.heldBytes);
    }
    f.push(stream, offset, 0);
    f.end();
    expect(maxHeld).toBeLessThan(2 * 65544 + garbage.length);
    const messagesFound = out.filter((o) => o.kind === 'message');
    // The real messages at the end are found again.
    expect(messagesFound.slice(-(messages.length - 1)).map((o) => o.type)).toEqual(messages.slice(1).map((m) => m.type));
    tiles(out, [], offset + stream.length);
  });

  it('a plausible header whose body never completes is not waited for past the end', () => {
    const { f, out } = framer(false);
    // CONFIG_CSQ_EVENT (236) announcing 3000 bytes, then only 100 come.
    const head = Uint8Array.of(0, 0, 0x0b, 0xb8, 0, 0, 0, 236, ...new Uint8Array(100));
    f.push(head, 0, 0);
    expect(out).toEqual([]);
    f.end();
    expect(out).toEqual([{ kind: 'undecodable', offset: 0, length: head.length, reason: expect.stringMatching(/mid-stream/) as unknown as string }]);
  });

  it('resynchronises on the next message whose body decodes cleanly, not on a look-alike header', () => {
    const { f, out } = framer(false);
    // A header-like pattern (HEARTBEAT_REQ with BodyLength 4) whose "body" runs into bytes
    // that are no header, then a real message.
    const junk = Uint8Array.of(0, 0, 0, 4, 0, 0, 0, 5, 0, 0, 0, 1, 0xde, 0xad, 0xbe, 0xef, 0x41, 0x42, 0x43);
    const real = encode(messages[2]!);
    f.push(Uint8Array.from([...junk, ...real]), 0, 0);
    f.end();
    expect(out.map((o) => o.kind)).toEqual(['undecodable', 'message']);
    expect(out[0]).toMatchObject({ offset: 0, length: junk.length });
    expect(out[1]!.type).toBe(messages[2]!.type);
  });
});

describe('the framer reports each message with the push that completed it', () => {
  it('in sync, and when a search recognises a message only after later pushes', () => {
    const messages = callMessages();
    const encoded = messages.map((m) => encode(m));
    const { f, out } = framer(false);
    // Mid-stream: message 0 arrives in push 1 (tag 1), message 1 in push 2, the rest in push 3.
    f.push(encoded[0]!, 0, 1);
    expect(out).toEqual([]); // a search needs two clean messages in a row
    f.push(encoded[1]!, encoded[0]!.length, 2);
    const rest = ctiBytes(messages.slice(2));
    f.push(rest, encoded[0]!.length + encoded[1]!.length, 3);
    f.end();
    expect(out.map((o) => [o.type, o.tag])).toEqual([
      [messages[0]!.type, 1],
      [messages[1]!.type, 2],
      ...messages.slice(2).map((m) => [m.type, 3]),
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Through captures: dropped segments, tiling property

const client = { addr: '10.1.1.5', port: 50311 };
const server = { addr: '10.1.1.2', port: 42027 };

function lossyCapture(streams: [Uint8Array, Uint8Array], cut: number, drop: readonly boolean[], withSyn: boolean, startAt: [number, number]): Uint8Array {
  const ends = [client, server] as const;
  const isn = [1000, 900000];
  const base = [isn[0]! + 1, isn[1]! + 1];
  const seg = (dir: 0 | 1, start: number, end: number, flags: number): TcpSpec => ({
    srcPort: ends[dir].port,
    dstPort: ends[1 - dir]!.port,
    seq: (base[dir]! + start) >>> 0,
    ack: base[1 - dir],
    flags,
    payload: streams[dir].subarray(start, end),
  });
  const list: Array<[0 | 1, TcpSpec]> = [];
  if (withSyn) {
    list.push([0, { srcPort: client.port, dstPort: server.port, seq: isn[0]!, flags: SYN }]);
    list.push([1, { srcPort: server.port, dstPort: client.port, seq: isn[1]!, ack: base[0], flags: SYN | ACK }]);
  }
  let k = 0;
  const pos = [withSyn ? 0 : startAt[0], withSyn ? 0 : startAt[1]];
  while (pos[0]! < streams[0].length || pos[1]! < streams[1].length) {
    for (const dir of [0, 1] as const) {
      const len = streams[dir].length;
      if (pos[dir]! >= len) continue;
      const end = Math.min(len, pos[dir]! + cut);
      const first = pos[dir] === (withSyn ? 0 : startAt[dir]);
      if (first || !drop[k++ % drop.length]) list.push([dir, seg(dir, pos[dir]!, end, PSH | ACK)]);
      pos[dir] = end;
    }
  }
  for (const dir of [0, 1] as const) list.push([dir, seg(dir, streams[dir].length, streams[dir].length, FIN | ACK)]);
  const pkts: WrittenPacket[] = list.map(([dir, spec], i) => ({
    sec: 1_700_000_000,
    nsec: i * 1000,
    data: ethernet(tcpPacket(ends[dir].addr, ends[1 - dir]!.addr, spec), ETH_IPV4),
  }));
  return writePcap(pkts, { linkType: 1, nanosecond: true });
}

describe('gaps and resynchronisation in captures', () => {
  const clientMessages = [F.openRequest(1, 13, 'bridge'), F.heartbeatReq(2), F.heartbeatReq(3), F.closeReq(4)];
  const serverMessages = [F.openConf(1, 'bridge'), ...callMessages(16777601), F.heartbeatConf(2), ...callMessages(16777650), F.heartbeatConf(3), F.closeConf(4)];
  const streams: [Uint8Array, Uint8Array] = [ctiBytes(clientMessages), ctiBytes(serverMessages)];

  it('property: with any segments lost, messages, gaps and undecodable ranges tile each stream', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 400 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        fc.tuple(fc.nat({ max: 60 }), fc.nat({ max: 300 })),
        fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 4 }),
        (cut, drop, withSyn, startAt, chunks) => {
          const result = collectTimeline(lossyCapture(streams, cut, drop, withSyn, startAt), {}, chunks);
          expect(result.sessions).toHaveLength(1);
          const s = result.sessions[0]!;
          const tiling = checkTiling(result.events);
          expect(tiling.problems).toEqual([]);
          const lengths = { 'client-to-server': streams[0].length - (withSyn ? 0 : startAt[0]), 'server-to-client': streams[1].length - (withSyn ? 0 : startAt[1]) };
          for (const dir of ['client-to-server', 'server-to-client'] as const) {
            expect(tiling.ends.get(`${s.id} ${dir}`) ?? 0).toBe(lengths[dir]);
            // unaccountedBytes = the gaps and undecodable ranges reported.
            const reported = result.diagnostics
              .filter((d) => d.direction === dir && (d.code === 'STREAM_GAP' || d.code === 'STREAM_UNDECODABLE'))
              .reduce((n, d) => n + (d.length ?? 0), 0);
            expect(s.unaccountedBytes[dir]).toBe(reported);
            const decodedBytes = result.messages.filter((m) => m.direction === dir).reduce((n, m) => n + (m.capturedLength ?? 8 + (m.message.bodyLength ?? 0)), 0);
            expect(decodedBytes + reported).toBe(lengths[dir]);
          }
          // Every message found is one that was sent, at the offset it was sent at.
          const sentAt = (list: EncodableMessage[], shift: number): Map<number, string> => {
            const map = new Map<number, string>();
            let o = -shift;
            for (const m of list) {
              map.set(o, m.type);
              o += encode(m).length;
            }
            return map;
          };
          const sent = { 'client-to-server': sentAt(clientMessages, withSyn ? 0 : startAt[0]), 'server-to-client': sentAt(serverMessages, withSyn ? 0 : startAt[1]) };
          for (const m of result.messages) expect(sent[m.direction!].get(m.streamOffset!), `${m.message.type} at ${m.streamOffset}`).toBe(m.message.type);
        },
      ),
      { numRuns: Number(process.env.RESYNC_RUNS ?? 300) },
    );
  });

  it('no loss: every message, nothing unaccounted (also without the SYN, on the CTI port)', () => {
    for (const withSyn of [true, false]) {
      const result = collectTimeline(lossyCapture(streams, 100, [false], withSyn, [0, 0]));
      expect(result.messages.map((m) => m.message.type)).toHaveLength(clientMessages.length + serverMessages.length);
      expect(result.sessions[0]!.unaccountedBytes).toEqual({ 'client-to-server': 0, 'server-to-client': 0 });
      expect(result.sessions[0]!.roleBasis).toBe(withSyn ? 'syn' : 'port');
      const midStream = result.diagnostics.filter((d) => d.code === 'STREAM_GAP');
      expect(midStream).toHaveLength(withSyn ? 0 : 2);
      for (const d of midStream) expect(d).toMatchObject({ severity: 'info', streamOffset: 0 });
    }
  });
});

describe('samples/damaged-midstream-gap.pcap', () => {
  const path = 'samples/damaged-midstream-gap.pcap';
  it('reports the mid-stream start, the lost segment and the cut segment, and decodes the rest', () => {
    const result = collectTimeline(new Uint8Array(readFileSync(path)), {}, [4096], path);
    const codes = result.diagnostics.map((d) => `${d.code}${d.direction ? ` ${d.direction}` : ''}${d.length !== undefined ? ` ${d.length}` : ''}`);
    expect(codes).toEqual([
      'STREAM_GAP server-to-client', // starts mid-stream
      'STREAM_UNDECODABLE server-to-client 35', // the tail of the BEGIN_CALL_EVENT whose start was not captured
      'STREAM_GAP client-to-server',
      'STREAM_GAP server-to-client 87', // the lost AGENT_STATE_EVENT
      'STREAM_GAP server-to-client 101', // what the snapshot length cut of a segment (its 30 bytes kept are a message cut short)
    ]);
    expect(result.messages).toHaveLength(32);
    const cut = result.messages.filter((m) => m.capturedLength !== undefined);
    expect(cut.map((m) => [m.message.type, m.capturedLength, 8 + m.message.bodyLength!])).toEqual([['CALL_CONNECTION_CLEARED_EVENT', 30, 44]]);
    expect(result.messages[0]!.message.type).toBe('CALL_SERVICE_INITIATED_EVENT');
    expect(result.messages.every((m) => m === cut[0] || m.message.diagnostics.every((d) => d.severity !== 'error'))).toBe(true);
    expect(checkTiling(result.events).problems).toEqual([]);
    const s = result.sessions[0]!;
    expect(s).toMatchObject({ roleBasis: 'port', client: { addr: '10.10.20.31', port: 51234 }, closedBy: 'end-of-capture' });
    expect(s.unaccountedBytes).toEqual({ 'client-to-server': 0, 'server-to-client': 35 + 87 + 101 });
    // Nanosecond timestamps are kept.
    expect(result.messages[0]!.at).toEqual({ sec: 1448030639, nsec: 440000191 });
  });
});
