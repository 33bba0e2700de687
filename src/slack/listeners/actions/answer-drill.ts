import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { BotContext } from '../../../context.ts';
import { completeDrillPost } from '../../../db/repositories/drills.ts';
import { withTimeout } from '../../../timeout.ts';
import { noticeModal, starModal } from '../../../views/star-modal.ts';
import { type AnswerClickPayload, answerClickSchema } from '../../payloads.ts';
import { drillForUser, NO_SUCH_DRILL } from '../drill-access.ts';

/**
 * A trigger_id lives 3 s and works once. If the drill loads within this budget the modal opens complete;
 * otherwise a loading modal opens at once and is filled with views.update when the data arrives.
 */
const LOAD_BUDGET_MS = 800;
/** A click whose turn has not come by then opens a "busy" notice instead, while its trigger still works. */
const CLICK_MAX_WAIT_MS = 1_000;

const UNAVAILABLE_NOTICE =
  ':warning: Star Drill is temporarily unavailable (it cannot reach its database). Please try again in a minute.';
const BUSY_NOTICE = ':hourglass_flowing_sand: Star Drill is busy right now. Please click again in a minute.';

/** "Answer with STAR" / "Edit answer": opens the STAR modal, pre-filled when the drill has an answer. */
export function answerDrill(ctx: BotContext) {
  return async ({ ack, body }: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const click = answerClickSchema.parse(body);
    const log = ctx.log.child({ user: click.user.id, drill: click.actions[0]?.value });
    const busy = () =>
      openNotice(ctx, click.trigger_id, BUSY_NOTICE).then(
        () => undefined,
        (err: unknown) => log.warn({ err }, 'could not open the busy notice'),
      );
    const admission = ctx.work.admit();
    if (!admission) {
      log.warn('busy: refused a click');
      await busy();
      return;
    }
    admission.run(() => openStarModal(ctx, click, log), { maxWaitMs: CLICK_MAX_WAIT_MS, tooLate: busy });
  };
}

async function openStarModal(ctx: BotContext, click: AnswerClickPayload, log: BotContext['log']) {
  const loading = buildModal(ctx, click, log);
  const early = await withTimeout(loading, LOAD_BUDGET_MS, () => undefined);
  try {
    if (early) {
      await ctx.slack.modal.views.open({ trigger_id: click.trigger_id, view: early });
      return;
    }
    const opened = await openNotice(
      ctx,
      click.trigger_id,
      ':hourglass_flowing_sand: Loading your drill…',
      'Answer with STAR',
    );
    const view = await loading;
    if (!opened.view?.id) throw new Error('views.open returned no view id');
    await ctx.slack.modal.views.update({ view_id: opened.view.id, hash: opened.view.hash, view });
  } catch (err) {
    await ctx.tokens.report(err);
    log.error({ err }, 'could not open the STAR modal');
  }
}

function openNotice(ctx: BotContext, triggerId: string, text: string, title = 'Star Drill') {
  return ctx.slack.modal.views.open({ trigger_id: triggerId, view: noticeModal(title, text) });
}

async function buildModal(
  ctx: BotContext,
  click: AnswerClickPayload,
  log: BotContext['log'],
): Promise<ModalView> {
  const userId = click.user.id;
  try {
    const access = await drillForUser(ctx, click.actions[0]?.value ?? '', userId);
    if (!access.ok) {
      // The same words whether the drill is someone else's or gone: another user learns nothing either way.
      if (access.reason === 'not_yours') log.warn('click on another user’s drill');
      return noticeModal('Star Drill', NO_SUCH_DRILL);
    }
    const { drill, answer } = access;
    // A drill whose ts could not be stored when it was posted: the click comes from its message.
    const where = click.container;
    if (!drill.messageTs && where?.message_ts && where.channel_id) {
      await completeDrillPost(ctx.db, drill.id, where.channel_id, where.message_ts);
    }
    return starModal({
      drillId: drill.id,
      topicTitle: ctx.bank.topic(drill.topicSlug)?.title ?? drill.topicSlug,
      questionText: drill.questionText,
      answer,
    });
  } catch (err) {
    log.error({ err }, 'could not load the drill for the modal');
    return noticeModal('Star Drill', UNAVAILABLE_NOTICE);
  }
}
