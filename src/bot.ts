import { fileURLToPath } from 'node:url';
import { WebClient } from '@slack/web-api';
import pRetry from 'p-retry';
import { loadQuestionBank } from './bank/load.ts';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import type { BotContext } from './context.ts';
import { type DatabaseHandle, openDatabase } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { boltLogger, createLogger, type Logger } from './logger.ts';
import { rescheduleUser } from './scheduler/next-delivery.ts';
import { Scheduler, type SchedulerOptions } from './scheduler/scheduler.ts';
import { createSchedulerSlackClient } from './scheduler/slack-client.ts';
import { cachedAuthorize, createSlackApp } from './slack/app.ts';

export const CONTENT_DIR = fileURLToPath(new URL('../content', import.meta.url));

export interface BotOptions {
  config: Config;
  contentDir?: string;
  clock?: Clock;
  log?: Logger;
  /** false: no scheduler; `{ cron: false }`: built but never started, so a test ticks it by hand. */
  scheduler?: boolean | SchedulerOptions;
}

export interface RunningBot {
  port: number;
  ctx: BotContext;
  database: DatabaseHandle;
  scheduler?: Scheduler;
  /** Resolves once the database is migrated and the bot serves requests fully. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/** Slack calls on the request path are retried briefly: a user is waiting, and triggers expire in 3 s. */
const INTERACTIVE_RETRIES = { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1_000 };

/**
 * The composition root: config -> bank -> database -> Slack app -> migrations (retried until the
 * database answers) -> ready. Start-up errors that retrying cannot fix (bad guide, data dir in use)
 * reject; an unreachable database does not: the bot listens, answers 503 on /healthz, and keeps trying.
 */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { config } = options;
  const log = options.log ?? createLogger(config.logLevel);
  const bank = await loadQuestionBank(options.contentDir ?? CONTENT_DIR);
  const database = await openDatabase(config.database, log);
  const slack = new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    logger: boltLogger(log),
    retryConfig: INTERACTIVE_RETRIES,
  });
  const ctx: BotContext = { db: database.db, bank, slack, log, clock: options.clock ?? systemClock };
  const schedulerOptions = typeof options.scheduler === 'object' ? options.scheduler : {};
  const scheduler =
    options.scheduler === false
      ? undefined
      : new Scheduler(
          { ...ctx, slack: createSchedulerSlackClient(config.slack, log, schedulerOptions.retryConfig) },
          schedulerOptions,
        );

  let migrated = false;
  let stopping = false;
  const slackApp = createSlackApp({
    config,
    ctx,
    authorize: cachedAuthorize(ctx, config.slack.botToken),
    hooks: { onZoneChanged: (userId) => rescheduleUser(ctx, userId) },
    isHealthy: async () => migrated && !stopping && (await database.ping()),
  });
  let port: number;
  try {
    port = await slackApp.start();
  } catch (err) {
    await database.close();
    throw err;
  }
  log.info(
    {
      database: database.description,
      mode: config.slack.appToken ? 'socket' : 'http',
      port,
      topics: bank.topics.length,
    },
    config.slack.appToken
      ? `Star Drill running in Socket Mode (health on port ${port}), database: ${database.description}`
      : `Star Drill listening on HTTP port ${port} (/slack/events), database: ${database.description}`,
  );

  const ready = pRetry(() => runMigrations(database), {
    retries: Number.POSITIVE_INFINITY,
    minTimeout: 500,
    maxTimeout: 5_000,
    shouldRetry: () => !stopping,
    onFailedAttempt: ({ error, attemptNumber }) =>
      log.warn({ err: error.message, attempt: attemptNumber }, 'database not ready; retrying with backoff'),
  }).then(() => {
    migrated = true;
    log.info({ database: database.description }, 'database ready: migrations applied');
    // Only now: a tick needs the tables.
    if (!stopping && schedulerOptions.cron !== false) scheduler?.start();
  });
  // A stop during start-up ends the retries; nobody else awaits `ready` then.
  ready.catch(() => {});

  return {
    port,
    ctx,
    database,
    scheduler,
    ready,
    async stop() {
      stopping = true;
      // First, so no delivery is cut off by the database closing under it.
      await scheduler?.stop();
      await slackApp.stop().catch((err: unknown) => log.warn({ err }, 'stopping Slack listener failed'));
      await ready.catch(() => {});
      await database.close();
      log.info('Star Drill stopped');
    },
  };
}
