import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { subscriptions, users } from '../schema/index.ts';
import { type Owned, ofPerson } from './people.ts';
import { type NextDelivery, ownUser, type SubscriptionWithZone, withZone } from './subscriptions.ts';
import { notPaused } from './token-pauses.ts';

/**
 * The scheduler's side of subscriptions: claiming the due ones (every person's, by the claim's lease), then
 * advancing or giving back what this replica claimed. A single row is named by its id and its owner, and
 * only while this replica still holds it: the lease may have expired and another replica may hold it now.
 */
const heldBy = (row: Owned, replicaId: string) =>
  and(eq(subscriptions.id, row.id), ofPerson(subscriptions, row), eq(subscriptions.claimedBy, replicaId));

export interface ClaimRequest {
  /** Rows due at this instant (the scheduler's clock) are taken, unless a lease on them is still running. */
  now: Date;
  /** How long this replica's lease on the rows it takes lasts, from the database's `now()`. */
  leaseMs: number;
  replicaId: string;
  limit: number;
  /** Workspaces this replica must not post to right now (Slack's Retry-After, a token refused this run). */
  skipTeams?: readonly string[];
}

/**
 * Takes up to `limit` due subscriptions for this replica, oldest due first, in one statement. The inner
 * select walks the partial index on next_due_at (active rows only), so a tick with nothing due costs the same
 * at any number of subscribers; SKIP LOCKED lets replicas ticking at the same moment take disjoint rows
 * instead of waiting on each other, and the lease (claimed_until) keeps a row from being taken again while
 * its delivery runs. A lease that expired belongs to a replica that died: the row is due again. Leases are
 * set and compared on the database's clock, so replicas whose clocks disagree still agree on them.
 */
export function claimDueSubscriptions(db: Database, c: ClaimRequest): Promise<SubscriptionWithZone[]> {
  return claimQuery(db, c);
}

/** The claim statement unexecuted (`.toSQL()`), so the benchmark can EXPLAIN exactly what a tick runs. */
export function claimQuery(db: Database, c: ClaimRequest) {
  const due = db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(
      and(
        sql`${subscriptions.active}`,
        lte(subscriptions.nextDueAt, c.now),
        or(isNull(subscriptions.retryAt), lte(subscriptions.retryAt, c.now)),
        or(isNull(subscriptions.claimedUntil), lt(subscriptions.claimedUntil, sql`now()`)),
        notPaused(subscriptions.teamId),
        c.skipTeams?.length
          ? sql`${subscriptions.teamId} <> all(${sql.param([...c.skipTeams])}::text[])`
          : undefined,
      ),
    )
    .orderBy(asc(subscriptions.nextDueAt))
    .limit(c.limit)
    .for('update', { of: subscriptions, skipLocked: true });
  return db
    .update(subscriptions)
    .set({
      claimedUntil: sql`now() + make_interval(secs => ${c.leaseMs / 1000})`,
      claimedBy: c.replicaId,
    })
    .from(users)
    .where(and(inArray(subscriptions.id, due), ownUser))
    .returning(withZone);
}

export interface Advance {
  id: number;
  /** The local date just delivered (or passed over): the next delivery comes after it. */
  localDate: string;
}

/**
 * After deliveries (or days passed over): stores each row's next delivery and gives the claims back, for a
 * whole batch in one transaction of two statements. The rows still held by this replica are read under a row
 * lock (the user may have changed their settings while the drills were being
 * posted, and the next delivery must follow the settings as they are now), then all are updated from one
 * unnest() of arrays. Returns the ids this replica still held; the others were taken over after the lease.
 */
export async function advanceSubscriptions(
  db: Database,
  replicaId: string,
  items: readonly Advance[],
  nextOf: (current: SubscriptionWithZone, localDate: string) => NextDelivery | null,
): Promise<Set<number>> {
  if (items.length === 0) return new Set();
  const dateOf = new Map(items.map((i) => [i.id, i.localDate]));
  return db.transaction(async (tx) => {
    const held = await tx
      .select(withZone)
      .from(subscriptions)
      .innerJoin(users, ownUser)
      .where(and(inArray(subscriptions.id, [...dateOf.keys()]), eq(subscriptions.claimedBy, replicaId)))
      // One lock order for every batch, so two transactions never wait on each other in a cycle.
      .orderBy(asc(subscriptions.id))
      .for('update', { of: subscriptions });
    if (held.length === 0) return new Set();
    const ids: number[] = [];
    const dues: Array<string | null> = [];
    const dates: Array<string | null> = [];
    for (const current of held) {
      const next = current.active ? nextOf(current, dateOf.get(current.id) as string) : null;
      ids.push(current.id);
      dues.push(next?.dueAt.toISOString() ?? null);
      dates.push(next?.localDate ?? null);
    }
    await tx.execute(sql`
      update ${subscriptions} as s
      set next_due_at = v.due, next_due_date = v.day,
          claimed_until = null, claimed_by = null, delivery_attempts = 0, retry_at = null
      from unnest(${sql.param(ids)}::int[], ${sql.param(dues)}::timestamptz[], ${sql.param(dates)}::date[])
        as v(id, due, day)
      where s.id = v.id`);
    return new Set(ids);
  });
}

/**
 * Gives a claim back without advancing. With `retryAt`, a failed delivery: the row is not taken again before
 * that instant and the attempt is counted; without, the delivery never started (the replica is stopping, or
 * delivery is paused) and nothing counts against the subscriber.
 */
export async function releaseClaim(
  db: Database,
  row: Owned,
  replicaId: string,
  retryAt?: Date,
): Promise<void> {
  await db
    .update(subscriptions)
    .set({
      claimedUntil: null,
      claimedBy: null,
      ...(retryAt ? { retryAt, deliveryAttempts: sql`${subscriptions.deliveryAttempts} + 1` } : {}),
    })
    .where(heldBy(row, replicaId));
}

/** Slack said the drills can never arrive (account gone, DMs impossible): stop, and keep why. */
export async function deactivateSubscription(
  db: Database,
  row: Owned,
  replicaId: string,
  reason: string,
): Promise<boolean> {
  const rows = await db
    .update(subscriptions)
    .set({
      active: false,
      deactivatedReason: reason,
      nextDueAt: null,
      nextDueDate: null,
      claimedUntil: null,
      claimedBy: null,
      retryAt: null,
      updatedAt: sql`now()`,
    })
    .where(heldBy(row, replicaId))
    .returning({ id: subscriptions.id });
  return rows.length > 0;
}
