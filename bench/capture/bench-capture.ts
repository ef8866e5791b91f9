/**
 * Throughput of the capture layer: reader + link/IP/TCP decoding + TCP reassembly.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/capture/bench-capture.js [sizeMiB] [connections]
 *
 * Writes a synthetic classic pcap (Ethernet/IPv4/TCP, many concurrent connections with
 * handshakes and FINs, 100–1400-byte segments, pure ACKs, ~2% of segments reordered) to a
 * temp file, then reads it back through the whole pipeline from a 1 MiB-chunk file stream and
 * reports MB/s, packets/s and peak RSS. It also checks that every payload byte came out once.
 */
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeCapture, CaptureFileReader, readFileChunks, type CaptureEvent } from '../../src/capture/index.js';

const MiB = 1024 * 1024;

class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
}

interface Conn {
  clientIp: number;
  clientPort: number;
  seq: [number, number];
  /** A segment held back to be written after the next one (reordering). */
  held: [Uint8Array | null, Uint8Array | null];
}

const SERVER_IP = 0x0a000001;
const SERVER_PORT = 42027;

/** Writes pcap records into a big buffer, flushing to the file when full. */
class PcapFileWriter {
  private readonly buf = Buffer.allocUnsafe(8 * MiB);
  private pos = 0;
  bytes = 0;
  packets = 0;
  payloadBytes = 0;
  private tsUsec = 0;
  private tsSec = 1_700_000_000;

  constructor(private readonly fd: number) {
    const h = Buffer.alloc(24);
    h.writeUInt32LE(0xa1b2c3d4, 0);
    h.writeUInt16LE(2, 4);
    h.writeUInt16LE(4, 6);
    h.writeUInt32LE(262144, 16);
    h.writeUInt32LE(1, 20);
    this.put(h);
  }

  private put(b: Uint8Array): void {
    if (this.pos + b.length > this.buf.length) this.flush();
    this.buf.set(b, this.pos);
    this.pos += b.length;
    this.bytes += b.length;
  }

  flush(): void {
    if (this.pos > 0) writeSync(this.fd, this.buf, 0, this.pos);
    this.pos = 0;
  }

  /** Builds one Ethernet/IPv4/TCP frame as a pcap record (checksums left 0). */
  record(srcIp: number, dstIp: number, srcPort: number, dstPort: number, seq: number, ack: number, flags: number, payload: Uint8Array): Uint8Array {
    const frameLen = 14 + 20 + 20 + payload.length;
    const r = new Uint8Array(16 + frameLen);
    const v = new DataView(r.buffer);
    this.tsUsec += 7;
    if (this.tsUsec >= 1_000_000) {
      this.tsUsec -= 1_000_000;
      this.tsSec++;
    }
    v.setUint32(0, this.tsSec, true);
    v.setUint32(4, this.tsUsec, true);
    v.setUint32(8, frameLen, true);
    v.setUint32(12, frameLen, true);
    let p = 16 + 12;
    v.setUint16(p, 0x0800);
    p += 2;
    v.setUint8(p, 0x45);
    v.setUint16(p + 2, 40 + payload.length);
    v.setUint8(p + 8, 64);
    v.setUint8(p + 9, 6);
    v.setUint32(p + 12, srcIp);
    v.setUint32(p + 16, dstIp);
    p += 20;
    v.setUint16(p, srcPort);
    v.setUint16(p + 2, dstPort);
    v.setUint32(p + 4, seq >>> 0);
    v.setUint32(p + 8, ack >>> 0);
    v.setUint8(p + 12, 5 << 4);
    v.setUint8(p + 13, flags);
    v.setUint16(p + 14, 65535);
    r.set(payload, p + 20);
    return r;
  }

  write(record: Uint8Array, payloadLength: number): void {
    this.put(record);
    this.packets++;
    this.payloadBytes += payloadLength;
  }
}

function generate(path: string, targetBytes: number, concurrent: number): { bytes: number; packets: number; payloadBytes: number; connections: number } {
  const rng = new Rng(12345);
  const pool = new Uint8Array(4096);
  for (let i = 0; i < pool.length; i++) pool[i] = (i * 131 + 17) & 0xff;
  const fd = openSync(path, 'w');
  const w = new PcapFileWriter(fd);
  let nextPort = 1024;
  let connections = 0;
  const open = (): Conn => {
    connections++;
    const c: Conn = {
      clientIp: 0x0a010000 + rng.int(1, 60000),
      clientPort: nextPort,
      seq: [rng.int(0, 0xffffffff), rng.int(0, 0xffffffff)],
      held: [null, null],
    };
    nextPort = nextPort >= 65000 ? 1024 : nextPort + 1;
    w.write(w.record(c.clientIp, SERVER_IP, c.clientPort, SERVER_PORT, c.seq[0], 0, 0x02, new Uint8Array(0)), 0);
    c.seq[0] = (c.seq[0] + 1) >>> 0;
    w.write(w.record(SERVER_IP, c.clientIp, SERVER_PORT, c.clientPort, c.seq[1], c.seq[0], 0x12, new Uint8Array(0)), 0);
    c.seq[1] = (c.seq[1] + 1) >>> 0;
    w.write(w.record(c.clientIp, SERVER_IP, c.clientPort, SERVER_PORT, c.seq[0], c.seq[1], 0x10, new Uint8Array(0)), 0);
    return c;
  };
  const endpoints = (c: Conn, dir: 0 | 1): [number, number, number, number] =>
    dir === 0 ? [c.clientIp, SERVER_IP, c.clientPort, SERVER_PORT] : [SERVER_IP, c.clientIp, SERVER_PORT, c.clientPort];
  const flushHeld = (c: Conn, dir: 0 | 1): void => {
    const h = c.held[dir];
    if (h !== null) {
      w.write(h, h.length - 16 - 54);
      c.held[dir] = null;
    }
  };
  const close = (c: Conn): void => {
    flushHeld(c, 0);
    flushHeld(c, 1);
    for (const dir of [0, 1] as const) {
      const [s, d, sp, dp] = endpoints(c, dir);
      w.write(w.record(s, d, sp, dp, c.seq[dir], c.seq[1 - dir], 0x11, new Uint8Array(0)), 0);
      c.seq[dir] = (c.seq[dir] + 1) >>> 0;
    }
    w.write(w.record(c.clientIp, SERVER_IP, c.clientPort, SERVER_PORT, c.seq[0], c.seq[1], 0x10, new Uint8Array(0)), 0);
  };
  const active: Conn[] = [];
  for (let i = 0; i < concurrent; i++) active.push(open());
  while (w.bytes < targetBytes) {
    const k = rng.int(0, active.length - 1);
    const c = active[k];
    const dir: 0 | 1 = rng.next() < 0.5 ? 0 : 1;
    const [s, d, sp, dp] = endpoints(c, dir);
    const roll = rng.next();
    if (roll < 0.15) {
      w.write(w.record(s, d, sp, dp, c.seq[dir], c.seq[1 - dir], 0x10, new Uint8Array(0)), 0);
    } else if (roll < 0.152) {
      close(c);
      active[k] = open();
    } else {
      const len = rng.int(100, 1400);
      const off = rng.int(0, pool.length - len);
      const rec = w.record(s, d, sp, dp, c.seq[dir], c.seq[1 - dir], 0x18, pool.subarray(off, off + len));
      c.seq[dir] = (c.seq[dir] + len) >>> 0;
      if (c.held[dir] === null && rng.next() < 0.02) {
        c.held[dir] = rec; // written after the next segment of this direction
      } else {
        w.write(rec, len);
        flushHeld(c, dir);
      }
    }
  }
  for (const c of active) close(c);
  w.flush();
  closeSync(fd);
  return { bytes: w.bytes, packets: w.packets, payloadBytes: w.payloadBytes, connections };
}

async function measurePipeline(path: string): Promise<{ seconds: number; delivered: number; gaps: number; events: number; peakRss: number; frames: number; diagnostics: number }> {
  let delivered = 0;
  let gaps = 0;
  let events = 0;
  let diagnostics = 0;
  let peakRss = process.memoryUsage().rss;
  const sink = (e: CaptureEvent): void => {
    events++;
    if (e.kind === 'data') delivered += e.bytes.length;
    else if (e.kind === 'gap') gaps += e.length;
    else if (e.kind === 'diagnostic') diagnostics++;
    if ((events & 0xffff) === 0) {
      const rss = process.memoryUsage().rss;
      if (rss > peakRss) peakRss = rss;
    }
  };
  const t0 = process.hrtime.bigint();
  const stats = await analyzeCapture(readFileChunks(path), sink);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { seconds, delivered, gaps, events, peakRss, frames: stats.frames, diagnostics };
}

async function measureReaderOnly(path: string): Promise<number> {
  let frames = 0;
  const reader = new CaptureFileReader({ onFrame: () => void frames++, onDiagnostic: () => undefined });
  const t0 = process.hrtime.bigint();
  for await (const chunk of readFileChunks(path)) reader.push(chunk as Uint8Array);
  reader.end();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

async function main(): Promise<void> {
  const sizeMiB = Number(process.argv[2] ?? 512);
  const concurrent = Number(process.argv[3] ?? 500);
  const path = join(tmpdir(), `ccxcti-bench-${process.pid}.pcap`);
  try {
    const tg = process.hrtime.bigint();
    const gen = generate(path, sizeMiB * MiB, concurrent);
    const genSeconds = Number(process.hrtime.bigint() - tg) / 1e9;
    const fileBytes = statSync(path).size;
    console.log(
      `generated ${(fileBytes / MiB).toFixed(0)} MiB, ${gen.packets} packets, ${gen.connections} connections (${concurrent} concurrent), ${(gen.payloadBytes / MiB).toFixed(0)} MiB payload in ${genSeconds.toFixed(1)} s`,
    );
    const readerSeconds = await measureReaderOnly(path);
    console.log(`reader only:         ${(fileBytes / 1e6 / readerSeconds).toFixed(0)} MB/s`);
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await measurePipeline(path));
    runs.sort((a, b) => a.seconds - b.seconds);
    const best = runs[0];
    const median = runs[1];
    const ok = best.delivered === gen.payloadBytes && best.gaps === 0 && best.diagnostics === 0 && best.frames === gen.packets;
    console.log(
      `reader+layers+reassembly: ${(fileBytes / 1e6 / best.seconds).toFixed(0)} MB/s best, ${(fileBytes / 1e6 / median.seconds).toFixed(0)} MB/s median; ` +
        `${(best.frames / best.seconds / 1e6).toFixed(2)} M packets/s; ${best.events} events`,
    );
    console.log(`peak RSS: ${(Math.max(...runs.map((r) => r.peakRss)) / MiB).toFixed(0)} MiB (process maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB)`);
    console.log(`check: delivered ${best.delivered} of ${gen.payloadBytes} payload bytes, gaps ${best.gaps}, diagnostics ${best.diagnostics}: ${ok ? 'OK' : 'MISMATCH'}`);
    if (!ok) process.exitCode = 1;
  } finally {
    if (process.env.KEEP_BENCH_FILE === undefined) rmSync(path, { force: true });
    else console.log(`kept ${path}`);
  }
}

void main();
