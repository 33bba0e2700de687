import { type SQL, sql } from 'drizzle-orm';
import { MOCK_EXPIRY_MS } from '../../drills/mock-interview.ts';
import type { Database } from '../client.ts';
import { deliveryPauses, drills, mockInterviews, peerReviews, subscriptions } from '../schema/index.ts';
import { mockSummaryDue } from './mock-interviews.ts';
import { notPaused } from './token-pauses.ts';

export interface TickSurvey {
  /** The instant the tick stands for: the one given, or the database's `now()`. */
  now: Date;
  /** Some subscription is due and free to claim. */
  drillsDue: boolean;
  /** Some scheduled drill's reminder is due. */
  remindersDue: boolean;
  /** Some subscription's weekly recap is due. */
  recapsDue: boolean;
  /** Some mock interview owes its summary (untouched for 24 hours, or its post interrupted). */
  mockSummariesDue: boolean;
  /** Some peer review request is past its 7 days (or its expiry notices are still to send). */
  peerExpiriesDue: boolean;
  /** Workspaces whose token pause has run out: each token may be checked again (delivery/token-watch.ts). */
  pausesOver: PauseOver[];
}

export interface PauseOver {
  scope: string;
  reason: string;
  failures: number;
}

interface SurveyRow {
  now: Date | string;
  drills_due: boolean;
  reminders_due: boolean;
  recaps_due: boolean;
  mocks_due: boolean;
  peer_expiries_due: boolean;
  pauses_over: PauseOver[] | string | null;
}

/**
 * Everything a tick needs to know before doing anything, in one statement: so a tick with nothing due is one
 * round trip whatever the number of subscribers (each question stops at the first row of an index range).
 * Given no instant, it reads the database's clock, which every replica shares.
 *
 * Reminders are asked as "the earliest one due", not `exists`: most drills in use have had their reminder
 * (remind_at past, reminded_at set) or lost it to an answer, and the planner, which cannot see that
 * remind_at <= now and reminded_at is null almost never hold together, estimated `exists` would stop early on
 * a sequential scan and read every drill on every tick (bench/tick-cost.ts: 90 ms at 100,000 subscribers
 * with five days of drills each). Ordered by remind_at with a limit, only drills_remind_idx answers cheaply
 * (an EXISTS subquery drops its ORDER BY and LIMIT, hence the scalar subquery).
 */
export async function surveyTick(db: Database, p: { at: Date | null }): Promise<TickSurvey> {
  const result = (await db.execute(surveySql(p))) as unknown as { rows: SurveyRow[] };
  const row = result.rows[0];
  if (!row) throw new Error('the tick survey returned no row');
  return {
    now: row.now instanceof Date ? row.now : new Date(row.now),
    drillsDue: row.drills_due,
    remindersDue: row.reminders_due,
    recapsDue: row.recaps_due,
    mockSummariesDue: row.mocks_due,
    peerExpiriesDue: row.peer_expiries_due,
    // PGlite returns json as text, node-postgres parses it.
    pausesOver: typeof row.pauses_over === 'string' ? JSON.parse(row.pauses_over) : (row.pauses_over ?? []),
  };
}

/** The survey's statement unexecuted, so the benchmark can EXPLAIN exactly what an idle tick runs. */
export function surveySql(p: { at: Date | null }): SQL {
  const at = p.at ? p.at.toISOString() : null;
  return sql`
    with t as (select coalesce(${at}::timestamptz, now()) as now)
    select t.now,
      exists (
        select 1 from ${subscriptions} s
        where s.active and s.next_due_at <= t.now
          and (s.retry_at is null or s.retry_at <= t.now)
          and (s.claimed_until is null or s.claimed_until < now())
          and ${notPaused(sql`s.team_id`)}
      ) as drills_due,
      (
        select d.remind_at from ${drills} d
        where d.remind_at <= t.now and d.reminded_at is null and d.message_ts is not null
          and (d.remind_claimed_until is null or d.remind_claimed_until < now())
          and ${notPaused(sql`d.team_id`)}
        order by d.remind_at
        limit 1
      ) is not null as reminders_due,
      exists (
        select 1 from ${subscriptions} r
        where r.active and r.recap and r.next_recap_at <= t.now
          and (r.recap_claimed_until is null or r.recap_claimed_until < now())
          and ${notPaused(sql`r.team_id`)}
      ) as recaps_due,
      exists (
        select 1 from ${mockInterviews} m
        where ${mockSummaryDue(sql`t.now`, MOCK_EXPIRY_MS)} and ${notPaused(sql`m.team_id`)}
      ) as mocks_due,
      (
        select pr.expires_at from ${peerReviews} pr
        where (pr.status = 'pending' or (pr.status = 'expired' and pr.expiry_noticed_at is null))
          and pr.expires_at <= t.now
          and (pr.expiry_lease_until is null or pr.expiry_lease_until <= t.now)
          and ${notPaused(sql`pr.team_id`)}
        order by pr.expires_at
        limit 1
      ) is not null as peer_expiries_due,
      (select json_agg(json_build_object('scope', p.scope, 'reason', p.reason, 'failures', p.failures))
        from ${deliveryPauses} p where p.paused_until <= now()) as pauses_over
    from t`;
}
