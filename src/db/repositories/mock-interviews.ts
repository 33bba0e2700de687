import { and, desc, eq, getTableColumns, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { MockEndReason, MockQuestion } from '../../drills/mock-interview.ts';
import type { Person } from '../../drills/person.ts';
import type { Database } from '../client.ts';
import { type MockInterview, mockInterviews, users } from '../schema/index.ts';
import { type Owned, ofPerson } from './people.ts';
import { notPaused } from './token-pauses.ts';

/**
 * A person's mock interviews. Every step is one conditional update on the person's running mock, so whoever
 * loses a race (another replica, a retried submission, a duplicated click) changes nothing and posts nothing.
 * Only the scheduler's claim of due summaries looks across people.
 */
const mocksOf = (who: Person) => ofPerson(mockInterviews, who);
const ownMock = (m: Owned) => and(eq(mockInterviews.id, m.id), mocksOf(m));
const running = isNull(mockInterviews.endedAt);

export async function runningMock(db: Database, who: Person): Promise<MockInterview | undefined> {
  const [row] = await db
    .select()
    .from(mockInterviews)
    .where(and(mocksOf(who), running));
  return row;
}

export async function findMock(db: Database, mock: Owned): Promise<MockInterview | undefined> {
  const [row] = await db.select().from(mockInterviews).where(ownMock(mock));
  return row;
}

/** The mock a drill was asked in, if any (its newest, should a drill ever be in two). */
export async function mockOfDrill(
  db: Database,
  who: Person,
  drillId: number,
): Promise<MockInterview | undefined> {
  const [row] = await db
    .select()
    .from(mockInterviews)
    .where(and(mocksOf(who), sql`${mockInterviews.drillIds} @> ${JSON.stringify([drillId])}::jsonb`))
    .orderBy(desc(mockInterviews.id))
    .limit(1);
  return row;
}

/** A new mock; undefined when one is running already (two `/star mock` at once meet on the unique index). */
export async function startMock(
  db: Database,
  who: Person,
  questions: readonly MockQuestion[],
  now: Date,
): Promise<MockInterview | undefined> {
  const [row] = await db
    .insert(mockInterviews)
    .values({
      teamId: who.teamId,
      userId: who.userId,
      questions: [...questions],
      activeAt: now,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning();
  return row;
}

/** A mock whose first question could not be posted: nothing was sent, so nothing stays. */
export async function deleteMock(db: Database, mock: Owned): Promise<void> {
  await db.delete(mockInterviews).where(ownMock(mock));
}

/**
 * Question `index`'s drill, stored once: true when this call stored it; false when the question has one
 * already (the caller then uses that one).
 */
export async function attachMockDrill(db: Database, mock: Owned, index: number, drillId: number) {
  const rows = await db
    .update(mockInterviews)
    .set({ drillIds: sql`${mockInterviews.drillIds} || to_jsonb(${drillId}::int)` })
    .where(and(ownMock(mock), sql`jsonb_array_length(${mockInterviews.drillIds}) = ${index}`))
    .returning({ id: mockInterviews.id });
  return rows.length > 0;
}

/** The current step's message is out: its answer is timed from `at`. Only while the step and round are unchanged. */
export async function markMockStepPosted(
  db: Database,
  mock: Owned & { step: number; round: number },
  at: Date,
): Promise<void> {
  await db
    .update(mockInterviews)
    .set({ stepPostedAt: at, activeAt: at })
    .where(
      and(ownMock(mock), running, eq(mockInterviews.step, mock.step), eq(mockInterviews.round, mock.round)),
    );
}

/**
 * An answer was saved to `drillId` (its STAR answer, or its follow-up `followUpNumber`): when it answers the
 * step the person's running mock waits at, the mock moves to the next step (or ends, completed) and the row
 * after the move is returned. Undefined for any other answer (an edit, a drill outside any mock, a step
 * already answered: a retried submission, another replica). Run in the answer's own transaction.
 */
export async function advanceMock(
  db: Database,
  who: Person,
  answered: { drillId: number; followUpNumber?: number; at: Date },
): Promise<MockInterview | undefined> {
  const at = answered.at.toISOString();
  const step = mockInterviews.step;
  const isFollowUp = answered.followUpNumber !== undefined;
  const done = sql`${step} + 1 >= 2 * jsonb_array_length(${mockInterviews.questions})`;
  const [row] = await db
    .update(mockInterviews)
    .set({
      step: sql`${step} + 1`,
      stepPostedAt: null,
      activeAt: answered.at,
      // The time taken: null when the step's post time was lost (a crash between the post and its record).
      timings: sql`${mockInterviews.timings} || jsonb_build_array(jsonb_build_object('step', ${step}, 'seconds',
        case when ${mockInterviews.stepPostedAt} is null then null
          else greatest(0, round(extract(epoch from (${at}::timestamptz - ${mockInterviews.stepPostedAt}))))::int end))`,
      endedAt: sql`case when ${done} then ${at}::timestamptz end`,
      endReason: sql`case when ${done} then 'completed' end`,
    })
    .where(
      and(
        mocksOf(who),
        running,
        sql`${step} % 2 = ${isFollowUp ? 1 : 0}`,
        sql`(${mockInterviews.drillIds} ->> (${step} / 2)::int)::int = ${answered.drillId}`,
        isFollowUp
          ? sql`(${mockInterviews.questions} -> (${step} / 2)::int ->> 'followUpNumber')::int = ${answered.followUpNumber}`
          : undefined,
      ),
    )
    .returning();
  return row;
}

/** Continue: the next round (its step is posted again, timed afresh); undefined for a stale or repeated click. */
export async function continueMock(
  db: Database,
  mock: Owned & { round: number },
  now: Date,
): Promise<MockInterview | undefined> {
  const [row] = await db
    .update(mockInterviews)
    .set({ round: sql`${mockInterviews.round} + 1`, stepPostedAt: null, activeAt: now })
    .where(and(ownMock(mock), running, eq(mockInterviews.round, mock.round)))
    .returning();
  return row;
}

/** Ends a running mock (End, or its last answer); undefined when it had ended already. */
export async function endMock(
  db: Database,
  mock: Owned,
  reason: MockEndReason,
  now: Date,
): Promise<MockInterview | undefined> {
  const [row] = await db
    .update(mockInterviews)
    .set({ endedAt: now, endReason: reason })
    .where(and(ownMock(mock), running))
    .returning();
  return row;
}

/**
 * The right to post an ended mock's summary, for `leaseMs`: one replica at a time, and never after it was
 * posted. A crash mid-post lets the scheduler's job take it over once the lease has run out.
 */
export async function claimMockSummary(db: Database, mock: Owned, leaseMs: number) {
  const [row] = await db
    .update(mockInterviews)
    .set({ summaryClaimedUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})` })
    .where(
      and(
        ownMock(mock),
        sql`${mockInterviews.endedAt} is not null and ${mockInterviews.summaryPostedAt} is null`,
        sql`(${mockInterviews.summaryClaimedUntil} is null or ${mockInterviews.summaryClaimedUntil} < now())`,
      ),
    )
    .returning();
  return row;
}

/** The summary is out (or can never arrive): never again. */
export async function markMockSummaryPosted(db: Database, mock: Owned, at: Date): Promise<void> {
  await db
    .update(mockInterviews)
    .set({ summaryPostedAt: at, summaryClaimedUntil: null })
    .where(ownMock(mock));
}

/** The post failed: the claim goes, and the scheduler's job tries again. */
export async function releaseMockSummary(db: Database, mock: Owned): Promise<void> {
  await db
    .update(mockInterviews)
    .set({ summaryClaimedUntil: null })
    .where(and(ownMock(mock), isNull(mockInterviews.summaryPostedAt)));
}

/** The person's mocks, newest first (the export). */
export async function mockInterviewsOf(db: Database, who: Person): Promise<MockInterview[]> {
  return db
    .select()
    .from(mockInterviews)
    .where(mocksOf(who))
    .orderBy(desc(mockInterviews.createdAt), desc(mockInterviews.id));
}

export interface DueMockSummary extends MockInterview {
  enterpriseId: string | null;
}

/** Where a mock owes its summary at `now`: expired (untouched for `expiryMs`), or ended without one posted. */
export const mockSummaryDue = (now: SQL, expiryMs: number) => sql`
  m.summary_posted_at is null
  and (m.ended_at is not null or m.active_at <= ${now} - make_interval(secs => ${expiryMs / 1000}))
  and (m.summary_claimed_until is null or m.summary_claimed_until < now())`;

/**
 * The scheduler's claim: the summaries due at `now`, whoever they belong to, with a lease (SKIP LOCKED, as for
 * reminders). A mock untouched for `expiryMs` ends here, as expired, in the same statement.
 */
export async function claimDueMockSummaries(
  db: Database,
  c: { now: Date; expiryMs: number; leaseMs: number; limit: number; skipTeams?: readonly string[] },
): Promise<DueMockSummary[]> {
  const now = c.now.toISOString();
  const skip = c.skipTeams?.length
    ? sql`and m.team_id <> all(${sql.param([...c.skipTeams])}::text[])`
    : sql``;
  const rows = await db.execute(sql`
    update ${mockInterviews} as t
    set summary_claimed_until = now() + make_interval(secs => ${c.leaseMs / 1000}),
      ended_at = coalesce(t.ended_at, ${now}::timestamptz),
      end_reason = coalesce(t.end_reason, 'expired')
    from ${users} as u
    where u.team_id = t.team_id and u.id = t.user_id and t.id in (
      select m.id from ${mockInterviews} as m
      where ${mockSummaryDue(sql`${now}::timestamptz`, c.expiryMs)} and ${notPaused(sql`m.team_id`)} ${skip}
      order by m.active_at
      limit ${c.limit}
      for update skip locked)
    returning t.id`);
  const ids = (rows as unknown as { rows: Array<{ id: number }> }).rows.map((r) => r.id);
  if (ids.length === 0) return [];
  return db
    .select({ ...getTableColumns(mockInterviews), enterpriseId: users.enterpriseId })
    .from(mockInterviews)
    .innerJoin(users, and(eq(users.teamId, mockInterviews.teamId), eq(users.id, mockInterviews.userId)))
    .where(inArray(mockInterviews.id, ids));
}
