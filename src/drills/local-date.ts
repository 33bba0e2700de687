/**
 * Local calendar dates as `YYYY-MM-DD` strings: the form a zone-aware rule speaks in ("the drill of
 * 2026-03-02 in Kolkata"). A date has no zone: the zone only decides which date an instant falls on
 * (`localDateOf` in schedule.ts), so everything here is plain calendar arithmetic done in UTC.
 * `YYYY-MM-DD` compares correctly as a string, which the rules elsewhere rely on.
 */

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DAY_MS = 86_400_000;

/**
 * Dates already converted, both ways. A request asks about the same few dates (today, tomorrow, this week's
 * Monday) many times over, and a burst of requests asks about the same ones again: a profile of 6,000
 * subscribes spent 0.3 s formatting and parsing them. Bounded, as a long-running process meets new dates.
 */
const parsed = new Map<string, number>();
const formatted = new Map<number, string>();
const MAX_CACHED = 4_096;

/** Midnight UTC of a `YYYY-MM-DD` date, validating it is a real calendar date; RangeError otherwise. */
export function parseLocalDate(localDate: string): number {
  const known = parsed.get(localDate);
  if (known !== undefined) return known;
  const m = typeof localDate === 'string' ? LOCAL_DATE.exec(localDate) : null;
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(localDate)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC maps years 0..99 to 1900..1999 and rolls 02-30 over to 03-02; catch both.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Not a calendar date: ${JSON.stringify(localDate)}`);
  }
  if (parsed.size >= MAX_CACHED) parsed.clear();
  parsed.set(localDate, ms);
  return ms;
}

/** True for a real calendar date written `YYYY-MM-DD` (no throw). */
export function isLocalDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  try {
    parseLocalDate(text);
    return true;
  } catch {
    return false;
  }
}

export function formatDate(utcMidnightMs: number): string {
  const day = Math.floor(utcMidnightMs / DAY_MS);
  let date = formatted.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (formatted.size >= MAX_CACHED) formatted.clear();
    formatted.set(day, date);
  }
  return date;
}

export function addDays(localDate: string, days: number): string {
  return formatDate(parseLocalDate(localDate) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseLocalDate(to) - parseLocalDate(from)) / DAY_MS);
}

/** ISO weekday of a date: Monday 1 ... Sunday 7. */
export function isoWeekday(localDate: string): number {
  const day = new Date(parseLocalDate(localDate)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the (Monday-based) week holding `localDate`. */
export function mondayOf(localDate: string): string {
  return addDays(localDate, 1 - isoWeekday(localDate));
}
