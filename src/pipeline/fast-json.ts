/**
 * JSON of timeline messages written straight into an output buffer (json-bytes.ts): the same
 * bytes as `JSON.stringify(timelineMessageJson(…))` (message-json.ts) encoded as UTF-8 —
 * test/pipeline/fast-json.test.ts checks it — without building the object nor the text.
 * Works for capture messages (source.frame) and log messages (source.line) alike.
 */
import type { DecodedMessage } from '../protocol/codec/decode.js';
import type { Instant } from '../timeline/instant.js';
import { instantToIso, isoRepresentable } from '../timeline/instant.js';
import type { TimelineMessage } from '../timeline/types.js';
import { civilParts } from '../util/civil-time.js';
import { fragment, GrowingByteSink, writeDigits, writeFragment, writeJsonNumber, writeJsonString, writeKnownString, type ByteSink, type Fragment } from './json-bytes.js';
import { keyRoot } from './json-keys.js';
import { writeJsonMembers, writeJsonObject, writeJsonValue } from './json-values.js';

/** `"name":` and `,"name":` of a member the timeline adds. */
function member(name: string): readonly [Fragment, Fragment] {
  return [fragment(`"${name}":`), fragment(`,"${name}":`)];
}

const INDEX = member('index');
const TS = member('ts');
const DIRECTION = member('direction');
const SESSION = member('session');
const VERSION = member('version');
const SOURCE = member('source');
/** The key sequences of decoded messages, and of sources; which string values come back. */
const MESSAGE_KEYS = keyRoot(['type', 'labels']);
const SOURCE_KEYS = keyRoot(['file']);

/**
 * A timeline message as CONTRACT.md prints it: the decoded message's members (in the order
 * the message object has them), then `index`, `ts`, `direction`, `session`, `version`, `source`.
 */
export function writeTimelineMessageJson(out: ByteSink, item: TimelineMessage, index: number | undefined): void {
  if (out.pos + 1 > out.buf.length) out.room(1);
  out.buf[out.pos++] = 0x7b;
  // 0 while no member is written yet (then without a comma), else 1.
  let c = writeJsonMembers(out, item.message as unknown as Readonly<Record<string, unknown>>, true, MESSAGE_KEYS) ? 0 : 1;
  if (index !== undefined) {
    writeFragment(out, INDEX[c]!);
    writeJsonNumber(out, index);
    c = 1;
  }
  if (item.at !== undefined && isoRepresentable(item.at)) {
    writeFragment(out, TS[c]!);
    writeIsoInstant(out, item.at);
    c = 1;
  }
  if (item.direction !== undefined) {
    writeFragment(out, DIRECTION[c]!);
    writeKnownString(out, item.direction);
    c = 1;
  }
  if (item.session !== undefined) {
    writeFragment(out, SESSION[c]!);
    writeKnownString(out, item.session);
    c = 1;
  }
  if (item.version !== undefined) {
    writeFragment(out, VERSION[c]!);
    writeJsonNumber(out, item.version);
    c = 1;
  }
  writeFragment(out, SOURCE[c]!);
  writeJsonObject(out, item.source as unknown as Readonly<Record<string, unknown>>, SOURCE_KEYS);
  if (out.pos + 1 > out.buf.length) out.room(1);
  out.buf[out.pos++] = 0x7d;
}

/** The second whose `"YYYY-MM-DDThh:mm:ss.` is kept (timelines are in time order). */
let isoSecond = Number.NaN;
let isoPrefix = fragment('');
const ISO_END = fragment('Z"');

/** `instantToIso(t)` as a JSON string, e.g. `"2015-11-20T14:43:59.435000Z"`. */
export function writeIsoInstant(out: ByteSink, t: Instant): void {
  const nsec = t.nsec;
  if (!(nsec >= 0 && nsec < 1e9 && nsec === Math.floor(nsec))) {
    writeJsonString(out, instantToIso(t)); // not a well-formed instant: as instantToIso prints it
    return;
  }
  if (t.sec !== isoSecond) {
    const { date, time } = civilParts(t.sec);
    isoSecond = t.sec;
    isoPrefix = fragment(`"${date}T${time}.`);
  }
  writeFragment(out, isoPrefix);
  // Nine fraction digits when the nanoseconds need them, six (microseconds) otherwise.
  if (nsec % 1000 === 0) writeDigits(out, nsec / 1000, 6);
  else writeDigits(out, nsec, 9);
  writeFragment(out, ISO_END);
}

const scratch = new GrowingByteSink(4096);

/** `JSON.stringify(timelineMessageJson(item, { index }))`, as text. */
export function timelineMessageJsonText(item: TimelineMessage, index: number | undefined): string {
  scratch.reset();
  writeTimelineMessageJson(scratch, item, index);
  return scratch.text();
}

/** `JSON.stringify(message)`, as text. */
export function messageJsonText(m: DecodedMessage): string {
  scratch.reset();
  writeJsonValue(scratch, m);
  return scratch.text();
}
