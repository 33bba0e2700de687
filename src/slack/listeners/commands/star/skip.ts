import { recordDaysOff } from '../../../../db/repositories/progress.ts';
import { findSubscription, rescheduleSubscription } from '../../../../db/repositories/subscriptions.ts';
import { nextDeliveryFor } from '../../../../delivery/next-delivery.ts';
import { addDays } from '../../../../drills/local-date.ts';
import { pendingSkip, scheduleOf } from '../../../../drills/stored-schedule.ts';
import { skipReply } from '../../../../views/subscription-replies.ts';
import type { Subcommand } from './subcommand.ts';

/**
 * `/star skip`: skips the next drill only. A second `skip` while one is still ahead changes nothing and says
 * so (one skipped date is stored, and skipping drills one by one is what unsubscribe is for).
 */
export const skip: Subcommand = ({ ctx, command }) => ({
  later: async () => {
    const who = ctx.person(command.user_id);
    const sub = await findSubscription(ctx.db, who);
    if (!sub?.active) return skipReply({ subscribed: false });
    const now = ctx.clock.now();
    const schedule = scheduleOf(sub);
    const already = pendingSkip(schedule, now);
    if (already) {
      const next =
        sub.nextDueAt && sub.nextDueDate
          ? { dueAt: sub.nextDueAt, localDate: sub.nextDueDate }
          : await nextDeliveryFor(ctx, who, schedule, now);
      return skipReply({ subscribed: true, already: true, skipped: already, next, zone: schedule.zone, now });
    }
    const skipped = await nextDeliveryFor(ctx, who, { ...schedule, skipDate: null }, now);
    const next = await nextDeliveryFor(ctx, who, { ...schedule, skipDate: skipped.localDate }, now);
    // The skipped day is a day off on purpose: it does not break the streak (progress/streak.ts).
    await ctx.db.transaction(async (tx) => {
      await rescheduleSubscription(tx, who, next, skipped.localDate);
      await recordDaysOff(tx, who, {
        fromDate: skipped.localDate,
        untilDate: addDays(skipped.localDate, 1),
        reason: 'skip',
      });
    });
    ctx.log.info(
      { user: who.userId, skipped: skipped.localDate, nextDueAt: next.dueAt.toISOString() },
      'drill skipped',
    );
    return skipReply({
      subscribed: true,
      already: false,
      skipped: skipped.localDate,
      next,
      zone: schedule.zone,
      now,
    });
  },
});
