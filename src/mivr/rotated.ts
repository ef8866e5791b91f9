/**
 * Rotated MIVR log sets (MIVR01.log, MIVR02.log, ..., some possibly gzip): the files are put
 * in the order of their first records and read as one record stream (set-merge.ts), the year
 * carrying over from file to file.
 *
 * Order: each file's first record header is peeked (its sequence number and time). When every
 * file has a modification time, the first records get absolute times (year from that file's
 * mtime) and the files are sorted by (time, sequence number). Otherwise the times of year are
 * sorted on a circle and the circle is cut at the largest gap, so a set running from December
 * into January still starts in December; ties go by sequence number. Files without any record
 * header go last, by name. Rotated files do not overlap: they are read one after the other.
 * Files that do overlap in time are merged by record time, a record given twice (a copy of a
 * file, a concatenation of the others) read once (`MIVR-DUPLICATE-RECORDS`), records that
 * differ all kept (`MIVR-SET-OVERLAP`).
 */
import { decompressIfGzip } from './gzip.js';
import { HEADER, HeaderScan, scanHeader } from './header.js';
import { LineSplitter, type LineSink } from './line-splitter.js';
import { createReadContext, type ReadContext } from './read-context.js';
import { RecordStream } from './records.js';
import { mergeSetFiles, type SetMember } from './set-merge.js';
import { zoneOffsetMinutes } from './timezones.js';
import type { MivrInput, MivrReadOptions, MivrRecord, MivrRecordStream } from './types.js';
import { yearBefore } from './year.js';
import { localToUtc } from './utc.js';

/** The first record header of a file, as far as ordering needs it. */
export interface FirstRecord {
  readonly seq: number;
  readonly month: number;
  readonly day: number;
  /** Year written in the header, or -1. */
  readonly year: number;
  /** Seconds since the start of the (leap-agnostic) year, local time, shifted to UTC. */
  readonly secondOfYear: number;
  readonly offsetMinutes: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly nsec: number;
  /** The header line as written (its first HEADER_BYTES bytes, Latin-1): files starting with the same line start with the same record. */
  readonly header: string;
}

const PEEK_LIMIT_BYTES = 4 * 1024 * 1024;
const YEAR_SECONDS = 366 * 86_400;
/** Bytes of a first header line kept to tell whether two files start with the same record. */
const HEADER_BYTES = 1024;

class FirstHeaderSink implements LineSink {
  found: FirstRecord | undefined;
  private readonly h = new HeaderScan();

  constructor(private readonly tzOverride: number | undefined) {}

  line(buf: Buffer, start: number, end: number): void {
    if (this.found || scanHeader(buf, start, end, this.h) !== HEADER) return;
    const h = this.h;
    const offset = this.tzOverride ?? zoneOffsetMinutes(buf.toString('latin1', h.tzStart, h.tzEnd)) ?? 0;
    const local = localToUtc(2000, h.month, h.day, h.hour, h.minute, h.second, 0, offset).sec - Date.UTC(2000, 0, 1) / 1000;
    this.found = {
      seq: h.seq,
      month: h.month,
      day: h.day,
      year: h.year,
      secondOfYear: local,
      offsetMinutes: offset,
      hour: h.hour,
      minute: h.minute,
      second: h.second,
      nsec: h.nsec,
      header: buf.toString('latin1', start, Math.min(end, start + HEADER_BYTES)),
    };
  }
}

/** Reads the head of a file up to its first record header. */
export async function peekFirstRecord(input: MivrInput, tzOverride?: number): Promise<FirstRecord | undefined> {
  const sink = new FirstHeaderSink(tzOverride);
  const splitter = new LineSplitter(sink, PEEK_LIMIT_BYTES);
  let seen = 0;
  const chunks = decompressIfGzip(input.open(), { onRaw: () => undefined, onGzipError: () => undefined });
  try {
    for await (const chunk of chunks) {
      splitter.push(chunk);
      seen += chunk.byteLength;
      if (sink.found || seen >= PEEK_LIMIT_BYTES) break;
    }
  } catch {
    // A read error (damaged gzip data of an input the command decompresses, an I/O error) ends
    // the peek with what came before it; reading the file for good reports it, where it happens.
  }
  if (!sink.found) splitter.end();
  return sink.found;
}

/** A file of a set with its first record header, peeked. */
export interface PeekedMivrInput {
  readonly input: MivrInput;
  readonly first: FirstRecord | undefined;
}

function absoluteSeconds(first: FirstRecord, mtime: Date): number {
  const year = first.year >= 0 ? first.year : yearBefore(first.month, first.day, mtime);
  return localToUtc(year, first.month, first.day, first.hour, first.minute, first.second, 0, first.offsetMinutes).sec + first.nsec / 1e9;
}

/** Orders files by their first records (see the module comment). */
export function orderPeeked(peeked: readonly PeekedMivrInput[]): MivrInput[] {
  const withRecords = peeked.filter((p): p is PeekedMivrInput & { first: FirstRecord } => p.first !== undefined);
  const without = peeked.filter((p) => p.first === undefined).sort((a, b) => a.input.name.localeCompare(b.input.name));
  let ordered: Array<PeekedMivrInput & { first: FirstRecord }>;
  if (withRecords.every((p) => p.input.mtime !== undefined)) {
    const key = new Map(withRecords.map((p) => [p, absoluteSeconds(p.first, p.input.mtime as Date)]));
    ordered = [...withRecords].sort((a, b) => (key.get(a) as number) - (key.get(b) as number) || a.first.seq - b.first.seq);
  } else {
    const byTime = [...withRecords].sort(
      (a, b) => a.first.secondOfYear + a.first.nsec / 1e9 - (b.first.secondOfYear + b.first.nsec / 1e9) || a.first.seq - b.first.seq,
    );
    // Cut the circle of the year at its largest gap (the wrap-around gap counts too).
    let cut = 0;
    let largest = -1;
    for (let i = 0; i < byTime.length; i++) {
      const prev = byTime[(i + byTime.length - 1) % byTime.length].first.secondOfYear;
      const gap = i === 0 ? byTime[0].first.secondOfYear + YEAR_SECONDS - prev : byTime[i].first.secondOfYear - prev;
      if (gap > largest) {
        largest = gap;
        cut = i;
      }
    }
    ordered = [...byTime.slice(cut), ...byTime.slice(0, cut)];
  }
  return [...ordered.map((p) => p.input), ...without.map((p) => p.input)];
}

/**
 * The files in the set's order, each with its preference when two hold the same record: the
 * file that starts later first (a rotated file before the concatenation that holds it too), of
 * files starting with the same record (the same header line) the one given first.
 */
export function setMembers(peeked: readonly PeekedMivrInput[]): SetMember[] {
  const ordered = orderPeeked(peeked);
  const firstOf = new Map(peeked.map((p) => [p.input, p.first]));
  // Files starting with the same record share a start: the position of the first of them.
  const startOf = new Map<string, number>();
  const starts = ordered.map((input, i) => {
    const header = firstOf.get(input)?.header;
    if (header === undefined) return i;
    const known = startOf.get(header);
    if (known !== undefined) return known;
    startOf.set(header, i);
    return i;
  });
  const byPreference = ordered.map((_, i) => i).sort((a, b) => starts[b]! - starts[a]! || a - b);
  const preference = new Array<number>(ordered.length);
  byPreference.forEach((i, rank) => (preference[i] = rank));
  return ordered.map((input, i) => ({ input, first: firstOf.get(input), preference: preference[i]! }));
}

/** Peeks at the first record of each file (for the order of a set). */
export async function peekMivrInputs(inputs: readonly MivrInput[], tzOverride?: number): Promise<PeekedMivrInput[]> {
  const peeked: PeekedMivrInput[] = [];
  for (const input of inputs) peeked.push({ input, first: await peekFirstRecord(input, tzOverride) });
  return peeked;
}

async function* readSet(ctx: ReadContext, members: () => Promise<SetMember[]>, options: MivrReadOptions): AsyncGenerator<MivrRecord[]> {
  const set = await members();
  if (set.length > 0 && options.year === undefined) {
    ctx.years.reanchor({ mtime: set[0]!.input.mtime ?? options.mtime, now: options.now });
  }
  yield* mergeSetFiles(ctx, set);
}

/**
 * Records of a rotated set of MIVR logs, in time order, as one stream. Options as for one
 * file; `year` is the year of the set's first record, `mtime` the fallback for files without
 * their own.
 */
export function readMivrLogSet(inputs: readonly MivrInput[], options: MivrReadOptions = {}): MivrRecordStream {
  const ctx = createReadContext(options);
  // A single input needs no ordering, and is opened once (so it may be a pipe).
  const members = async (): Promise<SetMember[]> =>
    inputs.length === 1 ? [{ input: inputs[0]!, first: undefined, preference: 0 }] : setMembers(await peekMivrInputs(inputs, ctx.tzOverride));
  return new RecordStream(ctx.stats, () => readSet(ctx, members, options));
}

/** The same, of inputs peeked already (`peekMivrInputs`, with the same `tz`): each is opened once more. */
export function readPeekedMivrLogSet(peeked: readonly PeekedMivrInput[], options: MivrReadOptions = {}): MivrRecordStream {
  const ctx = createReadContext(options);
  return new RecordStream(ctx.stats, () => readSet(ctx, () => Promise.resolve(setMembers(peeked)), options));
}
