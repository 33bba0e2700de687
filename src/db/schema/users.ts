import { type AnyPgColumn, boolean, foreignKey, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';

/**
 * A Slack user the bot has met, in a workspace: Slack user ids are only unique within one, so every row
 * about a person is keyed by (team_id, user_id). `tz` is the IANA zone from users.info, refreshed on
 * user_change. `enterprise_id` is the organisation of an Enterprise Grid workspace, whose org-wide
 * installation holds the token to reach the user.
 */
export const users = pgTable(
  'users',
  {
    /** The workspace (team) id, e.g. T012ABCDEF. */
    teamId: text('team_id').notNull(),
    /** The Slack user id, e.g. U012ABCDEF. */
    id: text('id').notNull(),
    enterpriseId: text('enterprise_id'),
    tz: text('tz').notNull().default('UTC'),
    /**
     * A user_change event has brought `tz`: Slack sends one whenever the person's zone changes, so the stored
     * zone stays current and `/star subscribe` uses it without asking users.info again.
     */
    zoneFromEvent: boolean('zone_from_event').notNull().default(false),
    /** The person has opened the bot's Home tab: only then is it republished after a change of theirs. */
    homeOpened: boolean('home_opened').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ name: 'users_pkey', columns: [t.teamId, t.id] })],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/**
 * A row about a person hangs from their user row: deleting the user deletes it, and moving the user to
 * another team key (a single-workspace bot adopting rows stored before workspaces were kept apart) moves it.
 */
export const personForeignKey = (name: string, t: { teamId: AnyPgColumn; userId: AnyPgColumn }) =>
  foreignKey({ name, columns: [t.teamId, t.userId], foreignColumns: [users.teamId, users.id] })
    .onDelete('cascade')
    .onUpdate('cascade');
