/**
 * The escaping sweep: every command × format of the command line (as in secret-sweep.test.ts)
 * on inputs whose every string — each STRING field and named variable of every message type,
 * high-level trace keys, values, names, stray and trailing text, raw C1 bytes of a log, a file
 * name, the arguments of error messages — holds what a terminal interprets (ESC sequences, CR,
 * BS, C1 CSI, bidi overrides, zero-width marks, DEL) and markup. No output may hold one raw
 * (newline aside; tab in the JUnit report), and the HTML report only its own tags.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lowLevelDump } from '../../scripts/samples/trace-text.js';
import { HOSTILE, hostileBytes, hostileCapture, hostileLog } from '../support/escape-cases.js';
import { ccxcti } from '../support/cli.js';
import { foreignMarkup, rawControls, sweepHex, sweepInputs, type SweepOutput } from '../support/output-sweep.js';

const dir = mkdtempSync(join(tmpdir(), 'ccxcti-escapes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The hostile text reached the outputs, escaped (so that the searches above can fail): the C1 CSI and the bidi override, in text and JSON. */
function expectReached(outputs: readonly SweepOutput[]): void {
  for (const where of ['decode --format text stdout', 'decode --format json stdout', 'check --format text --fail-on info stdout', 'check --format json --fail-on info stdout']) {
    const text = outputs.find((o) => o.where === where)?.text ?? '';
    expect(text, where).toContain('\\u009b');
    expect(text, where).toContain('\\u202e');
  }
}

describe('what comes from the inputs is escaped in every output', () => {
  const messages = hostileBytes();
  const hostileName = `x-\u001b[31m-\r-\b-\u009b-\u202e-<i>.pcap`;
  it('captures: every string field of every message type, and a file named with control characters', async () => {
    const file = join(dir, hostileName);
    writeFileSync(file, hostileCapture(messages));
    const outputs = await sweepInputs([file]);
    expect(rawControls(outputs)).toEqual([]);
    for (const o of outputs.filter((x) => x.where.startsWith('check') && x.where.includes('html'))) expect(foreignMarkup(o.text), o.where).toEqual([]);
    expectReached(outputs);
  });
  it('logs: dumps, traces with hostile keys, values, names, stray and trailing text, raw C1 bytes', async () => {
    const file = join(dir, `${hostileName}.log`);
    writeFileSync(file, hostileLog(messages));
    const outputs = await sweepInputs([file]);
    expect(rawControls(outputs)).toEqual([]);
    for (const o of outputs.filter((x) => x.where.startsWith('check') && x.where.includes('html'))) expect(foreignMarkup(o.text), o.where).toEqual([]);
    expectReached(outputs);
  });
  it('hex: each message, and text that is not hex', async () => {
    const outputs = [];
    for (const bytes of messages.slice(0, 40)) outputs.push(...(await sweepHex(Buffer.from(bytes).toString('hex'))));
    outputs.push(...(await sweepHex(`00 00 00 04 ${HOSTILE}`)));
    outputs.push(...(await sweepHex(lowLevelDump(messages[0]!).replace(/\.+$/m, HOSTILE))));
    expect(rawControls(outputs)).toEqual([]);
  });
  it('error messages: a missing file, a filter, a time zone, a configuration', async () => {
    const outputs = [];
    outputs.push(...(await sweepInputs([join(dir, `missing-${hostileName}`)])));
    const file = join(dir, 'ok.pcap');
    writeFileSync(file, hostileCapture(messages.slice(0, 3)));
    outputs.push(...(await sweepInputs([file], ['-Y', `AgentID == "${HOSTILE}" && ${HOSTILE}`])));
    outputs.push(...(await sweepInputs([file], ['--tz', HOSTILE])));
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ rules: { [HOSTILE]: 'off' }, failOn: HOSTILE }));
    outputs.push(...(await sweepInputs([file], ['--config', config])));
    outputs.push(...(await sweepInputs([file], ['--rule', `${HOSTILE}=off`])));
    outputs.push(...(await sweepInputs([file], ['--port', HOSTILE])));
    outputs.push(...(await sweepInputs([file], ['--year', HOSTILE, '--protocol-version', HOSTILE])));
    expect(rawControls(outputs)).toEqual([]);
  });
  it('the command line parser\'s errors: an option value out of its choices, an unknown option (a file name beginning with -), an unknown command; an -o path that cannot be written', async () => {
    writeFileSync(join(dir, 'ok.pcap'), hostileCapture(messages.slice(0, 3)));
    const outputs = [];
    for (const argv of [
      ['decode', 'x.pcap', '--format', HOSTILE],
      ['check', 'x.pcap', '--fail-on', HOSTILE],
      ['hex', '00', '--format', HOSTILE],
      ['decode', `--${HOSTILE}.pcap`],
      [HOSTILE],
      ['messages', HOSTILE],
      ['decode', join(dir, 'ok.pcap'), '--format', 'json', '-o', join(dir, `missing-${HOSTILE}`, 'out.json')],
      ['check', join(dir, 'ok.pcap'), '--format', 'json', '-o', join(dir, `missing-${HOSTILE}`, 'out.json')],
      ['hex', '0000000000000005', '--format', 'json', '-o', join(dir, `missing-${HOSTILE}`, 'out.json')],
    ]) {
      const r = await ccxcti(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      outputs.push({ where: `${argv[0]} stderr`, text: r.stderr, raw: '\n' }, { where: `${argv[0]} stdout`, text: r.stdout, raw: '\n' });
    }
    expect(rawControls(outputs)).toEqual([]);
  });
});
