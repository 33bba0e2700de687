import { fileURLToPath } from 'node:url';
import pRetry, { AbortError } from 'p-retry';
import { loadGuideFile, loadQuestionBank } from './bank/load.ts';
import { cachedFor } from './cached-for.ts';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { type DatabaseHandle, openDatabase, POOL_SIZE } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { countPauses } from './db/repositories/token-pauses.ts';
import { enterpriseOfTeam } from './db/repositories/users.ts';
import { countWorkspaceStates } from './db/repositories/workspace-states.ts';
import { rescheduleUser } from './delivery/next-delivery.ts';
import { TokenWatch } from './delivery/token-watch.ts';
import { createLogger, type Logger } from './logger.ts';
import { bindMetricSources } from './metrics/index.ts';
import type { ModelCoachMetrics } from './model-coach/counters.ts';
import { ModelCoach } from './model-coach/model-coach.ts';
import { Scheduler, type SchedulerOptions } from './scheduler/scheduler.ts';
import { cachedAuthorize, cachedIdentity, createSlackApp, type Health, type SlackApp } from './slack/app.ts';
import type { BotContext } from './slack/context.ts';
import { SharedReplays } from './slack/shared-replays.ts';
import { WorkQueue } from './slack/work-queue.ts';
import { createSlackClients } from './slack-api/clients.ts';
import { NoInstallationError } from './slack-api/errors.ts';
import { withTimeout } from './timeout.ts';
import { adoptWorkspace, settleLegacyRows } from './workspaces/adopt-workspace.ts';
import { WorkspaceGuideBanks } from './workspaces/guide-banks.ts';
import { DatabaseInstallationStore } from './workspaces/installation-store.ts';
import { checkInstallationKeys, decryptFailureCount, InstallationKeyError } from './workspaces/key-check.ts';
import { INSTALL_PATH } from './workspaces/oauth.ts';
import { InstalledWorkspaceClients, singleWorkspaceClients } from './workspaces/workspace-clients.ts';

export const CONTENT_DIR = fileURLToPath(new URL('../content', import.meta.url));

export interface BotOptions {
  config: Config;
  contentDir?: string;
  /**
   * The clock of everything the bot schedules. Unset: the system clock for requests, and the database's
   * clock for the scheduler (shared by every replica). A test or the sandbox injects one; nothing else can.
   */
  clock?: Clock;
  log?: Logger;
  /** false: no scheduler; `{ cron: false }`: built but never started, so a test ticks it by hand. */
  scheduler?:
    | boolean
    | (SchedulerOptions & { retryConfig?: Parameters<typeof createSlackClients>[0]['schedulerRetries'] });
  /** Where the extra coaching's outcomes are counted (model-coach/counters.ts); default: in memory. */
  modelMetrics?: ModelCoachMetrics;
  /** The embedded database's lock was lost (db/client.ts); the default exits the process. */
  onLockLost?: (err: Error) => void;
}

export interface RunningBot {
  port: number;
  /** The Bolt app (tests add a middleware to it to reach its error paths). */
  app: SlackApp['app'];
  /** Socket Mode with METRICS_PORT: where GET /metrics is served; HTTP mode serves it on `port`. */
  metricsPort?: number;
  ctx: BotContext;
  database: DatabaseHandle;
  scheduler?: Scheduler;
  /** Resolves once the database is migrated and the bot serves requests fully. */
  ready: Promise<void>;
  /** Resolves once every request received so far has been handled, including the work after its ack. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Work after acks runs on at most this many pool connections at once; the rest of the pool is the
 * scheduler's. Waiting: about what arrives in the 5 s a command may wait (COMMAND_MAX_WAIT_MS) in a burst
 * of 400 a second, so the wait, not the count, decides which get "busy"; beyond it, "busy" at once. Each
 * waiting task is a closure and a timer. With 200, a burst of subscribes at 400/s was refused for a full
 * queue while the bot could still have served it in time (24-37% confirmed; 84-89% with a deep queue, same
 * machine, bench/limits.md).
 */
const WORK_CONCURRENCY = POOL_SIZE - 2;
const WORK_MAX_QUEUED = 2_000;
/**
 * Requests reaching the bot this late (surely: their timestamp is in whole seconds) mean it is falling behind
 * Slack's 3 s: it stops taking on work, answers "busy" at once, and catches up.
 */
const WORK_MAX_LATENESS_MS = 500;
/** /healthz is hit by every load balancer and orchestrator: ask the database at most this often. */
const HEALTH_CACHE_MS = 2_000;
/** Within main.ts's 9-second shutdown deadline. */
const DRAIN_TIMEOUT_MS = 6_000;

/**
 * The composition root: config -> bank -> database -> Slack app -> migrations (retried until the
 * database answers) -> ready. Start-up errors that retrying cannot fix (bad guide, data dir in use)
 * reject; an unreachable database does not: the bot listens, answers 503 on /healthz, and keeps trying.
 */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { config } = options;
  const { auth } = config.slack;
  const log = options.log ?? createLogger(config.logLevel);
  const bank = config.guidePath
    ? await loadGuideFile(config.guidePath)
    : await loadQuestionBank(options.contentDir ?? CONTENT_DIR);
  const database = await openDatabase(config.database, log, { onLockLost: options.onLockLost });
  const schedulerOptions = typeof options.scheduler === 'object' ? options.scheduler : {};
  const clientOptions = { apiUrl: config.slack.apiUrl, log, schedulerRetries: schedulerOptions.retryConfig };
  const workspaces =
    auth.kind === 'single'
      ? singleWorkspaceClients(createSlackClients({ ...clientOptions, botToken: auth.botToken }))
      : new InstalledWorkspaceClients(database.db, auth.installationKeys, clientOptions);
  // Single workspace: the token's workspace, from auth.test (requests are authorized with it too).
  const identity = auth.kind === 'single' ? cachedIdentity(workspaces.forToken(auth.botToken)) : undefined;
  const tokens = new TokenWatch(
    database.db,
    log,
    async (teamId) => {
      const enterpriseId = auth.kind === 'oauth' ? await enterpriseOfTeam(database.db, teamId) : undefined;
      const clients = await workspaces.forWorkspace({ teamId, enterpriseId }, { fresh: true });
      if (!clients) throw new NoInstallationError(teamId);
      await clients.scheduler.auth.test();
    },
    auth.kind === 'single'
      ? 'Reinstall the app or update SLACK_BOT_TOKEN'
      : 'The workspace has to reinstall the app (Add to Slack)',
  );
  const work = new WorkQueue(
    { concurrency: WORK_CONCURRENCY, maxQueued: WORK_MAX_QUEUED, maxLatenessMs: WORK_MAX_LATENESS_MS },
    log,
  );
  const clock = options.clock ?? systemClock;
  const modelCoach = config.coachModel
    ? new ModelCoach(config.coachModel, { metrics: options.modelMetrics })
    : undefined;
  const banks = new WorkspaceGuideBanks(database.db, bank, log);
  const ctx: BotContext = { db: database.db, bank, banks, workspaces, log, clock, work, tokens, modelCoach };
  const scheduler =
    options.scheduler === false
      ? undefined
      : new Scheduler(
          { db: database.db, banks, workspaces, log, tokens, clock: options.clock },
          schedulerOptions,
        );
  const installationStore =
    auth.kind === 'oauth'
      ? new DatabaseInstallationStore(database.db, auth.installationKeys, {
          // A reinstall's new token is used at once by this replica (others look it up within a minute).
          onInstalled: (teamIds) => {
            for (const teamId of teamIds) workspaces.forget(teamId);
            settleLegacyRows(database.db, log).catch((err: unknown) =>
              log.warn({ err }, 'legacy rows not settled'),
            );
          },
        })
      : undefined;

  let migrated = false;
  let stopping = false;
  /** Set when INSTALLATION_KEY cannot read the stored tokens: /healthz says so until the process exits. */
  let keyProblem: string | undefined;
  const unbindMetrics = bindMetricSources({
    workQueue: () => ({ ...work.stats, saturated: work.saturated }),
    pool: () => database.poolStats(),
    workspaces: async () => {
      if (!migrated || stopping) throw new Error('database not ready');
      return countWorkspaceStates(database.db, auth.kind);
    },
  });
  const slackApp = createSlackApp({
    config,
    ctx,
    auth:
      identity && auth.kind === 'single'
        ? { kind: 'single', authorize: cachedAuthorize(identity, auth.botToken) }
        : { kind: 'oauth', installationStore: installationStore as DatabaseInstallationStore },
    sharedReplays: new SharedReplays(database.db, log, () => migrated && !stopping),
    hooks: {
      onZoneChanged: (who) => rescheduleUser(ctx, who),
      revokeInstallation: installationStore ? (lookup) => installationStore.revoke(lookup) : undefined,
    },
    health: cachedFor(HEALTH_CACHE_MS, async (): Promise<Health> => {
      const database_ = migrated && !stopping && (await database.ping());
      const slack = database_ ? await slackHealth().catch(() => undefined) : undefined;
      // One workspace's dead token is that workspace's problem, not the bot's: only a single bot is unhealthy.
      const ok = database_ && !(auth.kind === 'single' && slack?.paused) && keyProblem === undefined;
      const decryptFailures = decryptFailureCount();
      const keys =
        keyProblem !== undefined || decryptFailures > 0
          ? { installationKey: { ok: keyProblem === undefined, decryptFailures, problem: keyProblem } }
          : {};
      return {
        status: ok ? 200 : 503,
        body: { ok, database: database_ ? 'ok' : 'unavailable', ...(slack ? { slack } : {}), ...keys },
      };
    }),
  });
  let port: number;
  try {
    port = await slackApp.start();
  } catch (err) {
    await database.close();
    throw err;
  }
  const socket = config.slack.transport.kind === 'socket';
  const routes = auth.kind === 'oauth' ? `/slack/events, installs at ${INSTALL_PATH}` : '/slack/events';
  log.info(
    {
      database: database.description,
      ...(modelCoach ? { coachModel: modelCoach.host } : {}),
      mode: config.slack.transport.kind,
      port,
      topics: bank.topics.length,
      workspaces: auth.kind,
    },
    socket
      ? `Star Drill running in Socket Mode (health on port ${port}), database: ${database.description}`
      : `Star Drill listening on HTTP port ${port} (${routes}), database: ${database.description}`,
  );

  /** What /healthz says about Slack: the single token's pause, or how many workspaces are paused. */
  async function slackHealth(): Promise<Record<string, unknown> | undefined> {
    if (!identity) {
      const pausedWorkspaces = await countPauses(database.db);
      return pausedWorkspaces > 0 ? { pausedWorkspaces } : undefined;
    }
    const { teamId } = await identity();
    const token = teamId ? await tokens.status(teamId) : undefined;
    return token?.paused ? { paused: true, reason: token.reason, until: token.until } : undefined;
  }

  const untilStopped = <T>(what: string, fn: () => Promise<T>) =>
    pRetry(fn, {
      retries: Number.POSITIVE_INFINITY,
      minTimeout: 500,
      maxTimeout: 5_000,
      shouldRetry: () => !stopping,
      onFailedAttempt: ({ error, attemptNumber }) =>
        log.warn({ err: error, attempt: attemptNumber }, `${what} not ready; retrying with backoff`),
    });
  const ready = untilStopped('database', () => runMigrations(database)).then(async () => {
    migrated = true;
    log.info({ database: database.description }, 'database ready: migrations applied');
    if (auth.kind === 'oauth') {
      const keys = auth.installationKeys;
      await untilStopped('installation key check', () =>
        checkInstallationKeys(database.db, keys).catch((err: unknown) => {
          // A wrong key is not healed by retrying: start-up fails (main.ts exits, naming the key id).
          if (err instanceof InstallationKeyError) {
            keyProblem = err.message;
            throw new AbortError(err);
          }
          throw err;
        }),
      );
    }
    if (identity) await untilStopped('Slack (auth.test)', () => adoptWorkspace(database.db, identity, log));
    else await untilStopped('legacy rows', () => settleLegacyRows(database.db, log));
    // Only now: a tick needs the tables, and every row its workspace.
    if (!stopping && schedulerOptions.cron !== false) scheduler?.start();
  });
  // A stop during start-up ends the retries; nobody else awaits `ready` then.
  ready.catch(() => {});

  return {
    port,
    metricsPort: slackApp.metricsPort(),
    app: slackApp.app,
    ctx,
    database,
    scheduler,
    ready,
    async idle() {
      await work.idle();
      // The extra coaching runs after the work that started it, on its own.
      await modelCoach?.idle();
    },
    async stop() {
      stopping = true;
      // Posts in flight and the work after acks finish (bounded) before the database closes under them.
      const listener = slackApp
        .stop()
        .catch((err: unknown) => log.warn({ err }, 'stopping Slack listener failed'));
      await Promise.all([
        scheduler?.stop(),
        listener.then(() =>
          withTimeout(
            work.idle().then(() => true),
            DRAIN_TIMEOUT_MS,
            () => false,
          ).then((drained) => {
            if (!drained) log.warn(work.stats, 'stopped with work after acks still running');
          }),
        ),
      ]);
      // Calls to the model in flight are aborted: a stop never waits out a slow model.
      await modelCoach?.stop();
      await ready.catch(() => {});
      unbindMetrics();
      await database.close();
      log.info('Star Drill stopped');
    },
  };
}
