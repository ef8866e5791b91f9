/** `ccxcti check` on the repository's samples (real loopback captures, one of them a dumpcap ring-buffer set, a damaged capture, MIVR logs of the chapter-11 flows). */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ccxcti } from '../support/cli.js';
import { schemaErrors } from '../../scripts/schemas.js';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));

interface Report {
  findings: Array<{ rule: string; severity: string; message: string; at: { index: number; source: { frame?: number } } }>;
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
    it(`MIVR logs of the ${dir} flow: no error, no warning but the sample's own damage`, async () => {
      const files = readdirSync(`${SAMPLES}logs/${dir}`).map((f) => `${SAMPLES}logs/${dir}/${f}`);
      const { code, report } = await check(...files);
      expect(code).toBe(0);
      expect(report.summary.messages).toBeGreaterThan(0);
      const shown = report.findings.filter((f) => f.severity !== 'info');
      if (dir === 'queued-and-answered') {
        // samples/README.md: one damaged record header (line 98), reported once though two diagnostics name it.
        expect(shown.map((f) => f.rule)).toEqual(['LOG-INCOMPLETE']);
        expect(shown[0]!.message).toMatch(/^1 place in \S+MIVR01\.log could not be read \(traces, records\): the first at line 98 \(MIVR_MALFORMED_HEADER: /);
      } else expect(shown).toEqual([]);
    });
  }

  it('a capture that starts mid-stream and lost two segments: the loss said once, no finding a gap could explain', async () => {
    const { code, report } = await check(`${SAMPLES}damaged-midstream-gap.pcap`);
    expect(code).toBe(0);
    const shown = report.findings.filter((f) => f.severity !== 'info');
    // The session's loss, once (the message the snapshot length cut short is part of it).
    expect(shown.map((f) => f.rule)).toEqual(['CAPTURE-INCOMPLETE']);
    // The bytes the session summary counts (test/pipeline/capture-resync.test.ts: 35 + 87 + 101).
    expect(shown[0]!.message).toContain('lost 223 bytes (client-to-server 0, server-to-client 223)');
    // It points at the session's first message after the first loss.
    const decoded = await ccxcti(['decode', '--format', 'ndjson', `${SAMPLES}damaged-midstream-gap.pcap`]);
    const messages = decoded.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { index: number; source: { frame: number } });
    const at = shown[0]!.at;
    expect(messages.find((m) => m.index === at.index)?.source.frame).toBe(at.source.frame);
    expect(shown[0]!.message).toMatch(new RegExp(`the first at \\S+damaged-midstream-gap\\.pcap frame (\\d+)`));
    const firstFrame = Number(/frame (\d+) \(/.exec(shown[0]!.message)![1]);
    expect(at.source.frame).toBeGreaterThanOrEqual(firstFrame);
  });

  it('one file of the ring set alone ends inside a message (samples/README.md): the loss is said, at that message', async () => {
    const ring = readdirSync(`${SAMPLES}ring`).sort();
    const { code, report } = await check(`${SAMPLES}ring/${ring[0]!}`);
    expect(code).toBe(0);
    expect(report.findings.map((f) => f.rule)).toEqual(['CAPTURE-INCOMPLETE']);
    // The CALL_DATA_UPDATE_EVENT of 62 bytes whose header and 27 body bytes frame 61 holds.
    expect(report.findings[0]!.message).toMatch(/^the capture ends inside this session's CALL_DATA_UPDATE_EVENT \(35 of its 62 bytes captured\) at \S+ frame 61 \(server-to-client\)/);
    expect(report.findings[0]!.at.source.frame).toBe(61);
  });

  it('the loopback captures of the scripted sessions follow the guide: no finding at all', async () => {
    for (const file of ['cti-sessions.pcapng', 'cti-sessions.pcap', 'ring/']) {
      const { code, report } = await check(`${SAMPLES}${file}`);
      expect(report.summary.messages, file).toBe(232);
      expect(report.findings, file).toEqual([]);
      expect(code, file).toBe(0);
    }
  });

  it('what the sample script sends that the rules look at: IdleTimeout in range, party records counted by NumParties', async () => {
    const r = await ccxcti(['decode', '--format', 'ndjson', `${SAMPLES}cti-sessions.pcapng`]);
    const lines = r.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { type: string; fields: Record<string, unknown> });
    const opens = lines.filter((l) => l.type === 'OPEN_REQ');
    expect(opens).toHaveLength(4);
    for (const o of opens) {
      expect(o.fields.IdleTimeout).toBeGreaterThanOrEqual(20);
      expect(o.fields.IdleTimeout).toBeLessThan(120);
    }
    const confs = lines.filter((l) => l.type === 'TRANSFER_CALL_CONF' || l.type === 'CONFERENCE_CALL_CONF');
    expect(confs.map((c) => c.type)).toEqual(['TRANSFER_CALL_CONF', 'CONFERENCE_CALL_CONF']);
    for (const c of confs) expect((c.fields.ConnectedParties as unknown[]).length).toBe(c.fields.NumParties);
  });
});
