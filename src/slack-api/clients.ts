import { type RetryOptions, WebClient } from '@slack/web-api';
import { boltLogger, type Logger } from '../logger.ts';

/**
 * The bot's Web API clients, one per kind of call. A WebClient that meets a 429 (without
 * rejectRateLimitedCalls) pauses its whole queue for Retry-After seconds: one user's rate-limited DM would
 * then hold every other user's modal past its 3-second trigger. So modals and request-path calls each have
 * a client that rejects a rate-limited call at once (only that call fails), and scheduled posts, which may
 * wait, have their own.
 */
export interface SlackClients {
  /**
   * views.open / update / push: a trigger_id lives 3 s, so quick retries of a 5xx only while it lives, a
   * short timeout, and a 429 fails at once instead of queueing.
   */
  modal: WebClient;
  /** Calls on behalf of a user who just acted (DM posts, thread replies, updates, users.info). */
  interactive: WebClient;
  /** Scheduled drills: nobody is waiting, so longer retries; a 429 pauses only these posts. */
  scheduler: WebClient;
}

/** Slack answers in well under a second; these bound a hung connection. */
const VIEWS_TIMEOUT_MS = 2_500;
const INTERACTIVE_TIMEOUT_MS = 10_000;
const SCHEDULER_TIMEOUT_MS = 30_000;

/** A retry must land while the trigger still works: none is started after 2.5 s. */
const MODAL_RETRIES: RetryOptions = {
  retries: 2,
  factor: 2,
  minTimeout: 100,
  maxTimeout: 400,
  maxRetryTime: 2_500,
};

/** Two quick retries of 5xx and network errors: a user is waiting. */
const INTERACTIVE_RETRIES: RetryOptions = { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1_000 };

/**
 * How the scheduler's client retries. A 429 makes WebClient pause its queue for Retry-After and then count
 * the call as one failed attempt, after which p-retry adds its own backoff: every 429 uses one of these
 * retries. `maxRetryTime` bounds how long a drill keeps trying, so the post cannot outlive the claim's lease
 * (POST_BUDGET_MS in the scheduler); after it the claim is released and a later tick retries.
 */
export const SCHEDULER_RETRIES: RetryOptions = {
  retries: 6,
  factor: 2,
  minTimeout: 1_000,
  maxTimeout: 20_000,
  randomize: true,
  maxRetryTime: 120_000,
};

export interface SlackClientOptions {
  /** Unset in multi-workspace mode: every call then passes its workspace's token. */
  botToken?: string;
  apiUrl?: string;
  log: Logger;
  /** Tests shrink the scheduler's waits; the logic stays the same. */
  schedulerRetries?: RetryOptions;
}

export function createSlackClients(o: SlackClientOptions): SlackClients {
  const client = (component: string, options: ConstructorParameters<typeof WebClient>[1]) =>
    new WebClient(o.botToken, {
      slackApiUrl: o.apiUrl,
      logger: boltLogger(o.log.child({ component })),
      ...options,
    });
  return {
    modal: client('slack-modal', {
      timeout: VIEWS_TIMEOUT_MS,
      rejectRateLimitedCalls: true,
      retryConfig: MODAL_RETRIES,
    }),
    interactive: client('slack', {
      timeout: INTERACTIVE_TIMEOUT_MS,
      rejectRateLimitedCalls: true,
      retryConfig: INTERACTIVE_RETRIES,
    }),
    scheduler: client('scheduler', {
      timeout: SCHEDULER_TIMEOUT_MS,
      retryConfig: o.schedulerRetries ?? SCHEDULER_RETRIES,
    }),
  };
}
