/**
 * The files of a ring-buffer capture among the inputs, told by their names — the names
 * dumpcap (`-b filesize:…`, `-b duration:…`) and editcap (`-c`, `-i`) give the files they
 * write:
 *
 *   <prefix>_<NNNNN>_<YYYYMMDDhhmmss><ext>   dumpcap's default, editcap -c / -i
 *   <prefix>_<YYYYMMDDhhmmss>_<NNNNN><ext>   dumpcap -b nametimenum:2
 *
 * (NNNNN: the file's number, five digits or more; <ext>: empty or from a dot on, `.gz`
 * included.) Two or more inputs in the same directory with the same pattern, prefix and
 * extension form one set, ordered by number; the numbers they skip are missing files.
 * Anything else — stdin, a name of another shape, a lone file, a group where one number comes
 * twice (two captures written under the same name) — stays an input of its own. Pure.
 */
import { basename, dirname } from 'node:path';

/** The numbering of one ring file, from its name. */
export interface RingName {
  /** What the files of one set share: directory, pattern, prefix and extension. */
  readonly key: string;
  /** The file's number as written (leading zeros kept). */
  readonly digits: string;
  readonly number: bigint;
}

/** Numbers absent between two files of a set (`first` to `last`, both included). */
export interface MissingFiles {
  /** Index (in `files`) of the file that follows the missing ones. */
  readonly before: number;
  readonly first: string;
  readonly last: string;
  readonly count: bigint;
}

export interface RingSet<T> {
  readonly kind: 'ring';
  /** Ordered by number. */
  readonly files: readonly T[];
  /** Each file's number as written. */
  readonly numbers: readonly string[];
  readonly missing: readonly MissingFiles[];
}

export interface SingleInput<T> {
  readonly kind: 'single';
  readonly input: T;
}

export type InputGroup<T> = RingSet<T> | SingleInput<T>;

const NUMBER_THEN_TIME = /^(.*)_(\d{5,})_(\d{14})((?:\.[^_]*)?)$/;
const TIME_THEN_NUMBER = /^(.*)_(\d{14})_(\d{5,})((?:\.[^_]*)?)$/;

/** The ring numbering a path's name follows, if any (never for stdin, `-`). */
export function ringName(path: string): RingName | undefined {
  if (path === '-') return undefined;
  const name = basename(path);
  const dir = dirname(path);
  let m = NUMBER_THEN_TIME.exec(name);
  if (m !== null) return { key: `${dir}\0number-time\0${m[1]}\0${m[4]}`, digits: m[2]!, number: BigInt(m[2]!) };
  m = TIME_THEN_NUMBER.exec(name);
  if (m !== null) return { key: `${dir}\0time-number\0${m[1]}\0${m[4]}`, digits: m[3]!, number: BigInt(m[3]!) };
  return undefined;
}

/** A number written as wide as its neighbour's (dumpcap pads to five digits, more when it must). */
function written(n: bigint, width: number): string {
  return n.toString().padStart(width, '0');
}

function ringSet<T>(members: ReadonlyArray<{ readonly input: T; readonly name: RingName }>): RingSet<T> | undefined {
  const sorted = [...members].sort((a, b) => (a.name.number < b.name.number ? -1 : a.name.number > b.name.number ? 1 : 0));
  const missing: MissingFiles[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!.name;
    const next = sorted[i]!.name;
    if (next.number === prev.number) return undefined; // the same number twice: not one ring buffer
    if (next.number - prev.number > 1n) {
      const width = prev.digits.length;
      missing.push({ before: i, first: written(prev.number + 1n, width), last: written(next.number - 1n, width), count: next.number - prev.number - 1n });
    }
  }
  return { kind: 'ring', files: sorted.map((m) => m.input), numbers: sorted.map((m) => m.name.digits), missing };
}

/**
 * Groups the inputs: ring sets and inputs of their own, in the order of the inputs (a set
 * where its first-given file was).
 */
export function groupRingSets<T>(inputs: readonly T[], pathOf: (input: T) => string): Array<InputGroup<T>> {
  const names = inputs.map((input) => ringName(pathOf(input)));
  const byKey = new Map<string, Array<{ input: T; name: RingName }>>();
  inputs.forEach((input, i) => {
    const name = names[i];
    if (name === undefined) return;
    let members = byKey.get(name.key);
    if (members === undefined) byKey.set(name.key, (members = []));
    members.push({ input, name });
  });
  const sets = new Map<string, RingSet<T>>();
  for (const [key, members] of byKey) {
    const set = members.length >= 2 ? ringSet(members) : undefined;
    if (set !== undefined) sets.set(key, set);
  }
  const out: Array<InputGroup<T>> = [];
  const placed = new Set<string>();
  inputs.forEach((input, i) => {
    const key = names[i]?.key;
    const set = key !== undefined ? sets.get(key) : undefined;
    if (set === undefined) out.push({ kind: 'single', input });
    else if (!placed.has(key!)) {
      placed.add(key!);
      out.push(set);
    }
  });
  return out;
}

/** What CAPTURE_RING_FILE_MISSING says. */
export function describeMissing(m: MissingFiles, after: string, before: string): string {
  const which = m.count === 1n ? `ring file number ${m.first} is` : `ring files numbered ${m.first} to ${m.last} (${m.count}) are`;
  return `${which} missing between ${after} and ${before}: what they held is lost (reported as TCP gaps)`;
}

/** What CAPTURE_RING_SET says. */
export function describeRingSet(count: number, first: string, last: string): string {
  return `${count} files read as one ring-buffer capture (TCP connections continue from one file into the next), from ${first} to ${last}`;
}
