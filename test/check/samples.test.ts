/** `ccxcti check` on the repository's samples (real loopback captures, a damaged capture, MIVR logs of the chapter-11 flows). */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ccxcti } from '../support/cli.js';
import { schemaErrors } from './schemas.js';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));

interface Report {
  findings: Array<{ rule: string; severity: string; message: string }>;
  summary: { messages: number; errors: number; warnings: number };
}

async function check(...inputs: string[]): Promise<{ code: number; report: Report }> {
  const r = await ccxcti(['check', '--format', 'json', '--year', '2015', ...inputs]);
  const report = JSON.parse(r.stdout) as Report;
  expect(schemaErrors('check-report.schema.json', report)).toEqual([]);
  return { code: r.code, report };
}

const present = existsSync(`${SAMPLES}logs`);

describe.skipIf(!present)('samples', () => {
  const logDirs = present ? readdirSync(`${SAMPLES}logs`) : [];
  for (const dir of logDirs) {
    it(`MIVR logs of the ${dir} flow: no error, no warning`, async () => {
      const files = readdirSync(`${SAMPLES}logs/${dir}`).map((f) => `${SAMPLES}logs/${dir}/${f}`);
      const { code, report } = await check(...files);
      expect(code).toBe(0);
      expect(report.summary.messages).toBeGreaterThan(0);
      expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    });
  }

  it('a capture that starts mid-stream and lost two segments: no finding a gap could explain', async () => {
    const { code, report } = await check(`${SAMPLES}damaged-midstream-gap.pcap`);
    expect(code).toBe(0);
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('the loopback captures of the scripted sessions: only what the script really breaks', async () => {
    for (const file of ['cti-sessions.pcapng', 'cti-sessions.pcap']) {
      const { report } = await check(`${SAMPLES}${file}`);
      // The script opens every session with IdleTimeout 120, which Table 12 forbids ("less than 120 seconds").
      const errors = [...new Set(report.findings.filter((f) => f.severity === 'error').map((f) => f.rule))];
      expect(errors.filter((rule) => rule !== 'SESSION-IDLE-TIMEOUT-RANGE'), file).toEqual([]);
    }
  });
});
