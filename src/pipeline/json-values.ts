/**
 * Any value as JSON bytes (json-bytes.ts): exactly the UTF-8 of JSON.stringify's text
 * (test/pipeline/json-bytes.test.ts). Plain data — object literals, arrays, strings, numbers,
 * booleans, null — is written here; toJSON methods (a Date's) are called as JSON.stringify
 * calls them; a class instance or a boxed primitive is written as JSON.stringify would.
 * Object keys are found in a trie of the key sequences seen (json-keys.ts).
 */
import { fragment, know, knownString, writeFragment, writeJsonNumber, writeJsonString, writeText, type ByteSink } from './json-bytes.js';
import { innerRoot, successor, ROOT, type KeyNode } from './json-keys.js';

const NULL = fragment('null');
const TRUE = fragment('true');
const FALSE = fragment('false');

/**
 * Any JSON value, as JSON.stringify(v) writes it (see the file comment for what is written by
 * hand). When v has no JSON text (undefined, a function, a symbol), null is written, as in an
 * array; a bigint throws, as it does in JSON.stringify.
 */
export function writeJsonValue(out: ByteSink, v: unknown, at: KeyNode = ROOT): void {
  if (typeof v === 'string') writeJsonString(out, v);
  else if (typeof v === 'number') writeJsonNumber(out, v);
  else writeOtherValue(out, hasToJSON(v) ? callToJSON(v, '') : v, at);
}

/** Whether JSON.stringify would call v.toJSON (objects and bigints only; never for plain data). */
function hasToJSON(v: unknown): v is { toJSON(key: string): unknown } {
  return ((typeof v === 'object' && v !== null) || typeof v === 'bigint') && typeof (v as { toJSON?: unknown }).toJSON === 'function';
}

/** JSON.stringify calls it with the member's key (an array index as a string, '' at the top). */
function callToJSON(v: { toJSON(key: string): unknown }, key: string): unknown {
  return v.toJSON(key);
}

/**
 * A value other than a string or a number, toJSON already applied; `at`: the member it is the
 * value of (where the keys of an object value start).
 */
function writeOtherValue(out: ByteSink, v: unknown, at: KeyNode): void {
  switch (typeof v) {
    case 'string':
      writeJsonString(out, v);
      return;
    case 'number':
      writeJsonNumber(out, v);
      return;
    case 'boolean':
      writeFragment(out, v ? TRUE : FALSE);
      return;
    case 'object':
      if (v === null) writeFragment(out, NULL);
      else if (Array.isArray(v)) writeJsonArray(out, v, at);
      else if (isPlain(v)) writeJsonObject(out, v as Readonly<Record<string, unknown>>, innerRoot(at));
      else writeOtherObject(out, v, at);
      return;
    case 'bigint':
      writeText(out, JSON.stringify(v)); // throws: "Do not know how to serialize a BigInt"
      return;
    default:
      writeFragment(out, NULL);
  }
}

/**
 * A class instance (a Date whose toJSON gave it, a Map…) or a boxed primitive: as JSON.stringify
 * writes it — its toJSON, if any, is not called again.
 */
function writeOtherObject(out: ByteSink, v: object, at: KeyNode): void {
  if (v instanceof Number) writeJsonNumber(out, Number(v));
  else if (v instanceof String) writeJsonString(out, String(v));
  else if (v instanceof Boolean) writeFragment(out, v.valueOf() ? TRUE : FALSE);
  else if (v instanceof BigInt) writeText(out, JSON.stringify(v.valueOf())); // throws
  else {
    // Its own enumerable keys, in their order (for…in would add inherited ones).
    const own = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(v)) own[key] = (v as Record<string, unknown>)[key];
    writeJsonObject(out, own, innerRoot(at));
  }
}

/** An object literal or one without prototype: its members are its own enumerable keys (for…in). */
function isPlain(o: object): boolean {
  const proto: unknown = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
}

function writeJsonArray(out: ByteSink, a: readonly unknown[], at: KeyNode): void {
  if (out.pos + 2 > out.buf.length) out.room(2);
  out.buf[out.pos++] = 0x5b;
  for (let i = 0; i < a.length; i++) {
    if (i > 0) {
      if (out.pos + 1 > out.buf.length) out.room(1);
      out.buf[out.pos++] = 0x2c;
    }
    const e = a[i];
    if (typeof e === 'string') writeMemberString(out, e, at);
    else if (typeof e === 'number') writeJsonNumber(out, e);
    // undefined, functions and symbols are null in an array (writeOtherValue's default).
    else writeOtherValue(out, hasToJSON(e) ? callToJSON(e, String(i)) : e, at);
  }
  if (out.pos + 1 > out.buf.length) out.room(1);
  out.buf[out.pos++] = 0x5d;
}

/** `{…}` of a plain object (`start`: see writeJsonMembers). */
export function writeJsonObject(out: ByteSink, o: Readonly<Record<string, unknown>>, start: KeyNode = ROOT): void {
  if (out.pos + 1 > out.buf.length) out.room(1);
  out.buf[out.pos++] = 0x7b;
  writeJsonMembers(out, o, true, start);
  if (out.pos + 1 > out.buf.length) out.room(1);
  out.buf[out.pos++] = 0x7d;
}

/** A string value of the member at `node`: from the known strings while its values keep coming back there. */
function writeMemberString(out: ByteSink, s: string, node: KeyNode): void {
  if (node.reuse) {
    const f = knownString(s);
    if (f !== undefined) {
      node.hits++;
      writeFragment(out, f);
      return;
    }
    // Values that mostly differ (call IDs, times…) are not worth caching here.
    if (++node.misses >= 32 && node.misses > node.hits) node.reuse = false;
    else {
      writeFragment(out, know(s));
      return;
    }
  }
  writeJsonString(out, s);
}

/**
 * The members of a plain object, in JSON.stringify's order (that of for…in), without braces:
 * each preceded by a comma unless `first` and none was written yet. Returns whether none was
 * written (still first). `start`: the key sequences this kind of object had (see KeyNode).
 */
export function writeJsonMembers(out: ByteSink, o: Readonly<Record<string, unknown>>, first: boolean, start: KeyNode = ROOT): boolean {
  let prev = start;
  for (const key in o) {
    let value = o[key];
    let type = typeof value;
    if ((type === 'object' || type === 'bigint') && hasToJSON(value)) {
      value = callToJSON(value, key);
      type = typeof value;
    }
    // Members JSON.stringify leaves out.
    if (type === 'undefined' || type === 'function' || type === 'symbol') continue;
    const node = prev.nextKey === key && prev.next !== undefined ? prev.next : successor(prev, key);
    prev = node;
    writeFragment(out, first ? node.key.bare : node.key.lead);
    first = false;
    if (type === 'string') writeMemberString(out, value as string, node);
    else if (type === 'number') writeJsonNumber(out, value as number);
    else writeOtherValue(out, value, node);
  }
  return first;
}

