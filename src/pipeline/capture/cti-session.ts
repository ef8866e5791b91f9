/**
 * One TCP connection seen as a (possible) CTI session: its two framers, who is the client,
 * whether it carries CTI at all (connections on other ports are probed), the protocol
 * version its messages are decoded with, and its summary.
 *
 * Roles: the SYN (conn.initiator), else the CTI port (the side on a `--port` is the
 * server), else the first message whose sender the guide fixes (OPEN_REQ and the other
 * client requests come from the client, events and confirmations from the server), else a
 * guess (the higher port is the client's ephemeral port).
 *
 * Heuristics: a connection with no endpoint on a CTI port is a CTI session when the first
 * bytes of one direction are an OPEN_REQ, or two consecutive clean messages (a defined
 * type, a length the guide allows, no error when decoded), or one clean message in each
 * direction. Otherwise it is dropped silently: when both directions failed, or when one failed
 * and sent ONE_WAY_LIMIT bytes while the other sent nothing. Until decided (and until the roles
 * are known) the session's events wait in holds that keep their place in the capture order.
 *
 * Places: while a direction's framer searches with bytes held (a mid-stream start, after a gap
 * or damage: a message found waits for the next to confirm it), each push whose bytes it holds
 * keeps a place in the output, and a message it recognises later goes to the place of the push
 * that brought its last byte (an undecodable range too, with that push's frame and time, or the
 * place's first when that push's place was let go): every message comes out in capture order,
 * whenever it is recognised. Made to decide (forceDecision: too much waits behind the session),
 * the framer decides on the messages held (CtiStreamFramer.decideHeld) and the places are let go.
 * Each place counts as one event waiting (OrderedOutput.reserve), so places too are bounded.
 *
 * Version: OPEN_REQ's VersionNumber applies to it and to every later message of the
 * session; before (or without) it the assumed version (--protocol-version), else none (the
 * decoder infers each layout).
 */
import type { TcpCloseReason, TcpConnectionInfo, TcpDataEvent, TcpEndpoint, TcpGapEvent } from '../../capture/tcp-events.js';
import type { CaptureDiagnostic } from '../../capture/diagnostics.js';
import { decode, type ByteRange, type DecodedMessage, type DecodeOptions } from '../../protocol/codec/decode.js';
import { messageDefById } from '../../protocol/messages/index.js';
import type { Instant } from '../../timeline/instant.js';
import type { Direction, InputDiagnostic, SessionSummary, TimelineEvent, TimelineMessage } from '../../timeline/types.js';
import { isCleanStrict } from './cti-header.js';
import { CtiStreamFramer, type FramerSink } from './cti-framer.js';
import type { FrameFiles } from './frame-files.js';
import type { Hold, HoldOwner, OrderedOutput } from './ordered-output.js';
import type { SessionIds } from './session-ids.js';

const OPEN_REQ = 3;
const CTI_SERVICE_CLIENT_EVENTS = 0x1;
const CTI_SERVICE_ALL_EVENTS = 0x10;
/** Why a direction's bytes are undecodable once its probe failed. */
const NOT_CTI = 'not CTI at the start of the connection';
/** Heuristics without a SYN: the first message must start within this many bytes. */
export const PROBE_WINDOW = 16 * 1024;
/**
 * A direction that failed the probe while the other has sent nothing: past this many bytes the
 * connection is taken to be a one-way stream that is not CTI (syslog, a replication or backup
 * stream), not kept open for the other direction until the connection closes.
 */
export const ONE_WAY_LIMIT = 64 * 1024;

/** Where a direction's pushes whose bytes the framer holds keep their place in the output. */
interface Place {
  readonly hold: Hold<ParkedEvent>;
  /** Stream offset after the last byte of the pushes it stands for (those after the previous place's). */
  end: number;
  /** The first of those pushes (nothing was output between them). */
  readonly first: FrameTag;
}

/** An event of an undecided session, kept with its direction index until the roles are known. */
export type ParkedEvent =
  | {
      readonly k: 'message';
      readonly dir: 0 | 1;
      readonly decoded: DecodedMessage;
      readonly streamOffset: number;
      readonly frame: number;
      readonly ts: Instant;
      /** The frame's record in its file (FrameTag). */
      readonly fileOffset: number;
      readonly recordLength: number;
      readonly version: number | undefined;
      /** Bytes of the message in the stream, when not all of it (see TimelineMessage.capturedLength). */
      readonly captured: number | undefined;
    }
  | {
      readonly k: 'diagnostic';
      readonly dir: 0 | 1 | null;
      readonly severity: InputDiagnostic['severity'];
      readonly code: string;
      readonly message: string;
      readonly frame: number | undefined;
      readonly ts: Instant | undefined;
      readonly streamOffset: number | undefined;
      readonly length: number | undefined;
    };

/** What sessions share: options, the output, the frame being processed. */
export interface SessionContext {
  /** The capture's files, and where a frame (numbered on across them) is. */
  readonly files: FrameFiles;
  readonly ports: ReadonlySet<number>;
  readonly protocolVersion: number | undefined;
  readonly showSecrets: boolean;
  readonly output: OrderedOutput<ParkedEvent>;
  /**
   * Told of an open connection found not to be CTI: its bytes are of no further use (the
   * capture layer may stop keeping and delivering them).
   */
  readonly ignore: (conn: TcpConnectionInfo) => void;
  /** Session ids across the run's captures (this context is the capture's owner token there). */
  readonly sessionIds: SessionIds;
  /** The frame of the event being processed and its time: for data, the frame completing a message. */
  frame: number;
  ts: Instant;
}

const enum Probe {
  Unknown = 0,
  Pass = 1,
  Fail = 2,
}

export function endpointText(e: TcpEndpoint): string {
  return e.addr.includes(':') ? `[${e.addr}]:${e.port}` : `${e.addr}:${e.port}`;
}

const DIRECTIONS: readonly [Direction, Direction] = ['client-to-server', 'server-to-client'];

/** What a framer reports a message with: the frame that completed it, and that frame's record in its file (recordLength 0: none known). */
export interface FrameTag {
  readonly frame: number;
  readonly ts: Instant;
  readonly fileOffset: number;
  readonly recordLength: number;
}

export class CtiSession implements HoldOwner {
  /** 'probe': on no CTI port, not decided yet. */
  private state: 'cti' | 'probe' | 'ignored';
  readonly heuristic: boolean;
  /** The direction index (0: A→B) that goes from the client to the server; -1 unknown. */
  private clientDir: -1 | 0 | 1 = -1;
  private roleBasis: SessionSummary['roleBasis'] = 'guess';
  private id = '';
  /** Direction names by direction index. */
  private names: readonly [Direction, Direction] = DIRECTIONS;
  private readonly framers: [CtiStreamFramer<FrameTag> | null, CtiStreamFramer<FrameTag> | null] = [null, null];
  private readonly sinks: [FramerSink<FrameTag>, FramerSink<FrameTag>];
  private readonly probe: [Probe, Probe] = [Probe.Unknown, Probe.Unknown];
  private readonly cleanCount: [number, number] = [0, 0];
  private version: number | undefined;
  private versionBasis: SessionSummary['versionBasis'];
  private inferredVersion: number | undefined;
  private decodeOptions: DecodeOptions;
  private mode: SessionSummary['mode'];
  private messages = 0;
  private firstAt: Instant | undefined;
  private lastAt: Instant | undefined;
  private closedBy: TcpCloseReason | undefined;
  private readonly unaccounted: [number, number] = [0, 0];
  /** Holds of this session not released yet, in output order. */
  private holds: Array<Hold<ParkedEvent>> = [];
  /** The hold park() appends to while it is the last thing in the output. */
  private lastHold: Hold<ParkedEvent> | null = null;
  /**
   * Per direction, in stream order: the places kept in the output while the framer searches
   * with bytes held that it may later recognise as messages (see the file comment). Each is
   * let go once the framer holds none of its bytes.
   */
  private readonly places: [Place[], Place[]] = [[], []];
  /** The direction whose framer is running (its sink may be reporting a message), else -1. */
  private framing: -1 | 0 | 1 = -1;
  /**
   * Per direction: the probe failed on a message the framer was reporting. The framer is
   * suspended once it returns: that message is one (and is output should the session be
   * CTI), the bytes after it are not examined — suspending it from inside its callback would
   * count the message's bytes in the undecodable run as well.
   */
  private readonly suspendDue: [boolean, boolean] = [false, false];
  private readonly source: { file: string };
  /** Whether `id` was taken among the run's captures' (SessionIds), and so must be released. */
  private claimed = false;

  constructor(
    readonly conn: TcpConnectionInfo,
    private readonly ctx: SessionContext,
  ) {
    const aCti = ctx.ports.has(conn.a.port);
    const bCti = ctx.ports.has(conn.b.port);
    this.state = aCti || bCti ? 'cti' : 'probe';
    this.heuristic = this.state === 'probe';
    if (conn.initiator !== null) this.setRoles(conn.initiator === 'A' ? 0 : 1, 'syn');
    else if (aCti !== bCti) this.setRoles(bCti ? 0 : 1, 'port');
    this.version = ctx.protocolVersion;
    this.versionBasis = ctx.protocolVersion !== undefined ? 'option' : 'unknown';
    this.decodeOptions = { version: this.version, showSecrets: ctx.showSecrets };
    this.source = { file: ctx.files.fileOf(ctx.frame) }; // where the session starts
    this.sinks = [this.sinkFor(0), this.sinkFor(1)];
  }

  get isCti(): boolean {
    return this.state === 'cti';
  }

  get ignored(): boolean {
    return this.state === 'ignored';
  }

  // Capture events --------------------------------------------------------------------------

  data(e: TcpDataEvent): void {
    if (this.state === 'ignored') return;
    const dir = e.dir;
    const framer = this.framers[dir] ?? this.startDirection(dir);
    const tag: FrameTag = { frame: e.frame, ts: e.ts, fileOffset: e.fileOffset, recordLength: e.recordLength };
    this.framing = dir;
    framer.push(e.bytes, e.streamOffset, tag);
    this.framed(dir);
    if (this.state === 'probe' && this.probe[dir] === Probe.Unknown) this.probeAfterPush(dir, framer);
    if (this.state === 'probe' && this.probe[dir] === Probe.Fail && this.framers[1 - dir] === null && e.streamOffset + e.bytes.length > ONE_WAY_LIMIT) {
      this.dropConnection();
      return;
    }
    this.keepPlace(dir, e.streamOffset + e.bytes.length, tag);
  }

  gap(e: TcpGapEvent): void {
    if (this.state === 'ignored') return;
    const dir = e.dir;
    const framer = this.framers[dir] ?? this.startDirection(dir);
    this.framing = dir;
    framer.gap(e.streamOffset, e.length);
    this.framed(dir);
    this.keepPlace(dir, -1, null);
    this.unaccounted[dir] += e.length;
    this.diagnostic(dir, 'warning', 'STREAM_GAP', `${e.length} byte${e.length === 1 ? '' : 's'} of the stream missing from the capture (${gapCause(e.cause)})`, e.frame, e.ts, e.streamOffset, e.length);
  }

  close(reason: TcpCloseReason): void {
    this.closedBy = reason;
    if (this.state === 'ignored') {
      this.releaseId();
      return;
    }
    for (const dir of [0, 1] as const) {
      const framer = this.framers[dir];
      if (framer === null) continue;
      this.framing = dir;
      framer.end();
      this.framed(dir);
      this.keepPlace(dir, -1, null);
    }
    if (this.state === 'probe') this.state = this.probe[0] === Probe.Pass || this.probe[1] === Probe.Pass ? 'cti' : 'ignored';
    if (this.state === 'cti' && this.clientDir === -1) this.guessRoles();
    this.claimId();
    this.settleHolds();
    this.releaseId();
  }

  /** Closed or not CTI: its id is free for another capture's session (its events keep it). */
  private releaseId(): void {
    if (!this.claimed) return;
    this.ctx.sessionIds.release(this.id, this.ctx, this.ctx.ts);
    this.claimed = false;
  }

  /** After a framer call: the suspension the probe asked for meanwhile. */
  private framed(dir: 0 | 1): void {
    this.framing = -1;
    if (this.suspendDue[dir]) {
      this.suspendDue[dir] = false;
      if (this.probe[dir] === Probe.Fail && this.state === 'probe') this.framers[dir]!.suspend(NOT_CTI);
    }
  }

  /**
   * After framing: the places of pushes the framer no longer holds bytes of are let go; while it
   * searches with bytes held, the push just made (`tag`, its bytes ending at `pushEnd`; null: no
   * push) keeps a place, the last one extended when nothing was output after it.
   */
  private keepPlace(dir: 0 | 1, pushEnd: number, tag: FrameTag | null): void {
    const framer = this.framers[dir]!;
    const places = this.places[dir];
    const waiting = this.state !== 'ignored' && framer.searching && !framer.suspended && framer.heldBytes > 0;
    const heldFrom = waiting ? framer.heldFrom : Infinity;
    let done = 0;
    while (done < places.length && places[done]!.end <= heldFrom) done++;
    if (done > 0) places.splice(0, done);
    const last = places.length > 0 ? places[places.length - 1]! : null;
    if (tag !== null && waiting && pushEnd > heldFrom && (last === null || pushEnd > last.end)) {
      if (last !== null && this.ctx.output.isLast(last.hold)) last.end = pushEnd;
      else {
        const hold = this.ctx.output.reserve(this);
        this.holds.push(hold);
        places.push({ hold, end: pushEnd, first: tag });
      }
    }
    if (done > 0) this.settleHolds();
  }

  /** The place of the push that brought the byte before stream offset `end`, if it keeps one. */
  private placeOf(dir: 0 | 1, end: number): Place | null {
    const places = this.places[dir];
    for (let i = 0; i < places.length; i++) if (places[i]!.end >= end) return places[i]!;
    return null;
  }

  /** Whether a hold is a place still kept for the framer's bytes. */
  private isOpenPlace(h: Hold<ParkedEvent>): boolean {
    for (const places of this.places) for (const p of places) if (p.hold === h) return true;
    return false;
  }

  /** A diagnostic of the capture layer about this connection. */
  captureDiagnostic(d: CaptureDiagnostic): void {
    if (this.state === 'ignored') return;
    // Bytes before the stream's start have negative offsets: those stay in the message only.
    const ranged = d.streamOffset !== undefined && d.streamOffset >= 0;
    this.diagnostic(d.dir ?? null, d.severity, d.code, d.message, d.frame, undefined, ranged ? d.streamOffset : undefined, ranged ? d.length : undefined);
  }

  forceDecision(): void {
    if (this.state === 'probe' && this.cleanCount[0] + this.cleanCount[1] === 0) {
      this.dropConnection();
      return;
    }
    // The messages held are decided now, into their places (none is found later in the bytes
    // held now: the places can go).
    for (const dir of [0, 1] as const) {
      const framer = this.framers[dir];
      if (framer === null || this.state === 'ignored') continue;
      this.framing = dir;
      framer.decideHeld();
      this.framed(dir);
    }
    this.places[0] = [];
    this.places[1] = [];
    if (this.state === 'ignored') return; // (both directions failed the probe meanwhile: dropped, holds settled)
    if (this.state === 'probe') this.state = 'cti';
    if (this.state === 'cti' && this.clientDir === -1) this.guessRoles();
    this.claimId();
    this.settleHolds();
  }

  summary(): SessionSummary {
    const c = this.clientDir === 1 ? 1 : 0;
    const client = c === 0 ? this.conn.a : this.conn.b;
    const server = c === 0 ? this.conn.b : this.conn.a;
    let version = this.version;
    let versionBasis = this.versionBasis;
    if (versionBasis === 'unknown' && this.inferredVersion !== undefined) {
      version = this.inferredVersion;
      versionBasis = 'inferred';
    }
    return {
      id: this.id || this.sessionId(c),
      file: this.source.file,
      client: { addr: client.addr, port: client.port },
      server: { addr: server.addr, port: server.port },
      roleBasis: this.roleBasis,
      heuristic: this.heuristic,
      ...(version !== undefined ? { version } : {}),
      versionBasis,
      ...(this.mode !== undefined ? { mode: this.mode } : {}),
      messages: this.messages,
      ...(this.firstAt !== undefined ? { firstAt: this.firstAt } : {}),
      ...(this.lastAt !== undefined ? { lastAt: this.lastAt } : {}),
      ...(this.closedBy !== undefined ? { closedBy: this.closedBy } : {}),
      unaccountedBytes: { 'client-to-server': this.unaccounted[c], 'server-to-client': this.unaccounted[1 - c]! },
    };
  }

  // Framing ------------------------------------------------------------------------------------

  private startDirection(dir: 0 | 1): CtiStreamFramer<FrameTag> {
    const framer = new CtiStreamFramer<FrameTag>(this.sinks[dir], this.decodeBytes, this.conn.synSeen, { frame: this.ctx.frame, ts: this.ctx.ts, fileOffset: 0, recordLength: 0 });
    this.framers[dir] = framer;
    if (!this.conn.synSeen) {
      this.diagnostic(dir, 'info', 'STREAM_GAP', 'the capture starts mid-stream (no SYN seen): what was sent before is missing, its length unknown', this.ctx.frame, this.ctx.ts, 0, undefined);
    }
    return framer;
  }

  private readonly decodeBytes = (bytes: Uint8Array, missing?: readonly ByteRange[]): DecodedMessage =>
    decode(bytes, missing === undefined ? this.decodeOptions : { ...this.decodeOptions, missing });

  private sinkFor(dir: 0 | 1): FramerSink<FrameTag> {
    return {
      message: (decoded, bytes, streamOffset, tag, captured) => this.onMessage(dir, decoded, bytes, streamOffset, tag, captured),
      undecodable: (streamOffset, length, reason, tag) => {
        this.unaccounted[dir] += length;
        if (this.state === 'ignored') return;
        // Found after the push that brought its last byte (kept bytes): in that push's place, with
        // its frame — or, that push's place let go (forceDecision), the next place's first frame.
        const place = this.places[dir].length > 0 ? this.placeOf(dir, streamOffset + length) : null;
        const text = `${length} byte${length === 1 ? '' : 's'} not decodable as CTI messages: ${reason}`;
        if (place === null) this.diagnostic(dir, 'warning', 'STREAM_UNDECODABLE', text, this.ctx.frame, this.ctx.ts, streamOffset, length);
        else {
          const at = tag.frame >= place.first.frame ? tag : place.first;
          this.ctx.output.addTo(place.hold, { k: 'diagnostic', dir, severity: 'warning', code: 'STREAM_UNDECODABLE', message: text, frame: at.frame, ts: at.ts, streamOffset, length });
        }
      },
    };
  }

  private onMessage(dir: 0 | 1, decoded: DecodedMessage, bytes: Uint8Array, streamOffset: number, tag: FrameTag, captured: number | undefined): void {
    let m = decoded;
    if (m.typeId === OPEN_REQ) m = this.openRequest(m, bytes, captured);
    if (this.state === 'probe') this.probeMessage(dir, m, streamOffset);
    if (this.clientDir === -1) this.rolesFromMessage(dir, m);
    const version = this.version;
    if (this.state === 'ignored') return;
    // Recognised after the push that brought its last byte (kept bytes): into that push's place.
    const place = this.places[dir].length > 0 ? this.placeOf(dir, streamOffset + (captured ?? bytes.length)) : null;
    if (place === null && this.clientDir !== -1 && this.state === 'cti' && this.holds.length === 0) {
      this.ctx.output.push(this.messageEvent(dir, m, streamOffset, tag, version, captured));
      return;
    }
    const item: ParkedEvent = { k: 'message', dir, decoded: m, streamOffset, frame: tag.frame, ts: tag.ts, fileOffset: tag.fileOffset, recordLength: tag.recordLength, version, captured };
    if (place !== null) this.ctx.output.addTo(place.hold, item);
    else this.route(item);
  }

  /** OPEN_REQ: the session's version from now on (the message itself decoded with it), its mode. */
  private openRequest(m: DecodedMessage, bytes: Uint8Array, captured: number | undefined): DecodedMessage {
    const v = m.fields.VersionNumber;
    const services = m.fields.ServicesRequested;
    if (typeof services === 'number') {
      const agent = (services & CTI_SERVICE_CLIENT_EVENTS) !== 0;
      const bridge = (services & CTI_SERVICE_ALL_EVENTS) !== 0;
      this.mode = agent === bridge ? undefined : agent ? 'agent' : 'bridge';
    }
    if (typeof v !== 'number') return m;
    this.version = v;
    this.versionBasis = 'OPEN_REQ';
    this.decodeOptions = { version: v, showSecrets: this.ctx.showSecrets };
    return this.decodeBytes(bytes, captured === undefined ? undefined : [{ offset: captured, length: bytes.length - captured }]);
  }

  // Heuristics and roles -----------------------------------------------------------------------

  private probeMessage(dir: 0 | 1, m: DecodedMessage, streamOffset: number): void {
    if (this.probe[dir] !== Probe.Unknown) return;
    // The first message must start the stream (SYN seen) or start within PROBE_WINDOW bytes; the
    // ones after it may lie past the window (the framer is in sync by then).
    if (!isCleanStrict(m) || (this.cleanCount[dir] === 0 && (this.conn.synSeen ? streamOffset !== 0 : streamOffset > PROBE_WINDOW))) {
      this.probeFailed(dir);
      return;
    }
    this.cleanCount[dir]++;
    if (m.typeId === OPEN_REQ || this.cleanCount[dir] >= 2 || this.cleanCount[1 - dir]! >= 1) this.probePassed(dir);
  }

  private probeAfterPush(dir: 0 | 1, framer: CtiStreamFramer<FrameTag>): void {
    if (framer.searching && (this.conn.synSeen || framer.nextOffset > PROBE_WINDOW)) this.probeFailed(dir);
  }

  private probeFailed(dir: 0 | 1): void {
    this.probe[dir] = Probe.Fail;
    if (this.framing === dir) this.suspendDue[dir] = true;
    else this.framers[dir]?.suspend(NOT_CTI);
    if (this.probe[1 - dir] === Probe.Fail) this.dropConnection();
  }

  /** Not CTI (decided while the connection is open): its events are dropped, its bytes of no further use. */
  private dropConnection(): void {
    this.state = 'ignored';
    this.releaseId();
    this.places[0] = [];
    this.places[1] = [];
    this.settleHolds();
    this.ctx.ignore(this.conn);
  }

  private probePassed(dir: 0 | 1): void {
    this.probe[dir] = Probe.Pass;
    this.state = 'cti';
    this.claimId();
    for (const f of this.framers) f?.resume();
    this.settleHolds();
  }

  private rolesFromMessage(dir: 0 | 1, m: DecodedMessage): void {
    if (m.typeId === null || !isCleanStrict(m)) return;
    const def = messageDefById(m.typeId);
    if (def === undefined || def.sentBy === 'either') return;
    this.setRoles(def.sentBy === 'client' ? dir : dir === 0 ? 1 : 0, 'requests');
    this.settleHolds();
  }

  private guessRoles(): void {
    const { a, b } = this.conn;
    this.setRoles(b.port > a.port ? 1 : 0, 'guess');
  }

  private setRoles(clientDir: 0 | 1, basis: SessionSummary['roleBasis']): void {
    this.clientDir = clientDir;
    this.roleBasis = basis;
    this.names = clientDir === 0 ? DIRECTIONS : [DIRECTIONS[1], DIRECTIONS[0]];
    this.releaseId();
    this.id = this.sessionId(clientDir);
    this.claimId();
  }

  /**
   * A CTI session whose roles are known takes its id among those of the run's captures
   * (SessionIds; a connection still probed, most of them not CTI, takes none).
   */
  private claimId(): void {
    if (this.claimed || this.state !== 'cti' || this.clientDir === -1) return;
    this.id = this.ctx.sessionIds.claim(this.endpoints(this.clientDir), this.conn.instance, this.ctx, this.ctx.ts);
    this.claimed = true;
  }

  /** The id the session would have, unclaimed (a snapshot of a session whose roles are not known). */
  private sessionId(clientDir: 0 | 1): string {
    return `${this.endpoints(clientDir)}#${this.conn.instance}`;
  }

  private endpoints(clientDir: 0 | 1): string {
    const client = clientDir === 0 ? this.conn.a : this.conn.b;
    const server = clientDir === 0 ? this.conn.b : this.conn.a;
    return `${endpointText(client)}-${endpointText(server)}`;
  }

  // Output ---------------------------------------------------------------------------------------

  private diagnostic(
    dir: 0 | 1 | null,
    severity: InputDiagnostic['severity'],
    code: string,
    message: string,
    frame: number | undefined,
    ts: Instant | undefined,
    streamOffset: number | undefined,
    length: number | undefined,
  ): void {
    if (this.state === 'ignored') return;
    this.route({ k: 'diagnostic', dir, severity, code, message, frame, ts, streamOffset, length });
  }

  /** Out now, or parked until the session is decided (and its earlier events are out). */
  private route(item: ParkedEvent): void {
    if (this.clientDir !== -1 && this.state === 'cti' && this.holds.length === 0) this.ctx.output.push(this.materialize(item));
    else this.park(item);
  }

  private park(item: ParkedEvent): void {
    const hold = this.ctx.output.park(this, this.lastHold, item);
    if (hold !== this.lastHold) {
      this.holds.push(hold);
      this.lastHold = hold;
    }
  }

  /**
   * Once decided (CTI with roles, or dropped): the holds get their events, in output order, up
   * to the first place still kept (so events are made in the order they are output).
   */
  private settleHolds(): void {
    if (this.holds.length === 0) return;
    if (this.state === 'ignored') {
      this.places[0] = [];
      this.places[1] = [];
    } else if (this.state !== 'cti' || this.clientDir === -1) return;
    const holds = this.holds;
    let n = 0;
    while (n < holds.length && !this.isOpenPlace(holds[n]!)) n++;
    if (n === 0) return;
    this.holds = n === holds.length ? [] : holds.slice(n);
    if (this.holds.length === 0) this.lastHold = null;
    for (let i = 0; i < n; i++) {
      const h = holds[i]!;
      this.ctx.output.resolve(h, this.state === 'ignored' ? [] : h.items.map((p) => this.materialize(p)));
    }
  }

  private materialize(p: ParkedEvent): TimelineEvent {
    if (p.k === 'message') return this.messageEvent(p.dir, p.decoded, p.streamOffset, p, p.version, p.captured);
    return {
      kind: 'diagnostic',
      severity: p.severity,
      code: p.code,
      message: p.message,
      ...(p.ts !== undefined ? { at: p.ts } : {}),
      session: this.id,
      ...(p.dir !== null ? { direction: this.names[p.dir] } : {}),
      source: p.frame !== undefined ? this.ctx.files.locate(p.frame) : this.source,
      ...(p.streamOffset !== undefined ? { streamOffset: p.streamOffset } : {}),
      ...(p.length !== undefined ? { length: p.length } : {}),
    };
  }

  /** `tag`: the frame that completed the message, its time and its record in its file. */
  private messageEvent(dir: 0 | 1, m: DecodedMessage, streamOffset: number, tag: FrameTag, version: number | undefined, captured: number | undefined): TimelineMessage {
    const { frame, ts } = tag;
    this.messages++;
    if (this.firstAt === undefined) this.firstAt = ts;
    this.lastAt = ts;
    // A message cut short tells nothing of the layout its sender used.
    if (captured === undefined && m.layoutInferred === true && m.layoutVersion !== undefined && (this.inferredVersion === undefined || m.layoutVersion > this.inferredVersion)) {
      this.inferredVersion = m.layoutVersion;
    }
    const event: { -readonly [K in keyof TimelineMessage]: TimelineMessage[K] } = {
      kind: 'message',
      message: m,
      at: ts,
      direction: this.names[dir],
      session: this.id,
      version,
      source: this.ctx.files.locate(frame),
      streamOffset,
    };
    // Set one by one: no object made per message for them.
    if (tag.recordLength > 0 && this.ctx.files.recordsInFile(frame)) {
      event.recordOffset = tag.fileOffset;
      event.recordLength = tag.recordLength;
    }
    if (captured !== undefined) event.capturedLength = captured;
    return event;
  }
}

function gapCause(cause: TcpGapEvent['cause']): string {
  switch (cause) {
    case 'acknowledged':
      return 'never captured, though the receiver acknowledged them: lost at the capture point';
    case 'buffer-limit':
      return 'never captured: the reassembly buffer gave up waiting for them';
    case 'closed':
      return 'never captured before the connection closed';
    case 'end-of-capture':
      return 'never captured before the capture ended';
    case 'not-captured':
      return 'cut off by the snapshot length';
    case 'timeout':
      return 'never captured: no copy came within the time any retransmission takes';
  }
}
