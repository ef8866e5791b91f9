/** The command line's streams, injectable so commands can be tested without a process. */
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';

export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: Readable;
  /** Whether stdout is a terminal (text is then the default format). */
  readonly stdoutIsTTY: boolean;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, stdoutIsTTY: process.stdout.isTTY === true };
}

/** Where a command writes: stdout, or the file of `-o`. */
export interface Output {
  readonly stream: Writable;
  /** True when the output is a terminal. */
  readonly terminal: boolean;
  write(text: string): void;
  close(): Promise<void>;
}

export function openOutput(io: CliIo, file: string | undefined): Output {
  if (file === undefined || file === '-') {
    return {
      stream: io.stdout,
      terminal: io.stdoutIsTTY,
      write: (text) => void io.stdout.write(text),
      close: async () => {},
    };
  }
  const stream: WriteStream = createWriteStream(file);
  return {
    stream,
    terminal: false,
    write: (text) => void stream.write(text),
    // `end`'s callback is also called with the error of a file that could not be opened or
    // written (Node 15+): passing `resolve` itself took that for success (exit 0, no report).
    close: () =>
      new Promise<void>((resolve, reject) => {
        const failed = (err: Error): void => reject(new OutputError(`cannot write the output: ${err.message}`));
        stream.once('error', failed);
        stream.end((err?: Error | null) => (err ? failed(err) : resolve()));
      }),
  };
}

export async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The output file (`-o`) could not be opened or written: exit code 2 with the message on stderr. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

/** A usage error: exit code 2 with the message on stderr. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
