/**
 * `/star export`'s peer review part: the colleagues the person asked (and what they said), and the reviews
 * they gave. Comments are people's own words: fenced, like answers (export.ts).
 */
import {
  overallRating,
  PEER_CRITERIA,
  PEER_CRITERION_LABELS,
  type PeerRatings,
  type PeerReviewStatus,
  ratingLabel,
} from '../drills/peer-review.ts';

export interface ExportPeerRequest {
  /** The colleague asked (their Slack user id). */
  reviewerId: string;
  topicTitle: string;
  questionText: string;
  askedAt: Date;
  status: PeerReviewStatus;
  ratings: PeerRatings | null;
  comment: string | null;
  ofEarlierVersion: boolean;
}

export interface ExportPeerReview {
  /** Whose answer (their Slack user id). */
  authorId: string;
  topicTitle: string;
  questionText: string;
  reviewedAt: Date;
  ratings: PeerRatings;
  comment: string | null;
}

export interface ExportPeer {
  asked: readonly ExportPeerRequest[];
  given: readonly ExportPeerReview[];
}

const STATUS_WORDS: Record<PeerReviewStatus, string> = {
  pending: 'waiting for their review',
  reviewed: 'reviewed',
  declined: 'declined',
  expired: 'expired unanswered',
  withdrawn: 'withdrawn (you edited the answer)',
};

function ratingLines(ratings: PeerRatings): string[] {
  return [
    `**Overall:** ${ratingLabel(overallRating(ratings))}`,
    '',
    ...PEER_CRITERIA.map((c) => `- ${PEER_CRITERION_LABELS[c]}: ${ratings[c]}/5`),
    '',
  ];
}

/** The peer review sections of the export; empty when the person neither asked nor reviewed. */
export function peerExportSections(
  peer: ExportPeer,
  fmt: { day: (at: Date) => string; inline: (text: string) => string; fenced: (text: string) => string },
): string[] {
  const out: string[] = [];
  if (peer.asked.length > 0) {
    out.push('---', '', '# Colleagues you asked for a review', '');
    for (const r of peer.asked) {
      out.push(
        `## ${fmt.day(r.askedAt)} · ${fmt.inline(r.topicTitle)}`,
        '',
        `**Question:** ${fmt.inline(r.questionText)}`,
        '',
        `**Asked:** Slack user ${fmt.inline(r.reviewerId)} · **Status:** ${STATUS_WORDS[r.status]}`,
        '',
      );
      if (r.ratings) out.push(...ratingLines(r.ratings));
      if (r.ofEarlierVersion) out.push('_This review was of an earlier version of your answer._', '');
      if (r.comment) out.push('**Comment:**', '', fmt.fenced(r.comment), '');
    }
  }
  if (peer.given.length > 0) {
    out.push('---', '', '# Reviews you gave', '');
    for (const r of peer.given) {
      out.push(
        `## ${fmt.day(r.reviewedAt)} · ${fmt.inline(r.topicTitle)}`,
        '',
        `**Question:** ${fmt.inline(r.questionText)}`,
        '',
        `**Answer by:** Slack user ${fmt.inline(r.authorId)}`,
        '',
        ...ratingLines(r.ratings),
      );
      if (r.comment) out.push('**Your comment:**', '', fmt.fenced(r.comment), '');
    }
  }
  return out;
}
