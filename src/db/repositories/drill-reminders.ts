import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { answers, drills, users } from '../schema/index.ts';
import { type Owned, ofOwnDrill, ownDrill } from './people.ts';
import { notPaused } from './token-pauses.ts';

/**
 * The one nudge in an unanswered scheduled drill's thread. The claim takes every due reminder (the
 * scheduler's work, across people); everything after it names the drill with its owner.
 */
export interface DueReminder {
  id: number;
  teamId: string;
  userId: string;
  enterpriseId: string | null;
  tz: string;
  localDate: string;
  channelId: string;
  messageTs: string;
  questionText: string;
  remindAt: Date;
  /** The claim's lease as stored (full precision): the token that says the claim is still this replica's. */
  lease: string;
}

/**
 * Takes up to `limit` reminders due at `now` for this replica, as claimDueSubscriptions does for drills: the
 * partial index on remind_at, SKIP LOCKED, a lease on the database's clock. A drill answered meanwhile is
 * never taken: a reminder never follows an answer.
 */
export async function claimDueReminders(
  db: Database,
  c: { now: Date; leaseMs: number; limit: number; skipTeams?: readonly string[] },
): Promise<DueReminder[]> {
  const skip = c.skipTeams?.length
    ? sql`and c.team_id <> all(${sql.param([...c.skipTeams])}::text[])`
    : sql``;
  const result = (await db.execute(sql`
    update ${drills} as d
    set remind_claimed_until = now() + make_interval(secs => ${c.leaseMs / 1000})
    from ${users} as u
    where u.team_id = d.team_id and u.id = d.user_id and d.id in (
      select id from ${drills} as c
      where c.remind_at <= ${c.now.toISOString()}::timestamptz and c.reminded_at is null
        and c.message_ts is not null
        and (c.remind_claimed_until is null or c.remind_claimed_until < now())
        and not exists (select 1 from ${answers} a where a.drill_id = c.id)
        and ${notPaused(sql`c.team_id`)} ${skip}
      order by c.remind_at
      limit ${c.limit}
      for update skip locked)
    returning d.id, d.team_id as "teamId", d.user_id as "userId", u.enterprise_id as "enterpriseId", u.tz,
      d.local_date::text as "localDate", d.channel_id as "channelId", d.message_ts as "messageTs",
      d.question_text as "questionText", d.remind_at as "remindAt", d.remind_claimed_until::text as "lease"`)) as unknown as {
    rows: DueReminder[];
  };
  return result.rows.map((r) => ({ ...r, remindAt: new Date(r.remindAt) }));
}

/**
 * The reminder was sent, or is dropped (its day reached the quiet evening): either way, never again. `at`
 * is the bot's clock.
 */
export async function markReminded(db: Database, drill: Owned, at: Date): Promise<void> {
  await db.update(drills).set({ remindedAt: at, remindClaimedUntil: null }).where(ownDrill(drill));
}

/**
 * Right before a reminder is posted: true, with the lease renewed for the post, while the claim is still the
 * caller's (its lease unchanged since `lease`) and the reminder not sent. False when the lease ran out and
 * another replica took the reminder over (it sends it): posting it here too would be a second nudge. The new
 * lease is the token for what follows.
 */
export async function holdReminder(
  db: Database,
  c: Owned & { lease: string; leaseMs: number },
): Promise<string | null> {
  const result = (await db.execute(sql`
    update ${drills}
    set remind_claimed_until = now() + make_interval(secs => ${c.leaseMs / 1000})
    where id = ${c.id} and team_id = ${c.teamId} and user_id = ${c.userId} and reminded_at is null and remind_claimed_until = ${c.lease}::timestamptz
    returning remind_claimed_until::text as "lease"`)) as unknown as { rows: Array<{ lease: string }> };
  return result.rows[0]?.lease ?? null;
}

/**
 * Gives a claimed reminder back (stopping, or Slack failed): the lease is dropped, a later tick retries. Only
 * while the claim is still the caller's (`lease`): one taken over belongs to the replica sending it.
 */
export async function releaseReminder(db: Database, drill: Owned, lease: string): Promise<void> {
  await db
    .update(drills)
    .set({ remindClaimedUntil: null })
    .where(and(ownDrill(drill), sql`${drills.remindClaimedUntil} = ${lease}::timestamptz`));
}

/** Whether the drill has been answered (checked again right before a reminder goes out). */
export async function isAnswered(db: Database, drill: Owned): Promise<boolean> {
  const rows = await db
    .select({ id: answers.id })
    .from(answers)
    .where(and(eq(answers.drillId, drill.id), ofOwnDrill(answers.drillId, drill)))
    .limit(1);
  return rows.length > 0;
}

/** Answered: the drill's reminder, if one is still ahead, is called off (a nudge never follows an answer). */
export async function cancelReminder(db: Database, drill: Owned): Promise<void> {
  await db
    .update(drills)
    .set({ remindAt: null })
    .where(and(ownDrill(drill), isNull(drills.remindedAt)));
}
