import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { isValidZone } from '../../../drills/schedule.ts';
import { BLOCK_SETTINGS_TIME } from '../../../views/ids.ts';
import { parseSettings } from '../../../views/settings-modal.ts';
import type { RequestContext } from '../../context.ts';
import { publishHome } from '../../home-tab.ts';
import { settingsSubmissionSchema } from '../../parse-payloads.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { confirmation, type StoredSubscription, storeSubscription } from '../commands/star/subscribe.ts';
import { LATE_NOTICE, saveSubmission } from './save-submission.ts';

/**
 * The settings modal saved: the same as `/star subscribe` with those settings, in the zone the modal showed
 * (read from Slack when it opened, carried in private_metadata; without one the stored zone stays). The
 * confirmation goes to the user's DM; the Home tab is published again.
 */
export function submitSettings(ctx: RequestContext) {
  return async ({ ack, body, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const deadline = slackDeadlineOf(context);
    const submission = settingsSubmissionSchema.parse(body);
    const parsed = parseSettings(
      (body as { view?: { state?: { values?: unknown } } }).view?.state?.values,
      new Set(ctx.bank.topics.map((t) => t.slug)),
    );
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    const userId = submission.user.id;
    const settings = parsed.value;
    const zone = submission.view.private_metadata;
    const tz = isValidZone(zone) ? zone : undefined;
    const now = ctx.clock.now();
    await saveSubmission<StoredSubscription>(ctx, {
      ack,
      deadline,
      userId,
      lateNotice: LATE_NOTICE.settings,
      log: ctx.log.child({ user: userId }),
      errorBlock: BLOCK_SETTINGS_TIME,
      save: async (tx) => ({
        ok: true,
        saved: await storeSubscription(
          ctx,
          tx,
          ctx.person(userId),
          // The settings modal opens from the Home tab: its changes republish it from now on.
          { enterpriseId: ctx.enterpriseId, tz, homeOpened: true },
          settings,
          now,
        ),
      }),
      after: async (stored) => {
        await ctx.slack.interactive.chat
          .postMessage({ channel: userId, ...confirmation(ctx, stored, settings, now) })
          .catch((err: unknown) =>
            ctx.log.warn({ err, user: userId }, 'could not confirm the settings in the DM'),
          );
        await publishHome(ctx, userId, { opened: true });
      },
    });
  };
}
