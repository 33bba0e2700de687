// "Jump to the next drill / reminder / recap": move the sandbox clock to the person's next scheduled event, as
// stored by the bot, and let the scheduler tick, so every scheduled message (a daily drill, the reminder in
// its thread, Monday's recap) can be seen now instead of hours later. Jumping only to drills passed over
// reminders: by the next morning their day was over and the bot dropped them.

import { and, asc, eq, isNotNull, isNull, notExists } from 'drizzle-orm';
import type { RunningBot } from '../src/bot.ts';
import { findSubscription } from '../src/db/repositories/subscriptions.ts';
import { answers, drills } from '../src/db/schema/index.ts';
import type { SettableClock } from './clock.ts';
import type { JumpResult, NextEvent, Person } from './protocol.ts';

/** The person's earliest scheduled event: their next drill, a reminder still to send, or the weekly recap. */
export async function nextEventOf(
  bot: RunningBot,
  teamId: string,
  userId: string,
): Promise<NextEvent | null> {
  const { db } = bot.ctx;
  const [subscription, [reminder]] = await Promise.all([
    findSubscription(db, { teamId, userId }),
    db
      .select({ at: drills.remindAt })
      .from(drills)
      .where(
        and(
          eq(drills.teamId, teamId),
          eq(drills.userId, userId),
          isNotNull(drills.remindAt),
          isNull(drills.remindedAt),
          isNotNull(drills.messageTs),
          notExists(db.select({ id: answers.id }).from(answers).where(eq(answers.drillId, drills.id))),
        ),
      )
      .orderBy(asc(drills.remindAt))
      .limit(1),
  ]);
  const candidates: NextEvent[] = [];
  if (subscription?.active && subscription.nextDueAt) {
    candidates.push({ kind: 'drill', at: subscription.nextDueAt.getTime(), tz: subscription.tz });
  }
  if (reminder?.at && subscription)
    candidates.push({ kind: 'reminder', at: reminder.at.getTime(), tz: subscription.tz });
  if (subscription?.active && subscription.recap && subscription.nextRecapAt) {
    candidates.push({ kind: 'recap', at: subscription.nextRecapAt.getTime(), tz: subscription.tz });
  }
  candidates.sort((a, b) => a.at - b.at);
  return candidates[0] ?? null;
}

export async function jumpToNextEvent(
  bot: RunningBot,
  clock: SettableClock,
  person: Person,
  teamId: string,
): Promise<JumpResult> {
  const firstName = person.name.split(' ')[0];
  const event = await nextEventOf(bot, teamId, person.id);
  if (!event) {
    return {
      ok: false,
      message: `${firstName} has no daily drills yet, so nothing is scheduled. Type /star subscribe 09:00 daily first, then jump.`,
      next: null,
    };
  }
  clock.jumpTo(new Date(event.at));
  // The scheduler's own minute tick may claim the work first; either way it is delivered once.
  await bot.scheduler?.tick();
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone: event.tz,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(event.at);
  return {
    ok: true,
    message: `Jumped to ${local} (${event.tz}), when ${firstName}'s ${event.kind === 'recap' ? 'weekly recap' : `next ${event.kind}`} was due.`,
    next: await nextEventOf(bot, teamId, person.id),
  };
}
