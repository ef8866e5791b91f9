/**
 * The output sweep: every command × format of the command line (decode text/json/ndjson and
 * -V, to stdout and -o; check text/json/junit/sarif/html, to stdout and -o; hex in each format,
 * from arguments and stdin; stderr always) on inputs whose passwords are each a marker of
 * their own, sound and damaged, in captures, MIVR logs (dumps and high-level traces) and hex.
 * No marker may show anywhere — as text, as hex, in part — unless `--show-secrets`, and with
 * it `decode` must show it (so that the search can fail).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lowLevelDump } from '../../scripts/samples/trace-text.js';
import { ccxcti } from '../support/cli.js';
import { CHECK_FORMATS, secretLeaks, sweepHex, sweepInputs, type SweepOutput } from '../support/output-sweep.js';
import { caseCapture, caseCaptureDamaged, caseLog, damagedDumps, otherDumpShapes, marker, passwordTrace, secretCases, setAgentStateReq } from '../support/secret-cases.js';
import { encode } from '../../src/protocol/codec/encode.js';

const dir = mkdtempSync(join(tmpdir(), 'ccxcti-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CASES = secretCases();

/** The secret shows in `decode` / `hex` with --show-secrets (so the searches above can find it). */
async function expectShown(argv: readonly string[], secret: string): Promise<void> {
  const r = await ccxcti([...argv, '--format', 'json', '--show-secrets']);
  expect(secretLeaks([{ where: argv.join(' '), text: r.stdout, raw: '' }], secret), `${argv.join(' ')} --show-secrets`).not.toEqual([]);
}

/** `check` in every report format with --show-secrets: reports never print secrets. */
async function checkWithSecrets(paths: readonly string[]): Promise<SweepOutput[]> {
  const outputs: SweepOutput[] = [];
  for (const format of CHECK_FORMATS) {
    const r = await ccxcti(['check', ...paths, '--format', format, '--fail-on', 'info', '--show-secrets']);
    outputs.push({ where: `check --format ${format} --show-secrets stdout`, text: r.stdout, raw: '' }, { where: `check --format ${format} --show-secrets stderr`, text: r.stderr, raw: '' });
  }
  return outputs;
}

/** The diagnostic codes of each decoded message: what is checked does not depend on whether secrets are shown. */
async function diagnosticCodes(argv: readonly string[]): Promise<string[][]> {
  const r = await ccxcti(['decode', ...argv, '--format', 'ndjson']);
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => (JSON.parse(l) as { diagnostics?: Array<{ code: string }> }).diagnostics?.map((d) => d.code) ?? []);
}

describe('secrets stay out of every output without --show-secrets', () => {
  for (const c of CASES) {
    it(`capture: ${c.name}`, async () => {
      const file = join(dir, `${c.secret}.pcap`.replace('S3CR3T', 'case'));
      writeFileSync(file, caseCapture(c));
      expect(secretLeaks(await sweepInputs([file]), c.secret)).toEqual([]);
      if (c.shownWithSecrets) await expectShown(['decode', file], c.secret);
      expect(secretLeaks(await checkWithSecrets([file]), c.secret)).toEqual([]);
      expect(await diagnosticCodes([file])).toEqual(await diagnosticCodes([file, '--show-secrets']));
    });
    if (c.name.includes('sound')) {
      for (const how of ['gap', 'snap'] as const) {
        it(`capture, a segment of the password ${how === 'gap' ? 'lost' : 'cut by the snapshot length'}: ${c.name}`, async () => {
          const file = join(dir, `${c.secret}-${how}.pcap`.replace('S3CR3T', 'case'));
          writeFileSync(file, caseCaptureDamaged(c, how));
          const outputs = await sweepInputs([file]);
          expect(outputs.some((o) => /STREAM_GAP|BYTES_MISSING/.test(o.text)), 'the damage is reported').toBe(true);
          expect(secretLeaks(outputs, c.secret)).toEqual([]);
        });
      }
    }
    it(`log: ${c.name}`, async () => {
      const file = join(dir, `${c.secret}.log`.replace('S3CR3T', 'case'));
      writeFileSync(file, caseLog(c));
      expect(secretLeaks(await sweepInputs([file]), c.secret)).toEqual([]);
      if (c.shownWithSecrets) await expectShown(['decode', file], c.secret);
    });
    it(`hex: ${c.name}`, async () => {
      const outputs = [];
      for (const bytes of c.messages) {
        outputs.push(...(await sweepHex(Buffer.from(bytes).toString('hex'))));
        outputs.push(...(await sweepHex(lowLevelDump(bytes))));
        for (const shape of otherDumpShapes(bytes)) {
          outputs.push(...(await sweepHex(shape)));
          // the shape is read (as the same message) — not a usage error
          expect((await ccxcti(['hex', shape, '--format', 'json'])).stdout).toContain(`"bodyLength": ${Buffer.from(bytes).readUInt32BE(0)}`);
        }
      }
      expect(secretLeaks(outputs, c.secret)).toEqual([]);
      if (c.shownWithSecrets) await expectShown(['hex', lowLevelDump(c.messages[0]!)], c.secret);
    });
  }
});

describe('a dump whose ASCII gutter spells a password', () => {
  it('a byte of the password row changed: the gutter no longer renders the row (DUMP_GUTTER_MISMATCH)', async () => {
    const secret = marker(80);
    const dump = lowLevelDump(encode(setAgentStateReq(secret)), 'reading...').split('\n');
    const row = dump.findIndex((l) => l.includes(' 2D 38 30 '));
    dump[row] = dump[row]!.replace(' 2D 38 30 ', ' 2E 38 30 '); // the gutter still says -
    const file = join(dir, 'gutter.log');
    writeFileSync(file, caseLog({ name: '', secret, messages: [], shownWithSecrets: true }, [dump.join('\n')]));
    const outputs = await sweepInputs([file]);
    expect(outputs.some((o) => o.text.includes('DUMP_GUTTER_MISMATCH')), 'the mismatch is reported').toBe(true);
    expect(secretLeaks(outputs, secret)).toEqual([]);
    await expectShown(['decode', file], secret);
  });
});

describe('dumps damaged as logs damage them', () => {
  for (const c of CASES.filter((x) => x.name.includes('sound') || x.name.includes('long ClientPassword'))) {
    damagedDumps(c.messages[0]!).forEach(([how, dump], i) => {
      it(`${how}: ${c.name}`, async () => {
        const file = join(dir, `${c.secret}-dump-${i}.log`.replace('S3CR3T', 'case'));
        writeFileSync(file, caseLog({ ...c, messages: [] }, [dump]));
        const outputs = await sweepInputs([file]);
        expect(outputs.some((o) => /DUMP_|BYTES_MISSING|BODY_TRUNCATED/.test(o.text)), 'the damage is reported').toBe(true);
        expect(secretLeaks(outputs, c.secret)).toEqual([]);
        expect(secretLeaks(await sweepHex(dump), c.secret)).toEqual([]);
      });
    });
  }
});

describe('passwords in high-level traces, sound and broken', () => {
  const traces: Array<[string, (s: string) => string]> = [
    ['an OPEN_REQ trace', (s) => passwordTrace('OPEN_REQ', s)],
    ['a SET_AGENT_STATE_REQ trace', (s) => passwordTrace('SET_AGENT_STATE_REQ', s)],
    ['a password with a comma in it', (s) => `CSInboundMsgProcessor: got a request message:\n{ length=-1 type=SET_AGENT_STATE_REQ, invokeID: 2, agentState: 0, AgentPassword: ${s.slice(0, 4)}, ${s.slice(4)} zz, agentID: agt2001 }`],
    ['a password with a brace in it (stray text)', (s) => `CSInboundMsgProcessor: got a request message:\n{ length=-1 type=SET_AGENT_STATE_REQ, invokeID: 2, agentState: 0, AgentPassword: ${s.slice(0, 4)}}${s.slice(4)} yy, agentID: agt2001 }`],
    ['a password after the closing brace (trailing text)', (s) => `CSInboundMsgProcessor: got a request message:\n{ length=-1 type=SET_AGENT_STATE_REQ, invokeID: 2, agentState: 0, AgentPassword: x } ${s}`],
    ['a password in a message that has none', (s) => `CSInboundMsgProcessor: got a request message:\n{ length=-1 type=QUERY_AGENT_STATE_REQ, invokeID: 2, AgentPassword: ${s}, agentID: agt2001 }`],
    ['a password given twice', (s) => `CSInboundMsgProcessor: got a request message:\n{ length=-1 type=SET_AGENT_STATE_REQ, invokeID: 2, AgentPassword: x, AgentPassword: ${s}, agentID: agt2001 }`],
    ['a password in a message of an unknown type', (s) => `CSInboundMsgProcessor: got a request message:\n{ length=-1 type=FOO_REQ, invokeID: 2, AgentPassword: ${s}, agentID: agt2001 }`],
    ['a password that breaks the grammar', (s) => `CSInboundMsgProcessor: got a request message:\n{ length=-1 type=SET_AGENT_STATE_REQ, invokeID: 2, AgentPassword: {${s} ]]] ::: , agentID: agt2001`],
    ['a ClientPassword as hex', (s) => `CSInboundMsgProcessor: got a request message:\n{ length=-1 type=OPEN_REQ, invokeID: 2, clientID: x, clientPassword: ${Buffer.from(s).toString('hex')}, agentID: a }`],
    ['a ClientPassword as text', (s) => `CSInboundMsgProcessor: got a request message:\n{ length=-1 type=OPEN_REQ, invokeID: 2, clientID: x, clientPassword: ${s} and more, agentID: a }`],
    ['a flow block with a password before MsgType', (s) => `${s} MsgType: SET_AGENT_STATE_REQ AgentPassword: ${s}`],
  ];
  traces.forEach(([name, trace], i) => {
    it(name, async () => {
      const secret = marker(60 + i);
      const file = join(dir, `trace-${i}.log`);
      writeFileSync(file, caseLog({ name, secret, messages: [], shownWithSecrets: false }, [trace(secret)]));
      expect(secretLeaks(await sweepInputs([file]), secret)).toEqual([]);
    });
  });
});
