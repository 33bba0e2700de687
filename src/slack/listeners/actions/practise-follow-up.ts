import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { findFollowUpAnswer } from '../../../db/repositories/follow-ups.ts';
import { followUpModal, parseFollowUpMetadata } from '../../../views/follow-up.ts';
import { MOCK_STALE } from '../../../views/mock-messages.ts';
import { noticeModal } from '../../../views/star-modal.ts';
import type { RequestContext } from '../../context.ts';
import { isStaleMockClick } from '../../mock-interview.ts';
import { followUpClickSchema } from '../../parse-payloads.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { responseUrlOf } from '../busy-reply.ts';
import { drillForUser, NO_SUCH_DRILL, NOT_OWN_DRILL_LOG } from '../drill-access.ts';
import { followUpQuestion } from '../follow-up-question.ts';
import { openModalForClick } from './open-modal.ts';

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
      loads: 'the follow-up for the modal',
      build: () => buildModal(ctx, value, click.user.id, log, click.actions[0]?.block_id),
    });
  };
}

async function buildModal(
  ctx: RequestContext,
  value: string,
  userId: string,
  log: RequestContext['log'],
  blockId: string | undefined,
): Promise<ModalView> {
  const target = parseFollowUpMetadata(value);
  const access = target && (await drillForUser(ctx, target.drillId, ctx.person(userId)));
  const topic = access?.ok ? ctx.bank.topic(access.drill.topicSlug) : undefined;
  const question =
    target && access?.ok && topic
      ? await followUpQuestion(ctx.db, access.drill, topic, target.number)
      : undefined;
  if (!target || !access?.ok || !topic || !question) {
    if (access && !access.ok) log.warn(NOT_OWN_DRILL_LOG);
    return noticeModal('Star Drill', NO_SUCH_DRILL);
  }
  if (await isStaleMockClick(ctx, ctx.person(userId), access.drill.id, blockId)) {
    log.info('click on a follow-up of a mock interview that has ended');
    return noticeModal('Mock interview', MOCK_STALE);
  }
  const answered = await findFollowUpAnswer(ctx.db, access.drill, target.number);
  return followUpModal({
    drillId: access.drill.id,
    number: target.number,
    question,
    topicTitle: topic.title,
    answer: answered?.text,
  });
}
