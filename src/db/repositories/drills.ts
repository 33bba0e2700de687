import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { answers, type Drill, drills, type NewDrill } from '../schema/index.ts';

export async function insertDrill(db: Database, drill: NewDrill): Promise<Drill> {
  const [row] = await db.insert(drills).values(drill).returning();
  if (!row) throw new Error('could not store drill');
  return row;
}

/**
 * The scheduled drill of a user's local day: inserted once; a second caller (another replica, a retry
 * after a crash) gets the existing row and `created: false`.
 */
export async function insertScheduledDrill(
  db: Database,
  drill: NewDrill & { localDate: string },
): Promise<{ drill: Drill; created: boolean }> {
  const [created] = await db
    .insert(drills)
    .values({ ...drill, source: 'scheduled' })
    .onConflictDoNothing({
      target: [drills.userId, drills.localDate],
      where: sql`${drills.source} = 'scheduled'`,
    })
    .returning();
  if (created) return { drill: created, created: true };
  const [existing] = await db
    .select()
    .from(drills)
    .where(
      and(
        eq(drills.userId, drill.userId),
        eq(drills.localDate, drill.localDate),
        eq(drills.source, 'scheduled'),
      ),
    );
  if (!existing) throw new Error(`scheduled drill for ${drill.userId} on ${drill.localDate} vanished`);
  return { drill: existing, created: false };
}

export async function markDrillPosted(db: Database, id: number, channelId: string, messageTs: string) {
  await db.update(drills).set({ channelId, messageTs, postedAt: sql`now()` }).where(eq(drills.id, id));
}

export async function findDrill(db: Database, id: number): Promise<Drill | undefined> {
  const [row] = await db.select().from(drills).where(eq(drills.id, id));
  return row;
}

/** What the user was asked before, newest first: the input of question and topic choice. */
export async function drillHistory(db: Database, userId: string, limit = 200) {
  return db
    .select({ topicSlug: drills.topicSlug, questionId: drills.questionId, askedAt: drills.createdAt })
    .from(drills)
    .where(eq(drills.userId, userId))
    .orderBy(desc(drills.createdAt), desc(drills.id))
    .limit(limit);
}

export async function recentDrills(db: Database, userId: string, limit = 10) {
  return db
    .select({
      id: drills.id,
      topicSlug: drills.topicSlug,
      questionText: drills.questionText,
      source: drills.source,
      createdAt: drills.createdAt,
      answeredAt: answers.createdAt,
    })
    .from(drills)
    .leftJoin(answers, eq(answers.drillId, drills.id))
    .where(eq(drills.userId, userId))
    .orderBy(desc(drills.createdAt), desc(drills.id))
    .limit(limit);
}

export async function countAnsweredDrills(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(answers)
    .innerJoin(drills, eq(drills.id, answers.drillId))
    .where(eq(drills.userId, userId));
  return row?.n ?? 0;
}

/**
 * Claims the right to post the sample answer in the drill's thread. Exactly one caller gets true, so a
 * retried or duplicated submission never posts the feedback twice.
 */
export async function claimFeedback(db: Database, id: number): Promise<boolean> {
  const rows = await db
    .update(drills)
    .set({ feedbackPostedAt: sql`now()` })
    .where(and(eq(drills.id, id), isNull(drills.feedbackPostedAt)))
    .returning({ id: drills.id });
  return rows.length > 0;
}

/** Gives the claim back after Slack refused the thread reply, so a later save can post it. */
export async function releaseFeedback(db: Database, id: number): Promise<void> {
  await db.update(drills).set({ feedbackPostedAt: null }).where(eq(drills.id, id));
}

/** An on-demand drill whose DM could not be posted: nothing was sent, so nothing stays in the history. */
export async function deleteDrill(db: Database, id: number): Promise<void> {
  await db.delete(drills).where(eq(drills.id, id));
}
