import { recentDrills } from '../../../../db/repositories/drills.ts';
import { followUpsOfDrills } from '../../../../db/repositories/follow-ups.ts';
import { SELF_RATING_LABELS } from '../../../../drills/review-cards.ts';
import { historyReply } from '../../../../views/command-replies.ts';
import type { Subcommand } from './subcommand.ts';

/**
 * `/star history`: the caller's own last 10 drills with their score, rating and follow-ups practised; every
 * query is scoped to the caller's user id.
 */
export const history: Subcommand = ({ ctx, command }) => ({
  later: async () => {
    const who = ctx.person(command.user_id);
    const rows = await recentDrills(ctx.db, who, 10);
    const followUps = await followUpsOfDrills(
      ctx.db,
      who,
      rows.map((r) => r.id),
    );
    return historyReply(
      rows.map((r) => ({
        topicTitle: ctx.bank.topicTitle(r.topicSlug),
        questionText: r.questionText,
        createdAt: r.createdAt,
        answeredAt: r.answeredAt,
        score: r.score,
        rating: r.rating ? SELF_RATING_LABELS[r.rating] : null,
        followUps: (followUps.get(r.id) ?? []).map((f) => ({ number: f.number, score: f.score })),
      })),
    );
  },
});
