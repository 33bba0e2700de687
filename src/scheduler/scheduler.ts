import { randomUUID } from 'node:crypto';
import os from 'node:os';
import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import { surveyTick } from '../db/repositories/tick.ts';
import { DrillJob, emptyCounts, type TickCounts } from '../delivery/drill-job.ts';
import { type MockSummaryCounts, MockSummaryJob } from '../delivery/mock-summary-job.ts';
import { expirePeerRequests } from '../delivery/peer-review-expiry.ts';
import { RateLimits } from '../delivery/rate-limits.ts';
import { type RecapCounts, RecapJob } from '../delivery/recap-job.ts';
import { type ReminderCounts, ReminderJob } from '../delivery/reminder-job.ts';
import { DeliveryRunner } from '../delivery/runner.ts';
import type { TokenWatch } from '../delivery/token-watch.ts';
import type { Logger } from '../logger.ts';
import { recordError } from '../metrics/index.ts';
import { withTimeout } from '../timeout.ts';
import type { TeamBanks } from '../workspaces/guide-banks.ts';
import type { WorkspaceClients } from '../workspaces/workspace-clients.ts';
import { Housekeeping } from './housekeeping.ts';
import { recordTickResult } from './tick-metrics.ts';

export type { TickCounts } from '../delivery/drill-job.ts';

/** What a tick did: its drills, their reminders, the weekly recaps, the mock interviews' summaries. */
export type TickResult = TickCounts & ReminderCounts & RecapCounts & MockSummaryCounts;

export interface SchedulerOptions {
  /** Read by startBot: false = built but not started (no cron, no start-up tick); a test calls tick(). */
  cron?: boolean;
  /** Written into claimed_by; unique per process. */
  replicaId?: string;
  /** Drills posted at once by this replica. */
  concurrency?: number;
  /** Due subscriptions claimed per query. */
  batchSize?: number;
  /** How long a claim protects a delivery before another replica may take the row over. */
  leaseMs?: number;
  /** How long stop() waits for the posts in flight. */
  stopTimeoutMs?: number;
}

export interface SchedulerDeps {
  db: Database;
  /** Each workspace's question bank (its own guide, or the built-in one). */
  banks: TeamBanks;
  /** Each workspace's clients; posts use their `scheduler` client (slack-api/clients.ts). */
  workspaces: WorkspaceClients;
  log: Logger;
  tokens: TokenWatch;
  /**
   * The scheduler's clock: which rows are due, and the backoffs. Unset in production: the database's
   * `now()`, so replicas whose clocks drift still agree. A test or the sandbox injects its own.
   */
  clock?: Clock;
}

const MINUTE_MS = 60_000;
/**
 * Twenty concurrent posts: Slack answers a chat.postMessage in roughly 100-300 ms, so this sends 60-200 drills a
 * second, a thousand subscribers due in one minute within seconds (on loopback, where Slack answers at once,
 * the 10,000-drill fan-out is bound by the machine's CPU instead: BENCHMARKS.md). The database does not scale with it: a batch's
 * statements are shared by its drills and the ts of the posts are stored by group commit (posted-recorder.ts),
 * so the posts take a connection or two of the pool, not twenty. More would mostly meet chat.postMessage's
 * workspace-wide limit sooner (a 429 pauses every post of this replica), and widen the window of a crash
 * (the posts in flight may be repeated).
 */
export const DEFAULT_CONCURRENCY = 20;
/**
 * 25 rounds of the concurrency per claim: the per-batch statements (claim, histories, insert, advance) are
 * spread over many drills, and the next batch is claimed while this one posts, so the posts never wait for them.
 * 500 rather than 200 took ~8% off a 10,000 fan-out and ~15% off Postgres's CPU (bench/limits.md); the cost is
 * that a replica dying mid-fan-out holds up to two batches until their lease expires (DEFAULT_LEASE_MS).
 */
export const DEFAULT_BATCH_SIZE = 500;
/**
 * A replica that dies mid-delivery holds its rows this long before another takes them over. Long enough for
 * a batch to wait its turn and to post within POST_BUDGET_MS; short enough that a crash at 09:00 still
 * delivers around 09:10, the same local day.
 */
const DEFAULT_LEASE_MS = 10 * MINUTE_MS;
/**
 * A post must finish before the lease ends, or another replica could post the same drill again. The
 * scheduler's WebClient stops retrying after 2 minutes (+ one backoff, one request and a Retry-After pause);
 * a delivery with less lease left than this gives its claim back instead of starting.
 */
const POST_BUDGET_MS = 5 * MINUTE_MS;
/** Within main.ts's 9-second shutdown deadline, leaving time to close the listener and the database. */
const DEFAULT_STOP_TIMEOUT_MS = 6_000;

/**
 * The minute tick: while delivery is not paused (a refused token, delivery/token-watch.ts), deliver what is
 * due, then the housekeeping. Any number of replicas may run one; the claim query, the lease and the unique
 * (user, local date) index keep each subscriber at one drill per local day.
 */
export class Scheduler {
  readonly replicaId: string;
  private readonly log: Logger;
  private readonly stopTimeoutMs: number;
  private readonly runner: DeliveryRunner;
  private readonly drillOptions: ConstructorParameters<typeof DrillJob>[1];
  private readonly housekeeping: Housekeeping;
  private task: ScheduledTask | undefined;
  /** The cron's tick, while one runs: a slow tick is not joined by another on the same replica. */
  private running: Promise<void> | undefined;
  /** Every tick in progress, the cron's and those called directly (tests, the sandbox). */
  private readonly inFlight = new Set<Promise<unknown>>();
  private stopping = false;
  private readonly stopped = new AbortController();
  private readonly rateLimits = new RateLimits();

  constructor(
    private readonly deps: SchedulerDeps,
    options: SchedulerOptions = {},
  ) {
    this.replicaId = options.replicaId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.log = deps.log.child({ component: 'scheduler', replica: this.replicaId });
    const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.stopTimeoutMs = options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
    this.drillOptions = {
      replicaId: this.replicaId,
      concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
      batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
      leaseMs,
      // A short lease (tests) must still leave time to start posting, or every claim would be given back.
      postBudgetMs: Math.min(POST_BUDGET_MS, leaseMs / 2),
    };
    this.runner = new DeliveryRunner(
      { workspaces: deps.workspaces, log: this.log, tokens: deps.tokens, rateLimits: this.rateLimits },
      { stopping: () => this.stopping, stopSignal: this.stopped.signal },
    );
    this.housekeeping = new Housekeeping(deps.db, this.log, this.replicaId);
  }

  /** Ticks every minute, and once right away: a bot back from downtime catches up on today's drills now. */
  start(): void {
    if (this.task || this.stopping) return;
    this.task = cron.schedule('* * * * *', () => this.runTick(), {
      name: `star-drill-scheduler-${this.replicaId}`,
      noOverlap: true,
      logger: {
        info: (m) => this.log.debug(m),
        warn: (m) => this.log.warn(m),
        error: (m, err) => this.log.error({ err: err ?? m }, 'cron error'),
        debug: () => {},
      },
    });
    void this.runTick();
    this.log.info('scheduler started: ticking every minute');
  }

  /**
   * Stops ticking and waits (bounded) for the posts in flight and the storing of their ts: a post whose ts
   * is not stored would be posted again by whoever takes the row next. Claims not yet started go back.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopped.abort();
    await this.task?.destroy();
    this.task = undefined;
    const finished = await withTimeout(
      this.idle().then(() => true),
      this.stopTimeoutMs,
      () => false,
    );
    if (!finished) this.log.warn('stopped while posts were still in flight; their leases will expire');
  }

  /** Resolves once no tick is in progress. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private runTick(): Promise<void> {
    this.running ??= this.tick()
      .then(async (counts) => {
        if (Object.values(counts).some((n) => n > 0)) this.log.info(counts, 'scheduler tick');
        await this.track(this.housekeeping.run());
      })
      .catch((err: unknown) => {
        recordError('tick');
        this.log.error({ err }, 'scheduler tick failed; the next tick retries');
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    try {
      return await work;
    } finally {
      this.inFlight.delete(work);
    }
  }

  /**
   * Delivers what is due at `now` (the scheduler's clock by default): drills, then their reminders, then
   * Monday's weekly recaps; nothing to a workspace whose delivery is paused (a refused token, an uninstall).
   * Nothing due costs one query (surveyTick).
   */
  tick(now?: Date): Promise<TickResult> {
    const started = performance.now();
    return this.track(
      this.deliverDue(now).then((result) => {
        recordTickResult((performance.now() - started) / 1000, result);
        return result;
      }),
    );
  }

  private async deliverDue(now: Date | undefined): Promise<TickResult> {
    const { tokens } = this.deps;
    const result: TickResult = {
      ...emptyCounts(),
      reminded: 0,
      remindersDropped: 0,
      recapped: 0,
      mockSummaries: 0,
    };
    let survey = await surveyTick(this.deps.db, { at: now ?? this.deps.clock?.now() ?? null });
    if (survey.pausesOver.length > 0) {
      // Tokens whose pause ran out are checked first; a workspace that works again is delivered this tick.
      let resumed = false;
      for (const pause of survey.pausesOver) resumed = (await tokens.check(pause)) || resumed;
      if (resumed) survey = await surveyTick(this.deps.db, { at: survey.now });
    }
    const { db, banks } = this.deps;
    const log = this.log;
    if (survey.drillsDue) {
      const drills = new DrillJob({ db, banks, log }, this.drillOptions, survey.now);
      await this.runner.run(drills);
      Object.assign(result, drills.counts);
    }
    if (survey.remindersDue) {
      const reminders = new ReminderJob({ db, log }, survey.now);
      await this.runner.run(reminders);
      Object.assign(result, reminders.counts);
    }
    if (survey.recapsDue) {
      const recaps = new RecapJob({ db, banks, log }, survey.now);
      await this.runner.run(recaps);
      Object.assign(result, recaps.counts);
    }
    if (survey.mockSummariesDue) {
      const summaries = new MockSummaryJob({ db, banks, log }, survey.now);
      await this.runner.run(summaries);
      Object.assign(result, summaries.counts);
    }
    if (survey.peerExpiriesDue) {
      const expired = await expirePeerRequests({ db, workspaces: this.deps.workspaces, log }, survey.now);
      if (expired > 0) log.info({ expired }, 'peer review requests expired');
    }
    return result;
  }
}
