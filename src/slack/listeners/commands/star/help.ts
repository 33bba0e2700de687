import { helpReply, topicsReply } from '../../../views/command-replies.ts';
import type { Subcommand } from './subcommand.ts';

export const help: Subcommand = ({ ctx }) => ({
  ack: helpReply(ctx.bank.topics, (q) => ctx.bank.findTopic(q)),
});

export const topics: Subcommand = ({ ctx }) => ({
  ack: topicsReply(ctx.bank.topics, (q) => ctx.bank.findTopic(q)),
});
