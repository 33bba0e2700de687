import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, serial, smallint, text } from 'drizzle-orm/pg-core';
import type { AnswerFeedback } from '../../coach/types.ts';
import { createdAt, updatedAt } from './columns.ts';
import { drills } from './drills.ts';

/** The user's STAR answer to a drill, verbatim. At most one per drill: editing updates it. */
export const answers = pgTable(
  'answers',
  {
    id: serial('id').primaryKey(),
    drillId: integer('drill_id')
      .notNull()
      .unique()
      .references(() => drills.id, { onDelete: 'cascade' }),
    situation: text('situation').notNull(),
    task: text('task').notNull(),
    action: text('action').notNull(),
    result: text('result').notNull(),
    /** 0-100, from the analysis that follows every save (null until it has run). */
    score: smallint('score'),
    /** The score before the latest edit, for "Score: 78/100, up from 62". */
    previousScore: smallint('previous_score'),
    /** The analysis itself (coach/analyse.ts), kept for history and progress. */
    feedback: jsonb('feedback').$type<AnswerFeedback>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('answers_score_check', sql`${t.score} between 0 and 100`)],
);

export type Answer = typeof answers.$inferSelect;
export type NewAnswer = typeof answers.$inferInsert;
