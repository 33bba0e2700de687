// Exactly once across replicas: two Schedulers ticking the same minute over the same subscribers, and a Slack
// that rate-limits and fails. Against the Postgres server each replica has its own DatabaseHandle (its own
// pool, as two processes would); on embedded PGlite, which one process owns, they share the one handle, so
// the claim logic is still exercised on every run.

import { eq, isNotNull, ne, or, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  makeScheduler,
  openMigrated,
  postsPerUser,
  seedMany,
  startStandin,
  TestClock,
} from '../../harness/scheduler.ts';
import { createTestDatabase, onPostgresServer, type TestDatabase } from '../../harness/test-database.ts';
import type { SlackStandin } from '../../local-slack/index.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { drills, subscriptions } from '../../src/db/schema/index.ts';
import type { TickCounts } from '../../src/scheduler/scheduler.ts';

const SEEDED = new Date('2026-03-10T00:00:00Z');
const NINE = new Date('2026-03-10T09:00:00Z');

let database: TestDatabase;
let handle: DatabaseHandle;
let second: DatabaseHandle | undefined;
let standin: SlackStandin;
const clock = new TestClock(NINE);

beforeAll(async () => {
  database = await createTestDatabase();
  handle = await openMigrated(database.config);
  if (onPostgresServer) second = await openMigrated(database.config);
  standin = await startStandin();
});

afterAll(async () => {
  await second?.close();
  await handle?.close();
  await database?.drop();
  await standin?.close();
});

beforeEach(async () => {
  await handle.db.execute(sql`truncate users, subscriptions, drills, answers cascade`);
  standin.clearCalls();
});
afterEach(() => standin.clearIntercepts());

const sum = (a: TickCounts, b: TickCounts) =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v + b[k as keyof TickCounts]]));

/** Scheduled drill rows per user. */
async function drillsPerUser(): Promise<Map<string, number>> {
  const rows = await handle.db
    .select({ userId: drills.userId, n: sql<number>`count(*)::int` })
    .from(drills)
    .where(eq(drills.source, 'scheduled'))
    .groupBy(drills.userId);
  return new Map(rows.map((r) => [r.userId, r.n]));
}

async function expectExactlyOnce(ids: string[]) {
  const posts = postsPerUser(standin);
  expect(posts.size).toBe(ids.length);
  expect([...posts.values()].every((n) => n === 1)).toBe(true);
  const stored = await drillsPerUser();
  expect(stored.size).toBe(ids.length);
  expect([...stored.values()].every((n) => n === 1)).toBe(true);
  // Every subscription advanced to the next day, and no claim is left behind.
  const left = await handle.db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(or(ne(subscriptions.nextDueDate, '2026-03-11'), isNotNull(subscriptions.claimedBy)));
  expect(left).toEqual([]);
}

async function twoReplicas(handles: [DatabaseHandle, DatabaseHandle], options = {}) {
  const a = await makeScheduler({ db: handles[0], standin, clock }, { replicaId: 'replica-a', ...options });
  const b = await makeScheduler({ db: handles[1], standin, clock }, { replicaId: 'replica-b', ...options });
  return [a.scheduler, b.scheduler] as const;
}

describe('two schedulers ticking the same minute', () => {
  it('deliver each of 200 due subscribers exactly once (one shared handle)', async () => {
    const ids = await seedMany(handle, 200, SEEDED);
    const [a, b] = await twoReplicas([handle, handle], { batchSize: 20 });
    const [ca, cb] = await Promise.all([a.tick(NINE), b.tick(NINE)]);
    expect(sum(ca, cb)).toMatchObject({ delivered: 200, alreadyPosted: 0, failed: 0 });
    await expectExactlyOnce(ids);
  });

  it.runIf(onPostgresServer)(
    'deliver each of 200 due subscribers exactly once (two handles on the Postgres server)',
    async () => {
      const ids = await seedMany(handle, 200, SEEDED);
      const [a, b] = await twoReplicas([handle, second as DatabaseHandle], { batchSize: 20 });
      const [ca, cb] = await Promise.all([a.tick(NINE), b.tick(NINE)]);
      expect(sum(ca, cb)).toMatchObject({ delivered: 200, alreadyPosted: 0, failed: 0 });
      // Both took part: the claim split the work rather than one replica waiting on the other's locks.
      expect(ca.delivered).toBeGreaterThan(0);
      expect(cb.delivered).toBeGreaterThan(0);
      await expectExactlyOnce(ids);
    },
  );

  it('still deliver exactly once when Slack answers 429 (Retry-After 1 s) on every third post and 500 on others', async () => {
    const ids = await seedMany(handle, 60, SEEDED);
    standin.intercept('chat.postMessage', ({ n }) => {
      if (n % 3 === 0) return { status: 429, retryAfter: 1 };
      if (n % 7 === 1) return { status: 500 };
      return undefined;
    });
    const [a, b] = await twoReplicas([handle, second ?? handle], { batchSize: 10 });
    // A post that meets more errors in a row than the WebClient retries is released with a backoff and
    // retried by a later tick, as in production: tick every other minute until all are delivered.
    let delivered = 0;
    for (let minute = 0; minute <= 20 && delivered < ids.length; minute += 2) {
      const now = new Date(NINE.getTime() + minute * 60_000);
      const [ca, cb] = await Promise.all([a.tick(now), b.tick(now)]);
      expect(ca.alreadyPosted + cb.alreadyPosted).toBe(0);
      delivered += ca.delivered + cb.delivered;
    }
    expect(delivered).toBe(ids.length);
    const statuses = standin.callsTo('chat.postMessage').map((c) => c.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(10);
    expect(statuses.filter((s) => s === 500).length).toBeGreaterThan(5);
    await expectExactlyOnce(ids);
  }, 120_000);
});

describe('a 429 with Retry-After', () => {
  it('pauses the replica’s posts for that long before the next one', async () => {
    const ids = await seedMany(handle, 8, SEEDED);
    standin.intercept('chat.postMessage', ({ n }) =>
      n % 3 === 0 ? { status: 429, retryAfter: 1 } : undefined,
    );
    // One post at a time, so the call after a 429 is the one the pause held back.
    const { scheduler } = await makeScheduler({ db: handle, standin, clock }, { concurrency: 1 });
    expect(await scheduler.tick(NINE)).toMatchObject({ delivered: 8, failed: 0 });
    const calls = standin.callsTo('chat.postMessage');
    const limited = calls.flatMap((c, i) => (c.status === 429 ? [i] : []));
    expect(limited.length).toBeGreaterThanOrEqual(3);
    for (const i of limited) {
      const next = calls[i + 1];
      if (next) expect(next.at - (calls[i]?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    }
    await expectExactlyOnce(ids);
  }, 60_000);
});
