/**
 * The MIVR log samples (samples/logs/, made by scripts/samples/make-log-samples.ts): on disk as
 * the script makes them, and every one decodes through `ccxcti decode` to the guide's message
 * sequence of its flow — the types in order and every field the guide prints — each message
 * once although it is logged at both levels.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { logSampleFiles } from '../../scripts/samples/log-samples.js';
import { CHAPTER_11_FLOWS } from '../fixtures/flows/chapter11.js';
import { ccxcti } from '../support/cli.js';
import { assertValid } from '../support/schema-validator.js';

const SAMPLES = 'samples';

interface Line {
  type: string;
  ts: string;
  direction?: string;
  session?: string;
  fields: Record<string, unknown>;
  diagnostics: Array<{ severity: string; code: string }>;
  source: { file: string; line: number };
}

describe('the log samples', () => {
  it('are what scripts/samples/make-log-samples.ts makes', () => {
    for (const file of logSampleFiles()) {
      const onDisk = readFileSync(join(SAMPLES, file.path));
      if (typeof file.content === 'string') expect(onDisk.toString('utf8'), file.path).toBe(file.content);
      else expect(gunzipSync(onDisk).equals(gunzipSync(file.content)), file.path).toBe(true);
    }
  });

  for (const flow of CHAPTER_11_FLOWS) {
    it(`${flow.id}: decodes to the flow's messages, each once, with the fields the guide prints`, async () => {
      const dir = join(SAMPLES, 'logs', flow.id);
      const files = readdirSync(dir).map((f) => join(dir, f));
      const r = await ccxcti(['decode', ...files, '--format', 'ndjson', '--year', '2015']);
      expect(r.code).toBe(0);
      const lines = r.stdout
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Line);
      expect(lines.map((l) => l.type)).toEqual(flow.steps.map((s) => s.type));
      lines.forEach((line, i) => {
        const step = flow.steps[i]!;
        for (const [key, value] of Object.entries(step.fields)) expect(line.fields[key], `${flow.id} #${i} ${step.type}.${key}`).toEqual(value);
        expect(line.direction, `${flow.id} #${i}`).toBe(step.direction);
        expect(line.session).toBeUndefined();
        expect(line.diagnostics.filter((d) => d.code === 'TRACE_LEVELS_DISAGREE' || d.severity === 'error'), `${flow.id} #${i}`).toEqual([]);
        // The source is the dump in the log: its first line is MHDR.
        const text = line.source.file.endsWith('.gz') ? gunzipSync(readFileSync(line.source.file)).toString() : readFileSync(line.source.file, 'utf8');
        expect(text.split('\n')[line.source.line - 1], `${flow.id} #${i}`).toMatch(/^MHDR: /);
      });
      for (let i = 1; i < lines.length; i++) expect(lines[i - 1]!.ts <= lines[i]!.ts).toBe(true);
      expect(r.stderr).toMatch(/LOG_SUMMARY .*logged at both levels and taken once/);
      const summary = /(\d+) message traces \((\d+) high-level, (\d+) low-level\), (\d+) logged at both levels/.exec(r.stderr)!;
      expect(summary.slice(1).map(Number)).toEqual([2 * flow.steps.length, flow.steps.length, flow.steps.length, flow.steps.length]);
    });
  }

  it('decode as a JSON document that validates against the schema', async () => {
    const r = await ccxcti(['decode', join(SAMPLES, 'logs', 'outbound-accepted', 'MIVR01.log'), join(SAMPLES, 'logs', 'outbound-accepted', 'MIVR99.log'), '--format', 'json', '--year', '2015']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { messages: Line[]; diagnostics: Array<{ code: string }>; sessions: unknown[] };
    assertValid('decode-document.schema.json', doc);
    for (const m of doc.messages) assertValid('decoded-message.schema.json', m);
    expect(doc.sessions).toEqual([]);
    expect(doc.messages[0]!.source.file).toMatch(/MIVR99\.log$/); // the older file of the rotated pair first
    expect(doc.diagnostics.map((d) => d.code)).toContain('LOG_SUMMARY');
  });
});
