import { lt, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { processedEvents } from '../schema/index.ts';

/** True the first time an event_id is seen by any replica; Slack's retries of it then return false. */
export async function firstTimeSeen(db: Database, eventId: string): Promise<boolean> {
  const rows = await db
    .insert(processedEvents)
    .values({ eventId })
    .onConflictDoNothing()
    .returning({ eventId: processedEvents.eventId });
  return rows.length > 0;
}

/** Slack stops retrying after about 5 minutes; a day of ids is plenty. */
export async function forgetOldEvents(db: Database): Promise<void> {
  await db.delete(processedEvents).where(lt(processedEvents.createdAt, sql`now() - interval '1 day'`));
}
