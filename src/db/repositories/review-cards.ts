import { and, eq } from 'drizzle-orm';
import { type Person, personKey } from '../../drills/person.ts';
import type { RatedCard } from '../../drills/review-cards.ts';
import type { Database } from '../client.ts';
import { PERSON, paramsOf, preparedFor } from '../prepared.ts';
import { type ReviewCard, reviewCards } from '../schema/index.ts';
import { ofPeople, ofPerson } from './people.ts';

/** The user's cards by question id, as the drill chooser wants them (drills/review-cards.ts's RatedCard). */
export async function ratedCardsOf(db: Database, who: Person): Promise<Map<string, RatedCard>> {
  const rows = await ratedCardsQuery(db).execute(paramsOf(who));
  return new Map(rows.map((row) => [row.questionId, asRated(row)]));
}

const ratedCardsQuery = preparedFor((db) =>
  db.select().from(reviewCards).where(ofPerson(reviewCards, PERSON)).prepare('rated_cards'),
);

/** ratedCardsOf for a whole claimed batch, in one query; by personKey. */
export async function ratedCardsOfUsers(
  db: Database,
  people: readonly Person[],
): Promise<Map<string, Map<string, RatedCard>>> {
  const byUser = new Map<string, Map<string, RatedCard>>(people.map((p) => [personKey(p), new Map()]));
  if (people.length === 0) return byUser;
  const rows = await db.select().from(reviewCards).where(ofPeople(reviewCards, people));
  for (const row of rows) byUser.get(personKey(row))?.set(row.questionId, asRated(row));
  return byUser;
}

function asRated(row: ReviewCard): RatedCard {
  // Only what the chooser reads: the card and its latest rating.
  return { card: row.card, previous: null, rating: row.lastRating, ratedAt: row.updatedAt.toISOString() };
}

/** The card a new rating builds on, locked until the transaction ends (two clicks must not interleave). */
export async function lockCard(
  db: Database,
  who: Person,
  questionId: string,
): Promise<ReviewCard | undefined> {
  const [row] = await db
    .select()
    .from(reviewCards)
    .where(
      and(
        eq(reviewCards.teamId, who.teamId),
        eq(reviewCards.userId, who.userId),
        eq(reviewCards.questionId, questionId),
      ),
    )
    .for('update');
  return row;
}

export async function saveCard(
  db: Database,
  who: Person,
  questionId: string,
  rated: RatedCard,
): Promise<void> {
  const fields = {
    card: rated.card,
    dueAt: new Date(rated.card.due),
    lastRating: rated.rating,
    // When it was rated, on the bot's clock: readiness fades from this instant (progress/topic-stats.ts).
    updatedAt: new Date(rated.ratedAt),
  };
  await db
    .insert(reviewCards)
    .values({ teamId: who.teamId, userId: who.userId, questionId, ...fields })
    .onConflictDoUpdate({
      target: [reviewCards.teamId, reviewCards.userId, reviewCards.questionId],
      set: fields,
    });
}
