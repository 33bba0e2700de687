import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { completeDrillPost } from '../../../db/repositories/drills.ts';
import { storiesOf } from '../../../db/repositories/stories.ts';
import { MOCK_STALE } from '../../../views/mock-messages.ts';
import { noticeModal, starModal } from '../../../views/star-modal.ts';
import type { RequestContext } from '../../context.ts';
import { isStaleMockClick } from '../../mock-interview.ts';
import { type AnswerClickPayload, answerClickSchema } from '../../parse-payloads.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { responseUrlOf } from '../busy-reply.ts';
import { drillForUser, NO_SUCH_DRILL, NOT_OWN_DRILL_LOG } from '../drill-access.ts';
import { openModalForClick } from './open-modal.ts';

/** "Answer with STAR" / "Edit answer": opens the STAR modal, pre-filled when the drill has an answer. */
export function answerDrill(ctx: RequestContext) {
  return async (args: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    const { ack, body, context } = args;
    const deadline = slackDeadlineOf(context);
    await ack();
    const click = answerClickSchema.parse(body);
    const log = ctx.log.child({ user: click.user.id, drill: click.actions[0]?.value });
    await openModalForClick(ctx, {
      triggerId: click.trigger_id,
      deadline,
      userId: click.user.id,
      respond: responseUrlOf(args),
      log,
      title: 'Answer with STAR',
      loads: 'the drill for the modal',
      build: () => buildModal(ctx, click, log),
    });
  };
}

async function buildModal(
  ctx: RequestContext,
  click: AnswerClickPayload,
  log: RequestContext['log'],
): Promise<ModalView> {
  const access = await drillForUser(ctx, click.actions[0]?.value ?? '', ctx.person(click.user.id));
  if (!access.ok) {
    // The same words whether the drill is someone else's or gone: another user learns nothing either way.
    log.warn(NOT_OWN_DRILL_LOG);
    return noticeModal('Star Drill', NO_SUCH_DRILL);
  }
  const { drill, answer } = access;
  if (await isStaleMockClick(ctx, ctx.person(click.user.id), drill.id, click.actions[0]?.block_id)) {
    log.info('click on a question of a mock interview that has ended');
    return noticeModal('Mock interview', MOCK_STALE);
  }
  // A drill whose ts could not be stored when it was posted: the click comes from its message.
  const where = click.container;
  if (!drill.messageTs && where?.message_ts && where.channel_id) {
    await completeDrillPost(ctx.db, drill, {
      channelId: where.channel_id,
      messageTs: where.message_ts,
      at: ctx.clock.now(),
    });
  }
  return starModal({
    drillId: drill.id,
    topicTitle: ctx.bank.topicTitle(drill.topicSlug),
    questionText: drill.questionText,
    answer,
    stories: await storiesOf(ctx.db, ctx.person(click.user.id)),
  });
}
