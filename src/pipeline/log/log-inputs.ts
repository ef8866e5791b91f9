/**
 * Opened inputs (already decompressed) → MIVR inputs. A rotated set is ordered by the first
 * record of each file, so with several files (or several sets: log/server-sets.ts) each is
 * opened twice: first to peek at its head, then to read it. A regular file is simply opened
 * again (between the two, nothing of it stays open or buffered, however many files the set
 * has); from stdin or a pipe the head read by the peek is kept and replayed, so it is read only
 * once.
 */
import type { MivrInput } from '../../mivr/index.js';
import type { OpenedInput } from '../open-input.js';

/** A stream whose first reading may stop early: what it read is replayed to the second. */
class ReplayableStream {
  private readonly it: AsyncIterator<Uint8Array>;
  private readonly head: Uint8Array[] = [];
  private opened = 0;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.it = source[Symbol.asyncIterator]();
  }

  open(): AsyncIterable<Uint8Array> {
    this.opened++;
    if (this.opened === 1) return this.peeking();
    if (this.opened === 2) return this.replaying();
    throw new Error('a log input can be read only once after its peek');
  }

  /** Records what it hands out; stopping early leaves the source open. */
  private peeking(): AsyncIterable<Uint8Array> {
    const it = this.it;
    const head = this.head;
    return {
      [Symbol.asyncIterator]: (): AsyncIterator<Uint8Array> => ({
        next: async (): Promise<IteratorResult<Uint8Array>> => {
          const r = await it.next();
          if (!r.done) head.push(r.value);
          return r;
        },
        return: async (): Promise<IteratorResult<Uint8Array>> => ({ done: true, value: undefined }),
      }),
    };
  }

  private async *replaying(): AsyncGenerator<Uint8Array> {
    while (this.head.length > 0) yield this.head.shift()!;
    for (;;) {
      const r = await this.it.next();
      if (r.done) return;
      yield r.value;
    }
  }
}

/**
 * The logs of a set as MIVR inputs. `peeked`: each will be peeked at before it is read (so
 * opened twice); by default when there are several (a single file is opened once: no peek, no
 * replay).
 */
export function toMivrInputs(inputs: readonly OpenedInput[], peeked = inputs.length > 1): MivrInput[] {
  return inputs.map((input) => {
    const base = { name: input.name, ...(input.mtime !== undefined ? { mtime: input.mtime } : {}) };
    if (input.rereadable) return { ...base, open: () => input.chunks };
    if (!peeked) {
      let used = false;
      return {
        ...base,
        open: (): AsyncIterable<Uint8Array> => {
          if (used) throw new Error(`${input.name} can be read only once`);
          used = true;
          return input.chunks;
        },
      };
    }
    const stream = new ReplayableStream(input.chunks);
    return { ...base, open: () => stream.open() };
  });
}
