import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { AnswerFeedback } from '../../coach/types.ts';
import type { StarAnswer } from '../../drills/star-answer.ts';
import type { Database } from '../client.ts';
import { OWNED, ownedParams, param, preparedFor } from '../prepared.ts';
import { type Answer, answers } from '../schema/index.ts';
import { type Owned, ofOwnDrill, ownDrillId } from './people.ts';

/**
 * Stores the drill's one answer, or replaces it (an edit). `created` tells a first answer from an edit. An
 * edit clears the analysis of the old text (the new one follows the save) and keeps its score as the
 * previous one, for "up from 62". A first answer is stamped `answeredAt`, the bot's clock: the streak, the
 * recap's week and "last practised" are local dates of that instant, decided on the same clock as `now`
 * (the database's own clock would put them on another day whenever the two differ, as in tests and the
 * sandbox). An edit keeps the first instant. The drill must be the person's: another's drill id stores
 * nothing (the statement fails on the missing drill id).
 */
export async function saveAnswer(
  db: Database,
  drill: Owned,
  answer: StarAnswer,
  answeredAt: Date,
): Promise<{ answer: Answer; created: boolean }> {
  const [row] = await db
    .insert(answers)
    .values({ drillId: ownDrillId(drill), ...answer, createdAt: answeredAt })
    .onConflictDoUpdate({
      target: answers.drillId,
      set: {
        ...answer,
        previousScore: sql`coalesce(${answers.score}, ${answers.previousScore})`,
        score: null,
        feedback: null,
        updatedAt: sql`now()`,
      },
    })
    // xmax is 0 for a freshly inserted row and non-zero for one updated by ON CONFLICT.
    .returning({ ...getTableColumns(answers), inserted: sql<boolean>`(xmax = 0)` });
  if (!row) throw new Error(`could not store the answer to drill ${drill.id}`);
  const { inserted, ...stored } = row;
  return { answer: stored, created: inserted };
}

/** The answer to the person's drill; undefined for anyone else's drill. */
export async function findAnswer(db: Database, drill: Owned): Promise<Answer | undefined> {
  const [row] = await findAnswerQuery(db).execute(ownedParams(drill));
  return row;
}

const findAnswerQuery = preparedFor((db) =>
  db
    .select()
    .from(answers)
    .where(and(eq(answers.drillId, OWNED.id), ofOwnDrill(answers.drillId, OWNED)))
    .prepare('find_answer'),
);

/**
 * Stores the analysis of the answer as it was analysed: if the text changed meanwhile (another edit),
 * nothing is stored, and that edit's own analysis follows.
 */
export async function recordAnalysis(
  db: Database,
  drill: Owned,
  analysed: { updatedAt: Date },
  feedback: AnswerFeedback,
): Promise<Answer | undefined> {
  const [row] = await recordAnalysisQuery(db).execute({
    ...ownedParams(drill),
    updatedAt: analysed.updatedAt.toISOString(),
    score: feedback.score,
    feedback,
  });
  return row;
}

const recordAnalysisQuery = preparedFor((db) =>
  db
    .update(answers)
    .set({ score: param<number>('score'), feedback: param<AnswerFeedback>('feedback') })
    .where(
      // The column keeps microseconds, a Date only milliseconds: compare at a Date's precision, or on a
      // Postgres server (whose clock has microseconds) no analysis would ever be stored.
      and(
        sql`${answers.drillId} = ${OWNED.id} and date_trunc('milliseconds', ${answers.updatedAt}) = ${param('updatedAt')}::timestamptz`,
        ofOwnDrill(answers.drillId, OWNED),
      ),
    )
    .returning()
    .prepare('record_analysis'),
);
