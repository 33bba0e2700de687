import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { findRequestForReviewer, recordReview } from '../../../db/repositories/peer-reviews.ts';
import type { PeerReview } from '../../../db/schema/index.ts';
import { checkReview, PEER_CRITERIA } from '../../../drills/peer-review.ts';
import { ACTION_PEER_COMMENT, BLOCK_PEER_COMMENT } from '../../../views/ids.ts';
import { peerRatingBlock } from '../../../views/peer-review.ts';
import { noticeModal } from '../../../views/star-modal.ts';
import type { RequestContext } from '../../context.ts';
import { chosenRatings, reviewSubmissionSchema } from '../../peer-payloads.ts';
import { deliverReview } from '../../peer-review.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { closedRequestNotice } from '../actions/peer-request.ts';
import { parseDrillId } from '../drill-access.ts';
import { saveSubmission } from './save-submission.ts';

const LATE_REVIEW =
  ':hourglass_flowing_sand: Star Drill was too busy to save your review in time, so it was *not sent*. Your ratings are still in the modal while it stays open: press *Send review* again in a minute.';
const SENT =
  ':white_check_mark: Thank you: your review is saved and goes to them now, in the thread of their answer.';

/**
 * The review modal submitted: a missing or forged rating is a field error (nothing stored); the review is
 * stored once per request (a second submission finds it closed and is told so), then the author reads it in
 * the drill's thread.
 */
export function submitReview(ctx: RequestContext) {
  return async ({ ack, body, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const deadline = slackDeadlineOf(context);
    const submission = reviewSubmissionSchema.parse(body);
    const who = ctx.person(submission.user.id);
    const log = ctx.log.child({ user: who.userId, peerRequest: submission.view.private_metadata });
    const checked = checkReview(
      chosenRatings(body),
      submission.view.state.values[BLOCK_PEER_COMMENT]?.[ACTION_PEER_COMMENT]?.value,
    );
    if (!checked.ok) {
      const errors = Object.fromEntries(
        Object.entries(checked.errors).map(([field, error]) => [
          field === 'comment' ? BLOCK_PEER_COMMENT : peerRatingBlock(field as (typeof PEER_CRITERIA)[number]),
          error,
        ]),
      );
      await ack({ response_action: 'errors', errors });
      return;
    }
    const id = parseDrillId(submission.view.private_metadata);
    await saveSubmission<PeerReview>(ctx, {
      ack: (response?: Parameters<typeof ack>[0]) =>
        ack(response ?? { response_action: 'update', view: noticeModal('Review an answer', SENT) }),
      deadline,
      userId: who.userId,
      log,
      errorBlock: peerRatingBlock(PEER_CRITERIA[0]),
      lateNotice: LATE_REVIEW,
      save: async (tx) => {
        const stored =
          id === undefined ? undefined : await recordReview(tx, who, id, { ...checked, at: ctx.clock.now() });
        if (stored) return { ok: true, saved: stored };
        const request = id === undefined ? undefined : await findRequestForReviewer(tx, who, id);
        return { ok: false, error: closedRequestNotice(request) };
      },
      after: async (review) => {
        log.info('peer review given');
        await deliverReview(ctx, review);
      },
    });
  };
}
