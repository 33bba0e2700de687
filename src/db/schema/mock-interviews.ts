import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, serial, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { MOCK_END_REASONS, type MockQuestion, type MockTiming } from '../../drills/mock-interview.ts';
import { createdAt, instant } from './columns.ts';
import { personForeignKey } from './users.ts';

/**
 * A mock interview (`/star mock`, drills/mock-interview.ts): its questions, the step it waits at, and how
 * long each answered step took. Every step moves by one conditional update (`where step = <the step
 * answered>`), so two replicas or a retried submission advance it once; at most one mock per person runs
 * (the partial unique index). Its answers are ordinary drills and follow-up answers (`drill_ids`). It hangs
 * from the user row: `/star delete` and the workspace purge remove it.
 */
export const mockInterviews = pgTable(
  'mock_interviews',
  {
    id: serial('id').primaryKey(),
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    questions: jsonb('questions').$type<MockQuestion[]>().notNull(),
    /** The drill of each question asked so far, in order: an answer is found through its drill. */
    drillIds: jsonb('drill_ids').$type<number[]>().notNull().default(sql`'[]'::jsonb`),
    /** The step waiting for an answer (2k: question k, 2k+1: its follow-up); 2 x questions once all are answered. */
    step: smallint('step').notNull().default(0),
    /** When the current step's message was posted (the bot's clock): its answer is timed from here. */
    stepPostedAt: instant('step_posted_at'),
    /** Bumped by each Continue: an offer's button carries it, so a duplicated click continues once. */
    round: smallint('round').notNull().default(0),
    timings: jsonb('timings').$type<MockTiming[]>().notNull().default(sql`'[]'::jsonb`),
    /** The last step posted or answered (the bot's clock): 24 hours later an unfinished mock ends. */
    activeAt: instant('active_at').notNull(),
    endedAt: instant('ended_at'),
    endReason: text('end_reason', { enum: MOCK_END_REASONS }),
    /** The summary's post: claimed (a lease, database clock) by the one replica posting it, then stamped. */
    summaryClaimedUntil: instant('summary_claimed_until'),
    summaryPostedAt: instant('summary_posted_at'),
    createdAt: createdAt(),
  },
  (t) => [
    personForeignKey('mock_interviews_user_fk', t),
    uniqueIndex('mock_interviews_running_uq').on(t.teamId, t.userId).where(sql`${t.endedAt} is null`),
    index('mock_interviews_user_idx').on(t.teamId, t.userId, t.createdAt.desc()),
    // The scheduler's question: which mocks still owe a summary (expired, or ended without one posted).
    index('mock_interviews_unsummarised_idx').on(t.activeAt).where(sql`${t.summaryPostedAt} is null`),
    check('mock_interviews_step_check', sql`${t.step} between 0 and 20`),
    check('mock_interviews_end_check', sql`(${t.endedAt} is null) = (${t.endReason} is null)`),
    check('mock_interviews_reason_check', sql`${t.endReason} in ('completed', 'ended', 'expired')`),
  ],
);

export type MockInterview = typeof mockInterviews.$inferSelect;
