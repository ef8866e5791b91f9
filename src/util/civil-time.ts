/**
 * Calendar date and time of a count of seconds since 1970-01-01 UTC (H. Hinnant's
 * days-to-civil algorithm), without a Date object.
 */
export interface CivilTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export function civilTime(seconds: number): CivilTime {
  const days = Math.floor(seconds / 86400);
  const rest = seconds - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return {
    year: yoe + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: doy - Math.floor((153 * mp + 2) / 5) + 1,
    hour: Math.floor(rest / 3600),
    minute: Math.floor((rest % 3600) / 60),
    second: rest % 60,
  };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` and `hh:mm:ss`. */
export function civilParts(seconds: number): { readonly date: string; readonly time: string } {
  const c = civilTime(seconds);
  return { date: `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`, time: `${pad(c.hour, 2)}:${pad(c.minute, 2)}:${pad(c.second, 2)}` };
}
