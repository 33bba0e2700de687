import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import type { RetryOptions } from '@slack/web-api';
import cron, { type ScheduledTask } from 'node-cron';
import pLimit, { type LimitFunction } from 'p-limit';
import type { BotContext } from '../context.ts';
import { drillHistories, insertScheduledDrills } from '../db/repositories/drills.ts';
import { forgetOldEvents } from '../db/repositories/events.ts';
import {
  advanceSubscriptions,
  claimDueSubscriptions,
  deactivateSubscription,
  releaseClaim,
  type SubscriptionWithZone,
} from '../db/repositories/subscriptions.ts';
import type { Drill } from '../db/schema/index.ts';
import { nextDeliveryAfterDate, planTick } from '../drills/schedule.ts';
import type { Logger } from '../logger.ts';
import { chooseFromHistory, drillRow, postDrillMessage } from '../slack/send-drill.ts';
import { scheduleOf } from './next-delivery.ts';
import { PostedRecorder } from './posted-recorder.ts';
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

/** A claimed row on its way through a batch. */
interface Planned {
  row: SubscriptionWithZone;
  log: Logger;
  /** The local date to deliver, while the row still has to be posted. */
  deliver?: string;
  /** Set once the row's fate is known. */
  outcome?: Outcome;
  /** The local date after which the next delivery is computed (delivered, already posted, passed over). */
  advance?: string;
  /** Why the row cannot be delivered at all (it is released with a backoff). */
  error?: Error;
}

const MINUTE_MS = 60_000;
const PRUNE_EVERY_MS = 60 * MINUTE_MS;
/**
 * Twenty concurrent posts: Slack answers a chat.postMessage in roughly 100-300 ms, so this sends 60-200 drills a
 * second, a thousand subscribers due in one minute within seconds; on loopback it keeps the 10,000-drill
 * fan-out within 1.5x of a bare WebClient (BENCHMARKS.md). The database does not scale with it: a batch's
 * statements are shared by its drills and the ts of the posts are stored by group commit (posted-recorder.ts),
 * so the posts take a connection or two of the pool (10, shared with the interactive listeners), not twenty.
 * More would mostly meet chat.postMessage's workspace-wide limit sooner (a 429 pauses every post of this
 * replica), and widen the window of a crash (the posts in flight may be repeated).
 */
export const DEFAULT_CONCURRENCY = 20;
/**
 * Ten rounds of the concurrency per claim: the per-batch statements (claim, histories, insert, advance) are
 * spread over many drills, and the next batch is claimed while this one posts, so the posts never wait for them.
 */
export const DEFAULT_BATCH_SIZE = 200;
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
  private readonly recorder: PostedRecorder;
  private task: ScheduledTask | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  private lastPruneAt: number | undefined;

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
    this.recorder = new PostedRecorder(ctx.db);
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
      .then(async (counts) => {
        if (Object.values(counts).some((n) => n > 0)) this.log.info(counts, 'scheduler tick');
        await this.pruneProcessedEvents();
      })
      .catch((err: unknown) => this.log.error({ err }, 'scheduler tick failed; the next tick retries'))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /**
   * processed_events only has to outlive Slack's retries of an event (minutes); without pruning it grows by
   * every user_change in the workspace. Hourly is plenty, and any replica may do it.
   */
  private async pruneProcessedEvents(): Promise<void> {
    if (this.lastPruneAt !== undefined && performance.now() - this.lastPruneAt < PRUNE_EVERY_MS) return;
    this.lastPruneAt = performance.now();
    await forgetOldEvents(this.ctx.db);
  }

  /**
   * Claims and delivers batch after batch until nothing is due at `now`. Two batches overlap: the next one is
   * claimed and prepared (histories, drill rows) while the previous one is still posting, so the posts do not
   * pause for the database between batches.
   */
  async tick(now: Date = this.ctx.clock.now()): Promise<TickCounts> {
    const counts: TickCounts = {
      delivered: 0,
      alreadyPosted: 0,
      skippedStale: 0,
      failed: 0,
      deactivated: 0,
      released: 0,
    };
    const tally = (outcomes: Outcome[]) => {
      for (const outcome of outcomes) counts[outcome] += 1;
    };
    const limit = pLimit(this.concurrency);
    const started = performance.now();
    let previous: Promise<Outcome[]> = Promise.resolve([]);
    try {
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
        if (claimed.length === 0) {
          // The batch still posting may give rows back (too little lease left): take them again this tick.
          const last = await previous;
          previous = Promise.resolve([]);
          tally(last);
          if (last.includes('released') && !this.stopping) continue;
          break;
        }
        const current = this.deliverBatch(claimed, now, performance.now(), limit);
        tally(await previous);
        previous = current;
      }
    } finally {
      tally(await previous);
    }
    return counts;
  }

  /** Delivers one claimed batch; never rejects: every row ends with an outcome (a failure is released). */
  private async deliverBatch(
    rows: SubscriptionWithZone[],
    now: Date,
    claimedAt: number,
    limit: LimitFunction,
  ): Promise<Outcome[]> {
    const plans = rows.map((row) => this.plan(row, now));
    const toDeliver = plans.filter((p): p is Planned & { deliver: string } => p.deliver !== undefined);
    const prepared = await this.prepareDrills(toDeliver);
    const posted = await Promise.all(
      plans.map((p) => {
        if (p.error) return this.failed(p, now, p.error);
        if (p.outcome === 'released') return this.release(p);
        if (p.outcome || p.deliver === undefined) return p; // skippedStale: only advanced below
        const drill = prepared.get(p.row.id);
        if (!drill || drill instanceof Error) return this.failed(p, now, drill ?? new Error('not prepared'));
        const toPost = { ...p, deliver: p.deliver };
        return limit(() => this.post(toPost, drill, now, claimedAt));
      }),
    );
    return this.advanceAll(posted, now);
  }

  /** What a claimed row needs, from its schedule alone (pure: no I/O). */
  private plan(row: SubscriptionWithZone, now: Date): Planned {
    const log = this.log.child({ user: row.userId, subscription: row.id });
    if (!row.nextDueAt || !row.nextDueDate) {
      return { row, log, error: new Error('claimed a subscription without a due date') };
    }
    const plan = planTick(scheduleOf(row), { localDate: row.nextDueDate, dueAt: row.nextDueAt }, now);
    if (plan.missed.length > 0) {
      log.info(
        { missed: plan.missed },
        'local days passed while the bot was down; their drills are not sent late',
      );
    }
    if (plan.deliver) return { row, log, deliver: plan.deliver.localDate };
    const done = plan.missed.at(-1);
    return done ? { row, log, outcome: 'skippedStale', advance: done } : { row, log, outcome: 'released' };
  }

  /**
   * The drill rows of a batch: one history query for all its users, the questions chosen in memory, one
   * multi-row insert. The unique (user, local date) index is the last guard: a row may exist from an earlier
   * attempt (a replica that died, a claim given back), and is then reused, not duplicated.
   */
  private async prepareDrills(
    plans: Array<Planned & { deliver: string }>,
  ): Promise<Map<number, { drill: Drill; created: boolean } | Error>> {
    const result = new Map<number, { drill: Drill; created: boolean } | Error>();
    if (plans.length === 0) return result;
    try {
      const histories = await drillHistories(
        this.ctx.db,
        plans.map((p) => p.row.userId),
      );
      const rows = plans.map(({ row, deliver }) => {
        const { topic, question } = chooseFromHistory(
          this.ctx.bank,
          row.userId,
          row.topics,
          histories.get(row.userId) ?? [],
        );
        return {
          ...drillRow(row.userId, topic, question, 'scheduled'),
          subscriptionId: row.id,
          localDate: deliver,
        };
      });
      const stored = await insertScheduledDrills(this.ctx.db, rows);
      for (const [i, p] of plans.entries()) {
        result.set(p.row.id, stored[i] as { drill: Drill; created: boolean });
      }
    } catch (err) {
      for (const p of plans) result.set(p.row.id, err instanceof Error ? err : new Error(String(err)));
    }
    return result;
  }

  /** Posts one drill (or sees it was posted before). Runs inside the concurrency limit. */
  private async post(
    p: Planned & { deliver: string },
    stored: { drill: Drill; created: boolean },
    now: Date,
    claimedAt: number,
  ): Promise<Planned> {
    const { log, deliver: localDate } = p;
    try {
      // Elapsed time from a monotonic clock: the injected clock may stand still in tests.
      if (this.stopping || performance.now() - claimedAt > this.leaseMs - this.postBudgetMs) {
        // The drill row stays: whoever takes the row next posts that same question.
        return await this.release(p);
      }
      const { drill, created } = stored;
      if (!created && drill.messageTs) return { ...p, outcome: 'alreadyPosted', advance: localDate };
      if (!created) {
        log.info({ drill: drill.id, localDate }, 'posting a scheduled drill stored by an earlier attempt');
      }
      // The ts is stored right after Slack's answer, before the slot is freed: only a crash between the two
      // can post twice, so at most `concurrency` drills at a crash.
      const posted = await postDrillMessage(this.ctx, drill);
      await this.recorder.record(drill.id, posted.channel, posted.ts);
      log.debug({ drill: drill.id, localDate, ts: posted.ts }, 'scheduled drill delivered');
      return { ...p, outcome: 'delivered', advance: localDate };
    } catch (err) {
      return this.failed(p, now, err);
    }
  }

  /** Stores the next delivery of every row that has one, in one transaction for the batch. */
  private async advanceAll(plans: Planned[], now: Date): Promise<Outcome[]> {
    const toAdvance = plans.filter((p) => p.advance !== undefined);
    try {
      const held = await advanceSubscriptions(
        this.ctx.db,
        this.replicaId,
        toAdvance.map((p) => ({ id: p.row.id, localDate: p.advance as string })),
        (current, localDate) => nextDeliveryAfterDate(scheduleOf(current), localDate),
      );
      for (const p of toAdvance) {
        if (!held.has(p.row.id)) {
          p.log.warn(
            { localDate: p.advance },
            'claim lost before advancing (lease expired); another replica owns it',
          );
        }
      }
    } catch (err) {
      // Posted but not advanced: released with a backoff; the next attempt finds the ts and only advances.
      const failed = await Promise.all(toAdvance.map((p) => this.failed(p, now, err)));
      const byId = new Map(failed.map((p) => [p.row.id, p]));
      return plans.map((p) => byId.get(p.row.id)?.outcome ?? (p.outcome as Outcome));
    }
    return plans.map((p) => p.outcome as Outcome);
  }

  /** Gives the claim back untouched (nothing due yet, stopping, or too little lease left to post safely). */
  private async release(p: Planned): Promise<Planned> {
    try {
      await releaseClaim(this.ctx.db, p.row.id, this.replicaId);
      return { row: p.row, log: p.log, outcome: 'released' };
    } catch (err) {
      p.log.error({ err }, 'could not release a claim; its lease will expire');
      return { row: p.row, log: p.log, outcome: 'failed' };
    }
  }

  /** A delivery that went wrong: the claim is given back (or the subscription stopped), never left held. */
  private async failed(p: Planned, now: Date, err: unknown): Promise<Planned> {
    const outcome = await this.handleFailure(p.row, now, err, p.log).catch((releaseErr: unknown) => {
      // Even the release failed (database gone): the lease expires and a later tick takes the row.
      p.log.error({ err: releaseErr }, 'could not release a failed delivery');
      return 'failed' as const;
    });
    return { row: p.row, log: p.log, outcome };
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
