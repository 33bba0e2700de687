import { lt, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { dailyJobs } from '../schema/index.ts';

/** True for the one replica that takes today's (UTC, the database's clock) run of the job. */
export async function claimDailyJob(db: Database, name: string, replicaId: string): Promise<boolean> {
  const rows = await db
    .insert(dailyJobs)
    .values({ name, day: sql`(now() at time zone 'utc')::date`, ranBy: replicaId })
    .onConflictDoNothing()
    .returning({ name: dailyJobs.name });
  return rows.length > 0;
}

/** Old runs say nothing anymore. */
export async function forgetOldJobRuns(db: Database): Promise<void> {
  await db.delete(dailyJobs).where(lt(dailyJobs.createdAt, sql`now() - interval '30 days'`));
}
