import { and, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { type Days, maskOfDays } from '../../drills/days.ts';
import type { Person } from '../../drills/person.ts';
import type { Database } from '../client.ts';
import { PERSON, paramsOf, preparedFor } from '../prepared.ts';
import { drills, type Subscription, subscriptions, type User, users } from '../schema/index.ts';
import { type UserRowFields, userUpsert } from './users.ts';

/**
 * A subscription with its user's stored IANA zone (everything needed to compute its next delivery) and
 * enterprise id (an org-wide installation's token reaches them).
 */
export type SubscriptionWithZone = Subscription & { tz: string; enterpriseId: string | null };

export interface NextDelivery {
  localDate: string;
  dueAt: Date;
}

/** A subscription's columns with its user's zone and organisation (subscription-claims.ts uses it too). */
export const withZone = { ...getTableColumns(subscriptions), tz: users.tz, enterpriseId: users.enterpriseId };
export const ownUser = and(eq(users.teamId, subscriptions.teamId), eq(users.id, subscriptions.userId));
const subscriptionOf = (p: Person) =>
  and(eq(subscriptions.teamId, p.teamId), eq(subscriptions.userId, p.userId));

/**
 * A user changed their settings: forget the retry backoff of a failed delivery, so the new schedule applies
 * at once; a claim a replica holds right now stays.
 */
export const clearBackoff = { retryAt: null, deliveryAttempts: 0 };

const userWithSubscriptionQuery = preparedFor((db) =>
  db
    .select({ user: users, sub: subscriptions })
    .from(users)
    .leftJoin(subscriptions, ownUser)
    .where(and(eq(users.teamId, PERSON.teamId), eq(users.id, PERSON.userId)))
    .prepare('user_with_subscription'),
);

export async function findSubscription(db: Database, p: Person): Promise<SubscriptionWithZone | undefined> {
  const [row] = await findSubscriptionQuery(db).execute(paramsOf(p));
  return row;
}

const findSubscriptionQuery = preparedFor((db) =>
  db
    .select(withZone)
    .from(subscriptions)
    .innerJoin(users, ownUser)
    .where(subscriptionOf(PERSON))
    .prepare('find_subscription'),
);

export interface UserWithSubscription {
  user: User | undefined;
  sub: SubscriptionWithZone | undefined;
}

/**
 * The person's user row and subscription in one statement (either may be missing): `/star subscribe` decides
 * from it whether to ask Slack for the zone and whether the user row needs writing at all; the Home tab and
 * progress start from it. Prepared, since every subscribe runs it: drizzle built its SQL from the two tables'
 * 40 columns on every call (a sixth of a subscribe's CPU in a profile at 150 a second, bench/limits.md), and
 * the server parses it once a connection.
 */
export async function userWithSubscription(db: Database, p: Person): Promise<UserWithSubscription> {
  const [row] = await userWithSubscriptionQuery(db).execute(paramsOf(p));
  if (!row) return { user: undefined, sub: undefined };
  const { user, sub } = row;
  return { user, sub: sub ? { ...sub, tz: user.tz, enterpriseId: user.enterpriseId } : undefined };
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
  /**
   * The user row to make or update in the same statement (a data-modifying WITH): both writes or neither,
   * with no transaction's BEGIN and COMMIT around them. Undefined: the row exists and stays as it is.
   */
  user?: UserRowFields;
}

/**
 * `subscribe`: creates the user's one subscription or replaces its settings, and (re)activates it. Returns
 * only the row's id: the caller knows what it stored, and reading back every column cost each subscribe more
 * than the write's own SQL. Prepared: building this statement was the largest part of drizzle's share of a
 * subscribe's CPU (bench/limits.md); each combination of the optional parts is one statement, built once.
 */
export async function saveSubscription(db: Database, s: SubscriptionSettings): Promise<{ id: number }> {
  const shape: UpsertShape = {
    user: s.user !== undefined,
    userTz: Boolean(s.user?.tz),
    zoneFromSlack: s.user?.zoneFromSlack !== undefined,
    reminder: s.reminderMinutes !== undefined,
  };
  const [row] = await preparedUpsert(db, shape).execute({
    teamId: s.person.teamId,
    userId: s.person.userId,
    minuteOfDay: s.minuteOfDay,
    dayMask: maskOfDays(s.days),
    topics: s.topics,
    nextRecapAt: s.nextRecapAt,
    reminderMinutes: s.reminderMinutes ?? null,
    skipDate: s.skipDate,
    nextDueAt: s.next.dueAt,
    nextDueDate: s.next.localDate,
    enterpriseId: s.user?.enterpriseId ?? null,
    tz: s.user?.tz ?? null,
    zoneFromSlack: s.user?.zoneFromSlack ?? null,
  });
  if (!row) throw new Error(`could not store the subscription of ${s.person.teamId}/${s.person.userId}`);
  return row;
}

/** Which optional parts a subscription's upsert has: the user row (and which of its fields), the reminder. */
interface UpsertShape {
  user: boolean;
  userTz: boolean;
  zoneFromSlack: boolean;
  reminder: boolean;
}

const ph = sql.placeholder;

function subscriptionUpsert(db: Database, shape: UpsertShape, name: string) {
  const settings = {
    minuteOfDay: ph('minuteOfDay'),
    dayMask: ph('dayMask'),
    topics: ph('topics'),
    nextRecapAt: ph('nextRecapAt'),
    ...(shape.reminder ? { reminderMinutes: ph('reminderMinutes') } : {}),
    active: true,
    // A subscribe keeps the drills going after an interview started without one.
    endsAfter: null,
    skipDate: ph('skipDate'),
    nextDueAt: ph('nextDueAt'),
    nextDueDate: ph('nextDueDate'),
    deactivatedReason: null,
  };
  const person = { teamId: ph('teamId'), userId: ph('userId') };
  const userFields = {
    enterpriseId: ph('enterpriseId'),
    ...(shape.userTz ? { tz: ph('tz') } : {}),
    ...(shape.zoneFromSlack ? { zoneFromSlack: ph('zoneFromSlack') } : {}),
  };
  // Unreferenced, the WITH still runs; the foreign key is checked at the statement's end, so it sees the row.
  const insert = shape.user
    ? db.with(db.$with('user_row').as(userUpsert(db, person, userFields).returning({ id: users.id })))
    : db;
  return insert
    .insert(subscriptions)
    .values({ ...person, ...settings })
    .onConflictDoUpdate({
      target: [subscriptions.teamId, subscriptions.userId],
      // The row's new values, as the insert proposed them (`excluded`): the statement has each placeholder once.
      set: { ...proposed(Object.keys(settings)), ...clearBackoff, updatedAt: sql`now()` },
    })
    .returning({ id: subscriptions.id })
    .prepare(name);
}

/** `excluded.<column>` for each of these subscription columns. */
function proposed(keys: string[]): Record<string, SQL> {
  const columns = getTableColumns(subscriptions);
  return Object.fromEntries(
    keys.map((key) => [key, sql`excluded.${sql.identifier(columns[key as keyof typeof columns].name)}`]),
  );
}

/** Each database's upserts, by the parts they have. */
const upsertsOf = preparedFor(() => new Map<string, ReturnType<typeof subscriptionUpsert>>());

function preparedUpsert(db: Database, shape: UpsertShape) {
  const key = Object.entries(shape)
    .filter(([, on]) => on)
    .map(([part]) => part)
    .join('_');
  const byShape = upsertsOf(db);
  let query = byShape.get(key);
  if (!query) {
    query = subscriptionUpsert(db, shape, `subscription_upsert_${key || 'plain'}`);
    byShape.set(key, query);
  }
  return query;
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
