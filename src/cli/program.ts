/**
 * The `ccxcti` command line (commander). `run()` returns the exit code instead of exiting,
 * so tests drive it in-process: 0 success, 1 findings / undecodable message, 2 usage error
 * or unreadable input (../shared/CONTRACT.md).
 */
import { Command, CommanderError, Option } from 'commander';
// Each command's module is loaded when that command runs: start-up loads only what it uses.
import { CHECK_HELP, collect } from './check-help.js';
import { DECODE_HELP } from './decode-help.js';
import type { CheckCommandOptions } from './commands/check.js';
import type { DecodeCommandOptions } from './commands/decode.js';
import type { HexOptions } from './commands/hex.js';
import type { MessagesOptions } from './commands/messages.js';
import { OutputError, UsageError, type CliIo } from './io.js';
import { addInputOptions } from './options.js';
import { packageVersion } from './package-info.js';
import { escapeForTerminal } from '../render/escape.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('ccxcti')
    .description('Cisco Unified CCX CTI protocol analyzer: decode captures and MIVR logs, check them against the developer guide')
    .version(packageVersion(), '-v, --version')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      // Commander's errors quote the arguments (a file name given by a glob can start with '-').
      writeErr: (s) => void io.stderr.write(s.split('\n').map(escapeForTerminal).join('\n')),
    });

  program
    .command('hex')
    .description('decode one message given as hex: 8-byte header + body (plain hex, 0x…, C arrays, xxd/hexdump, MIVR MHDR:/MDATA: dumps)')
    .argument('[hex...]', 'the bytes; read from stdin when absent or "-"')
    .addOption(new Option('--format <format>', 'output format (default: text on a terminal, json otherwise)').choices(['text', 'json', 'ndjson']))
    .option('-o, --output <file>', 'write there instead of stdout')
    .option('--protocol-version <n>', 'protocol version whose layouts to use (otherwise inferred)')
    .option('--show-secrets', 'print ClientPassword / AgentPassword instead of redacting them')
    .action(async (hex: string[], options: HexOptions) => {
      const { hexCommand } = await import('./commands/hex.js');
      exitCode = await hexCommand(hex, options, io);
    });

  const decode = program
    .command('decode')
    .description('decode every CTI message of captures (pcap, pcapng) and MIVR trace logs, gzip or not, as one timeline')
    .argument('<input...>', 'files, or - for stdin; the kind of each is detected from its content')
    .addOption(new Option('--format <format>', 'output format (default: text on a terminal, ndjson otherwise)').choices(['text', 'json', 'ndjson']))
    .option('-o, --output <file>', 'write there instead of stdout')
    .option('-Y, --filter <expr>', 'display filter: only the messages it matches (e.g. "call == 16777488 && !HEARTBEAT_REQ"; see --help)')
    .option('-c, --count <n>', 'stop after printing n messages')
    .option('-V, --verbose', 'text: each message with all its fields, labels and diagnostics (as tshark -V)');
  decode.addHelpText('after', DECODE_HELP);
  addInputOptions(decode, 'print ClientPassword / AgentPassword instead of redacting them').action(async (inputs: string[], options: DecodeCommandOptions) => {
    const { decodeCommand } = await import('./commands/decode.js');
    exitCode = await decodeCommand(inputs, options, io);
  });

  const check = program
    .command('check')
    .description('conformance report of captures and MIVR logs against the guide\'s rules (text, JSON, JUnit, SARIF, HTML)')
    .argument('[input...]', 'files, or - for stdin; the kind of each is detected from its content')
    .addOption(new Option('--format <format>', 'report format (default: text on a terminal, json otherwise; --list-rules: text)').choices(['text', 'json', 'junit', 'sarif', 'html']))
    .option('-o, --output <file>', 'write there instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1').choices(['error', 'warning', 'info']))
    .option('--rule <ID=level>', 'set a rule (or ID-prefix*) to off, error, warning or info (repeatable)', collect, [])
    .option('--disable <ID>', 'switch a rule (or ID-prefix*) off (repeatable)', collect, [])
    .option('--config <file>', 'JSON configuration of rules and failOn (default: ./.ccxcti.json when present)')
    .option('--list-rules', 'print the rule catalog: IDs, severities, guide references (with --format json: JSON)');
  addInputOptions(check, 'accepted for symmetry with decode; reports never print secrets')
    .addHelpText('after', CHECK_HELP)
    .action(async (inputs: string[], options: CheckCommandOptions) => {
      const { checkCommand } = await import('./commands/check.js');
      exitCode = await checkCommand(inputs, options, io);
    });

  program
    .command('messages')
    .description('list the message types, or describe one message type (name or ID) or constant table')
    .argument('[name]', 'a message type name or ID, or a constant table id (e.g. CallType)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write there instead of stdout')
    .option('--constants', 'list the constant tables')
    .option('--diagnostics', 'list the diagnostic codes the decoder can emit')
    .action(async (name: string | undefined, options: MessagesOptions) => {
      const { messagesCommand } = await import('./commands/messages.js');
      exitCode = await messagesCommand(name, options, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end in a CommanderError with exit code 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError || err instanceof OutputError) {
      // A message of several lines (a filter error and its caret line) keeps its lines.
      io.stderr.write(`ccxcti: ${err.message.split('\n').map(escapeForTerminal).join('\n')}\n`);
      return 2;
    }
    const e = err as NodeJS.ErrnoException;
    if (e && typeof e.code === 'string' && /^E(NOENT|ACCES|ISDIR|PERM|NOTDIR)$/.test(e.code)) {
      io.stderr.write(`ccxcti: ${escapeForTerminal(e.message)}\n`);
      return 2;
    }
    io.stderr.write(`ccxcti: internal error: ${(err instanceof Error ? (err.stack ?? err.message) : String(err)).split('\n').map(escapeForTerminal).join('\n')}\n`);
    return 3;
  }
}
