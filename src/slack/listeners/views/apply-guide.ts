import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { checkGuide } from '../../../bank/check-guide.ts';
import { findGuideDraft } from '../../../db/repositories/guides.ts';
import { plainReply } from '../../../views/command-replies.ts';
import { guideAppliedModal, guideReplies } from '../../../views/guide.ts';
import { VIEW_GUIDE_PREVIEW } from '../../../views/ids.ts';
import { noticeModal } from '../../../views/star-modal.ts';
import type { RequestContext } from '../../context.ts';
import { changeGuide } from '../../guide-change.ts';
import { viewSubmission } from '../../parse-payloads.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { isWorkspaceAdmin } from '../../workspace-admin.ts';
import { tellEphemerally } from '../busy-reply.ts';
import { changeInTime } from './change-in-time.ts';

const guidePreviewSchema = viewSubmission(z.literal(VIEW_GUIDE_PREVIEW));

const NOT_CHANGED =
  'Star Drill could not store the guide just now, so nothing was changed. Upload it again in a minute.';
const BUSY_NOT_CHANGED =
  ':hourglass_flowing_sand: Star Drill is busy right now, so the guide was not changed. Upload it again in a minute.';
/** The change's COMMIT was on its way when the time ran out: it may have landed (commit-in-time.ts). */
const GUIDE_IN_DOUBT =
  'Star Drill could not confirm in time whether the guide was changed (its database answered too slowly). `/star guide` shows the guide in use; if it is not yours, upload it again.';

/**
 * The preview's **Use this guide**: the draft (the admin's own, checked again) becomes the workspace's next
 * guide version. The change runs in the work queue and commits before Slack's deadline or is rolled back
 * (change-in-time.ts), so the modal's "now drills", "busy" or "nothing was changed" is true, and a COMMIT
 * still on its way is said to be unconfirmed. The preview has no input to hang a field error on: every answer
 * replaces the modal with what happened, and one that may come too late for Slack to show goes to the DM too.
 */
export function applyGuideSubmission(ctx: RequestContext) {
  return async ({ ack, body, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const deadline = slackDeadlineOf(context);
    const submission = guidePreviewSchema.parse(body);
    const userId = submission.user.id;
    const log = ctx.log.child({ user: userId });
    const tell = (text: string) =>
      ack({ response_action: 'update', view: noticeModal('Upload a guide', text) });

    const admin = await isWorkspaceAdmin(ctx, userId);
    if (admin !== true) {
      return tell((admin === 'unknown' ? guideReplies.cannotCheckAdmin : guideReplies.notAdmin).text);
    }
    const draftId = Number(submission.view.private_metadata);
    const markdown = Number.isSafeInteger(draftId)
      ? await findGuideDraft(ctx.db, { teamId: ctx.teamId, userId, id: draftId })
      : undefined;
    const checked = markdown === undefined ? undefined : checkGuide(markdown, 'upload').checked;
    if (markdown === undefined || !checked) return tell(guideReplies.draftGone);

    const { outcome, late } = await changeInTime(ctx, {
      deadline,
      // Only Slack's deadline bounds it: a guide's topics and questions are many rows.
      budgetMs: Number.POSITIVE_INFINITY,
      change: (tx) => changeGuide(ctx, { db: tx, setBy: userId, markdown, next: checked.bank, draftId }),
      onError: (err) => log.error({ err }, 'could not store the workspace guide'),
    });
    if (outcome.kind !== 'committed') {
      const text = { busy: BUSY_NOT_CHANGED, rolledBack: NOT_CHANGED, inDoubt: GUIDE_IN_DOUBT }[outcome.kind];
      await tell(text);
      if (late) await tellEphemerally(ctx, { userId, log }, plainReply(text));
      return;
    }
    const changed = outcome.value;
    log.info({ version: changed.version, topics: checked.bank.topics.length }, 'workspace guide changed');
    await ack({
      response_action: 'update',
      view: guideAppliedModal(checked.guide.title, checked.bank.topics.length),
    });
    await changed.tellFallenBack();
  };
}
