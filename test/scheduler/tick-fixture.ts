// The scheduler tests' shared setup: one migrated database (PGlite, or the Postgres server when DATABASE_URL is
// set) and one Slack stand-in per file, emptied before each test, and the instants the tests tick at. The
// bindings below are live: `useTickFixture()` fills them in its hooks.

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { makeScheduler, openMigrated, startStandin, TestClock } from '../../harness/scheduler.ts';
import { createTestDatabase, type TestDatabase } from '../../harness/test-database.ts';
import type { SlackStandin } from '../../local-slack/index.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { drills, subscriptions } from '../../src/db/schema/index.ts';

let database: TestDatabase;
export let handle: DatabaseHandle;
export let standin: SlackStandin;
export const clock = new TestClock(new Date('2026-03-10T00:00:00Z'));

/** Registers the file's hooks: a fresh database and stand-in for the file, empty tables for each test. */
export function useTickFixture(): void {
  beforeAll(async () => {
    database = await createTestDatabase();
    handle = await openMigrated(database.config);
    standin = await startStandin();
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
    await standin?.close();
  });

  beforeEach(async () => {
    await handle.db.execute(sql`truncate users, subscriptions, drills, answers, delivery_pauses cascade`);
    standin.clearCalls();
    standin.clearIntercepts();
  });
}

export const at = (iso: string) => new Date(iso);
/** Tuesday 10 March 2026, before anyone's 09:00. */
export const SEEDED = at('2026-03-10T00:00:00Z');

export async function subscriptionOf(userId: string) {
  const [row] = await handle.db.select().from(subscriptions).where(eq(subscriptions.userId, userId));
  if (!row) throw new Error(`no subscription for ${userId}`);
  return row;
}

export const drillsOf = (userId: string) => handle.db.select().from(drills).where(eq(drills.userId, userId));
export const dmOf = (userId: string) => standin.messages(standin.dmChannelFor(userId));
/** A tick's counts when it did nothing. */
export const none = {
  delivered: 0,
  alreadyPosted: 0,
  skippedStale: 0,
  failed: 0,
  deactivated: 0,
  ended: 0,
  released: 0,
  reminded: 0,
  remindersDropped: 0,
  recapped: 0,
  mockSummaries: 0,
};

export async function scheduler(options = {}) {
  return (await makeScheduler({ db: handle, standin, clock }, options)).scheduler;
}
