import {
  claimRequestDm,
  deleteRequest,
  type peerCopiesOf,
  releaseRequestDm,
  requestsMadeBy,
  reviewsGivenBy,
  setRequestDm,
} from '../db/repositories/peer-reviews.ts';
import type { PeerReview } from '../db/schema/index.ts';
import {
  authorOf,
  closeRequestDm,
  closingReplyToAuthor,
  postInAuthorThread,
} from '../delivery/peer-review-notices.ts';
import { PEER_CRITERIA, type PeerRatings } from '../drills/peer-review.ts';
import type { Person } from '../drills/person.ts';
import type { StarAnswer } from '../drills/star-answer.ts';
import type { ExportPeer } from '../progress/peer-export.ts';
import { peerRequestMessage, type SharedAnswer } from '../views/peer-request.ts';
import { peerNoticeReply, peerReviewReply } from '../views/peer-review.ts';
import type { RequestContext } from './context.ts';
import { publishHome } from './home-tab.ts';

/** What the colleague is shown of a request: the snapshot stored with it, nothing read from the drill now. */
export function sharedOf(ctx: Pick<RequestContext, 'bank'>, r: PeerReview): SharedAnswer | undefined {
  if (r.situation === null || r.task === null || r.action === null || r.result === null) return undefined;
  const answer: StarAnswer = { situation: r.situation, task: r.task, action: r.action, result: r.result };
  return {
    authorId: r.authorId,
    topicTitle: ctx.bank.topic(r.topicSlug)?.title ?? r.topicSlug,
    questionText: r.questionText,
    answer,
    score: r.sharedScore,
    note: r.note,
  };
}

/** The review's four ratings, or null before it is reviewed. */
function ratingsOf(r: PeerReview): PeerRatings | null {
  const values = PEER_CRITERIA.map((c) => r[c]);
  if (values.some((v) => v === null)) return null;
  return Object.fromEntries(PEER_CRITERIA.map((c) => [c, r[c]])) as PeerRatings;
}

/** `/star export`: the requests the person made and the reviews they gave. */
export async function peerExportOf(
  ctx: Pick<RequestContext, 'db' | 'bank'>,
  who: Person,
): Promise<ExportPeer> {
  const [asked, given] = await Promise.all([requestsMadeBy(ctx.db, who), reviewsGivenBy(ctx.db, who)]);
  const title = (slug: string) => ctx.bank.topic(slug)?.title ?? slug;
  return {
    asked: asked.map((r) => ({
      reviewerId: r.reviewerId,
      topicTitle: title(r.topicSlug),
      questionText: r.questionText,
      askedAt: r.createdAt,
      status: r.status,
      ratings: ratingsOf(r),
      comment: r.comment,
      ofEarlierVersion: r.ofEarlierVersion,
    })),
    given: given.flatMap((r) => {
      const ratings = ratingsOf(r);
      return ratings
        ? [
            {
              authorId: r.authorId,
              topicTitle: title(r.topicSlug),
              questionText: r.questionText,
              reviewedAt: r.closedAt ?? r.createdAt,
              ratings,
              comment: r.comment,
            },
          ]
        : [];
    }),
  };
}

/**
 * After a request is stored: the colleague's DM, exactly once per request (a claim on the row: a retried
 * submission or a second replica finds it taken), then a note in the author's thread. When Slack refuses
 * the DM, the request is dropped (it reached no one) and the author is told it was not sent.
 */
export async function sendPeerRequest(ctx: RequestContext, request: PeerReview): Promise<void> {
  const author = authorOf(request);
  const log = ctx.log.child({ user: author.userId, peerRequest: request.id });
  const shared = sharedOf(ctx, request);
  if (!shared || !(await claimRequestDm(ctx.db, author, request.id, ctx.clock.now()))) return;
  const slack = ctx.slack.interactive;
  try {
    const posted = await slack.chat.postMessage({
      channel: request.reviewerId,
      ...peerRequestMessage(request.id, shared),
    });
    if (!posted.channel || !posted.ts) throw new Error('chat.postMessage returned no channel or ts');
    await setRequestDm(ctx.db, author, request.id, posted.channel, posted.ts);
    log.info('peer review requested');
  } catch (err) {
    await ctx.tokens.report(err, ctx.teamId).catch(() => undefined);
    log.error({ err }, 'could not DM the colleague a review request; the request is dropped');
    await releaseRequestDm(ctx.db, author, request.id).catch(() => undefined);
    await deleteRequest(ctx.db, author, request.id).catch(() => undefined);
    await postInAuthorThread(ctx.db, slack, request, peerNoticeReply('not_sent', request.reviewerId)).catch(
      (e: unknown) => log.warn({ err: e }, 'could not tell the author the request was not sent'),
    );
    return;
  }
  await postInAuthorThread(ctx.db, slack, request, peerNoticeReply('sent', request.reviewerId)).catch(
    (err: unknown) => log.warn({ err }, 'could not note the sent request in the author’s thread'),
  );
}

/** After a review is stored: the author reads it in the drill's thread, the DM says thanks, Home updates. */
export async function deliverReview(ctx: RequestContext, review: PeerReview): Promise<void> {
  const log = ctx.log.child({ peerRequest: review.id });
  const ratings = ratingsOf(review);
  if (!ratings) return;
  const slack = ctx.slack.interactive;
  await closingReplyToAuthor(
    ctx.db,
    slack,
    review,
    peerReviewReply({
      reviewerId: review.reviewerId,
      ratings,
      comment: review.comment,
      ofEarlierVersion: review.ofEarlierVersion,
    }),
    ctx.clock.now(),
  ).catch((err: unknown) => log.error({ err }, 'review stored, but Slack refused it in the author’s thread'));
  await closeRequestDm(slack, review, 'reviewed').catch((err: unknown) =>
    log.warn({ err }, 'could not update the colleague’s DM after their review'),
  );
  await publishHome(ctx, review.authorId);
}

/** After a decline: the author is told kindly in the thread, and the DM says it was declined. */
export async function deliverDecline(ctx: RequestContext, declined: PeerReview): Promise<void> {
  const log = ctx.log.child({ peerRequest: declined.id });
  const slack = ctx.slack.interactive;
  await closingReplyToAuthor(
    ctx.db,
    slack,
    declined,
    peerNoticeReply('declined', declined.reviewerId),
    ctx.clock.now(),
  ).catch((err: unknown) => log.warn({ err }, 'could not tell the author of a decline'));
  await closeRequestDm(slack, declined, 'declined').catch((err: unknown) =>
    log.warn({ err }, 'could not update the colleague’s DM after a decline'),
  );
}

/** The answer was edited: each colleague's DM of a withdrawn request says so and no longer shows it. */
export async function tellWithdrawn(ctx: RequestContext, withdrawn: readonly PeerReview[]): Promise<void> {
  for (const request of withdrawn) {
    await closeRequestDm(ctx.slack.interactive, request, 'withdrawn').catch((err: unknown) =>
      ctx.log.warn({ err, peerRequest: request.id }, 'could not withdraw a colleague’s copy'),
    );
  }
}

export type PeerCopies = Awaited<ReturnType<typeof peerCopiesOf>>;

/**
 * After `/star delete`: the person's open requests are withdrawn from their colleagues' DMs, the requests they
 * were sent no longer show the answer in their own DM, and the reviews they gave are removed from the authors'
 * threads. The rows are gone already (they hang from the user row).
 */
export async function tellDeleted(ctx: RequestContext, who: Person, copies: PeerCopies): Promise<void> {
  const slack = ctx.slack.interactive;
  const log = ctx.log.child({ user: who.userId });
  for (const request of copies.asked) {
    await closeRequestDm(slack, request, 'deleted').catch((err: unknown) =>
      log.warn({ err }, 'could not withdraw a request from a colleague’s DM'),
    );
  }
  for (const request of copies.received) {
    await closeRequestDm(slack, request, 'you_deleted').catch((err: unknown) =>
      log.warn({ err }, 'could not withdraw a request from the person’s own DM'),
    );
  }
  for (const { request, channelId } of copies.given) {
    if (request.status !== 'reviewed' || !channelId || !request.replyTs) continue;
    await slack.chat
      .update({ channel: channelId, ts: request.replyTs, ...peerNoticeReply('removed', request.reviewerId) })
      .catch((err: unknown) => log.warn({ err }, 'could not remove a review from an author’s thread'));
    await publishHome(ctx, request.authorId);
  }
}
