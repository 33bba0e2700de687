import { date, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { personForeignKey } from './users.ts';

/** One row per weekly recap sent: the key is the last guard of "exactly once per user and week". */
export const recaps = pgTable(
  'recaps',
  {
    /** The workspace of the user (see users.ts). */
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    /** The Monday of the week recapped. */
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    /** The DM's ts, once posted. */
    messageTs: text('message_ts'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId, t.weekStart] }), personForeignKey('recaps_user_fk', t)],
);
