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
