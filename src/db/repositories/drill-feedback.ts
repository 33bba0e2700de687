import { and, isNull } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { OWNED, ownedParams, param, preparedFor } from '../prepared.ts';
import { drills } from '../schema/index.ts';
import { type Owned, ownDrill } from './people.ts';

/**
 * The feedback reply in a drill's thread: posted exactly once (a claim on the drill row), then updated in
 * place. Every statement names the drill with its owner.
 */
/**
 * Claims the right to post the sample answer in the drill's thread. Exactly one caller gets true, so a
 * retried or duplicated submission never posts the feedback twice. `at` is the bot's clock.
 */
export async function claimFeedback(db: Database, drill: Owned, at: Date): Promise<boolean> {
  const rows = await claimQuery(db).execute({ ...ownedParams(drill), at });
  return rows.length > 0;
}

const claimQuery = preparedFor((db) =>
  db
    .update(drills)
    .set({ feedbackPostedAt: param<Date>('at') })
    .where(and(ownDrill(OWNED), isNull(drills.feedbackPostedAt)))
    .returning({ id: drills.id })
    .prepare('claim_feedback'),
);

/** Gives the claim back after Slack refused the thread reply, so a later save can post it. */
export async function releaseFeedback(db: Database, drill: Owned): Promise<void> {
  await db.update(drills).set({ feedbackPostedAt: null }).where(ownDrill(drill));
}

/** The feedback message is in the thread: later edits and ratings update it there. */
export async function setFeedbackTs(db: Database, drill: Owned, ts: string): Promise<void> {
  await setTsQuery(db).execute({ ...ownedParams(drill), ts });
}

const setTsQuery = preparedFor((db) =>
  db
    .update(drills)
    .set({ feedbackTs: param<string>('ts') })
    .where(ownDrill(OWNED))
    .prepare('set_feedback_ts'),
);
