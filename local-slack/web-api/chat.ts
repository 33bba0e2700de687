// chat.postMessage and chat.update: the bot's DMs, thread replies and in-place edits.

import { messageOutput } from '../build-payloads.ts';
import type { StoredMessage } from '../types.ts';
import {
  type Core,
  checkContent,
  fail,
  missing,
  type Obj,
  ok,
  type Result,
  resolveChannel,
} from './common.ts';

export function postMessage(core: Core, args: Obj): Result {
  if (args.channel === undefined) return fail('channel_not_found');
  const channel = resolveChannel(core, args.channel, true);
  if (!channel) return fail('channel_not_found');
  const content = checkContent(args, true);
  if ('ok' in content) return content;
  let parent: StoredMessage | undefined;
  if (args.thread_ts !== undefined && args.thread_ts !== '') {
    parent = typeof args.thread_ts === 'string' ? core.store.message(channel, args.thread_ts) : undefined;
    if (!parent || parent.thread_ts !== undefined) return fail('thread_not_found');
  }
  const message: StoredMessage = {
    channel,
    ts: core.ts.next(),
    text: content.text ?? '',
    blocks: content.blocks ?? [],
    user: core.workspace.botUserId,
  };
  if (parent) message.thread_ts = parent.ts;
  if (args.metadata !== undefined) message.metadata = args.metadata;
  core.store.addMessage(message);
  if (parent) countReply(core, parent);
  return ok({ channel, ts: message.ts, message: messageOutput(core.workspace, message) });
}

/** The parent shows "N replies"; announced so a live page updates the count. */
export function countReply(core: Core, parent: StoredMessage): void {
  parent.reply_count = (parent.reply_count ?? 0) + 1;
  core.store.changed({ kind: 'message', message: parent });
}

export function update(core: Core, args: Obj): Result {
  // chat.update wants the conversation id that chat.postMessage returned; a user id is not one.
  const channel = resolveChannel(core, args.channel, false);
  if (!channel) return fail('channel_not_found');
  if (typeof args.ts !== 'string') return missing('ts');
  const message = core.store.message(channel, args.ts);
  if (!message) return fail('message_not_found');
  const content = checkContent(args, true);
  if ('ok' in content) return content;
  // Slack keeps what an update leaves out: omitted blocks stay, omitted text stays.
  if (content.text !== undefined) message.text = content.text;
  if (content.blocks !== undefined) message.blocks = content.blocks;
  if (args.metadata !== undefined) message.metadata = args.metadata;
  message.edited = true;
  core.store.changed({ kind: 'message', message });
  return ok({
    channel,
    ts: message.ts,
    text: message.text,
    message: messageOutput(core.workspace, message),
  });
}
