import { index, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';

/**
 * `/star export` requests in the last hour, per person (workspace, user), for its rate limit (an export reads
 * and uploads a person's whole history). Only ids and times; pruned after an hour.
 */
export const exportRequests = pgTable(
  'export_requests',
  {
    id: serial('id').primaryKey(),
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('export_requests_person_idx').on(t.teamId, t.userId, t.createdAt)],
);
