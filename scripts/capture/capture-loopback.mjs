#!/usr/bin/env node
/**
 * Makes a real capture of a scripted TCP conversation on the loopback interface.
 *
 *   node scripts/capture/capture-loopback.mjs --script conv.json --out conv.pcapng [-F pcap]
 *        [--port N] [--interface lo] [--timeout-ms 30000] [-b packets:N ...]
 *
 * It starts a tiny TCP server on 127.0.0.1, starts dumpcap (or `tshark -w` when dumpcap is
 * missing) on the loopback interface with the capture filter `tcp port N`, connects a client,
 * plays the script, closes the connection, stops the capture and leaves the file at --out
 * (pcapng by default; `-F pcap` for classic pcap). A JSON summary goes to stdout.
 *
 * With `-b SPEC` (repeatable; dumpcap's ring-buffer options, e.g. `-b packets:61`) the capture
 * is written as a ring-buffer set: dumpcap names the files `<stem>_<NNNNN>_<YYYYMMDDhhmmss><ext>`
 * after --out (which itself is not written), and the summary lists them in number order
 * (`files`: name and size). Files of that name already in --out's directory are an error.
 *
 * Script (JSON):
 *   {
 *     "port": 42027,                      // optional; default: a free port (or --port)
 *     "chunks": [
 *       { "from": "client", "hex": "0000000c00000003", "delayMs": 10, "noDelay": true },
 *       { "from": "server", "hex": "…" }
 *     ],
 *     "closeFirst": "client"              // optional: who sends the first FIN (default client)
 *   }
 * `from` is "client" or "server" (or `dir`: 0 = client→server, 1 = server→client). Each chunk
 * is written in one write() after `delayMs`, on a socket whose Nagle algorithm is off when
 * `noDelay` is true (default: on, i.e. Node's default). The next chunk is sent only once the
 * peer has received every byte sent so far, so the byte order of the conversation is exactly
 * the script's (segmentation is the kernel's).
 *
 * Several connections in one capture (each chunk names its connection by index; a connection
 * is opened at its first chunk, all are closed at the end in order; connections may share a
 * server port — one listener per distinct port — and the capture filter covers every port):
 *   {
 *     "connections": [ { "port": 42027 }, { "port": 42027, "closeFirst": "server" }, { "port": 12028 } ],
 *     "chunks": [ { "conn": 0, "from": "client", "hex": "…" }, { "conn": 2, "from": "server", "hex": "…" } ]
 *   }
 * A connection's port defaults to the first connection's (which defaults as above). The
 * summary then also lists, per connection, its ports and byte counts.
 *
 * Needs the right to capture (root, or dumpcap with its capabilities). Exit code 0 on
 * success, 2 on a bad command line or script, 1 on any other failure.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import { basename, dirname, extname, join } from 'node:path';
import process from 'node:process';

function usage(message) {
  if (message) process.stderr.write(`capture-loopback: ${message}\n`);
  process.stderr.write('usage: capture-loopback.mjs --script FILE.json --out FILE [-F pcap|pcapng] [--port N] [--interface lo] [--timeout-ms MS] [-b SPEC ...]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const args = { format: 'pcapng', iface: 'lo', timeoutMs: 30000, port: undefined, script: undefined, out: undefined, ring: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--script') args.script = value();
    else if (a === '--out' || a === '-w') args.out = value();
    else if (a === '-F' || a === '--format') args.format = value();
    else if (a === '--port') args.port = Number(value());
    else if (a === '--interface' || a === '-i') args.iface = value();
    else if (a === '--timeout-ms') args.timeoutMs = Number(value());
    else if (a === '-b' || a === '--ring-buffer') {
      const spec = value();
      if (!/^[a-z]+:\d+$/.test(spec)) usage(`-b wants KEY:VALUE (e.g. packets:61), not ${spec}`);
      args.ring.push(spec);
    }
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  if (!args.script || !args.out) usage('--script and --out are required');
  if (args.format !== 'pcap' && args.format !== 'pcapng') usage('-F must be pcap or pcapng');
  return args;
}

function loadScript(path) {
  let script;
  try {
    script = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    usage(`cannot read script ${path}: ${e.message}`);
  }
  if (!script || !Array.isArray(script.chunks)) usage('script must be an object with a "chunks" array');
  const multi = Array.isArray(script.connections);
  const connections = multi
    ? script.connections.map((c, i) => {
        if (!c || typeof c !== 'object') usage(`connection ${i} must be an object`);
        if (c.port !== undefined && !(Number.isInteger(c.port) && c.port > 0 && c.port < 65536)) usage(`connection ${i}: bad port`);
        return { port: c.port, closeFirst: c.closeFirst === 'server' ? 1 : 0 };
      })
    : [{ port: script.port, closeFirst: script.closeFirst === 'server' ? 1 : 0 }];
  if (connections.length === 0) usage('"connections" must not be empty');
  const chunks = script.chunks.map((c, i) => {
    const dir = c.from === 'client' ? 0 : c.from === 'server' ? 1 : c.dir;
    if (dir !== 0 && dir !== 1) usage(`chunk ${i}: "from" must be "client" or "server" (or dir 0/1)`);
    if (typeof c.hex !== 'string' || !/^([0-9a-fA-F]{2}|\s)*$/.test(c.hex)) usage(`chunk ${i}: "hex" must be hex pairs`);
    const conn = multi ? Number(c.conn ?? 0) : 0;
    if (!Number.isInteger(conn) || conn < 0 || conn >= connections.length) usage(`chunk ${i}: "conn" must be a connection index`);
    const bytes = Buffer.from(c.hex.replace(/\s+/g, ''), 'hex');
    return { conn, dir, bytes, delayMs: Number(c.delayMs ?? 0), noDelay: c.noDelay === true };
  });
  return { multi, connections, chunks };
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The ring-buffer files dumpcap writes for `-w out -b …`: `<stem>_<NNNNN>_<YYYYMMDDhhmmss><ext>`, in number order. */
function ringFiles(out) {
  const dir = dirname(out);
  const ext = extname(out);
  const stem = basename(out, ext);
  const escape = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${escape(stem)}_(\\d{5,})_\\d{14}${escape(ext)}$`);
  let names = [];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, m: pattern.exec(name) }))
    .filter((x) => x.m !== null)
    .sort((x, y) => Number(x.m[1]) - Number(y.m[1]))
    .map((x) => join(dir, x.name));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    }),
  ]);
}

/** Starts the capture; resolves once the capturer says it is capturing. */
async function startCapture(args, ports) {
  const filter = [...new Set(ports)].map((p) => `tcp port ${p}`).join(' or ');
  const dumpcap = which('dumpcap');
  const tshark = which('tshark');
  let cmd;
  let argv;
  if (dumpcap) {
    cmd = dumpcap;
    argv = ['-i', args.iface, '-f', filter, '-w', args.out];
    if (args.format === 'pcap') argv.push('-P');
    for (const spec of args.ring) argv.push('-b', spec);
  } else if (tshark) {
    cmd = tshark;
    argv = ['-i', args.iface, '-f', filter, '-w', args.out, '-F', args.format];
    for (const spec of args.ring) argv.push('-b', spec);
  } else {
    throw new Error('neither dumpcap nor tshark is installed');
  }
  const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise((resolve, reject) => {
    child.stderr.on('data', (d) => {
      stderr += d.toString();
      if (/Capturing on/i.test(stderr)) resolve();
    });
    child.on('error', reject);
    exited.then(({ code }) => reject(new Error(`${cmd} exited (${code}) before capturing: ${stderr.trim()}`)));
  });
  await withTimeout(ready, 10000, `${cmd} to start`);
  // "Capturing on" is printed once the capture is open; give the kernel filter a moment.
  await sleep(200);
  return {
    tool: cmd,
    async stop() {
      await sleep(300); // let the last packets reach the capture
      child.kill('SIGINT');
      const { code, signal } = await withTimeout(exited, 10000, `${cmd} to stop`);
      if (code !== 0 && signal !== 'SIGINT') throw new Error(`${cmd} failed (${code ?? signal}): ${stderr.trim()}`);
    },
    kill() {
      child.kill('SIGKILL');
    },
  };
}

/** Counts bytes received on a socket; `waitFor(n)` resolves once n bytes have arrived. */
function receiver(socket) {
  let received = 0;
  const waiters = [];
  const received_ = [];
  socket.on('data', (d) => {
    received += d.length;
    received_.push(d);
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (received >= waiters[i].n) {
        waiters[i].resolve();
        waiters.splice(i, 1);
      }
    }
  });
  return {
    get bytes() {
      return Buffer.concat(received_);
    },
    waitFor(n) {
      if (received >= n) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ n, resolve }));
    },
  };
}

/** Opens connection `i`: connects to its listener, waits for the accept. */
async function openConnection(listener) {
  const serverSide = new Promise((resolve, reject) => listener.pending.push({ resolve, reject }));
  const client = net.connect({ host: '127.0.0.1', port: listener.port });
  await withTimeout(new Promise((resolve, reject) => client.once('connect', resolve).once('error', reject)), 5000, 'the connection');
  const server = await withTimeout(serverSide, 5000, 'the server to accept');
  const sockets = [client, server];
  return { sockets, receivers: [receiver(server), receiver(client)], sent: [0, 0], clientPort: client.localPort }; // receivers[dir] reads what dir sends
}

async function playConversation(listeners, script) {
  const open = script.connections.map(() => null);
  for (const chunk of script.chunks) {
    if (chunk.delayMs > 0) await sleep(chunk.delayMs);
    if (open[chunk.conn] === null) open[chunk.conn] = await openConnection(listeners[chunk.conn]);
    const c = open[chunk.conn];
    const s = c.sockets[chunk.dir];
    s.setNoDelay(chunk.noDelay);
    s.write(chunk.bytes);
    c.sent[chunk.dir] += chunk.bytes.length;
    await withTimeout(c.receivers[chunk.dir].waitFor(c.sent[chunk.dir]), 10000, 'the peer to receive a chunk');
  }
  const results = [];
  for (let i = 0; i < open.length; i++) {
    const c = open[i] ?? (await openConnection(listeners[i]));
    const closed = c.sockets.map((s) => new Promise((resolve) => s.once('close', resolve)));
    const closeFirst = script.connections[i].closeFirst;
    const first = c.sockets[closeFirst];
    const second = c.sockets[1 - closeFirst];
    second.once('end', () => second.end());
    first.end();
    await withTimeout(Promise.all(closed), 10000, 'the connection to close');
    results.push({ sent: c.sent, received: [c.receivers[0].bytes.length, c.receivers[1].bytes.length], clientPort: c.clientPort });
  }
  return results;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const script = loadScript(args.script);
  // One listener per distinct wanted port (0: a free port, for the first connection only).
  const byPort = new Map();
  const servers = [];
  const listen = async (wanted) => {
    if (wanted !== 0 && byPort.has(wanted)) return byPort.get(wanted);
    const listener = { port: 0, pending: [], server: null };
    listener.server = net.createServer((socket) => {
      const p = listener.pending.shift();
      if (p) p.resolve(socket);
    });
    servers.push(listener.server);
    await new Promise((resolve, reject) => listener.server.once('error', reject).listen(wanted, '127.0.0.1', resolve));
    listener.port = listener.server.address().port;
    byPort.set(listener.port, listener);
    return listener;
  };
  const listeners = [];
  const firstPort = args.port ?? script.connections[0].port ?? 0;
  listeners.push(await listen(firstPort));
  for (const c of script.connections.slice(1)) listeners.push(await listen(c.port ?? listeners[0].port));
  const port = listeners[0].port;
  if (args.ring.length > 0 && ringFiles(args.out).length > 0) throw new Error(`${dirname(args.out)} already holds ring files named after ${basename(args.out)}: remove them first`);
  let capture = null;
  try {
    capture = await startCapture(args, listeners.map((l) => l.port));
    const results = await playConversation(listeners, script);
    await capture.stop();
    capture = null;
    const files = args.ring.length > 0 ? ringFiles(args.out) : [args.out];
    if (files.length === 0 || !files.every((f) => existsSync(f))) throw new Error(`the capture file ${args.out} was not written`);
    const summary = {
      file: args.out,
      format: args.format,
      port,
      clientToServerBytes: results[0].sent[0],
      serverToClientBytes: results[0].sent[1],
      fileBytes: files.reduce((sum, f) => sum + statSync(f).size, 0),
      ...(args.ring.length > 0 ? { files: files.map((f) => ({ file: f, bytes: statSync(f).size })) } : {}),
      ...(script.multi
        ? { connections: results.map((r, i) => ({ port: listeners[i].port, clientPort: r.clientPort, clientToServerBytes: r.sent[0], serverToClientBytes: r.sent[1] })) }
        : {}),
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    if (capture) capture.kill();
    for (const s of servers) s.close();
  }
}

main().catch((e) => {
  process.stderr.write(`capture-loopback: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
