/** `ccxcti decode <input...>`: every CTI message of captures and MIVR logs, as one timeline. */
import { openTimeline, UnreadableInputError } from '../../pipeline/open-timeline.js';
import { writeTimeline } from '../../pipeline/timeline-writer.js';
import { openOutput, UsageError, type CliIo } from '../io.js';
import { formatOption, parseVersion } from '../options.js';

export interface DecodeCommandOptions {
  readonly format?: string;
  readonly output?: string;
  readonly port?: number[];
  readonly protocolVersion?: string;
  readonly showSecrets?: boolean;
  readonly year?: string;
  readonly tz?: string;
}

export async function decodeCommand(inputs: readonly string[], options: DecodeCommandOptions, io: CliIo): Promise<number> {
  if (inputs.length === 0) throw new UsageError('decode: give at least one input (a capture, a MIVR log, or - for stdin)');
  const version = parseVersion(options.protocolVersion);
  const year = options.year === undefined ? undefined : Number(options.year);
  if (year !== undefined && (!Number.isInteger(year) || year < 1970 || year > 9999)) throw new UsageError('--year takes a four-digit year');
  let timeline;
  try {
    timeline = await openTimeline(
      inputs,
      {
        ports: options.port && options.port.length > 0 ? options.port : [42027],
        ...(version !== undefined ? { protocolVersion: version } : {}),
        showSecrets: options.showSecrets === true,
        ...(year !== undefined ? { year } : {}),
        ...(options.tz !== undefined ? { tz: options.tz } : {}),
      },
      io.stdin,
    );
  } catch (err) {
    if (err instanceof UnreadableInputError) {
      io.stderr.write(`ccxcti: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const out = openOutput(io, options.output);
  const format = formatOption(options.format, ['text', 'json', 'ndjson'], out.terminal ? 'text' : 'ndjson');
  await writeTimeline(timeline.batches, () => timeline.sessions(), format, out.stream, io.stderr);
  await out.close();
  return 0;
}
