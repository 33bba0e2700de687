import { countAnsweredDrills } from '../../../../db/repositories/drills.ts';
import { findSubscription } from '../../../../db/repositories/subscriptions.ts';
import { pendingSkip, scheduleOf } from '../../../../drills/stored-schedule.ts';
import { type StatusView, statusReply } from '../../../../views/subscription-replies.ts';
import type { Subcommand } from './subcommand.ts';

/**
 * `/star status`: the subscription as stored (time, days, topics, zone, next drill, a pause, the interview
 * countdown, the reminder and the weekly recap) and drills answered.
 */
export const status: Subcommand = ({ ctx, command }) => ({
  later: async () => {
    const [sub, answered] = await Promise.all([
      findSubscription(ctx.db, ctx.person(command.user_id)),
      countAnsweredDrills(ctx.db, ctx.person(command.user_id)),
    ]);
    const now = ctx.clock.now();
    let subscription: StatusView['subscription'] = null;
    if (sub?.active) {
      const schedule = scheduleOf(sub);
      subscription = {
        active: true,
        schedule: {
          ...schedule,
          topics: sub.topics.map((slug) => ctx.bank.topicTitle(slug)),
        },
        next: sub.nextDueAt && sub.nextDueDate ? { dueAt: sub.nextDueAt, localDate: sub.nextDueDate } : null,
        skipping: pendingSkip(schedule, now),
        pausedUntil: sub.pausedUntil,
        interviewDate: sub.interviewDate,
        endsAfter: sub.endsAfter,
        reminderMinutes: sub.reminderMinutes,
        recap: sub.recap,
      };
    } else if (sub) {
      subscription = { active: false, deactivatedReason: sub.deactivatedReason };
    }
    return statusReply({ answered, subscription }, now);
  },
});
