/**
 * Merges the timelines of several inputs into one, by time, streaming: each source is
 * already in time order; the merge holds at most one batch per open source.
 *
 * A source that says when it starts (`startsAt`: a capture's first packet) is opened only
 * when the merged timeline reaches that time; the others are opened at once. So the files of
 * a ring buffer, which follow one another, are read one after the other — one open at a time,
 * memory flat in their number — while captures that overlap in time are read side by side.
 * Either way the order is the same: events by time, ties to the source given first.
 */
import { compareInstants, type Instant } from '../timeline/instant.js';
import type { TimelineBatch, TimelineEvent } from '../timeline/types.js';

export interface MergeSource {
  readonly batches: AsyncIterable<TimelineBatch>;
  /** No event of the source is earlier (see TimelineSource.startsAt). */
  readonly startsAt?: Instant;
}

interface Cursor {
  /** Position of the source among those given (ties go to the first). */
  readonly rank: number;
  readonly it: AsyncIterator<TimelineBatch>;
  batch: TimelineBatch;
  pos: number;
  done: boolean;
}

interface Waiting {
  readonly rank: number;
  readonly source: MergeSource;
  readonly startsAt: Instant;
}

async function fill(c: Cursor): Promise<void> {
  while (!c.done && c.pos >= c.batch.length) {
    const r = await c.it.next();
    if (r.done) c.done = true;
    else {
      c.batch = r.value;
      c.pos = 0;
    }
  }
}

/**
 * Whether `a` comes strictly before `b`. Events without a time go first among the candidates
 * (they belong where they were read); two of them, like two at the same time, are a tie (so
 * it goes to the source given first, see `first`).
 */
function before(a: TimelineEvent, b: TimelineEvent): boolean {
  if (b.at === undefined) return false;
  if (a.at === undefined) return true;
  return compareInstants(a.at, b.at) < 0;
}

function open(rank: number, source: MergeSource): Cursor {
  return { rank, it: source.batches[Symbol.asyncIterator](), batch: [], pos: 0, done: false };
}

/** The open cursor whose next event comes first (ties: the lowest rank, cursors being in rank order). */
function first(live: readonly Cursor[]): Cursor | undefined {
  let best: Cursor | undefined;
  for (const c of live) {
    if (c.pos >= c.batch.length) continue;
    if (!best || before(c.batch[c.pos]!, best.batch[best.pos]!)) best = c;
  }
  return best;
}

/** Whether a source starting at `startsAt` must be open before `next` (the next event) is given out. */
function due(startsAt: Instant, next: TimelineEvent | undefined): boolean {
  return next === undefined || (next.at !== undefined && compareInstants(startsAt, next.at) <= 0);
}

export async function* mergeTimelines(sources: readonly MergeSource[]): AsyncGenerator<TimelineBatch> {
  if (sources.length === 1) {
    yield* sources[0]!.batches;
    return;
  }
  let live: Cursor[] = [];
  const waiting: Waiting[] = [];
  sources.forEach((source, rank) => {
    if (source.startsAt === undefined) live.push(open(rank, source));
    else waiting.push({ rank, source, startsAt: source.startsAt });
  });
  waiting.sort((a, b) => compareInstants(a.startsAt, b.startsAt) || a.rank - b.rank);
  let nextWaiting = 0;
  for (;;) {
    await Promise.all(live.map(fill));
    live = live.filter((c) => !c.done);
    // Open the sources that start no later than the next event (all of them at that time).
    const opening = waiting[nextWaiting];
    if (opening !== undefined) {
      const best = first(live);
      if (due(opening.startsAt, best?.batch[best.pos])) {
        nextWaiting++;
        live.push(open(opening.rank, opening.source));
        live.sort((a, b) => a.rank - b.rank);
        continue;
      }
    }
    if (live.length === 0) return;
    const limit = waiting[nextWaiting]?.startsAt;
    const out: TimelineEvent[] = [];
    // Emit in time order until one live cursor's batch runs out (then refill it), or until a
    // waiting source is due.
    for (;;) {
      const best = first(live);
      if (!best) break;
      const event = best.batch[best.pos]!;
      if (limit !== undefined && due(limit, event)) break;
      out.push(event);
      best.pos++;
      if (best.pos >= best.batch.length) break;
    }
    if (out.length) yield out;
  }
}
