import { and, eq, lte, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { type DeliveryPause, deliveryPauses } from '../schema/index.ts';

const fromNow = (ms: number) => sql`now() + make_interval(secs => ${ms / 1000})`;

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
