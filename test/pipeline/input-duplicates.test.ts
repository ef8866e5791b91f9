/**
 * A file reached twice among the inputs — named twice, named and inside a directory given, or
 * through another path or a symbolic link — is read once, with a note. Before, it was decoded
 * twice: every message twice under the same session ids (`ccxcti check` then reported each
 * request as answered twice, InvokeIDs reused…), and a ring buffer's file named besides its
 * directory gave the set a number twice, which split the set into separate captures.
 */
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkTimeline } from '../../src/check/checker.js';
import { openTimeline } from '../../src/pipeline/open-timeline.js';
import { PassThrough } from 'node:stream';
import { decodeInputs, RING_OPTIONS } from '../support/ring-capture.js';

const SAMPLE = 'samples/cti-sessions.pcapng';
const RING = 'samples/ring';
const ringFiles = readdirSync(RING).sort().map((f) => join(RING, f));

describe('a file reached twice among the inputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccxcti-dup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read once: the same file named twice, by another path and through a link', async () => {
    const link = join(dir, 'link.pcapng');
    symlinkSync(join(process.cwd(), SAMPLE), link);
    const once = await decodeInputs([SAMPLE]);
    const timeline = await openTimeline([SAMPLE, `./${SAMPLE}`, relative(process.cwd(), join(process.cwd(), SAMPLE)), link], RING_OPTIONS, new PassThrough());
    expect(timeline.inputs).toHaveLength(1);
    expect(timeline.skipped).toEqual([`./${SAMPLE}`, SAMPLE, link].map((p) => `${p}: the same file as ${SAMPLE}, read once`));
    const twice = await decodeInputs([SAMPLE, SAMPLE]);
    expect(twice.messages).toHaveLength(232);
    expect(twice.messages).toEqual(once.messages);
    expect(twice.sessions).toEqual(once.sessions);
  });

  it('keeps a ring set whole when one of its files is named besides its directory', async () => {
    const whole = await decodeInputs([RING]);
    const both = await decodeInputs([RING, ringFiles[1]!, ringFiles[0]!]);
    expect(both.messages).toHaveLength(232);
    expect(both.events).toEqual(whole.events);
    expect(both.sessions).toEqual(whole.sessions);
  });

  it('gives check nothing to find in a clean capture named twice', async () => {
    const decoded = await decodeInputs([SAMPLE, SAMPLE]);
    const result = checkTimeline(decoded.events, {}, decoded.sessions);
    expect(result.findings).toEqual([]);
  });
});
