/**
 * Per-facility record counts without building a string per record: facilities are looked up
 * by the hash the header scanner computed, and the bytes are compared with the stored name.
 */
import { asciiField, sameBytes } from './text-decode.js';

export interface FacilityEntry {
  readonly name: string;
  /** Whether records of this facility are emitted. */
  readonly keep: boolean;
  count: number;
}

/**
 * Facilities counted, besides those asked for by name: records of further ones (a damaged or
 * hostile log) are not counted.
 */
export const MAX_FACILITIES = 1024;
/** Nor are facilities with longer names (real ones are a word or two). */
export const MAX_FACILITY_NAME = 64;

export class FacilityTable {
  private readonly byHash = new Map<number, FacilityEntry>();
  private readonly byName = new Map<string, FacilityEntry>();

  constructor(
    private readonly keep: (facility: string) => boolean,
    /** Facilities always counted (those asked for by name). */
    private readonly always: (facility: string) => boolean = () => false,
  ) {}

  lookup(b: Buffer, s: number, e: number, hash: number): FacilityEntry {
    const hit = this.byHash.get(hash);
    if (hit && sameBytes(hit.name, b, s, e)) return hit;
    const name = asciiField(b, s, e);
    let entry = this.byName.get(name);
    if (!entry) {
      entry = { name, keep: this.keep(name), count: 0 };
      if ((this.byName.size >= MAX_FACILITIES || name.length > MAX_FACILITY_NAME) && !this.always(name)) return entry; // not remembered, not counted
      this.byName.set(name, entry);
      if (!hit) this.byHash.set(hash, entry);
    }
    return entry;
  }

  /** Facility → records counted so far. */
  counts(into: Map<string, number>): void {
    for (const [name, entry] of this.byName) into.set(name, entry.count);
  }
}
