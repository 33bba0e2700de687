import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { peerCopiesOf } from '../../../db/repositories/peer-reviews.ts';
import { deleteUserData } from '../../../db/repositories/progress.ts';
import { plainReply } from '../../../views/command-replies.ts';
import { DELETED_REPLY } from '../../../views/progress-replies.ts';
import { noticeModal } from '../../../views/star-modal.ts';
import type { RequestContext } from '../../context.ts';
import { publishHome } from '../../home-tab.ts';
import { deleteSubmissionSchema } from '../../parse-payloads.ts';
import { type PeerCopies, tellDeleted } from '../../peer-review.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { tellEphemerally } from '../busy-reply.ts';
import { changeInTime } from './change-in-time.ts';

/** Slack waits 3 s for the answer to a submission: at most this long, less when the request came late. */
const DELETE_BUDGET_MS = 2_200;

const NOT_DELETED =
  ':warning: Star Drill could not delete your data just now (its database is unreachable or slow), so nothing was deleted. Please try again in a minute with `/star delete`.';
const BUSY_NOT_DELETED =
  ':hourglass_flowing_sand: Star Drill is busy right now, so nothing was deleted. Please try again in a minute with `/star delete`.';
/** The delete's COMMIT was on its way when the time ran out: it may have landed (commit-in-time.ts). */
const DELETE_IN_DOUBT =
  ':warning: Star Drill could not confirm in time whether your data was deleted (its database answered too slowly). `/star history` shows whether anything is left; if it is, run `/star delete` again.';

/**
 * The delete confirmation submitted: every row about the user goes, in one transaction, in the work queue
 * (change-in-time.ts). The modal then says it is done, that nothing was deleted (busy, failed, or rolled back
 * at the deadline) or, when the COMMIT was still on its way, that it could not be confirmed; when that answer
 * may come too late for Slack to show it, the DM says it too. Done, the Home tab is published again, empty.
 */
export function confirmDelete(ctx: RequestContext) {
  return async ({ ack, body, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const deadline = slackDeadlineOf(context);
    const submission = deleteSubmissionSchema.parse(body);
    const userId = submission.user.id;
    const log = ctx.log.child({ user: userId });
    // What colleagues hold of this person's (shared answers, reviews given): updated once the rows are gone.
    let copies: PeerCopies = { asked: [], given: [], received: [] };
    const { outcome, late } = await changeInTime(ctx, {
      deadline,
      budgetMs: DELETE_BUDGET_MS,
      change: async (tx) => {
        copies = await peerCopiesOf(tx, ctx.person(userId));
        await deleteUserData(tx, ctx.person(userId));
      },
      onError: (err) => log.error({ err }, 'could not delete a user’s data'),
    });
    const text = {
      committed: DELETED_REPLY.text,
      busy: BUSY_NOT_DELETED,
      rolledBack: NOT_DELETED,
      inDoubt: DELETE_IN_DOUBT,
    }[outcome.kind];
    await ack({ response_action: 'update', view: noticeModal('Delete your data', text) });
    if (outcome.kind !== 'committed') {
      if (late) await tellEphemerally(ctx, { userId, log }, plainReply(text));
      return;
    }
    log.info('user data deleted');
    await publishHome(ctx, userId, { opened: true });
    await tellDeleted(ctx, ctx.person(userId), copies);
  };
}
