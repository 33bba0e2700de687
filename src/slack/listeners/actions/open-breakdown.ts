import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { breakdownModal } from '../../../views/feedback-breakdown.ts';
import { noticeModal } from '../../../views/star-modal.ts';
import type { RequestContext } from '../../context.ts';
import { breakdownClickSchema } from '../../parse-payloads.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { responseUrlOf } from '../busy-reply.ts';
import { drillForUser, NO_SUCH_DRILL, NOT_OWN_DRILL_LOG } from '../drill-access.ts';
import { openModalForClick } from './open-modal.ts';

/** "See the full breakdown" under the feedback: every check of the stored analysis, in a modal. */
export function openBreakdown(ctx: RequestContext) {
  return async (args: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    const { ack, body, context } = args;
    // Taken before the ack: the time left on the click's trigger decides between the modal and a busy note.
    const deadline = slackDeadlineOf(context);
    await ack();
    const click = breakdownClickSchema.parse(body);
    const value = click.actions[0]?.value ?? '';
    const log = ctx.log.child({ user: click.user.id, drill: value });
    await openModalForClick(ctx, {
      triggerId: click.trigger_id,
      deadline,
      userId: click.user.id,
      respond: responseUrlOf(args),
      log,
      title: 'Full breakdown',
      loads: 'the analysis for the breakdown',
      build: () => buildModal(ctx, value, click.user.id, log),
    });
  };
}

async function buildModal(
  ctx: RequestContext,
  value: string,
  userId: string,
  log: RequestContext['log'],
): Promise<ModalView> {
  const access = await drillForUser(ctx, value, ctx.person(userId));
  if (!access.ok || !access.answer?.feedback) {
    if (!access.ok) log.warn(NOT_OWN_DRILL_LOG);
    return noticeModal('Star Drill', NO_SUCH_DRILL);
  }
  return breakdownModal({ questionText: access.drill.questionText, analysis: access.answer.feedback });
}
