import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { firstTimeSeen } from '../../../db/repositories/events.ts';
import { directMessageReply } from '../../../views/command-replies.ts';
import type { RequestContext } from '../../context.ts';
import { directMessageEventSchema, eventCallbackSchema } from '../../parse-payloads.ts';

/** Events are acked by Bolt before this runs: the reply may wait its turn a while. */
const EVENT_MAX_WAIT_MS = 30_000;

/**
 * Someone typed in their DM with the bot: a short reply saying what the bot does and how to start, rather
 * than silence. In a drill's thread it points to the buttons. What they typed is neither stored nor logged.
 */
export function directMessage(ctx: RequestContext) {
  return async ({ body }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    const envelope = eventCallbackSchema.parse(body);
    const parsed = directMessageEventSchema.safeParse(envelope.event);
    if (!parsed.success) return;
    const message = parsed.data;
    const log = ctx.log.child({ user: message.user, event: envelope.event_id });
    const admission = ctx.work.admit('direct message');
    if (!admission) return;
    admission.run(
      async () => {
        // Slack retries an event it thinks we missed; any replica may get the retry.
        if (!(await firstTimeSeen(ctx.db, envelope.event_id))) return;
        try {
          await ctx.slack.interactive.chat.postMessage({
            channel: message.channel,
            ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
            ...directMessageReply(message.thread_ts !== undefined),
          });
        } catch (err) {
          await ctx.tokens.report(err, ctx.teamId).catch(() => undefined);
          log.warn({ err }, 'could not answer a direct message');
        }
      },
      {
        maxWaitMs: EVENT_MAX_WAIT_MS,
        tooLate: async () => {},
      },
    );
  };
}
