import { endSubscription } from '../../../../db/repositories/subscriptions.ts';
import { unsubscribedReply } from '../../../../views/subscription-replies.ts';
import type { Subcommand } from './subcommand.ts';

/** `/star unsubscribe`: stops the daily drills; drills and answers stay. Not subscribed: says so. */
export const unsubscribe: Subcommand = ({ ctx, command }) => ({
  later: async () => {
    const ended = await endSubscription(ctx.db, ctx.person(command.user_id));
    if (ended) ctx.log.info({ user: command.user_id }, 'unsubscribed');
    return unsubscribedReply(ended);
  },
});
