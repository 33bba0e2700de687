import { and, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../client.ts';
import { type DeliveryPause, deliveryPauses } from '../schema/index.ts';

const fromNow = (ms: number) => sql`now() + make_interval(secs => ${ms / 1000})`;

/**
 * For the claims and the tick's survey: rows of a workspace whose delivery is paused are not due. A pause's
 * scope is the workspace's team id.
 */
export const notPaused = (teamId: AnyPgColumn | SQL): SQL =>
  sql`not exists (select 1 from ${deliveryPauses} where ${deliveryPauses.scope} = ${teamId})`;

/**
 * Starts a pause for `scope` lasting `ms` on the database's clock. True only for the one call (on any replica)
 * that started it, so exactly one alert is logged; a pause already running is left as it is.
 */
export async function startPause(db: Database, scope: string, reason: string, ms: number): Promise<boolean> {
  const rows = await db
    .insert(deliveryPauses)
    .values({ scope, reason, pausedUntil: fromNow(ms) })
    .onConflictDoNothing()
    .returning({ scope: deliveryPauses.scope });
  return rows.length > 0;
}

export async function findPause(db: Database, scope: string): Promise<DeliveryPause | undefined> {
  const [row] = await db.select().from(deliveryPauses).where(eq(deliveryPauses.scope, scope));
  return row;
}

/**
 * Once a pause has run out, one replica takes the right to check the token again: it holds the pause for
 * `holdMs` more while it asks Slack, so the others keep waiting instead of asking too.
 */
export async function takePauseCheck(
  db: Database,
  scope: string,
  holdMs: number,
): Promise<DeliveryPause | undefined> {
  const [row] = await db
    .update(deliveryPauses)
    .set({ pausedUntil: fromNow(holdMs) })
    .where(and(eq(deliveryPauses.scope, scope), lte(deliveryPauses.pausedUntil, sql`now()`)))
    .returning();
  return row;
}

/** The token still fails (or could not be checked): pause again, for `ms`. */
export async function extendPause(
  db: Database,
  scope: string,
  p: { reason: string; failures: number; ms: number },
): Promise<void> {
  await db
    .update(deliveryPauses)
    .set({ reason: p.reason, failures: p.failures, pausedUntil: fromNow(p.ms) })
    .where(eq(deliveryPauses.scope, scope));
}

/** The token works again. True when there was a pause to end. */
export async function endPause(db: Database, scope: string): Promise<boolean> {
  const rows = await db
    .delete(deliveryPauses)
    .where(eq(deliveryPauses.scope, scope))
    .returning({ scope: deliveryPauses.scope });
  return rows.length > 0;
}

/**
 * The workspace uninstalled the app or revoked its token: nothing is delivered there until it reinstalls
 * (endPauses then). Unlike a refused token, this pause never runs out, so nobody checks the token again.
 * True for the call that started it or turned a running pause into this one (one log line).
 */
export async function pauseUntilReinstalled(
  db: Database,
  scopes: readonly string[],
  reason: string,
): Promise<string[]> {
  if (scopes.length === 0) return [];
  const rows = await db
    .insert(deliveryPauses)
    .values(scopes.map((scope) => ({ scope, reason, pausedUntil: sql`'infinity'::timestamptz` })))
    .onConflictDoUpdate({
      target: deliveryPauses.scope,
      set: { reason, pausedUntil: sql`'infinity'::timestamptz` },
      setWhere: sql`${deliveryPauses.pausedUntil} <> 'infinity'::timestamptz`,
    })
    .returning({ scope: deliveryPauses.scope });
  return rows.map((r) => r.scope);
}

/** A reinstall: delivery resumes in these workspaces. Returns the scopes whose pause ended. */
export async function endPauses(db: Database, scopes: readonly string[]): Promise<string[]> {
  if (scopes.length === 0) return [];
  const rows = await db
    .delete(deliveryPauses)
    .where(inArray(deliveryPauses.scope, [...scopes]))
    .returning({ scope: deliveryPauses.scope });
  return rows.map((r) => r.scope);
}

/** How many workspaces have delivery paused, for /healthz in multi-workspace mode. */
export async function countPauses(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(deliveryPauses);
  return row?.n ?? 0;
}

/** The reason of the pause `team_access_revoked` starts: its age decides the purge. */
export const TEAM_ACCESS_REVOKED = 'team_access_revoked';

/**
 * An org-wide app was removed from these workspaces (`team_access_revoked`): nothing is delivered there until
 * access is granted again, and their data is purged RETENTION_DAYS after the first such event (`created_at`
 * is reset only when the pause becomes this one, so Slack's retries never postpone the purge).
 */
export async function pauseRevokedTeams(db: Database, teams: readonly string[]): Promise<string[]> {
  if (teams.length === 0) return [];
  const rows = await db
    .insert(deliveryPauses)
    .values(
      teams.map((scope) => ({
        scope,
        reason: TEAM_ACCESS_REVOKED,
        pausedUntil: sql`'infinity'::timestamptz`,
      })),
    )
    .onConflictDoUpdate({
      target: deliveryPauses.scope,
      set: { reason: TEAM_ACCESS_REVOKED, pausedUntil: sql`'infinity'::timestamptz`, createdAt: sql`now()` },
      setWhere: sql`${deliveryPauses.reason} <> ${TEAM_ACCESS_REVOKED}`,
    })
    .returning({ scope: deliveryPauses.scope });
  return rows.map((r) => r.scope);
}

/** `team_access_granted`: the org-wide app reaches these workspaces again; only that pause ends. */
export async function endRevokedTeamPauses(db: Database, teams: readonly string[]): Promise<string[]> {
  if (teams.length === 0) return [];
  const rows = await db
    .delete(deliveryPauses)
    .where(and(inArray(deliveryPauses.scope, [...teams]), eq(deliveryPauses.reason, TEAM_ACCESS_REVOKED)))
    .returning({ scope: deliveryPauses.scope });
  return rows.map((r) => r.scope);
}

/** Workspaces whose access was revoked `retentionDays` or more before `now` (default: the database's now). */
export async function revokedTeamsDue(db: Database, retentionDays: number, now?: Date): Promise<string[]> {
  const at = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  const rows = await db
    .select({ scope: deliveryPauses.scope })
    .from(deliveryPauses)
    .where(
      and(
        eq(deliveryPauses.reason, TEAM_ACCESS_REVOKED),
        lte(deliveryPauses.createdAt, sql`${at} - make_interval(days => ${retentionDays})`),
      ),
    )
    .limit(100);
  return rows.map((r) => r.scope);
}
