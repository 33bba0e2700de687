/**
 * The days of the week a subscription drills on.
 *
 * `Days` is one of the two named presets, `'daily'` and `'weekdays'` (what every schedule stored before
 * day sets existed, and still the common choices), or any non-empty set of weekdays as a 7-bit mask:
 * bit 0 is Monday ... bit 6 is Sunday (ISO weekday - 1), so Mon/Wed/Fri is 0b0010101 = 21 and the masks
 * run 1..127. A mask fits a `smallint` column with `CHECK (days_mask BETWEEN 1 AND 127)`.
 *
 * One set has one canonical `Days`: `daysFromMask` turns 127 into `'daily'` and 31 into `'weekdays'`, so
 * comparing or logging canonical values never shows two spellings of one schedule. Every function here
 * also accepts a non-canonical mask (127 works wherever `'daily'` does).
 */
import { isoWeekday } from './local-date.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** A day of the week by its three-letter name, Monday first (ISO order). */
export type Weekday = (typeof WEEKDAYS)[number];

/** A non-empty set of weekdays, bit (ISO weekday - 1) set for each day: 1..127. */
export type DayMask = number;
export type Days = 'daily' | 'weekdays' | DayMask;

export const DAILY_MASK = 0b1111111;
export const WEEKDAYS_MASK = 0b0011111;
export const WEEKENDS_MASK = 0b1100000;

export const WEEKDAY_SHORT: Readonly<Record<Weekday, string>> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

export const WEEKDAY_LONG: Readonly<Record<Weekday, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export function isDayMask(value: unknown): value is DayMask {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= DAILY_MASK;
}

/** The mask of any `Days`; RangeError for anything else (0, 128, 2.5, 'weekends', ...). */
export function maskOfDays(days: Days): DayMask {
  if (days === 'daily') return DAILY_MASK;
  if (days === 'weekdays') return WEEKDAYS_MASK;
  if (isDayMask(days)) return days;
  throw new RangeError(`Not a set of days: ${JSON.stringify(days)}`);
}

/** The canonical `Days` of a mask (127 -> 'daily', 31 -> 'weekdays'); RangeError outside 1..127. */
export function daysFromMask(mask: number): Days {
  if (!isDayMask(mask)) throw new RangeError(`Not a day mask (1..127): ${JSON.stringify(mask)}`);
  if (mask === DAILY_MASK) return 'daily';
  if (mask === WEEKDAYS_MASK) return 'weekdays';
  return mask;
}

/** The canonical `Days` of some weekdays (repeats ignored); RangeError when there are none. */
export function daysOf(weekdays: Iterable<Weekday>): Days {
  let mask = 0;
  for (const day of weekdays) {
    const i = WEEKDAYS.indexOf(day);
    if (i < 0) throw new RangeError(`Not a weekday: ${JSON.stringify(day)}`);
    mask |= 1 << i;
  }
  return daysFromMask(mask);
}

/** The weekdays of a `Days`, Monday first. */
export function weekdaysOf(days: Days): Weekday[] {
  const mask = maskOfDays(days);
  return WEEKDAYS.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** Whether `localDate`'s weekday is one of `days`. The weekday of a calendar date does not depend on the zone. */
export function isScheduledWeekday(days: Days, localDate: string): boolean {
  return (maskOfDays(days) & (1 << (isoWeekday(localDate) - 1))) !== 0;
}

/** "every day", "weekdays", "weekends", "Mondays" (one day), "Mon, Wed, Fri". */
export function labelOfDays(days: Days): string {
  const mask = maskOfDays(days);
  if (mask === DAILY_MASK) return 'every day';
  if (mask === WEEKDAYS_MASK) return 'weekdays';
  if (mask === WEEKENDS_MASK) return 'weekends';
  const list = weekdaysOf(mask);
  if (list.length === 1) return `${WEEKDAY_LONG[list[0] as Weekday]}s`;
  return list.map((d) => WEEKDAY_SHORT[d]).join(', ');
}
