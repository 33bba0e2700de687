import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { personForeignKey } from './users.ts';

/**
 * Days with no drill on purpose (a pause, a skipped day), kept for the streak: a day off must not break it,
 * even after the pause is over and the subscription no longer says so.
 */
export const daysOff = pgTable(
  'days_off',
  {
    id: serial('id').primaryKey(),
    /** The workspace of the user (see users.ts). */
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    /** First local date off. */
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    /** The local date drills start again (exclusive). */
    untilDate: date('until_date', { mode: 'string' }).notNull(),
    reason: text('reason', { enum: ['pause', 'skip'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    personForeignKey('days_off_user_fk', t),
    index('days_off_user_idx').on(t.teamId, t.userId),
    check('days_off_range_check', sql`${t.fromDate} < ${t.untilDate}`),
    check('days_off_reason_check', sql`${t.reason} in ('pause', 'skip')`),
  ],
);

export type DayOff = typeof daysOff.$inferSelect;
