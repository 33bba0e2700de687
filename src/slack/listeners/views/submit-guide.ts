import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { checkGuide } from '../../../bank/check-guide.ts';
import { saveGuideDraft } from '../../../db/repositories/guides.ts';
import { guidePreviewModal, guideProblemsText, guideReplies } from '../../../views/guide.ts';
import {
  ACTION_GUIDE_FILE,
  ACTION_GUIDE_TEXT,
  BLOCK_GUIDE_FILE,
  BLOCK_GUIDE_TEXT,
  VIEW_GUIDE_UPLOAD,
} from '../../../views/ids.ts';
import type { RequestContext } from '../../context.ts';
import { readGuideFile } from '../../guide-file.ts';
import { viewSubmission } from '../../parse-payloads.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { isWorkspaceAdmin } from '../../workspace-admin.ts';
import { LATE_NOTICE, saveSubmission } from './save-submission.ts';

/** Slack's file_input state: `{ type: 'file_input', files: [{ id, name, ... }] }`. */
const fileInput = z.object({ files: z.array(z.object({ id: z.string().min(1).max(64) }).loose()).nullish() });
const guideUploadSchema = viewSubmission(z.literal(VIEW_GUIDE_UPLOAD)).extend({
  view: z.object({
    state: z.object({
      values: z
        .object({
          [BLOCK_GUIDE_FILE]: z.object({ [ACTION_GUIDE_FILE]: fileInput.loose() }).optional(),
          [BLOCK_GUIDE_TEXT]: z
            .object({ [ACTION_GUIDE_TEXT]: z.object({ value: z.string().nullish() }).loose() })
            .optional(),
        })
        .loose(),
    }),
  }),
});

/**
 * The upload modal's **Check guide**: the file (files.info, then its url_private) or the pasted text is checked
 * whole (bank/check-guide.ts). Any problem is a field error listing every one by line, the modal keeps what was
 * given and nothing is stored. A valid guide is kept as a draft and the modal becomes its preview, whose
 * **Use this guide** applies it (apply-guide.ts). Only admins: a forged submission is refused the same way.
 */
export function submitGuide(ctx: RequestContext) {
  return async ({ ack, body, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const deadline = slackDeadlineOf(context);
    const submission = guideUploadSchema.parse(body);
    const userId = submission.user.id;
    const values = submission.view.state.values;
    const fileId = values[BLOCK_GUIDE_FILE]?.[ACTION_GUIDE_FILE]?.files?.[0]?.id;
    const pasted = values[BLOCK_GUIDE_TEXT]?.[ACTION_GUIDE_TEXT]?.value ?? '';
    const errorBlock = fileId ? BLOCK_GUIDE_FILE : BLOCK_GUIDE_TEXT;
    // The guide's text is the admin's: only counts are logged.
    const log = ctx.log.child({ user: userId });
    const refuse = (error: string) => ack({ response_action: 'errors', errors: { [errorBlock]: error } });

    if (!fileId && pasted.trim() === '') return refuse(guideReplies.noneGiven);
    if (fileId && pasted.trim() !== '') return refuse(guideReplies.both);
    const admin = await isWorkspaceAdmin(ctx, userId);
    if (admin !== true) {
      return refuse((admin === 'unknown' ? guideReplies.cannotCheckAdmin : guideReplies.notAdmin).text);
    }
    let markdown = pasted;
    if (fileId) {
      const file = await readGuideFile(ctx, fileId, log);
      if (!file.ok) return refuse(file.error);
      markdown = file.text;
    }
    const { problems, warnings, checked } = checkGuide(markdown, 'upload');
    if (!checked) {
      log.info({ problems: problems.length, from: fileId ? 'file' : 'paste' }, 'guide upload refused');
      return refuse(guideProblemsText(problems));
    }
    let preview: ModalView | undefined;
    await saveSubmission(ctx, {
      // Called once the draft is saved (then `preview` is set), or with the refusal.
      ack: (response?: Parameters<typeof ack>[0]) =>
        ack(response ?? (preview ? { response_action: 'update', view: preview } : undefined)),
      deadline,
      userId,
      log,
      errorBlock,
      lateNotice: LATE_NOTICE.guide,
      save: async (tx) => {
        const draftId = await saveGuideDraft(tx, { teamId: ctx.teamId, userId, markdown }, ctx.clock.now());
        const { guide, bank } = checked;
        preview = guidePreviewModal({ title: guide.title, topics: bank.topics, warnings, draftId });
        return { ok: true, saved: undefined };
      },
      after: async () => {},
    });
  };
}
