import { recentDrills } from '../../../../db/repositories/drills.ts';
import { historyReply } from '../../../../views/command-replies.ts';
import type { Subcommand } from './subcommand.ts';

/** `/star history`: the caller's own last 10 drills; the query is scoped to the caller's user id. */
export const history: Subcommand = ({ ctx, command }) => ({
  later: async () => {
    const rows = await recentDrills(ctx.db, command.user_id, 10);
    return historyReply(
      rows.map((r) => ({
        topicTitle: ctx.bank.topic(r.topicSlug)?.title ?? r.topicSlug,
        questionText: r.questionText,
        createdAt: r.createdAt,
        answeredAt: r.answeredAt,
      })),
    );
  },
});
