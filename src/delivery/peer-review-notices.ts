import type { WebClient } from '@slack/web-api';
import type { Database } from '../db/client.ts';
import { findDrill } from '../db/repositories/drills.ts';
import { claimPeerReply, setPeerReplyTs } from '../db/repositories/peer-reviews.ts';
import type { PeerReview } from '../db/schema/index.ts';
import type { Person } from '../drills/person.ts';
import type { SlackMessage } from '../views/drill-message.ts';
import { peerRequestClosedMessage, type RequestClosed } from '../views/peer-request.ts';

/** The author of a request, as a person: their rows are read with it. */
export const authorOf = (r: Pick<PeerReview, 'teamId' | 'authorId'>): Person => ({
  teamId: r.teamId,
  userId: r.authorId,
});

/**
 * The colleague's DM once the request closes: the answer is no longer shown and no button is left. Nothing
 * to do when the DM was never posted. Rejects with Slack's error.
 */
export async function closeRequestDm(
  slack: WebClient,
  request: Pick<PeerReview, 'authorId' | 'questionText' | 'dmChannel' | 'dmTs'>,
  closed: RequestClosed,
): Promise<void> {
  if (!request.dmChannel || !request.dmTs) return;
  await slack.chat.update({
    channel: request.dmChannel,
    ts: request.dmTs,
    ...peerRequestClosedMessage({ authorId: request.authorId, questionText: request.questionText, closed }),
  });
}

/** A note in the author's drill thread (not the closing reply: no claim). False when the drill has no thread. */
export async function postInAuthorThread(
  db: Database,
  slack: WebClient,
  request: Pick<PeerReview, 'teamId' | 'authorId' | 'drillId'>,
  message: SlackMessage,
): Promise<boolean> {
  const drill = await findDrill(db, authorOf(request), request.drillId);
  if (!drill?.channelId || !drill.messageTs) return false;
  await slack.chat.postMessage({ channel: drill.channelId, thread_ts: drill.messageTs, ...message });
  return true;
}

/**
 * The request's closing reply in the author's thread (the review, a decline, an expiry): posted exactly once
 * whoever gets there first (claim -> post -> store; the claim given back when Slack refuses).
 */
export async function closingReplyToAuthor(
  db: Database,
  slack: WebClient,
  request: Pick<PeerReview, 'id' | 'teamId' | 'authorId' | 'drillId'>,
  message: SlackMessage,
  at: Date,
): Promise<void> {
  const author = authorOf(request);
  const drill = await findDrill(db, author, request.drillId);
  if (!drill?.channelId || !drill.messageTs) return;
  if (!(await claimPeerReply(db, author, request.id, at))) return;
  try {
    const posted = await slack.chat.postMessage({
      channel: drill.channelId,
      thread_ts: drill.messageTs,
      ...message,
    });
    await setPeerReplyTs(db, author, request.id, posted.ts ?? null);
  } catch (err) {
    await setPeerReplyTs(db, author, request.id, null);
    throw err;
  }
}
