import { and, desc, eq, sql } from 'drizzle-orm';
import type { Person } from '../../drills/person.ts';
import type { StarAnswer } from '../../drills/star-answer.ts';
import type { Database } from '../client.ts';
import { PERSON, param, paramsOf, preparedFor } from '../prepared.ts';
import { answers, drillStories, drills, type Story, stories } from '../schema/index.ts';
import { ofPeople } from './people.ts';

// Every function takes the person and every statement carries (team_id, user_id): a story id from a
// payload that is someone else's finds nothing.
const storyOf = (who: Person) => and(eq(stories.teamId, who.teamId), eq(stories.userId, who.userId));
const linkOf = (who: Person) => and(eq(drillStories.teamId, who.teamId), eq(drillStories.userId, who.userId));
const drillOf = (who: Person) => and(eq(drills.teamId, who.teamId), eq(drills.userId, who.userId));

export async function findStory(db: Database, who: Person, storyId: number): Promise<Story | undefined> {
  const [row] = await db
    .select()
    .from(stories)
    .where(and(storyOf(who), eq(stories.id, storyId)));
  return row;
}

/** The story an answered drill tells, if it has one yet. */
export async function storyOfDrill(db: Database, who: Person, drillId: number): Promise<Story | undefined> {
  const [row] = await storyOfDrillQuery(db).execute({ ...paramsOf(who), drillId });
  return row?.story;
}

const storyOfDrillQuery = preparedFor((db) =>
  db
    .select({ story: stories })
    .from(drillStories)
    .innerJoin(stories, eq(stories.id, drillStories.storyId))
    .where(and(linkOf(PERSON), eq(drillStories.drillId, param<number>('drillId'))))
    .prepare('story_of_drill'),
);

/**
 * The drill's story: the one it already tells (an edited answer keeps its story), else a new story named
 * `title`. Run in a transaction: two replicas (or a retried submission) linking the same drill meet on
 * drill_stories' primary key; the one that loses deletes the story it made and returns the winner's.
 */
export async function ensureStoryForDrill(
  db: Database,
  who: Person,
  drillId: number,
  title: () => string,
): Promise<{ story: Story; created: boolean } | undefined> {
  return db.transaction(async (tx) => {
    const existing = await storyOfDrill(tx, who, drillId);
    if (existing) return { story: existing, created: false };
    const [owned] = await tx
      .select({ id: drills.id })
      .from(drills)
      .where(and(drillOf(who), eq(drills.id, drillId)));
    if (!owned) return undefined;
    const [story] = await tx
      .insert(stories)
      .values({ ...who, title: title() })
      .returning();
    if (!story) throw new Error('could not store a story');
    const linked = await tx
      .insert(drillStories)
      .values({ drillId, storyId: story.id, ...who })
      .onConflictDoNothing()
      .returning();
    if (linked.length > 0) return { story, created: true };
    await tx.delete(stories).where(and(storyOf(who), eq(stories.id, story.id)));
    const winner = await storyOfDrill(tx, who, drillId);
    return winner ? { story: winner, created: false } : undefined;
  });
}

/**
 * "This is the same story as ...": the drill now tells `storyId`. A story left with no answer is deleted,
 * so merging two stories leaves one. False when the drill or the story is not the person's.
 */
export async function moveDrillToStory(
  db: Database,
  who: Person,
  drillId: number,
  storyId: number,
): Promise<boolean> {
  const [owned] = await db
    .select({ id: drills.id })
    .from(drills)
    .where(and(drillOf(who), eq(drills.id, drillId)));
  if (!owned || !(await findStory(db, who, storyId))) return false;
  const before = await storyOfDrill(db, who, drillId);
  await db
    .insert(drillStories)
    .values({ drillId, storyId, ...who })
    .onConflictDoUpdate({ target: drillStories.drillId, set: { storyId } });
  if (before && before.id !== storyId) await deleteIfUntold(db, who, before.id);
  await db
    .update(stories)
    .set({ updatedAt: sql`now()` })
    .where(and(storyOf(who), eq(stories.id, storyId)));
  return true;
}

async function deleteIfUntold(db: Database, who: Person, storyId: number): Promise<void> {
  await db
    .delete(stories)
    .where(
      and(
        storyOf(who),
        eq(stories.id, storyId),
        sql`not exists (select 1 from ${drillStories} where ${drillStories.storyId} = ${storyId})`,
      ),
    );
}

/** Renames the person's story; undefined when it is not theirs (or no longer exists). */
export async function renameStory(
  db: Database,
  who: Person,
  storyId: number,
  title: string,
): Promise<Story | undefined> {
  const [row] = await db
    .update(stories)
    .set({ title, updatedAt: sql`now()` })
    .where(and(storyOf(who), eq(stories.id, storyId)))
    .returning();
  return row;
}

export interface StoryRow {
  id: number;
  title: string;
  bestScore: number | null;
  topicSlugs: string[];
  updatedAt: Date;
}

/** The person's stories with their best score and the topics they answered, most recently used first. */
export async function storiesOf(db: Database, who: Person): Promise<StoryRow[]> {
  const rows = await storiesQuery(db).execute(paramsOf(who));
  return rows.map((r) => ({
    ...r,
    bestScore: r.bestScore === null ? null : Number(r.bestScore),
    topicSlugs: r.topicSlugs ?? [],
  }));
}

const storiesQuery = preparedFor((db) =>
  db
    .select({
      id: stories.id,
      title: stories.title,
      updatedAt: stories.updatedAt,
      bestScore: sql<number | null>`max(${answers.score})`,
      topicSlugs: sql<
        string[] | null
      >`array_agg(distinct ${drills.topicSlug}) filter (where ${drills.id} is not null)`,
    })
    .from(stories)
    .leftJoin(drillStories, eq(drillStories.storyId, stories.id))
    .leftJoin(drills, eq(drills.id, drillStories.drillId))
    .leftJoin(answers, eq(answers.drillId, drills.id))
    .where(storyOf(PERSON))
    .groupBy(stories.id)
    .orderBy(desc(stories.updatedAt), desc(stories.id))
    .prepare('stories_of'),
);

/** The latest saved text of a story (its most recently saved answer), to start a new answer from. */
export async function latestTextOfStory(
  db: Database,
  who: Person,
  storyId: number,
): Promise<StarAnswer | undefined> {
  const [row] = await db
    .select({
      situation: answers.situation,
      task: answers.task,
      action: answers.action,
      result: answers.result,
    })
    .from(drillStories)
    .innerJoin(answers, eq(answers.drillId, drillStories.drillId))
    .where(and(linkOf(who), eq(drillStories.storyId, storyId)))
    .orderBy(desc(answers.updatedAt))
    .limit(1);
  return row;
}

/** Story titles by drill id, for the export. */
export async function storyTitlesByDrill(db: Database, who: Person): Promise<Map<number, string>> {
  const rows = await db
    .select({ drillId: drillStories.drillId, title: stories.title })
    .from(drillStories)
    .innerJoin(stories, eq(stories.id, drillStories.storyId))
    .where(linkOf(who));
  return new Map(rows.map((r) => [r.drillId, r.title]));
}

/** Distinct stories per topic for a batch of people (the scheduler's), keyed `team/user` then topic slug. */
export async function storyCountsOfPeople(
  db: Database,
  people: readonly Person[],
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (people.length === 0) return out;
  const rows = await db
    .select({
      teamId: drillStories.teamId,
      userId: drillStories.userId,
      topicSlug: drills.topicSlug,
      n: sql<number>`count(distinct ${drillStories.storyId})::int`,
    })
    .from(drillStories)
    .innerJoin(drills, eq(drills.id, drillStories.drillId))
    .where(ofPeople(drillStories, people))
    .groupBy(drillStories.teamId, drillStories.userId, drills.topicSlug);
  for (const r of rows) {
    const key = `${r.teamId}/${r.userId}`;
    const perTopic = out.get(key) ?? new Map<string, number>();
    perTopic.set(r.topicSlug, Number(r.n));
    out.set(key, perTopic);
  }
  return out;
}

/** Every answer text that tells one of the person's stories (for which role requirements they cover). */
export async function storyTextsOf(db: Database, who: Person): Promise<string[]> {
  const rows = await db
    .select({
      situation: answers.situation,
      task: answers.task,
      action: answers.action,
      result: answers.result,
    })
    .from(drillStories)
    .innerJoin(answers, eq(answers.drillId, drillStories.drillId))
    .where(linkOf(who));
  return rows.map((r) => [r.situation, r.task, r.action, r.result].join('\n'));
}
