/**
 * `ccxcti decode` on MIVR logs (CONTRACT.md): text, json and ndjson with `source.file` and
 * `source.line`; gzip and stdin; damaged logs are diagnostics (exit 0); unreadable inputs and
 * bad options are exit 2.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ccxcti } from '../support/cli.js';
import { assertValid } from '../support/schema-validator.js';

const EXAMPLES =
  readFileSync(new URL('../fixtures/guide/example1-high-level.txt', import.meta.url), 'utf8') + readFileSync(new URL('../fixtures/guide/example2-low-level.txt', import.meta.url), 'utf8');
const QUEUED = 'samples/logs/queued-and-answered/MIVR01.log';

const dir = mkdtempSync(join(tmpdir(), 'ccxcti-logs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tmp = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('ccxcti decode on MIVR logs', () => {
  it('ndjson: one line per message with ts, direction, source.file and source.line; input diagnostics on stderr', async () => {
    const log = tmp('MIVR01.log', EXAMPLES);
    const r = await ccxcti(['decode', log, '--format', 'ndjson', '--year', '2015']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      type: 'BEGIN_CALL_EVENT',
      index: 0,
      ts: '2015-11-20T14:43:59.435000Z',
      direction: 'server-to-client',
      source: { file: log, line: 13 },
      fields: { CallID: 16777488 },
    });
    assertValid('decoded-message.schema.json', lines[0]);
    expect(r.stderr).toContain('DUMP_SHORT_ROW');
    expect(r.stderr).toContain('LOG_SUMMARY');
  });

  it('json: a document with messages, diagnostics (with file:line) and no sessions', async () => {
    const r = await ccxcti(['decode', QUEUED, '--format', 'json', '--year', '2015']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { messages: Array<{ source: { file: string; line: number } }>; diagnostics: Array<{ code: string; source: { file: string; line?: number } }>; sessions: unknown[] };
    assertValid('decode-document.schema.json', doc);
    expect(doc.messages).toHaveLength(19);
    expect(doc.messages.every((m) => m.source.file === QUEUED && m.source.line >= 1)).toBe(true);
    const garbage = doc.diagnostics.find((d) => d.code === 'MIVR_GARBAGE_LINES')!;
    expect(garbage.source).toEqual({ file: QUEUED, line: 98 });
    expect(doc.sessions).toEqual([]);
  });

  it('text: a line per message naming file:line', async () => {
    const r = await ccxcti(['decode', QUEUED, '--format', 'text', '--year', '2015']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('BEGIN_CALL_EVENT');
    expect(r.stdout).toContain(`${QUEUED}:`);
    expect(r.stdout).toMatch(/19 messages, 0 sessions/);
  });

  it('reads gzip logs and stdin; a log and its gzip copy decode alike', async () => {
    const plain = await ccxcti(['decode', QUEUED, '--format', 'ndjson', '--year', '2015']);
    const gz = await ccxcti(['decode', tmp('MIVR02.log.gz', gzipSync(readFileSync(QUEUED))), '--format', 'ndjson', '--year', '2015']);
    const stdin = await ccxcti(['decode', '-', '--format', 'ndjson', '--year', '2015'], { stdin: readFileSync(QUEUED) });
    const types = (out: string): string[] => out.trim().split('\n').map((l) => (JSON.parse(l) as { type: string }).type);
    expect(gz.code).toBe(0);
    expect(stdin.code).toBe(0);
    expect(types(gz.stdout)).toEqual(types(plain.stdout));
    expect(types(stdin.stdout)).toEqual(types(plain.stdout));
    expect((JSON.parse(stdin.stdout.split('\n')[0]!) as { source: { file: string } }).source.file).toBe('-');
  });

  it('damaged gzip logs (bad CRC, cut short): the records before the damage are decoded, the damage said, exit 0', async () => {
    const plain = await ccxcti(['decode', QUEUED, '--format', 'ndjson', '--year', '2015']);
    const gz = gzipSync(readFileSync(QUEUED));
    const badCrc = Buffer.from(gz);
    badCrc[badCrc.length - 8]! ^= 0xff;
    const crc = await ccxcti(['decode', tmp('MIVR03.log.gz', badCrc), '--format', 'ndjson', '--year', '2015']);
    expect(crc.code).toBe(0);
    expect(crc.stdout).toBe(plain.stdout.replaceAll(QUEUED, join(dir, 'MIVR03.log.gz')));
    expect(crc.stderr).toMatch(/MIVR_READ_ERROR .*MIVR03\.log\.gz:\d+: reading stopped after \d+ bytes: damaged gzip data \(incorrect data check\)/);
    const cut = await ccxcti(['decode', tmp('MIVR04.log.gz', gz.subarray(0, Math.floor(gz.length / 2))), '--format', 'ndjson', '--year', '2015']);
    expect(cut.code).toBe(0);
    expect(cut.stdout.length).toBeGreaterThan(0);
    expect(cut.stderr).toMatch(/MIVR_READ_ERROR .*damaged gzip data \(unexpected end of file\)/);
  });

  it('a damaged log is diagnostics, exit 0; unreadable inputs and bad options are exit 2', async () => {
    const damaged = tmp('damaged.log', `${EXAMPLES}\u0000\u0001garbage\n7: Nov 20 10:4\n${EXAMPLES.slice(0, 200)}`);
    const ok = await ccxcti(['decode', damaged, '--format', 'ndjson', '--year', '2015']);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(1);
    expect((await ccxcti(['decode', join(dir, 'no-such.log')])).code).toBe(2);
    expect((await ccxcti(['decode', QUEUED, '--tz', 'Mars/Olympus'])).code).toBe(2);
    expect((await ccxcti(['decode', QUEUED, '--year', '15'])).code).toBe(2);
    const notLog = await ccxcti(['decode', tmp('notes.txt', 'just some text\nand more\n')]);
    expect(notLog.code).toBe(2);
  });

  it('a dump whose hole runs past BodyLength: only the bytes the log holds past the body are trailing, not the zero fill of the hole', async () => {
    // BodyLength 40; the row 0000 holds 16 bytes, the next row is at 0030: rows 0x10-0x2f missing, the hole running to 0x30.
    const record = (row30: string): string =>
      [
        '3201069: Nov 23 14:00:01.784 EST %MIVR-ICD_CTI-7-UNK:writing...',
        'MHDR:    0000: 00 00 00 28 00 00 01 2C ...(...,',
        'MDATA:   0000: 00 00 00 01 00 00 00 02 00 00 00 03 00 00 00 04 ................',
        row30,
        '3201070: Nov 23 14:00:01.865 EST %MIVR-SS_CM-7-UNK:ContactManager: contact 16777507 associated with CSQ 1',
        '',
      ].join('\n');
    const trailing = async (name: string, row30: string): Promise<Array<{ message: string; offset: number }>> => {
      const r = await ccxcti(['decode', tmp(name, record(row30)), '--format', 'ndjson', '--year', '2026']);
      expect(r.code).toBe(0);
      const m = JSON.parse(r.stdout.trim()) as { bodyLength: number; diagnostics: Array<{ code: string; message: string; offset: number }> };
      expect(m.bodyLength).toBe(40);
      expect(m.diagnostics.filter((d) => d.code === 'BYTES_MISSING').map((d) => d.message)).toEqual([
        '24 bytes at body offset 16 (0x0010) missing from the input: 16 of the 40 bytes BodyLength announces are present; fields over them are not decoded',
      ]);
      return m.diagnostics.filter((d) => d.code === 'TRAILING_BYTES').map((d) => ({ message: d.message, offset: d.offset }));
    };
    expect(await trailing('hole-past-body.log', '0030: ')).toEqual([]);
    expect(await trailing('hole-past-body-then-bytes.log', '0030: 11 22 33 44 ."3D')).toEqual([
      { message: '4 bytes follow the end of the message (BodyLength 40)', offset: 56 },
    ]);
  });

  it('a file given twice (by two paths, or named and inside a directory given too) is read once, with a note', async () => {
    const sub = join(dir, 'twice');
    mkdirSync(sub);
    const log = join(sub, 'MIVR01.log');
    writeFileSync(log, readFileSync(QUEUED));
    const once = await ccxcti(['decode', log, '--format', 'ndjson', '--year', '2015']);
    const n = once.stdout.trim().split('\n').length;
    expect(n).toBe(19);
    for (const argv of [[log, log], [log, join(sub, '.', 'MIVR01.log')], [log, sub], [sub, log]]) {
      const r = await ccxcti(['decode', ...argv, '--format', 'ndjson', '--year', '2015']);
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.stdout.trim().split('\n'), argv.join(' ')).toHaveLength(n);
      expect(r.stderr, argv.join(' ')).toMatch(/skipped .*MIVR01\.log: the same file as .*MIVR01\.log, read once/);
    }
    // check counts each message once too.
    const c = await ccxcti(['check', log, log, '--format', 'json', '--year', '2015']);
    expect((JSON.parse(c.stdout) as { summary: { messages: number } }).summary.messages).toBe(n);
  });

  it('a dump whose MDATA rows are out of order: the whole message, one DUMP_ROW_ORDER, no LOG-INCOMPLETE from check', async () => {
    const lines = readFileSync(QUEUED, 'latin1').split('\n');
    // Lines 19 and 20 of the sample: MDATA rows 0010 and 0020 of the first BEGIN_CALL_EVENT.
    expect(lines[18]).toMatch(/^0010: /);
    const swapped = [...lines.slice(0, 18), lines[19], lines[18], ...lines.slice(20)].join('\n');
    const log = tmp('rows-out-of-order.log', swapped);
    const r = await ccxcti(['decode', log, '--format', 'ndjson', '--year', '2015']);
    const first = JSON.parse(r.stdout.split('\n')[0]!) as { type: string; fields: Record<string, unknown>; diagnostics: unknown[] };
    expect(first).toMatchObject({ type: 'BEGIN_CALL_EVENT', fields: { CallID: 16777507, ConnectionDeviceID: '2005', ANI: '2005' }, diagnostics: [] });
    expect(r.stderr).toContain('DUMP_ROW_ORDER');
    expect(r.stderr).not.toMatch(/DUMP_SHORT_ROW|DUMP_ROW_OVERLAP|DUMP_LENGTH_MISMATCH/);
    const c = await ccxcti(['check', log, '--format', 'json', '--year', '2015']);
    const rules = (JSON.parse(c.stdout) as { findings: Array<{ rule: string; message: string }> }).findings.map((f) => f.message);
    expect(rules.filter((m) => m.includes('DUMP_'))).toEqual([]);
  });

  it("two servers' logs (a directory each, the same file names) are two sets merged by time, not one set read one after the other", async () => {
    const nodes = ['node1', 'node2'].map((n) => join(dir, 'servers', n));
    // The same traffic, but each server numbers its own records (the same records in two
    // directories would be one server's logs collected twice: test/logs/repeated-records.test.ts).
    const log = readFileSync(QUEUED, 'latin1');
    nodes.forEach((n, i) => {
      mkdirSync(n, { recursive: true });
      writeFileSync(join(n, 'MIVR01.log'), log.replace(/^(\d+): /gm, (_, seq: string) => `${Number(seq) + i * 5_000_000}: `), 'latin1');
    });
    const once = await ccxcti(['decode', QUEUED, '--format', 'ndjson', '--year', '2015']);
    const n = once.stdout.trim().split('\n').length;
    const r = await ccxcti(['decode', ...nodes.map((d) => join(d, 'MIVR01.log')), '--format', 'ndjson', '--year', '2015']);
    const messages = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { ts: string; source: { file: string } });
    expect(messages).toHaveLength(2 * n);
    // In time order, each message of one server next to its copy from the other.
    expect(messages.map((m) => m.ts)).toEqual([...messages.map((m) => m.ts)].sort());
    expect(messages.slice(0, 4).map((m) => m.source.file.split('/').slice(-2, -1)[0])).toEqual(['node1', 'node2', 'node1', 'node2']);
    expect(r.stderr).not.toContain('MIVR_SET_OVERLAP');
    expect(r.stderr.match(/LOG_SUMMARY/g)).toHaveLength(2);
  });

  it('--tz and --protocol-version reach the messages', async () => {
    const r = await ccxcti(['decode', tmp('MIVR03.log', EXAMPLES), '--format', 'ndjson', '--year', '2015', '--tz', 'UTC', '--protocol-version', '13']);
    const line = JSON.parse(r.stdout.trim().split('\n')[0]!) as { ts: string; version: number };
    expect(line.ts).toBe('2015-11-20T10:43:59.435000Z');
    expect(line.version).toBe(13);
  });
});

describe('a rotated set with a gzip file cut short', () => {
  it('is read: the damage reported where it is, the other files decoded, no exception (found by the fuzzer)', async () => {
    const cutDir = mkdtempSync(join(dir, 'cut-'));
    // The first file: gzip cut after 200 bytes (its header and a few records); the second whole.
    const gz = gzipSync(readFileSync('samples/logs/transferred/MIVR01.log')).subarray(0, 200);
    writeFileSync(join(cutDir, 'MIVR01.log'), gz);
    writeFileSync(join(cutDir, 'MIVR02.log'), readFileSync('samples/logs/queued-and-answered/MIVR01.log'));
    const alone = await ccxcti(['decode', 'samples/logs/queued-and-answered/MIVR01.log', '--format', 'ndjson', '--year', '2015']);
    for (const format of ['ndjson', 'text', 'json']) {
      const r = await ccxcti(['decode', join(cutDir, 'MIVR01.log'), join(cutDir, 'MIVR02.log'), '--format', format, '--year', '2015']);
      expect(r.code, format).toBe(0);
      if (format === 'json') expect(r.stdout).toMatch(/"code":"MIVR_READ_ERROR","message":"reading stopped after \d+ bytes: damaged gzip data/);
      else expect(format === 'ndjson' ? r.stderr : r.stdout, format).toMatch(/MIVR_READ_ERROR .*MIVR01\.log:\d+: reading stopped after \d+ bytes: damaged gzip data/);
    }
    const r = await ccxcti(['decode', join(cutDir, 'MIVR01.log'), join(cutDir, 'MIVR02.log'), '--format', 'ndjson', '--year', '2015']);
    const of = (text: string, file: string): string[] =>
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string; source: { file: string; line: number } })
        .filter((m) => m.source.file.endsWith(file))
        .map((m) => `${m.type} ${m.source.line}`);
    // Every message of the whole file is there, as when it is read alone.
    expect(of(r.stdout, 'MIVR02.log')).toEqual(of(alone.stdout, 'MIVR01.log'));
    expect(of(r.stdout, 'MIVR02.log').length).toBeGreaterThan(10);
    // And the same through `check`.
    const c = await ccxcti(['check', join(cutDir, 'MIVR01.log'), join(cutDir, 'MIVR02.log'), '--format', 'json', '--year', '2015']);
    expect(c.code).toBe(0);
  });
});

describe('grep output of several logs (each line after a file name)', () => {
  it('is not read (exit 2), and the reason says what grep did and what to give instead', async () => {
    const lines = readFileSync(QUEUED, 'utf8').split('\n').filter((l) => l.includes('ICD_CTI'));
    // grep ICD_CTI MIVR*.log: "MIVR01.log:<record header>"; zgrep too, gzip or not.
    const plain = tmp('grep-prefixed.log', lines.map((l) => `MIVR01.log:${l}`).join('\n'));
    const zipped = tmp('zgrep-context.log.gz', gzipSync(lines.map((l, i) => `MIVR0${1 + (i % 2)}.log${i % 3 ? '-' : ':'}${l}`).join('\n')));
    for (const [path, prefix] of [[plain, 'MIVR01.log:'], [zipped, 'MIVR01.log:']] as const) {
      for (const command of ['decode', 'check']) {
        const r = await ccxcti([command, path]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`its lines start with a file name ("${prefix}") before the MIVR record header, as grep writes lines of several files`);
      }
    }
    // Other text is not taken for grep output.
    const other = await ccxcti(['decode', tmp('notes.txt', 'notes.txt:12: Nov 20 10:43:59 the call dropped\n')]);
    expect(other.code).toBe(2);
    expect(other.stderr).not.toContain('grep');
  });
});
