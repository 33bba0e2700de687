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
 * Bursts of requests 3 s late (answered from memory), each followed by `act` on time, until the bot is
 * saturated when `act` comes (its lateness is judged over the last second, however slow this machine), at
 * most five rounds: `act` says whether the bot refused it. A saturated bot refuses commands that need work,
 * so set a test up before the first burst.
 */
export async function untilShed(t: TestBot, act: () => Promise<boolean>): Promise<boolean> {
  for (let round = 0; round < 5; round++) {
    await Promise.all(
      Array.from({ length: 8 }, () =>
        t.standin.slashCommand(t.url, { userId: someone(), text: 'help' }, signedAgo(3)),
      ),
    );
    if (await act()) return true;
  }
  return false;
}

/**
 * Bursts as `untilShed` sends them until a probe (`/star status` of someone new, which needs work after its
 * ack) is answered "busy": for an `act` that cannot be repeated (a let-through click changes its message),
 * sent right after, while the bot still refuses work. False after five rounds.
 */
export function untilSaturated(t: TestBot): Promise<boolean> {
  return untilShed(t, async () => {
    const probe = await t.standin.slashCommand(t.url, { userId: someone(), text: 'status' });
    return JSON.stringify(probe.json ?? probe.body).includes(JSON.stringify(BUSY).slice(1, -1));
  });
}
