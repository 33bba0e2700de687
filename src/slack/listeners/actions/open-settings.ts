import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { findSubscription } from '../../../db/repositories/subscriptions.ts';
import { findUser } from '../../../db/repositories/users.ts';
import { daysFromMask } from '../../../drills/days.ts';
import { isValidZone } from '../../../drills/schedule.ts';
import { withTimeout } from '../../../timeout.ts';
import { settingsModal } from '../../../views/settings-modal.ts';
import type { RequestContext } from '../../context.ts';
import { settingsClickSchema } from '../../parse-payloads.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { responseUrlOf } from '../busy-reply.ts';
import { openModalForClick } from './open-modal.ts';

/** How long the modal waits for the person's zone from Slack before showing the stored one. */
const ZONE_BUDGET_MS = 1_500;

/**
 * The Home tab's Settings (or Subscribe) button: the settings modal, filled with what is stored, in the zone
 * Slack gives for the person (users.info, as `/star subscribe` reads it). The zone rides along in the
 * modal's private_metadata, so saving stores the schedule in the zone the modal showed.
 */
export function openSettings(ctx: RequestContext) {
  return async (args: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    const { ack, body, context } = args;
    const deadline = slackDeadlineOf(context);
    await ack();
    const click = settingsClickSchema.parse(body);
    const userId = click.user.id;
    const log = ctx.log.child({ user: userId });
    await openModalForClick(ctx, {
      triggerId: click.trigger_id,
      deadline,
      userId: userId,
      respond: responseUrlOf(args),
      log,
      title: 'Drill settings',
      loads: 'the settings',
      build: async () => {
        const who = ctx.person(userId);
        const [user, sub, fromSlack] = await Promise.all([
          findUser(ctx.db, who),
          findSubscription(ctx.db, who),
          slackZone(ctx, userId),
        ]);
        const zone = fromSlack ?? user?.tz ?? 'UTC';
        const modal = settingsModal({
          zone,
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
        return { ...modal, private_metadata: zone };
      },
    });
  };
}

/** The person's IANA zone from their Slack profile, or undefined when Slack gives none in time. */
async function slackZone(ctx: RequestContext, userId: string): Promise<string | undefined> {
  const tz = await withTimeout(
    ctx.slack.interactive.users.info({ user: userId }).then(
      (info) => info.user?.tz,
      () => undefined,
    ),
    ZONE_BUDGET_MS,
    () => undefined,
  );
  return tz && isValidZone(tz) ? tz : undefined;
}
