/**
 * Test support for ring-buffer captures: file names as dumpcap and editcap write them, a
 * packet list cut into such files, and the timeline of input paths read as `decode` reads
 * them (openTimeline).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { openTimeline } from '../../src/pipeline/open-timeline.js';
import type { InputDiagnostic, SessionSummary, SourceOptions, SourceRef, TimelineEvent, TimelineMessage } from '../../src/timeline/types.js';
import { writePcap, writeSimplePcapng, type WrittenPacket } from './capture-writer.js';

export type RingPattern = 'number-time' | 'time-number';

/** A ring file's name: `<prefix>_<NNNNN>_<time><ext>` (dumpcap, editcap -c) or `<prefix>_<time>_<NNNNN><ext>` (dumpcap -b nametimenum:2). */
export function ringFileName(prefix: string, n: number, ext: string, pattern: RingPattern = 'number-time', time = '20260101120000'): string {
  const num = String(n).padStart(5, '0');
  return pattern === 'number-time' ? `${prefix}_${num}_${time}${ext}` : `${prefix}_${time}_${num}${ext}`;
}

export interface RingFile {
  readonly path: string;
  /** Number of packets before this file's in the uncut list. */
  readonly base: number;
}

/**
 * Writes the packets cut before each index of `cuts` (ascending, within 1 … length-1) into
 * ring files in `dir`, numbered from `firstNumber`; `pcapng[i]` chooses file i's format
 * (the name's extension is the same for all: formats are told by content).
 */
export function writeRing(
  dir: string,
  packets: readonly WrittenPacket[],
  cuts: readonly number[],
  options: { firstNumber?: number; pattern?: RingPattern; pcapng?: readonly boolean[]; ext?: string } = {},
): RingFile[] {
  mkdirSync(dir, { recursive: true });
  const bounds = [0, ...cuts, packets.length];
  const files: RingFile[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const part = packets.slice(bounds[i], bounds[i + 1]);
    const pcapng = options.pcapng?.[i % options.pcapng.length] === true;
    const path = join(dir, ringFileName('ring', (options.firstNumber ?? 1) + i, options.ext ?? '.pcap', options.pattern));
    writeFileSync(path, pcapng ? writeSimplePcapng(part, 1, true, 9) : writePcap(part, { linkType: 1, nanosecond: true }));
    files.push({ path, base: bounds[i]! });
  }
  return files;
}

export interface DecodedInputs {
  readonly events: TimelineEvent[];
  readonly messages: TimelineMessage[];
  readonly diagnostics: InputDiagnostic[];
  readonly sessions: SessionSummary[];
  readonly unreadable: string[];
}

export const RING_OPTIONS: SourceOptions = { ports: [42027], showSecrets: false };

/** The timeline of input paths (files or directories), as `ccxcti decode` reads them. */
export async function decodeInputs(paths: readonly string[], options: SourceOptions = RING_OPTIONS): Promise<DecodedInputs> {
  const timeline = await openTimeline(paths, options, new PassThrough());
  const events: TimelineEvent[] = [];
  for await (const batch of timeline.batches) events.push(...batch);
  return {
    events,
    messages: events.filter((e): e is TimelineMessage => e.kind === 'message'),
    diagnostics: events.filter((e): e is InputDiagnostic => e.kind === 'diagnostic'),
    sessions: timeline.sessions(),
    unreadable: timeline.unreadable(),
  };
}

/** A source in a ring file → the packet's number in the uncut capture (frames of the files numbered on). */
export function uncutFrame(source: SourceRef, files: readonly RingFile[]): number | undefined {
  if (source.frame === undefined) return undefined;
  const file = files.find((f) => f.path === source.file);
  if (file === undefined) throw new Error(`${source.file} is not a ring file`);
  return file.base + source.frame;
}
