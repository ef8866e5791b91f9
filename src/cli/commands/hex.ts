/** `ccxcti hex <HEX...>`: decode one message given as hex in any common shape. */
import { parseHexInput } from '../../hexinput/parse-hex.js';
import { decode } from '../../protocol/codec/decode.js';
import { diagnostic } from '../../protocol/codec/diagnostics.js';
import { jsonText } from '../../render/escape.js';
import { messageText } from '../../render/message-text.js';
import { openOutput, readAll, UsageError, type CliIo } from '../io.js';
import { formatOption, parseVersion, type FormatName } from '../options.js';

export interface HexOptions {
  readonly format?: string;
  readonly output?: string;
  readonly protocolVersion?: string;
  readonly showSecrets?: boolean;
}

export async function hexCommand(args: readonly string[], options: HexOptions, io: CliIo): Promise<number> {
  const text = args.length === 0 || (args.length === 1 && args[0] === '-') ? await readAll(io.stdin) : args.join(' ');
  const parsed = parseHexInput(text);
  if (!parsed.ok) throw new UsageError(`hex: ${parsed.error}`);
  const version = parseVersion(options.protocolVersion);
  const message = decode(parsed.input.bytes, {
    ...(version !== undefined ? { version } : {}),
    showSecrets: options.showSecrets === true,
    missing: parsed.input.missing,
  });
  message.diagnostics.unshift(...parsed.input.notes.map((note) => diagnostic('INPUT_NOTE', note.message, 0)));
  const out = openOutput(io, options.output);
  const format: FormatName = formatOption(options.format, ['text', 'json', 'ndjson'], out.terminal ? 'text' : 'json');
  if (format === 'text') out.write(`${messageText(message)}\n`);
  else if (format === 'json') out.write(`${jsonText(message, 2)}\n`);
  else out.write(`${jsonText(message)}\n`);
  await out.close();
  return message.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
