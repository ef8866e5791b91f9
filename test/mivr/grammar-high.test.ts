/** High-level traces and flow-table blocks → neutral pairs. */
import { describe, expect, it } from 'vitest';
import { parseCtiTraceText, ctiTraceShape } from '../../grammar/cti-trace-grammar.js';
import type { HighLevelTrace } from '../../grammar/cti-trace-types.js';
import * as guide from './guide-fixtures.js';

function one(text: string): { t: HighLevelTrace; codes: string[] } {
  const r = parseCtiTraceText(text);
  expect(r.traces).toHaveLength(1);
  const t = r.traces[0];
  if (t.kind !== 'high') throw new Error('expected a high-level trace');
  return { t, codes: r.diagnostics.map((d) => d.code) };
}

const kv = (t: HighLevelTrace): Array<[string, string | null]> => t.pairs.map((p) => [p.index === undefined ? p.key : `${p.key}[${p.index}]`, p.value]);

describe('braced high-level trace values', () => {
  it('keeps negative numbers, bare words, null, empty values and commas inside values', () => {
    const { t, codes } = one(
      'CSInboundMsgProcessor: got a request message: { length=42 type=SET_CALL_DATA_REQ, CSQID: -1, agentID: agt2006, dialedNumber: null, ConnectionDeviceID: , BABuddyName: John,Doe, reason: out of office, last: }',
    );
    expect(codes).toEqual([]);
    expect(t).toMatchObject({ processor: 'CSInboundMsgProcessor', verb: 'got a request message', messageName: 'SET_CALL_DATA_REQ', length: 42 });
    expect(kv(t)).toEqual([
      ['CSQID', '-1'],
      ['agentID', 'agt2006'],
      ['dialedNumber', null],
      ['ConnectionDeviceID', ''],
      ['BABuddyName', 'John,Doe'],
      ['reason', 'out of office'],
      ['last', ''],
    ]);
    expect(t.pairs[2].raw).toBe('null');
  });

  it('a comma followed by spaces and a key separates; a comma followed by a word does not', () => {
    const { t } = one('{ type=X, a: 1,   b: 2, c: x, y,z, d: 3 }');
    expect(kv(t)).toEqual([
      ['a', '1'],
      ['b', '2'],
      ['c', 'x, y,z'],
      ['d', '3'],
    ]);
  });

  it('keeps the verb of either direction and works without a processor', () => {
    const sending = one('sending: { length=-1 type=OPEN_REQ, a: 1 }').t;
    expect(sending.verb).toBe('sending');
    expect('processor' in sending).toBe(false);
    expect(one('Proc: sent { length=-1 type=OPEN_REQ, a: 1 }').t).toMatchObject({ verb: 'sent', processor: 'Proc' });
    expect(one('CTIServer: received a message: { type=HEARTBEAT_REQ }').t).toMatchObject({ verb: 'received a message', messageName: 'HEARTBEAT_REQ', pairs: [] });
  });

  it('reads indexed keys', () => {
    const { t } = one('{ length=-1 type=CALL_QUEUED_EVENT, numCSQs: 2, CsqID[0]: 1, CsqID[1]: 7 }');
    expect(t.pairs.slice(1)).toEqual([
      { key: 'CsqID', index: 0, value: '1', raw: '1', line: 1 },
      { key: 'CsqID', index: 1, value: '7', raw: '7', line: 1 },
    ]);
  });

  it('reads an ECC block ended by a comma-separated field', () => {
    const { t } = one(
      '{ length=-1 type=CALL_DATA_UPDATE_EVENT, numNamedVars: 2, ExpandedCallContxt: <TotalBytes: 31> BAStatus: DO user.layout: OODefault, callVar1: null }',
    );
    expect(t.eccKey).toBe('ExpandedCallContxt');
    expect(t.eccTotalBytes).toBe(31);
    expect(t.ecc?.map((v) => [v.name, v.value])).toEqual([
      ['BAStatus', 'DO'],
      ['user.layout', 'OODefault'],
    ]);
    expect(kv(t)).toEqual([
      ['numNamedVars', '2'],
      ['callVar1', null],
    ]);
  });

  it('reports an unclosed brace (record cut short) and keeps the pairs read', () => {
    const r = parseCtiTraceText('P: got an event message: { length=-1 type=END_CALL_EVENT, monitorID: 0, peripheralID: 1,');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['TRACE-UNCLOSED-BRACE']);
    const t = r.traces[0] as HighLevelTrace;
    expect(kv(t)).toEqual([
      ['monitorID', '0'],
      ['peripheralID', '1'],
    ]);
  });

  it('reports text after the closing brace and a missing type', () => {
    const r = parseCtiTraceText('{ length=5 a: 1 } trailing type=x');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['TRACE-NO-MESSAGE-NAME', 'TRACE-TRAILING-TEXT']);
    expect(r.traces[0]).toMatchObject({ messageName: '', length: 5, pairs: [{ key: 'a', value: '1' }] });
  });

  it('keeps braces inside values when a later brace closes the trace', () => {
    const { t } = one('{ type=X, a: {1}, b: 2 }');
    expect(kv(t)).toEqual([
      ['a', '{1}'],
      ['b', '2'],
    ]);
  });

  it('gives no trace and no diagnostic for ordinary ICD_CTI text', () => {
    expect(ctiTraceShape('CTI session 3 opened from 10.1.1.5')).toBeUndefined();
    expect(parseCtiTraceText('CTI session 3 opened from 10.1.1.5')).toEqual({ traces: [], diagnostics: [] });
  });
});

describe('flow-table blocks from the guide', () => {
  it('BEGIN_CALL_EVENT with a footnote mark and "..."', () => {
    const { t, codes } = one(guide.FLOW_BEGIN_CALL);
    expect(codes).toEqual([]);
    expect(t).toMatchObject({ shape: 'flow', verb: '', messageName: 'BEGIN_CALL_EVENT', truncated: true });
    expect(kv(t)).toEqual([
      ['NumCTIClients', '0'],
      ['NumNamedVars', '0'],
      ['NumNamedArrays', '0'],
      ['CallType', '9'],
      ['ConnectionDeviceType', '0'],
      ['CallID', '16777507'],
      ['CalledPartyDisposition', '0'],
      ['ConnectionDeviceID', '2005'],
      ['ANI³', '2005'],
    ]);
  });

  it('empty value before an indexed key', () => {
    const { t } = one(guide.FLOW_CALL_QUEUED);
    expect(kv(t).slice(-3)).toEqual([
      ['CalledDeviceID', '7000'],
      ['LastRedirectedDeviceID', ''],
      ['CsqID[0]', '1'],
    ]);
  });

  it('connected-party triples keep their indexes', () => {
    const { t } = one(guide.FLOW_TRANSFERRED);
    expect(t.pairs.filter((p) => p.index !== undefined).map((p) => `${p.key}[${p.index}]=${p.value}`)).toEqual([
      'ConnectedPartyDCallID[0]=16777533',
      'ConnectedPartyDeviceType[0]=0',
      'ConnectedPartyDeviceID[0]=2005',
      'ConnectedPartyDCallID[1]=16777533',
      'ConnectedPartyDeviceType[1]=0',
      'ConnectedPartyDeviceID[1]=2007',
    ]);
  });

  it('outbound reservation: ECC of NumNamedVariables variables, dotted names, a comma in a value', () => {
    const { t, codes } = one(guide.FLOW_OUTBOUND_BEGIN_CALL);
    expect(codes).toEqual([]);
    expect(t.messageName).toBe('BEGIN_CALL_EVENT');
    expect(t.pairs.map((p) => p.key)).toEqual([
      'NumCTIClients',
      'NumNamedVariables',
      'NumNamedArrays',
      'CallType',
      'ConnectionDeviceType',
      'ConnectionCallID',
      'CalledPartyDisposition',
      'ConnectionDeviceID',
    ]);
    expect(t.eccTotalBytes).toBe(161);
    expect(t.ecc?.map((v) => [v.name, v.value])).toEqual([
      ['BACampaign', 'LoadCamp'],
      ['BACampaignID', ''],
      ['BAStatus', 'DO'],
      ['BAResponse', ''],
      ['user.layout', 'OODefault'],
      ['BAAccountNumber', 'AC111'],
      ['BADialedListID', '20779'],
      ['BABuddyName', 'John,Doe'],
    ]);
  });

  it('ECC ends after its variables; the following fields are ordinary pairs', () => {
    const { t } = one(guide.FLOW_OUTBOUND_DATA_UPDATE);
    expect(t.ecc?.map((v) => [v.name, v.value])).toEqual([['BResponse', 'Accept']]);
    expect(kv(t).slice(-2)).toEqual([
      ['CustomerPhoneNumber', ''],
      ['CustomerAccountNumber', ''],
    ]);
  });

  it('one field per line, values wrapped onto the next line, ECC by byte count when the count is absent', () => {
    const { t } = one(guide.FLOW_OUTBOUND_PREVIEW);
    expect(t.pairs.find((p) => p.key === 'ConnectionDeviceType')?.value).toBe('CONNECTION_ID_STATIC');
    expect(t.ecc).toHaveLength(10);
    expect(t.ecc?.[2]).toEqual({ name: 'BATimeZone', value: '-00360', line: 23 });
    expect(kv(t).slice(-2)).toEqual([
      ['CustomerPhoneNumber', ''],
      ['CustomerAccountNumber', ''],
    ]);
    // Without NumNamedVariables the 211 bytes decide (name + value + 4 per variable).
    const { t: byBytes } = one(guide.FLOW_OUTBOUND_PREVIEW.replace('NumNamedVariables: 10', 'Other: 10'));
    expect(byBytes.ecc?.map((v) => v.name)).toEqual(t.ecc?.map((v) => v.name));
  });

  it('MsgType: NAME: (stray colon) and MsgType:NAME (no space)', () => {
    const a = one(guide.FLOW_STRAY_COLON);
    expect(a.t.messageName).toBe('CALL_DELIVERED_EVENT');
    expect(a.codes).toEqual(['TRACE-STRAY-COLON']);
    expect(kv(a.t)[0]).toEqual(['CallID', '16800097']);
    expect(one('MsgType:BEGIN_CALL_EVENT NumCTIClients: 0').t.messageName).toBe('BEGIN_CALL_EVENT');
  });

  it('several blocks in one text give several traces', () => {
    const r = parseCtiTraceText(`${guide.FLOW_CALL_QUEUED}\n${guide.FLOW_STRAY_COLON}\nMsgType: END_CALL_EVENT ConnectionDeviceType: 0 ConnectionCallID: 16777507 ConnectionDeviceID:`);
    expect(r.traces.map((t) => (t.kind === 'high' ? t.messageName : t.kind))).toEqual(['CALL_QUEUED_EVENT', 'CALL_DELIVERED_EVENT', 'END_CALL_EVENT']);
    const end = r.traces[2] as HighLevelTrace;
    expect(kv(end)).toEqual([
      ['ConnectionDeviceType', '0'],
      ['ConnectionCallID', '16777507'],
      ['ConnectionDeviceID', ''],
    ]);
  });
});
