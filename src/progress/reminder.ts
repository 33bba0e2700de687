/**
 * When to nudge about a scheduled drill still unanswered: once, `delayMinutes` after it was delivered,
 * never in the quiet hours 21:00-08:00 local. A nudge falling before 08:00 on the drill's own local date
 * waits for 08:00; one falling at or after 21:00 that day, or on a later day, is dropped: by then the
 * drill is yesterday's, and a reminder about it is noise. Whether the drill has been answered is the
 * caller's check at send time (never after an answer); `reminderSendable` is the rest of that check.
 *
 * The delay is elapsed time (4 hours after delivery is 4 hours later even across a clock change); the
 * quiet hours are wall-clock times of the drill's local date, turned into instants by `dueInstant`, so
 * they stay at 21:00 and 08:00 local on the days the clocks change.
 */
import { dueInstant } from '../drills/schedule.ts';

export const DEFAULT_REMINDER_MINUTES = 240;
export const MIN_REMINDER_MINUTES = 30;
export const MAX_REMINDER_MINUTES = 720;
/** The delays the settings modal offers (a subset of the allowed range). */
export const REMINDER_CHOICES = [30, 60, 120, 180, 240, 360, 480, 720] as const;

/** Quiet hours, local: no reminder from 21:00 until 08:00. */
export const QUIET_FROM_MINUTE = 21 * 60;
export const QUIET_UNTIL_MINUTE = 8 * 60;

const MINUTE_MS = 60_000;

/** A stored delay the rules accept: a whole number of minutes in 30..720. */
export function isReminderDelay(minutes: unknown): minutes is number {
  return (
    typeof minutes === 'number' &&
    Number.isInteger(minutes) &&
    minutes >= MIN_REMINDER_MINUTES &&
    minutes <= MAX_REMINDER_MINUTES
  );
}

export interface ReminderInput {
  /** When the drill was posted. */
  deliveredAt: Date;
  /** Minutes after delivery, 30..720; null when the user turned reminders off. */
  delayMinutes: number | null;
  /** The user's IANA zone. */
  zone: string;
  /** The drill's local date (the scheduled drill's `localDate`). */
  localDate: string;
}

/** The instant to send the reminder, or null: off, or it would fall in the evening or on a later day. */
export function reminderAt({ deliveredAt, delayMinutes, zone, localDate }: ReminderInput): Date | null {
  if (delayMinutes === null) return null;
  if (!isReminderDelay(delayMinutes)) {
    throw new RangeError(
      `delayMinutes must be an integer in ${MIN_REMINDER_MINUTES}..${MAX_REMINDER_MINUTES} or null, got ${delayMinutes}`,
    );
  }
  const at = deliveredAt.getTime() + delayMinutes * MINUTE_MS;
  const morning = dueInstant(zone, localDate, QUIET_UNTIL_MINUTE).getTime();
  const evening = dueInstant(zone, localDate, QUIET_FROM_MINUTE).getTime();
  if (at >= evening) return null;
  return new Date(Math.max(at, morning));
}

/**
 * Whether a reminder planned for `at` may go out at `now`: its time has come and the drill's day has not
 * reached its quiet evening (a reminder delayed by an outage past 21:00 is dropped, not sent at night).
 */
export function reminderSendable(at: Date, now: Date, zone: string, localDate: string): boolean {
  const t = now.getTime();
  return t >= at.getTime() && t < dueInstant(zone, localDate, QUIET_FROM_MINUTE).getTime();
}

/** "off", "30 minutes", "1 hour", "1 hour 30 minutes", "12 hours": for the settings modal and `status`. */
export function reminderLabel(delayMinutes: number | null): string {
  if (delayMinutes === null) return 'off';
  const h = Math.floor(delayMinutes / 60);
  const m = delayMinutes % 60;
  const hours = h === 0 ? '' : `${h} ${h === 1 ? 'hour' : 'hours'}`;
  const minutes = m === 0 ? '' : `${m} ${m === 1 ? 'minute' : 'minutes'}`;
  return [hours, minutes].filter((s) => s !== '').join(' ') || '0 minutes';
}
