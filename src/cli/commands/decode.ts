/** `ccxcti decode <input...>`: every CTI message of captures and MIVR logs, as one timeline. */
import { openCommandTimeline, refuseOutputOverInput } from '../inputs.js';
import { FilterError } from '../../filter/filter-syntax.js';
import { compileFilter, describeFilterError } from '../../filter/message-filter.js';
import { writeTimeline, type TimelineSelection } from '../../pipeline/timeline-writer.js';
import { openOutput, OutputError, UsageError, type CliIo } from '../io.js';
import { formatOption, sourceOptions, type InputCommandOptions } from '../options.js';
import { escapeForTerminal } from '../../render/escape.js';

export interface DecodeCommandOptions extends InputCommandOptions {
  readonly format?: string;
  readonly output?: string;
  readonly filter?: string;
  readonly count?: string;
  readonly verbose?: boolean;
}

/** `-Y EXPR` and `-c N` as a selection; a usage error (the expression, a caret) if malformed. */
function selectionOf(options: DecodeCommandOptions): TimelineSelection {
  let count: number | undefined;
  if (options.count !== undefined) {
    count = Number(options.count);
    if (!/^\s*\d+\s*$/.test(options.count) || count < 1) throw new UsageError(`--count takes a whole number of messages, 1 or more (not ${JSON.stringify(options.count)})`);
  }
  if (options.filter === undefined) return count !== undefined ? { count } : {};
  try {
    const filter = compileFilter(options.filter);
    return count !== undefined ? { filter, count } : { filter };
  } catch (err) {
    if (err instanceof FilterError) throw new UsageError(`--filter: ${describeFilterError(options.filter, err)}`);
    throw err;
  }
}

export async function decodeCommand(inputs: readonly string[], options: DecodeCommandOptions, io: CliIo): Promise<number> {
  if (inputs.length === 0) throw new UsageError('decode: give at least one input (a capture, a MIVR log, or - for stdin)');
  const selection = selectionOf(options);
  if (options.verbose === true && options.format !== undefined && options.format !== 'text') {
    throw new UsageError(`--verbose (-V) shows messages as text; --format ${options.format} already gives every field`);
  }
  const source = sourceOptions(options);
  const timeline = await openCommandTimeline(inputs, source, io);
  if (timeline === 2) return 2;
  refuseOutputOverInput(options.output, timeline.inputs.map((i) => i.name));
  const out = openOutput(io, options.output);
  // -V is a text layout: it makes text the default even when piped.
  const format = formatOption(options.format, ['text', 'json', 'ndjson'], out.terminal || options.verbose === true ? 'text' : 'ndjson');
  const live = timeline.inputs.some((i) => !i.rereadable);
  const written = await writeTimeline(timeline.batches, () => timeline.sessions(), format, out.stream, io.stderr, { ...selection, live, verbose: options.verbose === true });
  if (written.outputError !== undefined) {
    // The reader went away (`ccxcti decode … | head`): a normal end. Any other failure is reported.
    if ((written.outputError as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    // Exit 2, its message (which names the -o path) escaped by program.ts as every error is.
    throw new OutputError(`cannot write the output: ${written.outputError.message}`);
  }
  await out.close();
  const unreadable = timeline.unreadable();
  for (const why of unreadable) io.stderr.write(`ccxcti: cannot read ${escapeForTerminal(why)}\n`);
  return unreadable.length > 0 ? 2 : 0;
}
