import { and, asc, eq, getTableColumns, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { type Days, maskOfDays } from '../../drills/days.ts';
import type { Person } from '../../workspaces/person.ts';
import type { Database } from '../client.ts';
import { drills, type Subscription, subscriptions, users } from '../schema/index.ts';
import { notPaused } from './delivery-pauses.ts';

/**
 * A subscription with its user's stored IANA zone (everything needed to compute its next delivery) and
 * enterprise id (an org-wide installation's token reaches them).
 */
export type SubscriptionWithZone = Subscription & { tz: string; enterpriseId: string | null };

export interface NextDelivery {
  localDate: string;
  dueAt: Date;
}

const withZone = { ...getTableColumns(subscriptions), tz: users.tz, enterpriseId: users.enterpriseId };
const ownUser = and(eq(users.teamId, subscriptions.teamId), eq(users.id, subscriptions.userId));
const subscriptionOf = (p: Person) =>
  and(eq(subscriptions.teamId, p.teamId), eq(subscriptions.userId, p.userId));

/**
 * A claim this repository handed out may only be released by the same replica: the lease may have expired
 * and another replica may hold the row now.
 */
const heldBy = (id: number, replicaId: string) =>
  and(eq(subscriptions.id, id), eq(subscriptions.claimedBy, replicaId));

/**
 * A user changed their settings: forget the retry backoff of a failed delivery, so the new schedule applies
 * at once; a claim a replica holds right now stays.
 */
const clearBackoff = { retryAt: null, deliveryAttempts: 0 };

export async function findSubscription(db: Database, p: Person): Promise<SubscriptionWithZone | undefined> {
  const [row] = await db
    .select(withZone)
    .from(subscriptions)
    .innerJoin(users, ownUser)
    .where(subscriptionOf(p));
  return row;
}

export interface SubscriptionSettings {
  person: Person;
  minuteOfDay: number;
  days: Days;
  topics: string[];
  skipDate: string | null;
  next: NextDelivery;
  /** Minutes after a drill for its reminder, null for none; left as it is when undefined. */
  reminderMinutes?: number | null;
  /** When the next weekly recap is due (progress/recap.ts). */
  nextRecapAt: Date;
}

/** `subscribe`: creates the user's one subscription or replaces its settings, and (re)activates it. */
export async function saveSubscription(db: Database, s: SubscriptionSettings): Promise<Subscription> {
  const settings = {
    minuteOfDay: s.minuteOfDay,
    dayMask: maskOfDays(s.days),
    topics: s.topics,
    nextRecapAt: s.nextRecapAt,
    ...(s.reminderMinutes !== undefined ? { reminderMinutes: s.reminderMinutes } : {}),
    active: true,
    // A subscribe keeps the drills going after an interview started without one.
    endsAfter: null,
    skipDate: s.skipDate,
    nextDueAt: s.next.dueAt,
    nextDueDate: s.next.localDate,
    deactivatedReason: null,
  };
  const [row] = await db
    .insert(subscriptions)
    .values({ teamId: s.person.teamId, userId: s.person.userId, ...settings })
    .onConflictDoUpdate({
      target: [subscriptions.teamId, subscriptions.userId],
      set: { ...settings, ...clearBackoff, updatedAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error(`could not store the subscription of ${s.person.teamId}/${s.person.userId}`);
  return row;
}

/** `skip` and a time-zone change: a new next delivery for an active subscription. */
export async function rescheduleSubscription(
  db: Database,
  p: Person,
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
    .where(and(subscriptionOf(p), eq(subscriptions.active, true)))
    .returning({ id: subscriptions.id });
  return rows.length > 0;
}

/** `unsubscribe`: true when there was an active subscription to end. The row (and the history) stays. */
export async function endSubscription(db: Database, p: Person): Promise<boolean> {
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
    .where(and(subscriptionOf(p), eq(subscriptions.active, true)))
    .returning({ id: subscriptions.id });
  return rows.length > 0;
}

/** Whether the user already got (or is being sent) the scheduled drill of a local date. */
export async function hasScheduledDrill(db: Database, p: Person, localDate: string): Promise<boolean> {
  const rows = await db
    .select({ id: drills.id })
    .from(drills)
    .where(
      and(
        eq(drills.teamId, p.teamId),
        eq(drills.userId, p.userId),
        eq(drills.localDate, localDate),
        eq(drills.source, 'scheduled'),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

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
  id: number,
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
    .where(heldBy(id, replicaId));
}

/**
 * The drills of an interview started without a subscription are over (their `ends_after` date passed): the
 * subscription stops as `unsubscribe` would, by the replica holding its claim. No reason is kept: nothing
 * went wrong.
 */
export async function endInterviewDrills(db: Database, id: number, replicaId: string): Promise<boolean> {
  const rows = await db
    .update(subscriptions)
    .set({
      active: false,
      endsAfter: null,
      nextDueAt: null,
      nextDueDate: null,
      skipDate: null,
      claimedUntil: null,
      claimedBy: null,
      ...clearBackoff,
    })
    .where(heldBy(id, replicaId))
    .returning({ id: subscriptions.id });
  return rows.length > 0;
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
      retryAt: null,
      updatedAt: sql`now()`,
    })
    .where(heldBy(id, replicaId))
    .returning({ id: subscriptions.id });
  return rows.length > 0;
}

/**
 * `pause`, `resume`, `interview`, `recap`: changes one setting of an active subscription and, when it moves
 * the next drill, stores the new one. False when there is no active subscription.
 */
export async function updateSubscription(
  db: Database,
  p: Person,
  patch: Partial<
    Pick<
      Subscription,
      'pausedUntil' | 'interviewDate' | 'interviewFrom' | 'recap' | 'nextRecapAt' | 'endsAfter'
    >
  >,
  next?: NextDelivery,
): Promise<boolean> {
  const rows = await db
    .update(subscriptions)
    .set({
      ...patch,
      ...(next ? { nextDueAt: next.dueAt, nextDueDate: next.localDate, ...clearBackoff } : {}),
      updatedAt: sql`now()`,
    })
    .where(and(subscriptionOf(p), eq(subscriptions.active, true)))
    .returning({ id: subscriptions.id });
  return rows.length > 0;
}
