/**
 * Manual mutation testing, fourth round (docs/test-gaps.md): the checker's configuration —
 * config files, `--rule` / `--disable` / `--fail-on`, and the exit codes of CONTRACT.md
 * (0 nothing at or above --fail-on, 1 such findings, 2 usage errors and unreadable inputs).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAPTER_11_FLOWS } from '../fixtures/flows/chapter11.js';
import { ccxcti } from '../support/cli.js';
import { flowPcap, tempDir, writeTemp } from './capture.js';

let dir = '';
let clean = '';
/** A capture whose only error is CALL-EVENT-AFTER-END (its CALL_CLEARED_EVENT moved after END_CALL_EVENT). */
let broken = '';

beforeAll(() => {
  dir = tempDir();
  const q = CHAPTER_11_FLOWS.find((f) => f.id === 'queued-and-answered')!;
  clean = writeTemp(dir, 'queued.pcap', flowPcap(q));
  const steps = [...q.steps];
  const [cleared] = steps.splice(
    steps.findIndex((s) => s.type === 'CALL_CLEARED_EVENT'),
    1,
  );
  broken = writeTemp(dir, 'broken.pcap', flowPcap({ ...q, steps: [...steps, cleared!] }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Summary {
  errors: number;
  warnings: number;
  infos: number;
}

async function summary(args: readonly string[]): Promise<Summary> {
  return (JSON.parse((await ccxcti(['check', '--format', 'json', ...args])).stdout) as { summary: Summary }).summary;
}

/** A usage error: exit 2, the reason on stderr, no report. */
async function expectUsageError(args: readonly string[], reason: RegExp, cwd?: string): Promise<void> {
  const before = process.cwd();
  if (cwd !== undefined) process.chdir(cwd);
  try {
    const r = await ccxcti(['check', ...args]);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stdout).toBe('');
  } finally {
    process.chdir(before);
  }
}

describe('configuration files', () => {
  it('a .ccxcti.json that is there but cannot be read is an error naming it, not a file ignored', async () => {
    const here = tempDir();
    try {
      mkdirSync(join(here, '.ccxcti.json'));
      await expectUsageError([broken], /\.ccxcti\.json: cannot read the configuration \(EISDIR\)/, here);
    } finally {
      rmSync(here, { recursive: true, force: true });
    }
  });

  it('a --config file that does not exist is an error naming it', async () => {
    await expectUsageError(['--config', join(dir, 'missing.json'), clean], /missing\.json: cannot read the configuration \(ENOENT\)/);
  });

  it('JSON that is not an object, or rules that are not an object, are usage errors naming the file', async () => {
    for (const text of ['null', '7', '"rules"', '{"rules":null}', '{"rules":"off"}', '{"rules":["CALL-*"]}']) {
      const file = writeTemp(dir, 'shape.json', text);
      await expectUsageError(['--config', file, clean], /shape\.json: /);
    }
  });

  it('failOn takes error, warning or info: off is a rule level, not a threshold', async () => {
    const file = writeTemp(dir, 'failon.json', JSON.stringify({ failOn: 'off' }));
    await expectUsageError(['--config', file, clean], /failon\.json: failOn must be error, warning or info/);
    await expectUsageError(['--fail-on', 'off', clean], /--fail-on.*'off'/);
  });

  it('rule IDs in a config file are case-insensitive, as on the command line', async () => {
    const file = writeTemp(dir, 'lower.json', JSON.stringify({ rules: { 'call-event-after-end': 'off' } }));
    expect((await ccxcti(['check', '--config', file, broken])).code).toBe(0);
    const family = writeTemp(dir, 'family.json', JSON.stringify({ rules: { 'call-*': 'Off' } }));
    expect((await ccxcti(['check', '--config', family, broken])).code).toBe(0);
  });
});

describe('rule names and levels on the command line', () => {
  it('--disable takes an ID in any case, like --rule', async () => {
    expect((await ccxcti(['check', '--disable', 'call-event-after-end', broken])).code).toBe(0);
  });

  it('spaces around the ID and the level of --rule are ignored', async () => {
    expect((await ccxcti(['check', '--rule', ' CALL-EVENT-AFTER-END = off ', broken])).code).toBe(0);
  });

  it('a pattern ending in * names the rules that begin with it, nothing else', async () => {
    // VALUE- occurs inside FIELD-VALUE-UNKNOWN and FIELD-VALUE-RESERVED, at the start of no ID.
    await expectUsageError(['--rule', 'VALUE-*=off', clean], /no rule VALUE-\*/);
    expect((await ccxcti(['check', '--rule', 'CALL-EVENT-*=off', broken])).code).toBe(0);
  });

  it('an ID without * names that rule only, not the rules it is a prefix of', async () => {
    await expectUsageError(['--rule', 'SESSION-HEARTBEAT=off', clean], /no rule SESSION-HEARTBEAT /);
    await expectUsageError(['--disable', 'CALL-EVENT', clean], /--disable: no rule CALL-EVENT /);
  });
});

describe('exit codes (CONTRACT.md)', () => {
  it('--fail-on warning fails on errors too, --fail-on info on errors and warnings', async () => {
    // Only errors: the bridge OPEN_REQ's infos (FIELD-*) switched off.
    expect(await summary(['--rule', 'FIELD-*=off', broken])).toMatchObject({ warnings: 0, infos: 0 });
    expect((await summary(['--rule', 'FIELD-*=off', broken])).errors).toBeGreaterThan(0);
    expect((await ccxcti(['check', '--fail-on', 'warning', '--rule', 'FIELD-*=off', broken])).code).toBe(1);
    expect((await ccxcti(['check', '--fail-on', 'info', '--rule', 'FIELD-*=off', broken])).code).toBe(1);
    // Only warnings: the error demoted.
    const demoted = ['--rule', 'FIELD-*=off', '--rule', 'CALL-EVENT-AFTER-END=warning'];
    expect(await summary([...demoted, broken])).toMatchObject({ errors: 0, infos: 0 });
    expect((await ccxcti(['check', '--fail-on', 'info', ...demoted, broken])).code).toBe(1);
    expect((await ccxcti(['check', '--fail-on', 'error', ...demoted, broken])).code).toBe(0);
  });

  it('an input found unreadable while checking makes the exit code 2, after the report of the others', async () => {
    const truncated = writeTemp(dir, 'head.pcap', flowPcap(CHAPTER_11_FLOWS[0]!).subarray(0, 10));
    const r = await ccxcti(['check', '--format', 'json', clean, truncated]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ccxcti: cannot read .*head\.pcap: /);
    expect((JSON.parse(r.stdout) as { summary: { inputs: number } }).summary.inputs).toBe(2);
  });
});
