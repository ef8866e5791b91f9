/**
 * The logs' sets → one set per server. The logs of one directory are one server's rotated set
 * (open-timeline.ts `logSets`), but the same server's logs may come twice, collected into two
 * directories (MIVR05–MIVR10 in one, MIVR08–MIVR12 in the other). Sets of which a file of one
 * starts with the same record as a file of the other — the same header line: sequence number,
 * time, facility, level, mnemonic and text — are one server's, and are read as one set, so the
 * records they share meet and are read once (mivr/set-merge.ts). Another server numbers its own
 * records: its sets share no first record with these, stay apart, and are merged with them by
 * time as sources of their own.
 */
import { peekMivrInputs, type PeekedMivrInput } from '../../mivr/rotated.js';
import type { OpenedInput } from '../open-input.js';
import { toMivrInputs } from './log-inputs.js';

/** A server's logs: the inputs, and when several sets were given, the same as MIVR inputs, peeked. */
export interface ServerLogSet {
  readonly inputs: readonly OpenedInput[];
  readonly peeked?: readonly PeekedMivrInput[];
}

/** The sets, those sharing a first record joined (in the order first given). */
export async function serverLogSets(sets: readonly (readonly OpenedInput[])[], tzOverride: number | undefined): Promise<ServerLogSet[]> {
  if (sets.length < 2) return sets.map((inputs) => ({ inputs }));
  const peeked: PeekedMivrInput[][] = [];
  for (const inputs of sets) peeked.push(await peekMivrInputs(toMivrInputs(inputs, true), tzOverride));
  // Union-find over the sets; a group's root is its first set.
  const root = sets.map((_, i) => i);
  const find = (i: number): number => {
    while (root[i] !== i) i = root[i] = root[root[i]!]!;
    return i;
  };
  const setOfHeader = new Map<string, number>();
  peeked.forEach((files, i) => {
    for (const { first } of files) {
      if (first === undefined) continue;
      const other = setOfHeader.get(first.header);
      if (other === undefined) setOfHeader.set(first.header, i);
      else {
        const [a, b] = [find(i), find(other)];
        if (a !== b) root[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  const groups = new Map<number, { inputs: OpenedInput[]; peeked: PeekedMivrInput[] }>();
  sets.forEach((inputs, i) => {
    const key = find(i);
    const group = groups.get(key) ?? { inputs: [], peeked: [] };
    group.inputs.push(...inputs);
    group.peeked.push(...peeked[i]!);
    groups.set(key, group);
  });
  return [...groups.values()];
}
