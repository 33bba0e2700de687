import { and, eq, sql } from 'drizzle-orm';
import type { Person } from '../../drills/person.ts';
import type { Database } from '../client.ts';
import { recaps, subscriptions, users } from '../schema/index.ts';
import { type Owned, ofPerson } from './people.ts';
import { notPaused } from './token-pauses.ts';

/** The claimed subscription by its id and its owner. */
const ownSubscription = (row: Owned) => and(eq(subscriptions.id, row.id), ofPerson(subscriptions, row));

export interface DueRecap {
  id: number;
  teamId: string;
  userId: string;
  enterpriseId: string | null;
  tz: string;
  minuteOfDay: number;
  dayMask: number;
  lastRecapWeek: string | null;
}

/** Takes the subscriptions whose weekly recap is due, as drills are taken: partial index, SKIP LOCKED, lease. */
export async function claimDueRecaps(
  db: Database,
  c: { now: Date; leaseMs: number; limit: number; skipTeams?: readonly string[] },
): Promise<DueRecap[]> {
  const skip = c.skipTeams?.length
    ? sql`and c.team_id <> all(${sql.param([...c.skipTeams])}::text[])`
    : sql``;
  const result = (await db.execute(sql`
    update ${subscriptions} as s
    set recap_claimed_until = now() + make_interval(secs => ${c.leaseMs / 1000})
    from ${users} as u
    where u.team_id = s.team_id and u.id = s.user_id and s.id in (
      select id from ${subscriptions} as c
      where c.active and c.recap and c.next_recap_at <= ${c.now.toISOString()}::timestamptz
        and (c.recap_claimed_until is null or c.recap_claimed_until < now())
        and ${notPaused(sql`c.team_id`)} ${skip}
      order by c.next_recap_at
      limit ${c.limit}
      for update skip locked)
    returning s.id, s.team_id as "teamId", s.user_id as "userId", u.enterprise_id as "enterpriseId", u.tz, s.minute_of_day as "minuteOfDay", s.day_mask as "dayMask",
      s.last_recap_week::text as "lastRecapWeek"`)) as unknown as { rows: DueRecap[] };
  return result.rows;
}

/**
 * The recap of a week is sent at most once per user: the first caller to insert its row gets true. The row
 * stays even if the post then fails, so a failure means no recap that week rather than two.
 */
export async function claimRecapWeek(db: Database, who: Person, weekStart: string): Promise<boolean> {
  const rows = await db
    .insert(recaps)
    .values({ teamId: who.teamId, userId: who.userId, weekStart })
    .onConflictDoNothing()
    .returning({ userId: recaps.userId });
  return rows.length > 0;
}

/** The recap's post failed before reaching the user: the week may be sent again. */
export async function unclaimRecapWeek(db: Database, who: Person, weekStart: string): Promise<void> {
  await db
    .delete(recaps)
    .where(
      sql`${recaps.teamId} = ${who.teamId} and ${recaps.userId} = ${who.userId} and ${recaps.weekStart} = ${weekStart} and ${recaps.messageTs} is null`,
    );
}

export async function setRecapTs(db: Database, who: Person, weekStart: string, ts: string): Promise<void> {
  await db
    .update(recaps)
    .set({ messageTs: ts })
    .where(
      sql`${recaps.teamId} = ${who.teamId} and ${recaps.userId} = ${who.userId} and ${recaps.weekStart} = ${weekStart}`,
    );
}

/** Done with this week's recap (sent, nothing to send, or not due after all): the next Monday is next. */
export async function advanceRecap(
  db: Database,
  row: Owned,
  p: { nextRecapAt: Date; lastRecapWeek?: string },
): Promise<void> {
  await db
    .update(subscriptions)
    .set({
      nextRecapAt: p.nextRecapAt,
      recapClaimedUntil: null,
      ...(p.lastRecapWeek ? { lastRecapWeek: p.lastRecapWeek } : {}),
    })
    .where(ownSubscription(row));
}

export async function releaseRecap(db: Database, row: Owned): Promise<void> {
  await db.update(subscriptions).set({ recapClaimedUntil: null }).where(ownSubscription(row));
}
