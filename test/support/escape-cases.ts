/**
 * Inputs whose strings carry what a terminal interprets (ESC sequences, CR, BS, NUL, C1 CSI,
 * bidi overrides, zero-width marks) and markup: every STRING field and named variable of every
 * message type of the table, in a capture, a MIVR log (high-level traces and dumps) and hex.
 */
import { encode, type EncodableMessage } from '../../src/protocol/codec/encode.js';
import type { FieldRecord } from '../../src/protocol/codec/decode.js';
import { allPlans, Kind } from '../../src/protocol/codec/plan.js';
import { lowLevelDump } from '../../scripts/samples/trace-text.js';
import { MivrLogWriter } from '../../scripts/samples/mivr-log-writer.js';
import { ctiConnectionFlow, pcapOf } from './cti-capture.js';

/** What a string of an input may hold to drive a terminal or a page (no NUL: it ends a STRING). */
export const HOSTILE = 'E\u001b[31mR\rB\bC\u009b2JD\u202eX\u200bZ\u007f<b>&"\'';
/** The same with NUL and a lone C1 byte (not UTF-8: the latin-1 reading of a log gives U+009B). */
export const HOSTILE_BYTES = Buffer.concat([Buffer.from('N\u001b]0;t\u0007'), Buffer.from([0x00, 0x9b, 0x85]), Buffer.from('M')]);

const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

/** The hostile text cut to fit `max` bytes with its NUL. */
function fitted(max: number): string {
  let s = HOSTILE;
  while (utf8Length(s) > max - 1) s = s.slice(0, -1);
  return s;
}

/** One message of each type of the table: fixed part zero (documented values kept), every top-level STRING and named variable hostile. */
export function hostileMessages(): EncodableMessage[] {
  const out: EncodableMessage[] = [];
  for (const plan of allPlans()) {
    const layout = plan.layouts[0]!;
    const fields: FieldRecord = {};
    for (const slot of layout.slots) fields[slot.name] = slot.kind === Kind.UNSPEC ? '00'.repeat(slot.size) : slot.kind === Kind.BOOL ? false : typeof slot.documented === 'number' ? slot.documented : 0;
    for (const slot of plan.top.fields) {
      if (slot.kind === Kind.STRING) fields[slot.name] = slot.repeats ? [fitted(Math.min(slot.def.maxSize, 255))] : fitted(Math.min(slot.def.maxSize, 255));
      else if (slot.kind === Kind.NAMEDVAR) fields[slot.name] = [{ VariableName: fitted(32), VariableValue: HOSTILE }];
      else if (slot.kind === Kind.NAMEDARRAY) fields[slot.name] = [{ VariableIndex: 1, VariableName: fitted(32), VariableValue: HOSTILE }];
      if (slot.repeats && fields[slot.name] !== undefined) fields[slot.def.repeats!.countedBy] = 1;
    }
    out.push({ type: plan.def.name, fields });
  }
  return out;
}

/** The bytes of each hostile message that the encoder can write (a count it cannot set is skipped). */
export function hostileBytes(): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const m of hostileMessages()) {
    try {
      out.push(encode(m));
    } catch {
      // a message whose counts the sketch above gets wrong: the others cover its fields' kinds
    }
  }
  return out;
}

/** A capture: the server sends every hostile message, the client a few; plus a floating field holding the raw bytes. */
export function hostileCapture(messages: readonly Uint8Array[]): Uint8Array {
  return pcapOf(ctiConnectionFlow(messages.map((bytes, i) => ({ dir: (i % 3 === 0 ? 0 : 1) as 0 | 1, bytes }))));
}

/** A MIVR log of dumps of the messages, high-level traces with hostile keys, values, names and stray text, raw C1 bytes. */
export function hostileLog(messages: readonly Uint8Array[]): Buffer {
  const w = new MivrLogWriter({ year: 2026, month: 11, day: 20, hour: 10, minute: 0, second: 0, ms: 0, tz: 'EST', seq: 100 });
  for (const bytes of messages) {
    w.record('ICD_CTI', lowLevelDump(bytes, 'writing...'));
    w.advance(2);
  }
  const h = HOSTILE.replace(/[,{}:]/g, '');
  w.record('ICD_CTI', `CSOutboundMsgProcessor: got an event message:\n{ length=-1 type=AGENT_STATE_EVENT, monitorID: 0, peripheralID: 1, agentID: ${h}, ${h}: 5, stray ${h} text, agentExtension: ${h} }`);
  w.record('ICD_CTI', `CSOutboundMsgProcessor: got an event message:\n{ length=-1 type=${h}_EVENT, agentID: ${h} }`);
  w.record('ICD_CTI', `CSOutboundMsgProcessor: got an event message:\n{ length=-1 type=END_CALL_EVENT, ConnectionDeviceType: ${h}, connectionCallID: 5, connectionDeviceID: x } ${h} trailing`);
  w.record('ICD_CTI', `${h} MsgType: ${h}: AgentID: x`);
  w.record(`${h}`, `facility ${h}`);
  // A dump whose gutter does not render its bytes, and holds the hostile text.
  w.record('ICD_CTI', `writing...\nMHDR:    0000: 00 00 00 04 00 00 00 05 ${h}\nMDATA:   0000: 00 00 00 01 ${h}`);
  w.raw(`${h} not a record header`);
  w.raw(`999: Nov 20 10:00:09.000 ${h} %MIVR-ICD_CTI-7-UNK:x`);
  return Buffer.concat([Buffer.from(w.take(), 'utf8'), Buffer.from('101: Nov 20 10:00:10.000 EST %MIVR-ICD_CTI-7-UNK:CSOutboundMsgProcessor: got an event message:\n{ length=-1 type=AGENT_STATE_EVENT, agentID: '), HOSTILE_BYTES, Buffer.from(' }\n')]);
}
