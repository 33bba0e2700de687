import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, serial, smallint, text } from 'drizzle-orm/pg-core';
import { createdAt, instant, updatedAt } from './columns.ts';
import { users } from './users.ts';

/**
 * At most one subscription per user (unique user_id); subscribing again changes it.
 * `next_due_at` is the precomputed UTC instant of the next drill, so a scheduler tick finds due rows with
 * one range scan on a partial index instead of evaluating every user's time zone.
 */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: serial('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Local time of day in minutes after midnight (09:00 = 540). */
    minuteOfDay: smallint('minute_of_day').notNull(),
    /** 'daily' or 'weekdays'. */
    days: text('days', { enum: ['daily', 'weekdays'] }).notNull(),
    /** Topic slugs to draw from; empty means every topic. */
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    /** The local date whose drill the user asked to skip (`skip`), if any. */
    skipDate: date('skip_date', { mode: 'string' }),
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
    index('subscriptions_due_idx').on(t.nextDueAt).where(sql`${t.active}`),
    // The column's TypeScript enum is not enforced by Postgres: a bad value must fail at the write, not at a tick.
    check('subscriptions_days_check', sql`${t.days} in ('daily', 'weekdays')`),
    check('subscriptions_minute_of_day_check', sql`${t.minuteOfDay} between 0 and 1439`),
  ],
);

export type Subscription = typeof subscriptions.$inferSelect;
export type NewSubscription = typeof subscriptions.$inferInsert;
