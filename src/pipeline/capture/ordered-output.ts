/**
 * The events of one capture, released in capture order. A session that cannot be shown yet
 * (its roles or its CTI-ness are still being worked out) parks its events in a hold, which
 * keeps their place in the order; events behind an unresolved hold wait for it. Without
 * holds (the usual case) events go straight to the batch.
 */
import type { TimelineEvent } from '../../timeline/types.js';

/** A place in the output kept for a session's events until the session is decided. */
export class Hold<P> {
  readonly items: P[] = [];
  /** Set when resolved: the events to emit in its place (empty when the session was dropped). */
  events: readonly TimelineEvent[] | null = null;
  /**
   * @param reserved opened empty, as a place kept for events to come (reserve()): counted as
   * one item waiting itself, so that places cannot pile up unbounded either.
   */
  constructor(
    readonly owner: HoldOwner,
    readonly reserved = false,
  ) {}
}

export interface HoldOwner {
  /** Called when the output holds too much: decide now, then resolve every hold. */
  forceDecision(): void;
}

export class OrderedOutput<P> {
  private ready: TimelineEvent[] = [];
  private queue: Array<TimelineEvent | Hold<P> | undefined> = [];
  private head = 0;
  /** Items waiting in the queue (events and held items). */
  private waiting = 0;

  constructor(private readonly maxWaiting: number) {}

  push(event: TimelineEvent): void {
    if (this.head === this.queue.length) this.ready.push(event);
    else {
      this.queue.push(event);
      this.waiting++;
    }
  }

  /** Adds an item to `hold` when it is still the last element, else opens a new hold. */
  park(owner: HoldOwner, current: Hold<P> | null, item: P): Hold<P> {
    let hold = current;
    if (hold === null || hold.events !== null || this.queue[this.queue.length - 1] !== hold) {
      hold = new Hold<P>(owner);
      this.queue.push(hold);
    }
    hold.items.push(item);
    this.waiting++;
    return hold;
  }

  /** Opens a new, empty hold at the current end of the output (a place kept for events to come; it counts as one item waiting). */
  reserve(owner: HoldOwner): Hold<P> {
    const hold = new Hold<P>(owner, true);
    this.queue.push(hold);
    this.waiting++;
    return hold;
  }

  /** Whether this unresolved hold is the last thing queued (what is added to it now is where it would be if queued now). */
  isLast(hold: Hold<P>): boolean {
    return hold.events === null && this.queue[this.queue.length - 1] === hold;
  }

  /** Adds an item to a hold wherever it is. */
  addTo(hold: Hold<P>, item: P): void {
    hold.items.push(item);
    this.waiting++;
  }

  /** A hold's events are known (the owner decided): release what can go. */
  resolve(hold: Hold<P>, events: readonly TimelineEvent[]): void {
    hold.events = events;
    this.release();
  }

  /** Events ready to be emitted, in order; resets the batch. */
  take(): TimelineEvent[] {
    const out = this.ready;
    this.ready = [];
    return out;
  }

  /** Nothing is waiting behind a hold. */
  get idle(): boolean {
    return this.head === this.queue.length;
  }

  private release(): void {
    const q = this.queue;
    while (this.head < q.length) {
      const item = q[this.head];
      if (item === undefined) {
        // (cannot happen: released slots are behind head)
      } else if (item instanceof Hold) {
        if (item.events === null) break;
        for (const e of item.events) this.ready.push(e);
        this.waiting -= item.items.length + (item.reserved ? 1 : 0);
      } else {
        this.ready.push(item);
        this.waiting--;
      }
      q[this.head] = undefined; // let it be collected
      this.head++;
    }
    if (this.head === q.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 4096 && this.head * 2 > q.length) {
      this.queue = q.slice(this.head);
      this.head = 0;
    }
  }

  /**
   * Called between capture events: when too much waits, the owner of the first unresolved
   * hold must decide now (bounded memory whatever the capture).
   */
  maintain(): void {
    if (this.waiting > this.maxWaiting) this.relieve();
  }

  private relieve(): void {
    for (let guard = 0; guard < 1000 && this.waiting > this.maxWaiting && this.head < this.queue.length; guard++) {
      const first = this.queue[this.head];
      if (first instanceof Hold) {
        if (first.events === null) first.owner.forceDecision();
        if (first.events === null) break; // the owner could not decide (should not happen)
      } else this.release();
    }
  }

  /**
   * At the end of the input: every session has decided, so every hold is resolved; should one
   * not be (a bug), its owner is made to decide rather than its events being lost.
   */
  flushAll(): void {
    for (let guard = 0; this.head < this.queue.length && guard < 1_000_000; guard++) {
      const first = this.queue[this.head];
      if (first instanceof Hold && first.events === null) {
        first.owner.forceDecision();
        if (first.events === null) first.events = [];
      }
      this.release();
    }
  }
}
