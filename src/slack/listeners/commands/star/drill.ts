import type { Topic } from '../../../../bank/types.ts';
import { countRecentOnDemandDrills } from '../../../../db/repositories/drills.ts';
import { ensureUser } from '../../../../db/repositories/users.ts';
import { sendOnDemandDrill } from '../../../../delivery/on-demand.ts';
import { plainReply } from '../../../../views/command-replies.ts';
import { slackRefusalReply } from './slack-refusal.ts';
import type { Subcommand, SubcommandInput, SubcommandReply } from './subcommand.ts';

/**
 * Drills a user may ask for per minute: far more than a person exploring uses, and a stop for a runaway
 * script (each drill is a DM and a row).
 */
export const ON_DEMAND_DRILLS_PER_MINUTE = 12;

/** `/star random`: any topic, the least recently drilled first. */
export const random: Subcommand = (input) => drillOn(input, undefined);

/** `/star <topic>`: the caller resolved the topic already. */
export function drillOn({ ctx, command }: SubcommandInput, topic: Topic | undefined): SubcommandReply {
  return {
    later: async () => {
      const who = ctx.person(command.user_id);
      if (
        (await countRecentOnDemandDrills(ctx.db, who, 60, ctx.clock.now())) >= ON_DEMAND_DRILLS_PER_MINUTE
      ) {
        ctx.log.warn({ user: who.userId }, 'on-demand drill refused: over the per-minute limit');
        return plainReply(
          `:raised_hand: That is ${ON_DEMAND_DRILLS_PER_MINUTE} drills in a minute: take a breath and answer one of them first. You can ask for another in a minute.`,
        );
      }
      await ensureUser(ctx.db, who, { enterpriseId: ctx.enterpriseId });
      let drill: Awaited<ReturnType<typeof sendOnDemandDrill>>;
      try {
        drill = await sendOnDemandDrill(
          { ...ctx, slack: ctx.slack.interactive },
          who,
          topic ? [topic.slug] : [],
        );
      } catch (err) {
        return slackRefusalReply(ctx, err, { noun: 'drill', sent: 'No drill was sent.' });
      }
      // In the bot's DM the drill itself is the answer; anywhere else, say where it went.
      if (drill.channelId === command.channel_id) return undefined;
      const title = ctx.bank.topicTitle(drill.topicSlug);
      return plainReply(
        `:dart: Your *${title}* drill is waiting in your DM with me (Apps › Star Drill). Answer it there with the *Answer with STAR* button.`,
      );
    },
  };
}
