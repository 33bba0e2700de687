import { foreignKey, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { drills } from './drills.ts';
import { stories } from './stories.ts';
import { personForeignKey } from './users.ts';

/**
 * Which story an answered drill tells: one row per drill (the primary key), so a retried submission or two
 * replicas linking the same drill end with one link. The person's ids are repeated so every query can be
 * scoped by them, and the story's foreign key includes them: a drill can never point at someone else's story.
 */
export const drillStories = pgTable(
  'drill_stories',
  {
    drillId: integer('drill_id')
      .primaryKey()
      .references(() => drills.id, { onDelete: 'cascade' }),
    storyId: integer('story_id').notNull(),
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
  },
  (t) => [
    personForeignKey('drill_stories_user_fk', t),
    foreignKey({
      name: 'drill_stories_story_fk',
      columns: [t.storyId, t.teamId, t.userId],
      foreignColumns: [stories.id, stories.teamId, stories.userId],
    })
      .onDelete('cascade')
      .onUpdate('cascade'),
    index('drill_stories_story_idx').on(t.storyId),
  ],
);

export type DrillStory = typeof drillStories.$inferSelect;
