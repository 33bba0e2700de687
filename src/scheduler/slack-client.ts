import { ErrorCode, type RetryOptions, WebClient } from '@slack/web-api';
import type { Config } from '../config.ts';
import { boltLogger, type Logger } from '../logger.ts';

/**
 * How the scheduler's WebClient retries. Nobody is waiting on a scheduled drill, so it retries longer than
 * the interactive client (2 quick retries). A 429 makes WebClient pause its whole queue for Retry-After and
 * then count the call as one failed attempt, after which p-retry adds its own backoff: every 429 uses one of
 * these retries. `maxRetryTime` bounds how long a drill keeps trying, so the post cannot outlive the claim's
 * lease (see POST_BUDGET_MS in scheduler.ts); after it the claim is released and a later tick retries.
 */
export const SCHEDULER_RETRIES: RetryOptions = {
  retries: 6,
  factor: 2,
  minTimeout: 1_000,
  maxTimeout: 20_000,
  randomize: true,
  maxRetryTime: 120_000,
};

/** Slack answers in well under a second; a post hanging this long is an outage: retrying beats waiting. */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * A WebClient of its own for the scheduler, apart from ctx.slack: a burst of scheduled posts that meets a
 * 429 pauses this client's queue for Retry-After seconds, and must not freeze the interactive client, whose
 * views.open calls have a 3-second trigger_id to beat.
 */
export function createSchedulerSlackClient(
  slack: Config['slack'],
  log: Logger,
  retryConfig: RetryOptions = SCHEDULER_RETRIES,
): WebClient {
  return new WebClient(slack.botToken, {
    slackApiUrl: slack.apiUrl,
    logger: boltLogger(log.child({ component: 'scheduler' })),
    retryConfig,
    timeout: REQUEST_TIMEOUT_MS,
  });
}

/**
 * Errors after which a DM to this user can never succeed: the account is gone or disabled, or the DM cannot
 * exist. Retrying them would only fail every day. Everything else (5xx after the client's retries, network,
 * errors in the bot's own message or token) is retried, because it may heal and deactivating subscribers
 * for the bot's own fault would silently lose them.
 */
export const PERMANENT_SLACK_ERRORS: ReadonlySet<string> = new Set([
  'user_not_found',
  'user_disabled',
  'account_inactive',
  'cannot_dm_bot',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
]);

/** The Slack error code when `err` is one that will not heal, else null. */
export function permanentSlackError(err: unknown): string | null {
  // By code, not instanceof: Bolt may bring its own copy of @slack/web-api.
  const e = err as { code?: unknown; data?: { error?: unknown } } | null;
  const code = e?.code === ErrorCode.PlatformError ? e.data?.error : undefined;
  return typeof code === 'string' && PERMANENT_SLACK_ERRORS.has(code) ? code : null;
}
