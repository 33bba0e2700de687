import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import type { RetryOptions } from '@slack/web-api';
import cron, { type ScheduledTask } from 'node-cron';
import pLimit from 'p-limit';
import type { BotContext } from '../context.ts';
import { insertScheduledDrill } from '../db/repositories/drills.ts';
import {
  advanceSubscription,
  claimDueSubscriptions,
  deactivateSubscription,
  releaseClaim,
  type SubscriptionWithZone,
} from '../db/repositories/subscriptions.ts';
import { nextDeliveryAfterDate, planTick } from '../drills/schedule.ts';
import type { Logger } from '../logger.ts';
import { chooseDrill, drillRow, postDrill } from '../slack/send-drill.ts';
import { scheduleOf } from './next-delivery.ts';
import { permanentSlackError } from './slack-client.ts';

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
  /** How long stop() waits for a running tick. */
  stopTimeoutMs?: number;
  /** Retries of the scheduler's own WebClient (built by the composition root; see slack-client.ts). */
  retryConfig?: RetryOptions;
}

export interface TickCounts {
  /** Drills posted. */
  delivered: number;
  /** A previous attempt (a replica that died after posting) had posted the day's drill: only advanced. */
  alreadyPosted: number;
  /** Days passed entirely while the bot was down: advanced without a late drill. */
  skippedStale: number;
  /** Not delivered for a reason that may heal: released with a backoff, retried by a later tick. */
  failed: number;
  /** Slack said the DM can never arrive: subscription stopped. */
  deactivated: number;
  /** Claimed but given back untouched (stopping, or too little lease left to post safely). */
  released: number;
}

type Outcome = keyof TickCounts;

const MINUTE_MS = 60_000;
/**
 * Ten concurrent posts: Slack answers a chat.postMessage in roughly 100-300 ms, so this sends 30-100 drills a
 * second, a thousand subscribers due in one minute within seconds. More would mostly meet chat.postMessage's
 * workspace-wide limit sooner (a 429 pauses every post of this replica), and would queue on the Postgres
 * pool (10 connections, shared with the interactive listeners) anyway.
 */
const DEFAULT_CONCURRENCY = 10;
/** A few rounds of the concurrency per claim: few queries, and claims do not wait long before their turn. */
const DEFAULT_BATCH_SIZE = 50;
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
/** Retry delay after the n-th failed delivery: 1, 2, 4, ... minutes, at most 30; the day's end stops it. */
const backoffMs = (attempts: number) => Math.min(2 ** Math.max(0, attempts - 1), 30) * MINUTE_MS;

/**
 * Delivers the scheduled drills: every minute, claim the due subscriptions from Postgres and post them.
 * Any number of replicas may run one; the claim query, the lease and the unique (user, local date) index keep
 * each subscriber at one drill per local day.
 */
export class Scheduler {
  readonly replicaId: string;
  private readonly log: Logger;
  private readonly concurrency: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly postBudgetMs: number;
  private readonly stopTimeoutMs: number;
  private task: ScheduledTask | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;

  /** `ctx.slack` is the client drills are posted with: the scheduler's own (createSchedulerSlackClient). */
  constructor(
    private readonly ctx: BotContext,
    options: SchedulerOptions = {},
  ) {
    this.replicaId = options.replicaId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    // A short lease (tests) must still leave time to start posting, or every claim would be given back.
    this.postBudgetMs = Math.min(POST_BUDGET_MS, this.leaseMs / 2);
    this.stopTimeoutMs = options.stopTimeoutMs ?? 5_000;
    this.log = ctx.log.child({ component: 'scheduler', replica: this.replicaId });
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
   * Stops ticking and waits (bounded) for a running tick, which stops claiming and gives back the claims it
   * has not begun.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.task?.destroy();
    this.task = undefined;
    if (this.running) {
      const finished = await Promise.race([this.running.then(() => true), delay(this.stopTimeoutMs, false)]);
      if (!finished) this.log.warn('stopped while a tick was still delivering; its leases will expire');
    }
  }

  /** One tick unless one is running: a slow tick is not joined by another on the same replica. */
  private runTick(): Promise<void> {
    this.running ??= this.tick()
      .then((counts) => {
        if (Object.values(counts).some((n) => n > 0)) this.log.info(counts, 'scheduler tick');
      })
      .catch((err: unknown) => this.log.error({ err }, 'scheduler tick failed; the next tick retries'))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** Claims and delivers batch after batch until nothing is due at `now`. */
  async tick(now: Date = this.ctx.clock.now()): Promise<TickCounts> {
    const counts: TickCounts = {
      delivered: 0,
      alreadyPosted: 0,
      skippedStale: 0,
      failed: 0,
      deactivated: 0,
      released: 0,
    };
    const limit = pLimit(this.concurrency);
    const started = performance.now();
    while (!this.stopping) {
      // `now` stands for the whole tick (so a row is judged due and delivered at the same instant), but a
      // lease runs in real time: a batch claimed minutes into a slow tick still gets its full lease.
      const elapsed = performance.now() - started;
      const claimed = await claimDueSubscriptions(this.ctx.db, {
        now,
        leaseUntil: new Date(now.getTime() + elapsed + this.leaseMs),
        replicaId: this.replicaId,
        limit: this.batchSize,
      });
      if (claimed.length === 0) break;
      const claimedAt = performance.now();
      const outcomes = await Promise.all(
        claimed.map((row) => limit(() => this.deliver(row, now, claimedAt))),
      );
      for (const outcome of outcomes) counts[outcome] += 1;
    }
    return counts;
  }

  private async deliver(row: SubscriptionWithZone, now: Date, claimedAt: number): Promise<Outcome> {
    const log = this.log.child({ user: row.userId, subscription: row.id });
    try {
      // Elapsed time from a monotonic clock: the injected clock may stand still in tests.
      if (this.stopping || performance.now() - claimedAt > this.leaseMs - this.postBudgetMs) {
        await releaseClaim(this.ctx.db, row.id, this.replicaId);
        return 'released';
      }
      return await this.deliverClaimed(row, now, log);
    } catch (err) {
      return this.handleFailure(row, now, err, log).catch((releaseErr: unknown) => {
        // Even the release failed (database gone): the lease expires and a later tick takes the row.
        log.error({ err: releaseErr }, 'could not release a failed delivery');
        return 'failed' as const;
      });
    }
  }

  private async deliverClaimed(row: SubscriptionWithZone, now: Date, log: Logger): Promise<Outcome> {
    const { db } = this.ctx;
    if (!row.nextDueAt || !row.nextDueDate) throw new Error('claimed a subscription without a due date');
    const plan = planTick(scheduleOf(row), { localDate: row.nextDueDate, dueAt: row.nextDueAt }, now);
    if (plan.missed.length > 0) {
      log.info(
        { missed: plan.missed },
        'local days passed while the bot was down; their drills are not sent late',
      );
    }
    const done = plan.deliver?.localDate ?? plan.missed.at(-1);
    if (!plan.deliver) {
      if (done) await this.advance(row, done, log);
      else await releaseClaim(db, row.id, this.replicaId);
      return done ? 'skippedStale' : 'released';
    }

    const localDate = plan.deliver.localDate;
    const { topic, question } = await chooseDrill(this.ctx, row.userId, row.topics);
    // The unique (user, local date) index is the last guard: a row may exist from an earlier attempt.
    const { drill, created } = await insertScheduledDrill(db, {
      ...drillRow(row.userId, topic, question, 'scheduled'),
      subscriptionId: row.id,
      localDate,
    });
    if (!created && drill.messageTs) {
      await this.advance(row, localDate, log);
      return 'alreadyPosted';
    }
    if (!created) {
      log.warn(
        { drill: drill.id, localDate },
        'posting a scheduled drill an earlier attempt stored but never posted',
      );
    }
    const posted = await postDrill(this.ctx, drill);
    log.debug({ drill: drill.id, localDate, ts: posted.messageTs }, 'scheduled drill delivered');
    await this.advance(row, localDate, log);
    return 'delivered';
  }

  /** Next delivery after `localDate`, from the subscription's settings as they are when it is stored. */
  private async advance(row: SubscriptionWithZone, localDate: string, log: Logger): Promise<void> {
    const held = await advanceSubscription(this.ctx.db, row.id, this.replicaId, (current) =>
      nextDeliveryAfterDate(scheduleOf(current), localDate),
    );
    if (!held)
      log.warn({ localDate }, 'claim lost before advancing (lease expired); another replica owns it');
  }

  private async handleFailure(
    row: SubscriptionWithZone,
    now: Date,
    err: unknown,
    log: Logger,
  ): Promise<Outcome> {
    const reason = permanentSlackError(err);
    if (reason) {
      await deactivateSubscription(this.ctx.db, row.id, this.replicaId, reason);
      log.warn({ reason }, 'subscription deactivated: Slack says drills can never reach this user');
      return 'deactivated';
    }
    const attempts = row.deliveryAttempts + 1;
    const retryAt = new Date(now.getTime() + backoffMs(attempts));
    await releaseClaim(this.ctx.db, row.id, this.replicaId, retryAt);
    log.error({ err, attempts, retryAt: retryAt.toISOString() }, 'scheduled drill not delivered; will retry');
    return 'failed';
  }
}
