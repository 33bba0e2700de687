// Databases for the benchmarks: a fresh one per scenario on the Postgres server, migrated by the real
// migrator, seeded in bulk with SQL (10,000 or 100,000 subscribers through the repositories would take
// minutes and measure nothing of interest), and dropped afterwards.
import pg from 'pg';
import type { DatabaseHandle } from '../src/db/client.ts';
import { openDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { createLogger } from '../src/logger.ts';

export const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<pg.QueryResult<T>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<T>(text, params);
  } finally {
    await client.end();
  }
}

export interface BenchDatabase {
  url: string;
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

export async function createBenchDatabase(scenario: string): Promise<BenchDatabase> {
  const name = `star_drill_bench_${scenario}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(ADMIN_URL, `CREATE DATABASE "${name}"`);
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  const handle = await openDatabase({ kind: 'postgres', url }, createLogger('error'));
  await runMigrations(handle);
  return {
    url,
    handle,
    async drop() {
      await handle.close().catch(() => {});
      await adminQuery(ADMIN_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/**
 * `n` UTC subscribers U0000001.. with the daily time 00:00, all due at `dueAt` for local date `localDate`
 * (an instant in the future makes none of them due).
 */
export async function seedSubscribers(
  url: string,
  n: number,
  due: { dueAt: Date; localDate: string },
  from = 1,
  /** The local Slack's workspace (LocalSlack's default team). */
  teamId = 'T0STANDIN',
): Promise<void> {
  await adminQuery(
    url,
    `insert into users (team_id, id, tz)
     select $3, 'U' || lpad(i::text, 7, '0'), 'UTC' from generate_series($1::int, $2::int) i`,
    [from, from + n - 1, teamId],
  );
  await adminQuery(
    url,
    `insert into subscriptions (team_id, user_id, minute_of_day, day_mask, next_due_at, next_due_date)
     select $5, 'U' || lpad(i::text, 7, '0'), 0, 127, $3, $4 from generate_series($1::int, $2::int) i`,
    [from, from + n - 1, due.dueAt.toISOString(), due.localDate, teamId],
  );
  await adminQuery(url, 'analyze users; analyze subscriptions');
}

/**
 * What the progress features keep beside the subscriptions of seedSubscribers (same ids), so a tick's survey
 * meets their columns as they are in use, all in the future or done: each subscriber's next weekly recap on the
 * coming Monday (every tenth has the recap off) with last week's recapped, and `days` days of scheduled drills:
 * today's posted with its reminder still ahead, earlier ones reminded (sent) or answered (reminder called off).
 */
export async function seedProgress(
  url: string,
  n: number,
  p: { now: Date; days?: number },
  from = 1,
): Promise<void> {
  const days = p.days ?? 5;
  const today = p.now.toISOString().slice(0, 10);
  const monday = new Date(`${today}T00:00:00Z`);
  monday.setUTCDate(monday.getUTCDate() + ((8 - monday.getUTCDay()) % 7 || 7));
  const lastWeek = new Date(monday.getTime() - 14 * 86_400_000).toISOString().slice(0, 10);
  const ids = [from, from + n - 1];
  await adminQuery(
    url,
    `update subscriptions set next_recap_at = $3, recap = (id % 10 <> 0), last_recap_week = $4
     where user_id between 'U' || lpad($1::text, 7, '0') and 'U' || lpad($2::text, 7, '0')`,
    [...ids, monday.toISOString(), lastWeek],
  );
  await adminQuery(
    url,
    `insert into drills (team_id, user_id, topic_slug, question_id, question_text, source, subscription_id, local_date,
       channel_id, message_ts, posted_at, remind_at, reminded_at, created_at)
     select s.team_id, s.user_id, 'handling-production-incidents', 'q_8419d214d2', 'Tell me about a production incident.',
       'scheduled', s.id, d.day, 'D' || substr(s.user_id, 2), extract(epoch from d.day)::bigint || '.' || lpad(s.id::text, 6, '0'),
       d.day + interval '9 hours',
       case when d.back = 0 then $4::timestamptz + interval '4 hours' when d.back % 2 = 1 then d.day + interval '13 hours' end,
       case when d.back % 2 = 1 then d.day + interval '13 hours' end,
       d.day + interval '9 hours'
     from subscriptions s
     cross join lateral (select ($3::date - b) as day, b as back from generate_series(0, $5::int - 1) b) d
     where s.user_id between 'U' || lpad($1::text, 7, '0') and 'U' || lpad($2::text, 7, '0')`,
    [...ids, today, p.now.toISOString(), days],
  );
  await adminQuery(url, 'analyze subscriptions; analyze drills');
}

/** Back to "everyone due, nothing delivered", for the next run of the same scenario. */
export async function resetFanOut(url: string, due: { dueAt: Date; localDate: string }): Promise<void> {
  await adminQuery(url, 'truncate drills cascade');
  await adminQuery(
    url,
    `update subscriptions set next_due_at = $1, next_due_date = $2, claimed_by = null, claimed_until = null,
       delivery_attempts = 0`,
    [due.dueAt.toISOString(), due.localDate],
  );
  await adminQuery(url, 'vacuum analyze subscriptions').catch(() => {});
}
