import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  serial,
  smallint,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { PEER_REVIEW_STATUSES } from '../../drills/peer-review.ts';
import { createdAt, instant } from './columns.ts';
import { drills } from './drills.ts';
import { personForeignKey } from './users.ts';

/**
 * "Ask a colleague": one author asks one reviewer (both of the same workspace) to review one answer. The row
 * keeps the snapshot the author shared (question, four parts, the score only if they chose to include it):
 * the reviewer is shown that and nothing else, and it is cleared when the author edits the answer. It hangs
 * from both people's user rows, so either one's `/star delete` and the workspace purge remove it.
 */
export const peerReviews = pgTable(
  'peer_reviews',
  {
    id: serial('id').primaryKey(),
    teamId: text('team_id').notNull(),
    /** Who asked: the drill's owner. */
    authorId: text('author_id').notNull(),
    /** Who is asked to review. */
    reviewerId: text('reviewer_id').notNull(),
    drillId: integer('drill_id')
      .notNull()
      .references(() => drills.id, { onDelete: 'cascade' }),
    /** The ask modal's view id: a retried submission of the same modal finds its request instead of a second. */
    requestKey: text('request_key').notNull(),
    topicSlug: text('topic_slug').notNull(),
    questionText: text('question_text').notNull(),
    /** The shared answer; null once withdrawn (the author edited it): the reviewer's copy is gone. */
    situation: text('situation'),
    task: text('task'),
    action: text('action'),
    result: text('result'),
    /** The coach's score, only when the author ticked "include my score". */
    sharedScore: smallint('shared_score'),
    note: text('note'),
    status: text('status', { enum: PEER_REVIEW_STATUSES }).notNull().default('pending'),
    /** The DM to the reviewer: claimed once (one DM per request), then where it landed. */
    dmClaimedAt: instant('dm_claimed_at'),
    dmChannel: text('dm_channel'),
    dmTs: text('dm_ts'),
    /** The review: four ratings 1-5 and a comment. */
    clearSituation: smallint('clear_situation'),
    ownActions: smallint('own_actions'),
    measuredResult: smallint('measured_result'),
    wouldHire: smallint('would_hire'),
    comment: text('comment'),
    /** The review came after the author edited the answer: it is of the earlier version. */
    ofEarlierVersion: boolean('of_earlier_version').notNull().default(false),
    closedAt: instant('closed_at'),
    /** The reply in the author's drill thread (review, decline or expiry): claimed once, then its ts. */
    replyClaimedAt: instant('reply_claimed_at'),
    replyTs: text('reply_ts'),
    expiresAt: instant('expires_at').notNull(),
    /** Expiry notices: a replica's lease on sending them, and when they were sent. */
    expiryLeaseUntil: instant('expiry_lease_until'),
    expiryNoticedAt: instant('expiry_noticed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    personForeignKey('peer_reviews_author_fk', { teamId: t.teamId, userId: t.authorId }),
    personForeignKey('peer_reviews_reviewer_fk', { teamId: t.teamId, userId: t.reviewerId }),
    uniqueIndex('peer_reviews_request_key_uq').on(t.teamId, t.authorId, t.requestKey),
    index('peer_reviews_author_idx').on(t.teamId, t.authorId, t.reviewerId, t.createdAt),
    index('peer_reviews_reviewer_idx').on(t.teamId, t.reviewerId),
    index('peer_reviews_drill_idx').on(t.drillId),
    index('peer_reviews_expiry_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} = 'pending' or (${t.status} = 'expired' and ${t.expiryNoticedAt} is null)`),
    check(
      'peer_reviews_status_check',
      sql`${t.status} in ('pending', 'reviewed', 'declined', 'expired', 'withdrawn')`,
    ),
    check(
      'peer_reviews_ratings_check',
      sql`coalesce(${t.clearSituation}, 1) between 1 and 5 and coalesce(${t.ownActions}, 1) between 1 and 5 and coalesce(${t.measuredResult}, 1) between 1 and 5 and coalesce(${t.wouldHire}, 1) between 1 and 5`,
    ),
    check('peer_reviews_not_self_check', sql`${t.authorId} <> ${t.reviewerId}`),
  ],
);

export type PeerReview = typeof peerReviews.$inferSelect;
