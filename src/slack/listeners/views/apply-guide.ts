import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { checkGuide } from '../../../bank/check-guide.ts';
import { findGuideDraft } from '../../../db/repositories/guides.ts';
import { withTimeout } from '../../../timeout.ts';
import { guideAppliedModal, guideReplies } from '../../../views/guide.ts';
import { VIEW_GUIDE_PREVIEW } from '../../../views/ids.ts';
import { noticeModal } from '../../../views/star-modal.ts';
import type { RequestContext } from '../../context.ts';
import { changeGuide } from '../../guide-change.ts';
import { viewSubmission } from '../../parse-payloads.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { isWorkspaceAdmin } from '../../workspace-admin.ts';

const guidePreviewSchema = viewSubmission(z.literal(VIEW_GUIDE_PREVIEW));

/** Kept free before Slack's deadline for the answer to travel back. */
const ACK_MARGIN_MS = 400;

const NOT_CHANGED =
  'Star Drill could not store the guide just now, so nothing was changed. Upload it again in a minute.';

class TooLate extends Error {}

/**
 * The preview's **Use this guide**: the draft (the admin's own, checked again) becomes the workspace's next
 * guide version. The change commits before Slack's deadline or is rolled back, so the modal's "now drills"
 * or "nothing was changed" is true. The preview has no input to hang a field error on: every answer replaces
 * the modal with what happened.
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

    let late = false;
    const change = ctx.db
      .transaction(async (tx) => {
        const result = await changeGuide(ctx, {
          db: tx,
          setBy: userId,
          markdown,
          next: checked.bank,
          draftId,
        });
        if (late) throw new TooLate();
        return result;
      })
      .catch((err: unknown) => {
        if (!(err instanceof TooLate)) log.error({ err }, 'could not store the workspace guide');
        return undefined;
      });
    const budget = Math.max(0, deadline - ACK_MARGIN_MS - performance.now());
    const changed = await withTimeout(change, budget, () => {
      late = true;
      return undefined;
    });
    if (!changed) return tell(NOT_CHANGED);
    log.info({ version: changed.version, topics: checked.bank.topics.length }, 'workspace guide changed');
    await ack({
      response_action: 'update',
      view: guideAppliedModal(checked.guide.title, checked.bank.topics.length),
    });
    await changed.tellFallenBack();
  };
}
