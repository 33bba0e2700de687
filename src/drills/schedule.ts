/**
 * When a subscription's next drill is due.
 *
 * Everything here works from the subscriber's IANA zone name (Slack's users.info `tz`), never from a
 * fixed UTC offset such as Slack's `tz_offset`: an offset is only true for the moment it was read, so a
 * drill stored as "09:00 at -05:00" would arrive at 10:00 local after New York moves to daylight time.
 * Asking the zone database for the offset in force at each instant keeps 09:00 local at 09:00 local all
 * year, including in zones whose offsets are not whole hours (Kolkata +5:30, Kathmandu +5:45) or whose
 * daylight shift is not an hour (Lord Howe, 30 minutes).
 *
 * Two kinds of local times need a rule, because the wall clock is not a one-to-one map onto instants:
 * - A time that does not exist that day (the clocks spring forward over it) is delivered at the first
 *   valid local minute after it, i.e. the instant of the change: New York 02:30 on 2026-03-08 -> 03:00 EDT.
 *   Skipping the day instead would silently drop a drill the user asked for.
 * - A time that happens twice (the clocks fall back over it) maps to its first occurrence, so the drill
 *   arrives once, at the first moment the wall clock shows the chosen time.
 *
 * Nothing here reads the clock: `now` is always passed in, so the rules are tested at any instant.
 */
import { IANAZone } from 'luxon';
import { type Days, isScheduledWeekday } from './days.ts';
import { addDays, DAY_MS, formatDate, parseLocalDate } from './local-date.ts';

export type { Days } from './days.ts';

export interface Schedule {
  /** IANA zone name, e.g. `America/New_York`. */
  zone: string;
  /** Local time of day in minutes after midnight, 0..1439. */
  minuteOfDay: number;
  /** `'daily'`, `'weekdays'` or a set of weekdays as a mask (see days.ts). */
  days: Days;
  /** A local date (`YYYY-MM-DD`) the user asked to skip. */
  skipDate?: string | null;
  /**
   * `/star pause`: no drill on any local date before this one; drills start again on it. A date already
   * past changes nothing, so a stored pause need not be cleared when it ends.
   */
  pausedUntil?: string | null;
  /**
   * `/star interview`: a drill every day (weekends too) up to and including this local date, then `days`
   * again. A pause still wins over it.
   */
  interviewDate?: string | null;
}

export interface Delivery {
  /** The local date (in the schedule's zone) this delivery stands for. */
  localDate: string;
  dueAt: Date;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/**
 * Real zone offsets lie within -12h..+14h, so the instant showing a given wall time lies within this
 * distance of "the wall time read as if it were UTC". The window holds at most one offset change for
 * every zone in the tz database, which is what the search below relies on.
 */
const SEARCH_MS = 15 * HOUR_MS;
/**
 * One drill day a week + a skipped day is 13 days ahead; a day missing from the calendar (Samoa 2011) one
 * more. A pause is jumped over rather than walked, so it never counts here.
 */
const MAX_DAYS_AHEAD = 21;

/** Checking a name builds an Intl formatter (~0.1 ms), and every function here needs the zone: cache. */
const zones = new Map<string, IANAZone | null>();

function lookUpZone(zone: string): IANAZone | null {
  let z = zones.get(zone);
  if (z === undefined) {
    // Offsets like "+05:30" are rejected by Intl on Node 20 but accepted by newer engines; they are not
    // zones (no daylight rules), so refuse them explicitly.
    z =
      typeof zone === 'string' && !/^[+-]/.test(zone) && IANAZone.isValidZone(zone)
        ? IANAZone.create(zone)
        : null;
    // Names come from Slack profiles, so the set is small, but keep a hostile caller from growing it.
    if (zones.size < 10_000) zones.set(zone, z);
  }
  return z;
}

export function isValidZone(zone: string): boolean {
  return lookUpZone(zone) !== null;
}

function zoneOf(zone: string): IANAZone {
  const z = lookUpZone(zone);
  if (!z) throw new RangeError(`Unknown time zone: ${JSON.stringify(zone)}`);
  return z;
}

/**
 * Offsets already computed, by zone and UTC minute. luxon asks Intl (formatToParts) for every offset, and a
 * fan-out asks the same few instants (today's and tomorrow's due times in each zone) thousands of times: a
 * profile of 10,000 drills spent 1.2 s there; a burst of subscribes asks "now", a new instant each time.
 * A minute is cached only when its first and last second have the same offset, so a cached offset is never
 * wrong: offsets change at most once a minute (in practice weeks apart at least), so equal ends mean no change
 * inside. A minute with a change in it (none since 1972: changes fall on whole minutes) is asked each time.
 */
const offsets = new Map<IANAZone, Map<number, number>>();
/** A minute whose offset changes inside it: not cacheable. */
const CHANGES = Number.NaN;

/** Offset of `zone` at instant `t`, in milliseconds (local = UTC + offset). */
function offsetMs(z: IANAZone, t: number): number {
  let byMinute = offsets.get(z);
  if (!byMinute) {
    byMinute = new Map();
    offsets.set(z, byMinute);
  }
  const minute = Math.floor(t / MINUTE_MS);
  let offset = byMinute.get(minute);
  if (offset === undefined) {
    const start = minute * MINUTE_MS;
    const first = exactOffsetMs(z, start);
    offset = first === exactOffsetMs(z, start + MINUTE_MS - 1) ? first : CHANGES;
    // Bounded: a long-running process keeps meeting new minutes.
    if (byMinute.size >= 1_000) byMinute.clear();
    byMinute.set(minute, offset);
  }
  return Number.isNaN(offset) ? exactOffsetMs(z, t) : offset;
}

function exactOffsetMs(z: IANAZone, t: number): number {
  return Math.round(z.offset(t) * MINUTE_MS);
}

export function localDateOf(zone: string, at: Date): string {
  const z = zoneOf(zone);
  const t = at.getTime();
  return formatDate(Math.floor((t + offsetMs(z, t)) / DAY_MS) * DAY_MS);
}

/** The wall clock in `zone` at `at`: its local date and minute of the day (seconds dropped). */
export function localWallOf(zone: string, at: Date): { localDate: string; minuteOfDay: number } {
  const z = zoneOf(zone);
  const t = at.getTime();
  const wall = t + offsetMs(z, t);
  const midnight = Math.floor(wall / DAY_MS) * DAY_MS;
  return { localDate: formatDate(midnight), minuteOfDay: Math.floor((wall - midnight) / MINUTE_MS) };
}

function assertMinuteOfDay(minuteOfDay: number): void {
  if (!Number.isInteger(minuteOfDay) || minuteOfDay < 0 || minuteOfDay > 1439) {
    throw new RangeError(`minuteOfDay must be an integer in 0..1439, got ${minuteOfDay}`);
  }
}

/**
 * The instant at which the wall clock in `zone` first shows `minuteOfDay` on `localDate`, or, if that
 * time is skipped by a forward change, the instant of the change (the first valid minute after it).
 */
export function dueInstant(zone: string, localDate: string, minuteOfDay: number): Date {
  const z = zoneOf(zone);
  assertMinuteOfDay(minuteOfDay);
  // The wall time read as if it were UTC; the real instant t satisfies t + offset(t) = wall.
  const wall = parseLocalDate(localDate) + minuteOfDay * MINUTE_MS;
  const before = offsetMs(z, wall - SEARCH_MS);
  const after = offsetMs(z, wall + SEARCH_MS);

  // Every instant showing this wall time uses one of the offsets in force around it. Trying each and
  // keeping those that are self-consistent finds one instant normally, two when the clocks fall back
  // over it (keep the earlier, the first occurrence), none when they spring forward over it.
  const candidates = [...new Set([before, after, offsetMs(z, wall)])]
    .map((offset) => wall - offset)
    .filter((t) => t + offsetMs(z, t) === wall);
  if (candidates.length > 0) return new Date(Math.min(...candidates));

  // In a gap, the local clock runs forward monotonically across the window (one change, forward), so
  // the first instant whose wall time reaches `wall` is the change itself: binary search for it.
  let lo = wall - SEARCH_MS; // shows a wall time before `wall`
  let hi = wall + SEARCH_MS; // shows a wall time after `wall`
  if (!(after > before)) throw new Error(`No instant for ${localDate} ${minuteOfDay} in ${zone}`);
  // Arbitrary instants, each asked once: exact offsets, not the per-minute cache (two lookups a new minute).
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid + exactOffsetMs(z, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/**
 * Whether the schedule has a drill on `localDate`, calendar-wise: not skipped, not paused, and one of its
 * days (any day up to an interview). The one rule the scheduler, `status` and the Home tab share.
 */
export function isDrillDate(
  s: Pick<Schedule, 'days' | 'skipDate' | 'pausedUntil' | 'interviewDate'>,
  localDate: string,
): boolean {
  if (s.skipDate != null && s.skipDate === localDate) return false;
  if (s.pausedUntil != null && localDate < s.pausedUntil) return false;
  if (s.interviewDate != null && localDate <= s.interviewDate) return true;
  // The weekday of a calendar date does not depend on the zone; the zone only decides which date it is.
  return isScheduledWeekday(s.days, localDate);
}

/**
 * The delivery for `localDate`, or null when that date has none: not a drill date (skipped, paused, not
 * one of the schedule's days), or a time that no instant of that date shows (a forward change pushing it
 * into the next date, as when Samoa dropped 2011-12-30 from its calendar): never two drills on one local
 * date.
 */
function deliveryOn(s: Schedule, localDate: string): Delivery | null {
  if (!isDrillDate(s, localDate)) return null;
  const dueAt = dueInstant(s.zone, localDate, s.minuteOfDay);
  if (localDateOf(s.zone, dueAt) !== localDate) return null;
  return { localDate, dueAt };
}

function firstFrom(s: Schedule, localDate: string, accept: (d: Delivery) => boolean): Delivery {
  parseLocalDate(localDate);
  // A pause of months is jumped, not walked day by day.
  let date = s.pausedUntil != null && s.pausedUntil > localDate ? s.pausedUntil : localDate;
  for (let i = 0; i < MAX_DAYS_AHEAD; i++, date = addDays(date, 1)) {
    const d = deliveryOn(s, date);
    if (d && accept(d)) return d;
  }
  throw new Error(`No delivery within ${MAX_DAYS_AHEAD} days of ${localDate} for ${JSON.stringify(s)}`);
}

/**
 * The earliest delivery from today on (in the schedule's zone) that is not already in the past. Used
 * when subscribing, changing the schedule or zone, or skipping: a drill due earlier today is not sent
 * late for a schedule that did not exist at its time.
 */
export function firstDeliveryAtOrAfter(s: Schedule, now: Date): Delivery {
  return firstFrom(s, localDateOf(s.zone, now), (d) => d.dueAt.getTime() >= now.getTime());
}

/** The first delivery whose local date is after `localDate`; used after delivering (or skipping) it. */
export function nextDeliveryAfterDate(s: Schedule, localDate: string): Delivery {
  return firstFrom(s, addDays(localDate, 1), () => true);
}

/**
 * True when the local date in `zone` at `now` is after the delivery's date: that day passed entirely
 * while the bot was down, and a drill for yesterday is noise, so it is not delivered late. A delivery
 * that is merely late on its own date (down at 09:00, back at 11:00) is still delivered.
 */
export function isDeliveryStale(d: { localDate: string }, zone: string, now: Date): boolean {
  // YYYY-MM-DD compares correctly as a string.
  return localDateOf(zone, now) > d.localDate;
}

export interface TickPlan {
  /** The delivery to send now, if any. */
  deliver: Delivery | null;
  /** What to store as the subscription's next delivery afterwards. */
  next: Delivery;
  /** Local dates that passed entirely without a delivery (for the logs). */
  missed: string[];
}

/**
 * What one scheduler tick does with a subscription whose stored next delivery is `stored`: passes over
 * days missed entirely, delivers the current day's drill (late if need be) once, and says what to store
 * next. Walking day by day with `nextDeliveryAfterDate` (rather than recomputing from `now`) is what
 * lets a drill due at 09:00 still go out at 11:00 when the bot was down in between.
 */
export function planTick(s: Schedule, stored: Delivery, now: Date): TickPlan {
  const missed: string[] = [];
  let candidate = stored;
  if (candidate.dueAt.getTime() > now.getTime()) return { deliver: null, next: candidate, missed };
  while (isDeliveryStale(candidate, s.zone, now)) {
    missed.push(candidate.localDate);
    candidate = nextDeliveryAfterDate(s, candidate.localDate);
  }
  if (candidate.dueAt.getTime() > now.getTime()) return { deliver: null, next: candidate, missed };
  return { deliver: candidate, next: nextDeliveryAfterDate(s, candidate.localDate), missed };
}
