import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { param, preparedFor } from '../prepared.ts';
import { type GuideVersion, guideDrafts, guideVersions, subscriptions } from '../schema/index.ts';

/** The workspace's guide now in use (without its text), or undefined: the built-in guide, never changed. */
export async function currentGuide(
  db: Database,
  teamId: string,
): Promise<Omit<GuideVersion, 'markdown'> & { custom: boolean }> {
  const [row] = await db
    .select({
      teamId: guideVersions.teamId,
      version: guideVersions.version,
      title: guideVersions.title,
      topicCount: guideVersions.topicCount,
      setBy: guideVersions.setBy,
      setAt: guideVersions.setAt,
      custom: sql<boolean>`${guideVersions.markdown} is not null`,
    })
    .from(guideVersions)
    .where(eq(guideVersions.teamId, teamId))
    .orderBy(desc(guideVersions.version))
    .limit(1);
  return (
    row ?? { teamId, version: 0, title: '', topicCount: 0, setBy: '', setAt: new Date(0), custom: false }
  );
}

/** The workspace's newest guide version (0: never changed): a primary-key lookup, cheap enough to poll. */
export async function latestGuideVersion(db: Database, teamId: string): Promise<number> {
  const [row] = await latestVersionQuery(db).execute({ teamId });
  return row?.version ?? 0;
}

const latestVersionQuery = preparedFor((db) =>
  db
    .select({ version: guideVersions.version })
    .from(guideVersions)
    .where(eq(guideVersions.teamId, param<string>('teamId')))
    .orderBy(desc(guideVersions.version))
    .limit(1)
    .prepare('latest_guide_version'),
);

/** One version's text (null: the built-in guide). */
export async function guideMarkdown(
  db: Database,
  teamId: string,
  version: number,
): Promise<string | null | undefined> {
  const [row] = await db
    .select({ markdown: guideVersions.markdown })
    .from(guideVersions)
    .where(and(eq(guideVersions.teamId, teamId), eq(guideVersions.version, version)));
  return row?.markdown;
}

/** How long an unused draft is kept: a preview left open longer is uploaded again. */
const DRAFT_DAYS = 1;

/** Keeps a checked upload for its preview; returns the draft's id. Old drafts of the workspace go. */
export async function saveGuideDraft(
  db: Database,
  p: { teamId: string; userId: string; markdown: string },
  now: Date,
): Promise<number> {
  const cutoff = new Date(now.getTime() - DRAFT_DAYS * 86_400_000);
  await db
    .delete(guideDrafts)
    .where(and(eq(guideDrafts.teamId, p.teamId), lt(guideDrafts.createdAt, cutoff)));
  const [row] = await db.insert(guideDrafts).values(p).returning({ id: guideDrafts.id });
  if (!row) throw new Error('could not store the guide draft');
  return row.id;
}

/** The draft an admin previewed, if it is still there and theirs (a forged id finds nothing). */
export async function findGuideDraft(
  db: Database,
  p: { teamId: string; userId: string; id: number },
): Promise<string | undefined> {
  const [row] = await db
    .select({ markdown: guideDrafts.markdown })
    .from(guideDrafts)
    .where(and(eq(guideDrafts.id, p.id), eq(guideDrafts.teamId, p.teamId), eq(guideDrafts.userId, p.userId)));
  return row?.markdown;
}

export interface GuideChange {
  teamId: string;
  setBy: string;
  /** null: back to the built-in guide. */
  markdown: string | null;
  title: string;
  /** The topics of the guide now in use: subscriptions to none of them fall back to all topics. */
  topicSlugs: readonly string[];
  /** The draft being applied, removed with the change. */
  draftId?: number;
}

/**
 * Makes a guide the workspace's, as its next version, in one transaction: the version number is taken under
 * a per-workspace lock, so two admins applying at once get versions n and n+1, never a clash. Subscriptions
 * whose topics all left the guide fall back to all topics (an empty list); they are returned, so each person
 * is told once: a second change finds their list already empty.
 */
export async function applyGuide(
  db: Database,
  change: GuideChange,
): Promise<{ version: number; fellBack: Array<{ userId: string; topics: string[] }> }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`guide:${change.teamId}`}, 0))`);
    const [last] = await tx
      .select({ version: guideVersions.version })
      .from(guideVersions)
      .where(eq(guideVersions.teamId, change.teamId))
      .orderBy(desc(guideVersions.version))
      .limit(1);
    const version = (last?.version ?? 0) + 1;
    await tx.insert(guideVersions).values({
      teamId: change.teamId,
      version,
      markdown: change.markdown,
      title: change.title,
      topicCount: change.topicSlugs.length,
      setBy: change.setBy,
    });
    if (change.draftId !== undefined) {
      await tx
        .delete(guideDrafts)
        .where(and(eq(guideDrafts.id, change.draftId), eq(guideDrafts.teamId, change.teamId)));
    }
    const slugs = sql`${`{${change.topicSlugs.map((s) => `"${s}"`).join(',')}}`}::text[]`;
    const orphaned = await tx
      .select({ id: subscriptions.id, userId: subscriptions.userId, topics: subscriptions.topics })
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.teamId, change.teamId),
          sql`cardinality(${subscriptions.topics}) > 0`,
          sql`not (${subscriptions.topics} && ${slugs})`,
        ),
      )
      .for('update');
    if (orphaned.length > 0) {
      await tx
        .update(subscriptions)
        .set({ topics: [] })
        .where(
          inArray(
            subscriptions.id,
            orphaned.map((o) => o.id),
          ),
        );
    }
    return { version, fellBack: orphaned.map(({ userId, topics }) => ({ userId, topics })) };
  });
}
