// "Jump to the next scheduled drill": move the sandbox clock to the person's next due instant, as stored by the
// bot, and let the scheduler tick, so a daily drill arrives now instead of tomorrow at 09:00.

import type { RunningBot } from '../src/bot.ts';
import { findSubscription } from '../src/db/repositories/subscriptions.ts';
import type { SettableClock } from './clock.ts';
import type { JumpResult, Person } from './protocol.ts';

export async function jumpToNextDrill(
  bot: RunningBot,
  clock: SettableClock,
  person: Person,
  teamId: string,
): Promise<JumpResult> {
  const firstName = person.name.split(' ')[0];
  const subscription = await findSubscription(bot.ctx.db, { teamId, userId: person.id });
  if (!subscription?.active || !subscription.nextDueAt) {
    return {
      ok: false,
      message: `${firstName} has no daily drills yet. Type /star subscribe 09:00 daily first, then jump.`,
    };
  }
  const due = subscription.nextDueAt;
  clock.jumpTo(due);
  // The scheduler's own minute tick may claim the row first; either way the drill is delivered once.
  await bot.scheduler?.tick();
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone: subscription.tz,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(due);
  return {
    ok: true,
    message: `Jumped to ${local} (${subscription.tz}), when ${firstName}'s next drill was due.`,
  };
}
