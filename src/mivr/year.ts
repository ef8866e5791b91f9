/**
 * The year of MIVR records, which the records do not write.
 *
 * The first record's year comes from the `year` option, else from the file's modification
 * time (the latest year that does not put the record more than a day after that date: a log
 * written from December into January and copied in January gets December of the year before),
 * else from "now" the same way. Afterwards the year follows the months: a drop of six months
 * or more (December → January) starts the next year, a rise of seven or more (a January file
 * followed by a December one) goes back one. So times stay monotonic across the new year and
 * across rotated files, while small clock steps back (Dec 1 → Nov 30) keep the year.
 *
 * Files of a set read one after the other continue one tracker; a file read alongside others
 * (they overlap in time: mivr/set-merge.ts) gets a tracker of its own, `fork`ed from where the
 * set is when it opens.
 */

const DAY_MS = 86_400_000;

export interface YearAnchor {
  readonly year?: number;
  readonly mtime?: Date;
  readonly now?: Date;
}

/** The year of a record dated (month, day) given a reference date it cannot be after. */
export function yearBefore(month: number, day: number, ref: Date): number {
  // The latest allowed date can be in the next year (Jan 1 when ref is on Dec 31).
  const latest = ref.getTime() + DAY_MS;
  const year = new Date(latest).getUTCFullYear();
  return Date.UTC(year, month, day) > latest ? year - 1 : year;
}

export class YearTracker {
  private year = 0;
  private lastMonth = -1;
  /** How the first year was found: `option`, `mtime`, `now` or `record` (written in the header). */
  source: 'option' | 'mtime' | 'now' | 'record' | undefined;

  constructor(private anchor: YearAnchor) {}

  /** Replaces the anchor while no record has been seen (rotated sets: the first file's mtime). */
  reanchor(anchor: YearAnchor): void {
    if (this.lastMonth < 0) this.anchor = anchor;
  }

  /** A tracker in this one's state, or, given a record's year and month, continuing from that record. */
  fork(at?: { readonly year: number; readonly month: number }): YearTracker {
    const t = new YearTracker(this.anchor);
    t.source = this.source;
    t.year = at?.year ?? this.year;
    t.lastMonth = at?.month ?? this.lastMonth;
    return t;
  }

  /** The year `next` would give, without taking the record in. */
  peek(month: number, day: number, written = -1): number {
    return this.fork().next(month, day, written);
  }

  /** The year of the next record (month 0–11); `written` is a year the header itself gives. */
  next(month: number, day: number, written = -1): number {
    if (written >= 0) {
      if (this.lastMonth < 0) this.source = 'record';
      this.year = written;
    } else if (this.lastMonth < 0) {
      const { year, mtime, now } = this.anchor;
      if (year !== undefined) {
        this.year = year;
        this.source = 'option';
      } else {
        this.year = yearBefore(month, day, mtime ?? now ?? new Date());
        this.source = mtime ? 'mtime' : 'now';
      }
    } else {
      const step = month - this.lastMonth;
      if (step <= -6) this.year++;
      else if (step >= 7) this.year--;
    }
    this.lastMonth = month;
    return this.year;
  }
}
