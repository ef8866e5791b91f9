/**
 * CTI framer inputs that manual mutation testing showed the other tests did not pin
 * (docs/test-gaps.md, "CTI framer"): reason texts, push boundaries, what stops a search,
 * what a search accepts, suspend() in sync.
 */
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/protocol/codec/decode.js';
import { encode } from '../../src/protocol/codec/encode.js';
import { CtiStreamFramer } from '../../src/pipeline/capture/cti-framer.js';
import * as F from '../../scripts/samples/cti-flows.js';
import { concatBytes } from '../support/capture-writer.js';

type Out =
  | { readonly kind: 'message'; readonly offset: number; readonly length: number; readonly type: string; readonly tag: number }
  | { readonly kind: 'undecodable'; readonly offset: number; readonly length: number; readonly reason: string };

/** A framer that records what it emits (tags are numbers: the push). */
function framer(startsInSync: boolean): { f: CtiStreamFramer<number>; out: Out[] } {
  const out: Out[] = [];
  const f = new CtiStreamFramer<number>(
    {
      message: (m, bytes, offset, tag, captured) => out.push({ kind: 'message', offset, length: captured ?? bytes.length, type: m.type, tag }),
      undecodable: (offset, length, reason) => out.push({ kind: 'undecodable', offset, length, reason }),
    },
    (b, missing) => decode(b, missing ? { missing } : {}),
    startsInSync,
    0,
  );
  return { f, out };
}

const AGENT: F.Agent = { extension: '2006', id: 'agt2006' };
/** A clean AGENT_STATE_EVENT (fixed part and floating strings). */
const stateEvent = encode(F.agentStateEvent(AGENT, F.AGENT_READY));
const hbConf2 = encode(F.heartbeatConf(2));
const hbConf3 = encode(F.heartbeatConf(3));
const MID_STREAM = 'the capture starts mid-stream: bytes before the first message header';

describe('a gap right after the 8 header bytes in sync', () => {
  it('is a message of its header alone (decoded as far as it goes), not an incomplete header', () => {
    const { f, out } = framer(true);
    f.push(hbConf2, 0, 1);
    f.push(stateEvent.subarray(0, 8), hbConf2.length, 2); // exactly the header of the next message
    expect(f.heldBytes).toBe(8);
    f.gap(hbConf2.length + 8, 20);
    expect(out).toEqual([
      { kind: 'message', offset: 0, length: 12, type: 'HEARTBEAT_CONF', tag: 1 },
      { kind: 'message', offset: 12, length: 8, type: 'AGENT_STATE_EVENT', tag: 2 },
    ]);
  });

  it('so it is when the gap runs to the end of that message or beyond', () => {
    for (const beyond of [0, 1]) {
      const { f, out } = framer(true);
      f.push(stateEvent.subarray(0, 8), 0, 1);
      f.gap(8, stateEvent.length - 8 + beyond);
      expect(out).toEqual([{ kind: 'message', offset: 0, length: 8, type: 'AGENT_STATE_EVENT', tag: 1 }]);
    }
  });

  it('one byte fewer is an incomplete header', () => {
    const { f, out } = framer(true);
    f.push(stateEvent.subarray(0, 7), 0, 1);
    f.gap(7, 20);
    expect(out).toEqual([{ kind: 'undecodable', offset: 0, length: 7, reason: 'an incomplete message header (7 of 8 bytes): the rest was not captured' }]);
  });
});

describe('a stream that ends on a gap', () => {
  it('in sync: the gap is the last thing, no 0-length undecodable after it', () => {
    const { f, out } = framer(true);
    f.push(hbConf2, 0, 1);
    f.gap(12, 50);
    f.end();
    expect(out).toEqual([{ kind: 'message', offset: 0, length: 12, type: 'HEARTBEAT_CONF', tag: 1 }]);
  });

  it('searching with bytes held: their run ends at the gap, nothing after it', () => {
    const { f, out } = framer(false);
    f.push(Uint8Array.of(1, 2, 3, 4, 5), 0, 1);
    f.gap(5, 50);
    f.end();
    expect(out).toEqual([{ kind: 'undecodable', offset: 0, length: 5, reason: MID_STREAM }]);
    expect(out.filter((o) => o.length === 0)).toEqual([]);
  });
});

describe('an 8-byte message (BodyLength 0) ending exactly at a push boundary', () => {
  const empty = encode({ type: 'CONFIG_REQUEST_KEY_EVENT', fields: {} });

  it('is framed by that push, with its tag, and nothing is held', () => {
    expect(empty.length).toBe(8);
    const { f, out } = framer(true);
    f.push(empty, 0, 1);
    expect(out).toEqual([{ kind: 'message', offset: 0, length: 8, type: 'CONFIG_REQUEST_KEY_EVENT', tag: 1 }]);
    expect(f.heldBytes).toBe(0);
    f.push(concatBytes(hbConf2, empty), 8, 2); // after another message in the same push
    expect(out.slice(1)).toEqual([
      { kind: 'message', offset: 8, length: 12, type: 'HEARTBEAT_CONF', tag: 2 },
      { kind: 'message', offset: 20, length: 8, type: 'CONFIG_REQUEST_KEY_EVENT', tag: 2 },
    ]);
    expect(f.heldBytes).toBe(0);
    f.end();
    expect(out).toHaveLength(3);
  });

  it('is framed by the push that brings its 8th byte when split across pushes', () => {
    const { f, out } = framer(true);
    f.push(empty.subarray(0, 4), 0, 1);
    expect(out).toEqual([]);
    f.push(empty.subarray(4), 4, 2);
    expect(out).toEqual([{ kind: 'message', offset: 0, length: 8, type: 'CONFIG_REQUEST_KEY_EVENT', tag: 2 }]);
    expect(f.heldBytes).toBe(0);
  });
});

describe('while searching', () => {
  // CONFIG_CSQ_EVENT (236) announcing a 3000-byte body: strictly plausible, never completed.
  const falseHeader = Uint8Array.of(0, 0, 0x0b, 0xb8, 0, 0, 0, 236);

  it('a false header whose length runs past the end does not stop the search at the end', () => {
    const { f, out } = framer(false);
    f.push(concatBytes(falseHeader, stateEvent, hbConf2), 0, 1);
    expect(out).toEqual([]); // the false header could still complete: wait
    f.end();
    expect(out).toEqual([
      { kind: 'undecodable', offset: 0, length: 8, reason: MID_STREAM },
      { kind: 'message', offset: 8, length: stateEvent.length, type: 'AGENT_STATE_EVENT', tag: 1 },
      { kind: 'message', offset: 8 + stateEvent.length, length: 12, type: 'HEARTBEAT_CONF', tag: 1 },
    ]);
  });

  it('… nor at a gap', () => {
    const { f, out } = framer(false);
    const head = concatBytes(falseHeader, stateEvent, hbConf2);
    f.push(head, 0, 1);
    f.gap(head.length, 100);
    f.push(concatBytes(hbConf3, hbConf2), head.length + 100, 2);
    f.end();
    expect(out).toEqual([
      { kind: 'undecodable', offset: 0, length: 8, reason: MID_STREAM },
      { kind: 'message', offset: 8, length: stateEvent.length, type: 'AGENT_STATE_EVENT', tag: 1 },
      { kind: 'message', offset: 8 + stateEvent.length, length: 12, type: 'HEARTBEAT_CONF', tag: 1 },
      { kind: 'message', offset: head.length + 100, length: 12, type: 'HEARTBEAT_CONF', tag: 2 },
      { kind: 'message', offset: head.length + 112, length: 12, type: 'HEARTBEAT_CONF', tag: 2 },
    ]);
  });

  it('a message with a warning is not a resync point', () => {
    // AGENT_STATE_EVENT whose AgentExtension ("2006") lost its NUL: STRING_NOT_TERMINATED (warning).
    const warned = stateEvent.slice();
    const at = Buffer.from(warned).indexOf(Buffer.from('2006\0', 'latin1'));
    expect(at).toBeGreaterThan(0);
    warned[at + 4] = 0x58;
    expect(decode(warned).diagnostics.map((d) => [d.code, d.severity])).toEqual([['STRING_NOT_TERMINATED', 'warning']]);
    const { f, out } = framer(false);
    f.push(concatBytes(warned, hbConf2, hbConf3), 0, 1);
    f.end();
    expect(out).toEqual([
      { kind: 'undecodable', offset: 0, length: warned.length, reason: MID_STREAM },
      { kind: 'message', offset: warned.length, length: 12, type: 'HEARTBEAT_CONF', tag: 1 },
      { kind: 'message', offset: warned.length + 12, length: 12, type: 'HEARTBEAT_CONF', tag: 1 },
    ]);
  });

  it('a message whose only diagnostic is VALUE_NOT_IN_TABLE (info) is a resync point', () => {
    // VALUE_NOT_IN_TABLE is info (docs/spec-notes.md), and a search accepts info.
    const unlisted = encode(F.agentStateEvent(AGENT, 77));
    expect(new Set(decode(unlisted).diagnostics.map((d) => `${d.code} ${d.severity}`))).toEqual(new Set(['VALUE_NOT_IN_TABLE info']));
    const { f, out } = framer(false);
    f.push(concatBytes(unlisted, hbConf2), 0, 1);
    f.end();
    expect(out).toEqual([
      { kind: 'message', offset: 0, length: unlisted.length, type: 'AGENT_STATE_EVENT', tag: 1 },
      { kind: 'message', offset: unlisted.length, length: 12, type: 'HEARTBEAT_CONF', tag: 1 },
    ]);
  });
});

describe('suspend() while in sync', () => {
  const REASON = 'not CTI at the start of the connection';
  const partial = 10; // bytes of the AGENT_STATE_EVENT held when suspended

  it('the held partial message and every byte pushed while suspended are one undecodable run with the reason', () => {
    const { f, out } = framer(true);
    f.push(concatBytes(hbConf2, stateEvent.subarray(0, partial)), 0, 1);
    expect(f.heldBytes).toBe(partial);
    f.suspend(REASON);
    expect(f.suspended).toBe(true);
    expect(f.heldBytes).toBe(0);
    f.push(concatBytes(stateEvent.subarray(partial), hbConf3), 12 + partial, 2);
    expect(out).toHaveLength(1);
    f.end();
    expect(out).toEqual([
      { kind: 'message', offset: 0, length: 12, type: 'HEARTBEAT_CONF', tag: 1 },
      { kind: 'undecodable', offset: 12, length: stateEvent.length + 12, reason: REASON },
    ]);
  });

  it('after resume() the framer searches: the run ends at the next message found', () => {
    const { f, out } = framer(true);
    f.push(concatBytes(hbConf2, stateEvent.subarray(0, partial)), 0, 1);
    f.suspend(REASON);
    f.push(stateEvent.subarray(partial), 12 + partial, 2);
    f.resume();
    expect(f.searching).toBe(true);
    const next = 12 + stateEvent.length;
    f.push(concatBytes(hbConf3, hbConf2), next, 3);
    f.end();
    expect(out).toEqual([
      { kind: 'message', offset: 0, length: 12, type: 'HEARTBEAT_CONF', tag: 1 },
      { kind: 'undecodable', offset: 12, length: stateEvent.length, reason: REASON },
      { kind: 'message', offset: next, length: 12, type: 'HEARTBEAT_CONF', tag: 3 },
      { kind: 'message', offset: next + 12, length: 12, type: 'HEARTBEAT_CONF', tag: 3 },
    ]);
  });
});

/**
 * A gap inside a message whose header was read in sync (a segment cut by the snapshot length,
 * a segment lost in the middle of a message): the next message starts where that one ends.
 */
describe('a gap inside a message of known length keeps the framer in sync', () => {
  /** An AGENT_STATE_EVENT with a field its table does not list: a warning, so a search would not accept it. */
  const withWarning = ((): Uint8Array => {
    const extra = new Uint8Array([0xfe, 0x01, 0x41]); // FieldDataID 254, FieldDataLength 1, "A"
    const m = concatBytes(stateEvent, extra);
    new DataView(m.buffer, m.byteOffset).setUint32(0, m.length - 8);
    return m;
  })();

  it('the search would not have found the next message (the premise)', () => {
    expect(decode(withWarning).diagnostics.map((d) => d.severity)).toContain('warning');
  });

  it('messages cut by the snapshot length: each decoded as far as it goes, the next ones read in sync', () => {
    const { f, out } = framer(true);
    let at = 0;
    const cut = (m: Uint8Array, kept: number, tag: number): void => {
      f.push(m.subarray(0, kept), at, tag);
      f.gap(at + kept, m.length - kept);
      at += m.length;
    };
    f.push(hbConf2, at, 1);
    at += hbConf2.length;
    cut(stateEvent, 14, 2);
    cut(stateEvent, 5, 3); // not even its header
    f.push(withWarning, at, 4);
    at += withWarning.length;
    f.push(hbConf3, at, 5);
    f.end();
    const s = stateEvent.length;
    expect(out).toEqual([
      { kind: 'message', offset: 0, length: 12, type: 'HEARTBEAT_CONF', tag: 1 },
      { kind: 'message', offset: 12, length: 14, type: 'AGENT_STATE_EVENT', tag: 2 },
      { kind: 'undecodable', offset: 12 + s, length: 5, reason: 'an incomplete message header (5 of 8 bytes): the rest was not captured' },
      // The header of the second cut message was not read: its end is unknown, so a search
      // follows; it does not accept a message with a warning.
      { kind: 'undecodable', offset: 12 + 2 * s, length: withWarning.length, reason: 'bytes after a gap, before the next message header' },
      { kind: 'message', offset: 12 + 2 * s + withWarning.length, length: 12, type: 'HEARTBEAT_CONF', tag: 5 },
    ]);
  });

  it('after a message cut right after its header, a message with a warning is read in sync', () => {
    const { f, out } = framer(true);
    f.push(stateEvent.subarray(0, 8), 0, 1);
    f.gap(8, stateEvent.length - 8);
    f.push(withWarning, stateEvent.length, 2);
    expect(out.map((o) => (o.kind === 'message' ? `${o.type} ${o.offset} ${o.length}` : `- ${o.offset} ${o.length}`))).toEqual(['AGENT_STATE_EVENT 0 8', `AGENT_STATE_EVENT ${stateEvent.length} ${withWarning.length}`]);
  });

  it('a segment lost in the middle of a message: its start is decoded, its rest skipped, the next message read in sync', () => {
    const { f, out } = framer(true);
    const s = stateEvent.length;
    f.push(stateEvent.subarray(0, 20), 0, 1);
    f.gap(20, 10);
    f.push(stateEvent.subarray(30, 40), 30, 2);
    f.gap(40, 5); // a second hole in the same message
    f.push(concatBytes(stateEvent.subarray(45), withWarning), 45, 3);
    expect(out).toEqual([
      { kind: 'message', offset: 0, length: 20, type: 'AGENT_STATE_EVENT', tag: 1 },
      { kind: 'undecodable', offset: 30, length: 10, reason: 'the rest of an incomplete AGENT_STATE_EVENT, after a gap inside it' },
      { kind: 'undecodable', offset: 45, length: s - 45, reason: 'the rest of an incomplete AGENT_STATE_EVENT, after a gap inside it' },
      { kind: 'message', offset: s, length: withWarning.length, type: 'AGENT_STATE_EVENT', tag: 3 },
    ]);
  });

  it('a gap that runs past the end of the message it started in: a search, as before', () => {
    const { f, out } = framer(true);
    f.push(stateEvent.subarray(0, 20), 0, 1);
    f.gap(20, stateEvent.length - 20 + 3);
    f.push(concatBytes(hbConf2.subarray(3), hbConf3, hbConf2), stateEvent.length + 3, 2);
    expect(out.map((o) => (o.kind === 'message' ? `${o.type} ${o.offset}` : `- ${o.offset} ${o.length} ${o.reason}`))).toEqual([
      'AGENT_STATE_EVENT 0',
      `- ${stateEvent.length + 3} 9 bytes after a gap, before the next message header`,
      `HEARTBEAT_CONF ${stateEvent.length + 12}`,
      `HEARTBEAT_CONF ${stateEvent.length + 24}`,
    ]);
  });

  it('the end of the stream while skipping the rest of a message: the bytes skipped are one range', () => {
    const { f, out } = framer(true);
    f.push(stateEvent.subarray(0, 20), 0, 1);
    f.gap(20, 10);
    f.push(stateEvent.subarray(30, 40), 30, 2);
    f.end();
    expect(out.map((o) => (o.kind === 'undecodable' ? `${o.offset} ${o.length}` : o.type))).toEqual(['AGENT_STATE_EVENT', '30 10']);
  });
});

describe('a message cut short is decoded as far as its bytes go', () => {
  it('the fields before the cut are read; the rest is missing, and its absence is no finding', () => {
    const got: Array<{ m: ReturnType<typeof decode>; captured: number | undefined; bytes: number }> = [];
    const f = new CtiStreamFramer<number>(
      { message: (m, bytes, _offset, _tag, captured) => got.push({ m, captured, bytes: bytes.length }), undecodable: () => undefined },
      (b, missing) => decode(b, missing ? { missing } : {}),
      true,
      0,
    );
    const whole = decode(stateEvent);
    for (const kept of [8, 14, 30, stateEvent.length - 1]) {
      got.length = 0;
      const at = f.nextOffset;
      f.push(stateEvent.subarray(0, kept), at, 1);
      f.gap(at + kept, stateEvent.length - kept);
      expect(got).toHaveLength(1);
      const { m, captured, bytes } = got[0]!;
      expect(captured).toBe(kept);
      expect(bytes).toBe(stateEvent.length);
      expect(m.type).toBe('AGENT_STATE_EVENT');
      expect(m.bodyLength).toBe(stateEvent.length - 8);
      expect(m.diagnostics.map((d) => d.code)).toContain('BYTES_MISSING');
      expect(m.diagnostics.map((d) => d.code)).not.toContain('REQUIRED_FIELD_MISSING');
      // What was decoded is what the whole message says.
      for (const [k, v] of Object.entries(m.fields)) if (v !== undefined) expect(v, `${k} (${kept} bytes kept)`).toEqual(whole.fields[k]);
    }
    // Cut one byte short (the last iteration), all but the last field are read.
    expect(Object.keys(got[0]!.m.fields).length).toBeGreaterThan(3);
  });
});
