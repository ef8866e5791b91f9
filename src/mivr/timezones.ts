/**
 * Zone abbreviations and numeric zones as MIVR (Java `SimpleDateFormat` `z`) writes them.
 *
 * Ambiguous abbreviations get the reading most likely on a Unified CCX server:
 * - `IST` = India Standard Time (+05:30), not Irish Summer Time (+01:00) nor Israel (+02:00):
 *   Java's `IST` is Asia/Kolkata, and Irish/Israeli servers print `IST` far less often than
 *   Indian ones (Ireland writes `GMT`/`IST` only in summer). Use the `tz` option otherwise.
 * - `CST` = US Central Standard Time (-06:00), not China (+08:00) nor Cuba.
 * - `BST` = British Summer Time (+01:00), not Bangladesh (+06:00).
 * - `AST` = Atlantic Standard Time (-04:00), not Arabia (+03:00).
 */

const ZONES: ReadonlyMap<string, number> = new Map<string, number>([
  ['UTC', 0],
  ['UT', 0],
  ['GMT', 0],
  ['Z', 0],
  // North America
  ['EST', -300],
  ['EDT', -240],
  ['CST', -360],
  ['CDT', -300],
  ['MST', -420],
  ['MDT', -360],
  ['PST', -480],
  ['PDT', -420],
  ['AKST', -540],
  ['AKDT', -480],
  ['HST', -600],
  ['HDT', -540],
  ['AST', -240],
  ['ADT', -180],
  ['NST', -210],
  ['NDT', -150],
  // South America
  ['BRT', -180],
  ['ART', -180],
  // Europe / Africa
  ['WET', 0],
  ['WEST', 60],
  ['BST', 60],
  ['CET', 60],
  ['CEST', 120],
  ['MET', 60],
  ['MEST', 120],
  ['EET', 120],
  ['EEST', 180],
  ['MSK', 180],
  ['SAST', 120],
  // Asia / Pacific
  ['GST', 240],
  ['PKT', 300],
  ['IST', 330],
  ['NPT', 345],
  ['ICT', 420],
  ['WIB', 420],
  ['SGT', 480],
  ['HKT', 480],
  ['PHT', 480],
  ['AWST', 480],
  ['JST', 540],
  ['KST', 540],
  ['ACST', 570],
  ['ACDT', 630],
  ['AEST', 600],
  ['AEDT', 660],
  ['NZST', 720],
  ['NZDT', 780],
]);

/** `+0530`, `+05:30`, `-8`, optionally after `GMT` / `UTC` / `UT`. */
const NUMERIC = /^(?:GMT|UTC|UT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/**
 * Minutes east of UTC for a zone as written, or undefined when it is not known.
 * Abbreviations are matched case-insensitively.
 */
export function zoneOffsetMinutes(zone: string): number | undefined {
  const z = zone.trim();
  const named = ZONES.get(z.toUpperCase());
  if (named !== undefined) return named;
  const m = NUMERIC.exec(z);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (hours > 14 || minutes > 59) return undefined;
  const total = hours * 60 + minutes;
  return m[1] === '-' ? -total : total;
}

/** The offset of a `tz` option; a usage error (RangeError) when it is not a known zone. */
export function parseTzOption(tz: string): number {
  const offset = zoneOffsetMinutes(tz);
  if (offset === undefined) throw new RangeError(`unknown time zone "${tz}" (use an abbreviation such as EST or a numeric zone such as +0530)`);
  return offset;
}

/** The abbreviations known (documentation, `--help`). */
export function knownZoneAbbreviations(): string[] {
  return [...ZONES.keys()];
}
