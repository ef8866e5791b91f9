/** Files on disk as MIVR inputs (streamed with large reads; mtime from the file system). */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { MivrInput } from './types.js';

const READ_CHUNK = 1024 * 1024;

/** A byte stream of a file. */
export function fileChunks(path: string): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark: READ_CHUNK });
}

/** One input per path; `name` is the path as given unless `useBaseName`. */
export async function mivrFileInputs(paths: readonly string[], useBaseName = false): Promise<MivrInput[]> {
  return Promise.all(
    paths.map(async (path) => {
      const st = await stat(path);
      return { name: useBaseName ? basename(path) : path, mtime: st.mtime, open: () => fileChunks(path) };
    }),
  );
}
