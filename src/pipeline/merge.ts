/**
 * Merges the timelines of several inputs into one, by time, streaming: each source is
 * already in time order; the merge holds at most one batch per source.
 */
import { compareInstants } from '../timeline/instant.js';
import type { TimelineBatch, TimelineEvent } from '../timeline/types.js';

interface Cursor {
  readonly it: AsyncIterator<TimelineBatch>;
  batch: TimelineBatch;
  pos: number;
  done: boolean;
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

/** Events without a time go first among the candidates (they belong where they were read). */
function before(a: TimelineEvent, b: TimelineEvent): boolean {
  if (a.at === undefined) return true;
  if (b.at === undefined) return false;
  return compareInstants(a.at, b.at) < 0;
}

export async function* mergeTimelines(sources: readonly AsyncIterable<TimelineBatch>[]): AsyncGenerator<TimelineBatch> {
  if (sources.length === 1) {
    yield* sources[0]!;
    return;
  }
  const cursors: Cursor[] = sources.map((s) => ({ it: s[Symbol.asyncIterator](), batch: [], pos: 0, done: false }));
  for (;;) {
    await Promise.all(cursors.map(fill));
    const live = cursors.filter((c) => !c.done);
    if (live.length === 0) return;
    const out: TimelineEvent[] = [];
    // Emit in time order until one live cursor's batch runs out (then refill it).
    for (;;) {
      let best: Cursor | undefined;
      for (const c of live) {
        if (c.pos >= c.batch.length) continue;
        if (!best || before(c.batch[c.pos]!, best.batch[best.pos]!)) best = c;
      }
      if (!best) break;
      out.push(best.batch[best.pos++]!);
      if (best.pos >= best.batch.length) break;
    }
    if (out.length) yield out;
  }
}
