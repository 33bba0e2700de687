import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  serial,
  smallint,
  text,
  unique,
} from 'drizzle-orm/pg-core';
import { createdAt, instant, updatedAt } from './columns.ts';
import { personForeignKey } from './users.ts';

/**
 * At most one subscription per user (unique user_id); subscribing again changes it.
 * `next_due_at` is the precomputed UTC instant of the next drill, so a scheduler tick finds due rows with
 * one range scan on a partial index instead of evaluating every user's time zone.
 */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: serial('id').primaryKey(),
    /** The workspace of the user (see users.ts). */
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    /** Local time of day in minutes after midnight (09:00 = 540). */
    minuteOfDay: smallint('minute_of_day').notNull(),
    /** The weekdays drills come on, a 7-bit mask (bit 0 = Monday): 127 daily, 31 weekdays (drills/days.ts). */
    dayMask: smallint('day_mask').notNull(),
    /** Topic slugs to draw from; empty means every topic. */
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    /** The local date whose drill the user asked to skip (`skip`), if any. */
    skipDate: date('skip_date', { mode: 'string' }),
    /** `/star pause`: no drills before this local date (a past date changes nothing). */
    pausedUntil: date('paused_until', { mode: 'string' }),
    /** `/star interview`: a drill every day through this local date, weakest topics first. */
    interviewDate: date('interview_date', { mode: 'string' }),
    /** When the interview countdown was set, for the streak's calendar. */
    interviewFrom: date('interview_from', { mode: 'string' }),
    /**
     * `/star interview` by someone not subscribed starts daily drills that end after this local date (the
     * interview's); null for a subscription, which goes on. Subscribing clears it: the drills go on.
     */
    endsAfter: date('ends_after', { mode: 'string' }),
    /** Minutes after a scheduled drill for one reminder in its thread; null: no reminders. */
    reminderMinutes: smallint('reminder_minutes').default(240),
    /** The weekly recap on Monday at the drill time (`/star recap off` turns it off). */
    recap: boolean('recap').notNull().default(true),
    /** When the next recap is due, precomputed like `next_due_at` so a tick finds it with one index range. */
    nextRecapAt: instant('next_recap_at'),
    /** The Monday of the last week recapped. */
    lastRecapWeek: date('last_recap_week', { mode: 'string' }),
    /** A replica's lease on the recap it is sending (database clock). */
    recapClaimedUntil: instant('recap_claimed_until'),
    /** UTC instant of the next delivery; null when inactive. */
    nextDueAt: instant('next_due_at'),
    /** Local date (in the user's zone) of the delivery `next_due_at` stands for. */
    nextDueDate: date('next_due_date', { mode: 'string' }),
    /**
     * Lease of the replica delivering it now, on the database's clock (every replica compares it with the same
     * `now()`); an expired lease may be taken by another replica.
     */
    claimedUntil: instant('claimed_until'),
    claimedBy: text('claimed_by'),
    /** Why the subscription stopped by itself (e.g. Slack's account_inactive), for the logs and `status`. */
    deactivatedReason: text('deactivated_reason'),
    deliveryAttempts: integer('delivery_attempts').notNull().default(0),
    /** After a failed delivery: not taken again before this instant (the backoff), on the scheduler's clock. */
    retryAt: instant('retry_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    personForeignKey('subscriptions_user_fk', t),
    unique('subscriptions_team_user_unique').on(t.teamId, t.userId),
    index('subscriptions_due_idx').on(t.nextDueAt).where(sql`${t.active}`),
    // The column's TypeScript enum is not enforced by Postgres: a bad value must fail at the write, not at a tick.
    index('subscriptions_recap_idx').on(t.nextRecapAt).where(sql`${t.active} and ${t.recap}`),
    check('subscriptions_day_mask_check', sql`${t.dayMask} between 1 and 127`),
    check(
      'subscriptions_reminder_check',
      sql`${t.reminderMinutes} is null or ${t.reminderMinutes} between 30 and 720`,
    ),
    check('subscriptions_minute_of_day_check', sql`${t.minuteOfDay} between 0 and 1439`),
  ],
);

export type Subscription = typeof subscriptions.$inferSelect;
export type NewSubscription = typeof subscriptions.$inferInsert;
