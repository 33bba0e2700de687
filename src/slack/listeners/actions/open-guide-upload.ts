import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { guideReplies, guideUploadModal } from '../../../views/guide.ts';
import { ACTION_OPEN_GUIDE_UPLOAD } from '../../../views/ids.ts';
import { noticeModal } from '../../../views/star-modal.ts';
import type { RequestContext } from '../../context.ts';
import { buttonClick } from '../../parse-payloads.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { isWorkspaceAdmin } from '../../workspace-admin.ts';
import { responseUrlOf } from '../busy-reply.ts';
import { openModalForClick } from './open-modal.ts';

const openGuideUploadSchema = buttonClick(z.literal(ACTION_OPEN_GUIDE_UPLOAD));

/** `/star guide`'s Upload button (shown to admins): the upload modal, for an admin only (a click can be forged). */
export function openGuideUpload(ctx: RequestContext) {
  return async (args: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    const { ack, body, context } = args;
    const deadline = slackDeadlineOf(context);
    await ack();
    const click = openGuideUploadSchema.parse(body);
    await openModalForClick(ctx, {
      triggerId: click.trigger_id,
      deadline,
      userId: click.user.id,
      respond: responseUrlOf(args),
      log: ctx.log.child({ user: click.user.id }),
      title: 'Upload a guide',
      loads: 'whether they are a workspace admin',
      build: async () => {
        const admin = await isWorkspaceAdmin(ctx, click.user.id);
        if (admin === true) return guideUploadModal();
        const reply = admin === 'unknown' ? guideReplies.cannotCheckAdmin : guideReplies.notAdmin;
        return noticeModal('Upload a guide', reply.text);
      },
    });
  };
}
