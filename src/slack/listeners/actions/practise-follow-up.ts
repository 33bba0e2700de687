import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { RequestContext } from '../../../context.ts';
import { findFollowUpAnswer } from '../../../db/repositories/follow-ups.ts';
import { followUpModal, parseFollowUpMetadata } from '../../../views/follow-up.ts';
import { noticeModal } from '../../../views/star-modal.ts';
import { followUpClickSchema } from '../../payloads.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { responseUrlOf } from '../busy-reply.ts';
import { drillForUser, NO_SUCH_DRILL } from '../drill-access.ts';
import { openModalForClick, UNAVAILABLE_NOTICE } from './open-modal.ts';

/** "Practise this follow-up": a one-field modal with the follow-up question, pre-filled when answered. */
export function practiseFollowUp(ctx: RequestContext) {
  return async (args: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    const { ack, body, context } = args;
    const deadline = slackDeadlineOf(context);
    await ack();
    const click = followUpClickSchema.parse(body);
    const value = click.actions[0]?.value ?? '';
    const log = ctx.log.child({ user: click.user.id, followUp: value });
    await openModalForClick(ctx, {
      triggerId: click.trigger_id,
      deadline,
      userId: click.user.id,
      respond: responseUrlOf(args),
      log,
      title: 'Practise a follow-up',
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
  try {
    const target = parseFollowUpMetadata(value);
    const access = target && (await drillForUser(ctx, target.drillId, ctx.person(userId)));
    const topic = access?.ok ? ctx.bank.topic(access.drill.topicSlug) : undefined;
    const question = target && topic?.followUps[target.number - 1];
    if (!target || !access?.ok || !topic || !question) {
      if (access && !access.ok && access.reason === 'not_yours')
        log.warn('click on another user’s follow-up');
      return noticeModal('Star Drill', NO_SUCH_DRILL);
    }
    const answered = await findFollowUpAnswer(ctx.db, access.drill.id, target.number);
    return followUpModal({
      drillId: access.drill.id,
      number: target.number,
      question,
      topicTitle: topic.title,
      answer: answered?.text,
    });
  } catch (err) {
    log.error({ err }, 'could not load the follow-up for the modal');
    return noticeModal('Star Drill', UNAVAILABLE_NOTICE);
  }
}
