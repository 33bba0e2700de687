import type { WebClient } from '@slack/web-api';
import type { Logger } from '../logger.ts';
import { type DeliveryJob as MeteredJob, recordDeliveries } from '../metrics/index.ts';
import { NoInstallationError, type SlackFailure } from '../slack-api/errors.ts';
import type { WorkspaceClients } from '../workspaces/workspace-clients.ts';
import type { Outcome, OutcomeTable } from './outcomes.ts';
import { perWorkspaceLimit } from './per-workspace.ts';
import { RATE_LIMIT_WAIT_BUDGET_MS, type RateLimits, waitForRateLimits } from './rate-limits.ts';
import type { TokenWatch } from './token-watch.ts';

/** A claimed row: whose it is (its workspace decides the token, the limit and any pause). */
export interface ClaimedRow {
  id: number;
  teamId: string;
  userId: string;
  enterpriseId: string | null;
}

/**
 * One scheduled job (drills, reminders, recaps) as the runner drives it: claim -> post -> settle. The job
 * knows its rows; the runner owns the loop, the per-workspace limit, the Retry-After wait, the refused
 * tokens and what a failure means (the job's outcome table, outcomes.ts).
 */
export interface DeliveryJob<Row extends ClaimedRow> {
  readonly name: string;
  readonly outcomes: OutcomeTable;
  /** Posts at once per workspace: one workspace's slow Slack holds only its own slots. */
  readonly perWorkspace: number;
  /** True: the next batch is claimed and prepared while this one posts (the drills' fan-out). */
  readonly overlapBatches: boolean;
  /** Claims the next due rows, none in `skipTeams` (refused tokens, running Retry-Afters). */
  claim(skipTeams: string[]): Promise<Row[]>;
  /** Settles every row of a claimed batch, posting through `run`. */
  deliverBatch(rows: Row[], run: BatchRun<Row>): Promise<void>;
  /** Gives a row back untouched: nothing counts against the subscriber. */
  release(row: Row): Promise<void>;
  /** `give_up`: the post can never arrive; this row's delivery ends. */
  giveUp(row: Row, failure: SlackFailure, err: unknown): Promise<void>;
  /** `retry_with_backoff`: the attempt counts and the row waits out a backoff. */
  retryLater?(row: Row, failure: SlackFailure, err: unknown): Promise<void>;
}

/** What a row came to, for the job's counts. */
export type Attempt<R> =
  | { kind: 'done'; value: R }
  /** Given back untouched (stopping, its workspace skipped, a 429, a refused token). */
  | { kind: 'released' }
  /** Failed and settled by the outcome table (or not settled at all: the lease then expires). */
  | { kind: 'failed'; outcome: Outcome | 'unsettled' };

export interface RunnerDeps {
  workspaces: WorkspaceClients;
  log: Logger;
  tokens: TokenWatch;
  /** Workspaces whose Retry-After is running, shared by this replica's jobs. */
  rateLimits: RateLimits;
}

export interface RunnerOptions {
  /** Read before each claim and each post: a stopping replica gives its unstarted claims back. */
  stopping: () => boolean;
  /** Aborted when the replica stops: ends a wait for a workspace's Retry-After. */
  stopSignal?: AbortSignal;
}

/** The runner's side of one run, handed to the job for each batch. */
export interface BatchRun<Row extends ClaimedRow> {
  /**
   * Posts one row within its workspace's limit: `work` gets the workspace's scheduler client. A row that may
   * not be posted now (stopping, its workspace skipped, `tooLate`) goes back untouched; a failure is settled
   * by the job's outcome table.
   */
  post<R>(row: Row, work: (slack: WebClient) => Promise<R>, tooLate?: () => boolean): Promise<Attempt<R>>;
  /** Gives a row back untouched (e.g. not due after all). */
  release(row: Row): Promise<Attempt<never>>;
  /** A row that failed before its post (a database error): settled by the outcome table as `transient`. */
  fail(row: Row, err: unknown): Promise<Attempt<never>>;
}

/**
 * Runs scheduled jobs: claims batch after batch, posts each row in its workspace's limit, settles each
 * failure by the job's outcome table. Every claimed row ends settled or given back; only a crash leaves a
 * claim held, until its lease expires.
 */
export class DeliveryRunner {
  constructor(
    private readonly deps: RunnerDeps,
    private readonly o: RunnerOptions,
  ) {}

  async run<Row extends ClaimedRow>(job: DeliveryJob<Row>): Promise<void> {
    const state = new RunState(this.deps, this.o, job);
    const started = performance.now();
    let previous: Promise<string[]> = Promise.resolve([]);
    try {
      while (!this.o.stopping()) {
        const rows = await job.claim([...state.refused, ...this.deps.rateLimits.held()]);
        if (rows.length === 0) {
          // The batch still posting may give rows back (too little lease left): take them again now.
          const released = await previous;
          previous = Promise.resolve([]);
          if (this.o.stopping()) break;
          if (released.some((teamId) => !state.skipped(teamId))) continue;
          // Only rows held back by a workspace's Retry-After are left: wait for it (if it still runs), within
          // the budget, and take them again.
          if (state.heldBack > 0 && performance.now() - started < RATE_LIMIT_WAIT_BUDGET_MS) {
            state.heldBack = 0;
            await waitForRateLimits(this.deps.rateLimits, this.o.stopSignal);
            continue;
          }
          break;
        }
        const current = state.batch(rows);
        if (job.overlapBatches) await previous;
        else await current;
        previous = current;
        // A failure that may heal gave its row back: a later tick retries it, rather than this run at once.
        if (state.endRun) break;
      }
    } finally {
      await previous;
    }
  }
}

/** One run of one job: the workspaces refused or held during it, and its batches. */
class RunState<Row extends ClaimedRow> implements BatchRun<Row> {
  /** Workspaces whose token Slack refused during this run: no more claims there, their rows go back. */
  readonly refused = new Set<string>();
  /** Rows given back because of a workspace's Retry-After: the run waits for it. */
  heldBack = 0;
  /** A `retry_next_tick` failure: this run claims no more. */
  endRun = false;
  private readonly limitOf: ReturnType<typeof perWorkspaceLimit>;
  /** Workspaces of the rows given back in the batch being settled. */
  private released: string[] = [];

  constructor(
    private readonly deps: RunnerDeps,
    private readonly o: RunnerOptions,
    private readonly job: DeliveryJob<Row>,
  ) {
    this.limitOf = perWorkspaceLimit(job.perWorkspace);
  }

  /** A workspace this run does not post to right now: its token was refused, or its Retry-After runs. */
  skipped(teamId: string): boolean {
    return this.refused.has(teamId) || this.deps.rateLimits.isHeld(teamId);
  }

  /** Settles a batch; resolves to the workspaces of the rows it gave back. */
  async batch(rows: Row[]): Promise<string[]> {
    const released: string[] = [];
    this.released = released;
    await this.job.deliverBatch(rows, this);
    return released;
  }

  post<R>(row: Row, work: (slack: WebClient) => Promise<R>, tooLate?: () => boolean): Promise<Attempt<R>> {
    return this.limitOf(row.teamId)(async () => {
      if (this.o.stopping() || this.skipped(row.teamId) || tooLate?.()) {
        if (this.deps.rateLimits.isHeld(row.teamId)) this.heldBack += 1;
        return this.release(row);
      }
      try {
        const slack = await this.deps.workspaces.forWorkspace(row);
        if (!slack) throw new NoInstallationError(row.teamId);
        return { kind: 'done', value: await work(slack.scheduler) };
      } catch (err) {
        return this.fail(row, err);
      }
    });
  }

  async release(row: Row): Promise<Attempt<never>> {
    const released = this.released;
    try {
      await this.job.release(row);
      released.push(row.teamId);
      return { kind: 'released' };
    } catch (err) {
      this.log(row).error({ err }, `could not give back a claimed ${this.job.name}; its lease will expire`);
      return { kind: 'failed', outcome: 'unsettled' };
    }
  }

  /** A delivery that went wrong: its outcome (the job's table) is applied, and the claim never left held. */
  async fail(row: Row, err: unknown): Promise<Attempt<never>> {
    const log = this.log(row);
    try {
      const failure = await this.deps.tokens
        .report(err, row.teamId)
        .catch((): SlackFailure => ({ kind: 'transient' }));
      const outcome = this.job.outcomes[failure.kind];
      switch (outcome) {
        case 'wait_retry_after':
          // Slack's throttle, not the subscriber's failure: the row goes back uncounted and this workspace's
          // posts wait for the Retry-After while other workspaces' go on.
          this.deps.rateLimits.hold(
            row.teamId,
            failure.kind === 'rate_limited' ? failure.retryAfterMs : 1_000,
          );
          this.heldBack += 1;
          return await this.release(row);
        case 'pause_workspace':
          // The token is looked up afresh next time (a reinstall may have replaced it).
          this.refused.add(row.teamId);
          this.deps.workspaces.forget(row.teamId);
          return await this.release(row);
        case 'give_up':
          await this.job.giveUp(row, failure, err);
          recordDeliveries(meteredJob(this.job.name), 'gave_up');
          break;
        case 'retry_with_backoff':
          if (!this.job.retryLater) throw new Error(`${this.job.name} has no backoff`);
          await this.job.retryLater(row, failure, err);
          recordDeliveries(meteredJob(this.job.name), 'failed');
          break;
        case 'retry_next_tick':
          this.endRun = true;
          log.warn({ err }, `${this.job.name} not sent; a later tick retries`);
          await this.job.release(row);
          recordDeliveries(meteredJob(this.job.name), 'failed');
          break;
      }
      return { kind: 'failed', outcome };
    } catch (settleErr) {
      // Even settling failed (database gone): the lease expires and a later tick takes the row.
      log.error({ err: settleErr }, `could not settle a failed ${this.job.name}`);
      return { kind: 'failed', outcome: 'unsettled' };
    }
  }

  private log(row: Row): Logger {
    return this.deps.log.child({ team: row.teamId, user: row.userId, [this.job.name]: row.id });
  }
}

/**
 * The metric's job label for a runner job: failures are counted here, where every job settles them, so
 * reminders and recaps report failed and gave_up as drills do (their own counts hold only what was posted).
 */
function meteredJob(name: string): MeteredJob {
  return name === 'reminder' || name === 'recap' || name === 'mock_summary' ? name : 'drill';
}
