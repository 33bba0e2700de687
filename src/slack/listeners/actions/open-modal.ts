import type { ModalView } from '@slack/types';
import { withTimeout } from '../../../timeout.ts';
import { noticeModal } from '../../../views/star-modal.ts';
import type { RequestContext } from '../../context.ts';
import { type Respond, tellBusy } from '../busy-reply.ts';

/**
 * A trigger_id lives 3 s and works once. If the modal's data loads within this budget (and the trigger has
 * the time) the modal opens complete; otherwise a loading modal opens at once and is filled with views.update
 * when the data arrives.
 */
const LOAD_BUDGET_MS = 800;
/**
 * The time views.open needs to reach Slack and be answered, with a margin: a click whose work cannot start
 * this long before its trigger expires is told "busy" ephemerally instead of opening anything.
 */
const OPEN_NEEDS_MS = 800;

/**
 * Opens the modal a button asks for, built from the database by `build` (which answers a notice modal itself
 * when the data is not the user's; when it cannot be read, the "unavailable" notice opens instead). Call it
 * right after the ack; it returns at once and the work runs in the bounded work queue. When the bot sheds the click, or its turn comes too late for the
 * trigger (`deadline`: trigger-deadline.ts), the person gets an ephemeral "busy, nothing was changed": a
 * decision taken from the time left on the trigger, not after a failed views.open.
 */
export async function openModalForClick(
  ctx: RequestContext,
  p: {
    triggerId: string;
    /** When the click's trigger expires (a performance.now() instant). */
    deadline: number;
    userId: string;
    /** The click's response_url (a button on a message); absent on the Home tab. */
    respond?: Respond;
    log: RequestContext['log'];
    title: string;
    /**
     * What `build` reads, for the log line when it fails ("could not load the role"): the person then gets
     * the "unavailable" notice in the modal instead.
     */
    loads: string;
    build: () => Promise<ModalView>;
  },
): Promise<void> {
  const busy = () => tellBusy(ctx, { userId: p.userId, respond: p.respond, log: p.log });
  const admission = ctx.work.admit('click');
  if (!admission) {
    await busy();
    return;
  }
  admission.run(() => open(ctx, p), { startBy: p.deadline - OPEN_NEEDS_MS, tooLate: busy });
}

async function open(ctx: RequestContext, p: Parameters<typeof openModalForClick>[1]): Promise<void> {
  const loading = p.build().catch((err: unknown) => {
    p.log.error({ err }, `could not load ${p.loads}`);
    return noticeModal('Star Drill', UNAVAILABLE_NOTICE);
  });
  // What the trigger leaves for loading; the loading modal opens in time either way.
  const budget = Math.min(LOAD_BUDGET_MS, p.deadline - OPEN_NEEDS_MS - performance.now());
  const early = await withTimeout(loading, Math.max(0, budget), () => undefined);
  try {
    if (early) {
      await ctx.slack.modal.views.open({ trigger_id: p.triggerId, view: early });
      return;
    }
    const opened = await ctx.slack.modal.views.open({
      trigger_id: p.triggerId,
      view: noticeModal(p.title, ':hourglass_flowing_sand: Loading…'),
    });
    const view = await loading;
    if (!opened.view?.id) throw new Error('views.open returned no view id');
    await ctx.slack.modal.views.update({ view_id: opened.view.id, hash: opened.view.hash, view });
  } catch (err) {
    if (slackError(err) === 'expired_trigger_id') {
      // The time left was judged enough, yet the call reached Slack too late (a machine starved of CPU):
      // the person still hears that nothing happened.
      p.log.warn('the trigger expired before the modal could open; told the user busy');
      await tellBusy(ctx, { userId: p.userId, respond: p.respond, log: p.log });
      return;
    }
    await ctx.tokens.report(err, ctx.teamId).catch(() => undefined);
    p.log.error({ err }, 'could not open the modal');
  }
}

/** Slack's error code of a failed Web API call (`invalid_auth`, `expired_trigger_id`...), if it is one. */
function slackError(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

export const UNAVAILABLE_NOTICE =
  ':warning: Star Drill is temporarily unavailable (it cannot reach its database). Please try again in a minute.';
