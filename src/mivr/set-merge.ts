/**
 * The files of one set (one server's logs) as one record stream, in time order, each record once.
 *
 * The files come in the set's order (by first records: rotated.ts). A file is opened when the
 * records read reach its first record (time, then sequence number) — or when every file opened
 * before it is read to its end — so the files of a rotated set, which follow one another, are
 * read one after the other, one open at a time, exactly as a concatenation; files that overlap in
 * time (a concatenation of the others, a copy, the same server's logs collected twice, two
 * servers' logs in one directory) are read side by side and merged record by record: by time,
 * then sequence number, then the file preferred (below). So the copies of a record, having the
 * same time and number, meet, and the second is skipped (repeated-records.ts), said in one
 * `MIVR-DUPLICATE-RECORDS` note per file. Distinct records whose files interleave in time are
 * all kept, and the interleaving is said in a `MIVR-SET-OVERLAP` warning per file: a file whose
 * records are given out again after another file's came between, none of its own skipped there.
 *
 * Which copy is kept: that of the file that starts last — a rotated file rather than the
 * concatenation that also holds it —, and of files that start with the same record, the one
 * given first (`preference`, rotated.ts).
 *
 * Years: a file read after the others continues from the last one's year (as one tracker
 * would); a file opened while others are open continues from the record the set has come to
 * (with a tracker of its own: year.ts).
 */
import { readFileRecords } from './records.js';
import type { ReadContext } from './read-context.js';
import { RecentRecords, RepeatedRecords } from './repeated-records.js';
import type { FirstRecord } from './rotated.js';
import type { MivrInput, MivrRecord, UtcTime } from './types.js';
import { compareUtc, localToUtc } from './utc.js';
import type { YearTracker } from './year.js';

/** A file of the set, in the set's order. */
export interface SetMember {
  readonly input: MivrInput;
  /** Its first record header (undefined: none found; such files come last). */
  readonly first: FirstRecord | undefined;
  /** Of two records of the same time and sequence number, that of the lower preference comes (and stays) first. */
  readonly preference: number;
}

interface Cursor {
  readonly member: SetMember;
  readonly years: YearTracker;
  readonly it: AsyncIterator<MivrRecord[]>;
  batch: MivrRecord[];
  pos: number;
  done: boolean;
  /** A record of it was given out. */
  gave: boolean;
  /** Records of it skipped (read before) since its last record given out. */
  skipped: number;
}

/** Whether `a` of cursor `ca` comes before `b` of cursor `cb`. */
function before(a: MivrRecord, ca: Cursor, b: MivrRecord, cb: Cursor): boolean {
  const t = compareUtc(a.timestamp, b.timestamp);
  if (t !== 0) return t < 0;
  if (a.seq !== b.seq) return a.seq < b.seq;
  return ca.member.preference < cb.member.preference;
}

/** The cursor whose next record comes first. */
function firstOf(live: readonly Cursor[]): Cursor | undefined {
  let best: Cursor | undefined;
  for (const c of live) {
    if (c.pos >= c.batch.length) continue;
    if (!best || before(c.batch[c.pos]!, c, best.batch[best.pos]!, best)) best = c;
  }
  return best;
}

async function fill(c: Cursor): Promise<void> {
  while (!c.done && c.pos >= c.batch.length) {
    const r = await c.it.next();
    if (r.done) {
      c.done = true;
      c.batch = [];
      c.pos = 0;
    } else {
      c.batch = r.value;
      c.pos = 0;
    }
  }
}

/** A record's local year and month (the tracker's terms), from its UTC time and offset. */
function localYearMonth(r: MivrRecord): { year: number; month: number } {
  const local = new Date((r.timestamp.sec + r.utcOffsetMinutes * 60) * 1000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() };
}

export async function* mergeSetFiles(ctx: ReadContext, members: readonly SetMember[]): AsyncGenerator<MivrRecord[]> {
  let live: Cursor[] = [];
  let nextMember = 0;
  /** The file read to its end last (a file opened with none open continues its year). */
  let lastDone: Cursor | undefined;
  /** The file of the last record given out, and the first record of its current run. */
  let run: { readonly cursor: Cursor; readonly line: number } | undefined;
  const overlapSaid = new Set<Cursor>();
  const recent = new RecentRecords();
  const repeats = new RepeatedRecords();

  /**
   * Where the year of a file opened now continues from: the record the set has come to (`next`,
   * of cursor `c`), or with no file open, the file read last (as one tracker would).
   */
  const yearReference = (next: MivrRecord | undefined, c: Cursor | undefined): YearTracker => {
    if (next === undefined || c === undefined) return lastDone?.years ?? ctx.years;
    return c.years.fork(localYearMonth(next));
  };

  /** The next member's first record in UTC for records of one local month (`from`–`to`, local seconds): the year depends on no more. */
  let head: { member: SetMember; from: number; to: number; at: UtcTime } | undefined;

  /** Whether the next member must be open before `next` (of cursor `c`: the next record) is given out. */
  const due = (next: MivrRecord | undefined, c: Cursor | undefined): boolean => {
    const member = members[nextMember];
    if (member === undefined) return false;
    if (next === undefined || c === undefined) return true;
    const f = member.first;
    if (f === undefined) return false;
    const local = next.timestamp.sec + next.utcOffsetMinutes * 60;
    if (head === undefined || head.member !== member || local < head.from || local >= head.to) {
      const { year, month } = localYearMonth(next);
      const headYear = c.years.fork({ year, month }).peek(f.month, f.day, f.year);
      const at = localToUtc(headYear, f.month, f.day, f.hour, f.minute, f.second, f.nsec, f.offsetMinutes);
      head = { member, from: Date.UTC(year, month, 1) / 1000, to: Date.UTC(year, month + 1, 1) / 1000, at };
    }
    const t = compareUtc(head.at, next.timestamp);
    return t < 0 || (t === 0 && f.seq <= next.seq);
  };

  const open = (member: SetMember, next: MivrRecord | undefined, c: Cursor | undefined): Cursor => {
    const years = yearReference(next, c).fork();
    const it = readFileRecords(ctx, member.input.open(), member.input.name, years)[Symbol.asyncIterator]();
    return { member, years, it, batch: [], pos: 0, done: false, gave: false, skipped: 0 };
  };

  /**
   * Gives `record` of `c` out, unless it was read before. Records are remembered only while
   * files are read side by side: a file opens before any record of the set at or after its
   * first record is given out, so a record given while its file is the only one open has no
   * copy in a file opened later (the files in time order, as the window assumes anyway). The
   * records remembered are still looked up after (a file that ends first leaves copies of its
   * last records to come). A plain rotated set, its files read one at a time, keeps none of its
   * records: they die young, as before.
   */
  const give = (record: MivrRecord, c: Cursor, out: MivrRecord[]): void => {
    const earlier = recent.earlierCopy(record, live.length > 1);
    if (earlier !== undefined) {
      c.skipped++;
      repeats.add(record, earlier);
      ctx.stats.recordsEmitted--;
      ctx.stats.recordsRepeated++;
      return;
    }
    const prev = run?.cursor;
    if (prev !== c) {
      // A file given out again after another file's records came between, none of its own skipped
      // meanwhile: the files interleave. (Had it skipped some, its records there were copies of
      // those given: the same records, in two files.)
      if (c.gave && c.skipped === 0 && prev !== undefined && !overlapSaid.has(prev)) {
        overlapSaid.add(prev);
        ctx.diagnostics.add({
          severity: 'warning',
          code: 'MIVR-SET-OVERLAP',
          message: `records of ${prev.member.input.name} fall between records of ${c.member.input.name}, and differ from them: the files overlap in time, and are read merged by time`,
          file: prev.member.input.name,
          line: run!.line,
        });
      }
      run = { cursor: c, line: record.line };
    }
    c.gave = true;
    c.skipped = 0;
    out.push(record);
  };

  try {
    for (;;) {
      for (const c of live) await fill(c);
      if (live.some((c) => c.done)) {
        for (const c of live) {
          if (!c.done) continue;
          lastDone = c;
          const said = repeats.take(c.member.input.name);
          if (said) ctx.diagnostics.add(said);
        }
        live = live.filter((c) => !c.done);
      }
      const next = firstOf(live);
      const record = next?.batch[next.pos];
      if (due(record, next)) {
        live.push(open(members[nextMember++]!, record, next));
        continue;
      }
      if (next === undefined) return;
      const out: MivrRecord[] = [];
      // Give records out in order until a file's batch runs out (then refill it) or the next file is due.
      for (;;) {
        const c = live.length === 1 ? live[0]! : firstOf(live);
        if (c === undefined || c.pos >= c.batch.length) break;
        const record = c.batch[c.pos]!;
        if (nextMember < members.length && due(record, c)) break;
        c.pos++;
        give(record, c, out);
        if (c.pos >= c.batch.length) break;
      }
      if (out.length > 0) yield out;
    }
  } finally {
    // Stopped early (or a file failed): the files still open are closed.
    for (const c of live) if (!c.done) await c.it.return?.();
  }
}
