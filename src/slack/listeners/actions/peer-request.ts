import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { declineRequest, findRequestForReviewer } from '../../../db/repositories/peer-reviews.ts';
import type { PeerReview } from '../../../db/schema/index.ts';
import { EXPIRY_DAYS } from '../../../drills/peer-review.ts';
import { ephemeral, plainReply, UNAVAILABLE } from '../../../views/command-replies.ts';
import { ACTION_PEER_DECLINE } from '../../../views/ids.ts';
import { peerReviewModal } from '../../../views/peer-review.ts';
import { noticeModal } from '../../../views/star-modal.ts';
import type { RequestContext } from '../../context.ts';
import { peerRequestClickSchema } from '../../peer-payloads.ts';
import { deliverDecline } from '../../peer-review.ts';
import { slackDeadlineOf } from '../../trigger-deadline.ts';
import { BUSY_CLICK, CLICK_MAX_WAIT_MS, responseUrlOf } from '../busy-reply.ts';
import { parseDrillId } from '../drill-access.ts';
import { openModalForClick } from './open-modal.ts';

/** Why a request can no longer be reviewed or declined, said to the colleague; nothing changes. */
export function closedRequestNotice(request: PeerReview | undefined): string {
  switch (request?.status) {
    case 'reviewed':
      return 'You have reviewed this answer already; your review was sent. Thank you!';
    case 'declined':
      return 'You declined this request, and the author was told. Nothing more to do.';
    case 'expired':
      return `This request expired after ${EXPIRY_DAYS} days unanswered. Nothing more to do.`;
    case 'withdrawn':
      return 'The author edited their answer after asking, so this request was withdrawn. Nothing more to do.';
    default:
      return 'This request is not available any more (the author may have deleted their data). Nothing more to do.';
  }
}

/** Review and Decline in the colleague's DM. */
export function peerRequestClick(ctx: RequestContext) {
  return async (args: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    const { ack, body, context } = args;
    const deadline = slackDeadlineOf(context);
    await ack();
    const click = peerRequestClickSchema.parse(body);
    const who = ctx.person(click.user.id);
    const id = parseDrillId(click.actions[0]?.value);
    const log = ctx.log.child({ user: who.userId, peerRequest: click.actions[0]?.value });
    if (click.actions[0]?.action_id === ACTION_PEER_DECLINE) {
      await decline(ctx, { id, respond: responseUrlOf(args), log, who });
      return;
    }
    await openModalForClick(ctx, {
      triggerId: click.trigger_id,
      deadline,
      userId: who.userId,
      respond: responseUrlOf(args),
      log,
      title: 'Review an answer',
      loads: 'a review request',
      build: async (): Promise<ModalView> => {
        const request = id === undefined ? undefined : await findRequestForReviewer(ctx.db, who, id);
        if (request?.status !== 'pending')
          return noticeModal('Review an answer', closedRequestNotice(request));
        return peerReviewModal({
          requestId: request.id,
          authorId: request.authorId,
          questionText: request.questionText,
        });
      },
    });
  };
}

async function decline(
  ctx: RequestContext,
  p: {
    id: number | undefined;
    respond: ReturnType<typeof responseUrlOf>;
    log: RequestContext['log'];
    who: ReturnType<RequestContext['person']>;
  },
): Promise<void> {
  const tell = async (text: string) => {
    await p
      .respond?.(ephemeral(plainReply(text)))
      .catch((err: unknown) => p.log.warn({ err }, 'could not answer through response_url'));
  };
  const admission = ctx.work.admit('decline');
  if (!admission) {
    await tell(BUSY_CLICK);
    return;
  }
  admission.run(
    async () => {
      try {
        const declined =
          p.id === undefined ? undefined : await declineRequest(ctx.db, p.who, p.id, ctx.clock.now());
        if (!declined) {
          const request = p.id === undefined ? undefined : await findRequestForReviewer(ctx.db, p.who, p.id);
          await tell(closedRequestNotice(request));
          return;
        }
        p.log.info('peer review declined');
        await deliverDecline(ctx, declined);
      } catch (err) {
        p.log.error({ err }, 'could not decline a review request');
        await tell(UNAVAILABLE);
      }
    },
    { maxWaitMs: CLICK_MAX_WAIT_MS, tooLate: () => tell(BUSY_CLICK) },
  );
}
