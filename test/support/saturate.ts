import { BUSY } from '../../src/views/command-replies.ts';
import type { TestBot } from './test-bot.ts';

/** Signed `seconds` before it reaches the bot, as a bot whose backlog held it would read it. */
export const signedAgo = (seconds: number) => ({ timestamp: Math.floor(Date.now() / 1000) - seconds });

let seq = 0;
const someone = () => `UBURST${Date.now().toString(36).toUpperCase()}${(++seq).toString(36).toUpperCase()}`;

/** Requests on time, so the bot learns its clock agrees with Slack's (the least lateness seen is the skew). */
export async function onTimeFirst(t: TestBot): Promise<void> {
  for (let i = 0; i < 5; i++) await t.standin.slashCommand(t.url, { userId: someone(), text: 'help' });
}

/**
 * Requests 3 s late (answered from memory) flowing from eight senders at once, and `act` on time among them
 * once the bot has acked each round of eight, until the bot is saturated when `act` comes, at most five
 * rounds: `act` says whether the bot refused it. The late requests keep coming while `act` runs, so the last
 * second the bot judges its lateness by always holds them, however slow a loaded machine makes the acks (a
 * burst sent first and awaited could age out of that second before `act` arrived). A saturated bot refuses
 * commands that need work, so set a test up before calling this.
 */
export async function untilShed(t: TestBot, act: () => Promise<boolean>): Promise<boolean> {
  let acked = 0;
  let stopped = false;
  const ackWaiters = new Set<() => void>();
  const sender = async () => {
    while (!stopped) {
      await t.standin.slashCommand(t.url, { userId: someone(), text: 'help' }, signedAgo(3));
      acked += 1;
      for (const wake of ackWaiters) wake();
    }
  };
  const untilAcked = async (n: number) => {
    while (acked < n)
      await new Promise<void>((wake) => ackWaiters.add(wake)).finally(() => ackWaiters.clear());
  };
  const senders = Array.from({ length: SENDERS }, sender);
  try {
    for (let round = 1; round <= 5; round++) {
      await untilAcked(round * SENDERS);
      if (await act()) return true;
    }
    return false;
  } finally {
    // Not awaited: the caller acts next, while the last late requests are still the bot's latest second.
    stopped = true;
    void Promise.allSettled(senders);
  }
}

const SENDERS = 8;

/**
 * Late requests as `untilShed` sends them until a probe (`/star status` of someone new, which needs work after its
 * ack) is answered "busy": for an `act` that cannot be repeated (a let-through click changes its message),
 * sent right after, while the bot still refuses work. False after five rounds.
 */
export function untilSaturated(t: TestBot): Promise<boolean> {
  return untilShed(t, async () => {
    const probe = await t.standin.slashCommand(t.url, { userId: someone(), text: 'status' });
    return JSON.stringify(probe.json ?? probe.body).includes(JSON.stringify(BUSY).slice(1, -1));
  });
}
