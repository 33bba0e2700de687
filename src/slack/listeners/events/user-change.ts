import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { BotContext } from '../../../context.ts';
import { firstTimeSeen } from '../../../db/repositories/events.ts';
import { findUser, updateUserZone } from '../../../db/repositories/users.ts';
import { isValidZone } from '../../../drills/schedule.ts';
import { eventCallbackSchema, userChangeEventSchema } from '../../payloads.ts';

/** Keeps a known user's IANA zone current, so "09:00" stays 09:00 where they are now. */
export function userChange(ctx: BotContext, onZoneChanged: (userId: string) => Promise<void>) {
  return async ({ body }: SlackEventMiddlewareArgs<'user_change'> & AllMiddlewareArgs) => {
    const envelope = eventCallbackSchema.parse(body);
    const parsed = userChangeEventSchema.safeParse(envelope.event);
    if (!parsed.success) return;
    const { id, tz } = parsed.data.user;
    try {
      // Slack retries an event it thinks we missed; any replica may get the retry.
      if (!(await firstTimeSeen(ctx.db, envelope.event_id))) return;
      // Only users who use the bot are stored; user_change arrives for the whole workspace.
      if (!tz || !isValidZone(tz) || !(await findUser(ctx.db, id))) return;
      if (await updateUserZone(ctx.db, id, tz)) {
        ctx.log.info({ user: id, tz }, 'user changed time zone');
        await onZoneChanged(id);
      }
    } catch (err) {
      ctx.log.error({ err, user: id, event: envelope.event_id }, 'could not handle user_change');
    }
  };
}
