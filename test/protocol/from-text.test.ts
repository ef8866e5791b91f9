/**
 * decodeText(): a message written as text → the DecodedMessage the byte decoder gives, typed
 * and labelled by the table, nothing invented, and every doubt reported with a stable code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCtiTraceText } from '../../grammar/cti-trace-grammar.js';
import type { HighLevelTrace } from '../../grammar/cti-trace-types.js';
import { decode, REDACTED } from '../../src/protocol/codec/decode.js';
import { encode } from '../../src/protocol/codec/encode.js';
import { decodeText, type TextMessage } from '../../src/protocol/codec/from-text.js';
import { assertValid } from '../support/schema-validator.js';
import { buildMessage, CHAPTER_11_FLOWS } from '../fixtures/flows/chapter11.js';
import { highLevelTrace } from '../../scripts/samples/trace-text.js';

const text = (messageName: string, pairs: Array<[string, string | null] | [string, string | null, number]>, extra: Partial<TextMessage> = {}): TextMessage => ({
  messageName,
  pairs: pairs.map(([key, value, index]) => (index === undefined ? { key, value } : { key, value, index })),
  truncated: false,
  ...extra,
});

function ok(t: TextMessage, options = {}) {
  const r = decodeText(t, options);
  if (!r.ok) throw new Error(r.reason);
  assertValid('decoded-message.schema.json', JSON.parse(JSON.stringify(r.message)));
  return r;
}

const codes = (m: { diagnostics: Array<{ code: string }> }): string[] => m.diagnostics.map((d) => d.code);

describe('decodeText', () => {
  it('types values by the table: numbers, -1 and N/A as every bit set, names of the constant tables', () => {
    const { message } = ok(
      text('CALL_SERVICE_INITIATED_EVENT', [
        ['ConnectionDeviceType', 'CONNECTION_ID_STATIC'],
        ['ConnectionCallID', '16800096'],
        ['ApplicationID', 'N/A'],
        ['CSQID', '-1'],
        ['CallingDeviceType', 'DEVID_AGENT_DEVICE_IDENTIFIER'],
        ['LocalConnectionState', 'LCS_INITIATE'],
        ['EventCause', 'CEC_NONE'],
        ['ConnectionDeviceID', '4020'],
        ['CallingDeviceID', '4020'],
      ]),
    );
    expect(message.fields).toMatchObject({
      ConnectionDeviceType: 0,
      CallID: 16800096,
      ApplicationID: 0xffffffff,
      CSQID: 0xffffffff,
      CallingDeviceType: 76,
      LocalConnectionState: 1,
      EventCause: 0xffff,
      ConnectionDeviceID: '4020',
      CallingDeviceID: '4020',
    });
    expect(message.labels).toMatchObject({ CallingDeviceType: 'DEVID_AGENT_DEVICE', LocalConnectionState: 'LCS_INITIATE', ApplicationID: 'NULL_APPLICATION', CSQID: 'NULL_CSQ' });
    expect(message.type).toBe('CALL_SERVICE_INITIATED_EVENT');
    expect(message.typeId).toBe(20);
  });

  it('leaves out what the text does not give (null, omitted fixed fields) and says so', () => {
    const { message, mentioned } = ok(text('END_CALL_EVENT', [['ConnectionCallID', '16777507'], ['ConnectionDeviceID', ''], ['monitorID', null]]));
    expect(message.fields).toEqual({ CallID: 16777507, ConnectionDeviceID: '' });
    expect([...mentioned].sort()).toEqual(['CallID', 'ConnectionDeviceID', 'Reserved1']);
    const absent = message.diagnostics.find((d) => d.code === 'TRACE_FIELDS_ABSENT');
    expect(absent?.message).toContain('Reserved1, Reserved2, Reserved3, ConnectionDeviceType');
    expect(message.diagnostics.every((d) => d.offset === 0)).toBe(true);
  });

  it('reports unknown keys, repeated fields and values that do not fit; an unknown name is kept as the label', () => {
    const { message } = ok(
      text('AGENT_STATE_EVENT', [
        ['AgentState', 'SLEEPING'],
        ['StateDuration', 'soon'],
        ['EventReasonCode', '70000'],
        ['AgentID', 'agt1'],
        ['AgentID', 'agt2'],
        ['internalFlag', 'x'],
      ]),
    );
    expect(message.fields.AgentState).toBeUndefined();
    expect(message.labels.AgentState).toBe('SLEEPING');
    expect(message.fields.AgentID).toBe('agt1');
    expect(codes(message).filter((c) => c.startsWith('TRACE_') && c !== 'TRACE_FIELDS_ABSENT')).toEqual(['TRACE_VALUE_INVALID', 'TRACE_VALUE_INVALID', 'TRACE_VALUE_INVALID', 'TRACE_FIELD_REPEATED', 'TRACE_FIELD_UNKNOWN']);
    expect(message.diagnostics.find((d) => d.code === 'TRACE_FIELD_UNKNOWN')?.message).toContain('internalFlag');
  });

  it('builds records from indexed keys and named variables from an ECC block', () => {
    const { message } = ok(
      text(
        'CALL_TRANSFERRED_EVENT',
        [
          ['NumParties', '2'],
          ['ConnectedPartyDCallID', '16777533', 0],
          ['ConnectedPartyDeviceType', '0', 0],
          ['ConnectedPartyDeviceID', '2005', 0],
          ['ConnectedPartyDCallID', '16777533', 1],
          ['ConnectedPartyDeviceID', '2007', 1],
        ],
      ),
    );
    expect(message.fields.ConnectedParties).toEqual([
      { ConnectedPartyCallID: 16777533, ConnectedPartyDeviceType: 0, ConnectedPartyDeviceID: '2005' },
      { ConnectedPartyCallID: 16777533, ConnectedPartyDeviceID: '2007' },
    ]);
    const update = ok(
      text('CALL_DATA_UPDATE_EVENT', [['NumNamedVariables', '2']], {
        eccKey: 'ExpandedCallContxt',
        ecc: [
          { name: 'BAResponse', value: 'Accept' },
          { name: 'BABuddyName', value: 'John,Doe' },
        ],
      }),
    ).message;
    expect(update.fields.NamedVariable).toEqual([
      { VariableName: 'BAResponse', VariableValue: 'Accept' },
      { VariableName: 'BABuddyName', VariableValue: 'John,Doe' },
    ]);
    expect(update.labels['NamedVariable[0]']).toBeDefined(); // the outbound meaning, as for bytes
    expect(codes(update)).not.toContain('COUNT_MISMATCH');
  });

  it('a trace cut short ("...") is no finding about missing fields', () => {
    const cut = ok(text('CALL_DATA_UPDATE_EVENT', [['ConnectionCallID', '1']], { truncated: true })).message;
    expect(codes(cut)).not.toContain('REQUIRED_FIELD_MISSING');
    expect(cut.diagnostics.some((d) => d.message.includes('"..."'))).toBe(true);
    const whole = ok(text('CALL_DATA_UPDATE_EVENT', [['ConnectionCallID', '1']])).message;
    expect(codes(whole)).toContain('REQUIRED_FIELD_MISSING');
  });

  it('picks the fixed layout from the version, or from the fields given', () => {
    const v14 = ok(text('MAKE_CALL_REQ', [['InvokeID', '5']]), { version: 14 }).message;
    expect(v14.layoutVersion).toBe(14);
    expect(v14.layoutInferred).toBeUndefined();
    const guessed = ok(text('SET_AGENT_STATE_REQ', [['InvokeID', '5'], ['AgentCapacity', '1']])).message;
    expect(guessed.layoutVersion).toBe(12);
    expect(guessed.layoutInferred).toBe(true);
    expect(ok(text('SET_AGENT_STATE_REQ', [['InvokeID', '5']])).message.layoutVersion).toBe(10);
  });

  it('redacts secrets unless asked', () => {
    const t = text('SET_AGENT_STATE_REQ', [['AgentPassword', 'hunter2']]);
    expect(ok(t).message.fields.AgentPassword).toBe(REDACTED);
    expect(ok(t, { showSecrets: true }).message.fields.AgentPassword).toBe('hunter2');
  });

  it('does not quote a secret in the diagnostic of a value that does not fit, unless asked', () => {
    // ClientPassword is UNSPEC (hex): a trace that prints it as text gives a value that does not fit.
    const t = text('OPEN_REQ', [['InvokeID', '1'], ['ClientID', 'bridge'], ['ClientPassword', 's3cr3tPW']]);
    const hidden = ok(t).message;
    expect(codes(hidden)).toContain('TRACE_VALUE_INVALID');
    expect(JSON.stringify(hidden)).not.toContain('s3cr3tPW');
    expect(hidden.diagnostics.find((d) => d.code === 'TRACE_VALUE_INVALID')!.message).toBe('ClientPassword (ClientPassword): the value given does not fit a UNSPEC (not shown: a secret); left out');
    const shown = ok(t, { showSecrets: true }).message;
    expect(shown.diagnostics.find((d) => d.code === 'TRACE_VALUE_INVALID')!.message).toBe('ClientPassword (ClientPassword): "s3cr3tPW" is not hex (UNSPEC); left out');
  });

  it('refuses a message name the guide does not define', () => {
    expect(decodeText(text('NO_SUCH_EVENT', []))).toEqual({ ok: false, reason: '"NO_SUCH_EVENT" is not a message type the guide defines' });
    expect(decodeText(text('', [])).ok).toBe(false);
  });

  it("Example 1's trace decodes to BEGIN_CALL_EVENT, CallID 16777488", () => {
    const example1 = `CSOutboundMsgProcessor: got an event message:
{ length=-1 type=BEGIN_CALL_EVENT, monitorID: 0, peripheralID: 1,
peripheralType: 21, numCTIClients: 0, numNamedVars: 0,
numNamedArrays: 0, callType: 1, ConnectionDeviceType: 0,
connectionCallID: 16777488, calledPartyDisposition: 0,
connectionDeviceID: 9026, ani2: 2006, dnis: 7000, dialedNumber: null,
callerEnteredDigits: null, callVar1: null, callVar2: null,
callVar3: null, callVar4: null, callVar5: null, callVar6: null,
callVar7: null, callVar8: null, callVar9: null, callVar10: null,
wrapupData: null }`;
    const trace = parseCtiTraceText(example1).traces[0] as HighLevelTrace;
    const { message } = ok(trace);
    expect(message.fields).toEqual({
      Reserved1: 0,
      Reserved2: 1,
      Reserved3: 21,
      NumCTIClients: 0,
      NumNamedVariables: 0,
      NumNamedArrays: 0,
      CallType: 1,
      ConnectionDeviceType: 0,
      CallID: 16777488,
      CalledPartyDisposition: 0,
      ConnectionDeviceID: '9026',
      ANI: '2006',
      DNIS: '7000',
    });
    expect(message.labels.CallType).toBe('CALLTYPE_CCX_IN');
    expect(codes(message)).toEqual(['INPUT_NOTE']); // BodyLength computed: the trace says length=-1
    expect(message.bodyLength).toBe(47);
  });

  it('a complete trace decodes exactly like the bytes of the same message (every flow step)', () => {
    for (const flow of CHAPTER_11_FLOWS) {
      for (const step of flow.steps) {
        const built = buildMessage(step.type, step.fields);
        const bytes = decode(encode(built), { showSecrets: true });
        for (const symbolic of [false, true]) {
          const trace = parseCtiTraceText(highLevelTrace(step.type, built.fields, { symbolic })).traces[0] as HighLevelTrace;
          const { message } = ok(trace, { showSecrets: true });
          // The trace omits the reserved fields it has no name for; everything it gives is the bytes'.
          for (const [key, value] of Object.entries(message.fields)) if (value !== undefined) expect(value, `${flow.id} ${step.type} ${key}`).toEqual(bytes.fields[key]);
          for (const [key, value] of Object.entries(bytes.fields)) if (!key.startsWith('Reserved')) expect(message.fields[key], `${flow.id} ${step.type} ${key}`).toEqual(value);
        }
      }
    }
  });

  it('never throws, whatever the keys and values', () => {
    const names = ['BEGIN_CALL_EVENT', 'AGENT_STATE_EVENT', 'CALL_QUEUED_EVENT', 'OPEN_REQ', 'CONFIG_CSQ_EVENT', 'MAKE_CALL_REQ', 'CallDequeuedEvent', 'x'];
    const keys = ['CallID', 'connectionCallID', 'CsqID', 'NamedVariable', 'AgentPassword', 'Reserved1', 'ANI', 'NumCSQs', 'zz', 'RecordType', 'CSQID'];
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.array(fc.tuple(fc.constantFrom(...keys), fc.oneof(fc.string({ maxLength: 300 }), fc.constant(null), fc.integer().map(String)), fc.option(fc.nat(400), { nil: undefined })), { maxLength: 20 }),
        fc.option(fc.array(fc.record({ name: fc.string({ maxLength: 200 }), value: fc.string({ maxLength: 200 }) }), { maxLength: 4 }), { nil: undefined }),
        fc.boolean(),
        (messageName, pairs, ecc, truncated) => {
          const r = decodeText({
            messageName,
            pairs: pairs.map(([key, value, index]) => (index === undefined ? { key, value } : { key, value, index })),
            truncated,
            ...(ecc ? { ecc, eccKey: 'ExpandedCallContxt' } : {}),
          });
          if (r.ok) assertValid('decoded-message.schema.json', JSON.parse(JSON.stringify(r.message)));
        },
      ),
      { numRuns: 1500 },
    );
  });
});
