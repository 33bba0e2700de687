/**
 * What becomes of a scheduled delivery that failed, decided from what the failure means (slack-api/errors.ts)
 * alone: pure, so the whole policy reads as the table below and is tested as one.
 *
 * | failure                    | fate                                                               |
 * |----------------------------|--------------------------------------------------------------------|
 * | recipient (user_not_found) | stop: the subscription ends, with the reason kept for `status`     |
 * | token (token_revoked)      | pause: delivery stops for everyone under the token; the row goes   |
 * |                            | back uncounted (not the subscriber's fault)                        |
 * | rate limited, transient    | retry after a backoff that doubles per attempt: 1, 2, 4 ... 30 min |
 */
import type { SlackFailure } from '../slack-api/errors.ts';

export type Fate =
  | { kind: 'stop'; reason: string }
  | { kind: 'pause'; reason: string }
  | { kind: 'retry'; at: Date; attempts: number };

const MINUTE_MS = 60_000;
const MAX_BACKOFF_MINUTES = 30;

/** 1, 2, 4, ... minutes after the n-th failure in a row, at most 30; the day's end stops the retries. */
export function retryBackoffMs(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MINUTES) * MINUTE_MS;
}

/** How long deliveries stay paused after the n-th failed check of the token: 1, 2, 4, ... 30 minutes. */
export const pauseBackoffMs = retryBackoffMs;

/** `attemptsBefore`: the failed attempts already counted for this delivery. */
export function fateOf(failure: SlackFailure, attemptsBefore: number, now: Date): Fate {
  switch (failure.kind) {
    case 'recipient':
      return { kind: 'stop', reason: failure.code };
    case 'token':
      return { kind: 'pause', reason: failure.code };
    case 'rate_limited':
    case 'transient': {
      const attempts = attemptsBefore + 1;
      // A rate limit longer than the backoff is honoured too.
      const wait = Math.max(
        retryBackoffMs(attempts),
        failure.kind === 'rate_limited' ? failure.retryAfterMs : 0,
      );
      return { kind: 'retry', at: new Date(now.getTime() + wait), attempts };
    }
  }
}
