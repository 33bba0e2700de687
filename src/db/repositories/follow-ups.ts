import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FollowUpFeedback } from '../../coach/types.ts';
import type { Database } from '../client.ts';
import { type FollowUpAnswer, followUpAnswers } from '../schema/index.ts';

export async function findFollowUpAnswer(
  db: Database,
  drillId: number,
  number: number,
): Promise<FollowUpAnswer | undefined> {
  const [row] = await db
    .select()
    .from(followUpAnswers)
    .where(and(eq(followUpAnswers.drillId, drillId), eq(followUpAnswers.number, number)));
  return row;
}

/** Stores the answer to a follow-up, or replaces it; an edit clears the old text's analysis. */
export async function saveFollowUpAnswer(
  db: Database,
  p: { drillId: number; number: number; questionText: string; text: string },
): Promise<FollowUpAnswer> {
  const [row] = await db
    .insert(followUpAnswers)
    .values(p)
    .onConflictDoUpdate({
      target: [followUpAnswers.drillId, followUpAnswers.number],
      set: { text: p.text, score: null, feedback: null, updatedAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error(`could not store follow-up ${p.number} of drill ${p.drillId}`);
  return row;
}

/** As for answers: only the analysis of the text as it still stands is stored. */
export async function recordFollowUpAnalysis(
  db: Database,
  answer: Pick<FollowUpAnswer, 'id' | 'updatedAt'>,
  feedback: FollowUpFeedback,
): Promise<FollowUpAnswer | undefined> {
  const [row] = await db
    .update(followUpAnswers)
    .set({ score: feedback.score, feedback })
    .where(
      // At a Date's precision (milliseconds), as recordAnalysis in answers.ts.
      sql`${followUpAnswers.id} = ${answer.id} and date_trunc('milliseconds', ${followUpAnswers.updatedAt}) = ${answer.updatedAt.toISOString()}::timestamptz`,
    )
    .returning();
  return row;
}

/** Claims the right to post this follow-up's feedback reply: exactly one caller gets true. */
export async function claimFollowUpReply(db: Database, id: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(followUpAnswers)
    .set({ replyPostedAt: at })
    .where(and(eq(followUpAnswers.id, id), sql`${followUpAnswers.replyPostedAt} is null`))
    .returning({ id: followUpAnswers.id });
  return rows.length > 0;
}

/** The reply is posted (its ts), or Slack refused it (null: the claim is given back for the next save). */
export async function setFollowUpReply(db: Database, id: number, ts: string | null): Promise<void> {
  await db
    .update(followUpAnswers)
    .set(ts ? { feedbackTs: ts } : { replyPostedAt: null })
    .where(eq(followUpAnswers.id, id));
}

/** The follow-up answers of some drills (a history page), by drill id. */
export async function followUpsOfDrills(
  db: Database,
  drillIds: readonly number[],
): Promise<Map<number, FollowUpAnswer[]>> {
  const byDrill = new Map<number, FollowUpAnswer[]>();
  if (drillIds.length === 0) return byDrill;
  const rows = await db
    .select()
    .from(followUpAnswers)
    .where(inArray(followUpAnswers.drillId, [...drillIds]))
    .orderBy(followUpAnswers.drillId, followUpAnswers.number);
  for (const row of rows) byDrill.set(row.drillId, [...(byDrill.get(row.drillId) ?? []), row]);
  return byDrill;
}
