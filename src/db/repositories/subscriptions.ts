import { and, asc, eq, getTableColumns, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { drills, type Subscription, subscriptions, users } from '../schema/index.ts';

/** A subscription with its user's stored IANA zone: everything needed to compute its next delivery. */
export type SubscriptionWithZone = Subscription & { tz: string };

export interface NextDelivery {
  localDate: string;
  dueAt: Date;
}

const withZone = { ...getTableColumns(subscriptions), tz: users.tz };

/**
 * A claim this repository handed out may only be released by the same replica: the lease may have expired
 * and another replica may hold the row now.
 */
const heldBy = (id: number, replicaId: string) =>
  and(eq(subscriptions.id, id), eq(subscriptions.claimedBy, replicaId));

/**
 * A user changed their settings: forget the retry backoff of a failed delivery (claimed_by is null, the
 * delay is in claimed_until), so the new schedule applies at once; a claim a replica holds right now stays.
 */
const clearBackoff = {
  claimedUntil: sql`case when ${subscriptions.claimedBy} is null then null else ${subscriptions.claimedUntil} end`,
  deliveryAttempts: 0,
};

export async function findSubscription(
  db: Database,
  userId: string,
): Promise<SubscriptionWithZone | undefined> {
  const [row] = await db
    .select(withZone)
    .from(subscriptions)
    .innerJoin(users, eq(users.id, subscriptions.userId))
    .where(eq(subscriptions.userId, userId));
  return row;
}

export interface SubscriptionSettings {
  userId: string;
  minuteOfDay: number;
  days: Subscription['days'];
  topics: string[];
  skipDate: string | null;
  next: NextDelivery;
}

/** `subscribe`: creates the user's one subscription or replaces its settings, and (re)activates it. */
export async function saveSubscription(db: Database, s: SubscriptionSettings): Promise<Subscription> {
  const settings = {
    minuteOfDay: s.minuteOfDay,
    days: s.days,
    topics: s.topics,
    active: true,
    skipDate: s.skipDate,
    nextDueAt: s.next.dueAt,
    nextDueDate: s.next.localDate,
    deactivatedReason: null,
  };
  const [row] = await db
    .insert(subscriptions)
    .values({ userId: s.userId, ...settings })
    .onConflictDoUpdate({
      target: subscriptions.userId,
      set: { ...settings, ...clearBackoff, updatedAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error(`could not store the subscription of ${s.userId}`);
  return row;
}

/** `skip` and a time-zone change: a new next delivery for an active subscription. */
export async function rescheduleSubscription(
  db: Database,
  userId: string,
  next: NextDelivery,
  skipDate: string | null,
): Promise<boolean> {
  const rows = await db
    .update(subscriptions)
    .set({
      nextDueAt: next.dueAt,
      nextDueDate: next.localDate,
      skipDate,
      ...clearBackoff,
      updatedAt: sql`now()`,
    })
    .where(and(eq(subscriptions.userId, userId), eq(subscriptions.active, true)))
    .returning({ id: subscriptions.id });
  return rows.length > 0;
}

/** `unsubscribe`: true when there was an active subscription to end. The row (and the history) stays. */
export async function endSubscription(db: Database, userId: string): Promise<boolean> {
  const rows = await db
    .update(subscriptions)
    .set({
      active: false,
      nextDueAt: null,
      nextDueDate: null,
      skipDate: null,
      deactivatedReason: null,
      ...clearBackoff,
      updatedAt: sql`now()`,
    })
    .where(and(eq(subscriptions.userId, userId), eq(subscriptions.active, true)))
    .returning({ id: subscriptions.id });
  return rows.length > 0;
}

/** Whether the user already got (or is being sent) the scheduled drill of a local date. */
export async function hasScheduledDrill(db: Database, userId: string, localDate: string): Promise<boolean> {
  const rows = await db
    .select({ id: drills.id })
    .from(drills)
    .where(and(eq(drills.userId, userId), eq(drills.localDate, localDate), eq(drills.source, 'scheduled')))
    .limit(1);
  return rows.length > 0;
}

export interface ClaimRequest {
  /** Rows due at this instant are taken, unless another replica's lease on them is still running. */
  now: Date;
  /** The end of this replica's lease on the rows it takes. */
  leaseUntil: Date;
  replicaId: string;
  limit: number;
}

/**
 * Takes up to `limit` due subscriptions for this replica, oldest due first, in one statement. The inner
 * select walks the partial index on next_due_at (active rows only), so a tick with nothing due costs the same
 * at any number of subscribers; SKIP LOCKED lets replicas ticking at the same moment take disjoint rows
 * instead of waiting on each other, and the lease (claimed_until) keeps a row from being taken again while
 * its delivery runs. A lease that expired belongs to a replica that died: the row is due again.
 */
export async function claimDueSubscriptions(db: Database, c: ClaimRequest): Promise<SubscriptionWithZone[]> {
  const due = db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(
      and(
        sql`${subscriptions.active}`,
        lte(subscriptions.nextDueAt, c.now),
        or(isNull(subscriptions.claimedUntil), lt(subscriptions.claimedUntil, c.now)),
      ),
    )
    .orderBy(asc(subscriptions.nextDueAt))
    .limit(c.limit)
    .for('update', { of: subscriptions, skipLocked: true });
  return db
    .update(subscriptions)
    .set({ claimedUntil: c.leaseUntil, claimedBy: c.replicaId })
    .from(users)
    .where(and(inArray(subscriptions.id, due), eq(users.id, subscriptions.userId)))
    .returning(withZone);
}

/**
 * After a delivery (or a day passed over): stores the next delivery and gives the claim back. The next one
 * is computed inside the transaction from the row as it is now, under a row lock, because the user may have
 * changed time, days, zone or skip while the drill was being posted; their change must not be overwritten
 * by settings read before it. Returns false when this replica no longer holds the claim.
 */
export async function advanceSubscription(
  db: Database,
  id: number,
  replicaId: string,
  nextOf: (current: SubscriptionWithZone) => NextDelivery | null,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select(withZone)
      .from(subscriptions)
      .innerJoin(users, eq(users.id, subscriptions.userId))
      .where(heldBy(id, replicaId))
      .for('update', { of: subscriptions });
    if (!current) return false;
    const next = current.active ? nextOf(current) : null;
    await tx
      .update(subscriptions)
      .set({
        nextDueAt: next?.dueAt ?? null,
        nextDueDate: next?.localDate ?? null,
        claimedUntil: null,
        claimedBy: null,
        deliveryAttempts: 0,
      })
      .where(eq(subscriptions.id, id));
    return true;
  });
}

/**
 * Gives a claim back without advancing. With `retryAt`, a failed delivery: the row is not taken again before
 * that instant and the attempt is counted; without, the delivery never started (the replica is stopping).
 */
export async function releaseClaim(
  db: Database,
  id: number,
  replicaId: string,
  retryAt?: Date,
): Promise<void> {
  await db
    .update(subscriptions)
    .set({
      claimedUntil: retryAt ?? null,
      claimedBy: null,
      ...(retryAt ? { deliveryAttempts: sql`${subscriptions.deliveryAttempts} + 1` } : {}),
    })
    .where(heldBy(id, replicaId));
}

/** Slack said the drills can never arrive (account gone, DMs impossible): stop, and keep why. */
export async function deactivateSubscription(
  db: Database,
  id: number,
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
      updatedAt: sql`now()`,
    })
    .where(heldBy(id, replicaId))
    .returning({ id: subscriptions.id });
  return rows.length > 0;
}
