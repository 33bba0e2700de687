import { and, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { AskedBefore } from '../../drills/choose-question.ts';
import { type Person, personKey } from '../../drills/person.ts';
import type { RatedCard } from '../../drills/review-cards.ts';
import type { Database } from '../client.ts';
import { OWNED, ownedParams, preparedFor } from '../prepared.ts';
import { answers, type Drill, drills, type NewDrill } from '../schema/index.ts';
import { type Owned, ofPeople, ofPerson, ownDrill } from './people.ts';

/**
 * A person's drills, on demand and from the listeners. Every function takes the person and scopes its query
 * by (team, user): a drill id from a Slack payload (which anyone can forge) is only ever looked up among the
 * asker's own drills, so another person's drill is simply not found. The scheduler's batch work on drills is
 * in scheduled-drills.ts, the feedback claim in drill-feedback.ts, the reminders in drill-reminders.ts.
 */

const drillsOf = (p: Person) => ofPerson(drills, p);

export async function insertDrill(db: Database, drill: NewDrill): Promise<Drill> {
  const [row] = await db.insert(drills).values(drill).returning();
  if (!row) throw new Error('could not store drill');
  return row;
}

/** The person's drill with this id; undefined for an unknown id and for anyone else's drill alike. */
export async function findDrill(db: Database, who: Person, id: number): Promise<Drill | undefined> {
  const [row] = await findDrillQuery(db).execute(ownedParams({ ...who, id }));
  return row;
}

const findDrillQuery = preparedFor((db) =>
  db.select().from(drills).where(ownDrill(OWNED)).prepare('find_drill'),
);

/** The person's drill, locked until the transaction ends: a rating must not interleave with another click's. */
export async function lockDrill(db: Database, who: Person, id: number): Promise<Drill | undefined> {
  const [row] = await db
    .select()
    .from(drills)
    .where(ownDrill({ ...who, id }))
    .for('update');
  return row;
}

export async function recordRating(db: Database, drill: Owned, rated: RatedCard): Promise<void> {
  await db.update(drills).set({ rating: rated.rating, ratedCard: rated }).where(ownDrill(drill));
}

/** Where the drill landed; `postedAt` is the bot's clock (what history, Home and the export show). */
export async function markDrillPosted(
  db: Database,
  drill: Owned,
  where: { channelId: string; messageTs: string; postedAt: Date },
) {
  const { channelId, messageTs, postedAt } = where;
  await db.update(drills).set({ channelId, messageTs, postedAt }).where(ownDrill(drill));
}

/**
 * A drill posted whose message ts could not be stored at the time: the first click on its button tells
 * where it is (only a drill that has no ts yet is completed this way).
 */
export async function completeDrillPost(
  db: Database,
  drill: Owned,
  where: { channelId: string; messageTs: string; at: Date },
) {
  const { channelId, messageTs, at } = where;
  await db
    .update(drills)
    .set({
      channelId,
      messageTs,
      postedAt: sql`coalesce(${drills.postedAt}, ${at.toISOString()}::timestamptz)`,
    })
    .where(and(ownDrill(drill), isNull(drills.messageTs)));
}

/** An on-demand drill whose DM could not be posted: nothing was sent, so nothing stays in the history. */
export async function deleteDrill(db: Database, drill: Owned): Promise<void> {
  await db.delete(drills).where(ownDrill(drill));
}

/** What the user was asked before, newest first: the input of question and topic choice. */
export async function drillHistory(db: Database, p: Person, limit = 200) {
  return db
    .select({ topicSlug: drills.topicSlug, questionId: drills.questionId, askedAt: drills.createdAt })
    .from(drills)
    .where(drillsOf(p))
    .orderBy(desc(drills.createdAt), desc(drills.id))
    .limit(limit);
}

/**
 * drillHistory for many people in one query (the scheduler's claimed batch): each one's newest `limit`
 * drills, newest first, by personKey. People without history get an empty list.
 */
export async function drillHistories(
  db: Database,
  people: readonly Person[],
  limit = 200,
): Promise<Map<string, AskedBefore[]>> {
  const byUser = new Map<string, AskedBefore[]>(people.map((p) => [personKey(p), []]));
  if (people.length === 0) return byUser;
  const ranked = db
    .select({
      teamId: drills.teamId,
      userId: drills.userId,
      topicSlug: drills.topicSlug,
      questionId: drills.questionId,
      askedAt: drills.createdAt,
      id: drills.id,
      rank: sql<number>`row_number() over (partition by ${drills.teamId}, ${drills.userId} order by ${drills.createdAt} desc, ${drills.id} desc)`.as(
        'rank',
      ),
    })
    .from(drills)
    .where(ofPeople(drills, people))
    .as('ranked');
  const rows = await db
    .select({
      teamId: ranked.teamId,
      userId: ranked.userId,
      topicSlug: ranked.topicSlug,
      questionId: ranked.questionId,
      askedAt: ranked.askedAt,
    })
    .from(ranked)
    .where(lte(ranked.rank, limit))
    .orderBy(ranked.teamId, ranked.userId, desc(ranked.askedAt), desc(ranked.id));
  for (const { teamId, userId, ...asked } of rows) byUser.get(personKey({ teamId, userId }))?.push(asked);
  return byUser;
}

export async function recentDrills(db: Database, p: Person, limit = 10) {
  return db
    .select({
      id: drills.id,
      topicSlug: drills.topicSlug,
      questionText: drills.questionText,
      source: drills.source,
      createdAt: drills.createdAt,
      answeredAt: answers.createdAt,
      score: answers.score,
      rating: drills.rating,
    })
    .from(drills)
    .leftJoin(answers, eq(answers.drillId, drills.id))
    .where(drillsOf(p))
    .orderBy(desc(drills.createdAt), desc(drills.id))
    .limit(limit);
}

export async function countAnsweredDrills(db: Database, p: Person): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(answers)
    .innerJoin(drills, eq(drills.id, answers.drillId))
    .where(drillsOf(p));
  return row?.n ?? 0;
}

/**
 * Drills the user asked for (not scheduled ones) in the `seconds` before `now`: the bot's clock, the one
 * their created_at was stamped with.
 */
export async function countRecentOnDemandDrills(
  db: Database,
  p: Person,
  seconds: number,
  now: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(drills)
    .where(
      and(
        drillsOf(p),
        eq(drills.source, 'on_demand'),
        sql`${drills.createdAt} > ${now.toISOString()}::timestamptz - make_interval(secs => ${seconds})`,
      ),
    );
  return row?.n ?? 0;
}
