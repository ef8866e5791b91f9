/** `ccxcti decode <input...>`: every CTI message of captures and MIVR logs, as one timeline. */
import { zoneOffsetMinutes } from '../../mivr/timezones.js';
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
  if (options.tz !== undefined && zoneOffsetMinutes(options.tz) === undefined) {
    throw new UsageError(`--tz: unknown time zone "${options.tz}" (use an abbreviation such as EST or a numeric zone such as +0530)`);
  }
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
  const written = await writeTimeline(timeline.batches, () => timeline.sessions(), format, out.stream, io.stderr);
  if (written.outputError !== undefined) {
    // The reader went away (`ccxcti decode … | head`): a normal end. Any other failure is reported.
    if ((written.outputError as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    io.stderr.write(`ccxcti: cannot write the output: ${written.outputError.message}\n`);
    return 2;
  }
  await out.close();
  const unreadable = timeline.unreadable();
  for (const why of unreadable) io.stderr.write(`ccxcti: cannot read ${why}\n`);
  return unreadable.length > 0 ? 2 : 0;
}
