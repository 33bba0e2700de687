import { setTimeout as delay } from 'node:timers/promises';
import { classifySlackError } from './errors.ts';

/**
 * Runs a Slack call made with a client that rejects rate-limited calls; when Slack answers 429, waits its
 * Retry-After and tries again, while the waits add up to at most `maxWaitMs`. Only this call waits: other
 * users' calls on the same client go on. (p-retry cannot take its delay from the error, hence this loop.)
 */
export async function honourRetryAfter<T>(call: () => Promise<T>, maxWaitMs: number): Promise<T> {
  let waited = 0;
  for (;;) {
    try {
      return await call();
    } catch (err) {
      const failure = classifySlackError(err);
      if (failure.kind !== 'rate_limited' || waited + failure.retryAfterMs > maxWaitMs) throw err;
      waited += failure.retryAfterMs;
      await delay(failure.retryAfterMs, undefined, { ref: false });
    }
  }
}
