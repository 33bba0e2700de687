/**
 * What a failed scheduled post means, per job: one pure table each, from what the failure means
 * (slack-api/errors.ts: a Slack error code, a 429, a timeout) to what the delivery runner (runner.ts) does
 * with the claimed row. Errors that are not Slack's (the database, a bug) classify as `transient`.
 *
 * | failure                                   | drill                | reminder             | weekly recap    |
 * |-------------------------------------------|----------------------|----------------------|-----------------|
 * | recipient (user_not_found, cannot_dm_bot) | give up: the         | give up: the nudge   | give up: this   |
 * |                                           | subscription stops,  | is over, like the    | week is over,   |
 * |                                           | the reason kept      | drill                | next Monday next|
 * | token (token_revoked, not installed)      | pause workspace      | pause workspace      | pause workspace |
 * | rate limited (429, Retry-After)           | wait Retry-After     | wait Retry-After     | wait Retry-After|
 * | transient (5xx after retries, timeout,    | retry with backoff:  | retry next tick      | retry next tick |
 * | network, database)                        | 1, 2, 4 ... 30 min   |                      |                 |
 *
 * - pause workspace: every post under that token would fail alike. Delivery there pauses for every replica
 *   (token-watch.ts, one alert), this run claims no more there, the row goes back uncounted (never the
 *   subscriber's fault) and the workspace's clients are looked up afresh next time (a reinstall).
 * - wait Retry-After: Slack's throttle, per workspace. The row goes back uncounted, that workspace's posts
 *   wait while other workspaces' go on, and the run takes them again once it has passed (within a budget).
 * - retry with backoff: the attempt is counted and the row is not taken again before the backoff ends.
 * - retry next tick: the row goes back and this run claims no more (taking it again at once would only
 *   fail again); the next tick, a minute later, retries.
 */
import type { SlackFailure } from '../slack-api/errors.ts';

export type Outcome =
  | 'give_up'
  | 'pause_workspace'
  | 'wait_retry_after'
  | 'retry_with_backoff'
  | 'retry_next_tick';

export type OutcomeTable = Readonly<Record<SlackFailure['kind'], Outcome>>;

export const DRILL_OUTCOMES: OutcomeTable = {
  recipient: 'give_up',
  token: 'pause_workspace',
  rate_limited: 'wait_retry_after',
  transient: 'retry_with_backoff',
};

export const REMINDER_OUTCOMES: OutcomeTable = {
  recipient: 'give_up',
  token: 'pause_workspace',
  rate_limited: 'wait_retry_after',
  transient: 'retry_next_tick',
};

export const RECAP_OUTCOMES: OutcomeTable = {
  recipient: 'give_up',
  token: 'pause_workspace',
  rate_limited: 'wait_retry_after',
  transient: 'retry_next_tick',
};

const MINUTE_MS = 60_000;
const MAX_BACKOFF_MINUTES = 30;

/** 1, 2, 4, ... minutes after the n-th failure in a row, at most 30; the day's end stops the retries. */
export function retryBackoffMs(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MINUTES) * MINUTE_MS;
}

/** How long deliveries stay paused after the n-th failed check of the token: 1, 2, 4, ... 30 minutes. */
export const pauseBackoffMs = retryBackoffMs;

/**
 * When a delivery that failed `attemptsBefore + 1` times in a row is tried again: after the backoff, or after
 * Slack's Retry-After when that is longer.
 */
export function retryAt(
  failure: SlackFailure,
  attemptsBefore: number,
  now: Date,
): { at: Date; attempts: number } {
  const attempts = attemptsBefore + 1;
  const wait = Math.max(retryBackoffMs(attempts), failure.kind === 'rate_limited' ? failure.retryAfterMs : 0);
  return { at: new Date(now.getTime() + wait), attempts };
}

/** A mock interview's summary (expired, or its post interrupted): as a recap, the next tick retries. */
export const MOCK_SUMMARY_OUTCOMES: OutcomeTable = {
  recipient: 'give_up',
  token: 'pause_workspace',
  rate_limited: 'wait_retry_after',
  transient: 'retry_next_tick',
};
