/**
 * The display filter (`ccxcti decode -Y`): what each kind of comparison means on real decoded
 * messages, Boolean algebra (fast-check), and errors that say where and what.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FilterError } from '../../src/filter/filter-syntax.js';
import { compileFilter, describeFilterError, PSEUDO_FIELDS } from '../../src/filter/message-filter.js';
import { DECODE_HELP } from '../../src/cli/decode-help.js';
import type { TimelineMessage } from '../../src/timeline/types.js';
import { Timeline } from '../check/support.js';

/** A small session: OPEN_REQ/CONF, a call queued, transferred and ended, an agent state, a heartbeat. */
function messages(): TimelineMessage[] {
  const t = new Timeline()
    .open({ ServicesRequested: 0x1 | 0x2, AgentID: 'agt2006', AgentExtension: '2006', AgentInstrument: '2006' })
    .s('BEGIN_CALL_EVENT', { CallID: 16777488, CallType: 1, ConnectionDeviceID: '9026', ANI: '2006', CallVariable1: 'Gold Customer', NamedVariable: [{ VariableName: 'BACampaign', VariableValue: 'LoadCamp' }] })
    .s('CALL_QUEUED_EVENT', { CallID: 16777488, ConnectionDeviceID: '9026', QueueDeviceID: '1', CallingDeviceID: '2005', CalledDeviceID: '7000', LastRedirectDeviceID: '', NumCSQs: 1, CSQs: [{ CSQID: 7 }] })
    .s('CALL_TRANSFERRED_EVENT', { PrimaryCallID: 16777488, SecondaryCallID: 16777489, TransferringDeviceID: '2006', TransferredDeviceID: '2007' })
    .s('AGENT_STATE_EVENT', { AgentState: 4, AgentID: 'agt2006', AgentExtension: '2006' })
    .c('HEARTBEAT_REQ', { InvokeID: 9 })
    .s('END_CALL_EVENT', { CallID: 16777489, ConnectionDeviceID: '' });
  return t.events.filter((e): e is TimelineMessage => e.kind === 'message');
}

const ALL = messages();

/** The types of the messages the filter shows. */
function shown(expr: string, list: readonly TimelineMessage[] = ALL): string[] {
  const f = compileFilter(expr);
  return list.filter((m, i) => f(m, i)).map((m) => m.message.type);
}

function errorOf(expr: string): FilterError {
  try {
    compileFilter(expr);
  } catch (err) {
    if (err instanceof FilterError) return err;
    throw err;
  }
  throw new Error(`no error for ${expr}`);
}

describe('display filter: meaning', () => {
  it('the test session is what the filter tests see', () => {
    expect(ALL.map((m) => m.message.type)).toEqual(['OPEN_REQ', 'OPEN_CONF', 'BEGIN_CALL_EVENT', 'CALL_QUEUED_EVENT', 'CALL_TRANSFERRED_EVENT', 'AGENT_STATE_EVENT', 'HEARTBEAT_REQ', 'END_CALL_EVENT']);
    // Only the transfer carries diagnostics: its device IDs are left out on purpose.
    expect(ALL.filter((m) => m.message.diagnostics.length > 0).map((m) => m.message.type)).toEqual(['CALL_TRANSFERRED_EVENT']);
  });

  it('a message type alone, and type == / != NAME', () => {
    expect(shown('BEGIN_CALL_EVENT')).toEqual(['BEGIN_CALL_EVENT']);
    expect(shown('type == "END_CALL_EVENT" || HEARTBEAT_REQ')).toEqual(['HEARTBEAT_REQ', 'END_CALL_EVENT']);
    expect(shown('type != OPEN_REQ && typeId < 5')).toEqual(['OPEN_CONF']);
  });

  it('call matches every call ID field (CallID, PrimaryCallID, SecondaryCallID, …)', () => {
    expect(shown('call == 16777488')).toEqual(['BEGIN_CALL_EVENT', 'CALL_QUEUED_EVENT', 'CALL_TRANSFERRED_EVENT']);
    expect(shown('call == 0x1000111')).toEqual(['CALL_TRANSFERRED_EVENT', 'END_CALL_EVENT']);
    expect(shown('CallID == 16777488')).toEqual(['BEGIN_CALL_EVENT', 'CALL_QUEUED_EVENT']);
  });

  it('a comparison of a field the message lacks is false, != included; !( == ) takes it', () => {
    expect(shown('CallID != 16777488')).toEqual(['END_CALL_EVENT']);
    expect(shown('!(CallID == 16777488)')).toEqual(['OPEN_REQ', 'OPEN_CONF', 'CALL_TRANSFERRED_EVENT', 'AGENT_STATE_EVENT', 'HEARTBEAT_REQ', 'END_CALL_EVENT']);
    expect(shown('CallID')).toEqual(['BEGIN_CALL_EVENT', 'CALL_QUEUED_EVENT', 'END_CALL_EVENT']);
    expect(shown('not CallID and not InvokeID')).toEqual(['CALL_TRANSFERRED_EVENT', 'AGENT_STATE_EVENT']);
  });

  it('words name enum and mask labels; numbers match strings that hold them', () => {
    expect(shown('CallType == CALLTYPE_CCX_IN')).toEqual(['BEGIN_CALL_EVENT']);
    expect(shown('AgentState == AGENT_STATE_TALKING')).toEqual(['AGENT_STATE_EVENT']);
    expect(shown('ServicesRequested == CTI_SERVICE_CLIENT_EVENTS')).toEqual(['OPEN_REQ']);
    expect(shown('ServicesRequested == CTI_SERVICE_ALL_EVENTS')).toEqual([]);
    expect(shown('AgentExtension == 2006')).toEqual(['OPEN_REQ', 'AGENT_STATE_EVENT']);
    expect(shown('AgentID == agt2006 && AGENT_STATE_EVENT')).toEqual(['AGENT_STATE_EVENT']);
  });

  it('paths into records and named variables; any value of a repeated field', () => {
    expect(shown('CSQs.CSQID == 7')).toEqual(['CALL_QUEUED_EVENT']);
    expect(shown('CSQs.CSQID == 8')).toEqual([]);
    expect(shown('NamedVariable.VariableName == "BACampaign"')).toEqual(['BEGIN_CALL_EVENT']);
    expect(shown('NamedVariable')).toEqual(['BEGIN_CALL_EVENT']);
  });

  it('contains, matches (case-insensitive), ordering', () => {
    expect(shown('CallVariable1 contains "Gold"')).toEqual(['BEGIN_CALL_EVENT']);
    expect(shown('CallVariable1 contains "gold"')).toEqual([]);
    expect(shown('CallVariable1 matches "^gold c"')).toEqual(['BEGIN_CALL_EVENT']);
    expect(shown('AgentID ~ "AGT20"')).toEqual(['OPEN_REQ', 'AGENT_STATE_EVENT']);
    expect(shown('InvokeID >= 9')).toEqual(['HEARTBEAT_REQ']);
    expect(shown('InvokeID lt 9')).toEqual(['OPEN_REQ', 'OPEN_CONF']);
  });

  it('where and what: direction, session, file, frame, index, version, diagnostic', () => {
    expect(shown('direction == "client-to-server"')).toEqual(['OPEN_REQ', 'HEARTBEAT_REQ']);
    expect(shown('session == "10.1.1.5:50311-10.1.1.2:42027#1" && frame == 3')).toEqual(['BEGIN_CALL_EVENT']);
    expect(shown('index >= 6 && file == "test.pcap"')).toEqual(['HEARTBEAT_REQ', 'END_CALL_EVENT']);
    expect(shown('version == 13 && index == 0')).toEqual(['OPEN_REQ']);
    expect(shown('diagnostic == REQUIRED_FIELD_MISSING')).toEqual(['CALL_TRANSFERRED_EVENT']);
    expect(shown('diagnostic')).toEqual(['CALL_TRANSFERRED_EVENT']);
    expect(shown('!diagnostic && call == 16777488')).toEqual(['BEGIN_CALL_EVENT', 'CALL_QUEUED_EVENT']);
  });

  it('&& binds tighter than ||; parentheses and ! regroup', () => {
    expect(shown('HEARTBEAT_REQ || CallID == 16777489 && END_CALL_EVENT')).toEqual(['HEARTBEAT_REQ', 'END_CALL_EVENT']);
    expect(shown('BEGIN_CALL_EVENT && CallID == 16777488 || HEARTBEAT_REQ')).toEqual(['BEGIN_CALL_EVENT', 'HEARTBEAT_REQ']);
    expect(shown('!BEGIN_CALL_EVENT && CallID')).toEqual(['CALL_QUEUED_EVENT', 'END_CALL_EVENT']);
    expect(shown('(HEARTBEAT_REQ || CallID == 16777488) && BEGIN_CALL_EVENT')).toEqual(['BEGIN_CALL_EVENT']);
    expect(shown('!!BEGIN_CALL_EVENT')).toEqual(['BEGIN_CALL_EVENT']);
  });
});

describe('display filter: Boolean algebra over random filters and messages', () => {
  const atoms = [
    'BEGIN_CALL_EVENT',
    'call == 16777488',
    'CallID',
    'AgentID == agt2006',
    'direction == "client-to-server"',
    'InvokeID > 1',
    'CSQs.CSQID == 7',
    'CallType == CALLTYPE_CCX_IN',
    'index < 4',
    'diagnostic',
  ];
  const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...atoms),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a}) && (${b})`),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a}) || (${b})`),
      tie('e').map((a) => `!(${a})`),
    ),
  })).e;

  it('! negates, && and || are conjunction and disjunction, De Morgan holds', () => {
    fc.assert(
      fc.property(expr, expr, (a, b) => {
        const fa = compileFilter(a);
        const fb = compileFilter(b);
        const and = compileFilter(`(${a}) and (${b})`);
        const or = compileFilter(`(${a}) or (${b})`);
        const notOr = compileFilter(`not ((${a}) || (${b}))`);
        const andNot = compileFilter(`!(${a}) && !(${b})`);
        const not = compileFilter(`!(${a})`);
        ALL.forEach((m, i) => {
          expect(and(m, i)).toBe(fa(m, i) && fb(m, i));
          expect(or(m, i)).toBe(fa(m, i) || fb(m, i));
          expect(not(m, i)).toBe(!fa(m, i));
          expect(notOr(m, i)).toBe(andNot(m, i));
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('display filter: help', () => {
  it('decode --help names every filter field', () => {
    const help = DECODE_HELP.replace(/\s+/g, ' ');
    for (const name of Object.keys(PSEUDO_FIELDS)) expect(help, name).toMatch(new RegExp(`[ ,(]${name}[ ,)]`));
  });
});

describe('display filter: any text', () => {
  const pieces = ['CallID', 'call', 'type', 'CSQs.CSQID', 'NamedVariable', 'AgentID', 'BEGIN_CALL_EVENT', '==', '!=', '<', '>=', '~', 'contains', 'matches', '&&', '||', '!', 'not', 'and', '(', ')', '"', '"x"', '"(["', '0x1F', '-3', '16777488', 'CALLTYPE_CCX_IN', '.', '=', '&', '|', ' ', '\\', '\u202e', '#'];
  /** Well-formed comparisons joined by && and ||, often negated: most compile, so compiled filters are run on messages. */
  const comparison = fc
    .tuple(fc.constantFrom('CallID', 'call', 'type', 'CSQs.CSQID', 'AgentID', 'index'), fc.constantFrom('==', '!=', '<', '>=', 'contains', 'matches'), fc.constantFrom('16777488', '0x1F', '"x"', '"(["', 'CALLTYPE_CCX_IN', 'BEGIN_CALL_EVENT'))
    .map(([f, op, v]) => `${f} ${op} ${v}`);
  const wellFormed = fc.array(fc.tuple(fc.constantFrom('', '!'), comparison), { minLength: 1, maxLength: 4 }).chain((cs) => fc.constantFrom(' && ', ' || ').map((j) => cs.map(([n, c]) => `${n}(${c})`).join(j)));
  const text = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(' ')),
    fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join('')),
    wellFormed,
  );

  it('compiles or gives a FilterError inside the expression, and a compiled filter never throws on a message', () => {
    let compiled = 0;
    fc.assert(
      fc.property(text, (expr) => {
        let f;
        try {
          f = compileFilter(expr);
        } catch (err) {
          expect(err).toBeInstanceOf(FilterError);
          const e = err as FilterError;
          expect(e.offset).toBeGreaterThanOrEqual(0);
          expect(e.offset).toBeLessThanOrEqual(expr.length);
          expect(e.length).toBeGreaterThanOrEqual(1);
          expect(describeFilterError(expr, e).split('\n')).toHaveLength(3);
          return;
        }
        compiled++;
        ALL.forEach((m, i) => expect(typeof f(m, i)).toBe('boolean'));
      }),
      { numRuns: 2000 },
    );
    // Not vacuous: a quarter of the inputs are well formed, and most of those compile.
    expect(compiled).toBeGreaterThan(100);
  });
});

describe('display filter: errors say where and what', () => {
  it('an unknown field, record field or message type, with a suggestion', () => {
    expect(errorOf('CallId == 5')).toMatchObject({ message: 'no message field or filter field is called CallId (did you mean CallID?)', offset: 0, length: 6 });
    expect(errorOf('BEGIN_CALL_EVENT || CSQs.CSQid == 1')).toMatchObject({ message: 'no record field is called CSQid (did you mean CSQID?)', offset: 25, length: 5 });
    expect(errorOf('BEGIN_CALL_EVNT')).toMatchObject({ message: 'no message type is called BEGIN_CALL_EVNT (did you mean BEGIN_CALL_EVENT?)', offset: 0 });
    expect(errorOf('type == "END_CAL_EVENT"')).toMatchObject({ message: 'no message type is called END_CAL_EVENT (did you mean END_CALL_EVENT?)', offset: 8 });
    expect(errorOf('Zzzzzz').message).toBe('no message field or filter field is called Zzzzzz');
  });

  it('malformed expressions', () => {
    expect(errorOf('CallID = 5')).toMatchObject({ message: 'unexpected "=" (compare with ==)', offset: 7 });
    expect(errorOf('CallID == 5 & BEGIN_CALL_EVENT')).toMatchObject({ message: 'unexpected "&" (write &&)', offset: 12 });
    expect(errorOf('(CallID == 5')).toMatchObject({ message: 'expected ) to close the ( at 1, found the end of the filter', offset: 12 });
    expect(errorOf('CallID ==')).toMatchObject({ message: 'expected a value after ==, found the end of the filter' });
    expect(errorOf('CallID == 5 CallID')).toMatchObject({ message: 'expected && or || between comparisons, found "CallID"', offset: 12 });
    expect(errorOf('AgentID == "agt')).toMatchObject({ message: 'a string is not closed by "', offset: 11 });
    expect(errorOf('AgentID matches "("').message).toMatch(/^not a regular expression: /);
    expect(errorOf('session == 10.1.1.5:1').message).toMatch(/^unexpected "1" \(quote a value/);
    expect(errorOf('   ').message).toBe('the filter is empty');
    expect(errorOf('&& CallID')).toMatchObject({ message: 'expected a field name, found "&&"', offset: 0, length: 2 });
  });

  it('the caret points at the offending part', () => {
    const text = 'BEGIN_CALL_EVENT && CallId == 5';
    expect(describeFilterError(text, errorOf(text))).toBe(`no message field or filter field is called CallId (did you mean CallID?)\n  ${text}\n  ${' '.repeat(20)}^~~~~~`);
  });

  it('strings take escapes', () => {
    const t = new Timeline().s('BEGIN_CALL_EVENT', { CallID: 1, ConnectionDeviceID: '9026', CallVariable1: 'a"b\\c\td' });
    const m = t.events[0] as TimelineMessage;
    expect(compileFilter('CallVariable1 == "a\\"b\\\\c\\td"')(m, 0)).toBe(true);
    expect(compileFilter('CallVariable1 == "a\\x22b\\\\c\\x09d"')(m, 0)).toBe(true);
  });
});
