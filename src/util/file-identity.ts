/**
 * Which file a path names, whatever the spelling (`./x`, a link, a file inside a directory
 * given): its device and inode. Read as bigints — an inode number may pass 2^53.
 */
import type { BigIntStats } from 'node:fs';

/** The file's identity, or undefined where the system gives no inode (0): then no two paths are the same file. */
export function fileIdentity(st: BigIntStats): string | undefined {
  return st.ino === 0n ? undefined : `${st.dev}:${st.ino}`;
}
