import { plainReply } from '../../../../views/command-replies.ts';
import type { SlackMessage } from '../../../../views/drill-message.ts';
import type { RequestContext } from '../../../context.ts';

/**
 * What the person is told when Slack refused what a command would have posted (a drill, a mock interview's
 * first question): the truth of what happened, and that nothing was sent (`nothing`: "No drill was sent.").
 * A refused token also pauses the workspace's deliveries (delivery/token-watch.ts). Other errors rethrow:
 * the command answers them as unavailable.
 */
export async function slackRefusalReply(
  ctx: RequestContext,
  err: unknown,
  nothing: { sent: string; noun: string },
): Promise<SlackMessage> {
  const failure = await ctx.tokens.report(err, ctx.teamId);
  if (failure.kind === 'rate_limited') {
    const seconds = Math.ceil(failure.retryAfterMs / 1000);
    return plainReply(
      `:hourglass_flowing_sand: Slack asked Star Drill to slow down, so no ${nothing.noun} was sent. Please try again in ${seconds} seconds.`,
    );
  }
  if (failure.kind === 'token') {
    return plainReply(
      `:warning: Star Drill cannot use Slack right now: Slack refused its access (\`${failure.code}\`). A workspace admin needs to reinstall it. ${nothing.sent}`,
    );
  }
  throw err;
}
