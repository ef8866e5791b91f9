/**
 * `ccxcti decode -Y EXPR -c N` on the real samples: the filtered output is exactly the
 * unfiltered output's lines that the expression describes (checked here from the JSON, not by
 * the filter), each keeping its index; -c stops after N; a bad expression is a usage error
 * (exit 2) with a caret under the offending part.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ccxcti } from '../support/cli.js';

interface Line {
  type: string;
  index: number;
  direction?: string;
  session?: string;
  fields: Record<string, unknown>;
  labels: Record<string, unknown>;
}

const INPUTS = ['samples/cti-sessions.pcapng', 'samples/logs/transferred/', '--year', '2015'];
let all: Line[] = [];
let raw: string[] = [];

const parse = (stdout: string): string[] => stdout.split('\n').filter((l) => l !== '');

beforeAll(async () => {
  const r = await ccxcti(['decode', '--format', 'ndjson', ...INPUTS]);
  expect(r.code).toBe(0);
  raw = parse(r.stdout);
  all = raw.map((l) => JSON.parse(l) as Line);
});

/** The lines of the unfiltered output for which `keep` holds. */
const expected = (keep: (l: Line) => boolean): string[] => raw.filter((_, i) => keep(all[i]!));

describe('ccxcti decode -Y', () => {
  it('the samples carry what the filters below select', () => {
    expect(all.length).toBeGreaterThan(200);
    expect(all.map((l) => l.index)).toEqual(all.map((_, i) => i));
    expect(new Set(all.map((l) => l.type)).size).toBeGreaterThan(15);
  });

  it('a type, a direction, a session: the same lines as the unfiltered output, same indices', async () => {
    const session = all.find((l) => l.session !== undefined)!.session!;
    const cases: Array<[string, (l: Line) => boolean]> = [
      ['AGENT_STATE_EVENT', (l) => l.type === 'AGENT_STATE_EVENT'],
      ['HEARTBEAT_REQ || HEARTBEAT_CONF', (l) => l.type.startsWith('HEARTBEAT_')],
      ['direction == "client-to-server" && !HEARTBEAT_REQ', (l) => l.direction === 'client-to-server' && l.type !== 'HEARTBEAT_REQ'],
      [`session == "${session}"`, (l) => l.session === session],
      ['!session', (l) => l.session === undefined],
      ['index >= 100 && AGENT_STATE_EVENT', (l) => l.index >= 100 && l.type === 'AGENT_STATE_EVENT'],
    ];
    for (const [expr, keep] of cases) {
      const r = await ccxcti(['decode', '--format', 'ndjson', '-Y', expr, ...INPUTS]);
      expect(r.code, expr).toBe(0);
      const want = expected(keep);
      expect(want.length, expr).toBeGreaterThan(0);
      expect(parse(r.stdout), expr).toEqual(want);
    }
  });

  it('call follows one call through every call ID field, from captures and logs alike', async () => {
    const ids = ['CallID', 'PrimaryCallID', 'SecondaryCallID', 'NewCallID', 'ActiveCallID', 'HeldCallID', 'OtherCallID', 'AgentCallID', 'SupervisorCallID'];
    const transfer = all.find((l) => l.type === 'CALL_TRANSFERRED_EVENT')!;
    const call = transfer.fields['SecondaryCallID'] as number;
    const r = await ccxcti(['decode', '--format', 'ndjson', '--filter', `call == ${call}`, ...INPUTS]);
    const want = expected((l) => ids.some((k) => l.fields[k] === call));
    expect(want.length).toBeGreaterThan(3);
    expect(parse(r.stdout)).toEqual(want);
  });

  it('labels: an enum value and a mask flag by name', async () => {
    const r = await ccxcti(['decode', '--format', 'ndjson', '-Y', 'AgentState == AGENT_STATE_TALKING || ServicesRequested == CTI_SERVICE_CLIENT_EVENTS', ...INPUTS]);
    const want = expected((l) => l.labels['AgentState'] === 'AGENT_STATE_TALKING' || (Array.isArray(l.labels['ServicesRequested']) && (l.labels['ServicesRequested'] as string[]).includes('CTI_SERVICE_CLIENT_EVENTS')));
    expect(want.some((l) => l.includes('"type":"OPEN_REQ"'))).toBe(true);
    expect(want.some((l) => l.includes('"type":"AGENT_STATE_EVENT"'))).toBe(true);
    expect(parse(r.stdout)).toEqual(want);
  });

  it('json and text formats filter the same messages; text says how many were shown of how many', async () => {
    const want = expected((l) => l.type === 'BEGIN_CALL_EVENT');
    const json = await ccxcti(['decode', '--format', 'json', '-Y', 'BEGIN_CALL_EVENT', ...INPUTS]);
    const doc = JSON.parse(json.stdout) as { messages: Line[]; sessions: unknown[] };
    expect(doc.messages.map((m) => JSON.stringify(m))).toEqual(want);
    expect(doc.sessions.length).toBeGreaterThan(0);
    const text = await ccxcti(['decode', '--format', 'text', '-Y', 'BEGIN_CALL_EVENT', ...INPUTS]);
    const lines = text.stdout.split('\n').filter((l) => / BEGIN_CALL_EVENT /.test(l));
    expect(lines.map((l) => Number(l.trim().split(/\s+/)[0]))).toEqual(want.map((l) => (JSON.parse(l) as Line).index));
    expect(text.stdout).toContain(`\n${want.length} messages shown of ${all.length} read, `);
  });
});

describe('ccxcti decode -c', () => {
  it('stops after N messages, alone or after the filter', async () => {
    const first = await ccxcti(['decode', '--format', 'ndjson', '-c', '5', ...INPUTS]);
    expect(parse(first.stdout)).toEqual(raw.slice(0, 5));
    const filtered = await ccxcti(['decode', '--format', 'ndjson', '-c', '3', '-Y', 'AGENT_STATE_EVENT', ...INPUTS]);
    expect(parse(filtered.stdout)).toEqual(expected((l) => l.type === 'AGENT_STATE_EVENT').slice(0, 3));
    const json = await ccxcti(['decode', '--format', 'json', '--count', '2', ...INPUTS]);
    expect((JSON.parse(json.stdout) as { messages: unknown[] }).messages).toHaveLength(2);
  });

  it('takes a whole number of 1 or more', async () => {
    for (const bad of ['0', '-1', '2.5', 'many']) {
      const r = await ccxcti(['decode', '-c', bad, ...INPUTS]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain('--count takes a whole number of messages, 1 or more');
      expect(r.stdout).toBe('');
    }
  });
});

describe('ccxcti decode -Y: errors', () => {
  it('a bad expression: exit 2, the expression and a caret under the offending part, nothing decoded', async () => {
    const r = await ccxcti(['decode', '-Y', 'BEGIN_CALL_EVENT && CallId == 5', ...INPUTS]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('ccxcti: --filter: no message field or filter field is called CallId (did you mean CallID?)\n  BEGIN_CALL_EVENT && CallId == 5\n                      ^~~~~~\n');
  });

  it('--help describes the filter', async () => {
    const r = await ccxcti(['decode', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('-Y, --filter <expr>');
    expect(r.stdout).toContain("ccxcti decode capture.pcapng -Y 'call == 16777488'");
  });
});
