import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { askColleagueModal } from '../../../views/peer-request.ts';
import { noticeModal } from '../../../views/star-modal.ts';
import type { RequestContext } from '../../context.ts';
import { askColleagueClickSchema } from '../../peer-payloads.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { responseUrlOf } from '../busy-reply.ts';
import { drillForUser, NO_SUCH_DRILL } from '../drill-access.ts';
import { openModalForClick } from './open-modal.ts';

/** "Ask a colleague" under the feedback: the ask modal, with a preview of what the colleague will see. */
export function askColleague(ctx: RequestContext) {
  return async (args: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    const { ack, body, context } = args;
    const deadline = slackDeadlineOf(context);
    await ack();
    const click = askColleagueClickSchema.parse(body);
    const who = ctx.person(click.user.id);
    const log = ctx.log.child({ user: who.userId });
    await openModalForClick(ctx, {
      triggerId: click.trigger_id,
      deadline,
      userId: who.userId,
      respond: responseUrlOf(args),
      log,
      title: 'Ask a colleague',
      loads: 'the answer for the ask modal',
      build: async (): Promise<ModalView> => {
        const access = await drillForUser(ctx, click.actions[0]?.value ?? '', who);
        const topic = access.ok ? ctx.bank.topic(access.drill.topicSlug) : undefined;
        if (!access.ok || !access.answer) return noticeModal('Star Drill', NO_SUCH_DRILL);
        const { drill, answer } = access;
        return askColleagueModal({
          drillId: drill.id,
          shared: {
            authorId: who.userId,
            topicTitle: topic?.title ?? drill.topicSlug,
            questionText: drill.questionText,
            answer,
            score: answer.score,
            note: null,
          },
        });
      },
    });
  };
}
