import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, serial, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { FollowUpFeedback } from '../../coach/types.ts';
import { createdAt, instant, updatedAt } from './columns.ts';
import { drills } from './drills.ts';

/** The candidate's answer to one of a drill's follow-up questions ("Practise this follow-up"). */
export const followUpAnswers = pgTable(
  'follow_up_answers',
  {
    id: serial('id').primaryKey(),
    drillId: integer('drill_id')
      .notNull()
      .references(() => drills.id, { onDelete: 'cascade' }),
    /** Which follow-up of the drill's topic, 1-based as the guide numbers them. */
    number: smallint('number').notNull(),
    /** The follow-up question as asked, so history stays right if the guide changes. */
    questionText: text('question_text').notNull(),
    text: text('text').notNull(),
    score: smallint('score'),
    feedback: jsonb('feedback').$type<FollowUpFeedback>(),
    /** Claimed by the one save that posts the feedback reply (as drills.feedback_posted_at). */
    replyPostedAt: instant('reply_posted_at'),
    /** Its feedback reply in the drill's thread, updated in place on an edit. */
    feedbackTs: text('feedback_ts'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('follow_up_answers_drill_number_uq').on(t.drillId, t.number),
    check('follow_up_answers_number_check', sql`${t.number} between 1 and 20`),
    check('follow_up_answers_score_check', sql`${t.score} between 0 and 100`),
  ],
);

export type FollowUpAnswer = typeof followUpAnswers.$inferSelect;
