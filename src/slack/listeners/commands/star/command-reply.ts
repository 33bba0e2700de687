import type { AckFn, RespondArguments, RespondFn } from '@slack/bolt';
import { ephemeral } from '../../../../views/command-replies.ts';
import type { SlackMessage } from '../../../../views/drill-message.ts';
import type { RequestContext } from '../../../context.ts';

/**
 * How long a command's work may hold its ack to send its reply in it. A reply in the ack is one Web API call
 * fewer than one through response_url (about a tenth of a subscribe's CPU, bench/limits.md) and reaches the
 * person at once; past this (a queue of work, a slow database or Slack) the ack goes empty and the reply
 * follows through response_url, valid 30 minutes.
 */
export const REPLY_IN_ACK_MS = 1_000;
/** The ack goes at least this long before Slack's 3 s run out (trigger-deadline.ts), reply or not. */
const DEADLINE_MARGIN_MS = 1_000;

/** Where a slash command's one reply goes: in its ack while that is held, else to its response_url. */
export interface CommandReply {
  /** Sends the reply; a failed response_url post is logged, a failed ack rejects (as Bolt's ack does). */
  send(message: SlackMessage): Promise<void>;
  /** No reply to send: the ack goes now, empty, if it has not gone yet. */
  none(): Promise<void>;
  /** Settles once the ack is written: the listener awaits it, so Bolt sees the request answered. */
  readonly acked: Promise<void>;
}

export interface CommandReplyOptions {
  ack: AckFn<string | RespondArguments>;
  respond: RespondFn;
  log: RequestContext['log'];
  /** A `performance.now()` instant: Slack's deadline for this request (slackDeadlineOf). */
  deadline: number;
  /** A message known at once goes in the ack right away; the reply then goes through response_url. */
  immediate?: SlackMessage;
}

/**
 * Holds the ack of a command for its reply, until the reply is ready or REPLY_IN_ACK_MS (at most
 * DEADLINE_MARGIN_MS before Slack's deadline) have passed; then acks empty and sends the reply through
 * response_url when it comes.
 */
export function commandReply(o: CommandReplyOptions): CommandReply {
  let ackCall: Promise<void> | undefined;
  let settle!: (ack: Promise<void>) => void;
  const acked = new Promise<void>((resolve) => {
    settle = resolve;
  });
  let timer: NodeJS.Timeout | undefined;
  // A failed ack rejects `acked`, which the listener awaits: the callers here need not see it again.
  const ackWith = (message?: SlackMessage): Promise<void> => {
    clearTimeout(timer);
    ackCall ??= o.ack(message ? ephemeral(message) : undefined);
    settle(ackCall);
    return ackCall;
  };
  if (o.immediate) void ackWith(o.immediate).catch(() => undefined);
  else {
    const ackBy = Math.min(performance.now() + REPLY_IN_ACK_MS, o.deadline - DEADLINE_MARGIN_MS);
    timer = setTimeout(() => void ackWith().catch(() => undefined), Math.max(0, ackBy - performance.now()));
  }
  return {
    acked,
    async send(message) {
      if (!ackCall) return ackWith(message);
      await ackCall;
      await o.respond(ephemeral(message)).then(
        () => undefined,
        (err: unknown) => o.log.warn({ err }, 'could not answer through response_url'),
      );
    },
    async none() {
      if (!ackCall) await ackWith();
    },
  };
}
