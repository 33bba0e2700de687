// The fixture "a bot with progress": the real bot over HTTP against the local Slack, on a clock the test sets,
// with a scheduler that ticks only when told to, started once per test file.

import { afterAll, beforeAll } from 'vitest';
import { FAST_RETRIES } from '../../harness/scheduler.ts';
import { TestClock } from '../../harness/test-clock.ts';
import { startTestBot, type TestBot } from './test-bot.ts';

/** A bot with a settable clock and a scheduler that only ticks when told to. */
export async function startProgressBot(clock: TestClock): Promise<TestBot> {
  const t = await startTestBot({ clock, bot: { scheduler: { cron: false, retryConfig: FAST_RETRIES } } });
  if (!t.bot.scheduler) throw new Error('the bot built no scheduler');
  return t;
}

/**
 * A bot with progress for the calling test file: started before its tests on a clock standing at `iso`, closed
 * after them. `t` stands for the started bot (each property is read from it when used), so a file declares
 * both in one line and uses `t` as a TestBot in its tests and helpers.
 */
export function useProgressBot(iso: string): { clock: TestClock; t: TestBot } {
  const clock = new TestClock(new Date(iso));
  let started: TestBot | undefined;
  beforeAll(async () => {
    started = await startProgressBot(clock);
  });
  afterAll(async () => {
    await started?.close();
  });
  const t = new Proxy({} as TestBot, {
    get(_, key) {
      if (!started) throw new Error('the bot is used before beforeAll started it');
      return Reflect.get(started, key);
    },
  });
  return { clock, t };
}
