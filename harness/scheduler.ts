// What the scheduler tests share: a real database, the Slack stand-in, a clock that stands still, and
// subscribers seeded straight into the tables.

import { type SlackStandin, startSlackStandin } from '../local-slack/index.ts';
import { loadQuestionBank } from '../src/bank/load.ts';
import type { QuestionBank } from '../src/bank/question-bank.ts';
import { CONTENT_DIR } from '../src/bot.ts';
import type { Clock } from '../src/clock.ts';
import type { LogLevel } from '../src/config.ts';
import { type DatabaseHandle, openDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { saveSubscription } from '../src/db/repositories/subscriptions.ts';
import { ensureUser } from '../src/db/repositories/users.ts';
import { TokenWatch } from '../src/delivery/token-watch.ts';
import { firstDeliveryAtOrAfter } from '../src/drills/schedule.ts';
import { createLogger } from '../src/logger.ts';
import { nextRecapAt } from '../src/progress/recap.ts';
import { Scheduler, type SchedulerDeps, type SchedulerOptions } from '../src/scheduler/scheduler.ts';
import { createSlackClients } from '../src/slack-api/clients.ts';
import { WorkspaceGuideBanks } from '../src/workspaces/guide-banks.ts';
import { singleWorkspaceClients } from '../src/workspaces/workspace-clients.ts';
import { BOT_TOKEN, SIGNING_SECRET } from './credentials.ts';
import { LogCapture } from './log-capture.ts';
import { TestClock } from './test-clock.ts';

/** The WebClient's retries with the waits shrunk: the same logic, milliseconds instead of seconds. */
export const FAST_RETRIES = { retries: 6, factor: 2, minTimeout: 10, maxTimeout: 100, maxRetryTime: 60_000 };

export { TestClock };

export const startStandin = () => startSlackStandin({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN });

export async function openMigrated(config: Parameters<typeof openDatabase>[0]): Promise<DatabaseHandle> {
  const handle = await openDatabase(config, createLogger('error'));
  await runMigrations(handle);
  return handle;
}

let bank: Promise<QuestionBank> | undefined;

/**
 * A Scheduler as the bot builds it (its own WebClient from the clients factory, a TokenWatch), on the given
 * database and stand-in, ticking on `clock`.
 */
export async function makeScheduler(
  p: { db: DatabaseHandle; standin: SlackStandin; clock: Clock; logs?: LogCapture; logLevel?: LogLevel },
  options: SchedulerOptions = {},
): Promise<{ scheduler: Scheduler; deps: SchedulerDeps; logs: LogCapture }> {
  bank ??= loadQuestionBank(CONTENT_DIR);
  const logs = p.logs ?? new LogCapture();
  const log = createLogger(p.logLevel ?? 'debug', logs);
  const clients = createSlackClients({
    botToken: BOT_TOKEN,
    apiUrl: p.standin.apiUrl,
    log,
    schedulerRetries: FAST_RETRIES,
  });
  const deps: SchedulerDeps = {
    db: p.db.db,
    banks: new WorkspaceGuideBanks(p.db.db, await bank, log),
    workspaces: singleWorkspaceClients(clients),
    log,
    tokens: new TokenWatch(p.db.db, log, () => clients.scheduler.auth.test()),
    clock: p.clock,
  };
  return { scheduler: new Scheduler(deps, { cron: false, ...options }), deps, logs };
}

/** The stand-in's workspace: every seeded subscriber is in it unless a test says otherwise. */
export const TEAM = 'T0STANDIN';

export interface Subscriber {
  userId: string;
  teamId?: string;
  zone?: string;
  minuteOfDay?: number;
  /** What the subscriptions table stores today: the two presets. */
  days?: 'daily' | 'weekdays';
  topics?: string[];
  skipDate?: string | null;
}

/** Stores a user and an active subscription whose next delivery is computed as `subscribe` would at `now`. */
export async function seedSubscriber(handle: DatabaseHandle, s: Subscriber, now: Date) {
  const zone = s.zone ?? 'UTC';
  const person = { teamId: s.teamId ?? TEAM, userId: s.userId };
  await ensureUser(handle.db, person, { tz: zone });
  const schedule = {
    zone,
    minuteOfDay: s.minuteOfDay ?? 9 * 60,
    days: s.days ?? 'daily',
    skipDate: s.skipDate ?? null,
  };
  const next = firstDeliveryAtOrAfter(schedule, now);
  return saveSubscription(handle.db, {
    person,
    minuteOfDay: schedule.minuteOfDay,
    days: schedule.days,
    topics: s.topics ?? [],
    skipDate: schedule.skipDate,
    next,
    nextRecapAt: nextRecapAt(zone, schedule.minuteOfDay, now),
  });
}

/** `n` UTC subscribers at 09:00, ids U0000001..: all due at 09:00Z of the day after `seededAt`'s. */
export async function seedMany(
  handle: DatabaseHandle,
  n: number,
  seededAt: Date,
  prefix = 'U',
): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(7, '0')}`);
  // A few at a time: PGlite runs one query at a time anyway, and the pool has 10 connections.
  for (let i = 0; i < ids.length; i += 20) {
    await Promise.all(ids.slice(i, i + 20).map((userId) => seedSubscriber(handle, { userId }, seededAt)));
  }
  return ids;
}

/** Successful chat.postMessage calls per channel argument (the user id the bot DMs). */
export function postsPerUser(standin: SlackStandin): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of standin.callsTo('chat.postMessage')) {
    if (call.status !== 200 || call.response.ok !== true) continue;
    const user = String(call.args.channel);
    counts.set(user, (counts.get(user) ?? 0) + 1);
  }
  return counts;
}
