/**
 * Writes MIVR log records: `<seq>: <Mon dd hh:mm:ss.mmm TZ> %MIVR-<FACILITY>-<level>-<MNEMONIC>:<text>`
 * with the text's further lines as continuation lines, sequence numbers and times advancing.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');
const p3 = (n: number): string => String(n).padStart(3, '0');

export interface LogStart {
  /** Local wall-clock time of the first record (the year is not written). */
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly ms: number;
  readonly tz: string;
  readonly seq: number;
}

export class MivrLogWriter {
  private ms: number;
  private seq: number;
  private readonly lines: string[] = [];

  constructor(private readonly start: LogStart) {
    this.ms = Date.UTC(start.year, start.month - 1, start.day, start.hour, start.minute, start.second, start.ms);
    this.seq = start.seq;
  }

  /** Moves the clock on. */
  advance(ms: number): void {
    this.ms += ms;
  }

  /** The time written in the next header. */
  private stamp(): string {
    const d = new Date(this.ms);
    return `${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${p3(d.getUTCMilliseconds())} ${this.start.tz}`;
  }

  /** One record; `text` may span lines (continuation lines). Sequence numbers advance by `seqStep`. */
  record(facility: string, text: string, options: { level?: number; mnemonic?: string; seqStep?: number } = {}): void {
    this.lines.push(`${this.seq}: ${this.stamp()} %MIVR-${facility}-${options.level ?? 7}-${options.mnemonic ?? 'UNK'}:${text}`);
    this.seq += options.seqStep ?? 1;
  }

  /** A line that is no record (a damaged header). */
  raw(line: string): void {
    this.lines.push(line);
  }

  /** The log so far, and starts a new file (a rotation) with the same clock and numbering. */
  take(): string {
    const text = `${this.lines.join('\n')}\n`;
    this.lines.length = 0;
    return text;
  }
}
