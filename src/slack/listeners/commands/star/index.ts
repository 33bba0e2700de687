import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { BotContext } from '../../../../context.ts';
import { slashCommandSchema } from '../../../payloads.ts';
import { plainReply, unknownTopicReply } from '../../../views/command-replies.ts';
import type { SlackMessage } from '../../../views/drill-message.ts';
import { drillOn, random } from './drill.ts';
import { help, topics } from './help.ts';
import { history } from './history.ts';
import { schedulingSubcommands } from './scheduling.ts';
import type { Subcommand, SubcommandReply } from './subcommand.ts';

// A Map, not an object: `/star constructor` must not find Object.prototype.constructor.
const SUBCOMMANDS = new Map<string, Subcommand>(
  Object.entries({ help, topics, random, history, ...schedulingSubcommands }),
);

export const UNAVAILABLE =
  ':warning: Star Drill is temporarily unavailable (it cannot reach its database or Slack). Please try again in a minute.';

/** Routes `/star <text>`: a subcommand, else a topic, else the topic list. */
export function starCommand(ctx: BotContext) {
  return async ({ ack, respond, body }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const command = slashCommandSchema.parse(body);
    const text = command.text.trim();
    const [word = '', ...rest] = text.split(/\s+/);
    const subcommand = SUBCOMMANDS.get(word.toLowerCase()) ?? (text === '' ? help : undefined);
    const topic = subcommand ? null : ctx.bank.findTopic(text);
    const input = { ctx, command, args: rest.join(' ') };
    const reply: SubcommandReply = subcommand
      ? subcommand(input)
      : topic
        ? drillOn(input, topic)
        : { ack: unknownTopicReply(text, ctx.bank.topics, (q) => ctx.bank.findTopic(q)) };

    await ack(reply.ack ? ephemeral(reply.ack) : undefined);
    if (!reply.later) return;
    let followUp: SlackMessage | undefined;
    try {
      followUp = await reply.later();
    } catch (err) {
      ctx.log.error({ err, user: command.user_id, text }, '/star failed after ack');
      followUp = plainReply(UNAVAILABLE);
    }
    if (followUp) {
      await respond(ephemeral(followUp)).catch((err: unknown) =>
        ctx.log.warn({ err, user: command.user_id }, 'could not answer through response_url'),
      );
    }
  };
}

function ephemeral(message: SlackMessage) {
  return { response_type: 'ephemeral' as const, replace_original: false, ...message };
}
