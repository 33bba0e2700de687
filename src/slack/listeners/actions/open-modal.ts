import type { ModalView } from '@slack/types';
import { withTimeout } from '../../../timeout.ts';
import { noticeModal } from '../../../views/star-modal.ts';
import type { RequestContext } from '../../context.ts';

/**
 * A trigger_id lives 3 s and works once. If the modal's data loads within this budget the modal opens
 * complete; otherwise a loading modal opens at once and is filled with views.update when the data arrives.
 */
const LOAD_BUDGET_MS = 800;
/** A click whose turn has not come by then opens a "busy" notice instead, while its trigger still works. */
const CLICK_MAX_WAIT_MS = 1_000;

const BUSY_NOTICE = ':hourglass_flowing_sand: Star Drill is busy right now. Please click again in a minute.';

/**
 * Opens the modal a button asks for, built from the database by `build` (which answers a notice modal itself
 * when the data is not the user's or cannot be read). Call it right after the ack; it returns at once and
 * the work runs in the bounded work queue.
 */
export async function openModalForClick(
  ctx: RequestContext,
  p: { triggerId: string; log: RequestContext['log']; title: string; build: () => Promise<ModalView> },
): Promise<void> {
  const busy = () =>
    openNotice(ctx, p.triggerId, BUSY_NOTICE).then(
      () => undefined,
      (err: unknown) => p.log.warn({ err }, 'could not open the busy notice'),
    );
  const admission = ctx.work.admit('click');
  if (!admission) {
    await busy();
    return;
  }
  admission.run(() => open(ctx, p), { maxWaitMs: CLICK_MAX_WAIT_MS, tooLate: busy });
}

async function open(ctx: RequestContext, p: Parameters<typeof openModalForClick>[1]): Promise<void> {
  const loading = p.build();
  const early = await withTimeout(loading, LOAD_BUDGET_MS, () => undefined);
  try {
    if (early) {
      await ctx.slack.modal.views.open({ trigger_id: p.triggerId, view: early });
      return;
    }
    const opened = await openNotice(ctx, p.triggerId, ':hourglass_flowing_sand: Loading…', p.title);
    const view = await loading;
    if (!opened.view?.id) throw new Error('views.open returned no view id');
    await ctx.slack.modal.views.update({ view_id: opened.view.id, hash: opened.view.hash, view });
  } catch (err) {
    await ctx.tokens.report(err, ctx.teamId).catch(() => undefined);
    p.log.error({ err }, 'could not open the modal');
  }
}

function openNotice(ctx: RequestContext, triggerId: string, text: string, title = 'Star Drill') {
  return ctx.slack.modal.views.open({ trigger_id: triggerId, view: noticeModal(title, text) });
}

export const UNAVAILABLE_NOTICE =
  ':warning: Star Drill is temporarily unavailable (it cannot reach its database). Please try again in a minute.';
