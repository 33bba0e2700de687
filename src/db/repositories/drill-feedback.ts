import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { drills } from '../schema/index.ts';
import { type Owned, ofPerson } from './people.ts';

/**
 * The feedback reply in a drill's thread: posted exactly once (a claim on the drill row), then updated in
 * place. Every statement names the drill with its owner.
 */
const ownDrill = (d: Owned) => and(eq(drills.id, d.id), ofPerson(drills, d));

/**
 * Claims the right to post the sample answer in the drill's thread. Exactly one caller gets true, so a
 * retried or duplicated submission never posts the feedback twice.
 */
export async function claimFeedback(db: Database, drill: Owned): Promise<boolean> {
  const rows = await db
    .update(drills)
    .set({ feedbackPostedAt: sql`now()` })
    .where(and(ownDrill(drill), isNull(drills.feedbackPostedAt)))
    .returning({ id: drills.id });
  return rows.length > 0;
}

/** Gives the claim back after Slack refused the thread reply, so a later save can post it. */
export async function releaseFeedback(db: Database, drill: Owned): Promise<void> {
  await db.update(drills).set({ feedbackPostedAt: null }).where(ownDrill(drill));
}

/** The feedback message is in the thread: later edits and ratings update it there. */
export async function setFeedbackTs(db: Database, drill: Owned, ts: string): Promise<void> {
  await db.update(drills).set({ feedbackTs: ts }).where(ownDrill(drill));
}
