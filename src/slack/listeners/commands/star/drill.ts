import type { Topic } from '../../../../bank/types.ts';
import { ensureUser } from '../../../../db/repositories/users.ts';
import { sendOnDemandDrill } from '../../../send-drill.ts';
import { plainReply } from '../../../views/command-replies.ts';
import type { Subcommand, SubcommandInput, SubcommandReply } from './subcommand.ts';

/** `/star random`: any topic, the least recently drilled first. */
export const random: Subcommand = (input) => drillOn(input, undefined);

/** `/star <topic>`: the caller resolved the topic already. */
export function drillOn({ ctx, command }: SubcommandInput, topic: Topic | undefined): SubcommandReply {
  return {
    later: async () => {
      await ensureUser(ctx.db, command.user_id, { teamId: command.team_id });
      const drill = await sendOnDemandDrill(ctx, command.user_id, topic ? [topic.slug] : []);
      // In the bot's DM the drill itself is the answer; anywhere else, say where it went.
      if (drill.channelId === command.channel_id) return undefined;
      const title = ctx.bank.topic(drill.topicSlug)?.title ?? drill.topicSlug;
      return plainReply(
        `:dart: Your *${title}* drill is waiting in your DM with me (Apps › Star Drill). Answer it there with the *Answer with STAR* button.`,
      );
    },
  };
}
