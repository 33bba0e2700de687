/**
 * Pauses and interview countdowns as rules on local dates (the user's zone decides which date "today" is;
 * pass `localDateOf(zone, now)`). The scheduler applies the same rules through `Schedule.pausedUntil`,
 * `Schedule.interviewDate` and `isDrillDate` (schedule.ts); these are what `status`, the Home tab and the
 * replies say about them.
 *
 * A pause is stored as the local date drills start again (`pausedUntil`): `pause until 2026-12-24` means no
 * drill before the 24th and the usual drill on it; `pause 7d` on a Monday means drills again next Monday.
 * A date that has come needs no clearing: it pauses nothing.
 */
import { daysBetween } from './local-date.ts';

/** A range of local dates, `from` included, `until` excluded (a pause, or a skip as a one-day range). */
export interface DateRange {
  from: string;
  until: string;
}

/** Whether `localDate` has no drill because of a pause that ends (drills again) on `pausedUntil`. */
export function isPaused(pausedUntil: string | null | undefined, localDate: string): boolean {
  return pausedUntil != null && localDate < pausedUntil;
}

/** Whether `localDate` falls in any of the ranges. */
export function inRanges(ranges: readonly DateRange[], localDate: string): boolean {
  return ranges.some((r) => r.from <= localDate && localDate < r.until);
}

/** The pause still in force on `today` (the date drills start again), or null when there is none. */
export function activePause(pausedUntil: string | null | undefined, today: string): string | null {
  return isPaused(pausedUntil, today) ? (pausedUntil as string) : null;
}

export interface InterviewCountdown {
  /** The interview's local date. */
  date: string;
  /** 0 on the day itself. */
  daysLeft: number;
  /** "Your interview is today", "1 day to your interview", "12 days to your interview". */
  text: string;
}

/** The countdown shown by `status` and Home; null when there is no interview or its day has passed. */
export function interviewCountdown(
  interviewDate: string | null | undefined,
  today: string,
): InterviewCountdown | null {
  if (interviewDate == null) return null;
  const daysLeft = daysBetween(today, interviewDate);
  if (daysLeft < 0) return null;
  return { date: interviewDate, daysLeft, text: countdownText(daysLeft) };
}

export function countdownText(daysLeft: number): string {
  if (!Number.isInteger(daysLeft) || daysLeft < 0) throw new RangeError(`daysLeft: ${daysLeft}`);
  if (daysLeft === 0) return 'Your interview is today';
  return `${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} to your interview`;
}
