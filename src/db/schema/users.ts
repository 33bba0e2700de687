import { pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';

/** A Slack user the bot has met. `tz` is the IANA zone from users.info, refreshed on user_change. */
export const users = pgTable('users', {
  id: text('id').primaryKey(), // Slack user id, e.g. U012ABCDEF
  teamId: text('team_id'),
  tz: text('tz').notNull().default('UTC'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
