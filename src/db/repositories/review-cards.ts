import { and, eq, inArray } from 'drizzle-orm';
import type { RatedCard } from '../../coach/review.ts';
import type { Database } from '../client.ts';
import { type ReviewCard, reviewCards } from '../schema/index.ts';

/** The user's cards by question id, as the drill chooser wants them (coach/review.ts's RatedCard). */
export async function ratedCardsOf(db: Database, userId: string): Promise<Map<string, RatedCard>> {
  return (await ratedCardsOfUsers(db, [userId])).get(userId) ?? new Map();
}

/** ratedCardsOf for a whole claimed batch, in one query. */
export async function ratedCardsOfUsers(
  db: Database,
  userIds: readonly string[],
): Promise<Map<string, Map<string, RatedCard>>> {
  const byUser = new Map<string, Map<string, RatedCard>>(userIds.map((id) => [id, new Map()]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select()
    .from(reviewCards)
    .where(inArray(reviewCards.userId, [...userIds]));
  for (const row of rows) byUser.get(row.userId)?.set(row.questionId, asRated(row));
  return byUser;
}

function asRated(row: ReviewCard): RatedCard {
  // Only what the chooser reads: the card and its latest rating.
  return { card: row.card, previous: null, rating: row.lastRating, ratedAt: row.updatedAt.toISOString() };
}

/** The card a new rating builds on, locked until the transaction ends (two clicks must not interleave). */
export async function lockCard(
  db: Database,
  userId: string,
  questionId: string,
): Promise<ReviewCard | undefined> {
  const [row] = await db
    .select()
    .from(reviewCards)
    .where(and(eq(reviewCards.userId, userId), eq(reviewCards.questionId, questionId)))
    .for('update');
  return row;
}

export async function saveCard(
  db: Database,
  userId: string,
  questionId: string,
  rated: RatedCard,
): Promise<void> {
  const fields = {
    card: rated.card,
    dueAt: new Date(rated.card.due),
    lastRating: rated.rating,
    updatedAt: new Date(),
  };
  await db
    .insert(reviewCards)
    .values({ userId, questionId, ...fields })
    .onConflictDoUpdate({ target: [reviewCards.userId, reviewCards.questionId], set: fields });
}
