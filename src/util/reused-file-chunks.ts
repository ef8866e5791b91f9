/**
 * A regular file's content in chunks read into two buffers that are used again and again,
 * instead of a new buffer per chunk (what `fs.createReadStream` gives).
 *
 * A read stream allocates a fresh 1 MiB buffer for every MiB read; once decoded it is garbage
 * outside V8's heap, and V8 only frees it at its next full collection. On a 1 GB capture that
 * garbage was 20–40 MB of the peak RSS. Here the next chunk is read (ahead, while the consumer
 * works on the current one) into the other buffer, and the buffer of the chunk before is
 * read into again when the consumer asks for the one after.
 *
 * The contract: **a chunk is valid until the consumer asks for the next one.** A consumer
 * that keeps bytes beyond that must copy them. The capture layer does (its held segments,
 * partial records and partial messages are copies): every capture test feeds it through one
 * buffer overwritten after each push (test/support/cti-capture.ts). The MIVR log reader keeps
 * views of a chunk's last partial line, so logs are read through a read stream.
 */
import { open } from 'node:fs/promises';

export async function* reusedFileChunks(path: string, chunkBytes: number): AsyncGenerator<Uint8Array> {
  const file = await open(path, 'r');
  const buffers = [new Uint8Array(chunkBytes), new Uint8Array(chunkBytes)] as const;
  let k = 0;
  let pending: Promise<{ bytesRead: number }> | undefined = file.read(buffers[0], 0, chunkBytes, null);
  try {
    for (;;) {
      const { bytesRead } = await pending;
      pending = undefined;
      if (bytesRead === 0) return;
      const current = buffers[k];
      k ^= 1;
      pending = file.read(buffers[k], 0, chunkBytes, null);
      yield bytesRead === chunkBytes ? current : current.subarray(0, bytesRead);
    }
  } finally {
    // A read still under way (the consumer stopped early) ends before the file is closed.
    if (pending !== undefined) await pending.catch(() => undefined);
    await file.close();
  }
}
