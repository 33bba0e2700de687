import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { peerCopiesOf } from '../../../db/repositories/peer-reviews.ts';
import { deleteUserData } from '../../../db/repositories/progress.ts';
import { withTimeout } from '../../../timeout.ts';
import { DELETED_REPLY } from '../../../views/progress-replies.ts';
import { noticeModal } from '../../../views/star-modal.ts';
import type { RequestContext } from '../../context.ts';
import { publishHome } from '../../home-tab.ts';
import { deleteSubmissionSchema } from '../../parse-payloads.ts';
import { type PeerCopies, tellDeleted } from '../../peer-review.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';

/** Slack waits 3 s for the answer to a submission: at most this long, less when the request came late. */
const DELETE_BUDGET_MS = 2_200;
/** Kept free before Slack's deadline for the answer to travel back. */
const ACK_MARGIN_MS = 400;

const NOT_DELETED =
  ':warning: Star Drill could not delete your data just now (its database is unreachable or slow), so nothing was deleted. Please try again in a minute with `/star delete`.';

/**
 * The delete confirmation submitted: every row about the user goes, in one statement (one transaction). The
 * modal then says it is done, or that nothing was deleted; the Home tab is published again, empty.
 */
export function confirmDelete(ctx: RequestContext) {
  return async ({ ack, body, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const deadline = slackDeadlineOf(context);
    const submission = deleteSubmissionSchema.parse(body);
    const userId = submission.user.id;
    const log = ctx.log.child({ user: userId });
    let late = false;
    // What colleagues hold of this person's (shared answers, reviews given): updated once the rows are gone.
    let copies: PeerCopies = { asked: [], given: [], received: [] };
    const deleted = await withTimeout(
      ctx.db
        .transaction(async (tx) => {
          copies = await peerCopiesOf(tx, ctx.person(userId));
          const gone = await deleteUserData(tx, ctx.person(userId));
          // Past the budget the user is told nothing was deleted: roll back so that stays true.
          if (late) throw new Error('too late');
          return gone;
        })
        .then(
          () => true,
          (err: unknown) => {
            if (!late) log.error({ err }, 'could not delete a user’s data');
            return false;
          },
        ),
      Math.max(0, Math.min(DELETE_BUDGET_MS, deadline - ACK_MARGIN_MS - performance.now())),
      () => {
        late = true;
        return false;
      },
    );
    await ack({
      response_action: 'update',
      view: noticeModal('Delete your data', deleted ? DELETED_REPLY.text : NOT_DELETED),
    });
    if (deleted) {
      log.info('user data deleted');
      await publishHome(ctx, userId, { opened: true });
      await tellDeleted(ctx, ctx.person(userId), copies);
    }
  };
}
