/**
 * Ask a colleague, the reviewing side: the review modal (four ratings, 1-5, and a comment), what the author
 * is told in the drill's thread (the review, a decline, an expiry), and the Home section of average peer
 * ratings per topic. The comment is the reviewer's words: escaped.
 */
import type { KnownBlock, ModalView } from '@slack/types';
import {
  EXPIRY_DAYS,
  MAX_COMMENT_CHARS,
  overallRating,
  PEER_CRITERIA,
  PEER_CRITERION_LABELS,
  PEER_RATING_VALUES,
  PEER_RATING_WORDS,
  type PeerCriterion,
  type PeerRatings,
  ratingLabel,
} from '../drills/peer-review.ts';
import type { SlackMessage } from './drill-message.ts';
import {
  ACTION_PEER_COMMENT,
  ACTION_PEER_RATING,
  BLOCK_HOME_PEER,
  BLOCK_PEER_COMMENT,
  BLOCK_PEER_RATING_PREFIX,
  VIEW_PEER_REVIEW,
} from './ids.ts';
import { clip, escapeClipped, escapeMrkdwn, quote } from './mrkdwn.ts';
import { mention } from './peer-request.ts';

export const peerRatingBlock = (c: PeerCriterion) => `${BLOCK_PEER_RATING_PREFIX}${c}`;

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text) } };
}

/** The review modal; `private_metadata` is the request id. */
export function peerReviewModal(p: { requestId: number; authorId: string; questionText: string }): ModalView {
  const options = PEER_RATING_VALUES.map((n) => ({
    text: { type: 'plain_text' as const, text: `${n}: ${PEER_RATING_WORDS[n]}` },
    value: String(n),
  }));
  return {
    type: 'modal',
    callback_id: VIEW_PEER_REVIEW,
    private_metadata: String(p.requestId),
    title: { type: 'plain_text', text: 'Review an answer' },
    submit: { type: 'plain_text', text: 'Send review' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      section(
        `Your review of ${mention(p.authorId)}'s answer to _${escapeClipped(p.questionText, 500)}_. From 1 (not at all) to 5 (clearly):`,
      ),
      ...PEER_CRITERIA.map(
        (c): KnownBlock => ({
          type: 'input',
          block_id: peerRatingBlock(c),
          label: { type: 'plain_text', text: PEER_CRITERION_LABELS[c] },
          element: {
            type: 'static_select',
            action_id: ACTION_PEER_RATING,
            placeholder: { type: 'plain_text', text: '1 to 5' },
            options,
          },
        }),
      ),
      {
        type: 'input',
        block_id: BLOCK_PEER_COMMENT,
        optional: true,
        label: { type: 'plain_text', text: 'Comment' },
        element: {
          type: 'plain_text_input',
          action_id: ACTION_PEER_COMMENT,
          multiline: true,
          max_length: MAX_COMMENT_CHARS,
          placeholder: { type: 'plain_text', text: 'What would make this answer stronger?' },
        },
      },
    ],
  };
}

/** The review, as the author reads it in the drill's thread. */
export function peerReviewReply(p: {
  reviewerId: string;
  ratings: PeerRatings;
  comment: string | null;
  ofEarlierVersion: boolean;
}): SlackMessage {
  const overall = ratingLabel(overallRating(p.ratings));
  const lines = PEER_CRITERIA.map((c) => `• ${PEER_CRITERION_LABELS[c]}: *${p.ratings[c]}/5*`);
  const blocks: KnownBlock[] = [
    section(
      `:busts_in_silhouette: *${mention(p.reviewerId)} reviewed your answer: ${overall} overall*\n${lines.join('\n')}`,
    ),
  ];
  if (p.comment)
    blocks.push(section(`*Their comment*\n${quote(escapeClipped(p.comment, MAX_COMMENT_CHARS, 2700))}`));
  if (p.ofEarlierVersion) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: ':information_source: This review is of an earlier version of your answer: you edited it after asking.',
        },
      ],
    });
  }
  return { text: `A colleague reviewed your answer: ${overall} overall.`, blocks };
}

export type PeerNotice = 'declined' | 'expired' | 'removed' | 'sent' | 'not_sent';

/** A short note to the author in the drill's thread. */
export function peerNoticeReply(kind: PeerNotice, reviewerId: string): SlackMessage {
  const who = mention(reviewerId);
  const text: Record<PeerNotice, string> = {
    sent: `:outbox_tray: Sent to ${who} for review. Their review will appear here; the request expires in ${EXPIRY_DAYS} days if unanswered.`,
    not_sent: `:warning: Star Drill could not reach ${who} on Slack just now, so your request was *not sent*. Try *Ask a colleague* again in a minute.`,
    declined: `:ok_hand: ${who} can't review this one right now, and that's fine. *Ask a colleague* again to ask someone else.`,
    expired: `:hourglass: Your request to ${who} expired after ${EXPIRY_DAYS} days without a review, so their copy was withdrawn. *Ask a colleague* again if you like.`,
    removed: `:wastebasket: ${who} deleted their Star Drill data, so their review was removed.`,
  };
  return { text: text[kind].replace(/\*/g, ''), blocks: [section(text[kind])] };
}

export interface PeerTopicRating {
  topicTitle: string;
  average: number;
  reviews: number;
}

/** Home: the average peer rating per topic, for topics with at least one review. */
export function peerRatingBlocks(rows: readonly PeerTopicRating[]): KnownBlock[] {
  if (rows.length === 0) return [];
  const lines = rows.map(
    (r) =>
      `• *${escapeMrkdwn(r.topicTitle)}*: ${ratingLabel(r.average)} from ${r.reviews} ${r.reviews === 1 ? 'review' : 'reviews'}`,
  );
  return [
    {
      type: 'section',
      block_id: BLOCK_HOME_PEER,
      text: { type: 'mrkdwn', text: clip(`*Peer reviews* · average rating per topic\n${lines.join('\n')}`) },
    },
    { type: 'divider' },
  ];
}
