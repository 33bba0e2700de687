import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { saveRole } from '../../../db/repositories/roles.ts';
import { checkRoleInput, joinDescription, type RoleField } from '../../../drills/role-input.ts';
import {
  ACTION_ROLE_INPUT,
  BLOCK_ROLE_COMPANY,
  BLOCK_ROLE_DESCRIPTION,
  BLOCK_ROLE_DESCRIPTION_MORE,
  BLOCK_ROLE_TITLE,
  COMMAND,
  VIEW_ROLE,
} from '../../../views/ids.ts';
import { escapeMrkdwn } from '../../../views/mrkdwn.ts';
import { noticeModal } from '../../../views/star-modal.ts';
import type { RequestContext } from '../../context.ts';
import { publishHome } from '../../home-tab.ts';
import { viewSubmission } from '../../parse-payloads.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { LATE_NOTICE, saveSubmission } from './save-submission.ts';

const roleSubmissionSchema = viewSubmission(z.literal(VIEW_ROLE));
const BLOCK_OF: Record<RoleField, string> = {
  title: BLOCK_ROLE_TITLE,
  company: BLOCK_ROLE_COMPANY,
  description: BLOCK_ROLE_DESCRIPTION,
};

/**
 * The role modal saved: an empty title or description, or text beyond the limits (a forged submission can
 * carry 50,000 characters), is a field error beside its field, the modal keeps the text and nothing is
 * stored. Saved, the modal says so; the next answers' feedback checks them against the role.
 */
export function submitRole(ctx: RequestContext) {
  return async ({ ack, body, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const deadline = slackDeadlineOf(context);
    const submission = roleSubmissionSchema.parse(body);
    const values = submission.view.state.values;
    const read = (block: string) => values[block]?.[ACTION_ROLE_INPUT]?.value ?? '';
    const checked = checkRoleInput({
      title: read(BLOCK_ROLE_TITLE),
      company: read(BLOCK_ROLE_COMPANY),
      description: joinDescription(read(BLOCK_ROLE_DESCRIPTION), read(BLOCK_ROLE_DESCRIPTION_MORE)),
    });
    if (!checked.ok) {
      const errors = Object.fromEntries(
        Object.entries(checked.errors).map(([field, error]) => [BLOCK_OF[field as RoleField], error]),
      );
      await ack({ response_action: 'errors', errors });
      return;
    }
    const who = ctx.person(submission.user.id);
    const { title, company } = checked.role;
    const said = `:briefcase: Saved: you are preparing for *${escapeMrkdwn(title)}*${company ? ` at *${escapeMrkdwn(company)}*` : ''}. The feedback on your next answers adds *Connects to the role*. \`${COMMAND} role off\` removes it.`;
    await saveSubmission(ctx, {
      ack: (response?: Parameters<typeof ack>[0]) =>
        ack(response ?? { response_action: 'update', view: noticeModal('The role', said) }),
      log: ctx.log.child({ user: who.userId }),
      deadline,
      userId: who.userId,
      errorBlock: BLOCK_ROLE_TITLE,
      lateNotice: LATE_NOTICE.role,
      save: async (tx) => {
        await saveRole(tx, who, checked.role, ctx.enterpriseId);
        return { ok: true, saved: undefined };
      },
      after: () => publishHome(ctx, who.userId),
    });
  };
}
