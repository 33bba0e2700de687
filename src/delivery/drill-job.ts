import type { Database } from '../db/client.ts';
import {
  advanceSubscriptions,
  claimDueSubscriptions,
  deactivateSubscription,
  endInterviewDrills,
  releaseClaim,
} from '../db/repositories/subscription-claims.ts';
import type { SubscriptionWithZone } from '../db/repositories/subscriptions.ts';
import type { Drill } from '../db/schema/index.ts';
import { nextDeliveryAfterDate, planTick } from '../drills/schedule.ts';
import { scheduleOf } from '../drills/stored-schedule.ts';
import type { Logger } from '../logger.ts';
import type { SlackFailure } from '../slack-api/errors.ts';
import type { TeamBanks } from '../workspaces/guide-banks.ts';
import { prepareScheduledDrills } from './drill-rows.ts';
import { DRILL_OUTCOMES, retryAt } from './outcomes.ts';
import { PostedRecorder } from './posted-recorder.ts';
import { postDrillMessage } from './posts.ts';
import type { Attempt, BatchRun, DeliveryJob } from './runner.ts';

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
  /** The drills of an interview started without a subscription are over: subscription stopped. */
  ended: number;
  /**
   * Claimed but given back untouched (stopping, nothing due yet, too little lease left, delivery paused, the
   * workspace's Retry-After); a row given back and delivered later in the same tick counts in both.
   */
  released: number;
}

type Counted = keyof TickCounts;

export const emptyCounts = (): TickCounts => ({
  delivered: 0,
  alreadyPosted: 0,
  skippedStale: 0,
  failed: 0,
  deactivated: 0,
  ended: 0,
  released: 0,
});

/** What a claimed row needs, decided from its schedule alone. */
type Plan =
  | { kind: 'deliver'; localDate: string }
  /** Whole local days passed while the bot was down: advance past `localDate` without a late drill. */
  | { kind: 'pass_over'; localDate: string }
  /** Claimed, yet not due by its own schedule (e.g. a changed setting): give it back. */
  | { kind: 'not_due' }
  /** Its interview's drills are over (`ends_after` passed) and the person did not subscribe. */
  | { kind: 'ended' }
  | { kind: 'broken'; error: Error };

/** A row's fate once known; `advanceAfter` is the local date after which its next delivery is computed. */
interface Settled {
  row: SubscriptionWithZone;
  counted: Counted;
  advanceAfter?: string;
}

export interface DrillJobDeps {
  db: Database;
  banks: TeamBanks;
  log: Logger;
}

export interface DrillJobOptions {
  replicaId: string;
  /** Posts at once per workspace. */
  concurrency: number;
  batchSize: number;
  leaseMs: number;
  /** A post must start with at least this much lease left (see scheduler.ts). */
  postBudgetMs: number;
}

/**
 * The scheduled drills due at `now`, as one job of the delivery runner: claims batches of due subscriptions,
 * chooses and stores each one's drill (a batch at a time), posts it, stores its next delivery. Two batches
 * overlap: the next one is claimed and prepared while the previous one is still posting, so the posts do
 * not pause for the database between batches.
 */
export class DrillJob implements DeliveryJob<SubscriptionWithZone> {
  readonly name = 'subscription';
  readonly outcomes = DRILL_OUTCOMES;
  readonly overlapBatches = true;
  readonly perWorkspace: number;
  readonly counts = emptyCounts();
  private readonly recorder: PostedRecorder;

  constructor(
    private readonly deps: DrillJobDeps,
    private readonly o: DrillJobOptions,
    private readonly now: Date,
  ) {
    this.perWorkspace = o.concurrency;
    this.recorder = new PostedRecorder(deps.db, deps.log);
  }

  claim(skipTeams: string[]): Promise<SubscriptionWithZone[]> {
    return claimDueSubscriptions(this.deps.db, {
      now: this.now,
      leaseMs: this.o.leaseMs,
      replicaId: this.o.replicaId,
      limit: this.o.batchSize,
      skipTeams,
    });
  }

  async deliverBatch(rows: SubscriptionWithZone[], run: BatchRun<SubscriptionWithZone>): Promise<void> {
    const claimedAt = performance.now();
    const plans = rows.map((row) => ({ row, plan: this.planFor(row) }));
    const toDeliver = plans.flatMap((p) =>
      p.plan.kind === 'deliver' ? [{ row: p.row, localDate: p.plan.localDate }] : [],
    );
    const prepared = await prepareScheduledDrills(this.deps, toDeliver, this.now);
    const settled = await Promise.all(
      plans.map(async ({ row, plan }): Promise<Settled> => {
        if (plan.kind === 'broken') return this.counted(row, await run.fail(row, plan.error));
        if (plan.kind === 'not_due') return this.counted(row, await run.release(row));
        if (plan.kind === 'ended') return this.end(row, run);
        if (plan.kind === 'pass_over') return { row, counted: 'skippedStale', advanceAfter: plan.localDate };
        const drill = prepared.get(row.id) ?? new Error('drill not prepared');
        if (drill instanceof Error) return this.counted(row, await run.fail(row, drill));
        return this.post(row, plan.localDate, drill, claimedAt, run);
      }),
    );
    for (const s of await this.advanceAll(settled, run)) this.counts[s.counted] += 1;
  }

  release(row: SubscriptionWithZone): Promise<void> {
    return releaseClaim(this.deps.db, row, this.o.replicaId);
  }

  async giveUp(row: SubscriptionWithZone, failure: SlackFailure): Promise<void> {
    const reason = 'code' in failure && failure.code ? failure.code : failure.kind;
    await deactivateSubscription(this.deps.db, row, this.o.replicaId, reason);
    this.log(row).warn({ reason }, 'subscription deactivated: Slack says drills can never reach this user');
  }

  async retryLater(row: SubscriptionWithZone, failure: SlackFailure, err: unknown): Promise<void> {
    const retry = retryAt(failure, row.deliveryAttempts, this.now);
    await releaseClaim(this.deps.db, row, this.o.replicaId, retry.at);
    this.log(row).error(
      { err, attempts: retry.attempts, retryAt: retry.at.toISOString() },
      'scheduled drill not delivered; will retry',
    );
  }

  /** Stops a subscription whose interview drills are over; the person did not subscribe meanwhile. */
  private async end(row: SubscriptionWithZone, run: BatchRun<SubscriptionWithZone>): Promise<Settled> {
    try {
      await endInterviewDrills(this.deps.db, row, this.o.replicaId);
      this.log(row).info({ interviewDate: row.endsAfter }, 'interview drills over: subscription stopped');
      return { row, counted: 'ended' };
    } catch (err) {
      // Not stopped: released with a backoff like any failure of the database; a later tick retries.
      return this.counted(row, await run.fail(row, err));
    }
  }

  private log(row: SubscriptionWithZone): Logger {
    return this.deps.log.child({ team: row.teamId, user: row.userId, subscription: row.id });
  }

  private counted(row: SubscriptionWithZone, attempt: Attempt<unknown>): Settled {
    if (attempt.kind === 'released') return { row, counted: 'released' };
    return {
      row,
      counted: attempt.kind === 'failed' && attempt.outcome === 'give_up' ? 'deactivated' : 'failed',
    };
  }

  /** Posts one drill (or sees it was posted before), in its workspace's limit. */
  private async post(
    row: SubscriptionWithZone,
    localDate: string,
    stored: { drill: Drill; created: boolean },
    claimedAt: number,
    run: BatchRun<SubscriptionWithZone>,
  ): Promise<Settled> {
    const { drill, created } = stored;
    if (!created && drill.messageTs) return { row, counted: 'alreadyPosted', advanceAfter: localDate };
    // Elapsed time from a monotonic clock: the injected clock may stand still in tests. The drill row stays
    // when the claim goes back: whoever takes the row next posts that same question.
    const tooLate = () => performance.now() - claimedAt > this.o.leaseMs - this.o.postBudgetMs;
    const attempt = await run.post(
      row,
      async (slack) => {
        if (!created) {
          this.log(row).info(
            { drill: drill.id, localDate },
            'posting a scheduled drill stored by an earlier attempt',
          );
        }
        // The ts is stored right after Slack's answer, before the slot is freed: only a crash between the
        // two can post twice, so at most `concurrency` drills at a crash.
        const posted = await postDrillMessage(slack, await this.deps.banks.forTeam(drill.teamId), drill);
        await this.recorder.record(drill, posted.channel, posted.ts, this.now);
      },
      tooLate,
    );
    if (attempt.kind === 'done') return { row, counted: 'delivered', advanceAfter: localDate };
    return this.counted(row, attempt);
  }

  /** Stores the next delivery of every row that has one, in one transaction for the batch. */
  private async advanceAll(settled: Settled[], run: BatchRun<SubscriptionWithZone>): Promise<Settled[]> {
    const toAdvance = settled.filter((s) => s.advanceAfter !== undefined);
    try {
      const held = await advanceSubscriptions(
        this.deps.db,
        this.o.replicaId,
        toAdvance.map((s) => ({ id: s.row.id, localDate: s.advanceAfter as string })),
        (current, localDate) => nextDeliveryAfterDate(scheduleOf(current), localDate),
      );
      for (const s of toAdvance) {
        if (!held.has(s.row.id)) {
          this.log(s.row).warn(
            { localDate: s.advanceAfter },
            'claim lost before advancing (lease expired); another replica owns it',
          );
        }
      }
      return settled;
    } catch (err) {
      // Posted but not advanced: released with a backoff; the next attempt finds the ts and only advances.
      const failed = new Map(
        await Promise.all(
          toAdvance.map(async (s) => [s.row.id, this.counted(s.row, await run.fail(s.row, err))] as const),
        ),
      );
      return settled.map((s) => failed.get(s.row.id) ?? s);
    }
  }

  /** What a claimed row needs, from its schedule alone. */
  private planFor(row: SubscriptionWithZone): Plan {
    if (!row.nextDueAt || !row.nextDueDate)
      return { kind: 'broken', error: new Error('claimed a subscription without a due date') };
    if (row.endsAfter != null && row.nextDueDate > row.endsAfter) return { kind: 'ended' };
    const plan = planTick(scheduleOf(row), { localDate: row.nextDueDate, dueAt: row.nextDueAt }, this.now);
    if (plan.missed.length > 0) {
      this.log(row).info(
        { missed: plan.missed },
        'local days passed while the bot was down; their drills are not sent late',
      );
    }
    if (plan.deliver) return { kind: 'deliver', localDate: plan.deliver.localDate };
    const lastMissed = plan.missed.at(-1);
    return lastMissed ? { kind: 'pass_over', localDate: lastMissed } : { kind: 'not_due' };
  }
}
