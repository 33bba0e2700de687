import { and, eq, lte, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { deliveryPauses, guideDrafts, guideVersions, users, workspaceModel } from '../schema/index.ts';
import { TEAM_ACCESS_REVOKED } from './token-pauses.ts';

/**
 * Deletes the people of a workspace an org-wide app was removed from (`team_access_revoked`) `retentionDays`
 * ago (users cascade to their drills, answers, peer reviews and the rest), its pause, and what the workspace
 * kept beside its people (its guides and guide drafts, its model choice), as `purgeWorkspace` does for an
 * uninstall, in one transaction; the pause is re-checked inside it, so access granted again in the meantime
 * keeps everything. Returns how many people were deleted, or undefined when it was no longer due.
 */
export async function purgeRevokedTeam(
  db: Database,
  teamId: string,
  retentionDays: number,
  now?: Date,
): Promise<number | undefined> {
  const at = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  return db.transaction(async (tx) => {
    const ended = await tx
      .delete(deliveryPauses)
      .where(
        and(
          eq(deliveryPauses.scope, teamId),
          eq(deliveryPauses.reason, TEAM_ACCESS_REVOKED),
          lte(deliveryPauses.createdAt, sql`${at} - make_interval(days => ${retentionDays})`),
        ),
      )
      .returning({ scope: deliveryPauses.scope });
    if (ended.length === 0) return undefined;
    const deleted = await tx.delete(users).where(eq(users.teamId, teamId)).returning({ id: users.id });
    // Not hung from a user row, so the cascade misses them: the guide's text and who uploaded it are data too.
    await tx.delete(workspaceModel).where(eq(workspaceModel.teamId, teamId));
    await tx.delete(guideVersions).where(eq(guideVersions.teamId, teamId));
    await tx.delete(guideDrafts).where(eq(guideDrafts.teamId, teamId));
    return deleted.length;
  });
}
