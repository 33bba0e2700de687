// The fixtures "a bot with progress" (the real bot over HTTP against the local Slack, on a clock the test
// sets, with a scheduler that ticks only when told to, started once per test file) and "N replicas" of it.

import { afterAll, beforeAll } from 'vitest';
import { FAST_RETRIES, makeScheduler, openMigrated } from '../../harness/scheduler.ts';
import { TestClock } from '../../harness/test-clock.ts';
import { onPostgresServer } from '../../harness/test-database.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import type { Scheduler } from '../../src/scheduler/scheduler.ts';
import { startTestBot, type TestBot } from './test-bot.ts';

/** A bot with a settable clock and a scheduler that only ticks when told to. */
export async function startProgressBot(clock: TestClock): Promise<TestBot> {
  const t = await startTestBot({ clock, bot: { scheduler: { cron: false, retryConfig: FAST_RETRIES } } });
  if (!t.bot.scheduler) throw new Error('the bot built no scheduler');
  return t;
}

/**
 * A bot with progress for the calling test file: started before its tests on a clock standing at `iso`, closed
 * after them. `t` stands for the started bot (each property is read from it when used), so a file declares
 * both in one line and uses `t` as a TestBot in its tests and helpers.
 */
export function useProgressBot(iso: string): { clock: TestClock; t: TestBot } {
  const clock = new TestClock(new Date(iso));
  let started: TestBot | undefined;
  beforeAll(async () => {
    started = await startProgressBot(clock);
  });
  afterAll(async () => {
    await started?.close();
  });
  const t = new Proxy({} as TestBot, {
    get(_, key) {
      if (!started) throw new Error('the bot is used before beforeAll started it');
      return Reflect.get(started, key);
    },
  });
  return { clock, t };
}

/**
 * The fixture "N replicas" of a bot with progress: `replicas[0]` is the bot's own scheduler, each other one a
 * Scheduler as another replica builds it (its own Web API clients and token watch), all over the bot's
 * database, ticked by hand. On the Postgres server each other replica has its own DatabaseHandle (its own
 * pool, as a separate process would); on embedded PGlite, which one process owns, they share the bot's, so
 * the claim logic still runs on every pass. Built before the file's tests, closed after them.
 */
export function useReplicas(t: TestBot, clock: TestClock, n: number): Scheduler[] {
  const replicas: Scheduler[] = [];
  const opened: DatabaseHandle[] = [];
  beforeAll(async () => {
    replicas.push(t.bot.scheduler as Scheduler);
    for (let i = 1; i < n; i++) {
      const own = onPostgresServer ? await openMigrated(t.database.config) : undefined;
      if (own) opened.push(own);
      const made = await makeScheduler(
        { db: own ?? t.bot.database, standin: t.standin, clock },
        { replicaId: `replica-${i}` },
      );
      replicas.push(made.scheduler);
    }
  });
  afterAll(async () => {
    for (const handle of opened) await handle.close();
  });
  return replicas;
}
