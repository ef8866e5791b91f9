/**
 * Test support: asking tshark what it sees in a capture file — frames (number, epoch time,
 * lengths) and `-z follow,tcp,raw,N` streams — to cross-check our reader and reassembler.
 */
import { spawnSync } from 'node:child_process';

let cachedVersion: string | null | undefined;

/** tshark's version line, or null when tshark is not installed. */
export function tsharkVersion(): string | null {
  if (cachedVersion !== undefined) return cachedVersion;
  const r = spawnSync('tshark', ['--version'], { encoding: 'utf8' });
  cachedVersion = r.status === 0 ? (r.stdout.split('\n')[0] ?? '').trim() : null;
  return cachedVersion;
}

function tshark(args: string[]): string {
  const r = spawnSync('tshark', args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`tshark ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

export interface TsharkFrame {
  readonly frame: number;
  /** `frame.time_epoch` as printed (seconds.nanoseconds); '' when the frame has no timestamp. */
  readonly epoch: string;
  readonly capLen: number;
  readonly len: number;
}

export function tsharkFrames(file: string): TsharkFrame[] {
  const out = tshark(['-r', file, '-T', 'fields', '-E', 'separator=/t', '-e', 'frame.number', '-e', 'frame.time_epoch', '-e', 'frame.cap_len', '-e', 'frame.len']);
  return out
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [n, t, c, len] = l.split('\t');
      return { frame: Number(n), epoch: t ?? '', capLen: Number(c), len: Number(len) };
    });
}

/** TCP stream indexes present in a file. */
export function tsharkTcpStreams(file: string): number[] {
  const out = tshark(['-r', file, '-T', 'fields', '-e', 'tcp.stream']);
  const set = new Set<number>();
  for (const l of out.split('\n')) if (l.trim() !== '') set.add(Number(l.trim()));
  return [...set].sort((a, b) => a - b);
}

export interface TsharkFollow {
  readonly stream: number;
  /** "addr:port" (IPv6 as [addr]:port), as tshark prints the nodes. */
  readonly node0: string;
  readonly node1: string;
  /** Bytes sent by node 0 and by node 1. */
  readonly data: [Uint8Array, Uint8Array];
}

const GAP_MARKER = /^\[\d+ bytes missing in capture file\]\0$/;

/** Parses the output of one or more `-z follow,tcp,raw,N` (lines with a tab: node 1's data). */
export function parseFollowRaw(text: string): TsharkFollow[] {
  const out: TsharkFollow[] = [];
  const blocks = text.split(/^={20,}$/m);
  for (const block of blocks) {
    const filter = /^Filter: tcp\.stream eq (\d+)$/m.exec(block);
    if (filter === null) continue;
    const node0 = /^Node 0: (.*)$/m.exec(block)?.[1] ?? '';
    const node1 = /^Node 1: (.*)$/m.exec(block)?.[1] ?? '';
    const parts: [string[], string[]] = [[], []];
    for (const line of block.split('\n')) {
      // tshark writes a gap as the text "[N bytes missing in capture file]" (NUL-terminated)
      // in the data; our streams report gaps apart from the data, so the marker is dropped.
      if (GAP_MARKER.test(Buffer.from(line.trim(), 'hex').toString('latin1'))) continue;
      if (/^\t[0-9a-f]+$/.test(line)) parts[1].push(line.slice(1));
      else if (/^[0-9a-f]+$/.test(line)) parts[0].push(line);
    }
    out.push({
      stream: Number(filter[1]),
      node0,
      node1,
      data: [Uint8Array.from(Buffer.from(parts[0].join(''), 'hex')), Uint8Array.from(Buffer.from(parts[1].join(''), 'hex'))],
    });
  }
  return out.sort((a, b) => a.stream - b.stream);
}

/** Follows every TCP stream of a file (batched: several -z per tshark run). */
export function tsharkFollowAll(file: string): TsharkFollow[] {
  const streams = tsharkTcpStreams(file);
  const out: TsharkFollow[] = [];
  for (let i = 0; i < streams.length; i += 100) {
    const args = ['-r', file, '-q'];
    for (const n of streams.slice(i, i + 100)) args.push('-z', `follow,tcp,raw,${n}`);
    out.push(...parseFollowRaw(tshark(args)));
  }
  return out;
}

export interface TsharkTcpSegment {
  readonly frame: number;
  /** "addr:port" of the sender and of the receiver. */
  readonly src: string;
  readonly dst: string;
  /** `tcp.seq_raw`: the absolute sequence number. */
  readonly seqRaw: number;
  /** `tcp.len`: payload bytes. */
  readonly len: number;
  readonly syn: boolean;
}

/** Every IPv4 TCP segment of a file as tshark dissects it (frame number within the file, endpoints, absolute sequence number, payload length, SYN). */
export function tsharkTcpSegments(file: string): TsharkTcpSegment[] {
  const fields = ['frame.number', 'ip.src', 'tcp.srcport', 'ip.dst', 'tcp.dstport', 'tcp.seq_raw', 'tcp.len', 'tcp.flags.syn'];
  const out = tshark(['-r', file, '-Y', 'tcp', '-T', 'fields', '-E', 'separator=/t', ...fields.flatMap((f) => ['-e', f])]);
  return out
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [frame, srcAddr, srcPort, dstAddr, dstPort, seq, len, syn] = l.split('\t');
      return { frame: Number(frame), src: `${srcAddr}:${srcPort}`, dst: `${dstAddr}:${dstPort}`, seqRaw: Number(seq), len: Number(len), syn: syn === '1' || syn === 'True' };
    });
}
