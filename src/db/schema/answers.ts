import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { drills } from './drills.ts';

/** The user's STAR answer to a drill, verbatim. At most one per drill: editing updates it. */
export const answers = pgTable('answers', {
  id: serial('id').primaryKey(),
  drillId: integer('drill_id')
    .notNull()
    .unique()
    .references(() => drills.id, { onDelete: 'cascade' }),
  situation: text('situation').notNull(),
  task: text('task').notNull(),
  action: text('action').notNull(),
  result: text('result').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type Answer = typeof answers.$inferSelect;
export type NewAnswer = typeof answers.$inferInsert;
