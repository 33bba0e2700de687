import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import {
  findSubscription,
  hasScheduledDrill,
  rescheduleSubscription,
} from '../db/repositories/subscriptions.ts';
import type { Person } from '../drills/person.ts';
import {
  type Delivery,
  firstDeliveryAtOrAfter,
  nextDeliveryAfterDate,
  type Schedule,
} from '../drills/schedule.ts';
import { scheduleOf } from '../drills/stored-schedule.ts';
import type { Logger } from '../logger.ts';

/** More than enough: a zone change moves the local date by at most one day. */
const MAX_TAKEN_DATES = 3;

/**
 * The first delivery from `now` on whose local date has no scheduled drill yet. Someone who changes their
 * time (or zone) after today's drill went out is not promised a second one today: the unique index on
 * (user, local date) would refuse it at delivery time, so the reply would be a lie.
 */
export async function nextDeliveryFor(
  ctx: { db: Database },
  who: Person,
  schedule: Schedule,
  now: Date,
): Promise<Delivery> {
  let next = firstDeliveryAtOrAfter(schedule, now);
  for (let i = 0; i < MAX_TAKEN_DATES && (await hasScheduledDrill(ctx.db, who, next.localDate)); i++) {
    next = nextDeliveryAfterDate(schedule, next.localDate);
  }
  return next;
}

/**
 * The user's stored zone changed (user_change): "09:00" now means 09:00 where they are, so the next
 * delivery is computed again. A skipped date stays skipped: it is a local date, whatever the zone.
 */
export async function rescheduleUser(ctx: { db: Database; clock: Clock; log: Logger }, who: Person) {
  const sub = await findSubscription(ctx.db, who);
  if (!sub?.active) return;
  const next = await nextDeliveryFor(ctx, who, scheduleOf(sub), ctx.clock.now());
  await rescheduleSubscription(ctx.db, who, next, sub.skipDate);
  ctx.log.info(
    {
      team: who.teamId,
      user: who.userId,
      tz: sub.tz,
      nextDueAt: next.dueAt.toISOString(),
      localDate: next.localDate,
    },
    'subscription rescheduled for the new time zone',
  );
}
