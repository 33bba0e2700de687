import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { StarAnswer } from '../../drills/star-answer.ts';
import type { Database } from '../client.ts';
import { type Answer, answers } from '../schema/index.ts';

/** Stores the drill's one answer, or replaces it (an edit). `created` tells a first answer from an edit. */
export async function saveAnswer(
  db: Database,
  drillId: number,
  answer: StarAnswer,
): Promise<{ answer: Answer; created: boolean }> {
  const [row] = await db
    .insert(answers)
    .values({ drillId, ...answer })
    .onConflictDoUpdate({
      target: answers.drillId,
      set: { ...answer, updatedAt: sql`now()` },
    })
    // xmax is 0 for a freshly inserted row and non-zero for one updated by ON CONFLICT.
    .returning({ ...getTableColumns(answers), inserted: sql<boolean>`(xmax = 0)` });
  if (!row) throw new Error(`could not store the answer to drill ${drillId}`);
  const { inserted, ...stored } = row;
  return { answer: stored, created: inserted };
}

export async function findAnswer(db: Database, drillId: number): Promise<Answer | undefined> {
  const [row] = await db.select().from(answers).where(eq(answers.drillId, drillId));
  return row;
}
