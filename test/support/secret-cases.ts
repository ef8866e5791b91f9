/**
 * Messages carrying a password, sound and damaged, each password a marker of its own
 * (`S3CR3T-<n>`), for the output sweep: the marker must show in no output unless
 * `--show-secrets`. The messages are written from the table (encode) and then damaged by hand
 * (a floating field is FieldDataID, FieldDataLength, data; chapter 2).
 */
import { encode, type EncodableMessage } from '../../src/protocol/codec/encode.js';
import { HEADER_LENGTH } from '../../src/protocol/codec/framing.js';
import { highLevelTrace, lowLevelDump } from '../../scripts/samples/trace-text.js';
import { MivrLogWriter } from '../../scripts/samples/mivr-log-writer.js';
import { concatBytes, writePcap } from './capture-writer.js';
import { conversationFlow, ctiConnectionFlow, pcapOf } from './cti-capture.js';
import { flowToEthernetPackets } from './tcp-flow.js';

const ascii = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
const hexOf = (s: string): string => Buffer.from(s, 'latin1').toString('hex');

/** A floating field: FieldDataID, FieldDataLength, data. */
export function tlv(id: number, data: Uint8Array): Uint8Array {
  return concatBytes(new Uint8Array([id, data.length]), data);
}

/** A message of `typeId` with the given body, its BodyLength `bodyLength` (default: the body's). */
export function rawMessage(typeId: number, body: Uint8Array, bodyLength = body.length): Uint8Array {
  const out = new Uint8Array(HEADER_LENGTH + body.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, bodyLength);
  v.setUint32(4, typeId);
  out.set(body, HEADER_LENGTH);
  return out;
}

/** The message with its BodyLength set to `n` (the bytes unchanged). */
function withBodyLength(bytes: Uint8Array, n: number): Uint8Array {
  const out = bytes.slice();
  new DataView(out.buffer).setUint32(0, n);
  return out;
}

/** The message with `extra` appended to its body (BodyLength grown to match). */
function appended(bytes: Uint8Array, extra: Uint8Array): Uint8Array {
  return withBodyLength(concatBytes(bytes, extra), bytes.length - HEADER_LENGTH + extra.length);
}

export function openReq(password: string, more: Partial<Record<string, string | number>> = {}): EncodableMessage {
  return {
    type: 'OPEN_REQ',
    fields: {
      InvokeID: 1,
      VersionNumber: 13,
      IdleTimeout: 80,
      Reserved1: 0,
      ServicesRequested: 0x10,
      CallMsgMask: 0,
      AgentStateMask: 0,
      ConfigMsgMask: 0,
      Reserved2: 0,
      Reserved3: 0,
      Reserved4: 0,
      ClientID: 'desktop',
      ClientPassword: hexOf(password),
      AgentExtension: '2001',
      AgentInstrument: '2001',
      AgentID: 'agt2001',
      ...more,
    },
  };
}

export function setAgentStateReq(password: string, more: Partial<Record<string, string | number>> = {}): EncodableMessage {
  return {
    type: 'SET_AGENT_STATE_REQ',
    fields: {
      InvokeID: 2,
      Reserved1: 1,
      AgentState: 0,
      Reserved2: 0,
      Reserved3: 0,
      EventReasonCode: 0,
      ForcedFlag: 0,
      AgentCapacity: 1,
      AgentInstrument: '2001',
      AgentPassword: password,
      AgentID: 'agt2001',
      ...more,
    },
  };
}

/** One case: the client's messages, in order, and the marker its passwords carry. */
export interface SecretCase {
  readonly name: string;
  readonly secret: string;
  readonly messages: readonly Uint8Array[];
  /** The marker shows in `decode --show-secrets` (false where no output can know it for a secret). */
  readonly shownWithSecrets: boolean;
}

export const marker = (n: number): string => `S3CR3T-${String(n).padStart(2, '0')}`;

/** The cases (each its own marker). */
export function secretCases(): SecretCase[] {
  const cases: SecretCase[] = [];
  let n = 0;
  const add = (name: string, build: (secret: string) => Uint8Array[], shownWithSecrets = true): void => {
    const secret = marker(++n);
    cases.push({ name, secret, messages: build(secret), shownWithSecrets });
  };
  const open = (s: string): Uint8Array => encode(openReq(s));
  const setState = (s: string): Uint8Array => encode(setAgentStateReq(s));
  add('ClientPassword of a sound OPEN_REQ', (s) => [open(s)]);
  add('AgentPassword of a sound SET_AGENT_STATE_REQ', (s) => [setState(s)]);
  add('a long ClientPassword (64 bytes, over several dump rows)', (s) => [open(`${s}-${'x'.repeat(40)}-${s}`.slice(0, 64))]);
  add('a second ClientPassword', (s) => [appended(open('first'), tlv(2, ascii(s)))]);
  add('a second AgentPassword', (s) => [appended(setState('first'), tlv(49, ascii(`${s}\0`)))]);
  add('AgentPassword (49) in a QUERY_AGENT_STATE_REQ, which has none', (s) => [
    encode({ type: 'QUERY_AGENT_STATE_REQ', fields: { InvokeID: 3, Reserved1: 1, Reserved2: 1, Reserved3: 0, AgentInstrument: '2001' }, extras: [{ id: 49, hex: hexOf(`${s}\0`) }] }),
  ]);
  add('ClientPassword (2) in a CLOSE_REQ, which has no floating part', (s) => [appended(encode({ type: 'CLOSE_REQ', fields: { InvokeID: 4, Status: 0 } }), tlv(2, ascii(s)))]);
  /** A SET_AGENT_STATE_REQ whose AgentPassword field holds the bytes given (as hex). */
  const setStateRaw = (hex: string): Uint8Array => {
    const fields = { ...setAgentStateReq('').fields };
    delete fields.AgentPassword;
    return encode({ type: 'SET_AGENT_STATE_REQ', fields, extras: [{ id: 49, hex }] });
  };
  add('AgentPassword with bytes after its NUL', (s) => [setStateRaw(hexOf(`x\0${s}`))]);
  add('AgentPassword without its NUL', (s) => [setStateRaw(hexOf(s))]);
  add('AgentPassword longer than its 64 bytes', (s) => [setStateRaw(hexOf(`${s}${'y'.repeat(80)}${s}\0`))]);
  add('AgentPassword that is not UTF-8', (s) => [setStateRaw(`${hexOf(s)}ff80fe00`)]);
  add('ClientPassword longer than its 64 bytes', (s) => [open(`${s}${'z'.repeat(70)}${s}`)]);
  add('an OPEN_REQ whose BodyLength ends inside the ClientPassword', (s) => {
    const bytes = open(s);
    const at = Buffer.from(bytes).indexOf(Buffer.from(s));
    return [withBodyLength(bytes, at + 5 - HEADER_LENGTH)];
  });
  add('an OPEN_REQ whose ClientPassword length runs past the body', (s) => {
    const fields = { ...openReq('').fields };
    delete fields.ClientPassword;
    return [appended(encode({ type: 'OPEN_REQ', fields }), concatBytes(new Uint8Array([2, 200]), ascii(s)))];
  });
  add('an OPEN_REQ with an absurd BodyLength', (s) => [withBodyLength(open(s), 0x7fffffff)], false);
  add('an OPEN_REQ cut short (its BodyLength beyond the stream\'s end)', (s) => {
    const bytes = open(s);
    const at = Buffer.from(bytes).indexOf(Buffer.from(s));
    return [bytes.subarray(0, at + s.length - 1)];
  }, false);
  add('a SET_AGENT_STATE_REQ of the version-10 layout read as version 12', (s) => {
    const m = setAgentStateReq(s);
    const fields = { ...m.fields };
    delete fields.AgentCapacity;
    return [encode({ type: m.type, fields })];
  });
  add('ClientPassword in a message of an unknown MessageTypeID', (s) => [rawMessage(250, concatBytes(new Uint8Array(4), tlv(2, ascii(s))))]);
  add('AgentPassword in a message of a reserved MessageTypeID', (s) => [rawMessage(68, concatBytes(new Uint8Array(4), tlv(49, ascii(`${s}\0`))))]);
  add('AgentPassword (49) in a QUERY_AGENT_STATE_REQ, the BodyLength ending inside it', (s) => {
    const bytes = encode({ type: 'QUERY_AGENT_STATE_REQ', fields: { InvokeID: 3, Reserved1: 1, Reserved2: 1, Reserved3: 0, AgentInstrument: '2001' }, extras: [{ id: 49, hex: hexOf(`${s}\0`) }] });
    return [withBodyLength(bytes, bytes.length - HEADER_LENGTH - 3)];
  });
  add('a password after a damaged floating field', (s) => [appended(setState('x'), concatBytes(new Uint8Array([0xee]), tlv(49, ascii(`${s}\0`))))]);
  add('an OPEN_REQ with a password and its header garbled', (s) => [rawMessage(3, concatBytes(new Uint8Array(44), tlv(2, ascii(s))), 30)], false);
  return cases;
}

/** The client's messages of a case as a capture: one connection, the server answering nothing. */
export function caseCapture(c: SecretCase): Uint8Array {
  const segments = ctiConnectionFlow(c.messages.map((bytes) => ({ dir: 0 as const, bytes })));
  return pcapOf(segments);
}

/** The same messages as a MIVR log: each one's low-level dump and, where it can be spelled, its high-level trace. */
export function caseLog(c: SecretCase, traces: readonly string[] = []): string {
  const w = new MivrLogWriter({ year: 2026, month: 11, day: 20, hour: 10, minute: 0, second: 0, ms: 0, tz: 'EST', seq: 100 });
  for (const bytes of c.messages) {
    w.record('ICD_CTI', lowLevelDump(bytes, 'reading...'));
    w.advance(3);
  }
  for (const t of traces) {
    w.record('ICD_CTI', t);
    w.advance(3);
  }
  return w.take();
}

/** A high-level trace of a message (the chapter-11 shape) with its password given in text. */
export function passwordTrace(type: 'OPEN_REQ' | 'SET_AGENT_STATE_REQ', secret: string): string {
  const m = type === 'OPEN_REQ' ? openReq(secret) : setAgentStateReq(secret);
  return `CSInboundMsgProcessor: got a request message:\n${highLevelTrace(m.type, m.fields, { width: 70 })}`;
}

export { conversationFlow };

/**
 * The case's capture with the client's stream cut into 16-byte segments and the one holding
 * the middle of the marker lost (`gap`) or cut short by the snapshot length (`snap`).
 */
export function caseCaptureDamaged(c: SecretCase, how: 'gap' | 'snap'): Uint8Array {
  const segments = ctiConnectionFlow(
    c.messages.map((bytes) => ({ dir: 0 as const, bytes })),
    16,
  );
  const stream = Buffer.from(concatBytes(...c.messages));
  const middle = stream.indexOf(Buffer.from(c.secret)) + 4;
  let at = 0;
  const hit = segments.findIndex((s) => {
    const n = s.dir === 0 ? (s.tcp.payload?.length ?? 0) : 0;
    const inside = n > 0 && middle >= at && middle < at + n;
    at += n;
    return inside;
  });
  const packets = flowToEthernetPackets(how === 'gap' ? segments.filter((_, i) => i !== hit) : segments);
  const written = how === 'snap' ? packets.map((p, i) => (i === hit ? { ...p, data: p.data.subarray(0, p.data.length - 10), origLen: p.data.length } : p)) : packets;
  return writePcap(written, { linkType: 1 });
}

/** A message's dump damaged as logs damage them: a row lost, rows out of order, a row twice, MHDR's length off, each line a record of its own. */
export function damagedDumps(bytes: Uint8Array): Array<[string, string]> {
  const lines = lowLevelDump(bytes, 'reading...').split('\n');
  const rows = lines.slice(3);
  const mhdr = lines[1]!;
  const bodyLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0);
  const hex2 = (n: number): string => n.toString(16).padStart(2, '0').toUpperCase();
  const longer = bodyLength + 16;
  const mhdrLonger = mhdr.replace(/^(MHDR:\s+0000: )(\S\S \S\S \S\S \S\S)/, `$1${[longer >>> 24, (longer >>> 16) & 0xff, (longer >>> 8) & 0xff, longer & 0xff].map(hex2).join(' ')}`);
  return [
    ['a row lost', [...lines.slice(0, 3), ...rows.filter((_, i) => i !== 1)].join('\n')],
    ['rows out of order', [...lines.slice(0, 3), ...[...rows].reverse()].join('\n')],
    ['a row written twice', [...lines.slice(0, 3), rows[0] ?? '', ...rows].join('\n')],
    ['MHDR states 16 more bytes', [lines[0]!, mhdrLonger, ...lines.slice(2)].join('\n')],
    ['the MDATA cut after its second row', lines.slice(0, 4).join('\n')],
  ];
}

/** xxd's and `hexdump -C`'s shapes of the bytes (offset, hex, ASCII gutter). */
export function otherDumpShapes(bytes: Uint8Array): string[] {
  const shown = (b: number): string => (b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : '.');
  const xxd: string[] = [];
  const hexdump: string[] = [];
  for (let o = 0; o < bytes.length; o += 16) {
    const row = [...bytes.subarray(o, o + 16)];
    const pairs = [];
    for (let i = 0; i < row.length; i += 2) pairs.push(row.slice(i, i + 2).map((b) => b.toString(16).padStart(2, '0')).join(''));
    xxd.push(`${o.toString(16).padStart(8, '0')}: ${pairs.join(' ').padEnd(40)}  ${row.map(shown).join('')}`);
    const hex = row.map((b) => b.toString(16).padStart(2, '0'));
    hexdump.push(`${o.toString(16).padStart(8, '0')}  ${hex.slice(0, 8).join(' ')}  ${hex.slice(8).join(' ')}`.padEnd(60) + `|${row.map(shown).join('')}|`);
  }
  hexdump.push(bytes.length.toString(16).padStart(8, '0'));
  return [xxd.join('\n'), hexdump.join('\n')];
}
