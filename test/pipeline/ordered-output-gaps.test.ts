/**
 * Ninth round of mutation testing (docs/test-gaps.md): OrderedOutput's count of what waits
 * (every item parked, added to a placeholder or queued behind a hold, until released) and when
 * it makes an owner decide.
 */
import { describe, expect, it } from 'vitest';
import { Hold, OrderedOutput, type HoldOwner } from '../../src/pipeline/capture/ordered-output.js';
import type { TimelineEvent } from '../../src/timeline/types.js';

const ev = (n: number): TimelineEvent => ({ kind: 'diagnostic', severity: 'info', code: `E${n}`, message: '', source: { file: 'x' } });
const codes = (events: readonly TimelineEvent[]): string[] => events.map((e) => (e.kind === 'diagnostic' ? e.code : e.kind));

/** An owner that, made to decide, resolves its hold with one event per item (or does nothing). */
function owner(out: OrderedOutput<number>, decides = true): HoldOwner & { hold: Hold<number> | null; forced: number } {
  const o = {
    hold: null as Hold<number> | null,
    forced: 0,
    forceDecision(): void {
      o.forced++;
      if (decides && o.hold !== null) out.resolve(o.hold, o.hold.items.map((i) => ev(i)));
    },
  };
  return o;
}

describe('what waits is counted', () => {
  it('items added to a placeholder count: too many make its owner decide', () => {
    const out = new OrderedOutput<number>(2);
    const o = owner(out);
    o.hold = out.reserve(o);
    for (const i of [1, 2, 3]) out.addTo(o.hold, i);
    out.maintain();
    expect(o.forced).toBe(1);
    expect(codes(out.take())).toEqual(['E1', 'E2', 'E3']);
  });

  it('a place reserved counts as one item waiting, until released: places alone make their owner decide (2026-11-25)', () => {
    const out = new OrderedOutput<number>(2);
    const places: Array<Hold<number>> = [];
    const o: HoldOwner & { forced: number } = {
      forced: 0,
      forceDecision(): void {
        o.forced++;
        for (const h of places.splice(0)) out.resolve(h, []);
      },
    };
    places.push(out.reserve(o), out.reserve(o));
    out.maintain();
    expect(o.forced).toBe(0);
    places.push(out.reserve(o));
    out.maintain();
    expect(o.forced).toBe(1);
    // Released: no longer counted.
    places.push(out.reserve(o), out.reserve(o));
    out.maintain();
    expect(o.forced).toBe(1);
  });

  it('exactly maxWaiting items waiting is not too many; one more is', () => {
    const out = new OrderedOutput<number>(2);
    const o = owner(out);
    o.hold = out.park(o, null, 1);
    out.push(ev(10));
    out.maintain();
    expect(o.forced).toBe(0);
    out.push(ev(11));
    out.maintain();
    expect(o.forced).toBe(1);
    expect(codes(out.take())).toEqual(['E1', 'E10', 'E11']);
  });

  it('items released are no longer counted: a resolved hold and the events behind it', () => {
    const out = new OrderedOutput<number>(3);
    const first = owner(out);
    first.hold = out.park(first, null, 1);
    out.park(first, first.hold, 2);
    out.push(ev(10));
    out.resolve(first.hold, [ev(1), ev(2)]);
    expect(codes(out.take())).toEqual(['E1', 'E2', 'E10']);
    // Three more waiting behind a new hold: not too many (the three released are not counted).
    const second = owner(out);
    second.hold = out.park(second, null, 3);
    out.push(ev(11));
    out.push(ev(12));
    out.maintain();
    expect(second.forced).toBe(0);
  });

  it('once enough was released, the owners of later holds are not made to decide', () => {
    const out = new OrderedOutput<number>(2);
    const first = owner(out);
    const second = owner(out);
    first.hold = out.park(first, null, 1);
    out.park(first, first.hold, 2);
    second.hold = out.park(second, null, 3);
    out.maintain();
    expect([first.forced, second.forced]).toEqual([1, 0]);
    expect(codes(out.take())).toEqual(['E1', 'E2']);
  });
});

describe('resolving and flushing', () => {
  it('a resolved hold releases what waits behind it at once', () => {
    const out = new OrderedOutput<number>(100);
    const o = owner(out);
    o.hold = out.park(o, null, 1);
    out.push(ev(10));
    expect(out.take()).toEqual([]);
    out.resolve(o.hold, [ev(1)]);
    expect(codes(out.take())).toEqual(['E1', 'E10']);
    expect(out.idle).toBe(true);
  });

  it('at the end, a hold whose owner cannot decide is let go empty: what follows it is not lost', () => {
    const out = new OrderedOutput<number>(100);
    const o = owner(out, false);
    o.hold = out.park(o, null, 1);
    out.push(ev(10));
    out.flushAll();
    expect(o.forced).toBe(1);
    expect(codes(out.take())).toEqual(['E10']);
  });
});
