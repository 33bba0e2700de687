import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { type CardState, SELF_RATINGS } from '../../drills/review-cards.ts';
import { instant, updatedAt } from './columns.ts';
import { personForeignKey } from './users.ts';

/**
 * One FSRS card per (user, question): the self-ratings schedule when a question comes back
 * (drills/review-cards.ts). `due_at` repeats the card's due date so the choice of a drill can ask "what is due".
 */
export const reviewCards = pgTable(
  'review_cards',
  {
    /** The workspace of the user (see users.ts). */
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    questionId: text('question_id').notNull(),
    card: jsonb('card').$type<CardState>().notNull(),
    dueAt: instant('due_at').notNull(),
    lastRating: text('last_rating', { enum: SELF_RATINGS }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId, t.questionId] }),
    personForeignKey('review_cards_user_fk', t),
    index('review_cards_user_due_idx').on(t.teamId, t.userId, t.dueAt),
    check('review_cards_rating_check', sql`${t.lastRating} in ('again', 'hard', 'good', 'easy')`),
  ],
);

export type ReviewCard = typeof reviewCards.$inferSelect;
