/**
 * Lines → records.
 *
 * A line that is a record header starts a record; the following lines that are not headers
 * are its continuation lines. A line that starts like a header but does not parse, and a line
 * holding NUL bytes, belong to no record: they end the current record, and they and the lines
 * after them up to the next good header are counted as garbage and reported as one run
 * (file:line–line), so damage never glues itself onto a neighbouring record. Lines before the
 * first record are counted and reported the same way.
 *
 * Records of facilities that are not emitted are counted and skipped without decoding text.
 * The text of an emitted record is decoded once per run of lines that lie back to back in one
 * read chunk, not line by line; what is left of a run when the chunk ends is decoded then
 * (`endChunk`), so no chunk is held for a record after it was read.
 */
import { isAscii } from 'node:buffer';
import { HEADER, HeaderScan, MALFORMED_HEADER, scanHeader } from './header.js';
import { LINE_HAS_NUL, LINE_TRUNCATED, type LineSink } from './line-splitter.js';
import type { ReadContext } from './read-context.js';
import { decodeLine, FieldStrings, latin1 } from './text-decode.js';
import { zoneOffsetMinutes } from './timezones.js';
import type { MivrDiagnostic, MivrRecord, UtcTime } from './types.js';
import { localToUtc } from './utc.js';
import type { YearTracker } from './year.js';

interface OpenRecord {
  readonly seq: number;
  readonly timestamp: UtcTime;
  readonly localTime: string;
  readonly tzAbbrev: string;
  readonly utcOffsetMinutes: number;
  readonly product: string;
  readonly facility: string;
  readonly level: number;
  readonly mnemonic: string;
  readonly line: number;
  /** Decoded pieces of the text (each one line or several joined with `\n`). */
  readonly parts: string[];
  /** Lines not decoded yet: `buf[start, end)`, lines separated by a lone `\n` (buf undefined: none). */
  buf: Buffer | undefined;
  start: number;
  end: number;
  lineCount: number;
  bytes: number;
  lossy: boolean;
  overflow: boolean;
}

interface Run {
  readonly kind: 'before' | 'garbage';
  readonly start: number;
  end: number;
  readonly reason: string;
}

type State = 'start' | 'record' | 'garbage';

/**
 * Zone texts whose offsets are remembered, and once-per-read notices (an unknown zone each):
 * a log naming more zones than this is damaged or hostile, and must not make the reader grow.
 */
const MAX_ZONES = 256;
/** Records of a file said one by one not to be valid UTF-8; the rest are counted in one note. */
const MAX_LISTED_LOSSY_RECORDS = 5;
/** The notice given once more zones than MAX_ZONES were unknown. */
const TOO_MANY_ZONES = 'tz:*';

export class RecordAssembler implements LineSink {
  /** Completed records, drained by the reader after each chunk. */
  out: MivrRecord[] = [];
  private state: State = 'start';
  private current: OpenRecord | undefined;
  private run: Run | undefined;
  private readonly h = new HeaderScan();
  private recordsInFile = 0;
  private lastLine = 0;
  /** Records of this file said not to be valid UTF-8, and those counted after them. */
  private lossyListed = 0;
  private unlistedLossy: { count: number; readonly line: number; endLine: number } | undefined;
  /** Zone, product and mnemonic strings (a log repeats a handful of each). */
  private readonly fields = new FieldStrings();

  /** `years`: the file's year tracker (the read's own, unless the file is read alongside others). */
  constructor(
    private readonly ctx: ReadContext,
    private readonly file: string,
    private readonly years: YearTracker = ctx.years,
  ) {}

  /** Takes the completed records. */
  take(): MivrRecord[] {
    const done = this.out;
    this.out = [];
    return done;
  }

  line(buf: Buffer, start: number, end: number, lineNo: number, flags: number): void {
    let s = start;
    this.lastLine = lineNo;
    if (lineNo === 1 && end - s >= 3 && buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf) s += 3;
    if (flags & LINE_TRUNCATED) {
      this.diag('warning', 'MIVR-LINE-TOO-LONG', `line longer than ${this.ctx.maxLineBytes} bytes was cut`, lineNo);
    }
    if (flags & LINE_HAS_NUL) {
      this.damaged(lineNo, 'binary data (NUL bytes)');
      return;
    }
    const status = scanHeader(buf, s, end, this.h);
    if (status === HEADER) {
      this.closeRecord();
      this.closeRun();
      this.openRecord(buf, end, lineNo);
      return;
    }
    if (status === MALFORMED_HEADER) {
      this.ctx.stats.malformedHeaders++;
      this.diag('warning', 'MIVR-MALFORMED-HEADER', `line looks like a record header but has a ${this.h.reason}`, lineNo);
      this.damaged(lineNo, 'a malformed record header');
      return;
    }
    if (this.state === 'record') {
      if (this.current) this.append(buf, s, end);
      return;
    }
    if (this.state === 'start' && s === end) return; // blank lines before the first record
    this.countStray(lineNo, 'text that is not a record');
  }

  /** Finishes the file. */
  end(): void {
    this.closeRecord();
    this.closeRun();
    const unlisted = this.unlistedLossy;
    if (unlisted !== undefined) {
      this.unlistedLossy = undefined;
      const more = `${unlisted.count} more record${unlisted.count === 1 ? ' is' : 's are'}`;
      this.diag('info', 'MIVR-INVALID-UTF8', `${more} not valid UTF-8 (decoded as Latin-1), from this line on; not listed one by one`, unlisted.line, unlisted.endLine);
    }
    if (this.recordsInFile === 0 && this.lastLine > 0) {
      this.diag('warning', 'MIVR-NO-RECORDS', 'no MIVR record header found in the file', 1, this.lastLine);
    }
    this.ctx.facilities.counts(this.ctx.stats.facilityCounts);
  }

  // ---- records ---------------------------------------------------------------------------

  private openRecord(buf: Buffer, end: number, lineNo: number): void {
    const h = this.h;
    const ctx = this.ctx;
    const facility = ctx.facilities.lookup(buf, h.facilityStart, h.facilityEnd, h.facilityHash);
    facility.count++;
    ctx.stats.records++;
    this.recordsInFile++;
    this.state = 'record';
    const year = this.years.next(h.month, h.day, h.year);
    if (!facility.keep) {
      this.current = undefined;
      return;
    }
    if (this.years.source === 'now' && !ctx.notices.has('year')) {
      ctx.notices.add('year');
      this.diag('info', 'MIVR-YEAR-ASSUMED', `records carry no year; ${year} assumed from the current date (give year or mtime)`, lineNo);
    }
    // The header line's own text counts towards maxRecordBytes too (it can exceed it only when
    // maxRecordBytes is set below maxLineBytes): cut like a continuation line past the limit.
    let textEnd = end;
    const overflow = end - h.textStart > ctx.maxRecordBytes;
    if (overflow) {
      textEnd = h.textStart + ctx.maxRecordBytes;
      this.diag('warning', 'MIVR-RECORD-TOO-LONG', `record text beyond ${ctx.maxRecordBytes} bytes dropped`, lineNo);
    }
    const fields = this.fields;
    const tzAbbrev = fields.get(buf, h.tzStart, h.tzEnd);
    const offset = ctx.tzOverride ?? this.zone(tzAbbrev, lineNo);
    this.current = {
      seq: h.seq,
      timestamp: localToUtc(year, h.month, h.day, h.hour, h.minute, h.second, h.nsec, offset),
      localTime: latin1(buf, h.timeStart, h.timeEnd),
      tzAbbrev,
      utcOffsetMinutes: offset,
      product: fields.get(buf, h.productStart, h.productEnd),
      facility: facility.name,
      level: h.level,
      mnemonic: fields.get(buf, h.mnemonicStart, h.mnemonicEnd),
      line: lineNo,
      parts: [],
      buf,
      start: h.textStart,
      end: textEnd,
      lineCount: 1,
      bytes: textEnd - h.textStart,
      lossy: false,
      overflow,
    };
  }

  private append(buf: Buffer, s: number, e: number): void {
    const cur = this.current;
    if (!cur) return;
    cur.lineCount++;
    if (cur.overflow) return;
    if (cur.bytes + (e - s) + 1 > this.ctx.maxRecordBytes) {
      cur.overflow = true;
      this.diag('warning', 'MIVR-RECORD-TOO-LONG', `record text beyond ${this.ctx.maxRecordBytes} bytes dropped`, cur.line);
      return;
    }
    cur.bytes += e - s + 1;
    if (cur.buf === buf && s === cur.end + 1 && buf[cur.end] === 0x0a) {
      cur.end = e;
      return;
    }
    this.decodeRun(cur);
    cur.buf = buf;
    cur.start = s;
    cur.end = e;
  }

  /** Decodes the lines not decoded yet: at once when ASCII, else line by line (UTF-8, or Latin-1 reported). */
  private decodeRun(cur: OpenRecord): void {
    const buf = cur.buf;
    if (!buf) return;
    cur.buf = undefined;
    const { start, end } = cur;
    if (start >= end) {
      cur.parts.push('');
      return;
    }
    if (isAscii(buf.subarray(start, end))) {
      cur.parts.push(latin1(buf, start, end));
      return;
    }
    for (let s = start; ; ) {
      let e = buf.indexOf(0x0a, s);
      if (e < 0 || e > end) e = end;
      const d = decodeLine(buf, s, e);
      cur.parts.push(d.text);
      if (d.lossy) cur.lossy = true;
      if (e >= end) break;
      s = e + 1;
    }
  }

  /** The read chunk ends: lines of the open record still in it are decoded (the chunk is not kept). */
  endChunk(): void {
    if (this.current) this.decodeRun(this.current);
  }

  private closeRecord(): void {
    const cur = this.current;
    this.current = undefined;
    if (!cur) return;
    this.decodeRun(cur);
    if (cur.lossy) this.notUtf8(cur.line, cur.line + cur.lineCount - 1);
    this.out.push({
      seq: cur.seq,
      timestamp: cur.timestamp,
      localTime: cur.localTime,
      tzAbbrev: cur.tzAbbrev,
      utcOffsetMinutes: cur.utcOffsetMinutes,
      product: cur.product,
      facility: cur.facility,
      level: cur.level,
      mnemonic: cur.mnemonic,
      text: cur.parts.length === 1 ? cur.parts[0] : cur.parts.join('\n'),
      file: this.file,
      line: cur.line,
      lineCount: cur.lineCount,
    });
    this.ctx.stats.recordsEmitted++;
  }

  private zone(abbrev: string, lineNo: number): number {
    const zones = this.ctx.zones;
    let offset = zones.get(abbrev);
    if (offset === undefined && !zones.has(abbrev)) {
      offset = abbrev === '' ? undefined : zoneOffsetMinutes(abbrev);
      if (zones.size < MAX_ZONES) zones.set(abbrev, offset);
    }
    if (offset !== undefined) return offset;
    const notices = this.ctx.notices;
    const key = `tz:${abbrev}`;
    if (!notices.has(key) && !notices.has(TOO_MANY_ZONES)) {
      if (notices.size >= MAX_ZONES) {
        notices.add(TOO_MANY_ZONES);
        this.diag('warning', 'MIVR-UNKNOWN-TZ', `more than ${MAX_ZONES} unknown time zones; UTC assumed for them too, not reported any more (use the tz option)`, lineNo);
        return 0;
      }
      notices.add(key);
      const what = abbrev === '' ? 'record has no time zone' : `unknown time zone "${abbrev}"`;
      this.diag('warning', 'MIVR-UNKNOWN-TZ', `${what}; UTC assumed (use the tz option)`, lineNo);
    }
    return 0;
  }

  /**
   * A record whose text is not valid UTF-8: said for the first few of a file, then counted — a
   * log written in another code page (an agent's name in Windows-1252 in every heartbeat) would
   * otherwise give a line of its own for each record.
   */
  private notUtf8(line: number, endLine: number): void {
    if (this.lossyListed < MAX_LISTED_LOSSY_RECORDS) {
      this.lossyListed++;
      this.diag('info', 'MIVR-INVALID-UTF8', 'record text is not valid UTF-8; decoded as Latin-1', line, endLine);
      return;
    }
    if (this.unlistedLossy === undefined) this.unlistedLossy = { count: 0, line, endLine };
    this.unlistedLossy.count++;
    this.unlistedLossy.endLine = endLine;
  }

  // ---- lines outside records -------------------------------------------------------------

  /** A malformed header or binary line: ends the current record; what follows is garbage. */
  private damaged(lineNo: number, reason: string): void {
    this.closeRecord();
    if (this.state === 'record') this.state = 'garbage';
    this.countStray(lineNo, reason);
  }

  private countStray(lineNo: number, reason: string): void {
    const kind = this.state === 'start' ? 'before' : 'garbage';
    if (kind === 'before') this.ctx.stats.linesBeforeFirstRecord++;
    else this.ctx.stats.garbageLines++;
    if (this.run && this.run.kind === kind && this.run.end === lineNo - 1) {
      this.run.end = lineNo;
      return;
    }
    this.closeRun();
    this.run = { kind, start: lineNo, end: lineNo, reason };
  }

  private closeRun(): void {
    const run = this.run;
    this.run = undefined;
    if (!run) return;
    const n = run.end - run.start + 1;
    if (run.kind === 'before') {
      this.diag('warning', 'MIVR-TEXT-BEFORE-FIRST-RECORD', `${n} line(s) before the first record (starting with ${run.reason})`, run.start, run.end);
    } else {
      this.diag('warning', 'MIVR-GARBAGE-LINES', `${n} line(s) belong to no record (starting with ${run.reason})`, run.start, run.end);
    }
  }

  private diag(severity: MivrDiagnostic['severity'], code: string, message: string, line: number, endLine?: number): void {
    const d: MivrDiagnostic =
      endLine !== undefined && endLine !== line
        ? { severity, code, message, file: this.file, line, endLine }
        : { severity, code, message, file: this.file, line };
    this.ctx.diagnostics.add(d);
  }
}
