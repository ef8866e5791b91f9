#!/usr/bin/env node
/**
 * Makes a real capture of a scripted TCP conversation on the loopback interface.
 *
 *   node scripts/capture/capture-loopback.mjs --script conv.json --out conv.pcapng [-F pcap]
 *        [--port N] [--interface lo] [--timeout-ms 30000]
 *
 * It starts a tiny TCP server on 127.0.0.1, starts dumpcap (or `tshark -w` when dumpcap is
 * missing) on the loopback interface with the capture filter `tcp port N`, connects a client,
 * plays the script, closes the connection, stops the capture and leaves the file at --out
 * (pcapng by default; `-F pcap` for classic pcap). A JSON summary goes to stdout.
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
 * Needs the right to capture (root, or dumpcap with its capabilities). Exit code 0 on
 * success, 2 on a bad command line or script, 1 on any other failure.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import process from 'node:process';

function usage(message) {
  if (message) process.stderr.write(`capture-loopback: ${message}\n`);
  process.stderr.write('usage: capture-loopback.mjs --script FILE.json --out FILE [-F pcap|pcapng] [--port N] [--interface lo] [--timeout-ms MS]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const args = { format: 'pcapng', iface: 'lo', timeoutMs: 30000, port: undefined, script: undefined, out: undefined };
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
  const chunks = script.chunks.map((c, i) => {
    const dir = c.from === 'client' ? 0 : c.from === 'server' ? 1 : c.dir;
    if (dir !== 0 && dir !== 1) usage(`chunk ${i}: "from" must be "client" or "server" (or dir 0/1)`);
    if (typeof c.hex !== 'string' || !/^([0-9a-fA-F]{2}|\s)*$/.test(c.hex)) usage(`chunk ${i}: "hex" must be hex pairs`);
    const bytes = Buffer.from(c.hex.replace(/\s+/g, ''), 'hex');
    return { dir, bytes, delayMs: Number(c.delayMs ?? 0), noDelay: c.noDelay === true };
  });
  return { port: script.port, chunks, closeFirst: script.closeFirst === 'server' ? 1 : 0 };
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
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
async function startCapture(args, port) {
  const filter = `tcp port ${port}`;
  const dumpcap = which('dumpcap');
  const tshark = which('tshark');
  let cmd;
  let argv;
  if (dumpcap) {
    cmd = dumpcap;
    argv = ['-i', args.iface, '-f', filter, '-w', args.out];
    if (args.format === 'pcap') argv.push('-P');
  } else if (tshark) {
    cmd = tshark;
    argv = ['-i', args.iface, '-f', filter, '-w', args.out, '-F', args.format];
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

async function playConversation(port, script) {
  const serverSide = new Promise((resolve, reject) => {
    pendingServer.resolve = resolve;
    pendingServer.reject = reject;
  });
  const client = net.connect({ host: '127.0.0.1', port });
  await withTimeout(new Promise((resolve, reject) => client.once('connect', resolve).once('error', reject)), 5000, 'the connection');
  const server = await withTimeout(serverSide, 5000, 'the server to accept');
  const sockets = [client, server];
  const receivers = [receiver(server), receiver(client)]; // receivers[dir] reads what dir sends
  const sent = [0, 0];
  for (const chunk of script.chunks) {
    if (chunk.delayMs > 0) await sleep(chunk.delayMs);
    const s = sockets[chunk.dir];
    s.setNoDelay(chunk.noDelay);
    s.write(chunk.bytes);
    sent[chunk.dir] += chunk.bytes.length;
    await withTimeout(receivers[chunk.dir].waitFor(sent[chunk.dir]), 10000, 'the peer to receive a chunk');
  }
  const closed = sockets.map((s) => new Promise((resolve) => s.once('close', resolve)));
  const first = sockets[script.closeFirst];
  const second = sockets[1 - script.closeFirst];
  second.once('end', () => second.end());
  first.end();
  await withTimeout(Promise.all(closed), 10000, 'the connection to close');
  return { sent, received: [receivers[0].bytes.length, receivers[1].bytes.length] };
}

const pendingServer = { resolve: null, reject: null };

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const script = loadScript(args.script);
  const server = net.createServer((socket) => {
    if (pendingServer.resolve) pendingServer.resolve(socket);
    pendingServer.resolve = null;
  });
  const wantedPort = args.port ?? script.port ?? 0;
  await new Promise((resolve, reject) => server.once('error', reject).listen(wantedPort, '127.0.0.1', resolve));
  const port = server.address().port;
  let capture = null;
  try {
    capture = await startCapture(args, port);
    const result = await playConversation(port, script);
    await capture.stop();
    capture = null;
    if (!existsSync(args.out)) throw new Error(`the capture file ${args.out} was not written`);
    process.stdout.write(
      `${JSON.stringify({ file: args.out, format: args.format, port, clientToServerBytes: result.sent[0], serverToClientBytes: result.sent[1], fileBytes: statSync(args.out).size })}\n`,
    );
  } finally {
    if (capture) capture.kill();
    server.close();
  }
}

main().catch((e) => {
  process.stderr.write(`capture-loopback: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
