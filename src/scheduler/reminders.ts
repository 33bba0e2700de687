import type { Database } from '../db/client.ts';
import {
  claimDueReminders,
  type DueReminder,
  holdReminder,
  isAnswered,
  markReminded,
  releaseReminder,
} from '../db/repositories/drills.ts';
import type { TokenWatch } from '../delivery/token-watch.ts';
import type { Logger } from '../logger.ts';
import { reminderSendable } from '../progress/reminder.ts';
import { NoInstallationError } from '../slack-api/errors.ts';
import { reminderMessage } from '../views/progress-replies.ts';
import type { WorkspaceClients } from '../workspaces/workspace-clients.ts';
import { perWorkspaceLimit } from './per-workspace.ts';
import { RATE_LIMIT_WAIT_BUDGET_MS, type RateLimits, waitForRateLimits } from './rate-limits.ts';

export interface ReminderCounts {
  reminded: number;
  /** Due, but the drill's day had reached its quiet evening (an outage): never sent. */
  remindersDropped: number;
}

export const REMINDER_BATCH = 100;
const LEASE_MS = 5 * 60_000;
/** Nudges posted at once per workspace: a hundred thousand due at one hour go out in minutes, not hours. */
export const REMINDERS_PER_WORKSPACE = 10;

/**
 * The one nudge in an unanswered scheduled drill's thread (progress/reminder.ts decides when). Exactly once
 * across replicas with the same discipline as drills: a claim with SKIP LOCKED and a lease, checked again (and
 * renewed) right before each post, then `reminded_at` set once the post is done. A crash between Slack's answer
 * and that write can repeat a nudge, as for drills.
 */
export async function sendDueReminders(
  deps: {
    db: Database;
    workspaces: WorkspaceClients;
    log: Logger;
    tokens: TokenWatch;
    rateLimits: RateLimits;
    /** Aborted when the replica stops: ends a wait for a workspace's Retry-After. */
    stopSignal?: AbortSignal;
  },
  now: Date,
  stopping: () => boolean,
): Promise<ReminderCounts> {
  const started = performance.now();
  /** Nudges given back during this run because of a workspace's Retry-After: the run waits for it. */
  let heldBack = 0;
  let failedToRetry = false;
  const counts: ReminderCounts = { reminded: 0, remindersDropped: 0 };
  // Workspaces whose token Slack refused in this run: their reminders wait for the pause to end.
  const refused = new Set<string>();
  const skipped = (teamId: string) => refused.has(teamId) || deps.rateLimits.isHeld(teamId);

  const remind = async (r: DueReminder): Promise<void> => {
    const log = deps.log.child({ drill: r.id, team: r.teamId, user: r.userId });
    if (stopping() || skipped(r.teamId)) {
      if (deps.rateLimits.isHeld(r.teamId)) heldBack += 1;
      await releaseReminder(deps.db, r.id, r.lease);
      return;
    }
    if (!reminderSendable(r.remindAt, now, r.tz, r.localDate)) {
      await markReminded(deps.db, r.id, now);
      counts.remindersDropped += 1;
      log.info('reminder dropped: its day reached the quiet evening first');
      return;
    }
    // Answered since the claim: no nudge after an answer.
    if (await isAnswered(deps.db, r.id)) {
      await markReminded(deps.db, r.id, now);
      return;
    }
    // A slow Slack (Retry-After pauses) can outlast the lease on the rest of the batch, and another replica
    // then takes them over. Post only what is still ours.
    const lease = await holdReminder(deps.db, { id: r.id, lease: r.lease, leaseMs: LEASE_MS });
    if (lease === null) {
      log.info('reminder taken over by another replica after the lease ran out; not sent here');
      return;
    }
    try {
      const slack = await deps.workspaces.forWorkspace(r);
      if (!slack) throw new NoInstallationError(r.teamId);
      await slack.scheduler.chat.postMessage({
        channel: r.channelId,
        thread_ts: r.messageTs,
        ...reminderMessage(r.id),
      });
      await markReminded(deps.db, r.id, now);
      counts.reminded += 1;
    } catch (err) {
      const failure = await deps.tokens.report(err, r.teamId);
      if (failure.kind === 'recipient') {
        // The DM can never arrive (the user is gone): the reminder is over, like the drill.
        await markReminded(deps.db, r.id, now);
        return;
      }
      await releaseReminder(deps.db, r.id, lease);
      if (failure.kind === 'rate_limited') {
        deps.rateLimits.hold(r.teamId, failure.retryAfterMs);
        heldBack += 1;
      } else {
        failedToRetry = true;
        log.warn({ err }, 'reminder not sent; a later tick retries');
      }
      if (failure.kind === 'token') {
        refused.add(r.teamId);
        deps.workspaces.forget(r.teamId);
      }
    }
  };

  while (!stopping()) {
    const due = await claimDueReminders(deps.db, {
      now,
      leaseMs: LEASE_MS,
      limit: REMINDER_BATCH,
      skipTeams: [...refused, ...deps.rateLimits.held()],
    });
    // Several nudges at once, a few per workspace: one workspace's slow Slack holds only its own.
    const limitOf = perWorkspaceLimit(REMINDERS_PER_WORKSPACE);
    await Promise.all(due.map((r) => limitOf(r.teamId)(() => remind(r))));
    // A failure that may heal (Slack 5xx, a timeout) gave its nudge back: a later tick retries it, rather
    // than this run taking it again at once.
    if (failedToRetry) break;
    if (due.length === REMINDER_BATCH) continue;
    // Only nudges held back by a workspace's Retry-After may be left: wait for it, within the budget.
    if (heldBack > 0 && !stopping() && performance.now() - started < RATE_LIMIT_WAIT_BUDGET_MS) {
      heldBack = 0;
      await waitForRateLimits(deps.rateLimits, deps.stopSignal);
      continue;
    }
    break;
  }
  return counts;
}
