import { endSubscription, updateSubscription } from '../../../../db/repositories/subscriptions.ts';
import { ensureUser, findUser } from '../../../../db/repositories/users.ts';
import { parseInterviewArgs } from '../../../../drills/pause-args.ts';
import type { Person } from '../../../../drills/person.ts';
import { isValidZone, localDateOf } from '../../../../drills/schedule.ts';
import { DEFAULT_MINUTE_OF_DAY } from '../../../../drills/subscribe-args.ts';
import type { SlackMessage } from '../../../../views/drill-message.ts';
import { interviewDrillsEndedReply, interviewDrillsReply } from '../../../../views/progress-replies.ts';
import { subscribeUsageError } from '../../../../views/subscription-replies.ts';
import type { RequestContext } from '../../../context.ts';
import { storeSubscription, zoneFromSlack } from './subscribe.ts';

/**
 * `/star interview YYYY-MM-DD` by someone not subscribed: daily drills at 09:00 their local time, weekends
 * too, weakest topics first, through the interview date; they end after it (`ends_after`, the scheduler
 * stops them) unless the person subscribes meanwhile, which keeps them going.
 */
export async function startInterviewDrills(
  ctx: RequestContext,
  who: Person,
  args: string,
): Promise<SlackMessage> {
  const fromSlack = await zoneFromSlack(ctx, who.userId);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    // Read before anything is stored: bad input stores nothing, not even the user row.
    const known = await findUser(tx, who);
    const zone = fromSlack.tz ?? (known && isValidZone(known.tz) ? known.tz : 'UTC');
    const parsed = parseInterviewArgs(args, localDateOf(zone, now));
    if (!parsed.ok) return subscribeUsageError(parsed.error);
    const { date } = parsed.value;
    if (date === null) return interviewDrillsEndedReply(false);
    const user = await ensureUser(tx, who, { tz: fromSlack.tz, enterpriseId: ctx.enterpriseId });
    const today = localDateOf(user.tz, now);
    const stored = await storeSubscription(
      ctx,
      tx,
      who,
      { tz: user.tz },
      { minuteOfDay: DEFAULT_MINUTE_OF_DAY, days: 'daily', topics: [] },
      now,
    );
    const change = { interviewDate: date, interviewFrom: today, endsAfter: date };
    await updateSubscription(tx, who, change);
    return interviewDrillsReply({
      date,
      next: stored.next,
      zone: stored.zone,
      now,
      zoneNote: fromSlack.note?.(stored.zone),
    });
  });
}

/** `/star interview off` while the drills are an interview's alone: they stop, as `unsubscribe` would. */
export async function stopInterviewDrills(ctx: RequestContext, who: Person): Promise<SlackMessage> {
  await endSubscription(ctx.db, who);
  return interviewDrillsEndedReply(true);
}
