/**
 * Capture events (capture/tcp-events.ts) → timeline events: one {@link CtiSession} per TCP
 * connection, capture diagnostics as input diagnostics (their codes kept), everything in
 * capture order. Synchronous and push-driven: feed it events, take() the batch.
 */
import type { CaptureDiagnostic } from '../../capture/diagnostics.js';
import type { CaptureEvent, TcpConnectionInfo } from '../../capture/tcp-events.js';
import type { Instant } from '../../timeline/instant.js';
import type { InputDiagnostic, SessionSummary, SourceOptions, SourceRef, TimelineEvent } from '../../timeline/types.js';
import { CtiSession, type ParkedEvent, type SessionContext } from './cti-session.js';
import { FrameFiles } from './frame-files.js';
import { OrderedOutput } from './ordered-output.js';
import { SessionIds } from './session-ids.js';

/**
 * Events that may wait behind an undecided session before it is forced to decide. Each waits as
 * objects that outlive a young-generation collection, so a capture starting mid-stream (every
 * session undecided at first) costs memory in proportion: why 2,000 and not the 10,000 of
 * before, measured in docs/captures.md ("Order").
 */
export const MAX_WAITING_EVENTS = 2_000;

const ZERO: Instant = { sec: 0, nsec: 0 };

/** Diagnostics that, at file offset 0, say the file's own header cannot be read. */
const HEADER_PROBLEMS = new Set<string>([
  'CAPTURE_EMPTY_FILE',
  'CAPTURE_UNKNOWN_FORMAT',
  'CAPTURE_TRUNCATED_FILE_HEADER',
  'PCAPNG_BAD_BYTE_ORDER_MAGIC',
  'PCAPNG_BAD_BLOCK_LENGTH',
  'PCAPNG_BLOCK_TOO_LARGE',
  'PCAPNG_TRUNCATED_BLOCK',
]);

export class CaptureTimeline {
  private readonly output: OrderedOutput<ParkedEvent>;
  private readonly ctx: SessionContext;
  private readonly live = new Map<number, CtiSession>();
  private readonly done: Array<{ readonly id: number; readonly summary: SessionSummary }> = [];
  /** Session ids of the closed CTI sessions, by connection id (for late diagnostics). */
  private readonly closedIds = new Map<number, string>();
  private last: CtiSession | null = null;
  private lastId = -1;
  /** The first diagnostic about each file's header (SHB / pcap file header), by file index: why a file may be unreadable. */
  private readonly headerProblems: Array<CaptureDiagnostic | undefined> = [];
  private readonly files: FrameFiles;
  /** Capture diagnostics by severity. */
  errors = 0;
  /**
   * Told of each connection found not to be CTI while it is still open, whose bytes are then
   * of no use: connect it to the capture layer (CaptureTcpPipeline.ignore), which stops
   * keeping and delivering them. Nothing by default.
   */
  onNotCti: (conn: TcpConnectionInfo) => void = () => {};

  /**
   * `file`: the capture's (first) file; `sessionIds`: shared by the captures of one run, so that
   * captures of the same traffic do not give two sessions one id (see SessionIds);
   * `offsetsInFile`: the file is read as stored (not gzip-compressed), so its record offsets are
   * places in it (FrameFiles.add); `maxWaiting`: MAX_WAITING_EVENTS (tests make it small).
   */
  constructor(
    file: string,
    options: Pick<SourceOptions, 'ports' | 'protocolVersion' | 'showSecrets'>,
    sessionIds: SessionIds = new SessionIds(),
    offsetsInFile = true,
    maxWaiting = MAX_WAITING_EVENTS,
  ) {
    this.output = new OrderedOutput<ParkedEvent>(maxWaiting);
    this.files = new FrameFiles(file, offsetsInFile);
    this.ctx = {
      files: this.files,
      ports: new Set(options.ports.length > 0 ? options.ports : [42027]),
      protocolVersion: options.protocolVersion,
      showSecrets: options.showSecrets,
      output: this.output,
      ignore: (conn) => this.onNotCti(conn),
      sessionIds,
      frame: 0,
      ts: ZERO,
    };
  }

  /** Takes one capture event (a CaptureEventSink). */
  readonly handle = (e: CaptureEvent): void => {
    if (e.kind === 'diagnostic') {
      this.captureDiagnostic(e.diagnostic, e.file);
      return;
    }
    // The frame of the event: for data, the frame that carried these bytes (for data held
    // back by reassembly, that frame, not the later one that released it).
    const ctx = this.ctx;
    ctx.frame = e.frame;
    ctx.ts = e.ts;
    switch (e.kind) {
      case 'data':
        this.session(e.conn.id)?.data(e);
        break;
      case 'gap':
        this.session(e.conn.id)?.gap(e);
        break;
      case 'open': {
        const s = new CtiSession(e.conn, ctx);
        this.live.set(e.conn.id, s);
        break;
      }
      case 'close': {
        const s = this.session(e.conn.id);
        if (s === undefined) break;
        s.close(e.reason);
        this.live.delete(e.conn.id);
        if (this.last === s) {
          this.last = null;
          this.lastId = -1;
        }
        if (s.isCti) this.closeSession(e.conn.id, s);
        break;
      }
    }
    this.output.maintain();
  };

  /**
   * The next file of the capture (a ring buffer's), whose frames come after `frameBase`
   * frames (CaptureTcpPipeline.nextFile): connections carry on; returns the file's index.
   * `offsetsInFile`: as for the first file (constructor).
   */
  nextFile(name: string, frameBase: number, offsetsInFile = true): number {
    return this.files.add(name, frameBase, offsetsInFile);
  }

  /** How a frame numbered across the files is named in a diagnostic's text (FrameFiles.describe). */
  readonly describeFrame = (frame: number): string => this.files.describe(frame);

  /** The first diagnostic saying that file's own header cannot be read, if any. */
  headerProblem(file = 0): CaptureDiagnostic | undefined {
    return this.headerProblems[file];
  }

  /** The end of the capture (after the capture pipeline's end()): every session closes. */
  finish(): void {
    for (const [id, s] of this.live) {
      s.close('end-of-capture');
      if (s.isCti) this.closeSession(id, s);
    }
    this.live.clear();
    this.output.flushAll();
  }

  /** The events ready so far, in capture order. */
  take(): TimelineEvent[] {
    return this.output.take();
  }

  /** The CTI sessions: closed ones, and a snapshot of the open ones; in order of their first packet. */
  sessions(): SessionSummary[] {
    const all = [...this.done];
    for (const [id, s] of this.live) if (s.isCti) all.push({ id, summary: s.summary() });
    return all.sort((x, y) => x.id - y.id).map((x) => x.summary);
  }

  /** A diagnostic about an input file itself (not from the capture layer); by default the first file. */
  report(severity: InputDiagnostic['severity'], code: string, message: string, file = this.files.name(0), at?: Instant): void {
    if (severity === 'error') this.errors++;
    this.output.push({ kind: 'diagnostic', severity, code, message, ...(at !== undefined ? { at } : {}), source: { file } });
  }

  private closeSession(id: number, s: CtiSession): void {
    const summary = s.summary();
    this.done.push({ id, summary });
    this.closedIds.set(id, summary.id);
  }

  private session(id: number): CtiSession | undefined {
    if (id === this.lastId && this.last !== null) return this.last;
    const s = this.live.get(id);
    if (s !== undefined) {
      this.last = s;
      this.lastId = id;
    }
    return s;
  }

  /** `file`: the index of the file a reader's diagnostic is about (its frame then that file's own). */
  private captureDiagnostic(d: CaptureDiagnostic, file: number | undefined): void {
    if (d.severity === 'error') this.errors++;
    if (file !== undefined && d.fileOffset === 0 && HEADER_PROBLEMS.has(d.code)) this.headerProblems[file] ??= d;
    let session: string | undefined;
    if (d.conn !== undefined) {
      const s = this.live.get(d.conn);
      if (s !== undefined) {
        s.captureDiagnostic(d);
        return;
      }
      session = this.closedIds.get(d.conn);
      if (session === undefined) return; // a connection that is not a CTI session
    }
    const event: InputDiagnostic = {
      kind: 'diagnostic',
      severity: d.severity,
      code: d.code,
      message: d.message,
      ...(session !== undefined ? { session } : {}),
      source: this.sourceOf(d, file),
      // Bytes before the stream's start have negative offsets: those stay in the message only.
      ...(d.streamOffset !== undefined && d.streamOffset >= 0 ? { streamOffset: d.streamOffset, ...(d.length !== undefined ? { length: d.length } : {}) } : {}),
    };
    this.output.push(event);
  }

  /** Where a capture diagnostic points: its file and the file's own frame number. */
  private sourceOf(d: CaptureDiagnostic, file: number | undefined): SourceRef {
    if (file !== undefined) {
      const name = this.files.name(file);
      return d.frame !== undefined ? { file: name, frame: d.frame } : { file: name };
    }
    // The other layers number frames on across the files.
    return d.frame !== undefined ? this.files.locate(d.frame) : { file: this.files.fileOf(this.ctx.frame) };
  }
}
