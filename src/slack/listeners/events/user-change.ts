import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { firstTimeSeen } from '../../../db/repositories/events.ts';
import { findUser, updateUserZone } from '../../../db/repositories/users.ts';
import type { Person } from '../../../drills/person.ts';
import { isValidZone } from '../../../drills/schedule.ts';
import type { RequestContext } from '../../context.ts';
import { eventCallbackSchema, userChangeEventSchema } from '../../parse-payloads.ts';

/** Events are acked by Bolt before this runs, so there is no one to tell "busy": it may wait a while. */
const EVENT_MAX_WAIT_MS = 30_000;

/** Keeps a known user's IANA zone current, so "09:00" stays 09:00 where they are now. */
export function userChange(ctx: RequestContext, onZoneChanged: (who: Person) => Promise<void>) {
  return async ({ body }: SlackEventMiddlewareArgs<'user_change'> & AllMiddlewareArgs) => {
    const envelope = eventCallbackSchema.parse(body);
    const parsed = userChangeEventSchema.safeParse(envelope.event);
    if (!parsed.success) return;
    const { id, tz } = parsed.data.user;
    if (!tz || !isValidZone(tz)) return;
    const who = ctx.person(id);
    const log = ctx.log.child({ user: id, event: envelope.event_id });
    // Dropped when busy (counted in the work queue's log): the next subscribe reads the zone again.
    const dropped = async () => {};
    const admission = ctx.work.admit('user_change');
    if (!admission) return;
    admission.run(
      async () => {
        try {
          // user_change arrives for the whole workspace: only users of the bot are stored, and only their
          // events are recorded (recording every one would grow processed_events for nothing).
          if (!(await findUser(ctx.db, who))) return;
          // Slack retries an event it thinks we missed; any replica may get the retry.
          if (!(await firstTimeSeen(ctx.db, envelope.event_id))) return;
          if (await updateUserZone(ctx.db, who, tz)) {
            log.info({ tz }, 'user changed time zone');
            await onZoneChanged(who);
          }
        } catch (err) {
          log.error({ err }, 'could not handle user_change');
        }
      },
      { maxWaitMs: EVENT_MAX_WAIT_MS, tooLate: dropped },
    );
  };
}
