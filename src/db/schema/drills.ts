import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { type RatedCard, SELF_RATINGS } from '../../drills/review-cards.ts';
import { createdAt, instant } from './columns.ts';
import { subscriptions } from './subscriptions.ts';
import { personForeignKey } from './users.ts';

/**
 * One question sent to one user. The question text is stored as asked, so history and the modal stay
 * right even if the guide is edited later. The row is written before the DM is posted, then completed
 * with the channel and ts, so a click always finds its drill.
 */
export const drills = pgTable(
  'drills',
  {
    id: serial('id').primaryKey(),
    /** The workspace of the user (see users.ts). */
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    topicSlug: text('topic_slug').notNull(),
    questionId: text('question_id').notNull(),
    questionText: text('question_text').notNull(),
    source: text('source', { enum: ['on_demand', 'scheduled'] }).notNull(),
    subscriptionId: integer('subscription_id').references(() => subscriptions.id, { onDelete: 'set null' }),
    /** For scheduled drills: the user's local date it was due. */
    localDate: date('local_date', { mode: 'string' }),
    channelId: text('channel_id'),
    messageTs: text('message_ts'),
    postedAt: instant('posted_at'),
    /** Set once when the feedback went to the thread, so a retried submission never posts it twice. */
    feedbackPostedAt: instant('feedback_posted_at'),
    /** The feedback message in the thread: an edit or a rating updates it in place. */
    feedbackTs: text('feedback_ts'),
    /** The self-rating ("How ready would you be to say this out loud?"), and what changing it needs. */
    rating: text('rating', { enum: SELF_RATINGS }),
    ratedCard: jsonb('rated_card').$type<RatedCard>(),
    /** A scheduled drill's one reminder: when it is due (null: none), when it was sent or dropped. */
    remindAt: instant('remind_at'),
    remindedAt: instant('reminded_at'),
    /** A replica's lease on the reminder it is sending (database clock). */
    remindClaimedUntil: instant('remind_claimed_until'),
    createdAt: createdAt(),
  },
  (t) => [
    personForeignKey('drills_user_fk', t),
    // The last guard of "exactly one scheduled drill per user per local day".
    uniqueIndex('drills_user_local_date_uq')
      .on(t.teamId, t.userId, t.localDate)
      .where(sql`${t.source} = 'scheduled'`),
    index('drills_user_created_idx').on(t.teamId, t.userId, t.createdAt.desc()),
    index('drills_remind_idx').on(t.remindAt).where(sql`${t.remindedAt} is null`),
    check('drills_source_check', sql`${t.source} in ('on_demand', 'scheduled')`),
    check('drills_rating_check', sql`${t.rating} in ('again', 'hard', 'good', 'easy')`),
    check('drills_local_date_check', sql`(${t.source} = 'scheduled') = (${t.localDate} is not null)`),
  ],
);

export type Drill = typeof drills.$inferSelect;
export type NewDrill = typeof drills.$inferInsert;
