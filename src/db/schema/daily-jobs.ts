import { date, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';

/**
 * Jobs that must run once a day across every replica (the purge of uninstalled workspaces): the replica that
 * inserts the day's row runs the job; the others find it taken.
 */
export const dailyJobs = pgTable(
  'daily_jobs',
  {
    name: text('name').notNull(),
    /** The UTC date of the run. */
    day: date('day', { mode: 'string' }).notNull(),
    /** The replica that ran it, for operators. */
    ranBy: text('ran_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.name, t.day] })],
);
