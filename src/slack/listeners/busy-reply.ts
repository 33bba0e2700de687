import { ephemeral, plainReply } from '../../views/command-replies.ts';
import type { SlackMessage } from '../../views/drill-message.ts';
import type { RequestContext } from '../context.ts';
import { slackDeadlineOf } from '../trigger-deadline.ts';

/** What a person whose click the bot shed is told (issue 22): nothing happened, and when to try again. */
export const BUSY_CLICK =
  ':hourglass_flowing_sand: Star Drill is busy right now; nothing was changed. Try again in a minute.';

/**
 * How long a click that opens no modal (a rating, a skip, a peer request, a mock's offer) may wait for its
 * turn before it is told "busy" instead: a person takes a button that shows nothing for longer than a few
 * seconds for a broken one. It was 10 s while the work queue held 200 tasks and no click waited that long;
 * with 2,000 waiting, earliest deadline first, a rating could sit unseen for the whole 10 s (300 of them in
 * the soak's ramp, bench/limits.md).
 */
export const CLICK_MAX_WAIT_MS = 5_000;

/**
 * When a click that fills the open modal in place (views.update: "Start from a saved story") must have
 * started: within the click's 3 s (Slack's deadline, from its signed timestamp) and 1 s of waiting in the
 * queue. It needs no trigger, but it replaces the fields: coming later it would overwrite what the person
 * started typing meanwhile, or change a modal they took for unresponsive. Past it they hear "busy" instead.
 */
export function modalFillStartBy(context: Record<string, unknown>): number {
  return Math.min(slackDeadlineOf(context), performance.now() + 1_000);
}

/** Posts to an interaction's response_url (Bolt's `respond`). */
export type Respond = (message: ReturnType<typeof ephemeral>) => Promise<unknown>;

/**
 * Tells one person something only they see, in the conversation they acted from: through the interaction's
 * response_url when it has one (a button on a message: valid 30 minutes, no trigger needed), else with
 * chat.postEphemeral in their DM with the bot (a button on the Home tab, a modal's submission, which come
 * without one). Never a modal: a busy bot may reach the person after their trigger has expired, and a notice
 * modal opened then fails silently. Best effort: a failure is logged.
 */
export async function tellEphemerally(
  ctx: Pick<RequestContext, 'slack'>,
  p: { userId: string; respond?: Respond; log: RequestContext['log'] },
  message: SlackMessage,
): Promise<void> {
  try {
    if (p.respond) {
      await p.respond(ephemeral(message));
      return;
    }
    const slack = ctx.slack.interactive;
    const opened = await slack.conversations.open({ users: p.userId });
    const channel = opened.channel?.id;
    if (!channel) throw new Error('conversations.open returned no channel');
    await slack.chat.postEphemeral({ channel, user: p.userId, ...message });
  } catch (err) {
    p.log.warn({ err }, 'could not tell the user ephemerally');
  }
}

/** The busy notice of a click, as `tellEphemerally` sends it. */
export const tellBusy = (ctx: Pick<RequestContext, 'slack'>, p: Parameters<typeof tellEphemerally>[1]) =>
  tellEphemerally(ctx, p, plainReply(BUSY_CLICK));

/** Bolt's `respond` when the interaction came with a response_url (its types claim it always does). */
export function responseUrlOf(args: { respond?: unknown }): Respond | undefined {
  return typeof args.respond === 'function' ? (args.respond as Respond) : undefined;
}

/**
 * Runs a click's work that opens no modal (openModalForClick opens one) in the work queue, as Admission.run
 * does. When the bot sheds the click, or its turn has not come by `limit`, the person is told "busy"
 * ephemerally and nothing of `work` runs: a click never ends in silence, and its listener needs no busy
 * branch of its own.
 */
export async function runClickOrTellBusy(
  ctx: Pick<RequestContext, 'slack' | 'work'>,
  work: () => Promise<void>,
  p: {
    /** Names the click among the shed requests (metrics, the log of refusals). */
    kind: string;
    userId: string;
    respond?: Respond;
    log: RequestContext['log'];
    limit: { maxWaitMs: number } | { startBy: number };
  },
): Promise<void> {
  const busy = () => tellBusy(ctx, { userId: p.userId, respond: p.respond, log: p.log });
  const admission = ctx.work.admit(p.kind);
  if (!admission) {
    await busy();
    return;
  }
  admission.run(work, { ...p.limit, tooLate: busy });
}
