import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FollowUpFeedback } from '../../coach/types.ts';
import type { Person } from '../../drills/person.ts';
import type { Database } from '../client.ts';
import { type FollowUpAnswer, followUpAnswers } from '../schema/index.ts';
import { type Owned, ofOwnDrill, ownDrillId } from './people.ts';

/**
 * Answers to a drill's follow-up questions. They have no owner columns of their own: every statement goes
 * through the drill, which must be the person's.
 */
const ofOwner = (who: Person) => ofOwnDrill(followUpAnswers.drillId, who);

export async function findFollowUpAnswer(
  db: Database,
  drill: Owned,
  number: number,
): Promise<FollowUpAnswer | undefined> {
  const [row] = await db
    .select()
    .from(followUpAnswers)
    .where(and(eq(followUpAnswers.drillId, drill.id), eq(followUpAnswers.number, number), ofOwner(drill)));
  return row;
}

/** Stores the answer to a follow-up, or replaces it; an edit clears the old text's analysis. */
export async function saveFollowUpAnswer(
  db: Database,
  drill: Owned,
  p: { number: number; questionText: string; text: string },
): Promise<FollowUpAnswer> {
  const [row] = await db
    .insert(followUpAnswers)
    .values({ drillId: ownDrillId(drill), ...p })
    .onConflictDoUpdate({
      target: [followUpAnswers.drillId, followUpAnswers.number],
      set: { text: p.text, score: null, feedback: null, updatedAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error(`could not store follow-up ${p.number} of drill ${drill.id}`);
  return row;
}

/** As for answers: only the analysis of the text as it still stands is stored. */
export async function recordFollowUpAnalysis(
  db: Database,
  who: Person,
  answer: Pick<FollowUpAnswer, 'id' | 'updatedAt'>,
  feedback: FollowUpFeedback,
): Promise<FollowUpAnswer | undefined> {
  const [row] = await db
    .update(followUpAnswers)
    .set({ score: feedback.score, feedback })
    .where(
      and(
        // At a Date's precision (milliseconds), as recordAnalysis in answers.ts.
        sql`${followUpAnswers.id} = ${answer.id} and date_trunc('milliseconds', ${followUpAnswers.updatedAt}) = ${answer.updatedAt.toISOString()}::timestamptz`,
        ofOwner(who),
      ),
    )
    .returning();
  return row;
}

/** Claims the right to post this follow-up's feedback reply: exactly one caller gets true. */
export async function claimFollowUpReply(db: Database, who: Person, id: number): Promise<boolean> {
  const rows = await db
    .update(followUpAnswers)
    .set({ replyPostedAt: sql`now()` })
    .where(and(eq(followUpAnswers.id, id), sql`${followUpAnswers.replyPostedAt} is null`, ofOwner(who)))
    .returning({ id: followUpAnswers.id });
  return rows.length > 0;
}

/** The reply is posted (its ts), or Slack refused it (null: the claim is given back for the next save). */
export async function setFollowUpReply(
  db: Database,
  who: Person,
  id: number,
  ts: string | null,
): Promise<void> {
  await db
    .update(followUpAnswers)
    .set(ts ? { feedbackTs: ts } : { replyPostedAt: null })
    .where(and(eq(followUpAnswers.id, id), ofOwner(who)));
}

/** The follow-up answers of some of the person's drills (a history page), by drill id. */
export async function followUpsOfDrills(
  db: Database,
  who: Person,
  drillIds: readonly number[],
): Promise<Map<number, FollowUpAnswer[]>> {
  const byDrill = new Map<number, FollowUpAnswer[]>();
  if (drillIds.length === 0) return byDrill;
  const rows = await db
    .select()
    .from(followUpAnswers)
    .where(and(inArray(followUpAnswers.drillId, [...drillIds]), ofOwner(who)))
    .orderBy(followUpAnswers.drillId, followUpAnswers.number);
  for (const row of rows) byDrill.set(row.drillId, [...(byDrill.get(row.drillId) ?? []), row]);
  return byDrill;
}
