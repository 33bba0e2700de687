import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import {
  ambiguousTopicReply,
  BUSY,
  ephemeral,
  plainReply,
  UNAVAILABLE,
  unknownTopicReply,
} from '../../../../views/command-replies.ts';
import type { SlackMessage } from '../../../../views/drill-message.ts';
import type { RequestContext } from '../../../context.ts';
import { ackNoLongerOwed } from '../../../owed-ack.ts';
import { slashCommandSchema } from '../../../parse-payloads.ts';
import { slackDeadlineOf } from '../../../trigger-deadline.ts';
import { commandReply } from './command-reply.ts';
import { drillOn, random } from './drill.ts';
import { guide } from './guide.ts';
import { help, tips, topics } from './help.ts';
import { history } from './history.ts';
import { mock } from './mock.ts';
import { model } from './model.ts';
import { deleteData, exportData, interview, pause, recap, resume } from './progress.ts';
import { role } from './role.ts';
import { schedulingSubcommands } from './scheduling.ts';
import { stories } from './stories.ts';
import type { Subcommand, SubcommandReply } from './subcommand.ts';

// A Map, not an object: `/star constructor` must not find Object.prototype.constructor.
const SUBCOMMANDS = new Map<string, Subcommand>(
  Object.entries({
    help,
    topics,
    tips,
    random,
    history,
    ...schedulingSubcommands,
    pause,
    resume,
    interview,
    recap,
    export: exportData,
    delete: deleteData,
    model,
    stories,
    role,
    mock,
    guide,
  }),
);

/**
 * A command's slow part may wait this long for its turn (past REPLY_IN_ACK_MS its reply goes through
 * response_url, valid 30 minutes); later than that the user has likely given up, and is told the bot was busy
 * instead.
 */
const COMMAND_MAX_WAIT_MS = 5_000;

/**
 * Routes `/star <text>`: a subcommand, else a topic, else the topic list. A subcommand's slow part runs in the
 * work queue; its reply goes in the ack when it is ready in time (command-reply.ts), else through response_url.
 */
export function starCommand(ctx: RequestContext) {
  return async ({ ack, respond, body, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const command = slashCommandSchema.parse(body);
    const text = command.text.trim();
    const [word = '', ...rest] = text.split(/\s+/);
    const subcommand = SUBCOMMANDS.get(word.toLowerCase()) ?? (text === '' ? help : undefined);
    const topic = subcommand ? null : ctx.bank.findTopic(text);
    const input = { ctx, command, args: rest.join(' ') };
    const answer: SubcommandReply = subcommand
      ? subcommand(input)
      : topic
        ? drillOn(input, topic)
        : { ack: notATopic(ctx, text) };
    // What the user typed is theirs: only the subcommand's name is logged.
    const log = ctx.log.child({
      user: command.user_id,
      subcommand: subcommand ? word.toLowerCase() || 'help' : 'topic',
    });
    const { later, ack: first } = answer;
    if (answer.modal) {
      await ack();
      await openModal(ctx, command.trigger_id, answer.modal(), log);
      return;
    }
    if (!later) {
      await ack(first ? ephemeral(first) : undefined);
      return;
    }
    const admission = ctx.work.admit('command');
    if (!admission) {
      await ack(ephemeral(plainReply(BUSY)));
      return;
    }
    const reply = commandReply({ ack, respond, log, deadline: slackDeadlineOf(context), immediate: first });
    // Held for the reply, the ack is this command's own work, not a quick one the work queue should wait for.
    if (!first) ackNoLongerOwed(context);
    admission.run(
      async () => {
        let followUp: SlackMessage | undefined;
        try {
          followUp = await later();
        } catch (err) {
          log.error({ err }, '/star failed');
          followUp = plainReply(UNAVAILABLE);
        }
        await (followUp ? reply.send(followUp) : reply.none());
      },
      { maxWaitMs: COMMAND_MAX_WAIT_MS, tooLate: () => reply.send(plainReply(BUSY)) },
    );
    await reply.acked;
  };
}

async function openModal(
  ctx: RequestContext,
  triggerId: string | undefined,
  view: ModalView,
  log: RequestContext['log'],
) {
  if (!triggerId) return;
  try {
    await ctx.slack.modal.views.open({ trigger_id: triggerId, view });
  } catch (err) {
    await ctx.tokens.report(err, ctx.teamId).catch(() => undefined);
    log.error({ err }, 'could not open the modal');
  }
}

/** A word that names several topics says which; anything else gets the topic list. */
function notATopic(ctx: RequestContext, text: string): SlackMessage {
  const find = (q: string) => ctx.bank.findTopic(q);
  const matches = text === '' ? [] : ctx.bank.topicsMatching(text);
  return matches.length > 1
    ? ambiguousTopicReply(text, matches, ctx.bank.topics, find)
    : unknownTopicReply(text, ctx.bank.topics, find);
}
