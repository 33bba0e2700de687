import type { ModalView } from '@slack/types';
import type { SlackMessage } from '../../../../views/drill-message.ts';
import type { RequestContext } from '../../../context.ts';
import type { SlashCommandPayload } from '../../../parse-payloads.ts';

export interface SubcommandInput {
  ctx: RequestContext;
  command: SlashCommandPayload;
  /** The words after the subcommand (or the whole text for a topic). */
  args: string;
}

/**
 * What a subcommand answers. `ack` is sent as the immediate response (so it must not wait on I/O);
 * `later` does the slow work in the work queue, and its message goes to the user in the ack when it is ready
 * within a second (command-reply.ts), else through response_url after an empty ack.
 */
export interface SubcommandReply {
  ack?: SlackMessage;
  later?: () => Promise<SlackMessage | undefined>;
  /** A modal opened with the command's trigger right after the ack (no database: the trigger lives 3 s). */
  modal?: () => ModalView;
}

export type Subcommand = (input: SubcommandInput) => SubcommandReply;
