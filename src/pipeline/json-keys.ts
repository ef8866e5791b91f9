/**
 * Object keys as JSON bytes, found without hashing. Keys repeat from message to message (field
 * names, label paths) in the same order for objects of the same kind: they are kept in a trie
 * of the key sequences seen — a node is a key after the keys before it in its object (and the
 * path to that object) — and each node remembers the key that followed it last time, so most
 * keys are found by comparing one string, then copied already encoded.
 */
import { jsonText } from '../render/escape.js';
import { fragment, type Fragment } from './json-bytes.js';

/** A key, encoded: `"key":` and `,"key":`. */
export interface EncodedKey {
  readonly bare: Fragment;
  readonly lead: Fragment;
}

/** A member's key where it comes in its object (see the file comment). */
export interface KeyNode {
  readonly key: EncodedKey;
  /** The members whose string values come back (see keyRoot), for the nodes after this one. */
  readonly space: KeySpace;
  nextKey: string | undefined;
  next: KeyNode | undefined;
  /** Every key that followed this one. */
  successors: Map<string, KeyNode> | undefined;
  /** The start of the members of this member's value (an object, or the objects of an array). */
  inner: KeyNode | undefined;
  /** Whether string values of this member are looked up in the cache of known strings, and how that went. */
  reuse: boolean;
  hits: number;
  misses: number;
}

interface KeySpace {
  /** Every member's string values are looked up in the known strings (the members of such a member's object). */
  readonly all: boolean;
  readonly keys: ReadonlySet<string>;
}

const NO_REUSE: KeySpace = { all: false, keys: new Set() };
const REUSE_ALL: KeySpace = { all: true, keys: new Set() };

function keyNode(key: string, space: KeySpace): KeyNode {
  const reuse = space.all || space.keys.has(key);
  return { key: encodedKey(key), space, nextKey: undefined, next: undefined, successors: undefined, inner: undefined, reuse, hits: 0, misses: 0 };
}

const encodedKeys = new Map<string, EncodedKey>();
/** Bounds of the caches (beyond: keys are encoded each time, sequences not remembered). */
const MAX_ENCODED_KEYS = 20_000;
const MAX_KEY_NODES = 100_000;
let keyNodes = 0;

/** How much the caches hold (to test their bounds). */
export function keyCacheSizes(): { encodedKeys: number; keyNodes: number } {
  return { encodedKeys: encodedKeys.size, keyNodes };
}

function encodedKey(key: string): EncodedKey {
  let e = encodedKeys.get(key);
  if (e === undefined) {
    const json = `${jsonText(key)}:`;
    e = { bare: fragment(json), lead: fragment(`,${json}`) };
    if (encodedKeys.size < MAX_ENCODED_KEYS) encodedKeys.set(key, e);
  }
  return e;
}

/**
 * A new start of key sequences, for the members of a kind of object. `reuseKeys`: members whose
 * string values come back (a message's type name, a source's file name), or whose object's
 * string values do (a message's labels: enum names): those are looked up in the known strings
 * (json-bytes.ts writeKnownString) rather than copied a character at a time.
 */
export function keyRoot(reuseKeys: Iterable<string> = []): KeyNode {
  const keys = new Set(reuseKeys);
  return keyNode('', keys.size > 0 ? { all: false, keys } : NO_REUSE);
}

/** Where the keys of objects start when the caller keeps no trie of its own. */
export const ROOT = keyRoot();

/** The node of `key` after `prev` (found or added), remembered as what followed `prev`. */
export function successor(prev: KeyNode, key: string): KeyNode {
  let node = prev.successors?.get(key);
  if (node === undefined) {
    node = keyNode(key, prev.space);
    if (keyNodes >= MAX_KEY_NODES) return node; // not remembered
    keyNodes++;
    (prev.successors ??= new Map()).set(key, node);
  }
  prev.nextKey = key;
  prev.next = node;
  return node;
}

/** Where the members of the value of the member at `node` start. */
export function innerRoot(node: KeyNode): KeyNode {
  if (node.inner === undefined) {
    const root = keyNode('', node.reuse ? REUSE_ALL : NO_REUSE);
    if (keyNodes >= MAX_KEY_NODES) return root;
    keyNodes++;
    node.inner = root;
  }
  return node.inner;
}
