// How long the scheduler takes to deliver N subscribers all due in the same minute, through the Slack stand-in
// on loopback and a real database (PGlite, or the Postgres server named by DATABASE_URL).
//
//   node --import tsx bench/scheduler.ts [subscribers=1000] [replicas=1] [concurrency=the scheduler's default]
//
// The stand-in runs in this process and answers in well under a millisecond, so this measures the bot's own
// cost per drill (claiming, choosing the question, storing, posting, advancing), not Slack's latency.

import { eq, sql } from 'drizzle-orm';
import { makeScheduler, openMigrated, seedMany, startStandin, TestClock } from '../harness/scheduler.ts';
import { createTestDatabase, onPostgresServer } from '../harness/test-database.ts';
import type { DatabaseHandle } from '../src/db/client.ts';
import { drills } from '../src/db/schema/index.ts';
import { DEFAULT_CONCURRENCY } from '../src/scheduler/scheduler.ts';

const [subscribers = 1000, replicas = 1, concurrency = DEFAULT_CONCURRENCY] = process.argv
  .slice(2)
  .map(Number);
const NINE = new Date('2026-03-10T09:00:00Z');

const database = await createTestDatabase();
const standin = await startStandin();
const handles: DatabaseHandle[] = [];
try {
  const main = await openMigrated(database.config);
  handles.push(main);
  // PGlite belongs to one process: replicas then share its one handle.
  for (let i = 1; i < replicas; i++)
    handles.push(onPostgresServer ? await openMigrated(database.config) : main);

  let started = performance.now();
  await seedMany(main, subscribers, new Date('2026-03-10T00:00:00Z'));
  const seedMs = performance.now() - started;

  const clock = new TestClock(NINE);
  const schedulers = await Promise.all(
    handles.map(
      async (db, i) =>
        (
          await makeScheduler(
            { db, standin, clock, logLevel: 'info' },
            { replicaId: `bench-${i}`, concurrency },
          )
        ).scheduler,
    ),
  );
  started = performance.now();
  const counts = await Promise.all(schedulers.map((s) => s.tick(NINE)));
  const deliverMs = performance.now() - started;

  const delivered = counts.reduce((n, c) => n + c.delivered, 0);
  const [stored] = await main.db
    .select({ n: sql<number>`count(*)::int` })
    .from(drills)
    .where(eq(drills.source, 'scheduled'));
  const result = {
    database: database.kind,
    subscribers,
    replicas,
    concurrency,
    delivered,
    drillRows: stored?.n,
    posts: standin.count('chat.postMessage'),
    seedMs: Math.round(seedMs),
    deliverMs: Math.round(deliverMs),
    perSecond: Math.round(delivered / (deliverMs / 1000)),
  };
  console.info(
    `${delivered} of ${subscribers} subscribers due in the same minute delivered in ${(deliverMs / 1000).toFixed(2)} s ` +
      `(${result.perSecond}/s; ${database.kind}, ${replicas} replica(s), concurrency ${concurrency})`,
  );
  console.info(JSON.stringify(result));
} finally {
  for (const h of new Set(handles)) await h.close();
  await database.drop();
  await standin.close();
}
