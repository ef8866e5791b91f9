/**
 * The merge of several timelines: by time, ties to the source given first; a source that says
 * when it starts is opened only when the timeline reaches that time (ring-buffer files one
 * after the other), and the order is the same as if every source were open from the start.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstFrameTime } from '../../src/capture/first-frame-time.js';
import { mergeTimelines, type MergeSource } from '../../src/pipeline/merge.js';
import { compareInstants, type Instant } from '../../src/timeline/instant.js';
import type { TimelineBatch, TimelineEvent } from '../../src/timeline/types.js';
import { writePcap, writePcapng } from '../support/capture-writer.js';

/** A source's events: times in order, each tagged with its source and position. */
interface SourceSpec {
  /** undefined: an event without a time (a summary, a damaged file's diagnostic). */
  readonly times: ReadonlyArray<Instant | undefined>;
  readonly batchSizes: readonly number[];
  /** Whether the source states its start (the time of its first event, or earlier). */
  readonly startsAt?: Instant;
}

function event(source: number, index: number, at: Instant | undefined): TimelineEvent {
  return { kind: 'diagnostic', severity: 'info', code: 'T', message: `${source}:${index}`, ...(at ? { at } : {}), source: { file: `f${source}` } };
}

/** A source over `spec`, recording when it is first read and when it has run out. */
function source(rank: number, spec: SourceSpec, log: Array<['open' | 'end', number]>): MergeSource {
  async function* batches(): AsyncGenerator<TimelineBatch> {
    log.push(['open', rank]);
    const events = spec.times.map((t, i) => event(rank, i, t));
    let at = 0;
    for (let b = 0; at < events.length; b++) {
      const size = Math.max(1, spec.batchSizes[b % Math.max(1, spec.batchSizes.length)] ?? 1);
      yield events.slice(at, at + size);
      at += size;
    }
    log.push(['end', rank]);
  }
  return { batches: batches(), ...(spec.startsAt ? { startsAt: spec.startsAt } : {}) };
}

async function merged(specs: readonly SourceSpec[]): Promise<{ order: string[]; maxOpen: number }> {
  const log: Array<['open' | 'end', number]> = [];
  const order: string[] = [];
  for await (const batch of mergeTimelines(specs.map((s, i) => source(i, s, log)))) for (const e of batch) order.push((e as { message: string }).message);
  let open = 0;
  let maxOpen = 0;
  for (const [what] of log) {
    open += what === 'open' ? 1 : -1;
    maxOpen = Math.max(maxOpen, open);
  }
  return { order, maxOpen };
}

/** The order every source open at once gives: by time, ties to the lower source, then in source order. */
function expected(specs: readonly SourceSpec[]): string[] {
  const all = specs.flatMap((s, rank) => s.times.map((at, index) => ({ at: at!, rank, index })));
  all.sort((a, b) => compareInstants(a.at, b.at) || a.rank - b.rank || a.index - b.index);
  return all.map((e) => `${e.rank}:${e.index}`);
}

const instantArb = fc.record({ sec: fc.integer({ min: 1_700_000_000, max: 1_700_000_020 }), nsec: fc.constantFrom(0, 1, 500_000_000, 999_999_999) });
const sortedTimes = fc.array(instantArb, { minLength: 0, maxLength: 12 }).map((ts) => [...ts].sort(compareInstants));
const specArb: fc.Arbitrary<SourceSpec> = fc
  .record({ times: sortedTimes, batchSizes: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }), states: fc.constantFrom('none', 'first', 'earlier') })
  .map(({ times, batchSizes, states }) => {
    const head = times[0];
    if (states === 'none' || head === undefined) return { times, batchSizes };
    return { times, batchSizes, startsAt: states === 'first' ? head : { sec: head.sec - 1, nsec: head.nsec } };
  });

describe('mergeTimelines', () => {
  it('gives the same order whether sources are opened at once or when they start (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(specArb, { minLength: 2, maxLength: 6 }), async (specs) => {
        const { order } = await merged(specs);
        expect(order).toEqual(expected(specs));
      }),
      { numRuns: 400 },
    );
  });

  it('events without a time: first among the next events, ties (two without a time) to the source given first', async () => {
    const t = (sec: number): Instant => ({ sec, nsec: 0 });
    // Two damaged captures, each with only diagnostics without a time: in the order given.
    expect((await merged([{ times: [undefined, undefined], batchSizes: [2] }, { times: [undefined, undefined], batchSizes: [2] }])).order).toEqual(['0:0', '0:1', '1:0', '1:1']);
    // Among timed events, one without a time goes as soon as it is next in its source.
    const a: SourceSpec = { times: [t(1), undefined, t(5)], batchSizes: [1] };
    const b: SourceSpec = { times: [t(2), undefined, t(3)], batchSizes: [3] };
    expect((await merged([a, b])).order).toEqual(['0:0', '0:1', '1:0', '1:1', '1:2', '0:2']);
    expect((await merged([b, a])).order).toEqual(['1:0', '1:1', '0:0', '0:1', '0:2', '1:2']);
  });

  it('reads sources that follow one another (a ring buffer) one at a time', async () => {
    // 20 files of 50 events, each starting after the previous one ends.
    const specs: SourceSpec[] = Array.from({ length: 20 }, (_, f) => {
      const times = Array.from({ length: 50 }, (_, i) => ({ sec: 1_700_000_000 + f * 100 + i, nsec: 0 }));
      return { times, batchSizes: [7], startsAt: times[0]! };
    });
    const { order, maxOpen } = await merged(specs);
    expect(order).toEqual(expected(specs));
    expect(maxOpen).toBe(1);
    // The same files without their start: all opened at once.
    expect((await merged(specs.map(({ times, batchSizes }) => ({ times, batchSizes })))).maxOpen).toBe(20);
  });

  it('opens a source as soon as the timeline reaches its start, even inside another batch', async () => {
    const a: SourceSpec = { times: [0, 1, 2, 3, 4, 5].map((s) => ({ sec: s, nsec: 0 })), batchSizes: [6] };
    const b: SourceSpec = { times: [{ sec: 2, nsec: 0 }, { sec: 2, nsec: 5 }], batchSizes: [2], startsAt: { sec: 2, nsec: 0 } };
    const { order, maxOpen } = await merged([a, b]);
    expect(order).toEqual(['0:0', '0:1', '0:2', '1:0', '1:1', '0:3', '0:4', '0:5']);
    expect(maxOpen).toBe(2);
  });
});

describe('firstFrameTime (where a capture starts, from its head)', () => {
  const data = new Uint8Array(60);
  it('reads the first packet of pcap (micro- and nanosecond) and pcapng (if_tsresol, if_tsoffset)', () => {
    const packets = [
      { sec: 1_700_000_123, nsec: 456_789_000, data },
      { sec: 1_700_000_100, nsec: 0, data },
    ];
    expect(firstFrameTime(writePcap(packets, { linkType: 1 }))).toEqual({ sec: 1_700_000_123, nsec: 456_789_000 });
    // A one-packet file: whole (a pcap variant is told from its first two records, or the end).
    const onePacket = writePcap([{ ...packets[0]!, nsec: 456_789_123 }], { linkType: 1, nanosecond: true, littleEndian: false });
    expect(firstFrameTime(onePacket, true)).toEqual({ sec: 1_700_000_123, nsec: 456_789_123 });
    expect(firstFrameTime(onePacket)).toBeUndefined(); // a head only: more records could follow
    const ng = writePcapng([
      {
        interfaces: [{ linkType: 1, tsresol: 9, tsoffset: 10 }],
        blocks: [{ kind: 'epb', interfaceId: 0, sec: 1_700_000_123, nsec: 456_789_123, data }],
      },
    ]);
    expect(firstFrameTime(ng)).toEqual({ sec: 1_700_000_123, nsec: 456_789_123 });
  });

  it('is undefined without a timed first packet: only a header, a Simple Packet Block first, bytes that are no capture', () => {
    expect(firstFrameTime(writePcap([], { linkType: 1 }))).toBeUndefined();
    expect(firstFrameTime(writePcapng([{ interfaces: [{ linkType: 1 }], blocks: [{ kind: 'spb', data }, { kind: 'epb', interfaceId: 0, sec: 5, nsec: 0, data }] }]))).toBeUndefined();
    expect(firstFrameTime(new TextEncoder().encode('not a capture at all'))).toBeUndefined();
  });
});
