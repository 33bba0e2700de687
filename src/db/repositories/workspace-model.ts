import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { drills, type ModelFollowUp, modelFollowUps, workspaceModel } from '../schema/index.ts';
import { type Owned, ofOwnDrill, ownDrill } from './people.ts';

/** Whether the workspace turned the extra coaching on (`/star model on`); no row is off. */
export async function isModelOn(db: Database, teamId: string): Promise<boolean> {
  const [row] = await db
    .select({ enabled: workspaceModel.enabled })
    .from(workspaceModel)
    .where(eq(workspaceModel.teamId, teamId));
  return row?.enabled ?? false;
}

/** Turns it on or off for the workspace; returns whether it was on before. */
export async function setModelOn(
  db: Database,
  p: { teamId: string; enabled: boolean; changedBy: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ enabled: workspaceModel.enabled })
      .from(workspaceModel)
      .where(eq(workspaceModel.teamId, p.teamId))
      .for('update');
    await tx
      .insert(workspaceModel)
      .values(p)
      .onConflictDoUpdate({
        target: workspaceModel.teamId,
        set: { enabled: p.enabled, changedBy: p.changedBy, changedAt: sql`now()` },
      });
    return before?.enabled ?? false;
  });
}

/**
 * Stores the model's follow-ups of a drill under the next free numbers after `firstNumber - 1` (the guide's
 * own follow-ups come first); none once the numbers run out (20, as follow_up_answers allows). Returns them
 * with their numbers. One statement per question, each taking max+1 under the drill's row lock, so two
 * replies for one drill never take the same number.
 */
export async function addModelFollowUps(
  db: Database,
  drill: Owned,
  p: { firstNumber: number; questions: readonly string[] },
): Promise<Array<{ number: number; question: string }>> {
  return db.transaction(async (tx) => {
    // Locks the drill only when it is the person's: someone else's drill gets nothing stored.
    const own = await tx.select({ id: drills.id }).from(drills).where(ownDrill(drill)).for('update');
    if (own.length === 0) return [];
    const [last] = await tx
      .select({ max: sql<number | null>`max(${modelFollowUps.number})` })
      .from(modelFollowUps)
      .where(eq(modelFollowUps.drillId, drill.id));
    let next = Math.max(p.firstNumber, (last?.max ?? 0) + 1);
    const stored: Array<{ number: number; question: string }> = [];
    for (const question of p.questions) {
      if (next > MAX_FOLLOW_UP_NUMBER) break;
      await tx.insert(modelFollowUps).values({ drillId: drill.id, number: next, questionText: question });
      stored.push({ number: next, question });
      next += 1;
    }
    return stored;
  });
}

/** follow_up_answers.number's upper bound. */
const MAX_FOLLOW_UP_NUMBER = 20;

/** A model follow-up of the person's drill; none of someone else's. */
export async function findModelFollowUp(
  db: Database,
  drill: Owned,
  number: number,
): Promise<ModelFollowUp | undefined> {
  const [row] = await db
    .select()
    .from(modelFollowUps)
    .where(
      and(
        eq(modelFollowUps.drillId, drill.id),
        eq(modelFollowUps.number, number),
        ofOwnDrill(modelFollowUps.drillId, drill),
      ),
    );
  return row;
}
