/**
 * Rules about a subscription as it is stored: its schedule, and whether its skip is still ahead. Pure, so
 * the listeners (status, skip, subscribe) and the scheduler apply the same rules without importing each other.
 */
import { daysFromMask } from './days.ts';
import { dueInstant, isValidZone, type Schedule } from './schedule.ts';

/**
 * The schedule of a stored subscription. A stored zone is checked on the way in; UTC guards the rest.
 * `pausedUntil` and `interviewDate` are optional so rows stored before pauses and interviews still fit.
 */
export function scheduleOf(row: {
  tz: string;
  minuteOfDay: number;
  /** The stored mask of days (db: subscriptions.day_mask). */
  dayMask: number;
  skipDate: string | null;
  pausedUntil?: string | null;
  interviewDate?: string | null;
}): Schedule {
  return {
    zone: isValidZone(row.tz) ? row.tz : 'UTC',
    minuteOfDay: row.minuteOfDay,
    days: daysFromMask(row.dayMask),
    skipDate: row.skipDate,
    ...(row.pausedUntil != null ? { pausedUntil: row.pausedUntil } : {}),
    ...(row.interviewDate != null ? { interviewDate: row.interviewDate } : {}),
  };
}

/**
 * The skipped date while the skip is still ahead: its drill would not yet have been due. A skip whose day
 * has come is spent, so a new `skip` (or a new schedule) is free to skip the next drill.
 */
export function pendingSkip(schedule: Schedule, now: Date): string | null {
  const { skipDate } = schedule;
  if (!skipDate) return null;
  return dueInstant(schedule.zone, skipDate, schedule.minuteOfDay).getTime() > now.getTime()
    ? skipDate
    : null;
}
