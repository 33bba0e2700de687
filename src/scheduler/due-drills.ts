import type { LimitFunction } from 'p-limit';
import type { QuestionBank } from '../bank/question-bank.ts';
import type { Database } from '../db/client.ts';
import { drillHistories, insertScheduledDrills } from '../db/repositories/drills.ts';
import { answeredDrillsOfUsers } from '../db/repositories/progress.ts';
import { ratedCardsOfUsers } from '../db/repositories/review-cards.ts';
import { storyCountsOfPeople } from '../db/repositories/stories.ts';
import {
  advanceSubscriptions,
  claimDueSubscriptions,
  deactivateSubscription,
  releaseClaim,
  type SubscriptionWithZone,
} from '../db/repositories/subscriptions.ts';
import type { Drill } from '../db/schema/index.ts';
import { drillRow, postDrillMessage } from '../delivery/drill-post.ts';
import type { TokenWatch } from '../delivery/token-watch.ts';
import { chooseFromHistory } from '../drills/choose-question.ts';
import { nextDeliveryAfterDate, planTick } from '../drills/schedule.ts';
import { scheduleOf } from '../drills/stored-schedule.ts';
import { thinStoryTopics } from '../drills/story-preference.ts';
import type { Logger } from '../logger.ts';
import { isReminderDelay, reminderAt } from '../progress/reminder.ts';
import { interviewFocus, topicProgress } from '../progress/topic-stats.ts';
import { NoInstallationError } from '../slack-api/errors.ts';
import { personKey } from '../workspaces/person.ts';
import type { WorkspaceClients } from '../workspaces/workspace-clients.ts';
import { fateOf } from './failure-policy.ts';
import { perWorkspaceLimit } from './per-workspace.ts';
import { PostedRecorder } from './posted-recorder.ts';
import { RATE_LIMIT_WAIT_BUDGET_MS, type RateLimits, waitForRateLimits } from './rate-limits.ts';

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
  /**
   * Claimed but given back untouched (stopping, nothing due yet, too little lease left, delivery paused, the
   * workspace's Retry-After); a row given back and delivered later in the same tick counts in both.
   */
  released: number;
}

export type Outcome = keyof TickCounts;

export const emptyCounts = (): TickCounts => ({
  delivered: 0,
  alreadyPosted: 0,
  skippedStale: 0,
  failed: 0,
  deactivated: 0,
  released: 0,
});

/** The reminder of a drill delivered now, from the subscription's delay (progress/reminder.ts). */
function remindAtFor(row: SubscriptionWithZone, localDate: string, now: Date): Date | null {
  const delay = row.reminderMinutes ?? null;
  return isReminderDelay(delay)
    ? reminderAt({ deliveredAt: now, delayMinutes: delay, zone: scheduleOf(row).zone, localDate })
    : null;
}

/** What a claimed row needs, decided from its schedule alone. */
type Plan =
  | { kind: 'deliver'; localDate: string }
  /** Whole local days passed while the bot was down: advance past `localDate` without a late drill. */
  | { kind: 'pass_over'; localDate: string }
  /** Claimed, yet not due by its own schedule (e.g. a changed setting): give it back. */
  | { kind: 'not_due' }
  | { kind: 'broken'; error: Error };

interface Claimed {
  row: SubscriptionWithZone;
  log: Logger;
}

/** A row's fate once known; `advanceAfter` is the local date after which its next delivery is computed. */
interface Settled extends Claimed {
  outcome: Outcome;
  advanceAfter?: string;
}

type Prepared = { drill: Drill; created: boolean } | Error;

export interface DueDrillsDeps {
  db: Database;
  bank: QuestionBank;
  /** Each workspace's clients; posts use their `scheduler` client (slack-api/clients.ts). */
  workspaces: WorkspaceClients;
  log: Logger;
  tokens: TokenWatch;
  /** Workspaces whose Retry-After is running, shared by this replica's drills, reminders and recaps. */
  rateLimits: RateLimits;
}

export interface DueDrillsOptions {
  replicaId: string;
  concurrency: number;
  batchSize: number;
  leaseMs: number;
  /** A post must start with at least this much lease left (see scheduler.ts). */
  postBudgetMs: number;
  /** Read before each claim and each post: a stopping replica gives its unstarted claims back. */
  stopping: () => boolean;
  /** Aborted when the replica stops: ends a wait for a workspace's Retry-After. */
  stopSignal: AbortSignal;
}

/**
 * Delivers the drills due at `now`: claims batch after batch, posts them, stores the next delivery of each.
 * Every claimed row ends with an outcome and its claim given back: nothing is left held but by a crash.
 */
export class DueDrills {
  private readonly recorder: PostedRecorder;
  /** Workspaces whose token Slack refused during this run: no more claims there, their rows go back. */
  private refused = new Set<string>();
  /** Rows given back during this run because of a workspace's Retry-After: the run waits for it. */
  private heldBack = 0;

  constructor(
    private readonly deps: DueDrillsDeps,
    private readonly o: DueDrillsOptions,
  ) {
    this.recorder = new PostedRecorder(deps.db, deps.log);
  }

  /**
   * Two batches overlap: the next one is claimed and prepared (histories, drill rows) while the previous one
   * is still posting, so the posts do not pause for the database between batches.
   */
  async run(now: Date): Promise<TickCounts> {
    const counts = emptyCounts();
    const tally = (settled: Settled[]) => {
      for (const s of settled) counts[s.outcome] += 1;
    };
    // One limit per workspace: a workspace whose posts are slow (Slack retrying 5xx) holds only its own slots.
    const limitOf = perWorkspaceLimit(this.o.concurrency);
    this.refused = new Set();
    this.heldBack = 0;
    const started = performance.now();
    let previous: Promise<Settled[]> = Promise.resolve([]);
    try {
      while (!this.o.stopping()) {
        const claimed = await claimDueSubscriptions(this.deps.db, {
          now,
          leaseMs: this.o.leaseMs,
          replicaId: this.o.replicaId,
          limit: this.o.batchSize,
          skipTeams: [...this.refused, ...this.deps.rateLimits.held()],
        });
        if (claimed.length === 0) {
          // The batch still posting may give rows back (too little lease left): take them again now.
          const last = await previous;
          previous = Promise.resolve([]);
          tally(last);
          if (this.o.stopping()) break;
          if (last.some((s) => s.outcome === 'released' && !this.skipped(s.row.teamId))) continue;
          // Only rows held back by a workspace's Retry-After are left: wait for it (if it still runs), within
          // the budget, and take them again.
          if (this.heldBack > 0 && performance.now() - started < RATE_LIMIT_WAIT_BUDGET_MS) {
            this.heldBack = 0;
            await waitForRateLimits(this.deps.rateLimits, this.o.stopSignal);
            continue;
          }
          break;
        }
        const current = this.deliverBatch(claimed, now, performance.now(), limitOf);
        tally(await previous);
        previous = current;
      }
    } finally {
      tally(await previous);
    }
    return counts;
  }

  /** A workspace this run does not post to right now: its token was refused, or its Retry-After runs. */
  private skipped(teamId: string): boolean {
    return this.refused.has(teamId) || this.deps.rateLimits.isHeld(teamId);
  }

  private async deliverBatch(
    rows: SubscriptionWithZone[],
    now: Date,
    claimedAt: number,
    limitOf: (teamId: string) => LimitFunction,
  ): Promise<Settled[]> {
    const claimed = rows.map((row) => ({
      row,
      log: this.deps.log.child({ team: row.teamId, user: row.userId, subscription: row.id }),
    }));
    const plans = claimed.map((c) => ({ ...c, plan: planFor(c, now) }));
    const toDeliver = plans.flatMap((p) =>
      p.plan.kind === 'deliver' ? [{ ...p, localDate: p.plan.localDate }] : [],
    );
    const prepared = await this.prepareDrills(toDeliver, now);
    const settled = await Promise.all(
      plans.map((p) => this.settle(p, p.plan, prepared.get(p.row.id), now, claimedAt, limitOf(p.row.teamId))),
    );
    return this.advanceAll(settled, now);
  }

  /** Carries out one row's plan; a delivery runs inside the concurrency limit. */
  private settle(
    c: Claimed,
    plan: Plan,
    prepared: Prepared | undefined,
    now: Date,
    claimedAt: number,
    limit: LimitFunction,
  ): Promise<Settled> | Settled {
    if (plan.kind === 'broken') return this.failed(c, now, plan.error);
    if (plan.kind === 'not_due') return this.release(c);
    if (plan.kind === 'pass_over') return { ...c, outcome: 'skippedStale', advanceAfter: plan.localDate };
    const drill = prepared ?? new Error('drill not prepared');
    if (drill instanceof Error) return this.failed(c, now, drill);
    return limit(() => this.post(c, plan.localDate, drill, now, claimedAt));
  }

  /**
   * The drill rows of a batch: one history query for all its users, the questions chosen in memory, one
   * multi-row insert. The unique (user, local date) index is the last guard: a row may exist from an earlier
   * attempt (a replica that died, a claim given back), and is then reused, not duplicated.
   */
  private async prepareDrills(
    items: Array<Claimed & { localDate: string }>,
    now: Date,
  ): Promise<Map<number, Prepared>> {
    const result = new Map<number, Prepared>();
    if (items.length === 0) return result;
    try {
      const people = items.map((i) => i.row);
      // An interview countdown drills the weakest topics first: their progress is read for those users only.
      const countingDown = items.filter(
        (i) => i.row.interviewDate !== null && i.row.interviewDate >= i.localDate,
      );
      const [histories, cards, answered, storyCounts] = await Promise.all([
        drillHistories(this.deps.db, people),
        ratedCardsOfUsers(this.deps.db, people),
        answeredDrillsOfUsers(
          this.deps.db,
          countingDown.map((i) => i.row),
        ),
        storyCountsOfPeople(this.deps.db, people),
      ]);
      const rows = items.map(({ row, localDate }) => {
        const key = personKey(row);
        const rated = cards.get(key) ?? new Map();
        const focus = answered.has(key)
          ? interviewFocus(
              topicProgress({
                topics: this.deps.bank.topics.map((t) => ({
                  slug: t.slug,
                  title: t.title,
                  questionIds: t.questions.map((q) => q.id),
                })),
                answered: answered.get(key) ?? [],
                rated,
                now,
              }),
            )
          : undefined;
        const { topic, question } = chooseFromHistory(
          this.deps.bank,
          row.topics,
          histories.get(key) ?? [],
          rated,
          now,
          thinStoryTopics({
            topics: this.deps.bank.topics,
            allowed: row.topics,
            rated,
            now,
            storiesPerTopic: storyCounts.get(key) ?? new Map(),
            ...(focus ? { countdown: focus } : {}),
          }),
        );
        return {
          ...drillRow(row, topic, question, 'scheduled'),
          subscriptionId: row.id,
          localDate,
          remindAt: remindAtFor(row, localDate, now),
        };
      });
      const stored = await insertScheduledDrills(this.deps.db, rows);
      for (const [i, item] of items.entries()) result.set(item.row.id, stored[i] ?? new Error('not stored'));
    } catch (err) {
      for (const item of items) result.set(item.row.id, err instanceof Error ? err : new Error(String(err)));
    }
    return result;
  }

  /** Posts one drill (or sees it was posted before). Runs inside the concurrency limit. */
  private async post(
    c: Claimed,
    localDate: string,
    stored: { drill: Drill; created: boolean },
    now: Date,
    claimedAt: number,
  ): Promise<Settled> {
    const { log } = c;
    try {
      // Elapsed time from a monotonic clock: the injected clock may stand still in tests.
      const tooLate = performance.now() - claimedAt > this.o.leaseMs - this.o.postBudgetMs;
      if (this.o.stopping() || this.skipped(c.row.teamId) || tooLate) {
        // The drill row stays: whoever takes the row next posts that same question.
        if (this.deps.rateLimits.isHeld(c.row.teamId)) this.heldBack += 1;
        return await this.release(c);
      }
      const { drill, created } = stored;
      if (!created && drill.messageTs) return { ...c, outcome: 'alreadyPosted', advanceAfter: localDate };
      if (!created)
        log.info({ drill: drill.id, localDate }, 'posting a scheduled drill stored by an earlier attempt');
      // The ts is stored right after Slack's answer, before the slot is freed: only a crash between the two
      // can post twice, so at most `concurrency` drills at a crash.
      const slack = await this.deps.workspaces.forWorkspace(c.row);
      if (!slack) throw new NoInstallationError(c.row.teamId);
      const posted = await postDrillMessage(slack.scheduler, this.deps.bank, drill);
      await this.recorder.record(drill.id, posted.channel, posted.ts);
      log.debug({ drill: drill.id, localDate, ts: posted.ts }, 'scheduled drill delivered');
      return { ...c, outcome: 'delivered', advanceAfter: localDate };
    } catch (err) {
      return this.failed(c, now, err);
    }
  }

  /** Stores the next delivery of every row that has one, in one transaction for the batch. */
  private async advanceAll(settled: Settled[], now: Date): Promise<Settled[]> {
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
          s.log.warn(
            { localDate: s.advanceAfter },
            'claim lost before advancing (lease expired); another replica owns it',
          );
        }
      }
      return settled;
    } catch (err) {
      // Posted but not advanced: released with a backoff; the next attempt finds the ts and only advances.
      const failed = new Map(
        (await Promise.all(toAdvance.map((s) => this.failed(s, now, err)))).map((s) => [s.row.id, s]),
      );
      return settled.map((s) => failed.get(s.row.id) ?? s);
    }
  }

  /** Gives the claim back untouched; nothing counts against the subscriber. */
  private async release(c: Claimed): Promise<Settled> {
    try {
      await releaseClaim(this.deps.db, c.row.id, this.o.replicaId);
      return { ...c, outcome: 'released' };
    } catch (err) {
      c.log.error({ err }, 'could not release a claim; its lease will expire');
      return { ...c, outcome: 'failed' };
    }
  }

  /** A delivery that went wrong: its fate (failure-policy.ts) is applied, and the claim never left held. */
  private async failed(c: Claimed, now: Date, err: unknown): Promise<Settled> {
    try {
      const failure = await this.deps.tokens.report(err, c.row.teamId);
      if (failure.kind === 'rate_limited') {
        // Slack's throttle, not the subscriber's failure: the row goes back uncounted and this workspace's
        // posts wait for the Retry-After while other workspaces' go on.
        this.deps.rateLimits.hold(c.row.teamId, failure.retryAfterMs);
        this.heldBack += 1;
        return this.release(c);
      }
      const fate = fateOf(failure, c.row.deliveryAttempts, now);
      switch (fate.kind) {
        case 'stop':
          await deactivateSubscription(this.deps.db, c.row.id, this.o.replicaId, fate.reason);
          c.log.warn(
            { reason: fate.reason },
            'subscription deactivated: Slack says drills can never reach this user',
          );
          return { ...c, outcome: 'deactivated' };
        case 'pause':
          // Every post under this token would fail the same way: no more claims in this workspace, this row
          // goes back as is. The token is looked up afresh next time (a reinstall may have replaced it).
          this.refused.add(c.row.teamId);
          this.deps.workspaces.forget(c.row.teamId);
          return this.release(c);
        case 'retry':
          await releaseClaim(this.deps.db, c.row.id, this.o.replicaId, fate.at);
          c.log.error(
            { err, attempts: fate.attempts, retryAt: fate.at.toISOString() },
            'scheduled drill not delivered; will retry',
          );
          return { ...c, outcome: 'failed' };
      }
    } catch (releaseErr) {
      // Even the release failed (database gone): the lease expires and a later tick takes the row.
      c.log.error({ err: releaseErr }, 'could not release a failed delivery');
      return { ...c, outcome: 'failed' };
    }
  }
}

/** What a claimed row needs, from its schedule alone (pure). */
function planFor({ row, log }: Claimed, now: Date): Plan {
  if (!row.nextDueAt || !row.nextDueDate)
    return { kind: 'broken', error: new Error('claimed a subscription without a due date') };
  const plan = planTick(scheduleOf(row), { localDate: row.nextDueDate, dueAt: row.nextDueAt }, now);
  if (plan.missed.length > 0) {
    log.info(
      { missed: plan.missed },
      'local days passed while the bot was down; their drills are not sent late',
    );
  }
  if (plan.deliver) return { kind: 'deliver', localDate: plan.deliver.localDate };
  const lastMissed = plan.missed.at(-1);
  return lastMissed ? { kind: 'pass_over', localDate: lastMissed } : { kind: 'not_due' };
}
