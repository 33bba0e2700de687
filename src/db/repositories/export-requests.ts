import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Person } from '../../drills/person.ts';
import type { Database } from '../client.ts';
import { exportRequests } from '../schema/index.ts';

export type ExportSlot = { granted: true; id: number } | { granted: false; retryAt: Date };

/**
 * Takes one of a person's `limit` exports per `windowMs`, or says when the oldest one frees up. Serialised per
 * person with a transaction-level advisory lock, so two replicas answering the same person at once cannot
 * both take the last slot.
 */
export async function takeExportSlot(
  db: Database,
  who: Person,
  o: { limit: number; windowMs: number; now: Date },
): Promise<ExportSlot> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`export:${who.teamId}:${who.userId}`}))`);
    const since = new Date(o.now.getTime() - o.windowMs);
    const recent = await tx
      .select({ createdAt: exportRequests.createdAt })
      .from(exportRequests)
      .where(
        and(
          eq(exportRequests.teamId, who.teamId),
          eq(exportRequests.userId, who.userId),
          gt(exportRequests.createdAt, since),
        ),
      )
      .orderBy(asc(exportRequests.createdAt));
    if (recent.length >= o.limit) {
      const oldest = recent[recent.length - o.limit]?.createdAt ?? o.now;
      return { granted: false, retryAt: new Date(oldest.getTime() + o.windowMs) };
    }
    const [row] = await tx
      .insert(exportRequests)
      .values({ teamId: who.teamId, userId: who.userId, createdAt: o.now })
      .returning({ id: exportRequests.id });
    if (!row) throw new Error('could not record the export request');
    return { granted: true, id: row.id };
  });
}

/** Gives a slot back: the export did not happen (nothing to export, or the upload failed). */
export async function releaseExportSlot(db: Database, who: Person, id: number): Promise<void> {
  await db
    .delete(exportRequests)
    .where(
      and(
        eq(exportRequests.id, id),
        eq(exportRequests.teamId, who.teamId),
        eq(exportRequests.userId, who.userId),
      ),
    );
}

/** Requests from before `before` (now less the window) count for nothing. */
export async function forgetOldExportRequests(db: Database, before: Date): Promise<void> {
  await db.delete(exportRequests).where(lt(exportRequests.createdAt, before));
}
