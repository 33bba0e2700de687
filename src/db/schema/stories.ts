import { sql } from 'drizzle-orm';
import { check, index, pgTable, serial, text, unique } from 'drizzle-orm/pg-core';
import { MAX_STORY_TITLE_CHARS } from '../../drills/story-limits.ts';
import { createdAt, updatedAt } from './columns.ts';
import { personForeignKey } from './users.ts';

/**
 * A real experience a person tells (the guide's "2-3 strong examples for each category"): one story can
 * answer several questions, of several topics. Answers join it through drill_stories. Keyed by the person
 * and hanging from their user row, so `/star delete` and the workspace purge remove it with the user.
 */
export const stories = pgTable(
  'stories',
  {
    id: serial('id').primaryKey(),
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    title: text('title').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    personForeignKey('stories_user_fk', t),
    index('stories_user_idx').on(t.teamId, t.userId),
    // For drill_stories' foreign key, which names the owner too (a link cannot cross people).
    unique('stories_id_owner_uq').on(t.id, t.teamId, t.userId),
    // The last guard behind the modal's max_length and the listener's check.
    check(
      'stories_title_check',
      sql`char_length(${t.title}) between 1 and ${sql.raw(String(MAX_STORY_TITLE_CHARS))}`,
    ),
  ],
);

export type Story = typeof stories.$inferSelect;
