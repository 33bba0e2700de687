import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { BotContext } from '../../../context.ts';
import { answerClickSchema } from '../../payloads.ts';
import { noticeModal, starModal } from '../../views/star-modal.ts';
import { ACCESS_MESSAGES, drillForUser } from '../drill-access.ts';

/**
 * A trigger_id lives 3 s and works once. If the drill loads within this budget the modal opens complete;
 * otherwise a loading modal opens at once and is filled with views.update when the data arrives.
 */
const LOAD_BUDGET_MS = 800;

/** "Answer with STAR" / "Edit answer": opens the STAR modal, pre-filled when the drill has an answer. */
export function answerDrill(ctx: BotContext) {
  return async ({ ack, body }: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const click = answerClickSchema.parse(body);
    const userId = click.user.id;
    const rawId = click.actions[0]?.value ?? '';
    const loading = buildModal(ctx, rawId, userId);
    const early = await Promise.race([loading, delay(LOAD_BUDGET_MS).then(() => undefined)]);
    try {
      if (early) {
        await ctx.slack.views.open({ trigger_id: click.trigger_id, view: early });
        return;
      }
      const opened = await ctx.slack.views.open({
        trigger_id: click.trigger_id,
        view: noticeModal('Answer with STAR', ':hourglass_flowing_sand: Loading your drill…'),
      });
      const view = await loading;
      if (!opened.view?.id) throw new Error('views.open returned no view id');
      await ctx.slack.views.update({ view_id: opened.view.id, hash: opened.view.hash, view });
    } catch (err) {
      ctx.log.error({ err, user: userId, drill: rawId }, 'could not open the STAR modal');
    }
  };
}

async function buildModal(ctx: BotContext, rawId: string, userId: string): Promise<ModalView> {
  try {
    const access = await drillForUser(ctx, rawId, userId);
    if (!access.ok) {
      if (access.reason === 'not_yours')
        ctx.log.warn({ user: userId, drill: rawId }, 'click on another user’s drill');
      return noticeModal('Star Drill', ACCESS_MESSAGES[access.reason]);
    }
    const { drill, answer } = access;
    return starModal({
      drillId: drill.id,
      topicTitle: ctx.bank.topic(drill.topicSlug)?.title ?? drill.topicSlug,
      questionText: drill.questionText,
      answer,
    });
  } catch (err) {
    ctx.log.error({ err, user: userId, drill: rawId }, 'could not load the drill for the modal');
    return noticeModal(
      'Star Drill',
      ':warning: Star Drill is temporarily unavailable (it cannot reach its database). Please try again in a minute.',
    );
  }
}

function delay(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
}
