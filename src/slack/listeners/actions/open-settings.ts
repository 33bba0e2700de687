import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { RequestContext } from '../../../context.ts';
import { findSubscription } from '../../../db/repositories/subscriptions.ts';
import { findUser } from '../../../db/repositories/users.ts';
import { daysFromMask } from '../../../drills/days.ts';
import { settingsModal } from '../../../views/settings-modal.ts';
import { noticeModal } from '../../../views/star-modal.ts';
import { settingsClickSchema } from '../../payloads.ts';
import { openModalForClick, UNAVAILABLE_NOTICE } from './open-modal.ts';

/** The Home tab's Settings (or Subscribe) button: the settings modal, filled with what is stored. */
export function openSettings(ctx: RequestContext) {
  return async ({ ack, body }: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const click = settingsClickSchema.parse(body);
    const userId = click.user.id;
    const log = ctx.log.child({ user: userId });
    await openModalForClick(ctx, {
      triggerId: click.trigger_id,
      log,
      title: 'Drill settings',
      build: async () => {
        try {
          const who = ctx.person(userId);
          const [user, sub] = await Promise.all([findUser(ctx.db, who), findSubscription(ctx.db, who)]);
          return settingsModal({
            zone: user?.tz ?? 'UTC',
            topics: ctx.bank.topics,
            current: sub?.active
              ? {
                  minuteOfDay: sub.minuteOfDay,
                  days: daysFromMask(sub.dayMask),
                  topics: sub.topics,
                  reminderMinutes: sub.reminderMinutes ?? null,
                }
              : null,
          });
        } catch (err) {
          log.error({ err }, 'could not load the settings');
          return noticeModal('Star Drill', UNAVAILABLE_NOTICE);
        }
      },
    });
  };
}
