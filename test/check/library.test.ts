/** The checker and the readers as a library (src/index.ts): a capture source fed to the checker by hand. */
import { describe, expect, it } from 'vitest';
import { captureSource, Checker, openInput, openTimeline, RULE_CATALOG, type TimelineEvent } from '../../src/index.js';
import { PassThrough } from 'node:stream';

const SAMPLE = 'samples/cti-sessions.pcapng';

async function drain(batches: AsyncIterable<readonly TimelineEvent[]>): Promise<TimelineEvent[]> {
  const out: TimelineEvent[] = [];
  for await (const batch of batches) out.push(...batch);
  return out;
}

describe('library entry (src/index.ts)', () => {
  it('openInput + captureSource give the capture timeline openTimeline gives, and the checker takes it', async () => {
    const input = await openInput(SAMPLE, new PassThrough());
    expect(input.kind).toBe('capture');
    const options = { ports: [42027], showSecrets: false };
    const source = captureSource(input, options);
    const events = await drain(source.batches);
    expect(source.unreadable()).toBeUndefined();
    expect(source.stats()?.frames).toBeGreaterThan(0);
    const viaTimeline = await openTimeline([SAMPLE], options, new PassThrough());
    const expected = await drain(viaTimeline.batches);
    const types = (es: TimelineEvent[]): string[] => es.flatMap((e) => (e.kind === 'message' ? [e.message.type] : []));
    expect(types(events)).toEqual(types(expected));
    expect(source.sessions().map((s) => s.id)).toEqual(viaTimeline.sessions().map((s) => s.id));

    const checker = new Checker();
    checker.pushAll(events);
    const result = checker.finish(source.sessions());
    expect(result.messages).toBe(types(events).length);
    expect(result.counts).toEqual({ errors: 0, warnings: 0, infos: 0 });
    expect(RULE_CATALOG.length).toBeGreaterThan(0);
  });
});
