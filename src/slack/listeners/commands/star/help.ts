import { helpReply, tipsReply, topicsReply } from '../../../../views/command-replies.ts';
import type { Subcommand } from './subcommand.ts';

/**
 * The help text depends on the question bank alone, which never changes while the bot runs: built once per
 * bank, not on every `/star help` (it searches the bank for a keyword of each topic). It is the ack itself,
 * so its cost was paid inside the 3-second deadline, by every request of a burst.
 */
const helpByBank = new WeakMap<object, ReturnType<typeof helpReply>>();

export const help: Subcommand = ({ ctx }) => {
  let reply = helpByBank.get(ctx.bank);
  if (!reply) {
    reply = helpReply(ctx.bank.topics, (q) => ctx.bank.findTopic(q));
    helpByBank.set(ctx.bank, reply);
  }
  return { ack: reply };
};

export const topics: Subcommand = ({ ctx }) => ({
  ack: topicsReply(ctx.bank.topics, (q) => ctx.bank.findTopic(q)),
});

/** `/star tips`: the guide's Preparation Strategies, verbatim. */
export const tips: Subcommand = ({ ctx }) => ({ ack: tipsReply(ctx.bank.strategies) });
