import { and, eq, getTableColumns, inArray, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import {
  deliveryPauses,
  guideDrafts,
  guideVersions,
  type InstallationRow,
  installations,
  type NewInstallationRow,
  users,
  workspaceModel,
} from '../schema/index.ts';

/** How long a revoked installation and its workspace's data are kept, in case the workspace reinstalls. */
export const RETENTION_DAYS = 30;

/** What Bolt asks for (InstallationQuery) and what Slack's events carry. */
export interface InstallationLookup {
  teamId?: string | null;
  enterpriseId?: string | null;
  isEnterpriseInstall?: boolean;
}

/**
 * The row an install or a request belongs to: an org-wide install by its enterprise id, any other by its
 * team id. Undefined when the lookup lacks the id it needs.
 */
export function installationIdOf(q: InstallationLookup): string | undefined {
  const id = q.isEnterpriseInstall ? q.enterpriseId : q.teamId;
  return id ? id : undefined;
}

const at = (when: Date | undefined): SQL => (when ? sql`${when.toISOString()}::timestamptz` : sql`now()`);

/**
 * Stores an install; a reinstall updates the same row (new token, scopes, installer), keeps `installed_at`,
 * and clears a revocation: the workspace is back, and its data is no longer due for deletion.
 */
export async function upsertInstallation(
  db: Database,
  row: Omit<NewInstallationRow, 'installedAt' | 'updatedAt' | 'revokedAt' | 'purgeAfter'>,
): Promise<{ row: InstallationRow; created: boolean }> {
  const { id: _id, ...changes } = row;
  const [stored] = await db
    .insert(installations)
    .values(row)
    .onConflictDoUpdate({
      target: installations.id,
      set: {
        // Every column the install carries, so a field Slack no longer sends (e.g. an expiry) is cleared too.
        teamId: changes.teamId ?? null,
        teamName: changes.teamName ?? null,
        enterpriseId: changes.enterpriseId ?? null,
        enterpriseName: changes.enterpriseName ?? null,
        enterpriseUrl: changes.enterpriseUrl ?? null,
        isEnterpriseInstall: changes.isEnterpriseInstall,
        appId: changes.appId ?? null,
        botToken: changes.botToken,
        botId: changes.botId,
        botUserId: changes.botUserId,
        botScopes: changes.botScopes,
        botRefreshToken: changes.botRefreshToken ?? null,
        botTokenExpiresAt: changes.botTokenExpiresAt ?? null,
        installerUserId: changes.installerUserId,
        updatedAt: sql`now()`,
        revokedAt: null,
        purgeAfter: null,
      },
    })
    // xmax is 0 on a row this statement inserted, and the updating transaction's id on one it updated.
    .returning({ ...getTableColumns(installations), created: sql<boolean>`(xmax = 0)` });
  if (!stored) throw new Error(`could not store installation ${row.id}`);
  const { created, ...rest } = stored;
  return { row: rest, created: Boolean(created) };
}

/** The installation, revoked or not (for the purge and for operators); see findActiveInstallation. */
export async function findInstallation(db: Database, id: string): Promise<InstallationRow | undefined> {
  const [row] = await db.select().from(installations).where(eq(installations.id, id));
  return row;
}

/**
 * How many installations are active (org-wide ones included), and the team ids of up to `limit` active
 * workspace installs: legacy rows are adopted only while there is exactly one.
 */
export async function activeWorkspaceInstalls(
  db: Database,
  limit: number,
): Promise<{ total: number; teamIds: string[] }> {
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(installations)
    .where(isNull(installations.revokedAt));
  const rows = await db
    .select({ teamId: installations.teamId })
    .from(installations)
    .where(and(isNull(installations.revokedAt), eq(installations.isEnterpriseInstall, false)))
    .limit(limit);
  return { total: count?.n ?? 0, teamIds: rows.flatMap((r) => (r.teamId ? [r.teamId] : [])) };
}

/** The installation whose token may be used: never a revoked one. */
export async function findActiveInstallation(db: Database, id: string): Promise<InstallationRow | undefined> {
  const [row] = await db
    .select()
    .from(installations)
    .where(and(eq(installations.id, id), isNull(installations.revokedAt)));
  return row;
}

/**
 * `app_uninstalled` / `tokens_revoked` (or Bolt's deleteInstallation): the token is dead from `when` (default:
 * the database's now) and the workspace's data is due for deletion RETENTION_DAYS later. Returns the row only
 * to the one call that revoked it, so exactly one replica logs it; an installation already revoked keeps its
 * first date, so repeated events never postpone the purge.
 */
export async function markRevoked(
  db: Database,
  id: string,
  when?: Date,
): Promise<InstallationRow | undefined> {
  const [row] = await db
    .update(installations)
    .set({
      revokedAt: at(when),
      purgeAfter: sql`${at(when)} + make_interval(days => ${RETENTION_DAYS})`,
    })
    .where(and(eq(installations.id, id), isNull(installations.revokedAt)))
    .returning();
  return row;
}

export interface DueForPurge {
  id: string;
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  revokedAt: Date;
}

/**
 * Installations revoked more than RETENTION_DAYS before `now` (default: the database's now) and not
 * reinstalled since: their workspaces' data is to be deleted. Oldest first.
 */
export async function installationsDueForPurge(
  db: Database,
  now?: Date,
  limit = 100,
): Promise<DueForPurge[]> {
  const rows = await db
    .select({
      id: installations.id,
      teamId: installations.teamId,
      enterpriseId: installations.enterpriseId,
      isEnterpriseInstall: installations.isEnterpriseInstall,
      revokedAt: installations.revokedAt,
    })
    .from(installations)
    .where(and(isNotNull(installations.revokedAt), lte(installations.purgeAfter, at(now))))
    .orderBy(installations.purgeAfter)
    .limit(limit);
  return rows.map((r) => ({ ...r, revokedAt: r.revokedAt as Date }));
}

/**
 * The purge's last step, in the transaction that deleted the workspace's data: deletes the installation only if
 * it is still revoked and due, so a reinstall that won the race keeps it. True when it was deleted.
 */
export async function deletePurgedInstallation(db: Database, id: string, now?: Date): Promise<boolean> {
  const rows = await db
    .delete(installations)
    .where(
      and(
        eq(installations.id, id),
        isNotNull(installations.revokedAt),
        lte(installations.purgeAfter, at(now)),
      ),
    )
    .returning({ id: installations.id });
  return rows.length > 0;
}

/**
 * Deletes a workspace whose installation was revoked RETENTION_DAYS ago and never reinstalled: the installation
 * row and every row about its people (users cascade to subscriptions, drills, answers, cards, recaps, days
 * off), and its delivery pauses. One transaction, the installation re-checked inside it: a reinstall that won
 * the race keeps everything. An org-wide installation takes the people of every workspace of its enterprise
 * that has no installation of its own.
 * Returns how many people were deleted, or undefined when the installation was no longer due.
 */
export async function purgeWorkspace(
  db: Database,
  due: DueForPurge,
  now?: Date,
): Promise<number | undefined> {
  return db.transaction(async (tx) => {
    if (!(await deletePurgedInstallation(tx, due.id, now))) return undefined;
    // An org-wide install's purge leaves the workspaces that installed the app themselves: their people are
    // that installation's (it may still be active), not the organisation's.
    const whose = due.isEnterpriseInstall
      ? and(
          eq(users.enterpriseId, due.id),
          sql`${users.teamId} not in (select team_id from ${installations} where team_id is not null and not is_enterprise_install)`,
        )
      : eq(users.teamId, due.teamId ?? due.id);
    const teams = await tx.selectDistinct({ teamId: users.teamId }).from(users).where(whose);
    const deleted = await tx.delete(users).where(whose).returning({ id: users.id });
    const scopes = [...new Set([due.teamId ?? due.id, ...teams.map((t) => t.teamId)])];
    await tx.delete(deliveryPauses).where(inArray(deliveryPauses.scope, scopes));
    await tx.delete(workspaceModel).where(inArray(workspaceModel.teamId, scopes));
    await tx.delete(guideVersions).where(inArray(guideVersions.teamId, scopes));
    await tx.delete(guideDrafts).where(inArray(guideDrafts.teamId, scopes));
    return deleted.length;
  });
}
