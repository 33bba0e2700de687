import type { RetryOptions, WebClient } from '@slack/web-api';
import { boltLogger, type Logger } from '../logger.ts';
import { MeteredWebClient } from '../metrics/index.ts';
import { slackFetch } from './request-fetch.ts';

/**
 * A bot token's Web API clients, one per kind of call. A WebClient that meets a 429 (without
 * rejectRateLimitedCalls) pauses its whole queue for Retry-After seconds: one user's rate-limited DM would
 * then hold every other user's modal past its 3-second trigger. So every client rejects a rate-limited call at
 * once (only that call fails) and its caller decides: a user is told to try again, the scheduler holds that
 * workspace's posts for the Retry-After (scheduler/rate-limits.ts) and delivers the others meanwhile.
 */
export interface SlackClients {
  /**
   * views.open / update / push: a trigger_id lives 3 s, so quick retries of a 5xx only while it lives, a
   * short timeout, and a 429 fails at once instead of queueing.
   */
  modal: WebClient;
  /** Calls on behalf of a user who just acted (DM posts, thread replies, updates, users.info). */
  interactive: WebClient;
  /** Scheduled drills, reminders and recaps: nobody is waiting, so longer retries of 5xx and timeouts. */
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
 * How the scheduler's client retries 5xx, network errors and timeouts (a 429 is rejected at once and handled
 * by the scheduler). `maxRetryTime` bounds how long a drill keeps trying, so the post cannot outlive the claim's
 * lease (POST_BUDGET_MS in the scheduler); after it the claim is released and a later tick retries.
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
  botToken: string;
  apiUrl?: string;
  log: Logger;
  /** Tests shrink the scheduler's waits; the logic stays the same. */
  schedulerRetries?: RetryOptions;
}

export function createSlackClients(o: SlackClientOptions): SlackClients {
  const client = (component: string, options: ConstructorParameters<typeof WebClient>[1]) =>
    // Metered: every call is counted by method and Slack's error code (metrics/slack-calls.ts).
    new MeteredWebClient(o.botToken, {
      slackApiUrl: o.apiUrl,
      fetch: slackFetch,
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
      rejectRateLimitedCalls: true,
      retryConfig: o.schedulerRetries ?? SCHEDULER_RETRIES,
    }),
  };
}
