import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { RequestContext } from '../../context.ts';
import { publishHome } from '../../home-tab.ts';
import { appHomeOpenedEventSchema, eventCallbackSchema } from '../../parse-payloads.ts';

/** The Home tab opened: publish the dashboard (Slack asks again each time, so nothing is deduplicated). */
export function appHomeOpened(ctx: RequestContext) {
  return async ({ body }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    const envelope = eventCallbackSchema.parse(body);
    const parsed = appHomeOpenedEventSchema.safeParse(envelope.event);
    if (!parsed.success || parsed.data.tab !== 'home') return;
    const userId = parsed.data.user;
    const publish = () => publishHome(ctx, userId, { justOpened: true });
    ctx.work.admit('app_home_opened')?.run(publish, {
      maxWaitMs: 30_000,
      tooLate: async () => {},
    });
  };
}
