/**
 * The practice streak: consecutive drill days, in the user's zone, on which the user answered a drill.
 *
 * A drill day is a day the schedule had a drill: one of its days (every day during an interview
 * countdown), not paused, not skipped. A day that is not a drill day neither counts nor breaks: a weekend
 * on a weekdays schedule, a paused week, a skipped day. An answer given on such a day does not add to the
 * streak either (it is "drill days answered in a row", so the number cannot be padded by weekend extras).
 * Without a subscription every day is a drill day, so on-demand practice builds a plain day streak.
 *
 * Today, while not yet answered, does not break the current streak: the day is not over. A scheduled
 * drill's answer counts on the local date the drill was scheduled for, whenever it was given: "today's
 * drill is done" means the drill of today's date was answered, not that some older one was answered today.
 * Any other answer counts on its local date, taken in the user's zone now (a user who moved zones keeps
 * dates in the new zone).
 */
import type { Days } from '../drills/days.ts';
import { isScheduledWeekday } from '../drills/days.ts';
import { addDays } from '../drills/local-date.ts';
import { type DateRange, inRanges } from '../drills/pause.ts';
import { localDateOf } from '../drills/schedule.ts';

/** Which local dates had a drill, over the user's history. */
export interface DrillCalendar {
  /** The schedule's days now; null when not subscribed (then every day is a drill day). */
  days: Days | null;
  /**
   * Earlier schedules, when they are recorded: each entry's `days` applied on the dates before its `until`
   * (and from the previous entry's `until`). Record `{ until: <date of the change>, days: <the old days> }`
   * when a schedule changes. Without it, `days` applies to the whole history.
   */
  earlier?: readonly { until: string; days: Days | null }[];
  /** Pauses (from the day of `/star pause` until the date drills start again) and skips (one-day ranges). */
  paused?: readonly DateRange[];
  /** Interview countdowns: every day from `from` (the day it was set) through `date` is a drill day. */
  interviews?: readonly { from: string; date: string }[];
}

/** Whether `localDate` had (or has) a drill: pause and skip first, then an interview, then the days. */
export function isDrillDay(calendar: DrillCalendar, localDate: string): boolean {
  if (calendar.paused && inRanges(calendar.paused, localDate)) return false;
  if (calendar.interviews?.some((i) => i.from <= localDate && localDate <= i.date)) return true;
  const days = daysOn(calendar, localDate);
  return days === null || isScheduledWeekday(days, localDate);
}

function daysOn(calendar: DrillCalendar, localDate: string): Days | null {
  let best: { until: string; days: Days | null } | undefined;
  for (const e of calendar.earlier ?? []) {
    if (localDate < e.until && (best === undefined || e.until < best.until)) best = e;
  }
  return best ? best.days : calendar.days;
}

export interface Streak {
  /** Drill days answered in a row up to today (or yesterday, while today is not yet answered). */
  current: number;
  /** The longest such run ever, at least `current`. */
  longest: number;
  /** Today: answered; a drill day not yet answered (answer to keep the streak); or not a drill day. */
  today: 'answered' | 'due' | 'off';
}

export interface StreakInput {
  /** The user's IANA zone: it decides which local date each answer and `now` fall on. */
  zone: string;
  /** When each answer to a drill asked for was given (any order; answers after `now` are ignored). */
  answeredAt: readonly Date[];
  /** Answers to scheduled drills: each counts on its drill's local date (answers after `now` are ignored). */
  scheduledAnswers?: readonly { at: Date; localDate: string }[];
  calendar: DrillCalendar;
  now: Date;
}

export function streak({ zone, answeredAt, scheduledAnswers = [], calendar, now }: StreakInput): Streak {
  const today = localDateOf(zone, now);
  const answered = new Set<string>();
  for (const at of answeredAt) {
    if (at.getTime() <= now.getTime()) answered.add(localDateOf(zone, at));
  }
  for (const { at, localDate } of scheduledAnswers) {
    if (at.getTime() <= now.getTime() && localDate <= today) answered.add(localDate);
  }
  const todayIsDrillDay = isDrillDay(calendar, today);
  const todayState: Streak['today'] = !todayIsDrillDay ? 'off' : answered.has(today) ? 'answered' : 'due';
  if (answered.size === 0) return { current: 0, longest: 0, today: todayState };

  let run = 0;
  let longest = 0;
  // From the first answer: nothing before it can count, and a miss before it breaks nothing.
  for (let date = [...answered].sort()[0] as string; date <= today; date = addDays(date, 1)) {
    if (!isDrillDay(calendar, date)) continue;
    if (answered.has(date)) {
      run += 1;
      if (run > longest) longest = run;
    } else if (date !== today) {
      run = 0;
    }
  }
  return { current: run, longest, today: todayState };
}
